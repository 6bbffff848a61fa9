//! Params structs of every API family: what each endpoint takes and where each param goes.
//!
//! Field names are the wire's (snake_case). `path` fields fill the path template, `query`
//! fields the query string, `body` fields the JSON (or multipart) body.

mod conversations;

pub use conversations::*;
