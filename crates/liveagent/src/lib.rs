//! Native async Rust client for the Live Agent (Chatwoot) API.
//!
//! A thin shell over [`liveagent_core`]: the core builds every request, decides every retry and
//! parses every response; this crate sends them with reqwest (rustls, no OpenSSL) and waits with
//! tokio timers. Every endpoint of the table is a method of [`Client`], and paginated endpoints
//! stream their items through [`Client::paginate`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), liveagent::Error> {
//! use liveagent::{Client, api::GetConversationCountsParams};
//!
//! let client = Client::builder("https://liveagent-app.cognigy.ai")
//!     .user_token("your-access-token")
//!     .account_id(1)
//!     .build()?;
//! let counts = client.get_conversation_counts(GetConversationCountsParams::new()).await?;
//! // Every field but a record's id may be absent on an older server: fields are `Option`s,
//! // and accessors of the same name read them with a default.
//! let unassigned = counts.meta().map_or(0, |m| m.unassigned_count());
//! println!("{unassigned} open conversations are unassigned");
//! # Ok(()) }
//! ```
//!
//! A chat widget's visitor (the web-widget API): the client opens the visitor's session on
//! first use; keep its token to resume the visit later.
//!
//! ```no_run
//! # async fn demo(kept: Option<String>) -> Result<(), liveagent::Error> {
//! use liveagent::{Client, api::{CreateWidgetMessageParams, WidgetMessageInput}};
//!
//! let visitor = Client::builder("https://liveagent-app.cognigy.ai")
//!     .website_token("your-website-inbox-token", kept)
//!     .build()?;
//! visitor
//!     .create_widget_message(CreateWidgetMessageParams::new(WidgetMessageInput::new().content("Hello!")))
//!     .await?;
//! let keep = visitor.widget_token(); // store it for the next visit
//! # let _ = keep; Ok(()) }
//! ```
//!
//! Live Agent's OData analytics (administrators), with typed conditions and `$skip` paging:
//!
//! ```no_run
//! # async fn demo() -> Result<(), liveagent::Error> {
//! use futures_util::StreamExt as _;
//! use liveagent::api::QueryOdataConversationsParams;
//! use liveagent::core::odata::{Filter, Literal};
//!
//! let admin = liveagent::Client::builder("https://liveagent-trial.cognigy.ai")
//!     .user_token("an-administrator's-token")
//!     .odata(None, Some("v2.0")) // its host: odata-liveagent-trial.cognigy.ai
//!     .build()?;
//! let resolved = Filter::eq("status", 1)
//!     .and(Filter::ge("created_at", Literal::datetime("2026-01-01T00:00:00Z")));
//! let rows = admin.paginate(
//!     QueryOdataConversationsParams::new().filter(resolved).orderby(["id"]).top(500u64),
//! );
//! futures_util::pin_mut!(rows);
//! while let Some(row) = rows.next().await {
//!     let row = row?;
//!     println!("{:?} ended {:?}", row.id, row.ended_at);
//! }
//! # Ok(()) }
//! ```
//!
//! The client never follows redirects, so the token can never be sent to another host.
//! [`webhook`] verifies and parses what the server posts to your webhooks.

mod client;
mod events;
mod methods;
mod paginate;
mod transport;
pub mod webhook;
mod widget;

pub use client::{Client, ClientBuilder, Response};
pub use events::Events;
pub use liveagent_core as core;
pub use liveagent_core::{
    ApiError, BuildError, CallOptions, Config, Credentials, DecodeError, Drift, DriftReport, Error,
    Failure, Id, ParseMode, RawResponse, RetryPolicy, Secret, Timestamp, TokenHeader, Upload,
    WebhookError, api, models,
};
pub use transport::{Outgoing, Sending, Transport};
