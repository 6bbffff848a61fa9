//! Webhook deliveries, as `WebhookListener`, `AgentBotListener` and `Webhooks::Trigger` make
//! them: who receives which event (subscribed account webhooks, the API inbox's webhook URL,
//! the conversation's agent bot and the inbox's), the body as Rails writes it, signed with the receiver's
//! secret; and Live Agent's CloudEvents typing feed to an event gateway, unsigned.

use crate::clock::iso_text;
use crate::store::{Channel, Id, Store};
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
    /// The agent bot the conversation is assigned to, which hears the bot events.
    pub bot: Option<Id>,
}

/// One POST to make.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    pub url: String,
    /// Signs the delivery; every webhook, API inbox and agent bot has one.
    pub secret: Option<String>,
    pub body: String,
}

/// Where Live Agent's CloudEvents go (`EVENT_GATEWAY_HTTP_ENDPOINT`), and the `source` they name.
#[derive(Debug, Clone)]
pub(crate) struct Gateway {
    pub url: String,
    pub source: String,
}

/// What an API inbox's webhook URL receives (`deliver_webhook_payloads`): no contact or inbox
/// events, and not the bot-only ones.
const INBOX_EVENTS: [&str; 8] = [
    "conversation_created",
    "conversation_updated",
    "conversation_status_changed",
    "message_created",
    "message_updated",
    "webwidget_triggered",
    "conversation_typing_on",
    "conversation_typing_off",
];

/// What agent bots receive (`AgentBotListener`).
const BOT_EVENTS: [&str; 7] = [
    "conversation_resolved",
    "conversation_opened",
    "conversation_status_changed",
    "conversation_updated",
    "message_created",
    "message_updated",
    "webwidget_triggered",
];

/// The POSTs an event causes: subscribed account webhooks (and inbox-scoped ones for its
/// inbox), the API inbox's own webhook URL, the conversation's and the inbox's agent bots, and
/// for an agent's typing the event gateway.
pub(crate) fn deliveries(store: &Store, event: &Event, gateway: Option<&Gateway>) -> Vec<Delivery> {
    let mut payload = event.payload.clone();
    if let Value::Object(map) = &mut payload {
        map.insert("event".into(), json!(event.name));
    }
    let body = rails_json(&payload);
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
    if INBOX_EVENTS.contains(&event.name)
        && let Some(Channel::Api {
            webhook_url: Some(url),
            secret,
            ..
        }) = event
            .inbox_id
            .and_then(|id| store.inbox(id))
            .map(|i| &i.channel)
        && !url.is_empty()
    {
        out.push(Delivery {
            url: url.clone(),
            secret: Some(secret.clone()),
            body: body.clone(),
        });
    }
    if BOT_EVENTS.contains(&event.name) {
        // `agent_bots_for`: the conversation's bot, then the inbox's active bot, each once.
        let assigned = event.bot.and_then(|id| store.bot(id));
        let of_inbox = event.inbox_id.and_then(|id| store.inbox_bot(id));
        let mut bots = vec![];
        bots.extend(assigned);
        bots.extend(of_inbox.filter(|b| Some(b.id) != event.bot));
        for bot in bots {
            if let Some(url) = bot.outgoing_url.as_ref().filter(|u| !u.is_empty()) {
                out.push(Delivery {
                    url: url.clone(),
                    secret: Some(bot.secret.clone()),
                    body: body.clone(),
                });
            }
        }
    }
    if let Some(gateway) = gateway
        && let Some(cloud) = cloud_event(event, gateway)
    {
        out.push(cloud);
    }
    out
}

/// Live Agent's CloudEvent for a human agent's typing (Cognigy's `send-reply.md`).
fn cloud_event(event: &Event, gateway: &Gateway) -> Option<Delivery> {
    let what = match event.name {
        "conversation_typing_on" => "typing_on",
        "conversation_typing_off" => "typing_off",
        _ => return None,
    };
    if event.payload.pointer("/user/type") != Some(&json!("user")) {
        return None;
    }
    let conversation = event.payload.get("conversation")?;
    let session = ["custom_attributes", "additional_attributes"]
        .iter()
        .find_map(|k| conversation.get(k)?.get("cognigy_session_id").cloned())
        .unwrap_or(Value::Null);
    let now = crate::clock::now();
    let body = json!({
        "specversion": "1.0",
        "type": format!("ai.cognigy.live-agent.conversation.{what}"),
        "source": gateway.source,
        "subject": format!("conversation.{}", conversation.get("id")?),
        "id": ulid(now),
        "time": iso_text(now.floor()).replace(".000Z", "Z"),
        "datacontenttype": "application/json",
        "data": { "cognigy_session_id": session },
    });
    Some(Delivery {
        url: gateway.url.clone(),
        secret: None,
        body: rails_json(&body),
    })
}

/// A ULID: 48 bits of milliseconds, 80 random bits, in Crockford's base 32.
fn ulid(now: f64) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let millis = (now * 1000.0) as u128 & ((1 << 48) - 1);
    let random = (u128::from(crate::random::u64()) << 16
        | u128::from(crate::random::u64() & 0xffff))
        & ((1 << 80) - 1);
    let bits = millis << 80 | random;
    (0..26)
        .rev()
        .map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 31) as usize]))
        .collect()
}

/// JSON as `payload.to_json` writes it: compact, with `<`, `>`, `&`, U+2028 and U+2029 as
/// `\u` escapes (ActiveSupport's `escape_html_entities_in_json`). The signature covers these
/// bytes; a receiver that parses and re-serializes them holds other bytes.
pub(crate) fn rails_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // These occur only inside strings: JSON has them nowhere else.
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
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
    use serde_json::json;

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

    #[test]
    fn bodies_are_written_as_rails_writes_them() {
        // ActiveSupport::JSON's ESCAPED_CHARS, with escape_html_entities_in_json on.
        assert_eq!(
            super::rails_json(&json!({"a": "<b> & \u{2028}"})),
            r#"{"a":"\u003cb\u003e \u0026 \u2028"}"#
        );
    }

    #[test]
    fn ulids_are_26_crockford_characters_that_sort_by_time() {
        let (a, b) = (super::ulid(1_714_554_150.0), super::ulid(1_714_554_151.0));
        assert_eq!(a.len(), 26);
        assert!(
            a.chars()
                .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c))
        );
        assert!(a[..10] < b[..10], "{a} {b}");
    }
}
