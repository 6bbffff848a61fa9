//! Account API, integrations: `/api/v1/accounts/{account_id}/integrations/apps`, `hooks`
//! (upstream Chatwoot).

use crate::models::InboxRef;
use crate::schema::JsonObject;
use crate::types::Id;

open_enum! {
    /// What a hook connects: the account or one inbox.
    pub enum HookType {
        /// The whole account.
        Account = "account" (0),
        /// One inbox.
        Inbox = "inbox" (1),
    }
}

model! {
    /// A connected integration (`api/v1/models/_hook.json.jbuilder`). `settings` and
    /// `reference_id` are for administrators only.
    pub struct IntegrationHook {
        /// Hook id.
        id: Id,
        /// App id (`slack`, `dialogflow`, ...).
        app_id: String,
        /// Enabled.
        status: bool,
        /// The inbox of an inbox hook.
        inbox: Option<InboxRef>,
        /// Account.
        account_id: Id,
        /// Account or inbox hook.
        hook_type: HookType,
        /// The app's settings, only the keys the app declares visible (administrators).
        settings: Option<JsonObject>,
        /// The external record this hook maps to (administrators).
        reference_id: Option<String>,
    }
}

model! {
    /// An integration app (`api/v1/models/_app.json.jbuilder`, `config/integration/apps.yml`).
    /// Administrators also get the app's configuration keys (`logo` to `visible_properties`).
    pub struct IntegrationApp {
        /// App id: a name such as `slack`.
        id: String,
        /// Name.
        name: String,
        /// Description.
        description: String,
        /// One-line description.
        short_description: Option<String>,
        /// Connected in this account (for `webhook`: the account has webhooks).
        enabled: bool,
        /// Logo file name (administrators).
        logo: Option<String>,
        /// Translation key (administrators).
        i18n_key: Option<String>,
        /// Setup URL or dashboard route (administrators).
        action: Option<String>,
        /// Account or inbox app (administrators).
        hook_type: Option<HookType>,
        /// Whether an account may connect it more than once (administrators).
        allow_multiple_hooks: Option<bool>,
        /// JSON schema of the settings (administrators; apps with settings).
        settings_json_schema: Option<JsonObject>,
        /// Dashboard form of the settings (administrators; apps with settings).
        settings_form_schema: Vec<JsonObject>,
        /// Setting keys returned in hooks (administrators).
        visible_properties: Vec<String>,
        /// Feature flag the app needs (administrators; some apps).
        feature_flag: Option<String>,
        /// Same as `action` (administrators).
        button: Option<String>,
        /// The account's hooks of this app.
        hooks: Vec<IntegrationHook>,
    }
}

model! {
    /// Body of `GET integrations/apps`.
    pub struct IntegrationAppList {
        /// Apps active for the account.
        payload: Vec<IntegrationApp> as items,
    }
}
