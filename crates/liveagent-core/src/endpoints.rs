//! The endpoint table: every endpoint of every API family, one row each.
//!
//! A row reads:
//!
//! ```text
//! /// Doc (flows into the Rust and TypeScript docs).
//! name jsName: METHOD "/path/{param}",
//!     ParamsType => ResponseType,
//!     auth User|UserOrBot|Platform|Public, spec "operationId" | route "controller#action",
//!     idempotent yes|no, page none | (pages Item ["path", "to", "items"] per_page) | (cursor Item ["items"]);
//! ```
//!
//! Consumers pass a callback macro to [`for_each_endpoint!`](crate::for_each_endpoint): this
//! crate derives the [`Endpoint`](crate::Endpoint) impls and [`ENDPOINTS`]; the native client
//! derives its methods. The wasm and Node packages dispatch through [`ENDPOINTS`], and codegen
//! writes their TypeScript from it.

use crate::api::*;
use crate::endpoint::{Auth, Endpoint, EndpointMeta, Method, Paginated, Pagination, ResponseBody, Source, object_of};
use crate::models::*;
use crate::schema::{ObjectShape, Place, Schema};

/// Calls `$callback! { rows }` with every row of the endpoint table.
#[macro_export]
macro_rules! for_each_endpoint {
    ($callback:ident) => {
        $callback! {
            // ---- conversations --------------------------------------------------------------
            /// Counts of conversations per assignee type (mine, assigned, unassigned, all).
            get_conversation_counts getConversationCounts: GET "/api/v1/accounts/{account_id}/conversations/meta",
                GetConversationCountsParams => ConversationCounts,
                auth User, spec "conversationListMeta", idempotent yes, page none;
        }
    };
}

macro_rules! impl_endpoints {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $js:ident: $method:ident $path:literal,
            $params:ident => $resp:ty,
            auth $auth:ident, $src:ident $srcv:literal, idempotent $idem:ident, page $page:tt;
    )*) => {
        $(
            impl Endpoint for $params {
                const META: &'static EndpointMeta = &EndpointMeta {
                    name: stringify!($name),
                    js_name: stringify!($js),
                    method: Method::$method,
                    path: $path,
                    auth: Auth::$auth,
                    source: impl_endpoints!(@source $src $srcv),
                    params: object_of(<$params as Schema>::SHAPE),
                    response: <$resp as ResponseBody>::KIND,
                    idempotent: impl_endpoints!(@idempotent $idem),
                    pagination: impl_endpoints!(@pagination $page),
                    doc: doc_text!($($doc)*),
                };
                type Response = $resp;
            }
            const _: () = assert!(
                path_matches_params($path, object_of(<$params as Schema>::SHAPE)),
                concat!("row ", stringify!($name), ": the path template and the `path` fields of its params differ"),
            );
            impl_endpoints!(@paginated $params $page);
        )*

        /// Every row of the endpoint table, in table order. Shells dispatch by index into it.
        pub static ENDPOINTS: &[&EndpointMeta] = &[$(<$params as Endpoint>::META),*];
    };
    (@source spec $v:literal) => { Source::Spec($v) };
    (@source route $v:literal) => { Source::Route($v) };
    (@idempotent yes) => { true };
    (@idempotent no) => { false };
    (@pagination none) => { Pagination::None };
    (@pagination (pages $item:ty [$($seg:literal),*] $per:literal)) => {
        Pagination::Pages { items: &[$($seg),*], per_page: $per }
    };
    (@pagination (cursor $item:ty [$($seg:literal),*])) => { Pagination::Cursor { items: &[$($seg),*] } };
    (@paginated $params:ident none) => {};
    (@paginated $params:ident ($kind:ident $item:ty [$($seg:literal),*] $($per:literal)?)) => {
        impl Paginated for $params {
            type Item = $item;
        }
    };
}

for_each_endpoint!(impl_endpoints);

/// Whether the `{name}` segments of `path` are exactly the `path` fields of `params`.
const fn path_matches_params(path: &str, params: &ObjectShape) -> bool {
    let p = path.as_bytes();
    let mut segments = 0;
    let mut i = 0;
    while i < p.len() {
        if p[i] == b'{' {
            let start = i + 1;
            let mut end = start;
            while end < p.len() && p[end] != b'}' {
                end += 1;
            }
            if !has_path_field(params, p, start, end) {
                return false;
            }
            segments += 1;
            i = end;
        }
        i += 1;
    }
    let mut path_fields = 0;
    let mut f = 0;
    while f < params.fields.len() {
        if matches!(params.fields[f].place, Place::Path) {
            path_fields += 1;
        }
        f += 1;
    }
    segments == path_fields
}

const fn has_path_field(params: &ObjectShape, p: &[u8], start: usize, end: usize) -> bool {
    let mut f = 0;
    while f < params.fields.len() {
        let field = &params.fields[f];
        let name = field.name.as_bytes();
        if matches!(field.place, Place::Path) && name.len() == end - start {
            let mut k = 0;
            while k < name.len() && name[k] == p[start + k] {
                k += 1;
            }
            if k == name.len() {
                return true;
            }
        }
        f += 1;
    }
    false
}
