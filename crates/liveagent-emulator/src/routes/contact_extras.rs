//! Account API, contact extras and bulk helpers: contact notes, attachments, avatar, custom
//! attribute removal, online contacts, export, `contact_inboxes/filter`, `assignable_agents`
//! and `bulk_actions` under `/api/v1/accounts/{account_id}/`.

use super::{World, can_see, seg_id};
use crate::auth::{Bots, Scope};
use crate::clock::{self, now};
use crate::events::{changes, contact_columns, contact_payload};
use crate::http::{Fail, Reply, Req, Res};
use crate::ops;
use crate::store::{Assignee, Contact, Id, Note, Store};
use crate::views::contact_extras::note;
use crate::views::contacts::contact;
use crate::views::messages::conversation_attachment;
use crate::views::people::agent;
use serde_json::{Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("POST", ["contact_inboxes", "filter"]) => filter_contact_inboxes(w, req, account_id),
        ("GET", ["contacts", "active"]) => active(w, req, account_id),
        ("POST", ["contacts", "export"]) => {
            // Upstream queues `Account::ContactsExportJob`, which mails the CSV; nothing to see.
            w.scope(req, account_id, Bots::Denied)?.require_admin()?;
            Ok(Reply::ok())
        }
        ("GET", ["contacts", id, "notes"]) => list_notes(w, req, account_id, id),
        ("POST", ["contacts", id, "notes"]) => create_note(w, req, account_id, id),
        ("GET", ["contacts", id, "notes", note_id]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let contact_id = find(&w.store, account_id, id)?.id;
            let n = find_note(&w.store, contact_id, note_id)?;
            Ok(Reply::json(note(&w.store, &w.store.notes[n])))
        }
        ("PUT" | "PATCH", ["contacts", id, "notes", note_id]) => {
            update_note(w, req, account_id, id, note_id)
        }
        ("DELETE", ["contacts", id, "notes", note_id]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let contact_id = find(&w.store, account_id, id)?.id;
            let n = find_note(&w.store, contact_id, note_id)?;
            w.store.notes.remove(n);
            Ok(Reply::ok())
        }
        ("GET", ["contacts", id, "attachments"]) => attachments(w, req, account_id, id),
        ("DELETE", ["contacts", id, "avatar"]) => {
            w.scope(req, account_id, Bots::Denied)?;
            let contact_id = find(&w.store, account_id, id)?.id;
            w.store.contacts.update(contact_id, |c| c.avatar_url = None);
            let c = find(&w.store, account_id, id)?;
            Ok(Reply::json(
                json!({ "payload": contact(&w.store, c, false) }),
            ))
        }
        ("POST", ["contacts", id, "destroy_custom_attributes"]) => {
            destroy_custom_attributes(w, req, account_id, id)
        }
        ("GET", ["assignable_agents"]) => assignable_agents(w, req, account_id),
        ("GET", ["inboxes", id, "assignable_agents"]) => {
            let scope = w.scope(req, account_id, Bots::Denied)?;
            let inbox_id = inbox(&w.store, &scope, seg_id(id)?)?;
            let members = members_of(&w.store, account_id, inbox_id);
            Ok(agents_reply(&w.store, account_id, members))
        }
        ("POST", ["bulk_actions"]) => bulk_actions(w, req, account_id),
        _ => Err(Fail::no_route()),
    }
}

fn find<'a>(store: &'a Store, account_id: Id, id: &str) -> Result<&'a Contact, Fail> {
    let id = seg_id(id)?;
    store
        .contact(id)
        .filter(|c| c.account_id == account_id)
        .ok_or_else(Fail::not_found)
}

/// The position of a note of the contact.
fn find_note(store: &Store, contact_id: Id, id: &str) -> Result<usize, Fail> {
    let id = seg_id(id)?;
    store
        .notes
        .iter()
        .position(|n| n.id == id && n.contact_id == contact_id)
        .ok_or_else(Fail::not_found)
}

/// An inbox of the account the caller may see (`InboxPolicy#show?`): 404 if unknown, 401 if
/// the caller is an agent who is not a member.
fn inbox(store: &Store, scope: &Scope, inbox_id: Id) -> Result<Id, Fail> {
    let inbox = store
        .inbox(inbox_id)
        .filter(|i| i.account_id == scope.account_id)
        .ok_or_else(Fail::not_found)?;
    let member = scope
        .user_id()
        .is_some_and(|u| store.is_inbox_member(inbox.id, u));
    if scope.sees_all() || member {
        Ok(inbox.id)
    } else {
        Err(Fail::forbidden())
    }
}

/// `params[:note][:content]`, or `content` as Rails' params wrapper nests it under `note`.
fn note_content(req: &Req) -> Result<String, Fail> {
    let wrapped = req.body.get("note").and_then(|n| n.get("content"));
    match wrapped.or_else(|| req.body.get("content")) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Null) | None => Err(Fail::missing("note")),
        Some(other) => Ok(other.to_string()),
    }
}

fn list_notes(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let contact_id = find(&w.store, account_id, id)?.id;
    let mut notes: Vec<&Note> = w
        .store
        .notes
        .iter()
        .filter(|n| n.contact_id == contact_id)
        .collect();
    notes.sort_by(|a, b| b.created_at.total_cmp(&a.created_at).then(b.id.cmp(&a.id)));
    let body: Vec<Value> = notes.into_iter().map(|n| note(&w.store, n)).collect();
    Ok(Reply::json(Value::Array(body)))
}

fn create_note(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let contact_id = find(&w.store, account_id, id)?.id;
    let content = note_content(req)?;
    if content.trim().is_empty() {
        return Err(Fail::invalid("Content can't be blank", &["content"]));
    }
    let t = now();
    let n = Note {
        id: w.store.id(),
        account_id,
        contact_id,
        user_id: scope.user_id(),
        content,
        created_at: t,
        updated_at: t,
    };
    w.store.notes.push(n.clone());
    Ok(Reply::json(note(&w.store, &n)))
}

/// `@note.update(note_params)`: a blank text fails validation silently and the note is
/// rendered unchanged; otherwise the caller becomes the author.
fn update_note(w: &mut World, req: &Req, account_id: Id, id: &str, note_id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let contact_id = find(&w.store, account_id, id)?.id;
    let index = find_note(&w.store, contact_id, note_id)?;
    let content = note_content(req)?;
    if !content.trim().is_empty() {
        let n = &mut w.store.notes[index];
        if n.content != content || n.user_id != scope.user_id() {
            n.updated_at = now();
        }
        n.content = content;
        n.user_id = scope.user_id();
    }
    Ok(Reply::json(note(&w.store, &w.store.notes[index])))
}

/// Files of the contact's conversations the caller may see, newest first, 100 a page.
fn attachments(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let contact_id = find(&w.store, account_id, id)?.id;
    let store = &w.store;
    let mut files: Vec<(f64, Value)> = store
        .conversations
        .of_account(account_id)
        .filter(|c| c.contact_id == contact_id && can_see(store, &scope, c))
        .flat_map(|c| store.messages.thread(c.id).iter().map(move |m| (c, m)))
        .flat_map(|(c, m)| {
            m.attachments
                .iter()
                .filter_map(|b| store.blob(*b))
                .map(move |b| {
                    // The contacts view adds the conversation's display id.
                    let mut file = conversation_attachment(store, m, b);
                    file["conversation_id"] = json!(c.display_id);
                    (m.created_at, file)
                })
        })
        .collect();
    files.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total = files.len();
    let page = super::page(files, req.int("page"), 100);
    let payload: Vec<Value> = page.into_iter().map(|(_, v)| v).collect();
    Ok(Reply::json(
        json!({ "meta": { "total_count": total }, "payload": payload }),
    ))
}

/// Online contacts (`OnlineStatusTracker`): contacts come online through the widget's
/// websocket, which the emulator does not serve, so none are online.
fn active(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let page = req.query("page").map_or(json!(1), |p| json!(p));
    Ok(Reply::json(
        json!({ "meta": { "count": 0, "current_page": page }, "payload": [] }),
    ))
}

fn destroy_custom_attributes(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    let mut draft = find(&w.store, account_id, id)?.clone();
    let keys = req.strings("custom_attributes").unwrap_or_default();
    let before = (contact_columns(&draft), draft.updated_at);
    draft.custom_attributes.retain(|k, _| !keys.contains(k));
    draft.updated_at = now();
    let changed = changes(
        &before.0,
        &contact_columns(&draft),
        (before.1, draft.updated_at),
    );
    if let Some(changed) = changed {
        w.store.contacts.update(draft.id, |c| *c = draft.clone());
        let mut payload = contact_payload(&w.store, &draft);
        payload["changed_attributes"] = changed;
        w.emit(account_id, None, "contact_updated", payload);
    }
    let c = w.store.contact(draft.id).ok_or_else(Fail::rails_error)?;
    Ok(Reply::json(
        json!({ "payload": contact(&w.store, c, true) }),
    ))
}

fn filter_contact_inboxes(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let inbox_id = req.id("inbox_id").ok_or_else(Fail::not_found)?;
    let inbox_id = inbox(&w.store, &scope, inbox_id)?;
    let source_id = req.str("source_id").unwrap_or_default();
    let Some(ci) = w
        .store
        .contact_inboxes
        .find_by_source_id(inbox_id, &source_id)
    else {
        // `head :not_found`: a 404 with no body.
        return Ok(Reply::head(404));
    };
    let c = w.store.contact(ci.contact_id).ok_or_else(Fail::not_found)?;
    Ok(Reply::json(contact(&w.store, c, true)))
}

/// Users of the account who are members of the inbox, by id.
fn members_of(store: &Store, account_id: Id, inbox_id: Id) -> Vec<Id> {
    let mut ids: Vec<Id> = store
        .inbox_members
        .iter()
        .filter(|(i, u)| *i == inbox_id && store.membership(account_id, *u).is_some())
        .map(|(_, u)| *u)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// `{payload: [agent]}`: the given users, then the account's administrators, each once.
fn agents_reply(store: &Store, account_id: Id, mut ids: Vec<Id>) -> Reply {
    let mut admins: Vec<Id> = store
        .account_users
        .iter()
        .filter(|m| m.account_id == account_id && m.role == "administrator")
        .map(|m| m.user_id)
        .collect();
    admins.sort_unstable();
    for admin in admins {
        if !ids.contains(&admin) {
            ids.push(admin);
        }
    }
    let payload: Vec<Value> = ids
        .into_iter()
        .filter_map(|u| store.user(u))
        .map(|u| agent(store, account_id, u))
        .collect();
    Reply::json(json!({ "payload": payload }))
}

/// Agents in every given inbox, plus administrators; every inbox must exist and be visible.
fn assignable_agents(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let ids = req.query_list("inbox_ids");
    if ids.is_empty() {
        // `inboxes.find(nil)`.
        return Err(Fail::not_found());
    }
    let mut common: Option<Vec<Id>> = None;
    for id in &ids {
        let inbox_id = inbox(&w.store, &scope, seg_id(id)?)?;
        let members = members_of(&w.store, account_id, inbox_id);
        common = Some(match common {
            None => members,
            Some(so_far) => so_far.into_iter().filter(|u| members.contains(u)).collect(),
        });
    }
    Ok(agents_reply(
        &w.store,
        account_id,
        common.unwrap_or_default(),
    ))
}

/// `labels.add` / `labels.remove` of a bulk action, blanks dropped.
fn bulk_labels(req: &Req, key: &str) -> Vec<String> {
    req.body
        .get("labels")
        .and_then(|l| l.get(key))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `bulk_actions#create`. Upstream queues `BulkActionsJob` or `Contacts::BulkActionJob` and
/// answers at once; the emulator applies the action before answering, so a read right after
/// sees it.
fn bulk_actions(w: &mut World, req: &Req, account_id: Id) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    // `params[:type].to_s.camelize`.
    let kind = req.str("type").unwrap_or_default();
    let mut chars = kind.chars();
    let kind: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    match kind.as_str() {
        "Conversation" => bulk_conversations(w, req, &scope),
        "Contact" => bulk_contacts(w, req, &scope)?,
        _ => return Err(Fail::new(422, json!({ "success": false }))),
    }
    Ok(Reply::ok())
}

fn bulk_conversations(w: &mut World, req: &Req, scope: &Scope) {
    let account_id = scope.account_id;
    let indexes: Vec<usize> = req
        .ids("ids")
        .unwrap_or_default()
        .into_iter()
        .filter_map(|d| w.store.conversations.position_by_display_id(account_id, d))
        .filter(|&i| can_see(&w.store, scope, &w.store.conversations[i]))
        .collect();
    let (add, remove) = (bulk_labels(req, "add"), bulk_labels(req, "remove"));
    // The job removes labels from every conversation first, then updates each one.
    if !remove.is_empty() {
        for &index in &indexes {
            let before = ops::snapshot(w, index);
            w.store.conversations[index]
                .labels
                .retain(|l| !remove.contains(l));
            ops::updated(w, index, before);
        }
    }
    let fields = req.body.get("fields").and_then(Value::as_object);
    let snoozed_until = req.body.get("snoozed_until").and_then(clock::parse);
    let by = scope.user_id();
    let by_name = ops::actor_name(w, by);
    for &index in &indexes {
        if !add.is_empty() {
            let before = ops::snapshot(w, index);
            let labels = &mut w.store.conversations[index].labels;
            for label in &add {
                if !labels.contains(label) {
                    labels.push(label.clone());
                }
            }
            ops::updated(w, index, before);
        }
        let Some(fields) = fields else { continue };
        let assignee = fields.get("assignee_id").map(|v| {
            v.as_u64()
                .or_else(|| v.as_str()?.parse().ok())
                .filter(|u| w.store.membership(account_id, *u).is_some())
        });
        let team = fields.get("team_id").map(|v| {
            v.as_u64()
                .or_else(|| v.as_str()?.parse().ok())
                .filter(|t| w.store.team(*t).is_some_and(|t| t.account_id == account_id))
        });
        let before = ops::snapshot(w, index);
        if let Some(assignee) = assignee {
            let now_assigned = assignee.map(Assignee::User);
            if w.store.conversations[index].assignee != now_assigned {
                w.store.conversations[index].assignee = now_assigned;
                let text = match assignee.and_then(|u| w.store.user(u)) {
                    Some(u) => format!("Assigned to {} by {by_name}", u.name),
                    None => format!("Conversation unassigned by {by_name}"),
                };
                ops::activity(w, index, text);
            }
        }
        if let Some(team) = team
            && w.store.conversations[index].team_id != team
        {
            w.store.conversations[index].team_id = team;
            if let Some(t) = team.and_then(|t| w.store.team(t)) {
                let text = format!("Assigned to {} team by {by_name}", t.name);
                ops::activity(w, index, text);
            }
        }
        ops::updated(w, index, before);
        let status = fields.get("status").and_then(Value::as_str);
        if let Some(status @ ("open" | "resolved" | "pending" | "snoozed")) = status {
            ops::set_status(w, index, status, snoozed_until, by);
        }
    }
}

/// `Contacts::BulkActionService`: delete (administrators), else add labels if any, else
/// remove labels.
fn bulk_contacts(w: &mut World, req: &Req, scope: &Scope) -> Result<(), Fail> {
    let account_id = scope.account_id;
    let delete = req.str("action_name").as_deref() == Some("delete");
    if delete {
        scope.require_admin()?;
    }
    let ids: Vec<Id> = req
        .ids("ids")
        .unwrap_or_default()
        .into_iter()
        .filter(|&id| {
            w.store
                .contact(id)
                .is_some_and(|c| c.account_id == account_id)
        })
        .collect();
    let (add, remove) = (bulk_labels(req, "add"), bulk_labels(req, "remove"));
    for id in ids {
        if delete {
            w.store.contacts.remove(id);
            w.store.notes.retain(|n| n.contact_id != id);
        } else if !add.is_empty() {
            w.store.contacts.update(id, |c| {
                for label in &add {
                    if !c.labels.contains(label) {
                        c.labels.push(label.clone());
                    }
                }
            });
        } else if !remove.is_empty() {
            w.store
                .contacts
                .update(id, |c| c.labels.retain(|l| !remove.contains(l)));
        }
    }
    Ok(())
}
