//! Contact extras and bulk helpers: contact notes, attachments, avatar, custom attribute
//! removal, online contacts, export, `contact_inboxes/filter`, assignable agents and bulk
//! actions, each through the native client against the seeded emulator.

use crate::support::{Emu, status};
use futures_util::StreamExt;
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;

async fn contact_named(client: &liveagent::Client, q: &str) -> Contact {
    client
        .search_contacts(SearchContactsParams::new(q))
        .await
        .unwrap()
        .payload
        .remove(0)
}

async fn labels_of(client: &liveagent::Client, id: liveagent::core::Id) -> Vec<String> {
    client
        .list_contact_labels(ListContactLabelsParams::new(id))
        .await
        .unwrap()
        .payload
}

pub(crate) async fn contact_extras(emu: &Emu) {
    notes(emu).await;
    contact_changes(emu).await;
    contact_inboxes(emu).await;
    assignable(emu).await;
    bulk(emu).await;
}

async fn notes(emu: &Emu) {
    let (admin, agent) = (emu.user("admin"), emu.user("agent"));
    let jane = contact_named(&admin, "jane").await.id;
    assert!(
        admin
            .list_contact_notes(ListContactNotesParams::new(jane))
            .await
            .unwrap()
            .is_empty()
    );
    let first = agent
        .create_contact_note(CreateContactNoteParams::new(jane, "Prefers email."))
        .await
        .unwrap();
    assert_eq!(first.content(), "Prefers email.");
    assert_eq!(first.user.as_ref().unwrap().name(), "John Agent");
    assert_eq!(first.account_id, None, "upstream's view renders null");
    let second = admin
        .create_contact_note(CreateContactNoteParams::new(jane, "Renewal in June."))
        .await
        .unwrap();
    let listed = admin
        .list_contact_notes(ListContactNotesParams::new(jane))
        .await
        .unwrap();
    assert_eq!(
        listed.iter().map(|n| n.id).collect::<Vec<_>>(),
        [second.id, first.id],
        "newest first"
    );
    assert_eq!(
        status(
            admin
                .create_contact_note(CreateContactNoteParams::new(jane, " "))
                .await
        ),
        422,
        "content can't be blank"
    );
    let updated = admin
        .update_contact_note(UpdateContactNoteParams::new(
            jane,
            first.id,
            "Prefers phone.",
        ))
        .await
        .unwrap();
    assert_eq!(updated.content(), "Prefers phone.");
    assert_eq!(
        updated.user.as_ref().unwrap().name(),
        "Ada Admin",
        "the editor becomes the author"
    );
    let blank = admin
        .update_contact_note(UpdateContactNoteParams::new(jane, first.id, ""))
        .await
        .unwrap();
    assert_eq!(
        blank.content(),
        "Prefers phone.",
        "a blank update is ignored"
    );
    let got = agent
        .get_contact_note(GetContactNoteParams::new(jane, first.id))
        .await
        .unwrap();
    assert_eq!(got.content(), "Prefers phone.");
    admin
        .delete_contact_note(DeleteContactNoteParams::new(jane, first.id))
        .await
        .unwrap();
    assert_eq!(
        status(
            admin
                .get_contact_note(GetContactNoteParams::new(jane, first.id))
                .await
        ),
        404
    );
    // A merge moves the mergee's notes to the contact that stays.
    let nora = admin
        .create_contact(CreateContactParams::new().name("Nora North"))
        .await
        .unwrap()
        .payload
        .unwrap()
        .contact
        .unwrap()
        .id;
    let moved = admin
        .create_contact_note(CreateContactNoteParams::new(nora, "Met at the fair."))
        .await
        .unwrap();
    admin
        .merge_contacts(MergeContactsParams::new(jane, nora))
        .await
        .unwrap();
    let merged: Vec<_> = admin
        .list_contact_notes(ListContactNotesParams::new(jane))
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .collect();
    assert_eq!(merged, [moved.id, second.id]);
    let bob = contact_named(&admin, "bob").await.id;
    assert_eq!(
        status(
            admin
                .get_contact_note(GetContactNoteParams::new(bob, second.id))
                .await
        ),
        404,
        "a note belongs to one contact"
    );
    assert_eq!(
        status(
            admin
                .list_contact_notes(ListContactNotesParams::new(999_999u64))
                .await
        ),
        404
    );
}

async fn contact_changes(emu: &Emu) {
    let (admin, agent) = (emu.user("admin"), emu.user("agent"));
    let jane = contact_named(&admin, "jane").await.id;
    let files = admin
        .list_contact_attachments(ListContactAttachmentsParams::new(jane))
        .await
        .unwrap();
    assert_eq!(files.meta().unwrap().total_count(), 0);
    let streamed: Vec<_> = admin
        .paginate(ListContactAttachmentsParams::new(jane))
        .collect()
        .await;
    assert!(streamed.is_empty());
    assert_eq!(
        status(
            admin
                .list_contact_attachments(ListContactAttachmentsParams::new(999_999u64))
                .await
        ),
        404
    );

    let avatarless = agent
        .delete_contact_avatar(DeleteContactAvatarParams::new(jane))
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(avatarless.thumbnail(), "");
    assert_eq!(avatarless.contact_inboxes, None, "rendered without inboxes");

    let attributes = json!({"tier": "gold", "region": "eu"});
    admin
        .update_contact(
            UpdateContactParams::new(jane)
                .custom_attributes(attributes.as_object().unwrap().clone()),
        )
        .await
        .unwrap();
    let trimmed = admin
        .delete_contact_custom_attributes(DeleteContactCustomAttributesParams::new(
            jane,
            ["tier", "unknown"],
        ))
        .await
        .unwrap()
        .payload
        .unwrap();
    assert!(!trimmed.custom_attributes.contains_key("tier"));
    assert_eq!(trimmed.custom_attributes["region"], "eu");
    assert_eq!(trimmed.custom_attributes["plan"], "pro", "other keys stay");
    assert!(trimmed.contact_inboxes.is_some(), "rendered with inboxes");
    let stored = admin
        .get_contact(GetContactParams::new(jane))
        .await
        .unwrap()
        .payload
        .unwrap();
    assert!(!stored.custom_attributes.contains_key("tier"));

    let active = admin
        .list_active_contacts(ListActiveContactsParams::new().page(1))
        .await
        .unwrap();
    assert_eq!(active.meta().unwrap().count(), 0, "no widget is connected");
    assert!(active.payload.is_empty());

    admin
        .export_contacts(
            ExportContactsParams::new().column_names(vec!["name".to_owned(), "email".to_owned()]),
        )
        .await
        .unwrap();
    assert_eq!(
        status(agent.export_contacts(ExportContactsParams::new()).await),
        401,
        "administrators only"
    );
}

async fn contact_inboxes(emu: &Emu) {
    let (admin, agent) = (emu.user("admin"), emu.user("agent"));
    let jane = contact_named(&admin, "jane").await.id;
    admin
        .create_contact_inbox(
            CreateContactInboxParams::new(jane, emu.inbox_id()).source_id("jane-crm-42"),
        )
        .await
        .unwrap();
    let found = agent
        .filter_contact_inboxes(FilterContactInboxesParams::new(
            emu.inbox_id(),
            "jane-crm-42",
        ))
        .await
        .unwrap();
    assert_eq!(found.id, jane);
    assert!(
        found
            .contact_inboxes
            .unwrap()
            .iter()
            .any(|ci| ci.source_id() == "jane-crm-42")
    );
    assert_eq!(
        status(
            admin
                .filter_contact_inboxes(FilterContactInboxesParams::new(emu.inbox_id(), "nobody"))
                .await
        ),
        404
    );
    assert_eq!(
        status(
            admin
                .filter_contact_inboxes(FilterContactInboxesParams::new(999_999u64, "jane-crm-42"))
                .await
        ),
        404
    );
}

async fn assignable(emu: &Emu) {
    let (admin, agent) = (emu.user("admin"), emu.user("agent"));
    let names = |agents: AssignableAgents| -> Vec<String> {
        agents.payload.iter().map(|a| a.name().to_owned()).collect()
    };
    let api = emu.inbox_id();
    let web = admin
        .list_inboxes(ListInboxesParams::new())
        .await
        .unwrap()
        .payload
        .iter()
        .find(|i| i.name() == "Website")
        .unwrap()
        .id;
    assert_eq!(
        names(
            agent
                .list_inbox_assignable_agents(ListInboxAssignableAgentsParams::new(api))
                .await
                .unwrap()
        ),
        ["John Agent", "Mary Agent", "Ada Admin"],
        "members, then administrators"
    );
    assert_eq!(
        names(
            admin
                .list_assignable_agents(ListAssignableAgentsParams::new([api, web.get()]))
                .await
                .unwrap()
        ),
        ["John Agent", "Ada Admin"],
        "members of every inbox"
    );
    let channel = json!({"type": "api"}).as_object().unwrap().clone();
    let other = admin
        .create_inbox(CreateInboxParams::new("Elsewhere", channel))
        .await
        .unwrap()
        .id;
    assert_eq!(
        status(
            agent
                .list_assignable_agents(ListAssignableAgentsParams::new([api, other.get()]))
                .await
        ),
        401,
        "an agent outside the inbox"
    );
    assert_eq!(
        names(
            admin
                .list_inbox_assignable_agents(ListInboxAssignableAgentsParams::new(other))
                .await
                .unwrap()
        ),
        ["Ada Admin"]
    );
    assert_eq!(
        status(
            admin
                .list_inbox_assignable_agents(ListInboxAssignableAgentsParams::new(999_999u64))
                .await
        ),
        404
    );
}

async fn bulk(emu: &Emu) {
    let (admin, agent) = (emu.user("admin"), emu.user("agent"));
    let mary = admin
        .list_agents(ListAgentsParams::new())
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.name() == "Mary Agent")
        .unwrap()
        .id;
    // Conversation 1 is open with `billing`; 2 is open with `bug`, assigned to John.
    agent
        .bulk_action(
            BulkActionParams::new(BulkActionType::Conversation, [1, 2])
                .fields(
                    BulkActionFields::new()
                        .status(ConversationStatus::Resolved)
                        .assignee_id(mary),
                )
                .labels(BulkActionLabels::new().add(["vip"]).remove(["billing"])),
        )
        .await
        .unwrap();
    for (display_id, labels) in [(1u64, vec!["vip"]), (2, vec!["bug", "vip"])] {
        let c = admin
            .get_conversation(GetConversationParams::new(display_id))
            .await
            .unwrap();
        assert_eq!(c.status, Some(ConversationStatus::Resolved));
        assert_eq!(c.labels, labels);
        assert!(matches!(
            c.meta.unwrap().assignee,
            Some(Assignee::Agent(ref a)) if a.id == mary
        ));
    }
    assert_eq!(
        status(
            admin
                .bulk_action(BulkActionParams::new("Message", [1]))
                .await
        ),
        422,
        "unknown type"
    );

    let jane = contact_named(&admin, "jane").await.id;
    let bob = contact_named(&admin, "bob").await.id;
    agent
        .bulk_action(
            BulkActionParams::new(BulkActionType::Contact, [jane.get(), bob.get()])
                .labels(BulkActionLabels::new().add(["vip", "feedback"])),
        )
        .await
        .unwrap();
    assert_eq!(labels_of(&admin, jane).await, ["vip", "feedback"]);
    agent
        .bulk_action(
            BulkActionParams::new(BulkActionType::Contact, [bob.get()])
                .labels(BulkActionLabels::new().remove(["vip"])),
        )
        .await
        .unwrap();
    assert_eq!(labels_of(&admin, bob).await, ["feedback"]);
    assert_eq!(
        labels_of(&admin, jane).await,
        ["vip", "feedback"],
        "only bob changed"
    );
    assert_eq!(
        status(
            agent
                .bulk_action(
                    BulkActionParams::new(BulkActionType::Contact, [bob.get()])
                        .action_name("delete")
                )
                .await
        ),
        401,
        "deleting is for administrators"
    );
    admin
        .bulk_action(
            BulkActionParams::new(BulkActionType::Contact, [bob.get()]).action_name("delete"),
        )
        .await
        .unwrap();
    assert_eq!(
        status(admin.get_contact(GetContactParams::new(bob)).await),
        404
    );
}

#[tokio::test]
async fn contact_extras_end_to_end() {
    contact_extras(&Emu::start().await).await;
}
