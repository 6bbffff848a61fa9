//! One method per row of the endpoint table, generated from the table itself.

use crate::client::Client;
use liveagent_core::Error;
#[allow(unused_imports)]
use liveagent_core::{api::*, models::*};

macro_rules! client_methods {
    ($(
        $name:ident $params:ident ($resp:ty) [$($doc:literal)*] $method:ident $path:literal
            $rest:tt
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
