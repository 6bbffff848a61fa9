//! Conversation lifecycle beyond the spec: drafts, participants, mute, transcript, read state,
//! unread counts, attachments, message status, retry and translation, and delete.

use crate::support::{Emu, status};
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;
use std::collections::BTreeMap;

/// Seeded: 1 Jane (API inbox, open, unassigned, `billing`), 2 Bob (API inbox, open, John,
/// team `support`), 6 Jane (website inbox, open, Mary).
pub(crate) async fn lifecycle(emu: &Emu) {
    let admin = emu.user("admin");
    drafts(emu).await;
    participants(emu).await;

    // Mute blocks the contact and resolves the conversation; unmute unblocks.
    admin
        .mute_conversation(MuteConversationParams::new(2u64))
        .await
        .unwrap();
    let muted = admin
        .get_conversation(GetConversationParams::new(2u64))
        .await
        .unwrap();
    assert_eq!(muted.muted, Some(true));
    assert_eq!(muted.status, Some(ConversationStatus::Resolved));
    assert!(
        muted.messages[0]
            .content
            .as_deref()
            .unwrap()
            .contains("has muted the conversation")
    );
    admin
        .unmute_conversation(UnmuteConversationParams::new(2u64))
        .await
        .unwrap();
    let unmuted = admin
        .get_conversation(GetConversationParams::new(2u64))
        .await
        .unwrap();
    assert_eq!(unmuted.muted, Some(false));

    // Transcripts need an address.
    assert_eq!(
        status(
            admin
                .send_conversation_transcript(SendConversationTranscriptParams::new(1u64, ""))
                .await
        ),
        422
    );
    admin
        .send_conversation_transcript(SendConversationTranscriptParams::new(
            1u64,
            "jane@example.com",
        ))
        .await
        .unwrap();

    read_state(emu).await;
    messages(emu).await;

    // Attachments: the seeded conversation has none (tests/it/uploads.rs sends some).
    let attachments = admin
        .list_conversation_attachments(ListConversationAttachmentsParams::new(1u64).page(1))
        .await
        .unwrap();
    assert_eq!(attachments.meta.unwrap().total_count(), 0);
    assert!(attachments.payload.is_empty());
    assert_eq!(
        status(
            admin
                .list_conversation_attachments(ListConversationAttachmentsParams::new(999u64))
                .await
        ),
        404
    );

    // Delete: administrators only; the conversation and its messages are gone.
    let agent = emu.user("agent");
    assert_eq!(
        status(
            agent
                .delete_conversation(DeleteConversationParams::new(2u64))
                .await
        ),
        401
    );
    let before = admin
        .get_conversation_counts(GetConversationCountsParams::new().status("all"))
        .await
        .unwrap()
        .meta
        .unwrap()
        .all_count();
    admin
        .delete_conversation(DeleteConversationParams::new(2u64))
        .await
        .unwrap();
    let after = admin
        .get_conversation_counts(GetConversationCountsParams::new().status("all"))
        .await
        .unwrap()
        .meta
        .unwrap()
        .all_count();
    assert_eq!(after, before - 1);
    for result in [
        admin
            .get_conversation(GetConversationParams::new(2u64))
            .await
            .map(|_| ()),
        admin
            .list_messages(ListMessagesParams::new(2u64))
            .await
            .map(|_| ()),
    ] {
        assert_eq!(status(result), 404);
    }
    // The other conversations still read as before.
    let first = admin
        .list_messages(ListMessagesParams::new(1u64))
        .await
        .unwrap();
    assert!(!first.payload.is_empty());
}

async fn drafts(emu: &Emu) {
    let admin = emu.user("admin");
    let none = admin
        .get_draft_message(GetDraftMessageParams::new(1u64))
        .await
        .unwrap();
    assert_eq!((none.has_draft, none.message), (Some(false), None));
    admin
        .update_draft_message(UpdateDraftMessageParams::new(
            1u64,
            DraftMessageInput::new("Hi Jane, checking the invoice"),
        ))
        .await
        .unwrap();
    let saved = admin
        .get_draft_message(GetDraftMessageParams::new(1u64))
        .await
        .unwrap();
    assert_eq!(saved.has_draft, Some(true));
    assert_eq!(
        saved.message.as_deref(),
        Some("Hi Jane, checking the invoice")
    );
    // Another conversation has its own (no) draft.
    let other = admin
        .get_draft_message(GetDraftMessageParams::new(2u64))
        .await
        .unwrap();
    assert_eq!(other.has_draft, Some(false));
    admin
        .delete_draft_message(DeleteDraftMessageParams::new(1u64))
        .await
        .unwrap();
    let gone = admin
        .get_draft_message(GetDraftMessageParams::new(1u64))
        .await
        .unwrap();
    assert_eq!(gone.has_draft, Some(false));
    assert_eq!(
        status(
            admin
                .get_draft_message(GetDraftMessageParams::new(999u64))
                .await
        ),
        404
    );
}

async fn participants(emu: &Emu) {
    let admin = emu.user("admin");
    let agents = admin.list_agents(ListAgentsParams::new()).await.unwrap();
    let id_of = |name: &str| agents.iter().find(|a| a.name() == name).unwrap().id.get();
    let (ada, john, mary) = (id_of("Ada Admin"), id_of("John Agent"), id_of("Mary Agent"));
    let names = |list: &[Agent]| {
        let mut n: Vec<String> = list.iter().map(|a| a.name().to_owned()).collect();
        n.sort();
        n
    };

    let added = admin
        .add_conversation_participants(AddConversationParticipantsParams::new(1u64, [john, mary]))
        .await
        .unwrap();
    assert_eq!(names(&added), ["John Agent", "Mary Agent"]);
    let again = admin
        .add_conversation_participants(AddConversationParticipantsParams::new(1u64, [john]))
        .await
        .unwrap();
    assert!(again.is_empty(), "already a participant");
    let listed = admin
        .list_conversation_participants(ListConversationParticipantsParams::new(1u64))
        .await
        .unwrap();
    assert_eq!(names(&listed), ["John Agent", "Mary Agent"]);

    // Mary is no member of the website inbox; an administrator always has access.
    let web = admin
        .add_conversation_participants(AddConversationParticipantsParams::new(
            6u64,
            [mary, ada, 999_999],
        ))
        .await
        .unwrap();
    assert_eq!(names(&web), ["Ada Admin"]);

    let set = admin
        .update_conversation_participants(UpdateConversationParticipantsParams::new(
            1u64,
            [mary, ada],
        ))
        .await
        .unwrap();
    assert_eq!(names(&set), ["Ada Admin", "Mary Agent"]);
    admin
        .remove_conversation_participants(RemoveConversationParticipantsParams::new(1u64, [mary]))
        .await
        .unwrap();
    let left = admin
        .list_conversation_participants(ListConversationParticipantsParams::new(1u64))
        .await
        .unwrap();
    assert_eq!(names(&left), ["Ada Admin"]);
}

async fn read_state(emu: &Emu) {
    let admin = emu.user("admin");
    let seen = admin
        .update_conversation_last_seen(UpdateConversationLastSeenParams::new(1u64))
        .await
        .unwrap();
    assert_eq!(seen.unread_count, Some(0));
    let seen_at = seen.agent_last_seen_at.unwrap();
    assert!(seen_at.as_secs() > 0);
    let unread = admin
        .mark_conversation_unread(MarkConversationUnreadParams::new(1u64))
        .await
        .unwrap();
    assert!(unread.unread_count.unwrap() >= 1, "{unread:?}");
    assert!(unread.agent_last_seen_at.unwrap() < seen_at);

    // Unread counts sit behind an account feature.
    assert_eq!(
        status(
            admin
                .get_conversation_unread_counts(GetConversationUnreadCountsParams::new())
                .await
        ),
        403
    );
    emu.platform()
        .update_platform_account(
            UpdatePlatformAccountParams::new(1u64).features(BTreeMap::from([(
                "conversation_unread_counts".to_owned(),
                true,
            )])),
        )
        .await
        .unwrap();
    let counts = |client: liveagent::Client| async move {
        client
            .get_conversation_unread_counts(GetConversationUnreadCountsParams::new())
            .await
            .unwrap()
            .payload
            .unwrap()
    };
    let before = counts(emu.user("admin")).await;
    let inbox = emu.inbox_id().to_string();
    let in_api = |c: &UnreadCounts| c.inboxes.get(&inbox).copied().flatten().unwrap_or(0);
    assert!(in_api(&before) >= 1, "{before:?}");
    let sum: i64 = before.inboxes.values().map(|n| n.unwrap_or(0)).sum();
    assert_eq!(before.all_count(), sum);
    admin
        .update_conversation_last_seen(UpdateConversationLastSeenParams::new(1u64))
        .await
        .unwrap();
    let after = counts(emu.user("admin")).await;
    assert_eq!(after.all_count(), before.all_count() - 1);
    assert_eq!(in_api(&after), in_api(&before) - 1);
    assert!(
        !after.labels.values().any(|n| *n == Some(0)),
        "zero counts are left out"
    );
}

async fn messages(emu: &Emu) {
    let admin = emu.user("admin");
    let thread = admin
        .list_messages(ListMessagesParams::new(1u64))
        .await
        .unwrap();
    let incoming = thread
        .payload
        .iter()
        .rev()
        .find(|m| m.message_type == Some(MessageType::Incoming))
        .unwrap()
        .id;

    let failed = admin
        .update_message(
            UpdateMessageParams::new(1u64, incoming, MessageStatus::Failed)
                .external_error("Recipient unreachable"),
        )
        .await
        .unwrap();
    assert_eq!(failed.status, Some(MessageStatus::Failed));
    assert_eq!(
        failed.content_attributes["external_error"],
        json!("Recipient unreachable")
    );
    let delivered = admin
        .update_message(UpdateMessageParams::new(
            1u64,
            incoming,
            MessageStatus::Delivered,
        ))
        .await
        .unwrap();
    assert_eq!(delivered.status, Some(MessageStatus::Delivered));
    assert_eq!(delivered.content_attributes["external_error"], json!(null));
    let read = admin
        .update_message(UpdateMessageParams::new(
            1u64,
            incoming,
            MessageStatus::Read,
        ))
        .await
        .unwrap();
    assert_eq!(read.status, Some(MessageStatus::Read));
    let kept = admin
        .update_message(UpdateMessageParams::new(
            1u64,
            incoming,
            MessageStatus::Delivered,
        ))
        .await
        .unwrap();
    assert_eq!(
        kept.status,
        Some(MessageStatus::Read),
        "read never goes back to delivered"
    );

    let retried = admin
        .retry_message(RetryMessageParams::new(1u64, incoming))
        .await
        .unwrap();
    assert_eq!(retried.status, Some(MessageStatus::Sent));
    assert!(retried.content_attributes.is_empty());
    assert_eq!(
        status(
            admin
                .retry_message(RetryMessageParams::new(1u64, 999_999u64))
                .await
        ),
        404
    );

    // Only API-channel inboxes take status updates.
    let web = admin
        .list_messages(ListMessagesParams::new(6u64))
        .await
        .unwrap();
    let web_message = web.payload[0].id;
    assert_eq!(
        status(
            admin
                .update_message(UpdateMessageParams::new(
                    6u64,
                    web_message,
                    MessageStatus::Read
                ))
                .await
        ),
        403
    );

    // A translation is made once; asking again answers an empty body (`None`).
    let translated = admin
        .translate_message(TranslateMessageParams::new(1u64, incoming, "de"))
        .await
        .unwrap()
        .unwrap();
    let text = translated.content.unwrap();
    assert!(text.starts_with("[de] "), "{text}");
    let again = admin
        .translate_message(TranslateMessageParams::new(1u64, incoming, "de"))
        .await
        .unwrap();
    assert!(again.is_none());
    let thread = admin
        .list_messages(ListMessagesParams::new(1u64))
        .await
        .unwrap();
    let stored = thread.payload.iter().find(|m| m.id == incoming).unwrap();
    assert_eq!(stored.content_attributes["translations"]["de"], json!(text));
}

#[tokio::test]
async fn conversation_lifecycle() {
    lifecycle(&Emu::start().await).await;
}
