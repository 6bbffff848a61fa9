//! Account API, endpoints that exist to take a file: `POST /api/v1/accounts/{account_id}/upload`
//! and `POST .../contacts/import`. (Attachments and avatars are fields of their resources' params.)

use crate::types::Id;
use crate::upload::Upload;

params! {
    /// `POST upload`: stores a file (or fetches `external_url`) and returns its URL and blob id,
    /// for use in rich content. The server allows 60 uploads an hour.
    pub struct UploadFileParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The file (multipart). Give this or `external_url`.
        body attachment: Option<Upload>,
        /// A public URL for the server to fetch instead of a file.
        body external_url: Option<String>,
    }
}

params! {
    /// `POST contacts/import` (administrators): a CSV of contacts (`name`, `email`,
    /// `phone_number`, `identifier`, ... columns), imported in the background.
    pub struct ImportContactsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The CSV file.
        body import_file: Upload,
    }
}
