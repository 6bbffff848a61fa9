//! Account API, endpoints that exist to take a file: `POST /api/v1/accounts/{account_id}/upload`,
//! `POST .../contacts/import` and the direct-upload handshake
//! `POST .../conversations/{conversation_id}/direct_uploads`. (Attachments and avatars are
//! fields of their resources' params.)

use crate::schema::JsonObject;
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

params! {
    /// The file a direct upload announces (ActiveStorage's `blob` params).
    pub struct DirectUploadBlob {
        /// File name.
        body filename: String,
        /// Size in bytes; the upload must send exactly this many.
        body byte_size: i64,
        /// Base64 of the file's MD5 digest; storage refuses bytes that do not match.
        body checksum: String,
        /// MIME type; the upload must send it as its `Content-Type`.
        body content_type: Option<String>,
        /// Free-form metadata kept on the blob (`identified`, `analyzed`, `composed` are dropped).
        body metadata: Option<JsonObject>,
    }
}

params! {
    /// `POST conversations/{conversation_id}/direct_uploads`: announce a file, get a `signed_id`
    /// and a URL to `PUT` the bytes to (with the given headers), then send a message whose
    /// `attachments` hold the `signed_id`. Answers 204 with no body when the conversation does
    /// not exist.
    pub struct CreateDirectUploadParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Display id.
        path conversation_id: Id,
        /// The file's name, size, checksum and type.
        body blob: DirectUploadBlob,
    }
}
