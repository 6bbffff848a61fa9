//! Uploads end to end through the native client: a PNG and a PDF attached to messages (account
//! and public API), a direct upload and a CSV import. The emulator stores the files and serves
//! them back at their `data_url`, and the bytes must come back exactly.

use crate::support::{Emu, status};
use liveagent::Upload;
use liveagent::api::*;

const PNG: &[u8] = include_bytes!("../../../../tests/fixtures/files/pixel.png");
const PDF: &[u8] = include_bytes!("../../../../tests/fixtures/files/receipt.pdf");
const CSV: &[u8] = include_bytes!("../../../../tests/fixtures/files/contacts.csv");

async fn download(url: &str) -> (String, Vec<u8>) {
    let response = reqwest::get(url).await.unwrap();
    assert_eq!(response.status(), 200, "{url}");
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    (content_type, response.bytes().await.unwrap().to_vec())
}

pub(crate) async fn uploads(emu: &Emu) {
    let admin = emu.user("admin");
    let conversation = admin
        .list_conversations(ListConversationsParams::new().status("all"))
        .await
        .unwrap()
        .data
        .payload[0]
        .id;

    // Two files and a private flag in one multipart message.
    let sent = admin
        .create_message(
            CreateMessageParams::new(conversation)
                .content("Your receipt")
                .private(true)
                .attachments(vec![
                    Upload::new("pixel.png", "image/png", PNG),
                    Upload::new("receipt.pdf", "application/pdf", PDF),
                ]),
        )
        .await
        .unwrap();
    assert_eq!(sent.content.as_deref(), Some("Your receipt"));
    assert_eq!(sent.private, Some(true), "a multipart `private` is cast");
    assert_eq!(sent.attachments.len(), 2);
    let kinds: Vec<&str> = sent
        .attachments
        .iter()
        .map(|a| a.file_type.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(kinds, ["image", "file"]);
    for (attachment, (bytes, mime)) in sent
        .attachments
        .iter()
        .zip([(PNG, "image/png"), (PDF, "application/pdf")])
    {
        assert_eq!(attachment.file_size, Some(bytes.len() as i64));
        let (content_type, body) = download(attachment.data_url.as_deref().unwrap()).await;
        assert_eq!(content_type, mime);
        assert_eq!(body, bytes, "the bytes round-trip exactly");
    }
    // The listing shows them too.
    let listed = admin
        .list_messages(ListMessagesParams::new(conversation))
        .await
        .unwrap();
    let again = listed.payload.iter().find(|m| m.id == sent.id).unwrap();
    assert_eq!(again.attachments.len(), 2);
    // And the conversation's files, newest first.
    let files = admin
        .list_conversation_attachments(ListConversationAttachmentsParams::new(conversation))
        .await
        .unwrap();
    assert_eq!(files.meta.unwrap().total_count(), 2);
    let ids: Vec<u64> = files.payload.iter().map(|a| a.id.0).collect();
    let sent_ids: Vec<u64> = sent.attachments.iter().map(|a| a.id.0).collect();
    assert_eq!(ids, sent_ids);
    assert_eq!(files.payload[1].data_url, sent.attachments[1].data_url);

    // The public API: a visitor sends a file.
    let widget = emu.public();
    let ii = emu.inbox_identifier();
    let me = widget
        .create_public_contact(CreatePublicContactParams::new(ii.as_str()).name("Uploader"))
        .await
        .unwrap();
    let ci = me.source_id().to_owned();
    let chat = widget
        .create_public_conversation(CreatePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
        ))
        .await
        .unwrap();
    let from_visitor = widget
        .create_public_message(
            CreatePublicMessageParams::new(ii.as_str(), ci.as_str(), chat.id)
                .content("a screenshot")
                .attachments(vec![Upload::new("shot.png", "image/png", PNG)]),
        )
        .await
        .unwrap();
    let url = from_visitor.attachments[0].data_url.clone().unwrap();
    assert_eq!(download(&url).await.1, PNG);
    // The contact's files are the visitor's one.
    let theirs = admin
        .list_contact_attachments(ListContactAttachmentsParams::new(me.id))
        .await
        .unwrap();
    assert_eq!(theirs.payload.len(), 1);
    assert_eq!(theirs.payload[0].data_url.as_deref(), Some(url.as_str()));

    // A direct upload, and its refusal without a file.
    let uploaded = admin
        .upload_file(UploadFileParams::new().attachment(Upload::new(
            "receipt.pdf",
            "application/pdf",
            PDF,
        )))
        .await
        .unwrap();
    assert!(!uploaded.blob_id().is_empty());
    assert_eq!(download(uploaded.file_url()).await.1, PDF);
    assert_eq!(
        status(admin.upload_file(UploadFileParams::new()).await),
        422
    );

    // A contact's avatar: uploaded, served as its thumbnail, and removed.
    let with_avatar = admin
        .update_contact(UpdateContactParams::new(me.id).avatar(Upload::new(
            "me.png",
            "image/png",
            PNG,
        )))
        .await
        .unwrap()
        .payload
        .unwrap();
    let thumbnail = with_avatar.thumbnail.clone().unwrap();
    assert_eq!(
        download(&thumbnail).await,
        ("image/png".to_owned(), PNG.to_vec())
    );
    let without = admin
        .delete_contact_avatar(DeleteContactAvatarParams::new(me.id))
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(without.thumbnail.as_deref(), Some(""));

    // The profile's and an agent bot's avatars, likewise.
    let me_now = admin
        .update_profile(UpdateProfileParams::new(
            ProfileUpdate::new().avatar(Upload::new("me.png", "image/png", PNG)),
        ))
        .await
        .unwrap();
    assert_eq!(download(me_now.avatar_url()).await.1, PNG);
    admin
        .delete_profile_avatar(DeleteProfileAvatarParams::new())
        .await
        .unwrap();
    let profile = admin.get_profile(GetProfileParams::new()).await.unwrap();
    assert_eq!(profile.avatar_url(), "");
    let bot = admin
        .create_agent_bot(
            CreateAgentBotParams::new()
                .name("Avatar Bot")
                .avatar(Upload::new("bot.png", "image/png", PNG)),
        )
        .await
        .unwrap();
    assert_eq!(download(bot.thumbnail()).await.1, PNG);
    admin
        .delete_agent_bot_avatar(DeleteAgentBotAvatarParams::new(bot.id))
        .await
        .unwrap();
    let bot = admin
        .get_agent_bot(GetAgentBotParams::new(bot.id))
        .await
        .unwrap();
    assert_eq!(bot.thumbnail(), "");

    let inbox = admin
        .update_inbox(UpdateInboxParams::new(emu.inbox_id()).avatar(Upload::new(
            "inbox.png",
            "image/png",
            PNG,
        )))
        .await
        .unwrap();
    assert_eq!(download(inbox.avatar_url.as_deref().unwrap()).await.1, PNG);
    admin
        .delete_inbox_avatar(DeleteInboxAvatarParams::new(emu.inbox_id()))
        .await
        .unwrap();
    let inbox = admin
        .get_inbox(GetInboxParams::new(emu.inbox_id()))
        .await
        .unwrap();
    assert_eq!(inbox.avatar_url.as_deref(), Some(""));

    // A CSV import: administrators only; rows without a detail are skipped.
    let csv = || Upload::new("contacts.csv", "text/csv", CSV);
    assert_eq!(
        status(
            emu.user("agent")
                .import_contacts(ImportContactsParams::new(csv()))
                .await
        ),
        401
    );
    admin
        .import_contacts(ImportContactsParams::new(csv()))
        .await
        .unwrap();
    let found = admin
        .search_contacts(SearchContactsParams::new("ada@example.com"))
        .await
        .unwrap();
    assert_eq!(found.payload.len(), 1);
    assert_eq!(found.payload[0].name.as_deref(), Some("Lovelace, Ada"));
    let grace = admin
        .search_contacts(SearchContactsParams::new("gh-1"))
        .await
        .unwrap();
    assert_eq!(grace.payload[0].name.as_deref(), Some("Grace Hopper"));
    let none = admin
        .search_contacts(SearchContactsParams::new("No Details"))
        .await
        .unwrap();
    assert!(none.payload.is_empty());
}

#[tokio::test]
async fn files_round_trip_through_the_emulator() {
    uploads(&Emu::start().await).await;
}

#[tokio::test]
async fn a_missing_file_is_a_build_error_and_sends_nothing() {
    let emu = Emu::start().await;
    let meta = liveagent::core::endpoint::find("create_message").unwrap().1;
    let result = emu
        .user("admin")
        .call_with_files(
            meta,
            serde_json::json!({"conversation_id": 1, "attachments": [{"$file": 0}]}),
            Vec::new(),
            liveagent::CallOptions::default(),
            std::future::pending(),
        )
        .await;
    assert!(
        matches!(result, Err(liveagent::Error::Build(_))),
        "{result:?}"
    );
    assert!(emu.requests().await.is_empty());
}
