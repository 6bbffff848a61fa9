//! Response models of every API family, each as the server's views render it.
//!
//! Field names and order follow the wire. Optional fields are conditional or nullable on the
//! wire; after normalization they are always present (as `null` when the server left them out).
//! Each model keeps the fields this SDK version does not know in `extra`.

mod account;
mod agent_bots;
mod agents;
mod automation;
mod cable;
mod contact_extras;
mod contacts;
mod conversation_extras;
mod conversations;
mod csat;
mod custom_filters;
mod direct_uploads;
mod help_center;
mod inboxes;
mod integrations;
mod labels;
mod messages;
mod misc;
mod notifications;
mod odata;
mod platform;
mod profile;
mod public;
mod reporting;
mod reports;
mod reports_v2;
mod search;
mod teams;
mod webhook_events;
mod webhook_parts;
mod webhooks;
mod widget;

pub use crate::endpoint::{Empty, Text};
pub use crate::schema::JsonObject;
pub use account::*;
pub use agent_bots::*;
pub use agents::*;
pub use automation::*;
pub use cable::*;
pub use contact_extras::*;
pub use contacts::*;
pub use conversation_extras::*;
pub use conversations::*;
pub use csat::*;
pub use custom_filters::*;
pub use direct_uploads::*;
pub use help_center::*;
pub use inboxes::*;
pub use integrations::*;
pub use labels::*;
pub use messages::*;
pub use misc::*;
pub use notifications::*;
pub use odata::*;
pub use platform::*;
pub use profile::*;
pub use public::*;
pub use reporting::*;
pub use reports::*;
pub use reports_v2::*;
pub use search::*;
pub use teams::*;
pub use webhook_events::*;
pub use webhook_parts::*;
pub use webhooks::*;
pub use widget::*;
