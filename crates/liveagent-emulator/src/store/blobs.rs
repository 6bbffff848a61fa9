//! Stored files (ActiveStorage blobs): attachments, direct uploads. Served back at
//! `/rails/active_storage/blobs/redirect/{signed_id}/{filename}`, as the server's `data_url`s are.

use super::Id;
use bytes::Bytes;

/// One stored file.
#[derive(Debug, Clone)]
pub(crate) struct Blob {
    pub id: Id,
    /// The id the URLs carry (the server's `signed_id`).
    pub signed_id: String,
    pub filename: String,
    pub content_type: String,
    pub bytes: Bytes,
}

impl Blob {
    /// The blob's path on the emulator.
    pub(crate) fn path(&self) -> String {
        format!(
            "/rails/active_storage/blobs/redirect/{}/{}",
            self.signed_id,
            crate::http::encode_component(&self.filename)
        )
    }

    /// The file name's extension, without the dot.
    pub(crate) fn extension(&self) -> Option<&str> {
        self.filename.rsplit_once('.').map(|(_, ext)| ext)
    }

    /// Chatwoot's `file_type` for the content type (`helpers.file_type`).
    pub(crate) fn file_type(&self) -> &'static str {
        match self.content_type.split('/').next() {
            Some("image") => "image",
            Some("video") => "video",
            Some("audio") => "audio",
            _ => "file",
        }
    }
}
