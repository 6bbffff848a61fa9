//! Account API, canned responses and custom attribute definitions.

use crate::types::{Id, Timestamp};

model! {
    /// A canned response (the raw record).
    pub struct CannedResponse {
        /// Id.
        id: Id,
        /// Account.
        account_id: Id,
        /// Shortcut (unique per account).
        short_code: String,
        /// Text.
        content: String,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
    }
}

open_enum! {
    /// How a custom attribute is shown and validated.
    pub enum AttributeDisplayType {
        /// Text.
        Text = "text" (0),
        /// Number.
        Number = "number" (1),
        /// Currency.
        Currency = "currency" (2),
        /// Percent.
        Percent = "percent" (3),
        /// Link.
        Link = "link" (4),
        /// Date.
        Date = "date" (5),
        /// One of `attribute_values`.
        List = "list" (6),
        /// Checkbox.
        Checkbox = "checkbox" (7),
    }
}

open_enum! {
    /// What a custom attribute belongs to.
    pub enum AttributeModel {
        /// Conversations.
        ConversationAttribute = "conversation_attribute" (0),
        /// Contacts.
        ContactAttribute = "contact_attribute" (1),
        /// Companies.
        CompanyAttribute = "company_attribute" (2),
    }
}

model! {
    /// A custom attribute definition (`_custom_attribute_definition.json.jbuilder`).
    pub struct CustomAttributeDefinition {
        /// Id.
        id: Id,
        /// Label.
        attribute_display_name: String,
        /// Display type.
        attribute_display_type: AttributeDisplayType,
        /// Description.
        attribute_description: Option<String>,
        /// Key in `custom_attributes`.
        attribute_key: String,
        /// Validation pattern.
        regex_pattern: Option<String>,
        /// Hint shown when the pattern fails.
        regex_cue: Option<String>,
        /// Options of a `list` attribute.
        attribute_values: Vec<String>,
        /// What it belongs to.
        attribute_model: AttributeModel,
        /// Default value (not settable through the API).
        default_value: Option<serde_json::Value>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// Last update.
        updated_at: Timestamp as iso,
    }
}

model! {
    /// Body of `POST upload` (`UploadController#render_success`).
    pub struct UploadedFile {
        /// Where the file is served (a redirect to storage).
        file_url: String,
        /// The blob's signed id, for attaching it elsewhere.
        blob_id: String,
    }
}
