//! Params structs of every API family: what each endpoint takes and where each param goes.
//!
//! Field names are the wire's (snake_case). `path` fields fill the path template, `query`
//! fields the query string (Rails style), `body` fields the JSON (or multipart) body. Each
//! struct has `new(required...)` and a chainable setter per optional field. `account_id`
//! defaults to the client's account.

mod account;
mod agent_bots;
mod agents;
mod automation;
mod contact_extras;
mod contacts;
mod conversation_extras;
mod conversations;
mod csat;
mod custom_filters;
mod filters;
mod help_center;
mod inboxes;
mod integrations;
mod labels;
mod messages;
mod misc;
mod notifications;
mod odata;
mod platform;
mod public;
mod reports;
mod search;
mod teams;
mod uploads;
mod webhooks;
mod widget;

pub use account::*;
pub use agent_bots::*;
pub use agents::*;
pub use automation::*;
pub use contact_extras::*;
pub use contacts::*;
pub use conversation_extras::*;
pub use conversations::*;
pub use csat::*;
pub use custom_filters::*;
pub use filters::*;
pub use help_center::*;
pub use inboxes::*;
pub use integrations::*;
pub use labels::*;
pub use messages::*;
pub use misc::*;
pub use notifications::*;
pub use odata::*;
pub use platform::*;
pub use public::*;
pub use reports::*;
pub use search::*;
pub use teams::*;
pub use uploads::*;
pub use webhooks::*;
pub use widget::*;
