//! Account API, canned responses and custom attribute definitions.

use crate::models::{AttributeDisplayType, AttributeModel};
use crate::types::Id;

params! {
    /// `GET canned_responses`.
    pub struct ListCannedResponsesParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Only those whose short code or content contains this, best matches first.
        query search: Option<String>,
    }
}

params! {
    /// `POST canned_responses`.
    pub struct CreateCannedResponseParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Shortcut (unique per account).
        body short_code: String,
        /// Text.
        body content: String,
    }
}

params! {
    /// `PATCH canned_responses/{canned_response_id}`.
    pub struct UpdateCannedResponseParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Canned response id.
        path canned_response_id: Id,
        /// Shortcut.
        body short_code: Option<String>,
        /// Text.
        body content: Option<String>,
    }
}

params! {
    /// `DELETE canned_responses/{canned_response_id}`.
    pub struct DeleteCannedResponseParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Canned response id.
        path canned_response_id: Id,
    }
}

params! {
    /// `GET custom_attribute_definitions`.
    pub struct ListCustomAttributeDefinitionsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Only this model's attributes (default: all).
        query attribute_model: Option<AttributeModel>,
    }
}

params! {
    /// `POST custom_attribute_definitions` (administrators).
    pub struct CreateCustomAttributeDefinitionParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Label.
        body attribute_display_name: String,
        /// Key in `custom_attributes` (letters, digits, `_`, `.`, `-`).
        body attribute_key: String,
        /// Display type (default `text`).
        body attribute_display_type: Option<AttributeDisplayType>,
        /// What it belongs to (default `conversation_attribute`).
        body attribute_model: Option<AttributeModel>,
        /// Description.
        body attribute_description: Option<String>,
        /// Validation pattern.
        body regex_pattern: Option<String>,
        /// Hint shown when the pattern fails.
        body regex_cue: Option<String>,
        /// Options of a `list` attribute.
        body attribute_values: Option<Vec<String>>,
    }
}

params! {
    /// `GET custom_attribute_definitions/{attribute_id}`.
    pub struct GetCustomAttributeDefinitionParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Definition id.
        path attribute_id: Id,
    }
}

params! {
    /// `PATCH custom_attribute_definitions/{attribute_id}` (administrators).
    pub struct UpdateCustomAttributeDefinitionParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Definition id.
        path attribute_id: Id,
        /// Label.
        body attribute_display_name: Option<String>,
        /// Key.
        body attribute_key: Option<String>,
        /// Display type.
        body attribute_display_type: Option<AttributeDisplayType>,
        /// Description.
        body attribute_description: Option<String>,
        /// Validation pattern.
        body regex_pattern: Option<String>,
        /// Hint shown when the pattern fails.
        body regex_cue: Option<String>,
        /// Options of a `list` attribute.
        body attribute_values: Option<Vec<String>>,
    }
}

params! {
    /// `DELETE custom_attribute_definitions/{attribute_id}` (administrators).
    pub struct DeleteCustomAttributeDefinitionParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Definition id.
        path attribute_id: Id,
    }
}
