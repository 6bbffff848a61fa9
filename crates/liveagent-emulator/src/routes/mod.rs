//! The route table: method and path segments to handlers, family by family.

mod account;
mod agents;
mod automation;
mod contact_extras;
mod contacts;
mod conversation_extras;
mod conversation_lists;
mod conversations;
mod csat;
pub(crate) mod direct_uploads;
mod help_center;
mod inbox_extras;
mod inboxes;
mod integrations;
mod messages;
pub(crate) mod notifications;
mod odata;
mod platform;
mod public;
mod report_csv;
mod report_data;
mod reports;
mod search;
mod settings;
mod summary_reports;
mod uploads;
mod widget;
mod widget_contact;
mod widget_messages;

use crate::auth::{self, Bots, Scope};
use crate::deliver::Event;
use crate::http::{Fail, Req, Res};
use crate::store::{Conversation, Id, Store};
use serde_json::Value;

/// The database and the events a request causes.
#[derive(Debug, Default)]
pub(crate) struct World {
    pub store: Store,
    pub events: Vec<Event>,
}

impl World {
    /// Queues a webhook event of an account (contacts, inboxes).
    pub(crate) fn emit(
        &mut self,
        account_id: Id,
        inbox_id: Option<Id>,
        name: &'static str,
        payload: Value,
    ) {
        self.events.push(Event {
            account_id,
            inbox_id,
            name,
            payload,
            bot: None,
        });
    }

    /// Queues a webhook event of the conversation at `index`: its inbox's webhook and its
    /// agent bot hear of it too.
    pub(crate) fn emit_for(&mut self, index: usize, name: &'static str, payload: Value) {
        let c = &self.store.conversations[index];
        let bot = match c.assignee {
            Some(crate::store::Assignee::Bot(id)) => Some(id),
            _ => None,
        };
        self.events.push(Event {
            account_id: c.account_id,
            inbox_id: Some(c.inbox_id),
            name,
            payload,
            bot,
        });
    }

    /// Authenticates an account-API call.
    pub(crate) fn scope(&self, req: &Req, account_id: Id, bots: Bots) -> Result<Scope, Fail> {
        auth::account(&self.store, req, account_id, bots)
    }

    /// The index of a conversation by display id, if the caller may see it.
    pub(crate) fn conversation_index(
        &self,
        scope: &Scope,
        display_id: &str,
    ) -> Result<usize, Fail> {
        let display_id: Id = display_id.parse().map_err(|_| Fail::not_found())?;
        let index = self
            .store
            .conversations
            .position_by_display_id(scope.account_id, display_id)
            .ok_or_else(Fail::not_found)?;
        if can_see(&self.store, scope, &self.store.conversations[index]) {
            Ok(index)
        } else {
            Err(Fail::forbidden())
        }
    }
}

/// Administrators, supervisors and bots see every conversation; agents those of their inboxes.
pub(crate) fn can_see(store: &Store, scope: &Scope, c: &Conversation) -> bool {
    scope.sees_all()
        || scope
            .user_id()
            .is_some_and(|u| store.is_inbox_member(c.inbox_id, u))
}

/// A path segment that must be a record id; anything else matches no record.
pub(crate) fn seg_id(segment: &str) -> Result<Id, Fail> {
    segment.parse().map_err(|_| Fail::not_found())
}

/// Dispatches a request.
pub(crate) fn route(w: &mut World, req: &Req) -> Res {
    let segments = req.segments();
    let method = req.method.as_str();
    match segments.as_slice() {
        ["api", "v1", "profile"] => account::profile(w, req, method),
        ["api", "v1", "profile", action] => account::profile_action(w, req, method, action),
        ["api", "v1", "accounts", account, rest @ ..] => {
            let account_id = seg_id(account)?;
            account_routes(w, req, method, account_id, rest)
        }
        ["api", "v2", "accounts", account, rest @ ..] => {
            reports::route(w, req, method, seg_id(account)?, rest)
        }
        ["public", "api", "v1", rest @ ..] => public::route(w, req, method, rest),
        ["api", "v1", "widget", rest @ ..] => widget::route(w, req, method, rest),
        ["platform", "api", "v1", rest @ ..] => platform::route(w, req, method, rest),
        [version, "odata", rest @ ..] => odata::route(w, req, method, version, rest),
        _ => Err(Fail::no_route()),
    }
}

fn account_routes(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match rest {
        [] => account::account(w, req, method, account_id),
        ["conversations", rest @ ..] => match (method, rest) {
            (
                _,
                ["unread_counts"]
                | [
                    _,
                    "draft_messages" | "participants" | "attachments" | "mute" | "unmute"
                    | "transcript" | "unread" | "update_last_seen",
                ],
            )
            | ("DELETE", [_]) => conversation_extras::route(w, req, method, account_id, rest),
            (_, [_, "messages", ..]) => messages::route(w, req, method, account_id, rest),
            (_, [_, "direct_uploads"]) => direct_uploads::route(w, req, method, account_id, rest),
            _ => conversations::route(w, req, method, account_id, rest),
        },
        ["upload"] | ["contacts", "import"] => uploads::route(w, req, method, account_id, rest),
        ["contacts", "active" | "export"]
        | [
            "contacts",
            _,
            "notes" | "attachments" | "avatar" | "destroy_custom_attributes",
            ..,
        ]
        | ["contact_inboxes", ..]
        | ["assignable_agents"]
        | ["inboxes", _, "assignable_agents"]
        | ["bulk_actions"] => contact_extras::route(w, req, method, account_id, rest),
        ["contacts", ..] | ["actions", "contact_merge"] => {
            contacts::route(w, req, method, account_id, rest)
        }
        ["agents", ..] | ["teams", ..] | ["agent_bots", ..] => {
            agents::route(w, req, method, account_id, rest)
        }
        [
            "inboxes",
            _,
            "agent_bot" | "set_agent_bot" | "avatar" | "reset_secret",
        ] => inbox_extras::route(w, req, method, account_id, rest),
        ["inboxes", _] if method == "DELETE" => {
            inbox_extras::route(w, req, method, account_id, rest)
        }
        ["inboxes", ..] | ["inbox_members", ..] => inboxes::route(w, req, method, account_id, rest),
        ["notifications", ..] | ["notification_settings"] => {
            notifications::route(w, req, method, account_id, rest)
        }
        ["search", ..] => search::route(w, req, method, account_id, rest),
        ["custom_filters", ..] | ["automation_rules", ..] => {
            automation::route(w, req, method, account_id, rest)
        }
        ["labels", ..]
        | ["canned_responses", ..]
        | ["custom_attribute_definitions", ..]
        | ["webhooks", ..] => settings::route(w, req, method, account_id, rest),
        ["portals", ..] => help_center::route(w, req, method, account_id, rest),
        ["integrations", ..] => integrations::route(w, req, method, account_id, rest),
        ["csat_survey_responses", ..] | ["reporting_events"] | ["audit_logs"] => {
            csat::route(w, req, method, account_id, rest)
        }
        _ => Err(Fail::no_route()),
    }
}

/// Pages a list: `page` from 1, `per` items a page.
pub(crate) fn page<T>(items: Vec<T>, page: Option<i64>, per: usize) -> Vec<T> {
    let page = page.unwrap_or(1).max(1) as usize;
    items.into_iter().skip((page - 1) * per).take(per).collect()
}
