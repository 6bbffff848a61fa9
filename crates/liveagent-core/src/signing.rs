//! What a client's credentials add to a request, family by family: the token header (user,
//! bot and platform tokens; OData's bearer; the widget visitor's session token), the widget
//! API's website token, and the OData service's host.

use crate::config::{Config, Credentials};
use crate::endpoint::{Auth, EndpointMeta, Family};
use crate::error::{BuildError, BuildErrorKind};
use crate::types::Secret;
use crate::widget::SESSION_HEADER;

/// The server root a call of `meta` goes to: the OData service's for OData rows.
pub(crate) fn base_url(config: &Config, meta: &EndpointMeta) -> Result<String, BuildError> {
    if !cfg!(feature = "family-odata") || meta.family() != Family::Odata {
        return Ok(config.base_url.as_str().to_owned());
    }
    if let Some(url) = &config.odata_url {
        return Ok(url.as_str().to_owned());
    }
    crate::odata::derived_url(config.base_url.as_str()).ok_or_else(|| {
        BuildError::new(
            BuildErrorKind::Config,
            format!(
                "{} goes to the OData service, whose host cannot be derived from an IP address or localhost: set odataUrl",
                meta.js_name()
            ),
        )
    })
}

/// What the credentials add to a request: a token header, and the widget API's website token.
pub(crate) struct Signed<'c> {
    /// The token header's name and value.
    pub header: Option<(&'static str, String)>,
    /// The widget API's `website_token` query param.
    pub website_token: Option<&'c str>,
}

/// What to send for `meta`, or an error if the client holds the wrong kind of credentials.
pub(crate) fn credentials_for<'c>(
    config: &'c Config,
    meta: &EndpointMeta,
) -> Result<Signed<'c>, BuildError> {
    let token = |t: &Secret| {
        Ok(Signed {
            header: Some((config.token_header.name(), t.expose().to_owned())),
            website_token: None,
        })
    };
    let wrong = |needs: &str| {
        Err(BuildError::new(
            BuildErrorKind::Credentials,
            format!(
                "{} needs {needs}; the client has {}",
                meta.js_name(),
                held(&config.credentials)
            ),
        ))
    };
    match (meta.auth, &config.credentials) {
        (Auth::Public, _) => Ok(Signed {
            header: None,
            website_token: None,
        }),
        (Auth::User | Auth::UserOrBot, Credentials::User(t)) => token(t),
        (Auth::UserOrBot, Credentials::AgentBot(t)) => token(t),
        (Auth::User, Credentials::AgentBot(_)) => {
            wrong("a user token (agent bots may not call it, per the server's bot allow-list)")
        }
        (Auth::User | Auth::UserOrBot, _) => wrong("a user token"),
        (Auth::Platform, Credentials::Platform(t)) => token(t),
        (Auth::Platform, _) => wrong("a platform-app token"),
        (Auth::Widget | Auth::WidgetInbox, Credentials::Widget(session)) => {
            let held = session.token();
            if held.is_none() && meta.auth == Auth::Widget {
                return wrong(
                    "a visitor's session (createWidgetConfig opens one; the client does so before the first call that needs it)",
                );
            }
            Ok(Signed {
                header: held.map(|t| (SESSION_HEADER, t.expose().to_owned())),
                website_token: Some(session.website_token()),
            })
        }
        (Auth::Widget | Auth::WidgetInbox, _) => {
            wrong("a web-widget inbox's website token (the websiteToken option)")
        }
        (Auth::Odata, Credentials::User(t)) => Ok(Signed {
            header: Some(("authorization", format!("Bearer {}", t.expose()))),
            website_token: None,
        }),
        (Auth::Odata, _) => wrong("a user token (an administrator's)"),
    }
}

fn held(c: &Credentials) -> &'static str {
    match c {
        Credentials::None => "no token",
        Credentials::User(_) => "a user token",
        Credentials::AgentBot(_) => "an agent-bot token",
        Credentials::Platform(_) => "a platform-app token",
        Credentials::Widget(_) => "a website token",
    }
}
