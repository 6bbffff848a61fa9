//! Live Agent's OData v4 analytics service: where it is, and its query options.
//!
//! The service runs on its own host (`odata-` in front of the Live Agent host, e.g.
//! `https://odata-liveagent-trial.cognigy.ai`), at `/{version}/odata/{Collection}`, takes the
//! user's access token as `Authorization: Bearer`, and answers `{"@odata.context", "value": [...]}`.
//! `$top` and `$skip` are required (`$top` at most 10,000): the request builder sends the
//! defaults when a call leaves them out.
//!
//! `$filter` is built from typed conditions, never spliced from text: a [`Filter`] (JSON
//! `{"eq": ["status", 1]}`, `{"and": [...]}`, ... from JS) is rendered here, with field names
//! checked and string literals quoted and escaped the OData way (`'` doubled); the URL encoder
//! then percent-encodes the whole option.

use crate::error::{BuildError, BuildErrorKind};
mod filter;

use filter::field_name;
pub use filter::{Filter, Literal, render_filter};
use serde_json::Value;

/// The most rows one OData request may ask for (`$top`).
pub const MAX_TOP: u64 = 10_000;

/// `$top` when a call leaves it out: a page the service answers quickly (its docs warn that
/// large reads of `ReportingEvent` may time out).
pub const DEFAULT_TOP: u64 = 1_000;

/// The service's version segment when the client sets none.
pub const DEFAULT_VERSION: &str = "v1.0";

/// The versions of the service: `v1.0` (every Live Agent), `v1.1` (2025.18+), `v2.0`
/// (2025.25+: `Team`, `AgentAvailabilityRecord`). They differ in fields both ways.
pub const VERSIONS: [&str; 3] = ["v1.0", "v1.1", "v2.0"];

/// The OData host of a Live Agent host: `https://liveagent-trial.cognigy.ai` →
/// `https://odata-liveagent-trial.cognigy.ai`. `None` for a host that is no DNS name (an IP
/// address, `localhost`): there the service's URL must be configured.
pub fn derived_url(base_url: &str) -> Option<String> {
    let (scheme, rest) = base_url.split_once("://")?;
    let host = rest.split(['/', ':']).next()?;
    let dns = host.contains('.') && host.bytes().any(|b| b.is_ascii_alphabetic());
    (dns && !host.starts_with('[')).then(|| format!("{scheme}://odata-{host}"))
}

/// Renders `$select`, `$expand` (field names) or `$orderby` (`field`, `field asc`, `field
/// desc`) from a list, comma-separated.
///
/// # Errors
/// The index of the entry that is no field (or ordering), and why.
pub fn render_list(option: &str, items: &[Value]) -> Result<String, (String, String)> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let text = item.as_str().unwrap_or_default();
        let (name, direction) = match (option, text.split_once(' ')) {
            ("orderby", Some((name, dir @ ("asc" | "desc")))) => (name, Some(dir)),
            _ => (text, None),
        };
        if field_name(&Value::from(name)).is_none() {
            let want = if option == "orderby" {
                "a field name, optionally followed by asc or desc"
            } else {
                "a field name (letters, digits and _)"
            };
            return Err((format!("$.{option}[{i}]"), want.to_owned()));
        }
        out.push(match direction {
            Some(dir) => format!("{name} {dir}"),
            None => name.to_owned(),
        });
    }
    Ok(out.join(","))
}

/// The query of an OData call, from its params in field order: `$filter` rendered, lists
/// comma-joined, `$top` checked against [`MAX_TOP`] and both `$top` and `$skip` sent (the
/// service requires them) with their defaults when left out.
pub(crate) fn query_pairs(query: &[(&str, Value)]) -> Result<Vec<(String, String)>, BuildError> {
    let invalid = |(path, message): (String, String)| {
        BuildError::at(BuildErrorKind::InvalidParam, path, message)
    };
    let mut pairs = Vec::with_capacity(query.len() + 2);
    let (mut top, mut skip) = (false, false);
    for (name, value) in query {
        let text = match (*name, value) {
            ("filter", filter) => render_filter(filter).map_err(invalid)?,
            ("select" | "orderby" | "expand", Value::Array(items)) => {
                render_list(name, items).map_err(invalid)?
            }
            ("top", v) => {
                top = true;
                match v.as_u64() {
                    Some(n) if (1..=MAX_TOP).contains(&n) => n.to_string(),
                    _ => {
                        return Err(invalid((
                            "$.top".into(),
                            format!(
                                "top must be 1 to {MAX_TOP}: the service answers no more a request"
                            ),
                        )));
                    }
                }
            }
            ("skip", v) => {
                skip = true;
                v.as_u64().map(|n| n.to_string()).ok_or_else(|| {
                    invalid((
                        "$.skip".into(),
                        "skip must be a non-negative integer".into(),
                    ))
                })?
            }
            (other, _) => {
                return Err(invalid((
                    format!("$.{other}"),
                    format!("{other} is no OData query option"),
                )));
            }
        };
        pairs.push((format!("${name}"), text));
    }
    if !top {
        pairs.push(("$top".into(), DEFAULT_TOP.to_string()));
    }
    if !skip {
        pairs.push(("$skip".into(), "0".into()));
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn query_options_are_checked_and_top_and_skip_always_sent() {
        let pairs = query_pairs(&[
            ("select", json!(["id", "name"])),
            ("orderby", json!(["id desc"])),
        ])
        .unwrap();
        assert_eq!(
            pairs,
            [
                ("$select", "id,name"),
                ("$orderby", "id desc"),
                ("$top", "1000"),
                ("$skip", "0")
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        for top in [json!(0), json!(10_001), json!(-1)] {
            let e = query_pairs(&[("top", top)]).unwrap_err();
            assert_eq!(e.path.as_deref(), Some("$.top"));
        }
        let e = query_pairs(&[("orderby", json!(["id sideways"]))]).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.orderby[0]"));
        let e = query_pairs(&[("select", json!(["id,secret"]))]).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.select[0]"));
    }

    #[test]
    fn the_odata_host_is_derived_from_a_dns_name_only() {
        assert_eq!(
            derived_url("https://liveagent-trial.cognigy.ai").as_deref(),
            Some("https://odata-liveagent-trial.cognigy.ai")
        );
        assert_eq!(
            derived_url("https://chat.example.com:8443/la").as_deref(),
            Some("https://odata-chat.example.com")
        );
        assert_eq!(derived_url("http://127.0.0.1:3000"), None);
        assert_eq!(derived_url("http://localhost:3000"), None);
        assert_eq!(derived_url("http://[::1]:3000"), None);
    }
}
