//! Webhooks: the emulator posts the upstream payload, signed, to registered URLs.

use crate::support::Emu;
use liveagent::api::*;
use liveagent::models::WebhookEvent;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Receives one POST on loopback; returns (headers, body).
async fn receive_one(listener: tokio::net::TcpListener) -> (String, String) {
    let (mut socket, _) = listener.accept().await.unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = socket.read(&mut chunk).await.unwrap();
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some(split) = text.find("\r\n\r\n") {
            let head = text[..split].to_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map_or(0, |v| v.trim().parse().unwrap());
            if buf.len() >= split + 4 + length || n == 0 {
                socket
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
                    .await
                    .unwrap();
                return (head, text[split + 4..].to_owned());
            }
        }
    }
}

#[tokio::test]
async fn message_created_is_delivered_signed() {
    let emu = Emu::start().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let admin = emu.user("admin");
    let hook = admin
        .create_webhook(
            CreateWebhookParams::new(url.as_str())
                .subscriptions(vec![WebhookEvent::MessageCreated]),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .webhook
        .unwrap();
    let receiver = tokio::spawn(receive_one(listener));
    admin
        .create_message(CreateMessageParams::new(2u64).content("Signed hello"))
        .await
        .unwrap();
    let (head, body) = tokio::time::timeout(std::time::Duration::from_secs(5), receiver)
        .await
        .unwrap()
        .unwrap();

    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap()
            .trim()
            .to_owned()
    };
    let timestamp = header("x-chatwoot-timestamp");
    let expected = {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(
            hook.secret.as_ref().unwrap().expose().as_bytes(),
        )
        .unwrap();
        mac.update(format!("{timestamp}.{body}").as_bytes());
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("sha256={hex}")
    };
    assert_eq!(header("x-chatwoot-signature"), expected);
    let payload: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(payload["event"], "message_created");
    assert_eq!(payload["content"], "Signed hello");
    assert_eq!(payload["message_type"], "outgoing");
    assert_eq!(payload["conversation"]["id"], 2);
}
