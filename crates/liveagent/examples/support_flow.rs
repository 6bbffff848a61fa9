//! A support flow against a Live Agent server (or the emulator): counts, a contact, a
//! conversation, messages, assignment, labels, resolution.
//!
//! ```sh
//! LIVEAGENT_BASE_URL=http://127.0.0.1:3000 LIVEAGENT_TOKEN=... LIVEAGENT_ACCOUNT_ID=1 \
//! LIVEAGENT_INBOX_ID=1 cargo run -p liveagent --example support_flow
//! ```

use liveagent::api::*;
use liveagent::models::{Assignment, ConversationStatus, MessageType};
use liveagent::{Client, Error};

fn env(name: &str) -> Result<String, Error> {
    std::env::var(name).map_err(|_| {
        Error::Build(liveagent::core::BuildError {
            kind: liveagent::core::error::BuildErrorKind::Config,
            path: None,
            message: format!("set {name}"),
        })
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let account_id = env("LIVEAGENT_ACCOUNT_ID")?.parse().unwrap_or(1);
    let inbox_id: u64 = env("LIVEAGENT_INBOX_ID")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let client = Client::builder(env("LIVEAGENT_BASE_URL")?)
        .user_token(env("LIVEAGENT_TOKEN")?)
        .account_id(account_id)
        .build()?;

    let counts = client
        .get_conversation_counts(GetConversationCountsParams::new())
        .await?
        .meta;
    println!(
        "open conversations: {} (mine {}, unassigned {})",
        counts.all_count, counts.mine_count, counts.unassigned_count
    );

    let created = client
        .create_contact(
            CreateContactParams::new()
                .name("Ada Lovelace")
                .email(format!("ada+{}@example.com", std::process::id()))
                .inbox_id(inbox_id),
        )
        .await?
        .payload;
    println!(
        "contact #{} {}",
        created.contact.id,
        created.contact.name.unwrap_or_default()
    );

    let conversation = client
        .create_conversation(
            CreateConversationParams::new()
                .inbox_id(inbox_id)
                .contact_id(created.contact.id)
                .message(
                    NewConversationMessage::new("My invoice is wrong.")
                        .message_type(MessageType::Incoming),
                ),
        )
        .await?;
    println!(
        "conversation #{} is {}",
        conversation.id, conversation.status
    );

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
        println!("assigned to {}", a.available_name);
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
    println!("now {}", resolved.payload.current_status);

    let counts = client
        .get_conversation_counts(GetConversationCountsParams::new())
        .await?
        .meta;
    println!("open conversations: {}", counts.all_count);
    Ok(())
}
