//! Account API, the direct-upload handshake: `POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/direct_uploads`.

use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};
use std::collections::BTreeMap;

model! {
    /// Body of `create_direct_upload`: the new blob (ActiveStorage's `Blob#as_json` with
    /// `signed_id`) and where to send its bytes (`DirectUploadsController#direct_upload_json`).
    pub struct DirectUpload {
        /// Blob id.
        id: Id,
        /// Storage key.
        key: String,
        /// File name.
        filename: String,
        /// MIME type.
        content_type: Option<String>,
        /// Metadata given in the request.
        metadata: Option<JsonObject>,
        /// Storage service (`local`, `amazon`, `google`, `microsoft`).
        service_name: String,
        /// Size in bytes.
        byte_size: i64,
        /// Base64 of the MD5 digest.
        checksum: Option<String>,
        /// Creation time.
        created_at: Timestamp as iso,
        /// The id to put in a message's `attachments`.
        signed_id: String,
        /// Where and how to upload the bytes.
        direct_upload: DirectUploadTarget,
    }
}

model! {
    /// Where a direct upload's bytes go: `PUT` them to `url` with exactly these `headers`.
    pub struct DirectUploadTarget {
        /// Upload URL (the server's disk service, or a presigned storage URL), valid for minutes.
        url: String,
        /// Headers the upload must carry (`Content-Type`; on S3 and Azure also `Content-MD5`,
        /// `Content-Disposition`).
        headers: BTreeMap<String, Option<String>>,
    }
}
