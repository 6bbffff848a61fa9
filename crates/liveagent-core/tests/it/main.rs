//! Tests of the no-IO core: every row's request, every fixture's parse, errors, policies.

mod call;
mod errors;
mod fixtures;
mod paginate;
mod parsing;
mod requests;
mod support;
