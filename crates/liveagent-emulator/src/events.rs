//! Webhook events: payloads as the server's `webhook_data` builds them, delivered to account
//! webhooks and API-inbox webhook URLs, signed with `X-Chatwoot-Signature` when there is a secret.

use crate::clock::{epoch, iso};
use crate::store::{Assignee, Channel, Contact, Conversation, Id, Message, Store};
use crate::views::contacts::contact_push;
use crate::views::messages::{message_push, sender, unread_count};
use crate::views::people::{agent, agent_bot_slim, team};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

/// An event to deliver once the request is done.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub account_id: Id,
    pub inbox_id: Option<Id>,
    pub name: &'static str,
    pub payload: Value,
}

/// One POST to make.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    pub url: String,
    pub secret: Option<String>,
    pub body: String,
}

fn account_ref(store: &Store, account_id: Id) -> Value {
    json!({ "id": account_id, "name": store.account(account_id).map(|a| a.name.clone()) })
}

/// `Conversation#webhook_data` (push data).
pub(crate) fn conversation_payload(store: &Store, c: &Conversation) -> Value {
    let (assignee, assignee_type) = match c.assignee {
        Some(Assignee::User(id)) => (
            store.user(id).map(|u| agent(store, c.account_id, u)),
            json!("User"),
        ),
        Some(Assignee::Bot(id)) => (store.bot(id).map(agent_bot_slim), json!("AgentBot")),
        None => (None, Value::Null),
    };
    json!({
        "id": c.display_id,
        "inbox_id": c.inbox_id,
        "status": c.status,
        "priority": c.priority,
        "channel": store.inbox(c.inbox_id).map(|i| i.channel.type_name()),
        "can_reply": true,
        "labels": c.labels,
        "custom_attributes": c.custom_attributes,
        "additional_attributes": c.additional_attributes,
        "snoozed_until": iso(c.snoozed_until),
        "unread_count": unread_count(store, c.id),
        "first_reply_created_at": iso(c.first_reply_created_at),
        "waiting_since": epoch(c.waiting_since),
        "agent_last_seen_at": epoch(c.agent_last_seen_at),
        "contact_last_seen_at": epoch(c.contact_last_seen_at),
        "last_activity_at": epoch(Some(c.last_activity_at)),
        "timestamp": epoch(Some(c.last_activity_at)),
        "created_at": epoch(Some(c.created_at)),
        "updated_at": c.updated_at,
        "contact_inbox": store.contact_inbox(c.contact_inbox_id).map(|ci| json!({
            "id": ci.id, "contact_id": ci.contact_id, "inbox_id": ci.inbox_id, "source_id": ci.source_id,
            "hmac_verified": ci.hmac_verified, "pubsub_token": ci.pubsub_token,
        })),
        "meta": {
            "sender": store.contact(c.contact_id).map(contact_push),
            "assignee": assignee,
            "assignee_type": assignee_type,
            "team": c.team_id.and_then(|id| store.team(id)).map(|t| team(store, t, None)),
            "hmac_verified": store.contact_inbox(c.contact_inbox_id).map(|ci| ci.hmac_verified),
        },
        "messages": store.messages_of(c.id).rev().find(|m| m.message_type != 2).map(|m| vec![message_push(store, m)]).unwrap_or_default(),
        "account": account_ref(store, c.account_id),
    })
}

/// `Message#webhook_data`: the message type is a name here, and `created_at` an ISO string.
pub(crate) fn message_payload(store: &Store, m: &Message) -> Value {
    const TYPES: [&str; 4] = ["incoming", "outgoing", "activity", "template"];
    let inbox = store.inbox(m.inbox_id);
    json!({
        "id": m.id,
        "content": m.content,
        "content_type": m.content_type,
        "content_attributes": m.content_attributes,
        "message_type": TYPES.get(m.message_type as usize).copied().unwrap_or("incoming"),
        "private": m.private,
        "source_id": m.source_id,
        "created_at": iso(Some(m.created_at)),
        "additional_attributes": m.additional_attributes,
        "sender": sender(store, m.account_id, m.sender),
        "inbox": { "id": m.inbox_id, "name": inbox.map(|i| i.name.clone()) },
        "account": account_ref(store, m.account_id),
        "conversation": store.conversation(m.conversation_id).map(|c| conversation_payload(store, c)),
    })
}

/// `Contact#webhook_data`.
pub(crate) fn contact_payload(store: &Store, c: &Contact) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "email": c.email,
        "phone_number": c.phone_number,
        "identifier": c.identifier,
        "avatar": "",
        "thumbnail": "",
        "additional_attributes": c.additional_attributes,
        "custom_attributes": c.custom_attributes,
        "blocked": c.blocked,
        "account": account_ref(store, c.account_id),
    })
}

/// The POSTs an event causes: subscribed account webhooks (and inbox-scoped ones for its inbox),
/// and the API inbox's own webhook URL.
pub(crate) fn deliveries(store: &Store, event: &Event) -> Vec<Delivery> {
    let mut payload = event.payload.clone();
    if let Value::Object(map) = &mut payload {
        map.insert("event".into(), json!(event.name));
    }
    let body = payload.to_string();
    let mut out: Vec<Delivery> = store
        .webhooks
        .iter()
        .filter(|w| {
            w.account_id == event.account_id && w.subscriptions.iter().any(|s| s == event.name)
        })
        .filter(|w| w.inbox_id.is_none() || w.inbox_id == event.inbox_id)
        .map(|w| Delivery {
            url: w.url.clone(),
            secret: Some(w.secret.clone()),
            body: body.clone(),
        })
        .collect();
    let inbox_scoped = !event.name.starts_with("contact_") && !event.name.starts_with("inbox_");
    if inbox_scoped
        && let Some(Channel::Api {
            webhook_url: Some(url),
            secret,
            ..
        }) = event
            .inbox_id
            .and_then(|id| store.inbox(id))
            .map(|i| &i.channel)
    {
        out.push(Delivery {
            url: url.clone(),
            secret: Some(secret.clone()),
            body,
        });
    }
    out
}

/// Hex HMAC-SHA256, as `OpenSSL::HMAC.hexdigest('sha256', key, data)`: identity hashes and
/// webhook signatures.
pub(crate) fn hmac_hex(key: &str, data: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(data.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `X-Chatwoot-Signature`: `sha256=` + hex(HMAC-SHA256(secret, "<timestamp>.<body>")).
pub(crate) fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    format!(
        "sha256={}",
        hmac_hex(secret, &format!("{timestamp}.{body}"))
    )
}

/// Sends one delivery; failures are logged and dropped, as upstream does for account webhooks.
pub(crate) async fn deliver(http: &reqwest::Client, delivery: Delivery) {
    let timestamp = crate::clock::now().floor() as i64;
    let mut request = http
        .post(&delivery.url)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .header("x-chatwoot-delivery", crate::store::uuid());
    if let Some(secret) = &delivery.secret {
        request = request
            .header("x-chatwoot-timestamp", timestamp.to_string())
            .header(
                "x-chatwoot-signature",
                signature(secret, timestamp, &delivery.body),
            );
    }
    if let Err(e) = request.body(delivery.body).send().await {
        eprintln!(
            "liveagent-emulator: webhook delivery failed: {}",
            e.without_url()
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn signature_is_hmac_sha256_of_timestamp_dot_body() {
        // Known answer, from Python's hmac module: hmac.new(b"key", b"1.{}", sha256).hexdigest().
        assert_eq!(
            super::signature("key", 1, "{}"),
            "sha256=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224"
        );
    }

    #[test]
    fn identity_hash_is_hex_hmac_sha256() {
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"key",b"jane",hashlib.sha256).hexdigest())'
        assert_eq!(
            super::hmac_hex("key", "jane"),
            "7e024875be2f82307efd9e99d8a6bbd558d334f599761297a9cda83cacdac3d0"
        );
    }
}
