//! Notifications, notification settings and the profile's extras: assignment and creation
//! notifications made by the emulator, read through the caller's listing and counts.

use crate::support::{Emu, status};
use liveagent::Client;
use liveagent::api::*;
use liveagent::models::*;
use liveagent::{Id, Timestamp};

async fn unread(client: &Client) -> i64 {
    client
        .get_notification_unread_count(GetNotificationUnreadCountParams::new())
        .await
        .unwrap()
}

async fn listed(client: &Client, includes: &[&str]) -> NotificationListData {
    let mut params = ListNotificationsParams::new();
    if !includes.is_empty() {
        params = params.includes(includes);
    }
    client.list_notifications(params).await.unwrap().data
}

/// A new conversation in the API inbox, with a first incoming message; its display id.
async fn new_conversation(admin: &Client, emu: &Emu, name: &str) -> Id {
    let contact = admin
        .create_contact(
            CreateContactParams::new()
                .name(name)
                .email(format!("{}@example.com", name.to_lowercase().replace(' ', ".")).as_str())
                .inbox_id(emu.inbox_id()),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .contact
        .unwrap();
    admin
        .create_conversation(
            CreateConversationParams::new()
                .inbox_id(emu.inbox_id())
                .contact_id(contact.id)
                .message(
                    NewConversationMessage::new("Where is my order?")
                        .message_type(MessageType::Incoming),
                ),
        )
        .await
        .unwrap()
        .id
}

pub(crate) async fn notifications(emu: &Emu) {
    let (admin, agent) = (emu.user("admin"), emu.user("agent"));
    let john = agent.get_profile(GetProfileParams::new()).await.unwrap();
    let ada = admin.get_profile(GetProfileParams::new()).await.unwrap();

    // Start clean: the seeded conversations may have told John of messages already.
    agent
        .delete_all_notifications(DeleteAllNotificationsParams::new())
        .await
        .unwrap();
    assert_eq!(unread(&agent).await, 0);
    assert!(
        listed(&agent, &["read", "snoozed"])
            .await
            .payload
            .is_empty()
    );

    // John has not subscribed to new conversations (the default is assignments only).
    let settings = agent
        .get_notification_settings(GetNotificationSettingsParams::new())
        .await
        .unwrap();
    assert_eq!(
        settings.selected_email_flags,
        ["email_conversation_assignment"]
    );
    assert_eq!(
        settings.selected_push_flags,
        ["push_conversation_assignment"]
    );
    assert_eq!(settings.all_email_flags.len(), 8);
    assert_eq!(settings.user_id, Some(john.id));
    let first = new_conversation(&admin, emu, "Flow Person").await;
    assert_eq!(unread(&agent).await, 0, "no creation notification");

    // Ada assigns it to John: John is told, Ada is not.
    admin
        .assign_conversation(AssignConversationParams::new(first).assignee_id(john.id))
        .await
        .unwrap();
    let list = listed(&agent, &[]).await;
    let meta = list.meta.clone().unwrap();
    assert_eq!(
        (meta.unread_count(), meta.count(), meta.current_page()),
        (1, 1, 1)
    );
    let n = &list.payload[0];
    assert_eq!(
        n.notification_type,
        Some(NotificationType::ConversationAssignment)
    );
    assert_eq!(
        n.push_message_title.as_deref(),
        Some(format!("A conversation (#{first}) has been assigned to you").as_str())
    );
    assert_eq!(
        n.push_message_body.as_deref(),
        Some("Flow Person: Where is my order?")
    );
    let conversation = n.primary_actor.as_ref().unwrap();
    assert_eq!(conversation.id, first);
    assert!(matches!(
        n.secondary_actor,
        Some(NotificationActor::User(ref u)) if u.id == ada.id
    ));
    assert_eq!(n.user.as_ref().unwrap().id, john.id);
    assert_eq!(n.read_at, None);
    let (nid, record_id) = (n.id, n.primary_actor_id.unwrap());
    assert_eq!(unread(&agent).await, 1);
    assert_eq!(unread(&admin).await, 0);
    // Self-assignment tells nobody.
    admin
        .assign_conversation(AssignConversationParams::new(first).assignee_id(ada.id))
        .await
        .unwrap();
    assert_eq!(unread(&admin).await, 0);
    admin
        .assign_conversation(AssignConversationParams::new(first).assignee_id(john.id))
        .await
        .unwrap();
    // A new assignment of the same conversation replaces the older notification.
    let list = listed(&agent, &[]).await;
    assert_eq!(list.payload.len(), 1);
    let nid = {
        assert_ne!(list.payload[0].id, nid);
        list.payload[0].id
    };

    // Read, unread, read all.
    let read = agent
        .mark_notification_read(MarkNotificationReadParams::new(nid))
        .await
        .unwrap();
    assert!(read.read_at.is_some());
    assert_eq!(read.secondary_actor_type.as_deref(), Some("User"));
    assert_eq!(unread(&agent).await, 0);
    assert!(listed(&agent, &[]).await.payload.is_empty());
    let with_read = listed(&agent, &["read"]).await;
    assert_eq!(with_read.payload.len(), 1);
    assert!(with_read.payload[0].read_at.is_some());
    assert_eq!(with_read.meta.unwrap().unread_count(), 0);
    let back = agent
        .mark_notification_unread(MarkNotificationUnreadParams::new(nid))
        .await
        .unwrap();
    assert_eq!(back.read_at, None);
    assert_eq!(unread(&agent).await, 1);
    agent
        .mark_all_notifications_read(MarkAllNotificationsReadParams::new())
        .await
        .unwrap();
    assert_eq!(unread(&agent).await, 0);

    // Read all about one conversation leaves the others unread.
    let mut settings = NotificationSettingsUpdate::new()
        .selected_email_flags([
            "email_conversation_creation",
            "email_conversation_assignment",
        ])
        .selected_push_flags(["push_conversation_assignment"]);
    let updated = agent
        .update_notification_settings(UpdateNotificationSettingsParams::new(settings.clone()))
        .await
        .unwrap();
    assert_eq!(
        updated.selected_email_flags,
        [
            "email_conversation_creation",
            "email_conversation_assignment"
        ]
    );
    let second = new_conversation(&admin, emu, "Other Person").await;
    let list = listed(&agent, &[]).await;
    assert_eq!(list.payload.len(), 1);
    let created = &list.payload[0];
    assert_eq!(
        created.notification_type,
        Some(NotificationType::ConversationCreation)
    );
    assert_eq!(
        created.push_message_title.as_deref(),
        Some(format!("A conversation (#{second}) has been created in API Inbox").as_str())
    );
    agent
        .mark_notification_unread(MarkNotificationUnreadParams::new(nid))
        .await
        .unwrap();
    assert_eq!(unread(&agent).await, 2);
    agent
        .mark_all_notifications_read(
            MarkAllNotificationsReadParams::new()
                .primary_actor_type("Conversation")
                .primary_actor_id(record_id),
        )
        .await
        .unwrap();
    let left = listed(&agent, &[]).await.payload;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].primary_actor.as_ref().unwrap().id, second);

    // A customer message in John's conversation replaces his assignment notification.
    admin
        .create_message(
            CreateMessageParams::new(first)
                .content("Any news on my order? It has been a week, and I am still waiting.")
                .message_type(MessageType::Incoming),
        )
        .await
        .unwrap();
    let list = listed(&agent, &[]).await.payload;
    let news = list
        .iter()
        .find(|n| n.primary_actor.as_ref().unwrap().id == first)
        .unwrap();
    assert_eq!(
        news.notification_type,
        Some(NotificationType::AssignedConversationNewMessage)
    );
    assert_eq!(
        news.push_message_body.as_deref(),
        Some("Flow Person: Any news on my order? It has been a week,...")
    );
    assert!(matches!(
        news.secondary_actor,
        Some(NotificationActor::Message(_))
    ));
    assert_eq!(unread(&agent).await, 2);

    // Snoozed notifications are hidden until their time, then come back unread.
    let news_id = news.id;
    let snoozed = agent
        .snooze_notification(
            SnoozeNotificationParams::new(news_id)
                .snoozed_until(Timestamp::from_secs(4_102_444_800)),
        )
        .await
        .unwrap();
    assert!(snoozed.snoozed_until.is_some());
    assert!(snoozed.meta.contains_key("last_snoozed_at"));
    assert_eq!(unread(&agent).await, 1);
    let all = listed(&agent, &["snoozed"]).await.payload;
    assert!(
        all.iter()
            .any(|n| n.id == news_id && n.snoozed_until.is_some())
    );
    agent
        .snooze_notification(
            SnoozeNotificationParams::new(news_id)
                .snoozed_until(Timestamp::from_secs(1_000_000_000)),
        )
        .await
        .unwrap();
    let back = listed(&agent, &[]).await.payload;
    let reopened = back.iter().find(|n| n.id == news_id).unwrap();
    assert_eq!(reopened.snoozed_until, None);
    assert!(reopened.meta["last_snoozed_at"].is_string());

    // Errors: unknown ids and other users' notifications are 404; bad flags fail; bots are refused.
    assert_eq!(
        status(
            agent
                .mark_notification_read(MarkNotificationReadParams::new(999_999u64))
                .await
        ),
        404
    );
    assert_eq!(
        status(
            admin
                .delete_notification(DeleteNotificationParams::new(news_id))
                .await
        ),
        404
    );
    settings = settings.selected_push_flags(["push_no_such_thing"]);
    assert_eq!(
        status(
            agent
                .update_notification_settings(UpdateNotificationSettingsParams::new(settings))
                .await
        ),
        500
    );
    // The client refuses a bot token for this row; sent as a user token, the server refuses it.
    let bot_as_user = Client::builder(emu.base())
        .user_token(emu.token("bot"))
        .account_id(1)
        .max_retries(0)
        .build()
        .unwrap();
    assert_eq!(
        status(
            bot_as_user
                .list_notifications(ListNotificationsParams::new())
                .await
        ),
        401
    );

    // Delete one, then the read ones, then all.
    agent
        .delete_notification(DeleteNotificationParams::new(news_id))
        .await
        .unwrap();
    let remaining = listed(&agent, &["read", "snoozed"]).await.payload;
    assert!(remaining.iter().all(|n| n.id != news_id));
    assert_eq!(remaining.len(), 1, "the creation notification");
    agent
        .mark_notification_read(MarkNotificationReadParams::new(remaining[0].id))
        .await
        .unwrap();
    for assignee in [ada.id, john.id] {
        admin
            .assign_conversation(AssignConversationParams::new(first).assignee_id(assignee))
            .await
            .unwrap();
    }
    assert_eq!(unread(&agent).await, 1);
    agent
        .delete_all_notifications(DeleteAllNotificationsParams::new().r#type("read"))
        .await
        .unwrap();
    let remaining = listed(&agent, &["read", "snoozed"]).await.payload;
    assert_eq!(remaining.len(), 1);
    assert_eq!(remaining[0].read_at, None);
    agent
        .delete_all_notifications(DeleteAllNotificationsParams::new())
        .await
        .unwrap();
    assert_eq!(unread(&agent).await, 0);
}

pub(crate) async fn profile(emu: &Emu) {
    let agent = emu.user("agent");
    let account = |p: &Profile| p.accounts[0].clone();

    let busy = agent
        .update_profile_availability(UpdateProfileAvailabilityParams::new(
            ProfileAvailability::new(1u64, "busy"),
        ))
        .await
        .unwrap();
    assert_eq!(account(&busy).availability, Some(Availability::Busy));
    let again = agent.get_profile(GetProfileParams::new()).await.unwrap();
    assert_eq!(account(&again).availability, Some(Availability::Busy));
    assert_eq!(
        status(
            agent
                .update_profile_availability(UpdateProfileAvailabilityParams::new(
                    ProfileAvailability::new(424_242u64, "online"),
                ))
                .await
        ),
        404
    );

    let manual = agent
        .update_profile_auto_offline(UpdateProfileAutoOfflineParams::new(
            ProfileAutoOffline::new(1u64).auto_offline(false),
        ))
        .await
        .unwrap();
    assert_eq!(account(&manual).auto_offline, Some(false));
    let auto = agent
        .update_profile_auto_offline(UpdateProfileAutoOfflineParams::new(
            ProfileAutoOffline::new(1u64).auto_offline(true),
        ))
        .await
        .unwrap();
    assert_eq!(account(&auto).auto_offline, Some(true));

    let no_avatar = agent
        .delete_profile_avatar(DeleteProfileAvatarParams::new())
        .await
        .unwrap();
    assert_eq!(no_avatar.avatar_url.as_deref(), Some(""));

    agent
        .set_active_account(SetActiveAccountParams::new(ProfileActiveAccount::new(1u64)))
        .await
        .unwrap();
    let active = agent.get_profile(GetProfileParams::new()).await.unwrap();
    assert_eq!(active.account_id.map(|a| a.get()), Some(1));
    assert_eq!(
        status(
            agent
                .set_active_account(SetActiveAccountParams::new(ProfileActiveAccount::new(
                    424_242u64
                )))
                .await
        ),
        500
    );

    // A new token: the old one is refused at once, the new one works.
    let old = emu.token("agent");
    let reset = agent
        .reset_profile_access_token(ResetProfileAccessTokenParams::new())
        .await
        .unwrap();
    let new = reset.access_token.as_ref().unwrap().expose().to_owned();
    assert_ne!(new, old);
    assert_eq!(new.len(), 24);
    assert_eq!(
        status(agent.get_profile(GetProfileParams::new()).await),
        401
    );
    let renewed = Client::builder(emu.base())
        .user_token(new)
        .account_id(1)
        .strict(true)
        .max_retries(0)
        .build()
        .unwrap();
    let me = renewed.get_profile(GetProfileParams::new()).await.unwrap();
    assert_eq!(me.id, active.id);
    assert_eq!(unread(&renewed).await, 0);
}

#[tokio::test]
async fn notifications_flow() {
    notifications(&Emu::start().await).await;
}

#[tokio::test]
async fn profile_flow() {
    profile(&Emu::start().await).await;
}
