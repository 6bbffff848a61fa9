//! The emulator driven by the real native client in strict mode: every endpoint the SDK covers,
//! auth rules, faults, and signed webhooks.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

mod account_flows;
mod auth;
mod automation;
mod cable;
mod contact_extras;
mod coverage;
mod extended;
mod faults;
mod help_center;
mod inbox_extras;
mod integrations;
mod lifecycle;
mod notifications;
mod odata;
mod odata_options;
mod public_platform;
mod reports;
mod request_log;
mod search;
mod store_indexes;
mod support;
mod uploads;
mod webhooks;
mod widget;
mod widget_identity;
mod widget_session;
