//! A support flow against a Live Agent server (or the emulator): counts, a contact, a
//! conversation, messages, assignment, labels, resolution.
//!
//! ```sh
//! LIVEAGENT_BASE_URL=http://127.0.0.1:3000 LIVEAGENT_TOKEN=... LIVEAGENT_ACCOUNT_ID=1 \
//! LIVEAGENT_INBOX_ID=1 cargo run -p liveagent --example support_flow
//! ```

use liveagent::Client;
use liveagent::api::*;
use liveagent::models::{Assignment, ConversationStatus, MessageType};

type Failure = Box<dyn std::error::Error>;

fn env(name: &str) -> Result<String, Failure> {
    std::env::var(name).map_err(|_| format!("set {name}").into())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Failure> {
    let account_id = env("LIVEAGENT_ACCOUNT_ID")?.parse().unwrap_or(1);
    let inbox_id: u64 = env("LIVEAGENT_INBOX_ID")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let client = Client::builder(env("LIVEAGENT_BASE_URL")?)
        .user_token(env("LIVEAGENT_TOKEN")?)
        .account_id(account_id)
        .build()?;

    // Every field but a record's id may be absent on an older server, so the Rust fields are
    // `Option`s; the accessors of the same name read them with a default (0, "", false).
    let counts = client
        .get_conversation_counts(GetConversationCountsParams::new())
        .await?;
    if let Some(counts) = counts.meta() {
        println!(
            "open conversations: {} (mine {}, unassigned {})",
            counts.all_count(),
            counts.mine_count(),
            counts.unassigned_count()
        );
    }

    let created = client
        .create_contact(
            CreateContactParams::new()
                .name("Ada Lovelace")
                .email(format!("ada+{}@example.com", std::process::id()))
                .inbox_id(inbox_id),
        )
        .await?;
    let Some(contact) = created.payload().and_then(|p| p.contact()) else {
        return Err("the server answered without the new contact".into());
    };
    println!(
        "contact #{} {}",
        contact.id,
        contact.name.as_deref().unwrap_or_default()
    );

    let conversation = client
        .create_conversation(
            CreateConversationParams::new()
                .inbox_id(inbox_id)
                .contact_id(contact.id)
                .message(
                    NewConversationMessage::new("My invoice is wrong.")
                        .message_type(MessageType::Incoming),
                ),
        )
        .await?;
    if let Some(status) = conversation.status() {
        println!("conversation #{} is {status}", conversation.id);
    }

    let reply = client
        .create_message(
            CreateMessageParams::new(conversation.id)
                .content("Sorry about that, looking into it now."),
        )
        .await?;
    println!("replied with message #{}", reply.id);

    let agents = client.list_agents(ListAgentsParams::new()).await?;
    let assignee = agents.first().map(|a| a.id);
    let assigned = match assignee {
        Some(id) => {
            client
                .assign_conversation(AssignConversationParams::new(conversation.id).assignee_id(id))
                .await?
        }
        None => None,
    };
    if let Some(Assignment::Agent(a)) = assigned {
        println!("assigned to {}", a.available_name());
    }
    let labels = client
        .add_conversation_labels(AddConversationLabelsParams::new(
            conversation.id,
            ["billing"],
        ))
        .await?;
    println!("labels: {}", labels.payload.join(", "));

    let resolved = client
        .toggle_conversation_status(
            ToggleConversationStatusParams::new(conversation.id)
                .status(ConversationStatus::Resolved),
        )
        .await?;
    if let Some(status) = resolved.payload().and_then(|p| p.current_status()) {
        println!("now {status}");
    }

    let counts = client
        .get_conversation_counts(GetConversationCountsParams::new())
        .await?;
    println!(
        "open conversations: {}",
        counts.meta().map_or(0, |m| m.all_count())
    );
    Ok(())
}
