//! One method per row of the endpoint table, generated from the table itself.

use crate::client::Client;
use liveagent_core::Error;
#[allow(unused_imports)]
use liveagent_core::{api::*, models::*};

macro_rules! client_methods {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $js:ident: $method:ident $path:literal,
            $params:ident => $resp:ty,
            auth $auth:ident, $src:ident $srcv:literal, idempotent $idem:ident, page $page:tt;
    )*) => {
        impl Client {
            $(
                $(#[doc = $doc])*
                #[doc = ""]
                #[doc = concat!("`", stringify!($method), " ", $path, "`")]
                ///
                /// # Errors
                /// Any [`Error`]: build, transport, timeout, API or decode.
                pub async fn $name(&self, params: $params) -> Result<$resp, Error> {
                    self.send(params).await
                }
            )*
        }
    };
}

liveagent_core::for_each_endpoint!(client_methods);
