//! The extended tier through the native client: inviting agents in bulk, the direct-upload
//! handshake (announce, `PUT` the bytes, attach by signed id) and CSAT review notes.

use crate::support::{Emu, status};
use base64::Engine as _;
use liveagent::api::*;
use liveagent::models::{Availability, Role};
use md5::{Digest as _, Md5};
use serde_json::json;

/// ActiveStorage's checksum: base64 of the MD5 digest.
pub(crate) fn checksum(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(bytes))
}

pub(crate) async fn bulk_create_agents(emu: &Emu) {
    let admin = emu.user("admin");
    let before = admin.list_agents(ListAgentsParams::new()).await.unwrap();
    let existing = before[0].email().to_owned();
    let emails = vec![
        "new.one@acme.example".to_owned(),
        "not-an-email".to_owned(),
        existing,
        "New.Two@Acme.example".to_owned(),
    ];
    assert_eq!(
        status(
            emu.user("agent")
                .bulk_create_agents(BulkCreateAgentsParams::new(emails.clone()))
                .await
        ),
        401,
        "administrators only"
    );
    admin
        .bulk_create_agents(BulkCreateAgentsParams::new(emails.clone()))
        .await
        .unwrap();
    let after = admin.list_agents(ListAgentsParams::new()).await.unwrap();
    assert_eq!(
        after.len(),
        before.len() + 2,
        "the invalid email and the member are skipped"
    );
    let one = after
        .iter()
        .find(|a| a.email() == "new.one@acme.example")
        .unwrap();
    assert_eq!(one.name(), "new.one", "named after the local part");
    assert_eq!(one.role, Some(Role::Agent));
    assert_eq!(one.availability_status, Some(Availability::Offline));
    assert_eq!(one.auto_offline, Some(false));
    assert!(!one.confirmed(), "invited, not yet confirmed");
    let two = after
        .iter()
        .find(|a| a.email() == "new.two@acme.example")
        .unwrap();
    assert_eq!(two.name(), "New.Two", "the name keeps the email's case");
    assert!(!after.iter().any(|a| a.email().contains("not-an-email")));
    // Again: everyone is a member now, so nothing changes.
    admin
        .bulk_create_agents(BulkCreateAgentsParams::new(emails))
        .await
        .unwrap();
    let again = admin.list_agents(ListAgentsParams::new()).await.unwrap();
    assert_eq!(again.len(), after.len());
}

pub(crate) async fn direct_uploads(emu: &Emu) {
    let admin = emu.user("admin");
    let conversation = admin
        .list_conversations(ListConversationsParams::new().status("all"))
        .await
        .unwrap()
        .data
        .payload[0]
        .id;
    let bytes = b"Meeting notes: renew the contract in May.\n";
    let blob = DirectUploadBlob::new("notes.txt", bytes.len() as i64, checksum(bytes))
        .content_type("text/plain")
        .metadata(
            json!({"source": "sdk", "analyzed": true})
                .as_object()
                .unwrap()
                .clone(),
        );
    let upload = admin
        .create_direct_upload(CreateDirectUploadParams::new(conversation, blob.clone()))
        .await
        .unwrap();
    assert_eq!(upload.filename(), "notes.txt");
    assert_eq!(upload.byte_size(), bytes.len() as i64);
    assert_eq!(upload.checksum.as_deref(), Some(checksum(bytes).as_str()));
    assert_eq!(upload.content_type.as_deref(), Some("text/plain"));
    let metadata = upload.metadata.clone().unwrap();
    assert_eq!(metadata.get("source"), Some(&json!("sdk")));
    assert!(
        !metadata.contains_key("analyzed"),
        "ActiveStorage's own keys are dropped"
    );
    let target = upload.direct_upload.clone().unwrap();
    let url = target.url().to_owned();
    assert!(url.starts_with(&format!("{}/rails/active_storage/disk/", emu.base())));
    assert_eq!(
        target.headers["Content-Type"].as_deref(),
        Some("text/plain")
    );

    // The disk service checks what was announced: type, length and checksum.
    let http = reqwest::Client::new();
    let put = |url: String, content_type: &'static str, body: Vec<u8>| {
        let http = http.clone();
        async move {
            http.put(url)
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(put(url.clone(), "image/png", bytes.to_vec()).await, 422);
    assert_eq!(put(url.clone(), "text/plain", b"short".to_vec()).await, 422);
    let mut tampered = bytes.to_vec();
    tampered[0] = b'X';
    assert_eq!(put(url.clone(), "text/plain", tampered).await, 422);
    assert_eq!(
        put(format!("{url}x"), "text/plain", bytes.to_vec()).await,
        404
    );
    assert_eq!(put(url.clone(), "text/plain", bytes.to_vec()).await, 204);

    // A message carrying the signed id shows the file, served byte for byte.
    let sent = admin
        .create_message(
            CreateMessageParams::new(conversation)
                .content("The notes, as promised")
                .attachments(vec![liveagent::Upload::signed_id(upload.signed_id())]),
        )
        .await
        .unwrap();
    let attachment = &sent.attachments[0];
    assert_eq!(attachment.file_type.as_ref().unwrap().as_str(), "file");
    assert_eq!(attachment.file_size, Some(bytes.len() as i64));
    let served = reqwest::get(attachment.data_url.as_deref().unwrap())
        .await
        .unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.bytes().await.unwrap().as_ref(), bytes);
    let listed = admin
        .list_messages(ListMessagesParams::new(conversation))
        .await
        .unwrap();
    let message = listed.payload.iter().find(|m| m.id == sent.id).unwrap();
    assert_eq!(message.attachments.len(), 1);
    assert_eq!(message.attachments[0].file_size, Some(bytes.len() as i64));
    // A signed id the server cannot verify is an unhandled error there.
    let forged = admin
        .create_message(
            CreateMessageParams::new(conversation)
                .attachments(vec![liveagent::Upload::signed_id("forged")]),
        )
        .await;
    assert_eq!(status(forged), 500);

    // An unknown conversation renders nothing (204), which is no blob.
    assert!(
        admin
            .create_direct_upload(CreateDirectUploadParams::new(999_999u64, blob.clone()))
            .await
            .is_err()
    );
    // A blank checksum fails the blob's validation.
    assert_eq!(
        status(
            admin
                .create_direct_upload(CreateDirectUploadParams::new(
                    conversation,
                    DirectUploadBlob::new("empty.txt", 0, "")
                ))
                .await
        ),
        422
    );
}

pub(crate) async fn csat_review_notes(emu: &Emu) {
    let admin = emu.user("admin");
    // A visitor writes in, resolves the conversation and rates it.
    let widget = emu.public();
    let ii = emu.inbox_identifier();
    let me = widget
        .create_public_contact(CreatePublicContactParams::new(ii.as_str()).name("Rater"))
        .await
        .unwrap();
    let ci = me.source_id().to_owned();
    let id = widget
        .create_public_conversation(CreatePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
        ))
        .await
        .unwrap()
        .id;
    let resolved = widget
        .resolve_public_conversation(ResolvePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
            id,
        ))
        .await
        .unwrap();
    widget
        .update_public_csat_survey(UpdatePublicCsatSurveyParams::new(
            resolved.uuid(),
            CsatSurveyAnswer::new(
                json!({"csat_survey_response": {"rating": 2, "feedback_message": "slow"}})
                    .as_object()
                    .unwrap()
                    .clone(),
            ),
        ))
        .await
        .unwrap();
    let response = admin
        .list_csat_survey_responses(ListCsatSurveyResponsesParams::new())
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.conversation_id == Some(id))
        .unwrap();
    assert_eq!(response.csat_review_notes, None);
    assert!(response.review_notes_updated_by.is_none());

    assert_eq!(
        status(
            emu.user("agent")
                .update_csat_survey_response(
                    UpdateCsatSurveyResponseParams::new(response.id)
                        .csat_review_notes("not mine to write")
                )
                .await
        ),
        401,
        "administrators only"
    );
    assert_eq!(
        status(
            admin
                .update_csat_survey_response(
                    UpdateCsatSurveyResponseParams::new(999_999u64).csat_review_notes("x")
                )
                .await
        ),
        404
    );
    let noted = admin
        .update_csat_survey_response(
            UpdateCsatSurveyResponseParams::new(response.id)
                .csat_review_notes("Called back; wait time was the issue"),
        )
        .await
        .unwrap();
    assert_eq!(
        noted.csat_review_notes.as_deref(),
        Some("Called back; wait time was the issue")
    );
    assert_eq!(noted.rating(), 2, "the rating stays");
    let by = noted.review_notes_updated_by.clone().unwrap();
    assert_eq!(by.name(), "Ada Admin");
    assert!(noted.review_notes_updated_at.is_some());
    // Later reads show the notes, the CSV too.
    let listed = admin
        .list_csat_survey_responses(ListCsatSurveyResponsesParams::new())
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.id == response.id)
        .unwrap();
    assert_eq!(listed.csat_review_notes, noted.csat_review_notes);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let csv = admin
        .download_csat_survey_responses(DownloadCsatSurveyResponsesParams::new(
            now - 3600,
            now + 3600,
        ))
        .await
        .unwrap();
    assert!(csv.contains("Called back; wait time was the issue"));
    // Leaving the notes out clears them.
    let cleared = admin
        .update_csat_survey_response(UpdateCsatSurveyResponseParams::new(response.id))
        .await
        .unwrap();
    assert_eq!(cleared.csat_review_notes, None);
}

pub(crate) async fn extended(emu: &Emu) {
    bulk_create_agents(emu).await;
    direct_uploads(emu).await;
    csat_review_notes(emu).await;
}

#[tokio::test]
async fn extended_tier_rows() {
    extended(&Emu::start().await).await;
}
