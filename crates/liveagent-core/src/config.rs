//! Client configuration shared by every API family: base URL, credentials, header spelling.

use crate::error::{BuildError, BuildErrorKind};
use crate::normalize::ParseMode;
use crate::retry::RetryPolicy;
use crate::types::{Id, Secret};

/// The user agent sent by every runtime, so that all shells put identical requests on the wire.
pub const USER_AGENT: &str = concat!("liveagent/", env!("CARGO_PKG_VERSION"));

/// A validated base URL: `scheme://host[:port]` plus an optional path prefix, no trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Validates a base URL such as `https://liveagent-app.cognigy.ai` or
    /// `https://example.com/chat/` (the prefix `/chat` is kept; trailing slashes are dropped).
    ///
    /// # Errors
    /// A [`BuildErrorKind::Config`] error for anything but an absolute `http(s)` URL without
    /// credentials, query or fragment, or for a URL ending in `/api/v1` (the SDK adds that).
    pub fn parse(input: &str) -> Result<Self, BuildError> {
        let bad =
            |why: &str| BuildError::new(BuildErrorKind::Config, format!("invalid base URL: {why}"));
        let text = input.trim();
        let (scheme, rest) = text
            .split_once("://")
            .ok_or_else(|| bad("expected an absolute URL such as https://liveagent.example.com"))?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return Err(bad("the scheme must be http or https"));
        }
        if text.chars().any(|c| c.is_control() || c == ' ') {
            return Err(bad("it contains spaces or control characters"));
        }
        // Browsers read `http://host\.evil` as another host than a URL parser may: refuse it.
        if text.contains('\\') {
            return Err(bad("it contains a backslash"));
        }
        if rest.contains(['?', '#']) {
            return Err(bad("it must not have a query or a fragment"));
        }
        let (authority, prefix) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if authority.is_empty() {
            return Err(bad("the host is missing"));
        }
        if authority.contains('@') {
            return Err(bad(
                "credentials in the URL are not supported; configure a token instead",
            ));
        }
        let prefix = prefix.trim_end_matches('/');
        if prefix.ends_with("/api/v1") || prefix.ends_with("/api/v2") {
            return Err(bad(
                "give the server's root (or its path prefix), without /api/v1; the SDK adds the API path",
            ));
        }
        Ok(BaseUrl(format!("{scheme}://{authority}{prefix}")))
    }

    /// The URL as a string, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Which token the client holds. Each API family needs a particular kind.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum Credentials {
    /// No token: only the public client API (`/public/api/v1/...`) is reachable.
    #[default]
    None,
    /// A user's access token (agent, supervisor or administrator): the account API.
    User(Secret),
    /// An agent bot's access token: the account API endpoints bots may call.
    AgentBot(Secret),
    /// A platform app's token: the platform API (`/platform/api/v1/...`).
    Platform(Secret),
    /// A web-widget visitor: the widget API (`/api/v1/widget/...`) of one web-widget inbox.
    Widget(crate::widget::WidgetSession),
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credentials::None => "Credentials::None",
            Credentials::User(_) => "Credentials::User([redacted])",
            Credentials::AgentBot(_) => "Credentials::AgentBot([redacted])",
            Credentials::Platform(_) => "Credentials::Platform([redacted])",
            Credentials::Widget(_) => "Credentials::Widget([redacted])",
        })
    }
}

/// How the token header is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenHeader {
    /// `api_access_token`, as Chatwoot documents it.
    #[default]
    Underscore,
    /// `Api-Access-Token`: for proxies (nginx by default) that drop header names with underscores.
    /// The server reads both.
    Dashed,
}

impl TokenHeader {
    /// The header name.
    pub fn name(self) -> &'static str {
        match self {
            TokenHeader::Underscore => "api_access_token",
            TokenHeader::Dashed => "Api-Access-Token",
        }
    }
}

/// Everything a request needs besides its params.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where the server is.
    pub base_url: BaseUrl,
    /// The token, if any.
    pub credentials: Credentials,
    /// How the token header is spelled.
    pub token_header: TokenHeader,
    /// The account used when a call's params leave `account_id` unset.
    pub account_id: Option<Id>,
    /// Lenient (default) or strict response parsing.
    pub parse_mode: ParseMode,
    /// Retry behaviour.
    pub retry: RetryPolicy,
    /// Per-attempt timeout in milliseconds (`None`: no timeout).
    pub timeout_ms: Option<u64>,
    /// Time a call may take in all, retries and their waits included, in milliseconds
    /// (`None`: only the per-attempt timeout and the retry count bound it).
    pub deadline_ms: Option<u64>,
    /// The stall guard: once a response has begun, the longest wait for the next bytes of its
    /// body, in milliseconds (`None`: only the per-attempt timeout bounds it).
    pub stall_timeout_ms: Option<u64>,
    /// The OData analytics service's root (`None`: `base_url`'s host with `odata-` in front).
    pub odata_url: Option<BaseUrl>,
    /// The OData service's version (`v1.0`, `v1.1`, `v2.0`; see [`crate::odata::VERSIONS`]).
    pub odata_version: &'static str,
}

/// Default per-attempt timeout: 60 s.
pub const DEFAULT_TIMEOUT_MS: u64 = 60_000;

/// Default stall guard: 20 s without a byte of the body fails the attempt (aws-sdk-rust's
/// stalled-stream protection waits as long before it acts).
pub const DEFAULT_STALL_TIMEOUT_MS: u64 = 20_000;

impl Config {
    /// A configuration for `base_url` with no token, default retries and a 60 s timeout.
    ///
    /// # Errors
    /// See [`BaseUrl::parse`].
    pub fn new(base_url: &str) -> Result<Self, BuildError> {
        Ok(Config {
            base_url: BaseUrl::parse(base_url)?,
            credentials: Credentials::None,
            token_header: TokenHeader::default(),
            account_id: None,
            parse_mode: ParseMode::default(),
            retry: RetryPolicy::default(),
            timeout_ms: Some(DEFAULT_TIMEOUT_MS),
            deadline_ms: None,
            stall_timeout_ms: Some(DEFAULT_STALL_TIMEOUT_MS),
            odata_url: None,
            odata_version: crate::odata::DEFAULT_VERSION,
        })
    }

    /// Sets the credentials after checking that the token can travel in a header.
    ///
    /// # Errors
    /// A [`BuildErrorKind::Config`] error for an empty token or one with control characters
    /// (CR/LF would let it forge headers). The token itself never appears in the message.
    pub fn with_credentials(mut self, credentials: Credentials) -> Result<Self, BuildError> {
        if let Credentials::User(t) | Credentials::AgentBot(t) | Credentials::Platform(t) =
            &credentials
        {
            check_header_value("token", t.expose())?;
        }
        if let Credentials::Widget(session) = &credentials {
            check_header_value("website token", session.website_token())?;
            if let Some(t) = session.token() {
                check_header_value("widget session token", t.expose())?;
            }
        }
        self.credentials = credentials;
        Ok(self)
    }

    /// Sets where the OData analytics service is (its root, e.g.
    /// `https://odata-liveagent-trial.cognigy.ai`) and its version (`v1.0`, `v1.1`, `v2.0`).
    ///
    /// # Errors
    /// A [`BuildErrorKind::Config`] error for a bad URL or an unknown version.
    pub fn with_odata(
        mut self,
        url: Option<&str>,
        version: Option<&str>,
    ) -> Result<Self, BuildError> {
        if let Some(url) = url {
            self.odata_url = Some(BaseUrl::parse(url)?);
        }
        if let Some(version) = version {
            self.odata_version = crate::odata::VERSIONS
                .into_iter()
                .find(|v| *v == version)
                .ok_or_else(|| {
                    BuildError::new(
                        BuildErrorKind::Config,
                        format!(
                            "the OData version must be one of {}",
                            crate::odata::VERSIONS.join(", ")
                        ),
                    )
                })?;
        }
        Ok(self)
    }

    /// Sets the default account for account-API calls.
    pub fn with_account_id(mut self, account_id: impl Into<Id>) -> Self {
        self.account_id = Some(account_id.into());
        self
    }
}

/// Refuses header values that are empty or carry control characters.
pub(crate) fn check_header_value(what: &str, value: &str) -> Result<(), BuildError> {
    if value.trim().is_empty() {
        return Err(BuildError::new(
            BuildErrorKind::Config,
            format!("the {what} is empty"),
        ));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(BuildError::new(
            BuildErrorKind::Config,
            format!("the {what} contains control characters (such as CR or LF)"),
        ));
    }
    // fetch sends a header value as Latin-1 (or refuses it), reqwest as UTF-8: one rule for
    // every runtime is to refuse anything but ASCII, as no token has it.
    if !value.is_ascii() {
        return Err(BuildError::new(
            BuildErrorKind::Config,
            format!("the {what} contains characters other than ASCII"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        let ok = |s: &str| BaseUrl::parse(s).map(|b| b.0);
        assert_eq!(
            ok("https://app.example.com").as_deref(),
            Ok("https://app.example.com")
        );
        assert_eq!(
            ok("https://app.example.com/").as_deref(),
            Ok("https://app.example.com")
        );
        assert_eq!(
            ok(" HTTP://127.0.0.1:3000/chat//").as_deref(),
            Ok("http://127.0.0.1:3000/chat")
        );
        for bad in [
            "app.example.com",
            "ftp://x",
            "https://",
            "https://user:pw@x.com",
            "https://x.com/?a=1",
            "https://x.com/#f",
            "https://x .com",
            "https://x.com/api/v1/",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn tokens_with_crlf_are_refused_without_echo() {
        let cfg = Config::new("https://x.com").unwrap();
        let err = cfg
            .with_credentials(Credentials::User(Secret::new("abc\r\nX-Evil: 1")))
            .unwrap_err();
        assert_eq!(err.kind, BuildErrorKind::Config);
        assert!(!err.message.contains("abc"));
    }
}
