//! Direct uploads announced but maybe not yet sent: ActiveStorage blobs made by
//! `create_before_direct_upload!`, whose bytes arrive later by `PUT` to the disk service.

use super::{Id, Json};

/// One announced file. Its blob id and `signed_id` exist from the handshake on (a message may
/// already carry it); the file becomes a [`Blob`](super::Blob) once its bytes arrive.
#[derive(Debug, Clone)]
pub(crate) struct DirectUpload {
    pub blob_id: Id,
    pub signed_id: String,
    /// The disk service's upload token (the last segment of `direct_upload.url`).
    pub token: String,
    /// The storage key.
    pub key: String,
    pub filename: String,
    pub content_type: Option<String>,
    pub byte_size: u64,
    /// Base64 of the MD5 digest the bytes must have.
    pub checksum: String,
    pub metadata: Json,
    pub created_at: f64,
    /// When the upload token stops working (the server's `service_urls_expire_in`, 5 minutes).
    pub expires_at: f64,
}
