//! The web-widget visitor's session: opened on first use, once, and readable for the next visit.

use crate::client::Client;
use liveagent_core::widget::OPEN_SESSION_ROW;
use liveagent_core::{CallOptions, Credentials, EndpointMeta, Error, Secret};

impl Client {
    /// The visitor's session token (widget API), once the server issued one: keep it (as the
    /// official widget keeps it in a cookie) and hand it to
    /// [`ClientBuilder::website_token`](crate::ClientBuilder::website_token) on the next visit,
    /// so the visitor keeps their contact and conversations.
    pub fn widget_token(&self) -> Option<Secret> {
        match &self.config().credentials {
            Credentials::Widget(session) => session.token(),
            _ => None,
        }
    }

    /// Replaces the visitor's session token (`None`: the next call opens a session for a new
    /// contact). Does nothing for a client without a website token.
    pub fn set_widget_token(&self, token: Option<Secret>) {
        if let Credentials::Widget(session) = &self.config().credentials {
            session.set_token(token);
        }
    }

    /// Opens the visitor's session (`createWidgetConfig`) before a call of `meta` that needs
    /// one, unless another call is opening it: then it waits for that one.
    pub(crate) async fn ensure_widget_session(
        &self,
        meta: &'static EndpointMeta,
        options: CallOptions,
        cancelled: impl std::future::Future<Output = ()>,
    ) -> Result<(), Error> {
        let Credentials::Widget(session) = &self.config().credentials else {
            return Ok(());
        };
        if !session.needs_token(meta, now_ms()) {
            return Ok(());
        }
        let _opening = self.inner.opening_session.lock().await;
        if !session.needs_token(meta, now_ms()) {
            return Ok(());
        }
        let (_, open) = liveagent_core::endpoint::find(OPEN_SESSION_ROW)
            .ok_or_else(|| Error::Build(missing_row()))?;
        // The answer's token is kept by the call itself (`WidgetSession::absorb`).
        let call =
            liveagent_core::Call::new(self.config(), open, serde_json::Value::Null, options)?;
        crate::transport::drive(self.inner.transport.as_ref(), call, cancelled).await?;
        Ok(())
    }
}

fn missing_row() -> liveagent_core::BuildError {
    liveagent_core::BuildError {
        kind: liveagent_core::error::BuildErrorKind::Credentials,
        path: None,
        message: "this build has no widget API rows".into(),
    }
}

/// Now, in epoch milliseconds (against the session token's expiry).
fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
