//! The emulator driven by the real native client in strict mode: every endpoint the SDK covers,
//! auth rules, faults, and signed webhooks.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

mod account_flows;
mod auth;
mod coverage;
mod faults;
mod help_center;
mod integrations;
mod lifecycle;
mod public_platform;
mod reports;
mod request_log;
mod store_indexes;
mod support;
mod uploads;
mod webhooks;
