//! An emulator per test, and strict clients for each credential.

use liveagent::Client;
use liveagent_emulator::{Options, Running, start};
use serde_json::Value;

pub(crate) struct Emu {
    pub running: Running,
}

impl Emu {
    pub(crate) async fn start() -> Emu {
        Emu::start_with(Options::default()).await
    }

    pub(crate) async fn start_with(options: Options) -> Emu {
        Emu {
            running: start(options).await.unwrap(),
        }
    }

    pub(crate) fn base(&self) -> &str {
        &self.running.base_url
    }

    pub(crate) fn info(&self, pointer: &str) -> Value {
        self.running
            .info
            .pointer(pointer)
            .cloned()
            .unwrap_or(Value::Null)
    }

    pub(crate) fn token(&self, who: &str) -> String {
        self.info(&format!("/tokens/{who}"))
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub(crate) fn inbox_identifier(&self) -> String {
        self.info("/inbox_identifier").as_str().unwrap().to_owned()
    }

    pub(crate) fn inbox_id(&self) -> u64 {
        self.info("/inbox_id").as_u64().unwrap()
    }

    /// A strict client: any drift between the emulator and the SDK's models fails the call.
    pub(crate) fn user(&self, who: &str) -> Client {
        Client::builder(self.base())
            .user_token(self.token(who))
            .account_id(1)
            .strict(true)
            .max_retries(0)
            .build()
            .unwrap()
    }

    pub(crate) fn bot(&self) -> Client {
        Client::builder(self.base())
            .bot_token(self.token("bot"))
            .account_id(1)
            .strict(true)
            .max_retries(0)
            .build()
            .unwrap()
    }

    pub(crate) fn platform(&self) -> Client {
        Client::builder(self.base())
            .platform_token(self.token("platform"))
            .strict(true)
            .max_retries(0)
            .build()
            .unwrap()
    }

    pub(crate) fn public(&self) -> Client {
        Client::builder(self.base())
            .strict(true)
            .max_retries(0)
            .build()
            .unwrap()
    }

    /// The seeded web-widget inbox's website token.
    pub(crate) fn website_token(&self) -> String {
        self.info("/web_widget/website_token")
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// A web-widget visitor of the inbox with `website_token`, resuming `session` if given.
    pub(crate) fn visitor(&self, website_token: &str, session: Option<&str>) -> Client {
        Client::builder(self.base())
            .website_token(website_token, session.map(str::to_owned))
            .strict(true)
            .max_retries(0)
            .build()
            .unwrap()
    }

    /// A control call (`/__emulator/...`).
    pub(crate) async fn control(&self, method: &str, path: &str, body: Value) -> Value {
        let http = reqwest::Client::new();
        let url = format!("{}/__emulator/{path}", self.base());
        let request = match method {
            "POST" => http
                .post(url)
                .header("content-type", "application/json")
                .body(body.to_string()),
            "DELETE" => http.delete(url),
            _ => http.get(url),
        };
        serde_json::from_str(&request.send().await.unwrap().text().await.unwrap()).unwrap()
    }

    /// The request log's entries, oldest first.
    pub(crate) async fn requests(&self) -> Vec<Value> {
        let log = self.control("GET", "requests", Value::Null).await;
        log["requests"].as_array().cloned().unwrap()
    }
}

/// The status of an API error.
pub(crate) fn status<T: std::fmt::Debug>(result: Result<T, liveagent::Error>) -> u16 {
    match result {
        Err(liveagent::Error::Api(e)) => e.status,
        other => panic!("expected an API error, got {other:?}"),
    }
}
