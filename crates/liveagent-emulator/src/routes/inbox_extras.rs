//! Account API, inboxes beyond CRUD: `inboxes/{id}` deletion, `avatar`, `reset_secret`,
//! `agent_bot` and `set_agent_bot`.

use super::inboxes::{find, sees};
use super::{World, seg_id};
use crate::auth::{Bots, Scope};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Channel, Id, Inbox, token};
use crate::views::inboxes::inbox;
use crate::views::people::agent_bot;
use serde_json::{Value, json};

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("GET", ["inboxes", id, "agent_bot"]) => {
            let (scope, i) = fetch(w, req, account_id, id)?;
            let body = match w.store.inbox_bot(i.id) {
                Some(bot) => json!({ "agent_bot": agent_bot(bot, account_id, scope.is_admin()) }),
                None => json!({}),
            };
            Ok(Reply::json(body))
        }
        ("POST", ["inboxes", id, "set_agent_bot"]) => set_agent_bot(w, req, account_id, id),
        ("DELETE", ["inboxes", id]) => {
            let (scope, i) = fetch(w, req, account_id, id)?;
            scope.require_admin()?;
            // The server deletes in a background job (`DeleteObjectJob`); here it is immediate.
            w.store.inboxes.retain(|x| x.id != i.id);
            w.store
                .inbox_members
                .retain(|(inbox_id, _)| *inbox_id != i.id);
            w.store.agent_bot_inboxes.remove_inbox(i.id);
            Ok(Reply::json(json!({
                "message": "Your inbox deletion request will be processed in some time."
            })))
        }
        ("DELETE", ["inboxes", id, "avatar"]) => {
            let (scope, i) = fetch(w, req, account_id, id)?;
            scope.require_admin()?;
            if let Some(stored) = w.store.inboxes.iter_mut().find(|x| x.id == i.id) {
                stored.avatar_url = None;
            }
            Ok(Reply::ok())
        }
        ("POST", ["inboxes", id, "reset_secret"]) => {
            let (scope, i) = fetch(w, req, account_id, id)?;
            scope.require_admin()?;
            let Some(stored) = w.store.inboxes.get_mut(i.id) else {
                return Err(Fail::not_found());
            };
            match &mut stored.channel {
                Channel::Api { secret, .. } => *secret = token(24),
                // `head :not_found`: an empty body.
                _ => return Ok(Reply::head(404)),
            }
            let updated = stored.clone();
            Ok(Reply::json(inbox(&updated, true)))
        }
        _ => Err(Fail::no_route()),
    }
}

/// `fetch_inbox`: the account's inbox (404), which the caller must see (`show?`, 401).
fn fetch(w: &World, req: &Req, account_id: Id, id: &str) -> Result<(Scope, Inbox), Fail> {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    let i = find(w, account_id, id)?;
    if !sees(w, &scope, i.id) {
        return Err(Fail::forbidden());
    }
    Ok((scope, i))
}

/// `set_agent_bot`: connects the bot in `agent_bot` (the account's or a system bot; else 404),
/// or disconnects the inbox's bot when `agent_bot` is absent or `null`. Administrators only.
fn set_agent_bot(w: &mut World, req: &Req, account_id: Id, id: &str) -> Res {
    let (scope, i) = fetch(w, req, account_id, id)?;
    let bot = match req.param("agent_bot") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            let bot_id = seg_id(&text)?;
            let bot = w
                .store
                .bot(bot_id)
                .filter(|b| b.account_id.is_none_or(|a| a == account_id))
                .ok_or_else(Fail::not_found)?;
            Some(bot.id)
        }
    };
    scope.require_admin()?;
    match bot {
        Some(bot_id) => w.store.agent_bot_inboxes.set(i.id, bot_id),
        None => w.store.agent_bot_inboxes.remove_inbox(i.id),
    }
    Ok(Reply::ok())
}
