//! The web-widget API through the native client, continued: identity hashes and identity
//! switches, new conversations, ending a conversation, direct uploads, bad tokens and the
//! request log; and the API CORS switch.

use crate::extended::checksum;
use crate::support::{Emu, status};
use crate::widget::{Visit, object};
use liveagent::api::*;
use liveagent::models::*;
use liveagent_emulator::Options;
use serde_json::json;

/// The identity hash a customer's server computes: hex HMAC-SHA256 of the identifier.
fn identity_hash(key: &str, identifier: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(identifier.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The rows of a visitor's identity, a new conversation, its end and an upload.
pub(crate) async fn identity(emu: &Emu, visit: Visit) {
    let Visit {
        website_token,
        visitor,
        me,
        display_id,
        token,
    } = visit;
    let hmac_key = emu
        .info("/web_widget/hmac_token")
        .as_str()
        .unwrap()
        .to_owned();
    let web_inbox = emu.info("/web_widget/inbox_id").as_u64().unwrap();
    let admin = emu.user("admin");
    // Identity: a wrong hash is refused; the right one identifies; another identifier is a
    // new session, whose token the client now holds.
    let refused = visitor
        .set_widget_user(SetWidgetUserParams::new("user-42").identifier_hash("00ff"))
        .await;
    assert_eq!(status(refused), 401);
    let identified = visitor
        .set_widget_user(
            SetWidgetUserParams::new("user-42")
                .identifier_hash(identity_hash(&hmac_key, "user-42")),
        )
        .await
        .unwrap();
    assert_eq!(identified.id, me);
    assert!(identified.widget_auth_token.is_none());
    let switched = visitor
        .set_widget_user(
            SetWidgetUserParams::new("user-43")
                .identifier_hash(identity_hash(&hmac_key, "user-43"))
                .name("Someone Else"),
        )
        .await
        .unwrap();
    let new_token = switched.widget_auth_token.clone().expect("a new session");
    assert_eq!(visitor.widget_token(), Some(new_token.clone()));
    assert_ne!(new_token, token);
    assert_ne!(switched.id, me);
    let fresh = visitor
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    assert!(fresh.id.is_none(), "the new identity has no conversation");
    // Identified again elsewhere, user-42 is the same contact and, verified, sees its
    // conversation.
    let elsewhere = emu.visitor(&website_token, None);
    let back = elsewhere
        .set_widget_user(
            SetWidgetUserParams::new("user-42")
                .identifier_hash(identity_hash(&hmac_key, "user-42")),
        )
        .await
        .unwrap();
    assert_eq!(back.id, me);
    let theirs = elsewhere
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    assert_eq!(theirs.id, Some(display_id));

    // A new conversation, always; the pre-chat details identify the contact.
    let created = visitor
        .create_widget_conversation(
            CreateWidgetConversationParams::new(WidgetFirstMessageInput::new("A new question"))
                .contact(WidgetPreChatContact::new().phone_number("+4712345678"))
                .custom_attributes(object(json!({"topic": "returns"}))),
        )
        .await
        .unwrap();
    assert_eq!(
        created.messages[0].content.as_deref(),
        Some("A new question")
    );
    assert_eq!(
        created.contact().unwrap().phone_number.as_deref(),
        Some("+4712345678")
    );
    assert_eq!(
        created.custom_attributes.get("topic"),
        Some(&json!("returns"))
    );
    let newest = visitor
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    assert_eq!(newest.id, Some(created.id));

    // Ending: resolves (never reopens); a message reopens; off without end_conversation.
    for _ in 0..2 {
        visitor
            .resolve_widget_conversation(ResolveWidgetConversationParams::new())
            .await
            .unwrap();
        let ended = visitor
            .get_widget_conversation(GetWidgetConversationParams::new())
            .await
            .unwrap();
        assert_eq!(ended.status, Some(ConversationStatus::Resolved));
    }
    visitor
        .create_widget_message(CreateWidgetMessageParams::new(
            WidgetMessageInput::new().content("One more thing"),
        ))
        .await
        .unwrap();
    let reopened = visitor
        .get_widget_conversation(GetWidgetConversationParams::new())
        .await
        .unwrap();
    assert_eq!(reopened.status, Some(ConversationStatus::Open));
    admin
        .update_inbox(
            UpdateInboxParams::new(web_inbox)
                .channel(object(json!({"selected_feature_flags": ["attachments"]}))),
        )
        .await
        .unwrap();
    let forbidden = visitor
        .resolve_widget_conversation(ResolveWidgetConversationParams::new())
        .await;
    assert_eq!(status(forbidden), 403);

    // A direct upload, attached by its signed id.
    let bytes = b"order receipt\n";
    let upload = visitor
        .create_widget_direct_upload(CreateWidgetDirectUploadParams::new(
            DirectUploadBlob::new("receipt.txt", bytes.len() as i64, checksum(bytes))
                .content_type("text/plain"),
        ))
        .await
        .unwrap();
    let put = reqwest::Client::new()
        .put(upload.direct_upload.clone().unwrap().url())
        .header("content-type", "text/plain")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 204);
    let with_file = visitor
        .create_widget_message(CreateWidgetMessageParams::new(
            WidgetMessageInput::new()
                .attachments(vec![liveagent::Upload::signed_id(upload.signed_id())]),
        ))
        .await
        .unwrap();
    assert_eq!(with_file.attachments.len(), 1);

    // A token the server did not sign, or an unknown website token, finds nothing.
    let bogus = emu.visitor(&website_token, Some("not-a-token"));
    let lost = bogus
        .get_widget_contact(GetWidgetContactParams::new())
        .await;
    assert_eq!(status(lost), 404);
    let nowhere = emu.visitor("no-such-widget", None);
    let lost = nowhere
        .list_widget_campaigns(ListWidgetCampaignsParams::new())
        .await;
    assert_eq!(status(lost), 404);

    // Session tokens never reach the request log.
    let log = emu.requests().await;
    let text = serde_json::to_string(&log).unwrap();
    assert!(!text.contains(token.expose()) && !text.contains(new_token.expose()));
    assert!(
        log.iter()
            .any(|r| r["headers"]["x-auth-token"] == json!("[redacted]"))
    );
}

/// Upstream answers `/api/*` cross-origin only with `ENABLE_API_CORS`; `/public/api/*` always.
#[tokio::test]
async fn api_cors_follows_the_switch() {
    let http = reqwest::Client::new();
    for api_cors in [true, false] {
        let emu = Emu::start_with(Options {
            api_cors,
            ..Options::default()
        })
        .await;
        let config = format!(
            "{}/api/v1/widget/config?website_token={}",
            emu.base(),
            emu.website_token()
        );
        let public = format!(
            "{}/public/api/v1/inboxes/{}",
            emu.base(),
            emu.inbox_identifier()
        );
        let preflight = |url: String| {
            http.request(reqwest::Method::OPTIONS, url)
                .header("origin", "https://shop.example")
                .header("access-control-request-method", "POST")
                .header(
                    "access-control-request-headers",
                    "x-auth-token, content-type",
                )
                .send()
        };
        let allowed =
            |r: &reqwest::Response| r.headers().get("access-control-allow-origin").cloned();
        let api_preflight = preflight(config.clone()).await.unwrap();
        let api_post = http
            .post(&config)
            .header("origin", "https://shop.example")
            .send()
            .await
            .unwrap();
        assert_eq!(api_post.status(), 200);
        let public_preflight = preflight(public.clone()).await.unwrap();
        let public_get = http
            .get(&public)
            .header("origin", "https://shop.example")
            .send()
            .await
            .unwrap();
        assert!(allowed(&public_preflight).is_some() && allowed(&public_get).is_some());
        if api_cors {
            assert_eq!(allowed(&api_preflight).unwrap(), "https://shop.example");
            assert_eq!(allowed(&api_post).unwrap(), "https://shop.example");
            let asked = api_preflight.headers()["access-control-allow-headers"]
                .to_str()
                .unwrap();
            assert!(asked.contains("x-auth-token"));
        } else {
            assert!(allowed(&api_preflight).is_none());
            assert!(allowed(&api_post).is_none());
        }
    }
}
