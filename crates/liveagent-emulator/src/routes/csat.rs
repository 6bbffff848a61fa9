//! Account API: CSAT survey responses (`csat_survey_responses`, `/metrics`, `/download`),
//! review notes (`PATCH csat_survey_responses/{id}`, enterprise), reporting events and audit
//! logs (enterprise). Administrators only.

use super::report_data::{Range, csv_line, range, within};
use super::{World, page, seg_id};
use crate::auth::Bots;
use crate::clock::{iso_text, now};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{CsatResponse, Id, Store};
use crate::views::contacts::contact;
use crate::views::misc::reporting_event;
use crate::views::people::agent;
use serde_json::{Map, Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    let known = matches!(
        rest,
        ["csat_survey_responses"]
            | ["csat_survey_responses", "metrics" | "download"]
            | ["reporting_events"]
            | ["audit_logs"]
    );
    if let ("PATCH", ["csat_survey_responses", id]) = (method, rest) {
        return update(w, req, account_id, id);
    }
    if method != "GET" || !known {
        return Err(Fail::rails_not_found());
    }
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let store = &w.store;
    match rest {
        ["csat_survey_responses"] => {
            let found = responses(store, req, account_id);
            let page = page(found, req.int("page"), 25);
            Ok(Reply::json(Value::Array(
                page.into_iter().map(|r| response(store, r)).collect(),
            )))
        }
        ["csat_survey_responses", "metrics"] => {
            let found = responses(store, req, account_id);
            let mut ratings = Map::new();
            for r in &found {
                let n = ratings
                    .get(&r.rating.to_string())
                    .and_then(Value::as_u64)
                    .unwrap_or(0);
                ratings.insert(r.rating.to_string(), json!(n + 1));
            }
            let range = range(req);
            let sent = store
                .conversations
                .of_account(account_id)
                .flat_map(|c| store.messages_of(c.id))
                .filter(|m| m.content_type == "input_csat" && within(range, m.created_at))
                .count();
            Ok(Reply::json(json!({
                "total_count": found.len(),
                "ratings_count": ratings,
                "total_sent_messages_count": sent,
            })))
        }
        ["csat_survey_responses", "download"] => download(store, req, account_id),
        ["reporting_events"] => Ok(Reply::json(events(store, req, account_id))),
        _ => Ok(Reply::json(audit_logs(store, req, account_id))),
    }
}

/// `set_csat_survey_responses`: the filters of index, metrics and download.
fn responses<'a>(store: &'a Store, req: &Req, account_id: Id) -> Vec<&'a CsatResponse> {
    let range: Range = range(req);
    let ids = |key: &str| -> Vec<i64> {
        req.query_list(key)
            .iter()
            .filter_map(|v| v.parse().ok())
            .collect()
    };
    let (users, ratings) = (ids("user_ids"), ids("rating"));
    let (inbox, team) = (req.id("inbox_id"), req.id("team_id"));
    store
        .csat_responses
        .iter()
        .filter(|r| r.account_id == account_id && within(range, r.created_at))
        .filter(|r| {
            users.is_empty()
                || r.assigned_agent_id
                    .is_some_and(|a| users.contains(&(a as i64)))
        })
        .filter(|r| ratings.is_empty() || ratings.contains(&r.rating))
        .filter(|r| {
            let c = store.conversation(r.conversation_id);
            inbox.is_none_or(|i| c.is_some_and(|c| c.inbox_id == i))
                && team.is_none_or(|t| c.is_some_and(|c| c.team_id == Some(t)))
        })
        .collect()
}

/// `models/_csat_survey_response.json.jbuilder`.
fn response(store: &Store, r: &CsatResponse) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), json!(r.id));
    o.insert("rating".into(), json!(r.rating));
    o.insert("feedback_message".into(), json!(r.feedback_message));
    o.insert("csat_review_notes".into(), json!(r.review_notes));
    o.insert(
        "review_notes_updated_at".into(),
        json!(r.review_notes_updated_at.map(|t| t.floor() as i64)),
    );
    if let Some(u) = r.review_notes_updated_by.and_then(|u| store.user(u)) {
        o.insert(
            "review_notes_updated_by".into(),
            json!({ "id": u.id, "name": u.name }),
        );
    }
    o.insert("account_id".into(), json!(r.account_id));
    o.insert("message_id".into(), json!(r.message_id));
    if let Some(c) = store.contact(r.contact_id) {
        o.insert("contact".into(), contact(store, c, false));
    }
    let display = store.conversation(r.conversation_id).map(|c| c.display_id);
    o.insert("conversation_id".into(), json!(display));
    if let Some(u) = r.assigned_agent_id.and_then(|u| store.user(u)) {
        o.insert("assigned_agent".into(), agent(store, r.account_id, u));
    }
    o.insert("created_at".into(), json!(r.created_at.floor() as i64));
    Value::Object(o)
}

/// `Enterprise::...::CsatSurveyResponsesController#update`: the response is found first (404),
/// then the policy asks for an administrator; the notes (absent: cleared) are stamped with the
/// caller and the time.
fn update(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let id = seg_id(id)?;
    let t = now();
    let r = w
        .store
        .csat_responses
        .iter_mut()
        .find(|r| r.id == id && r.account_id == account_id)
        .ok_or_else(Fail::not_found)?;
    scope.require_admin()?;
    r.review_notes = req.str("csat_review_notes");
    r.review_notes_updated_by = scope.user_id();
    r.review_notes_updated_at = Some(t);
    r.updated_at = t;
    let r = r.clone();
    Ok(Reply::json(response(&w.store, &r)))
}

/// `download.csv.erb` (enterprise: with review notes); its last line names the period.
fn download(store: &Store, req: &Req, account_id: Id) -> Res {
    let period = super::report_csv::period_line(req)?;
    let heads = [
        "Agent Name",
        "Rating",
        "Feedback Comment",
        "Contact Name",
        "Contact Email Address",
        "Contact Phone Number",
        "Link to the conversation",
        "Recorded date",
        "Review Notes",
    ];
    let mut out = csv_line(&heads.map(|h| json!(h)));
    for r in responses(store, req, account_id) {
        let agent = r
            .assigned_agent_id
            .and_then(|u| store.user(u))
            .map(|u| format!("{} ({})", u.name, u.email));
        let contact = store.contact(r.contact_id);
        let text = |v: Option<&String>| json!(v.filter(|s| !s.is_empty()));
        let link = store.conversation(r.conversation_id).map(|c| {
            format!(
                "http://localhost:3000/app/accounts/{account_id}/conversations/{}",
                c.display_id
            )
        });
        let recorded = iso_text(r.created_at);
        out.push_str(&csv_line(&[
            json!(agent),
            json!(r.rating),
            text(r.feedback_message.as_ref()),
            text(contact.map(|c| &c.name)),
            text(contact.and_then(|c| c.email.as_ref())),
            text(contact.and_then(|c| c.phone_number.as_ref())),
            json!(link),
            json!(format!("{} {} UTC", &recorded[..10], &recorded[11..19])),
            json!(r.review_notes),
        ]));
    }
    out.push_str(&period);
    Ok(Reply::csv(out))
}

/// `reporting_events#index`: newest first, 25 a page.
fn events(store: &Store, req: &Req, account_id: Id) -> Value {
    let range = range(req);
    let (inbox, user, name) = (req.id("inbox_id"), req.id("user_id"), req.str("name"));
    let mut found: Vec<_> = store
        .reporting_events
        .iter()
        .filter(|e| e.account_id == account_id && within(range, e.created_at))
        .filter(|e| inbox.is_none_or(|i| e.inbox_id == i))
        .filter(|e| user.is_none_or(|u| e.user_id == Some(u)))
        .filter(|e| name.as_ref().is_none_or(|n| &e.name == n))
        .collect();
    found.sort_by(|a, b| b.created_at.total_cmp(&a.created_at));
    let count = found.len();
    let current = req.int("page").unwrap_or(1).max(1);
    let payload: Vec<Value> = page(found, Some(current), 25)
        .into_iter()
        .map(reporting_event)
        .collect();
    json!({
        "payload": payload,
        "meta": { "count": count, "current_page": current, "total_pages": count.div_ceil(25) },
    })
}

/// `audit_logs#show`: the emulator audits nothing, so the log is empty; without the
/// `audit_logs` feature the server answers the same empty page.
fn audit_logs(_store: &Store, req: &Req, _account_id: Id) -> Value {
    json!({
        "per_page": 25,
        "total_entries": 0,
        "current_page": req.int("page").unwrap_or(1).max(1),
        "audit_logs": [],
    })
}
