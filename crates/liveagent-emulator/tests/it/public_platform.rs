//! Public client API and platform API flows.

use crate::support::{Emu, status};
use futures_util::StreamExt;
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;

pub(crate) async fn public(emu: &Emu) {
    let widget = emu.public();
    let ii = emu.inbox_identifier();
    let inbox = widget
        .get_public_inbox(GetPublicInboxParams::new(ii.as_str()))
        .await
        .unwrap();
    assert_eq!(inbox.name(), "API Inbox");
    assert_eq!(inbox.working_hours.len(), 7);

    let me = widget
        .create_public_contact(
            CreatePublicContactParams::new(ii.as_str())
                .name("Widget User")
                .email("widget@example.com"),
        )
        .await
        .unwrap();
    let ci = me.source_id().to_owned();
    let again = widget
        .get_public_contact(GetPublicContactParams::new(ii.as_str(), ci.as_str()))
        .await
        .unwrap();
    assert_eq!(again.id, me.id);
    let record = widget
        .update_public_contact(
            UpdatePublicContactParams::new(ii.as_str(), ci.as_str()).phone_number("+14155550123"),
        )
        .await
        .unwrap();
    assert_eq!(record.phone_number.as_deref(), Some("+14155550123"));
    assert_eq!(record.contact_type, Some(ContactType::Lead));

    let conversation = widget
        .create_public_conversation(CreatePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
        ))
        .await
        .unwrap();
    let id = conversation.id;
    for i in 0..22 {
        widget
            .create_public_message(
                CreatePublicMessageParams::new(ii.as_str(), ci.as_str(), id)
                    .content(format!("hello {i}")),
            )
            .await
            .unwrap();
    }
    let latest = widget
        .list_public_messages(ListPublicMessagesParams::new(ii.as_str(), ci.as_str(), id))
        .await
        .unwrap();
    assert_eq!(latest.len(), 20);
    let all: Vec<_> = widget
        .paginate(ListPublicMessagesParams::new(ii.as_str(), ci.as_str(), id))
        .collect()
        .await;
    assert_eq!(all.len(), 22);
    assert_eq!(
        all[0].as_ref().unwrap().content.as_deref(),
        Some("hello 21"),
        "newest first"
    );
    widget
        .toggle_public_typing(TogglePublicTypingParams::new(
            ii.as_str(),
            ci.as_str(),
            id,
            TypingStatus::On,
        ))
        .await
        .unwrap();
    widget
        .update_public_last_seen(UpdatePublicLastSeenParams::new(
            ii.as_str(),
            ci.as_str(),
            id,
        ))
        .await
        .unwrap();
    let listed = widget
        .list_public_conversations(ListPublicConversationsParams::new(ii.as_str(), ci.as_str()))
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert!(
        widget
            .get_public_conversation(GetPublicConversationParams::new(
                ii.as_str(),
                ci.as_str(),
                id
            ))
            .await
            .unwrap()
            .contact_last_seen_at
            .unwrap()
            .as_secs()
            > 0
    );

    // Resolving sends the CSAT survey (the inbox has it on); the contact answers it.
    let resolved = widget
        .resolve_public_conversation(ResolvePublicConversationParams::new(
            ii.as_str(),
            ci.as_str(),
            id,
        ))
        .await
        .unwrap();
    assert_eq!(resolved.status, Some(ConversationStatus::Resolved));
    let survey = resolved
        .messages
        .iter()
        .find(|m| m.content_type == Some(ContentType::InputCsat))
        .unwrap();
    let answered = widget
        .update_public_message(UpdatePublicMessageParams::new(
            ii.as_str(),
            ci.as_str(),
            id,
            survey.id,
            json!({"csat_survey_response": {"rating": 5}}),
        ))
        .await
        .unwrap();
    assert_eq!(
        answered.content_attributes["submitted_values"]["csat_survey_response"]["rating"],
        5
    );
    let csat = widget
        .get_public_csat_survey(GetPublicCsatSurveyParams::new(resolved.uuid()))
        .await
        .unwrap();
    assert_eq!(csat.csat_survey_response.and_then(|r| r.rating), Some(5));
    let answer = CsatSurveyAnswer::new(
        json!({"csat_survey_response": {"rating": 3, "feedback_message": "ok"}})
            .as_object()
            .unwrap()
            .clone(),
    );
    let changed = widget
        .update_public_csat_survey(UpdatePublicCsatSurveyParams::new(resolved.uuid(), answer))
        .await
        .unwrap();
    assert_eq!(changed.csat_survey_response.and_then(|r| r.rating), Some(3));

    assert_eq!(
        status(
            widget
                .get_public_inbox(GetPublicInboxParams::new("nope"))
                .await
        ),
        404
    );
    assert_eq!(
        status(
            widget
                .get_public_contact(GetPublicContactParams::new(ii.as_str(), "nope"))
                .await
        ),
        404
    );
    // Identity verification: a wrong hash is the server's unhandled error; a right one verifies.
    let wrong = widget
        .get_public_contact(
            GetPublicContactParams::new(ii.as_str(), ci.as_str())
                .identifier("jane")
                .identifier_hash("00"),
        )
        .await;
    assert_eq!(status(wrong), 500);
    let key = emu.info("/hmac_token").as_str().unwrap().to_owned();
    let hash = hex_hmac(&key, "jane");
    widget
        .get_public_contact(
            GetPublicContactParams::new(ii.as_str(), ci.as_str())
                .identifier("jane")
                .identifier_hash(hash),
        )
        .await
        .unwrap();
}

fn hex_hmac(key: &str, data: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(data.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(crate) async fn platform(emu: &Emu) {
    let platform = emu.platform();
    let accounts = platform
        .list_platform_accounts(ListPlatformAccountsParams::new())
        .await
        .unwrap();
    assert_eq!(accounts.len(), 1, "the seeded account");
    let account = platform
        .create_platform_account(CreatePlatformAccountParams::new("Beta Corp").locale("de"))
        .await
        .unwrap();
    let updated = platform
        .update_platform_account(
            UpdatePlatformAccountParams::new(account.id).status(AccountStatus::Suspended),
        )
        .await
        .unwrap();
    assert_eq!(updated.status, Some(AccountStatus::Suspended));
    assert_eq!(
        platform
            .get_platform_account(GetPlatformAccountParams::new(account.id))
            .await
            .unwrap()
            .locale
            .as_deref(),
        Some("de")
    );

    let user = platform
        .create_platform_user(
            CreatePlatformUserParams::new("beta@example.com")
                .name("Beta Admin")
                .password("Password1!"),
        )
        .await
        .unwrap();
    let member = platform
        .create_platform_account_user(
            CreatePlatformAccountUserParams::new(account.id, user.id).role(Role::Administrator),
        )
        .await
        .unwrap();
    assert_eq!(member.role, Some(Role::Administrator));
    assert_eq!(
        platform
            .list_platform_account_users(ListPlatformAccountUsersParams::new(account.id))
            .await
            .unwrap()
            .len(),
        1
    );
    let renamed = platform
        .update_platform_user(UpdatePlatformUserParams::new(user.id).display_name("Boss"))
        .await
        .unwrap();
    assert_eq!(renamed.available_name(), "Boss");
    assert_eq!(
        platform
            .get_platform_user(GetPlatformUserParams::new(user.id))
            .await
            .unwrap()
            .accounts
            .len(),
        1
    );
    let token = platform
        .create_platform_user_token(CreatePlatformUserTokenParams::new(user.id))
        .await
        .unwrap();
    assert_eq!(token.access_token, user.access_token);
    let link = platform
        .get_platform_user_login(GetPlatformUserLoginParams::new(user.id))
        .await
        .unwrap();
    assert!(link.url.unwrap().expose().contains("sso_auth_token="));

    let bot = platform
        .create_platform_agent_bot(
            CreatePlatformAgentBotParams::new()
                .name("Global")
                .account_id(account.id),
        )
        .await
        .unwrap();
    platform
        .update_platform_agent_bot(
            UpdatePlatformAgentBotParams::new(bot.id).description("Everywhere"),
        )
        .await
        .unwrap();
    assert_eq!(
        platform
            .get_platform_agent_bot(GetPlatformAgentBotParams::new(bot.id))
            .await
            .unwrap()
            .description
            .as_deref(),
        Some("Everywhere")
    );
    assert_eq!(
        platform
            .list_platform_agent_bots(ListPlatformAgentBotsParams::new())
            .await
            .unwrap()
            .len(),
        1
    );
    platform
        .delete_platform_agent_bot_avatar(DeletePlatformAgentBotAvatarParams::new(bot.id))
        .await
        .unwrap();
    platform
        .delete_platform_agent_bot(DeletePlatformAgentBotParams::new(bot.id))
        .await
        .unwrap();

    platform
        .delete_platform_account_user(DeletePlatformAccountUserParams::new(account.id, user.id))
        .await
        .unwrap();
    platform
        .delete_platform_user(DeletePlatformUserParams::new(user.id))
        .await
        .unwrap();
    platform
        .delete_platform_account(DeletePlatformAccountParams::new(account.id))
        .await
        .unwrap();
    assert_eq!(
        status(
            platform
                .get_platform_account(GetPlatformAccountParams::new(account.id))
                .await
        ),
        404
    );
}

#[tokio::test]
async fn public_client_api() {
    public(&Emu::start().await).await;
}

#[tokio::test]
async fn platform_api() {
    platform(&Emu::start().await).await;
}
