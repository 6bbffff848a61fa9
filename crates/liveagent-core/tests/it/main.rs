//! Tests of the no-IO core: every row's request, every fixture's parse, errors, policies, and
//! every webhook event's parse.

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

mod absence;
mod cable;
mod call;
mod errors;
mod events;
mod fixtures;
mod paginate;
mod parsing;
mod requests;
mod secrets;
mod support;
