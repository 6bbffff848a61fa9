//! Account API, integrations: `/api/v1/accounts/{account_id}/integrations/apps`, `hooks`
//! (upstream Chatwoot; Cognigy removed Integrations from its Live Agent docs in 2025.10, so a
//! Live Agent tenant may answer 404).

use crate::schema::JsonObject;
use crate::types::Id;

params! {
    /// `GET integrations/apps`: the apps available to the account, with their hooks.
    pub struct ListIntegrationAppsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `GET integrations/apps/{app_id}`.
    pub struct GetIntegrationAppParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// App id: a name such as `slack`, `dialogflow`, `webhook`.
        path app_id: String,
    }
}

params! {
    /// `POST integrations/hooks` (administrators): connect an app to the account or an inbox.
    pub struct CreateIntegrationHookParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// App id (`dialogflow`, `slack`, ...; the spec's integer type is wrong).
        body app_id: String,
        /// Inbox, required for inbox apps (`dialogflow`).
        body inbox_id: Option<Id>,
        /// 1 enabled (default), 0 disabled.
        body status: Option<i64>,
        /// The app's settings, checked against its schema (Dialogflow: `project_id`,
        /// `credentials`, optional `region`, `language_code`).
        body settings: Option<JsonObject>,
    }
}

params! {
    /// `PATCH integrations/hooks/{hook_id}` (administrators). App and inbox cannot change.
    pub struct UpdateIntegrationHookParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Hook id.
        path hook_id: Id,
        /// 1 enabled, 0 disabled.
        body status: Option<i64>,
        /// The app's settings (replaced whole).
        body settings: Option<JsonObject>,
    }
}

params! {
    /// `DELETE integrations/hooks/{hook_id}` (administrators).
    pub struct DeleteIntegrationHookParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Hook id.
        path hook_id: Id,
    }
}
