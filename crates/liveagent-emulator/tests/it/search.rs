//! Global search (`search`, `search/conversations|contacts|messages|articles`) over the seeded
//! store: what matches, paging, and the agents' inbox filter.

use crate::support::Emu;
use futures_util::StreamExt;
use liveagent::api::*;
use liveagent::models::*;

pub(crate) async fn search(emu: &Emu) {
    let admin = emu.user("admin");

    // Everything at once: two seeded messages mention invoices; no contact or display id does.
    let all = admin
        .global_search(GlobalSearchParams::new().q("INVOICE"))
        .await
        .unwrap()
        .payload
        .unwrap();
    let texts: Vec<&str> = all
        .messages
        .iter()
        .filter_map(|m| m.content.as_deref())
        .collect();
    assert_eq!(
        texts,
        [
            "It's invoice #1042.",
            "Hi, my invoice shows the wrong amount."
        ],
        "case-insensitive, newest first"
    );
    assert!(all.conversations.is_empty() && all.contacts.is_empty());
    assert!(all.articles.is_empty(), "no help center here");

    // Conversations by contact: Jane Doe writes in through both inboxes.
    let janes = admin
        .global_search_conversations(GlobalSearchConversationsParams::new().q("jane"))
        .await
        .unwrap()
        .payload
        .conversations;
    assert_eq!(janes.len(), 2);
    assert!(janes[0].created_at > janes[1].created_at, "newest first");
    let web = &janes[0];
    assert_eq!(web.inbox.as_ref().unwrap().name.as_deref(), Some("Website"));
    assert_eq!(
        web.message.as_ref().unwrap().content.as_deref(),
        Some("Do you ship to Canada?"),
        "the first message"
    );
    let agent = web.agent.as_ref().unwrap();
    assert_eq!(agent.name.as_deref(), Some("Mary Agent"));
    assert_eq!(agent.role, Some(Role::Agent));
    assert!(web.additional_attributes.is_some());
    let api = &janes[1];
    assert!(api.agent.is_none(), "unassigned: no agent key");
    // ...and by display id.
    let by_id = admin
        .global_search_conversations(
            GlobalSearchConversationsParams::new().q(api.id.get().to_string()),
        )
        .await
        .unwrap()
        .payload
        .conversations;
    assert!(by_id.iter().any(|c| c.id == api.id));

    // Contacts, 15 a page; only those with an email, phone number or identifier.
    for i in 0..17 {
        admin
            .create_contact(
                CreateContactParams::new()
                    .name(format!("Pager {i}"))
                    .email(format!("pager{i}@paging.test")),
            )
            .await
            .unwrap();
    }
    admin
        .create_contact(CreateContactParams::new().name("Pager Nameless"))
        .await
        .unwrap();
    let first = admin
        .global_search_contacts(GlobalSearchContactsParams::new().q("pager"))
        .await
        .unwrap()
        .payload
        .contacts;
    assert_eq!(first.len(), 15);
    let second = admin
        .global_search_contacts(GlobalSearchContactsParams::new().q("pager").page(2))
        .await
        .unwrap()
        .payload
        .contacts;
    assert_eq!(second.len(), 2);
    let every: Vec<_> = admin
        .paginate(GlobalSearchContactsParams::new().q("paging.test"))
        .collect()
        .await;
    assert_eq!(every.len(), 17);
    assert!(
        every
            .iter()
            .all(|c| c.as_ref().unwrap().name.as_deref() != Some("Pager Nameless")),
        "a contact without email, phone or identifier is not found"
    );

    // Messages include private notes.
    let jane_api = api.id;
    admin
        .create_message(
            CreateMessageParams::new(jane_api)
                .content("Note: refund code XQ-77")
                .private(true),
        )
        .await
        .unwrap();
    let notes = admin
        .global_search_messages(GlobalSearchMessagesParams::new().q("xq-77"))
        .await
        .unwrap()
        .payload
        .messages;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].private, Some(true));
    assert_eq!(notes[0].conversation_id, Some(jane_api));

    let articles = admin
        .global_search_articles(GlobalSearchArticlesParams::new().q("refund"))
        .await
        .unwrap()
        .payload
        .articles;
    assert!(articles.is_empty());

    // Agents find only their inboxes' conversations and messages.
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
    let agents = admin.list_agents(ListAgentsParams::new()).await.unwrap();
    let john = agents.iter().find(|a| a.name() == "John Agent").unwrap().id;
    let agent = emu.user("agent");
    let canada = || GlobalSearchMessagesParams::new().q("canada");
    let seen = agent.global_search_messages(canada()).await.unwrap();
    assert_eq!(
        seen.payload.messages.len(),
        1,
        "John is in the Website inbox"
    );
    admin
        .remove_inbox_members(RemoveInboxMembersParams::new(website, vec![john]))
        .await
        .unwrap();
    let unseen = agent.global_search_messages(canada()).await.unwrap();
    assert!(unseen.payload.messages.is_empty());
    let johns = agent
        .global_search(GlobalSearchParams::new().q("jane"))
        .await
        .unwrap()
        .payload
        .unwrap()
        .conversations;
    assert_eq!(johns.len(), 1, "only the API inbox's conversation");
    assert_eq!(johns[0].id, jane_api);
    assert!(
        johns[0].additional_attributes.is_none(),
        "`search` renders no additional_attributes"
    );
    let admin_sees = admin.global_search_messages(canada()).await.unwrap();
    assert_eq!(admin_sees.payload.messages.len(), 1);

    // Bots may not search: the client refuses to send, and the server would answer 401.
    assert!(matches!(
        emu.bot()
            .global_search(GlobalSearchParams::new().q("x"))
            .await,
        Err(liveagent::Error::Build(_))
    ));
    let raw = reqwest::Client::new()
        .get(format!("{}/api/v1/accounts/1/search?q=x", emu.base()))
        .header("api_access_token", emu.token("bot"))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 401);
}

#[tokio::test]
async fn search_flow() {
    search(&Emu::start().await).await;
}
