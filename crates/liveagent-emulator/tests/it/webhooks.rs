//! Webhooks: every event the API's actions cause reaches its receivers (an account webhook
//! subscribed to everything, the API inbox's webhook URL, the agent bot a conversation is
//! assigned to, the CloudEvents gateway), signed with each receiver's secret, and the SDK's
//! verifier accepts each delivery in strict mode (the emulator's payloads and the SDK's models
//! agree field by field). A delivery re-serialized by the receiver is refused as such.

use crate::support::Emu;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use liveagent::api::*;
use liveagent::models::*;
use liveagent::webhook::{self, VerifyOptions, WebhookErrorKind};
use liveagent::{ParseMode, Secret};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::sync::mpsc;

/// One POST the receiver got.
#[derive(Debug, Clone)]
struct Delivery {
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Delivery {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }

    /// `event`, or a CloudEvent's `type`.
    fn name(&self) -> String {
        let v = self.json();
        v["event"]
            .as_str()
            .or_else(|| v["type"].as_str())
            .unwrap_or_default()
            .to_owned()
    }

    fn timestamp(&self) -> i64 {
        self.header("x-chatwoot-timestamp")
            .unwrap()
            .parse()
            .unwrap()
    }
}

/// A loopback HTTP server that hands every request it gets to the channel.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Delivery>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
                    let tx = tx.clone();
                    async move {
                        let path = request.uri().path().to_owned();
                        let headers = request
                            .headers()
                            .iter()
                            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_owned()))
                            .collect();
                        let body = request.into_body().collect().await?.to_bytes().to_vec();
                        let _ = tx.send(Delivery {
                            path,
                            headers,
                            body,
                        });
                        Ok::<_, hyper::Error>(hyper::Response::new(Full::new(Bytes::new())))
                    }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    (base, rx)
}

/// Everything that arrives until `until` has been seen for every path and name. Deliveries are
/// asynchronous; the 60 s only end a hang, they decide no outcome.
async fn collect(
    rx: &mut mpsc::UnboundedReceiver<Delivery>,
    until: &[(&str, &str)],
) -> Vec<Delivery> {
    let mut got: Vec<Delivery> = Vec::new();
    let done = |got: &[Delivery]| {
        until
            .iter()
            .all(|(path, name)| got.iter().any(|d| d.path == *path && d.name() == *name))
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while !done(&got) {
        match tokio::time::timeout_at(deadline, rx.recv()).await {
            Ok(Some(d)) => got.push(d),
            _ => {
                let seen: Vec<(String, String)> =
                    got.iter().map(|d| (d.path.clone(), d.name())).collect();
                panic!("missing deliveries; got {seen:?}");
            }
        }
    }
    got
}

#[tokio::test]
async fn every_event_is_delivered_signed_and_verifies_strictly() {
    let emu = Emu::start().await;
    let (base, mut rx) = receiver().await;
    let admin = emu.user("admin");
    let all = [
        "conversation_created",
        "conversation_updated",
        "conversation_status_changed",
        "message_created",
        "message_updated",
        "webwidget_triggered",
        "contact_created",
        "contact_updated",
        "inbox_created",
        "inbox_updated",
        "conversation_typing_on",
        "conversation_typing_off",
    ];
    let hook = admin
        .create_webhook(
            CreateWebhookParams::new(format!("{base}/account")).subscriptions(
                all.iter()
                    .map(|e| WebhookEvent::from(*e))
                    .collect::<Vec<_>>(),
            ),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .webhook
        .unwrap();
    let inbox_id = emu.inbox_id();
    admin
        .update_inbox(
            UpdateInboxParams::new(inbox_id).channel(
                json!({"webhook_url": format!("{base}/inbox")})
                    .as_object()
                    .cloned()
                    .unwrap(),
            ),
        )
        .await
        .unwrap();
    let inbox_secret = admin
        .get_inbox(GetInboxParams::new(inbox_id))
        .await
        .unwrap()
        .secret
        .unwrap();
    let bot = admin
        .create_agent_bot(
            CreateAgentBotParams::new()
                .name("Hook bot")
                .outgoing_url(format!("{base}/bot")),
        )
        .await
        .unwrap();
    emu.control(
        "POST",
        "event_gateway",
        json!({"url": format!("{base}/gateway")}),
    )
    .await;

    // Contacts, a conversation, its messages, an assignment, typing, a resolution.
    let contact = admin
        .create_contact(
            CreateContactParams::new()
                .name("Hook Person")
                .inbox_id(inbox_id),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .contact
        .unwrap();
    admin
        .update_contact(UpdateContactParams::new(contact.id).email("hook@example.com"))
        .await
        .unwrap();
    let conversation = admin
        .create_conversation(
            CreateConversationParams::new()
                .inbox_id(inbox_id)
                .contact_id(contact.id)
                .message(NewConversationMessage::new(
                    "Is a <b> & </b> order late? Ünïcode\u{2028}too",
                )),
        )
        .await
        .unwrap();
    let id = conversation.id;
    let agent = admin.list_agents(ListAgentsParams::new()).await.unwrap()[0].id;
    admin
        .assign_conversation(AssignConversationParams::new(id).assignee_id(agent))
        .await
        .unwrap();
    for status in [TypingStatus::On, TypingStatus::Off] {
        admin
            .toggle_typing_status(ToggleTypingStatusParams::new(id, status))
            .await
            .unwrap();
    }
    let reply = admin
        .create_message(CreateMessageParams::new(id).content("On its way."))
        .await
        .unwrap();
    admin
        .delete_message(DeleteMessageParams::new(id, reply.id))
        .await
        .unwrap();
    // The bot takes over, answers, resolves; the conversation opens again.
    admin
        .assign_conversation(
            AssignConversationParams::new(id)
                .assignee_id(bot.id)
                .assignee_type(AssigneeKind::AgentBot),
        )
        .await
        .unwrap();
    admin
        .create_message(CreateMessageParams::new(id).content("A bot's answer"))
        .await
        .unwrap();
    for status in [ConversationStatus::Resolved, ConversationStatus::Open] {
        admin
            .toggle_conversation_status(ToggleConversationStatusParams::new(id).status(status))
            .await
            .unwrap();
    }
    // Inboxes.
    let new_inbox = admin
        .create_inbox(CreateInboxParams::new(
            "Hook inbox",
            json!({"type": "api"}).as_object().cloned().unwrap(),
        ))
        .await
        .unwrap();
    admin
        .update_inbox(UpdateInboxParams::new(new_inbox.id).greeting_enabled(true))
        .await
        .unwrap();

    let got = collect(
        &mut rx,
        &[
            ("/account", "contact_created"),
            ("/account", "contact_updated"),
            ("/account", "conversation_created"),
            ("/account", "message_created"),
            ("/account", "message_updated"),
            ("/account", "conversation_updated"),
            ("/account", "conversation_status_changed"),
            ("/account", "conversation_typing_on"),
            ("/account", "conversation_typing_off"),
            ("/account", "inbox_created"),
            ("/account", "inbox_updated"),
            ("/inbox", "message_created"),
            ("/inbox", "conversation_typing_on"),
            ("/inbox", "conversation_status_changed"),
            ("/bot", "conversation_updated"),
            ("/bot", "message_created"),
            ("/bot", "conversation_resolved"),
            ("/bot", "conversation_opened"),
            ("/bot", "conversation_status_changed"),
            ("/gateway", "ai.cognigy.live-agent.conversation.typing_on"),
            ("/gateway", "ai.cognigy.live-agent.conversation.typing_off"),
        ],
    )
    .await;

    let secrets: BTreeMap<&str, Secret> = BTreeMap::from([
        ("/account", hook.secret.clone().unwrap()),
        ("/inbox", inbox_secret),
        ("/bot", bot.secret.clone().unwrap()),
    ]);
    for d in &got {
        let Some(secret) = secrets.get(d.path.as_str()) else {
            // The CloudEvents feed is not signed.
            assert!(d.header("x-chatwoot-signature").is_none());
            let event = webhook::parse(&d.body, ParseMode::Strict).unwrap();
            let LiveAgentEvent::CognigyTyping(typing) = event else {
                panic!("{event:?}")
            };
            assert_eq!(typing.conversation_id(), Some(id));
            continue;
        };
        // Only deliveries to the account webhook for account events; none to others.
        if d.path == "/inbox" {
            assert!(!d.name().starts_with("contact_") && !d.name().starts_with("inbox_"));
        }
        let options = VerifyOptions::at(d.timestamp()).mode(ParseMode::Strict);
        let event = webhook::verify_with(&d.body, d.headers.clone(), secret, &options)
            .unwrap_or_else(|e| {
                panic!(
                    "{} {}: {e}\n{}",
                    d.path,
                    d.name(),
                    String::from_utf8_lossy(&d.body)
                )
            });
        assert!(!matches!(event, LiveAgentEvent::Other(_)), "{}", d.name());
        // Another receiver's secret does not verify it.
        let other = Secret::new("not-this-receivers-secret");
        let e = webhook::verify_with(&d.body, d.headers.clone(), &other, &options).unwrap_err();
        assert_eq!(e.kind, WebhookErrorKind::Signature);
    }

    // The first message, as Rails writes it (`\u003c`...), re-serialized by a receiver.
    let first = got
        .iter()
        .find(|d| d.path == "/account" && d.name() == "message_created")
        .unwrap();
    let text = String::from_utf8(first.body.clone()).unwrap();
    assert!(
        text.contains(r"\u003cb\u003e \u0026") && text.contains(r"\u2028"),
        "{text}"
    );
    let round_trip = serde_json::to_vec(&first.json()).unwrap();
    assert_ne!(round_trip, first.body);
    let options = VerifyOptions::at(first.timestamp());
    let e = webhook::verify_with(
        &round_trip,
        first.headers.clone(),
        &secrets["/account"],
        &options,
    )
    .unwrap_err();
    assert_eq!(e.kind, WebhookErrorKind::Signature);
    assert!(e.message.contains("was re-serialized"), "{e}");
    // Stale, tampered.
    let late = VerifyOptions::at(first.timestamp() + 301);
    let e = webhook::verify_with(
        &first.body,
        first.headers.clone(),
        &secrets["/account"],
        &late,
    )
    .unwrap_err();
    assert_eq!(e.kind, WebhookErrorKind::Timestamp);
    let tampered = text.replace("late?", "lost?");
    let e = webhook::verify_with(
        tampered.as_bytes(),
        first.headers.clone(),
        &secrets["/account"],
        &options,
    )
    .unwrap_err();
    assert!(e.kind == WebhookErrorKind::Signature && !e.message.contains("was re-serialized"));

    // What the events say.
    let by = |path: &str, name: &str| -> Vec<Value> {
        got.iter()
            .filter(|d| d.path == path && d.name() == name)
            .map(Delivery::json)
            .collect()
    };
    let assigned = by("/account", "conversation_updated");
    assert!(
        assigned
            .iter()
            .any(|e| e["changed_attributes"][0]["assignee_id"]["current_value"] == agent.0),
        "{assigned:?}"
    );
    assert!(
        by("/account", "conversation_status_changed")
            .iter()
            .all(|e| e["changed_attributes"].is_null())
    );
    let typing = &by("/account", "conversation_typing_on")[0];
    assert_eq!(
        (
            typing["user"]["type"].as_str(),
            typing["is_private"].as_bool()
        ),
        (Some("user"), Some(false))
    );
    assert!(
        by("/account", "conversation_opened").is_empty(),
        "bot-only events stay with bots"
    );
    let inbox_created = &by("/account", "inbox_created")[0];
    assert_eq!(
        inbox_created["channel"]["id"],
        new_inbox.channel_id.map(|c| c.0).unwrap()
    );
    assert_eq!(
        by("/account", "inbox_updated")[0]["changed_attributes"][0]["greeting_enabled"]["current_value"],
        true
    );
}

#[tokio::test]
async fn the_public_api_sends_the_contacts_typing_and_message_updates() {
    let emu = Emu::start().await;
    let (base, mut rx) = receiver().await;
    let admin = emu.user("admin");
    let hook = admin
        .create_webhook(
            CreateWebhookParams::new(format!("{base}/account")).subscriptions(vec![
                WebhookEvent::ConversationTypingOn,
                WebhookEvent::ConversationTypingOff,
            ]),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .webhook
        .unwrap();
    let public = emu.public();
    let ii = emu.inbox_identifier();
    let visitor = public
        .create_public_contact(CreatePublicContactParams::new(ii.as_str()).name("Visitor"))
        .await
        .unwrap();
    let ci = visitor.source_id.unwrap();
    let conversation = public
        .create_public_conversation(CreatePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
        ))
        .await
        .unwrap();
    public
        .toggle_public_typing(TogglePublicTypingParams::new(
            ii.as_str(),
            ci.as_str(),
            conversation.id,
            TypingStatus::On,
        ))
        .await
        .unwrap();
    let got = collect(&mut rx, &[("/account", "conversation_typing_on")]).await;
    let d = &got[0];
    let options = VerifyOptions::at(d.timestamp()).mode(ParseMode::Strict);
    let event = webhook::verify_with(
        &d.body,
        d.headers.clone(),
        hook.secret.as_ref().unwrap(),
        &options,
    )
    .unwrap();
    let LiveAgentEvent::ConversationTypingOn(typing) = event else {
        panic!("{event:?}")
    };
    // The contact types: its `webhook_data` has no `type`.
    assert!(
        matches!(typing.user, Some(WebhookSender::Contact(ref c)) if c.name.as_deref() == Some("Visitor"))
    );
}
