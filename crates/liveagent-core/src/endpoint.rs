//! Endpoint metadata: what one row of the endpoint table says about an endpoint.
//!
//! Shells and codegen read [`EndpointMeta`] at run time (the wasm and Node packages dispatch by
//! index into [`crate::ENDPOINTS`]); typed Rust code goes through the [`Endpoint`] trait that
//! each params struct implements.

use crate::schema::{ObjectShape, Schema, Shape};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub enum Method {
    /// GET
    GET,
    /// POST
    POST,
    /// PUT
    PUT,
    /// PATCH
    PATCH,
    /// DELETE
    DELETE,
}

impl Method {
    /// The method name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::GET => "GET",
            Method::POST => "POST",
            Method::PUT => "PUT",
            Method::PATCH => "PATCH",
            Method::DELETE => "DELETE",
        }
    }
}

/// Which credentials an endpoint takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// A user token (account API).
    User,
    /// A user token or an agent-bot token (the server's bot allow-list).
    UserOrBot,
    /// A platform-app token (platform API).
    Platform,
    /// No token (public client API); a configured token is never sent.
    Public,
    /// A web-widget visitor (widget API): the inbox's `website_token` and the visitor's session
    /// token (`X-Auth-Token`), which the client obtains on first use.
    Widget,
    /// The inbox's `website_token` alone (widget API: its config, campaigns and agents); the
    /// visitor's session token goes along when the client holds one.
    WidgetInbox,
    /// A user token as `Authorization: Bearer` (the OData analytics service; administrators).
    Odata,
}

/// The API family of an endpoint, from its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    /// `/api/v1/accounts/...`, `/api/v2/accounts/...`, `/api/v1/profile`.
    Account,
    /// `/platform/api/v1/...`.
    Platform,
    /// `/public/api/v1/...`.
    Public,
    /// `/api/v1/widget/...`: what a chat widget in a web page calls.
    Widget,
    /// `/{version}/odata/...` on the OData analytics host.
    Odata,
}

impl Family {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Account => "account",
            Family::Platform => "platform",
            Family::Public => "public",
            Family::Widget => "widget",
            Family::Odata => "odata",
        }
    }
}

/// Where a row comes from: an operation of the upstream spec, or a server route beyond it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The upstream spec's operationId.
    Spec(&'static str),
    /// The Rails route (`controller#action`) of an endpoint the spec does not describe.
    Route(&'static str),
}

/// What a successful response carries.
#[derive(Debug, Clone, Copy)]
pub enum ResponseKind {
    /// JSON of this shape.
    Json(&'static Shape),
    /// Nothing useful (`head :ok`); any body is ignored and the result is `null`.
    Empty,
    /// Text, such as a CSV report.
    Text,
    /// A bare integer.
    Integer,
}

/// How an endpoint pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pagination {
    /// One response holds everything.
    None,
    /// `page=1,2,...`; items at `items` (a path of object keys); a short or empty page ends it.
    Pages {
        /// Path of the items array in the response.
        items: &'static [&'static str],
        /// The server's page size.
        per_page: u32,
    },
    /// Message cursors: `before=<smallest id seen>` (or `after=<largest>` when the first call
    /// passed `after`); an empty page ends it.
    Cursor {
        /// Path of the items array in the response.
        items: &'static [&'static str],
    },
    /// Offsets (OData): `skip` grows by each page's rows; a page shorter than `top` ends it.
    Offset {
        /// Path of the items array in the response.
        items: &'static [&'static str],
    },
}

/// One row of the endpoint table.
#[derive(Debug)]
pub struct EndpointMeta {
    /// snake_case name: the Rust method. The JS method is [`EndpointMeta::js_name`].
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template with `{param}` segments.
    pub path: &'static str,
    /// Credentials it takes.
    pub auth: Auth,
    /// Spec operation or server route (`docs` feature: only codegen and the spec checks read it).
    #[cfg(feature = "docs")]
    pub source: Source,
    /// The params struct.
    pub params: &'static ObjectShape,
    /// The successful response.
    pub response: ResponseKind,
    /// Safe to repeat after a timeout or a 408/502/503/504 (reads and idempotent updates).
    pub idempotent: bool,
    /// Paging style.
    pub pagination: Pagination,
    /// Row documentation (`docs` feature).
    pub doc: crate::schema::Doc,
}

impl EndpointMeta {
    /// The API family, from the path.
    pub fn family(&self) -> Family {
        if matches!(self.auth, Auth::Widget | Auth::WidgetInbox) {
            Family::Widget
        } else if self.auth == Auth::Odata {
            Family::Odata
        } else if self.path.starts_with("/platform/") {
            Family::Platform
        } else if self.path.starts_with("/public/") {
            Family::Public
        } else {
            Family::Account
        }
    }

    /// camelCase name: the JS method (`list_conversations` → `listConversations`). Computed,
    /// not stored: the wasm build carries one name a row.
    pub fn js_name(&self) -> String {
        let mut out = Vec::with_capacity(self.name.len());
        let mut upper = false;
        for &b in self.name.as_bytes() {
            match b {
                b'_' => upper = true,
                _ if upper => {
                    out.push(b.to_ascii_uppercase());
                    upper = false;
                }
                _ => out.push(b),
            }
        }
        // Row names are ASCII identifiers (the table spells them), so this cannot fail.
        String::from_utf8(out).unwrap_or_default()
    }

    /// `METHOD /path/{template}`, as error messages name the endpoint.
    pub fn label(&self) -> String {
        format!("{} {}", self.method.as_str(), self.path)
    }
}

/// The response type of an endpoint.
pub trait ResponseBody: DeserializeOwned {
    /// How the body is read.
    const KIND: ResponseKind;
}

impl<T: Schema + DeserializeOwned> ResponseBody for Vec<T> {
    const KIND: ResponseKind = ResponseKind::Json(<Vec<T> as Schema>::SHAPE);
}

/// A JSON object keyed by name (reports keyed by channel type).
impl<T: Schema + DeserializeOwned> ResponseBody for std::collections::BTreeMap<String, T> {
    const KIND: ResponseKind =
        ResponseKind::Json(<std::collections::BTreeMap<String, T> as Schema>::SHAPE);
}

impl<T: Schema + DeserializeOwned> ResponseBody for Option<T> {
    const KIND: ResponseKind = ResponseKind::Json(<Option<T> as Schema>::SHAPE);
}

/// The result of an endpoint that answers with no body (`head :ok`): `null` in JS.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Empty;

impl<'de> serde::Deserialize<'de> for Empty {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Empty)
    }
}

impl ResponseBody for Empty {
    const KIND: ResponseKind = ResponseKind::Empty;
}

/// The result of an endpoint that answers with text (CSV reports).
pub type Text = String;

impl ResponseBody for String {
    const KIND: ResponseKind = ResponseKind::Text;
}

impl ResponseBody for i64 {
    const KIND: ResponseKind = ResponseKind::Integer;
}

/// A params struct that is the request of one endpoint.
pub trait Endpoint: Serialize + Schema {
    /// The endpoint's row.
    const META: &'static EndpointMeta;
    /// What it returns.
    type Response: ResponseBody;
}

/// An endpoint whose results come in pages.
pub trait Paginated: Endpoint {
    /// One item of a page.
    type Item: DeserializeOwned;
}

/// Whether `js` is `snake` in camelCase, as [`EndpointMeta::js_name`] computes it: the table
/// states both names, and this keeps them in step at compile time.
pub const fn camel_case_of(snake: &str, js: &str) -> bool {
    let (s, j) = (snake.as_bytes(), js.as_bytes());
    let (mut i, mut k) = (0, 0);
    while i < s.len() {
        let want = if s[i] == b'_' && i + 1 < s.len() {
            i += 1;
            s[i].to_ascii_uppercase()
        } else {
            s[i]
        };
        if k >= j.len() || j[k] != want {
            return false;
        }
        i += 1;
        k += 1;
    }
    k == j.len()
}

/// The object shape of a params type, checked at compile time.
pub const fn object_of(shape: &'static Shape) -> &'static ObjectShape {
    match shape {
        Shape::Object(o) => o,
        _ => panic!("params types must be objects"),
    }
}

/// Finds a row by its snake_case or camelCase name.
pub fn find(name: &str) -> Option<(usize, &'static EndpointMeta)> {
    crate::ENDPOINTS
        .iter()
        .enumerate()
        .find(|(_, m)| m.name == name || m.js_name() == name)
        .map(|(i, m)| (i, *m))
}
