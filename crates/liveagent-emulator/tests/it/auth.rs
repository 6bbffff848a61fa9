//! Who may call what: tokens, roles, the bot allow-list, platform permissions.

use crate::support::{Emu, status};
use liveagent::api::*;
use liveagent::{Client, Error};

#[tokio::test]
async fn tokens_roles_and_the_bot_allow_list() {
    let emu = Emu::start().await;
    let wrong = Client::builder(emu.base())
        .user_token("not-a-token")
        .account_id(1)
        .build()
        .unwrap();
    let Err(Error::Api(e)) = wrong.list_agents(ListAgentsParams::new()).await else {
        panic!("expected 401")
    };
    assert_eq!(
        (e.status, e.message.as_deref()),
        (401, Some("Invalid Access Token"))
    );

    let other_account = emu
        .user("admin")
        .list_agents(ListAgentsParams::new().account_id(777u64))
        .await;
    assert_eq!(status(other_account), 404);

    // Agents see the conversations of their inboxes; the supervisor sees all of them.
    let agent = emu
        .user("agent")
        .get_conversation_counts(GetConversationCountsParams::new().status("all"))
        .await
        .unwrap();
    let supervisor = emu
        .user("supervisor")
        .get_conversation_counts(GetConversationCountsParams::new().status("all"))
        .await
        .unwrap();
    assert_eq!(
        (
            agent.meta().unwrap().all_count(),
            supervisor.meta().unwrap().all_count()
        ),
        (6, 6),
        "the seeded agent is in both inboxes"
    );
    assert_eq!(
        status(
            emu.user("agent")
                .create_team(CreateTeamParams::new("x"))
                .await
        ),
        401,
        "administrators only"
    );
    assert_eq!(
        status(
            emu.user("supervisor")
                .create_label(CreateLabelParams::new("xy"))
                .await
        ),
        401
    );

    // Bots may post messages and change conversations, nothing else.
    let bot = emu.bot();
    let message = bot
        .create_message(CreateMessageParams::new(1u64).content("Hi, I am a bot"))
        .await
        .unwrap();
    assert!(matches!(
        message.sender,
        Some(liveagent::models::MessageSender::AgentBot(_))
    ));
    bot.get_conversation(GetConversationParams::new(1u64))
        .await
        .unwrap();
    let Err(Error::Build(b)) = bot.list_agents(ListAgentsParams::new()).await else {
        panic!("the SDK refuses before sending")
    };
    assert!(b.message.contains("allow-list"));

    // The platform app manages only what it created.
    let platform = emu.platform();
    let seeded_user = emu
        .user("admin")
        .get_profile(GetProfileParams::new())
        .await
        .unwrap()
        .id;
    let Err(Error::Api(e)) = platform
        .get_platform_user(GetPlatformUserParams::new(seeded_user))
        .await
    else {
        panic!()
    };
    assert_eq!(
        (e.status, e.message.as_deref()),
        (401, Some("Non permissible resource"))
    );
    assert_eq!(
        status(
            platform
                .get_platform_user(GetPlatformUserParams::new(424_242u64))
                .await
        ),
        404
    );
}
