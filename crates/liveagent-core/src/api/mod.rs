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
mod contacts;
mod conversations;
mod custom_filters;
mod filters;
mod inboxes;
mod labels;
mod messages;
mod misc;
mod platform;
mod public;
mod teams;
mod webhooks;

pub use account::*;
pub use agent_bots::*;
pub use agents::*;
pub use automation::*;
pub use contacts::*;
pub use conversations::*;
pub use custom_filters::*;
pub use filters::*;
pub use inboxes::*;
pub use labels::*;
pub use messages::*;
pub use misc::*;
pub use platform::*;
pub use public::*;
pub use teams::*;
pub use webhooks::*;
