//! The OData analytics service (`/{version}/odata/{Collection}`) through the native client:
//! every collection, rows that match the account API's state, `$filter`, `$select`,
//! `$orderby`, paging by `$skip`, auth, and what the SDK refuses before sending.

use crate::support::{Emu, status};
use futures_util::StreamExt;
use liveagent::Client;
use liveagent::api::*;
use liveagent::core::odata::{Filter, Literal};
use liveagent::models::*;
use serde_json::Value;

/// A strict OData client of version `version`, with a user's token.
fn odata(emu: &Emu, who: &str, version: &str) -> Client {
    Client::builder(emu.base())
        .user_token(emu.token(who))
        .odata(Some(emu.base()), Some(version))
        .strict(true)
        .max_retries(0)
        .build()
        .unwrap()
}

fn id_of(id: Option<liveagent::Id>) -> u64 {
    id.unwrap().get()
}

/// Requests the log holds to a path.
async fn requests_to(emu: &Emu, path: &str) -> Vec<Value> {
    emu.requests()
        .await
        .into_iter()
        .filter(|r| r["path"] == path)
        .collect()
}

pub(crate) async fn odata_flow(emu: &Emu) {
    let admin = emu.user("admin");
    let v1 = odata(emu, "admin", "v1.0");
    let v11 = odata(emu, "admin", "v1.1");
    let v2 = odata(emu, "admin", "v2.0");

    // A conversation and a message made through the account API show up in OData.
    let created = admin
        .create_conversation(
            CreateConversationParams::new()
                .inbox_id(emu.inbox_id())
                .contact_id(emu_contact(emu, &admin).await)
                .message(
                    NewConversationMessage::new("Hello from OData")
                        .message_type(MessageType::Incoming),
                ),
        )
        .await
        .unwrap();
    let reply = admin
        .create_message(CreateMessageParams::new(created.id).content("It's on its way"))
        .await
        .unwrap();
    let conversations = v2
        .query_odata_conversations(
            QueryOdataConversationsParams::new()
                .filter(Filter::eq("uuid", created.uuid.clone().unwrap().as_str())),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(conversations.len(), 1);
    let c = &conversations[0];
    assert_eq!(id_of(c.display_id), created.id.get());
    assert_eq!(c.status, Some(0), "open");
    assert!(
        c.first_reply_created_at.is_some(),
        "2.0 has first_reply_created_at"
    );
    assert!(c.identifier.is_none(), "1.1 only");
    let conversation_db_id = id_of(c.id);
    assert_ne!(
        conversation_db_id,
        created.id.get(),
        "the database id, not the display id"
    );

    // The reply: by id, by time, and by text with an apostrophe.
    // The reply's own time, as the service writes it (the raw body keeps its text).
    let raw = v1
        .send_raw(
            QueryOdataMessagesParams::new()
                .filter(Filter::eq("id", reply.id.get()))
                .select(["created_at"]),
            liveagent::CallOptions::default(),
        )
        .await
        .unwrap();
    let body: Value = serde_json::from_slice(&raw.body).unwrap();
    let since = Literal::datetime(body["value"][0]["created_at"].as_str().unwrap());
    let by_text = Filter::contains("content", "It's on")
        .and(Filter::ge("created_at", since))
        .and(Filter::eq("conversation_id", conversation_db_id));
    let found = v1
        .query_odata_messages(QueryOdataMessagesParams::new().filter(by_text))
        .await
        .unwrap()
        .value;
    assert_eq!(found.len(), 1, "{found:?}");
    let m = &found[0];
    assert_eq!(id_of(m.id), reply.id.get());
    assert_eq!(m.content, Some("It's on its way".into()));
    assert_eq!(m.message_type, Some(1), "outgoing");
    assert!(m.status.is_none(), "status is a 1.1 field");
    let found = v11
        .query_odata_messages(
            QueryOdataMessagesParams::new()
                .filter(Filter::eq("id", reply.id.get()).or(Filter::is_in("id", [0u64, 1]))),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, Some(0), "1.1 has the sent status");
    // 2.0 sends sender_id as a string; the client reads it as an id all the same.
    let found = v2
        .query_odata_messages(
            QueryOdataMessagesParams::new()
                .filter(Filter::eq("id", reply.id.get()))
                .select(["id", "sender_id", "sender_type"]),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(found.len(), 1);
    assert!(found[0].sender_id.is_some());
    assert!(found[0].content.is_none(), "not selected");
    assert!(found[0].created_at.is_none(), "not selected");

    // $orderby desc orders; not() negates.
    let newest = v1
        .query_odata_messages(
            QueryOdataMessagesParams::new()
                .orderby(["created_at desc", "id"])
                .filter(Filter::contains("content", "zzz-none").not())
                .top(3),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(newest.len(), 3);
    assert_eq!(id_of(newest[0].id), reply.id.get(), "the newest first");
    let ids: Vec<u64> = newest.iter().map(|m| id_of(m.id)).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "{ids:?}");

    // Paging: every message exactly once, two a request.
    let every = v1
        .query_odata_messages(QueryOdataMessagesParams::new().top(1000))
        .await
        .unwrap()
        .value;
    assert!(every.len() >= 5, "{}", every.len());
    let before = requests_to(emu, "/v1.0/odata/Message").await.len();
    let paged: Vec<u64> = v1
        .paginate(QueryOdataMessagesParams::new().top(2))
        .map(|m| id_of(m.unwrap().id))
        .collect()
        .await;
    let mut expected: Vec<u64> = every.iter().map(|m| id_of(m.id)).collect();
    expected.sort_unstable();
    assert_eq!(paged, expected, "every row once, by id");
    let pages = requests_to(emu, "/v1.0/odata/Message").await[before..].to_vec();
    assert_eq!(pages.len(), expected.len() / 2 + 1);
    assert!(pages.len() >= 3);
    assert!(pages.iter().all(|r| r["status"] == 200));
    assert!(pages[1]["query"].as_str().unwrap().contains("$skip=2"));

    // The other collections.
    let inboxes = v1
        .query_odata_inboxes(QueryOdataInboxesParams::new().orderby(["name desc"]))
        .await
        .unwrap()
        .value;
    assert_eq!(inboxes.len(), 2);
    assert_eq!(inboxes[0].name, Some("Website".into()));
    assert_eq!(inboxes[0].conversation_show_all, Some(false));
    let inboxes = v11
        .query_odata_inboxes(
            QueryOdataInboxesParams::new().filter(Filter::eq("id", emu.inbox_id())),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(inboxes[0].channel_type, Some("Channel::Api".into()));
    assert!(inboxes[0].conversations_show_all.is_some(), "1.1 spelling");
    assert!(inboxes[0].conversation_show_all.is_none());

    let labels = v2
        .query_odata_labels(QueryOdataLabelsParams::new().filter(Filter::eq("title", "billing")))
        .await
        .unwrap()
        .value;
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0].conversation_ids.clone().unwrap().len(), 2);
    assert!(labels[0].id.is_some(), "a numeric string");

    let users = v1
        .query_odata_users(
            QueryOdataUsersParams::new().filter(Filter::starts_with("email", "ada@")),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].name, Some("Ada Admin".into()));
    assert!(users[0].encrypted_password.is_none(), "1.1 only");
    let users = v11
        .query_odata_users(QueryOdataUsersParams::new())
        .await
        .unwrap()
        .value;
    assert_eq!(users.len(), 4);
    assert!(users.iter().all(|u| u.encrypted_password.is_some()));

    let events = v1
        .query_odata_reporting_events(QueryOdataReportingEventsParams::new())
        .await
        .unwrap()
        .value;
    assert!(events.iter().all(|e| e.name.is_some()));

    let teams = v2
        .query_odata_teams(
            QueryOdataTeamsParams::new()
                .expand(["members"])
                .orderby(["name"]),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(teams.len(), 2);
    assert_eq!(teams[0].name, Some("billing".into()));
    let members = teams[1].members.clone().unwrap();
    assert_eq!(members.len(), 2, "support has John and Mary");
    let teams = v2
        .query_odata_teams(QueryOdataTeamsParams::new())
        .await
        .unwrap()
        .value;
    assert!(
        teams.iter().all(|t| t.members.is_none()),
        "members only expanded"
    );

    let records = v2
        .query_odata_agent_availability_records(
            QueryOdataAgentAvailabilityRecordsParams::new().filter(Filter::eq("availability", 0)),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(records.len(), 4, "everyone seeded is online");
    // A change of availability is a new record; the old ones stay.
    admin
        .update_profile_availability(UpdateProfileAvailabilityParams::new(
            ProfileAvailability::new(1u64, "busy"),
        ))
        .await
        .unwrap();
    let records = v2
        .query_odata_agent_availability_records(
            QueryOdataAgentAvailabilityRecordsParams::new().orderby(["id desc"]),
        )
        .await
        .unwrap()
        .value;
    assert_eq!(records.len(), 5);
    assert_eq!(records[0].availability, Some(2), "busy, the newest");

    // Team is a 2.0 collection.
    assert_eq!(
        status(v1.query_odata_teams(QueryOdataTeamsParams::new()).await),
        404
    );

    // Only administrators; an unknown field is the service's 400.
    let agent = odata(emu, "agent", "v1.0");
    assert_eq!(
        status(
            agent
                .query_odata_conversations(QueryOdataConversationsParams::new())
                .await
        ),
        401
    );
    assert_eq!(
        status(
            v1.query_odata_conversations(
                QueryOdataConversationsParams::new().filter(Filter::eq("no_such_field", 1))
            )
            .await
        ),
        400
    );
    assert_eq!(
        status(
            v1.query_odata_conversations(QueryOdataConversationsParams::new().select(["priority"]))
                .await
        ),
        400,
        "priority is a 2.0 field"
    );

    // What the SDK refuses never reaches the service.
    let before = requests_to(emu, "/v1.0/odata/Message").await.len();
    let too_many = v1
        .query_odata_messages(QueryOdataMessagesParams::new().top(10_001))
        .await;
    assert!(
        matches!(too_many, Err(liveagent::Error::Build(_))),
        "{too_many:?}"
    );
    let injected = v1
        .query_odata_messages(
            QueryOdataMessagesParams::new().filter(Filter::eq("id eq 1 or id", 1)),
        )
        .await;
    assert!(
        matches!(injected, Err(liveagent::Error::Build(_))),
        "{injected:?}"
    );
    let injected = v1
        .query_odata_messages(QueryOdataMessagesParams::new().select(["id,content"]))
        .await;
    assert!(
        matches!(injected, Err(liveagent::Error::Build(_))),
        "{injected:?}"
    );
    assert_eq!(requests_to(emu, "/v1.0/odata/Message").await.len(), before);
}

/// A contact of the seeded account.
async fn emu_contact(emu: &Emu, admin: &Client) -> liveagent::Id {
    admin
        .create_contact(
            CreateContactParams::new()
                .name("OData Person")
                .email("odata@example.com")
                .inbox_id(emu.inbox_id()),
        )
        .await
        .unwrap()
        .payload
        .unwrap()
        .contact
        .unwrap()
        .id
}

#[tokio::test]
async fn odata_service() {
    odata_flow(&Emu::start().await).await;
}
