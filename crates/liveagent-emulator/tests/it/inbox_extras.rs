//! Inboxes beyond CRUD: the inbox's agent bot (stored, shown, and hearing the inbox's
//! conversations), the webhook secret reset, avatar removal and deletion.

use crate::support::{Emu, status};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use liveagent::api::*;
use liveagent::models::*;
use serde_json::Value;
use std::time::Duration;
use tokio::sync::mpsc;

/// A loopback receiver: each POST's path and `event`.
async fn receiver() -> (String, mpsc::UnboundedReceiver<(String, String)>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let service = service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
                    let tx = tx.clone();
                    async move {
                        let path = request.uri().path().to_owned();
                        let body = request.into_body().collect().await?.to_bytes();
                        let event: Value = serde_json::from_slice(&body).unwrap_or_default();
                        let name = event["event"].as_str().unwrap_or_default().to_owned();
                        let _ = tx.send((path, name));
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

/// Waits (at most 30 s, to end a hang) for a delivery of `event` to `path`.
async fn wait_for(rx: &mut mpsc::UnboundedReceiver<(String, String)>, path: &str, event: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        match tokio::time::timeout_at(deadline, rx.recv()).await {
            Ok(Some((p, e))) if p == path && e == event => return,
            Ok(Some(_)) => {}
            _ => panic!("no {event} delivered to {path}"),
        }
    }
}

pub(crate) async fn inbox_extras(emu: &Emu) {
    let admin = emu.user("admin");
    let agent = emu.user("agent");
    let inbox_id = emu.inbox_id();
    let (base, mut rx) = receiver().await;

    // No bot yet: `{}`.
    let none = admin
        .get_inbox_agent_bot(GetInboxAgentBotParams::new(inbox_id))
        .await
        .unwrap();
    assert!(none.agent_bot.is_none());

    let bot = admin
        .create_agent_bot(
            CreateAgentBotParams::new()
                .name("Inbox bot")
                .outgoing_url(format!("{base}/inbox-bot")),
        )
        .await
        .unwrap();
    assert_eq!(
        status(
            agent
                .set_inbox_agent_bot(SetInboxAgentBotParams::new(inbox_id).agent_bot(bot.id))
                .await
        ),
        401,
        "administrators only"
    );
    assert_eq!(
        status(
            admin
                .set_inbox_agent_bot(SetInboxAgentBotParams::new(inbox_id).agent_bot(999_999))
                .await
        ),
        404,
        "an unknown bot"
    );
    admin
        .set_inbox_agent_bot(SetInboxAgentBotParams::new(inbox_id).agent_bot(bot.id))
        .await
        .unwrap();
    let shown = admin
        .get_inbox_agent_bot(GetInboxAgentBotParams::new(inbox_id))
        .await
        .unwrap()
        .agent_bot
        .unwrap();
    assert_eq!(shown.id, bot.id);
    assert!(shown.secret.is_some(), "administrators see the secret");
    let to_agent = agent
        .get_inbox_agent_bot(GetInboxAgentBotParams::new(inbox_id))
        .await
        .unwrap()
        .agent_bot
        .unwrap();
    assert_eq!(to_agent.id, bot.id);
    assert!(to_agent.secret.is_none());

    // The inbox's bot takes new conversations: they start pending and it hears their messages.
    let contact = admin
        .create_contact(
            CreateContactParams::new()
                .name("Botted Person")
                .email("botted@example.com")
                .inbox_id(inbox_id),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .contact
        .unwrap();
    let new = || {
        CreateConversationParams::new()
            .inbox_id(inbox_id)
            .contact_id(contact.id)
            .message(NewConversationMessage::new("Hello?").message_type(MessageType::Incoming))
    };
    let handled = admin.create_conversation(new()).await.unwrap();
    assert_eq!(handled.status, Some(ConversationStatus::Pending));
    wait_for(&mut rx, "/inbox-bot", "message_created").await;

    // Disconnected: new conversations open as before.
    admin
        .set_inbox_agent_bot(SetInboxAgentBotParams::new(inbox_id))
        .await
        .unwrap();
    let after = admin
        .get_inbox_agent_bot(GetInboxAgentBotParams::new(inbox_id))
        .await
        .unwrap();
    assert!(after.agent_bot.is_none());
    let plain = admin.create_conversation(new()).await.unwrap();
    assert_eq!(plain.status, Some(ConversationStatus::Open));

    // A new webhook secret for the API inbox; other channels have none (404).
    let before = admin
        .get_inbox(GetInboxParams::new(inbox_id))
        .await
        .unwrap();
    let reset = admin
        .reset_inbox_secret(ResetInboxSecretParams::new(inbox_id))
        .await
        .unwrap();
    assert!(reset.secret.is_some());
    assert_ne!(
        reset.secret.as_ref().map(|s| s.expose().to_owned()),
        before.secret.as_ref().map(|s| s.expose().to_owned())
    );
    let fetched = admin
        .get_inbox(GetInboxParams::new(inbox_id))
        .await
        .unwrap();
    assert_eq!(
        fetched.secret.as_ref().map(|s| s.expose().to_owned()),
        reset.secret.as_ref().map(|s| s.expose().to_owned()),
        "the new secret is kept"
    );
    let inboxes = admin
        .list_inboxes(ListInboxesParams::new())
        .await
        .unwrap()
        .payload;
    let website = inboxes
        .iter()
        .find(|i| i.name.as_deref() == Some("Website"))
        .unwrap()
        .id;
    assert_eq!(
        status(
            admin
                .reset_inbox_secret(ResetInboxSecretParams::new(website))
                .await
        ),
        404
    );
    assert_eq!(
        status(
            agent
                .reset_inbox_secret(ResetInboxSecretParams::new(inbox_id))
                .await
        ),
        401
    );

    admin
        .delete_inbox_avatar(DeleteInboxAvatarParams::new(inbox_id))
        .await
        .unwrap();
    assert_eq!(
        status(
            agent
                .delete_inbox_avatar(DeleteInboxAvatarParams::new(inbox_id))
                .await
        ),
        401
    );

    // Deletion.
    let temp = admin
        .create_inbox(CreateInboxParams::new(
            "Temporary",
            serde_json::from_value::<JsonObject>(serde_json::json!({"type": "api"})).unwrap(),
        ))
        .await
        .unwrap();
    assert_eq!(
        status(agent.delete_inbox(DeleteInboxParams::new(temp.id)).await),
        401,
        "John is no member of the new inbox"
    );
    let deleted = admin
        .delete_inbox(DeleteInboxParams::new(temp.id))
        .await
        .unwrap();
    assert!(deleted.message.unwrap().contains("deletion request"));
    assert_eq!(
        status(admin.get_inbox(GetInboxParams::new(temp.id)).await),
        404
    );
    let left = admin
        .list_inboxes(ListInboxesParams::new())
        .await
        .unwrap()
        .payload;
    assert!(left.iter().all(|i| i.id != temp.id));
    assert_eq!(
        status(admin.delete_inbox(DeleteInboxParams::new(temp.id)).await),
        404
    );
}

#[tokio::test]
async fn inbox_extras_flow() {
    inbox_extras(&Emu::start().await).await;
}
