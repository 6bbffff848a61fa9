//! Integrations (upstream Chatwoot): the apps list as agents and administrators see it, and
//! hooks with the server's validations.

use crate::support::{Emu, status};
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;

fn failure<T: std::fmt::Debug>(result: Result<T, liveagent::Error>) -> (u16, String) {
    match result {
        Err(liveagent::Error::Api(e)) => (e.status, e.message.unwrap_or_default()),
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn settings(value: serde_json::Value) -> JsonObject {
    value.as_object().cloned().unwrap()
}

fn find<'a>(apps: &'a IntegrationAppList, id: &str) -> &'a IntegrationApp {
    apps.payload
        .iter()
        .find(|a| a.id.as_deref() == Some(id))
        .unwrap()
}

pub(crate) async fn integrations(emu: &Emu) {
    let admin = emu.user("admin");
    let agent = emu.user("agent");
    let inbox = emu.inbox_id();

    // Agents see the apps without their configuration.
    let seen = agent
        .list_integration_apps(ListIntegrationAppsParams::new())
        .await
        .unwrap();
    let ids: Vec<&str> = seen
        .payload
        .iter()
        .filter_map(|a| a.id.as_deref())
        .collect();
    assert_eq!(ids, ["webhook", "dashboard_apps", "slack", "dialogflow"]);
    assert!(
        seen.payload
            .iter()
            .all(|a| a.logo.is_none() && a.enabled == Some(false))
    );
    let apps = admin
        .list_integration_apps(ListIntegrationAppsParams::new())
        .await
        .unwrap();
    let dialogflow = find(&apps, "dialogflow");
    assert_eq!(dialogflow.hook_type, Some(HookType::Inbox));
    assert!(dialogflow.settings_json_schema.is_some());
    assert_eq!(find(&apps, "webhook").action.as_deref(), Some("/webhook"));

    // Hooks are for administrators; inbox apps need an inbox and valid settings.
    let df = CreateIntegrationHookParams::new("dialogflow").settings(settings(
        json!({"project_id": "acme-bot", "credentials": {"type": "service_account"}}),
    ));
    assert_eq!(status(agent.create_integration_hook(df.clone()).await), 401);
    let (code, message) = failure(admin.create_integration_hook(df.clone()).await);
    assert_eq!((code, message.as_str()), (422, "Inbox can't be blank"));
    let (code, message) = failure(
        admin
            .create_integration_hook(
                CreateIntegrationHookParams::new("dialogflow")
                    .inbox_id(inbox)
                    .settings(settings(json!({"project_id": "acme-bot"}))),
            )
            .await,
    );
    assert_eq!(
        (code, message.as_str()),
        (422, "Settings : Invalid settings data")
    );
    let bot = admin
        .create_integration_hook(df.inbox_id(inbox))
        .await
        .unwrap();
    assert_eq!(bot.hook_type, Some(HookType::Inbox));
    assert_eq!(bot.status, Some(true));
    assert_eq!(bot.inbox.as_ref().unwrap().id.0, inbox);
    // Only the app's visible settings come back: the credentials do not.
    assert_eq!(
        bot.settings.as_ref().unwrap(),
        &settings(json!({"project_id": "acme-bot"}))
    );

    // Slack allows one hook per account.
    let slack = admin
        .create_integration_hook(CreateIntegrationHookParams::new("slack"))
        .await
        .unwrap();
    assert_eq!(slack.hook_type, Some(HookType::Account));
    let (code, message) = failure(
        admin
            .create_integration_hook(CreateIntegrationHookParams::new("slack"))
            .await,
    );
    assert_eq!(
        (code, message.as_str()),
        (422, "App has already been taken")
    );

    // Update changes status and settings.
    let paused = admin
        .update_integration_hook(
            UpdateIntegrationHookParams::new(slack.id)
                .status(0)
                .settings(settings(
                    json!({"channel_name": "#support", "token": "xoxb"}),
                )),
        )
        .await
        .unwrap();
    assert_eq!(paused.status, Some(false));
    assert_eq!(
        paused.settings.as_ref().unwrap(),
        &settings(json!({"channel_name": "#support"}))
    );
    assert_eq!(
        status(
            admin
                .update_integration_hook(UpdateIntegrationHookParams::new(999_999u64).status(1))
                .await
        ),
        404
    );

    // The app shows its hooks; agents get them without settings.
    let shown = admin
        .get_integration_app(GetIntegrationAppParams::new("dialogflow"))
        .await
        .unwrap();
    assert_eq!(shown.enabled, Some(true));
    assert_eq!(shown.hooks.len(), 1);
    let as_agent = agent
        .get_integration_app(GetIntegrationAppParams::new("slack"))
        .await
        .unwrap();
    assert!(as_agent.hooks[0].settings.is_none());
    // `Integrations::App.find` is nil for an unknown app and the view fails: a 500.
    assert_eq!(
        status(
            admin
                .get_integration_app(GetIntegrationAppParams::new("nope"))
                .await
        ),
        500
    );

    // Delete, administrators only.
    let gone = DeleteIntegrationHookParams::new(slack.id);
    assert_eq!(
        status(agent.delete_integration_hook(gone.clone()).await),
        401
    );
    admin.delete_integration_hook(gone.clone()).await.unwrap();
    assert_eq!(status(admin.delete_integration_hook(gone).await), 404);

    // The webhook app is enabled once the account has a webhook.
    admin
        .create_webhook(CreateWebhookParams::new("https://acme.example/hook"))
        .await
        .unwrap();
    let apps = admin
        .list_integration_apps(ListIntegrationAppsParams::new())
        .await
        .unwrap();
    assert_eq!(find(&apps, "webhook").enabled, Some(true));
    assert_eq!(find(&apps, "slack").enabled, Some(false));
}

#[tokio::test]
async fn integration_apps_and_hooks() {
    integrations(&Emu::start().await).await;
}
