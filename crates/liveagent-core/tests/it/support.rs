//! Shared helpers: configs for each credential kind, and sample params derived from a shape.

use liveagent_core::endpoint::{Auth, Family};
use liveagent_core::schema::{Place, Shape};
use liveagent_core::{Config, Credentials, EndpointMeta, RawResponse, Secret, WidgetSession};
use serde_json::{Map, Value, json};

pub(crate) const BASE: &str = "https://liveagent.example.com/chat";
pub(crate) const TOKEN: &str = "tok-do-not-leak";
/// A web-widget inbox's website token (public: it travels in the query).
pub(crate) const WEBSITE_TOKEN: &str = "wt-4kq2";

/// A client configuration holding the credentials `meta` needs.
pub(crate) fn config_for(meta: &EndpointMeta) -> Config {
    let credentials = match meta.auth {
        Auth::Public => Credentials::None,
        Auth::Platform => Credentials::Platform(Secret::new(TOKEN)),
        Auth::User | Auth::UserOrBot => Credentials::User(Secret::new(TOKEN)),
        Auth::Odata => Credentials::User(Secret::new(TOKEN)),
        Auth::Widget | Auth::WidgetInbox => {
            Credentials::Widget(WidgetSession::new(WEBSITE_TOKEN).with_token(Secret::new(TOKEN)))
        }
    };
    Config::new(BASE)
        .and_then(|c| c.with_credentials(credentials))
        .map(|c| c.with_account_id(1u64))
        .expect("valid config")
}

/// Params for `meta` with every field set (`all`) or only the required ones.
pub(crate) fn sample_params(meta: &EndpointMeta, all: bool) -> Value {
    let mut map = Map::new();
    let mut next_id = 2;
    for field in meta.params.fields {
        if !all && field.is_optional() {
            continue;
        }
        if field.place == Place::Path
            && field.name == "account_id"
            && !all
            && meta.family() == Family::Account
        {
            continue;
        }
        let value = if meta.family() == Family::Odata {
            odata_sample(field.name)
        } else if field.place == Place::Path {
            next_id += 1;
            match unwrap(field.shape()) {
                Shape::String => json!(format!("ident {}", field.name)),
                _ if field.name == "account_id" => json!(1),
                _ => json!(next_id),
            }
        } else {
            sample(field.shape(), field.name)
        };
        map.insert(field.name.to_owned(), value);
    }
    Value::Object(map)
}

fn unwrap(shape: &'static Shape) -> &'static Shape {
    match shape {
        Shape::Nullable(inner) | Shape::Flex(inner) => unwrap(inner),
        other => other,
    }
}

/// A sample value of an OData query option: conditions that need escaping, a version.
fn odata_sample(name: &str) -> Value {
    match name {
        "version" => json!("v2.0"),
        "filter" => json!({"and": [
            {"ge": ["created_at", {"datetime": "2024-05-01T00:00:00Z"}]},
            {"or": [{"eq": ["status", 1]}, {"in": ["inbox_id", [3, 4]]}]},
            {"not": {"contains": ["content", "O'Neil & co"]}},
        ]}),
        "select" => json!(["id", "created_at"]),
        "orderby" => json!(["created_at desc", "id"]),
        "expand" => json!(["members"]),
        "top" => json!(500),
        "skip" => json!(1000),
        other => panic!("no OData sample for {other}"),
    }
}

/// A sample value of a shape; lists get two items so that Rails' `key[]` repetition shows.
pub(crate) fn sample(shape: &'static Shape, name: &str) -> Value {
    match shape {
        Shape::Bool => json!(true),
        Shape::Int => json!(2),
        Shape::Float => json!(1.5),
        Shape::String => json!(format!("{name} & more")),
        Shape::Id => json!(42),
        Shape::Timestamp | Shape::IsoTimestamp => json!(1_714_557_600),
        Shape::Json if name == "values" => json!(["open"]),
        Shape::Json => json!("pro"),
        Shape::File => json!({"$file": 0}),
        Shape::Nullable(inner) | Shape::Flex(inner) => sample(inner, name),
        Shape::List(inner) => json!([sample(inner, name), sample(inner, name)]),
        Shape::Map(inner) => json!({"plan": sample(inner, "plan")}),
        Shape::Enum(e) => json!(e.values.first().map_or("x", |v| v.wire)),
        Shape::Object(o) => {
            let mut map = Map::new();
            for f in o.fields {
                map.insert(f.name.to_owned(), sample(f.shape(), f.name));
            }
            Value::Object(map)
        }
        Shape::Union(u) => u
            .variants
            .first()
            .map_or(Value::Null, |v| sample(v.shape, name)),
    }
}

/// A response with a JSON body.
pub(crate) fn response(status: u16, body: &str) -> RawResponse {
    RawResponse {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    }
}

/// The row called `name`.
pub(crate) fn row(name: &str) -> &'static EndpointMeta {
    liveagent_core::endpoint::find(name).expect("row exists").1
}
