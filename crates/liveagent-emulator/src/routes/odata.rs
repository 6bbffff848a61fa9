//! Live Agent's OData v4 analytics service, on the emulator's own host: `GET
//! /{version}/odata/{Collection}` (`v1.0`, `v1.1`, `v2.0`), the service document at
//! `/{version}/odata/` and a JSON `$metadata`. Administrators only (a user's access token as
//! `Authorization: Bearer` or `?apikey=`); rows of the accounts the user administers.
//!
//! Query options: `$top` and `$skip` required (`$top` at most 10,000), `$filter` (see
//! [`crate::odata_query`]), `$select`, `$orderby` (stable; by `id` when none is given, so pages
//! are deterministic), `$expand=members` on `Team`. Any other `$` option is refused. Errors
//! are OData's `{"error": {"code", "message"}}`.

use super::World;
use crate::http::{Fail, Reply, Req, Res};
use crate::odata_query::{self, Expr};
use crate::store::Id;
use crate::views::odata::{COLLECTIONS, Row, fields, rows, string_ids};
use serde_json::{Value, json};

/// The versions the service answers.
const VERSIONS: [&str; 3] = ["v1.0", "v1.1", "v2.0"];

/// The most rows a request may ask for.
const MAX_TOP: u64 = 10_000;

fn error(status: u16, code: &str, message: &str) -> Fail {
    Fail::new(status, json!({"error": {"code": code, "message": message}}))
}

fn bad(message: &str) -> Fail {
    error(400, "BadRequest", message)
}

/// Dispatches `/{version}/odata/...`.
pub(super) fn route(w: &mut World, req: &Req, method: &str, version: &str, rest: &[&str]) -> Res {
    if !VERSIONS.contains(&version) {
        return Err(error(
            404,
            "NotFound",
            &format!("No OData service version '{version}': use v1.0, v1.1 or v2.0"),
        ));
    }
    if method != "GET" {
        return Err(error(
            405,
            "MethodNotAllowed",
            "The OData service answers GET only",
        ));
    }
    let accounts = admin_accounts(w, req)?;
    let base = format!("{}/{version}/odata", w.store.base_url);
    match rest {
        [] => Ok(Reply::json(json!({
            "@odata.context": format!("{base}/$metadata"),
            "value": COLLECTIONS
                .iter()
                .filter(|(name, _)| fields(name, version).is_some())
                .map(|(name, _)| json!({"name": name, "kind": "EntitySet", "url": name}))
                .collect::<Vec<_>>(),
        }))),
        ["$metadata"] => Ok(Reply::json(metadata(version))),
        [collection] => {
            let all = fields(collection, version).ok_or_else(|| {
                error(
                    404,
                    "NotFound",
                    &format!("Resource not found for the segment '{collection}'"),
                )
            })?;
            query(w, req, version, collection, &all, &accounts, &base)
        }
        _ => Err(error(404, "NotFound", "No such OData resource")),
    }
}

/// The accounts the token's user administers; 401 for no token, an unknown one, or a user
/// who administers no account.
fn admin_accounts(w: &World, req: &Req) -> Result<Vec<Id>, Fail> {
    let token = req
        .bearer
        .clone()
        .or_else(|| req.query("apikey").map(str::to_owned))
        .filter(|t| !t.is_empty());
    let unauthorized = |message: &str| error(401, "Unauthorized", message);
    let Some(token) = token else {
        return Err(unauthorized(
            "Missing access token: send Authorization: Bearer <token> or ?apikey=<token>",
        ));
    };
    let user = w
        .store
        .users
        .iter()
        .find(|u| u.token == token)
        .ok_or_else(|| unauthorized("Invalid access token"))?;
    let accounts: Vec<Id> = w
        .store
        .account_users
        .iter()
        .filter(|m| m.user_id == user.id && m.role == "administrator")
        .map(|m| m.account_id)
        .collect();
    if accounts.is_empty() {
        return Err(unauthorized(
            "Only administrators may query the OData service",
        ));
    }
    Ok(accounts)
}

/// The query options of a collection request.
struct Options {
    top: usize,
    skip: usize,
    filter: Option<Expr>,
    select: Option<Vec<String>>,
    orderby: Vec<(String, bool)>,
    expand_members: bool,
}

fn count(req: &Req, name: &str) -> Result<usize, Fail> {
    let text = req
        .query(name)
        .ok_or_else(|| bad(&format!("The query option {name} is required")))?;
    text.trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            bad(&format!(
                "{name} must be a non-negative integer, not '{text}'"
            ))
        })
}

fn options(req: &Req, collection: &str, all: &[&str]) -> Result<Options, Fail> {
    let mut seen: Vec<&str> = Vec::new();
    for (key, _) in &req.query {
        if !key.starts_with('$') {
            continue;
        }
        if !["$filter", "$select", "$orderby", "$expand", "$top", "$skip"].contains(&key.as_str()) {
            return Err(bad(&format!("The query option {key} is not supported")));
        }
        if seen.contains(&key.as_str()) {
            return Err(bad(&format!("The query option {key} is given twice")));
        }
        seen.push(key);
    }
    let top = count(req, "$top")?;
    if top as u64 > MAX_TOP {
        return Err(bad(&format!("$top must be at most {MAX_TOP}")));
    }
    let skip = count(req, "$skip")?;
    let expand_members = match req.query("$expand").map(str::trim) {
        None => false,
        Some("members") if collection == "Team" => true,
        Some(other) => {
            return Err(bad(&format!(
                "Cannot expand '{other}' on {collection}: no such navigation property"
            )));
        }
    };
    let known = |field: &str| -> Result<(), Fail> {
        if all.contains(&field) {
            Ok(())
        } else {
            Err(bad(&format!(
                "Could not find a property named '{field}' on type '{collection}'"
            )))
        }
    };
    let list = |name: &str| -> Vec<String> {
        req.query(name)
            .map(|v| v.split(',').map(|s| s.trim().to_owned()).collect())
            .unwrap_or_default()
    };
    let select = match req.query("$select") {
        None => None,
        Some(text) if text.trim() == "*" => None,
        Some(_) => {
            let fields = list("$select");
            for f in &fields {
                if !(f == "members" && expand_members) {
                    known(f)?;
                }
            }
            Some(fields)
        }
    };
    let mut orderby = Vec::new();
    for item in list("$orderby") {
        let (field, desc) = match item.split_once(' ') {
            Some((f, dir)) => match dir.trim() {
                "asc" => (f, false),
                "desc" => (f, true),
                other => return Err(bad(&format!("Unknown order direction '{other}'"))),
            },
            None => (item.as_str(), false),
        };
        known(field)?;
        orderby.push((field.to_owned(), desc));
    }
    let filter = match req.query("$filter") {
        None => None,
        Some(text) => {
            let expr = odata_query::parse(text)
                .map_err(|e| bad(&format!("Syntax error in $filter: {e}")))?;
            for f in expr.fields() {
                known(f)?;
            }
            Some(expr)
        }
    };
    Ok(Options {
        top,
        skip,
        filter,
        select,
        orderby,
        expand_members,
    })
}

fn query(
    w: &World,
    req: &Req,
    version: &str,
    collection: &str,
    all: &[&str],
    accounts: &[Id],
    base: &str,
) -> Res {
    let o = options(req, collection, all)?;
    let strings = if version == "v2.0" {
        string_ids(collection)
    } else {
        &[]
    };
    let mut selected: Vec<Row> = rows(&w.store, collection, accounts, o.expand_members)
        .into_iter()
        .map(|(_, row)| {
            row.into_iter()
                .filter(|(k, _)| all.contains(&k.as_str()) || k == "members")
                .map(|(k, v)| match v {
                    Value::Number(n) if strings.contains(&k.as_str()) => {
                        (k, Value::String(n.to_string()))
                    }
                    v => (k, v),
                })
                .collect()
        })
        .filter(|row| o.filter.as_ref().is_none_or(|f| f.matches(row)))
        .collect();
    // Rows come by id; a stable sort keeps that order among equal keys.
    selected.sort_by(|a, b| {
        o.orderby
            .iter()
            .map(|(field, desc)| {
                let null = Value::Null;
                let ord = odata_query::order(
                    a.get(field).unwrap_or(&null),
                    b.get(field).unwrap_or(&null),
                );
                if *desc { ord.reverse() } else { ord }
            })
            .find(|ord| ord.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let page: Vec<Value> = selected
        .into_iter()
        .skip(o.skip)
        .take(o.top)
        .map(|row| match &o.select {
            Some(fields) => Value::Object(
                row.into_iter()
                    .filter(|(k, _)| fields.contains(k))
                    .collect(),
            ),
            None => Value::Object(row),
        })
        .collect();
    let context = match &o.select {
        Some(fields) => format!("{base}/$metadata#{collection}({})", fields.join(",")),
        None => format!("{base}/$metadata#{collection}"),
    };
    Ok(Reply::json(
        json!({"@odata.context": context, "value": page}),
    ))
}

/// A JSON rendering of the service's metadata: each collection and its fields.
fn metadata(version: &str) -> Value {
    let sets: serde_json::Map<String, Value> = COLLECTIONS
        .iter()
        .filter_map(|(name, _)| Some(((*name).to_owned(), json!(fields(name, version)?))))
        .collect();
    json!({"$Version": "4.0", "version": version, "EntitySets": sets})
}
