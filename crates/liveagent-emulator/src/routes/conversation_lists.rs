//! Account API, conversation listings: the list, its counts, search and filter
//! (`/api/v1/accounts/{account_id}/conversations`, `/meta`, `/search`, `/filter`).

use super::{World, can_see, page, seg_id};
use crate::auth::{Bots, Scope};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Assignee, Conversation, Id, Store};
use crate::views::conversations::{conversation, search_conversation};
use serde_json::{Value, json};

const PER_PAGE: usize = 25;

/// The conversations the finder keeps before `assignee_type` and paging.
fn find<'a>(store: &'a Store, scope: &Scope, req: &Req) -> Result<Vec<&'a Conversation>, Fail> {
    let q = req
        .query("q")
        .map(str::to_lowercase)
        .filter(|q| !q.is_empty());
    let status = req.query("status").unwrap_or("open");
    let inbox_id = req.query("inbox_id").and_then(|v| v.parse::<Id>().ok());
    let team_id = match req.query("team_id") {
        Some(t) => {
            let id = seg_id(t)?;
            store
                .team(id)
                .filter(|t| t.account_id == scope.account_id)
                .ok_or_else(Fail::not_found)?;
            Some(id)
        }
        None => None,
    };
    let labels = req.query_list("labels");
    let source_id = req.query("source_id");
    let conversation_type = req.query("conversation_type");
    let mut found: Vec<&Conversation> = store
        .conversations
        .of_account(scope.account_id)
        .filter(|c| can_see(store, scope, c))
        .filter(|c| q.is_some() || status == "all" || c.status == status)
        .filter(|c| inbox_id.is_none_or(|i| c.inbox_id == i))
        .filter(|c| team_id.is_none_or(|t| c.team_id == Some(t)))
        .filter(|c| labels.is_empty() || labels.iter().any(|l| c.labels.contains(l)))
        .filter(|c| {
            source_id.is_none_or(|s| {
                store
                    .contact_inbox(c.contact_inbox_id)
                    .is_some_and(|ci| ci.source_id == s)
            })
        })
        .filter(|c| match conversation_type {
            Some("participating") => scope
                .user_id()
                .is_some_and(|u| c.assignee == Some(Assignee::User(u))),
            Some("unattended") => c.first_reply_created_at.is_none(),
            Some("mention") => false,
            _ => true,
        })
        .filter(|c| match &q {
            Some(q) => store.messages_of(c.id).any(|m| {
                m.message_type <= 1
                    && m.content
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(q))
            }),
            None => true,
        })
        .collect();
    sort(&mut found, req.query("sort_by"));
    Ok(found)
}

fn sort(found: &mut [&Conversation], sort_by: Option<&str>) {
    let priority = |c: &Conversation| match c.priority.as_deref() {
        Some("urgent") => 4,
        Some("high") => 3,
        Some("medium") => 2,
        Some("low") => 1,
        _ => 0,
    };
    match sort_by {
        Some("last_activity_at_asc") => {
            found.sort_by(|a, b| a.last_activity_at.total_cmp(&b.last_activity_at))
        }
        Some("created_at_asc") => found.sort_by(|a, b| a.created_at.total_cmp(&b.created_at)),
        Some("created_at_desc") => found.sort_by(|a, b| b.created_at.total_cmp(&a.created_at)),
        Some("priority_desc") => found.sort_by_key(|c| std::cmp::Reverse(priority(c))),
        Some("priority_asc") => found.sort_by_key(|c| priority(c)),
        Some("waiting_since_asc") => found.sort_by(|a, b| {
            a.waiting_since
                .unwrap_or(f64::MAX)
                .total_cmp(&b.waiting_since.unwrap_or(f64::MAX))
        }),
        Some("waiting_since_desc") => found.sort_by(|a, b| {
            b.waiting_since
                .unwrap_or(0.0)
                .total_cmp(&a.waiting_since.unwrap_or(0.0))
        }),
        _ => found.sort_by(|a, b| b.last_activity_at.total_cmp(&a.last_activity_at)),
    }
}

/// Counts per assignee type; a bot assignment counts as unassigned, as upstream.
fn counts(found: &[&Conversation], scope: &Scope) -> (usize, usize, usize) {
    let mine = found
        .iter()
        .filter(|c| {
            scope
                .user_id()
                .is_some_and(|u| c.assignee == Some(Assignee::User(u)))
        })
        .count();
    let unassigned = found
        .iter()
        .filter(|c| !matches!(c.assignee, Some(Assignee::User(_))))
        .count();
    (mine, unassigned, found.len())
}

pub(super) fn list(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let found = find(&w.store, &scope, req)?;
    let (mine, unassigned, all) = counts(&found, &scope);
    let kept: Vec<&Conversation> = found
        .into_iter()
        .filter(|c| match req.query("assignee_type") {
            Some("me") => scope
                .user_id()
                .is_some_and(|u| c.assignee == Some(Assignee::User(u))),
            Some("unassigned") => !matches!(c.assignee, Some(Assignee::User(_))),
            Some("assigned") => matches!(c.assignee, Some(Assignee::User(_))),
            _ => true,
        })
        .collect();
    let payload: Vec<Value> = page(kept, req.int("page"), PER_PAGE)
        .into_iter()
        .map(|c| conversation(&w.store, c, scope.user_id()))
        .collect();
    Ok(Reply::json(json!({
        "data": {
            "meta": { "mine_count": mine, "assigned_count": all - unassigned, "unassigned_count": unassigned, "all_count": all },
            "payload": payload,
        }
    })))
}

pub(super) fn meta(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let found = find(&w.store, &scope, req)?;
    let (mine, unassigned, all) = counts(&found, &scope);
    Ok(Reply::json(json!({
        "meta": { "mine_count": mine, "assigned_count": all - unassigned, "unassigned_count": unassigned, "all_count": all }
    })))
}

pub(super) fn search(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let found = find(&w.store, &scope, req)?;
    let (mine, unassigned, all) = counts(&found, &scope);
    let q = req.query("q").unwrap_or_default();
    let payload: Vec<Value> = page(found, req.int("page"), PER_PAGE)
        .into_iter()
        .map(|c| search_conversation(&w.store, c, q))
        .collect();
    Ok(Reply::json(json!({
        "meta": { "mine_count": mine, "unassigned_count": unassigned, "all_count": all },
        "payload": payload,
    })))
}

const FILTER_KEYS: [&str; 8] = [
    "status",
    "assignee_id",
    "inbox_id",
    "team_id",
    "contact_id",
    "priority",
    "display_id",
    "labels",
];

/// One filter condition against one conversation.
fn matches(c: &Conversation, key: &str, operator: &str, values: &[Value]) -> bool {
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    let values: Vec<String> = values.iter().map(text).collect();
    let current: Vec<String> = match key {
        "status" => vec![c.status.clone()],
        "assignee_id" => match c.assignee {
            Some(Assignee::User(u)) => vec![u.to_string()],
            _ => vec![],
        },
        "inbox_id" => vec![c.inbox_id.to_string()],
        "team_id" => c.team_id.map(|t| t.to_string()).into_iter().collect(),
        "contact_id" => vec![c.contact_id.to_string()],
        "priority" => c.priority.clone().into_iter().collect(),
        "display_id" => vec![c.display_id.to_string()],
        "labels" => c.labels.clone(),
        custom => c
            .custom_attributes
            .get(custom)
            .map(text)
            .into_iter()
            .collect(),
    };
    match operator {
        "equal_to" => values
            .iter()
            .any(|v| v == "all" && key == "status" || current.contains(v)),
        "not_equal_to" => !values.iter().any(|v| current.contains(v)),
        "is_present" => !current.is_empty(),
        "is_not_present" => current.is_empty(),
        "contains" => values
            .iter()
            .any(|v| current.iter().any(|c| c.contains(v.as_str()))),
        "does_not_contain" => !values
            .iter()
            .any(|v| current.iter().any(|c| c.contains(v.as_str()))),
        _ => false,
    }
}

pub(super) fn filter(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let Some(conditions) = req.body.get("payload").and_then(Value::as_array).cloned() else {
        return Err(Fail::rails_error());
    };
    let custom_keys: Vec<String> = w
        .store
        .attribute_definitions
        .iter()
        .filter(|d| d.account_id == account_id && d.model == "conversation_attribute")
        .map(|d| d.key.clone())
        .collect();
    for condition in &conditions {
        let key = condition["attribute_key"].as_str().unwrap_or_default();
        if !FILTER_KEYS.contains(&key) && !custom_keys.iter().any(|k| k == key) {
            return Err(Fail::error(
                422,
                &format!(
                    "Invalid attribute key - [{key}]. The key should be one of [{}] or a custom attribute defined in the account.",
                    FILTER_KEYS.join(",")
                ),
            ));
        }
        if let Some(op) = condition["query_operator"].as_str()
            && op != "AND"
            && op != "OR"
        {
            return Err(Fail::error(
                422,
                "Query operator must be either \"AND\" or \"OR\".",
            ));
        }
    }
    let keep = |c: &Conversation| {
        let mut result: Option<bool> = None;
        let mut joiner = "AND";
        for condition in &conditions {
            let values = match &condition["values"] {
                Value::Array(v) => v.clone(),
                Value::Null => vec![],
                other => vec![other.clone()],
            };
            let hit = matches(
                c,
                condition["attribute_key"].as_str().unwrap_or_default(),
                condition["filter_operator"].as_str().unwrap_or_default(),
                &values,
            );
            result = Some(match (result, joiner) {
                (None, _) => hit,
                (Some(r), "OR") => r || hit,
                (Some(r), _) => r && hit,
            });
            joiner = condition["query_operator"].as_str().unwrap_or("AND");
        }
        result.unwrap_or(true)
    };
    let mut found: Vec<&Conversation> = w
        .store
        .conversations
        .of_account(account_id)
        .filter(|c| can_see(&w.store, &scope, c) && keep(c))
        .collect();
    sort(&mut found, None);
    let (mine, unassigned, all) = counts(&found, &scope);
    let payload: Vec<Value> = page(found, req.int("page"), PER_PAGE)
        .into_iter()
        .map(|c| conversation(&w.store, c, scope.user_id()))
        .collect();
    Ok(Reply::json(json!({
        "meta": { "mine_count": mine, "unassigned_count": unassigned, "all_count": all },
        "payload": payload,
    })))
}
