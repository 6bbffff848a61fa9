//! Files to upload, every API family: message attachments, avatars, CSV imports, `upload`.
//!
//! A file travels beside the params, not inside their JSON: a params field of
//! [`Shape::File`](crate::schema::Shape::File) holds `{"$file": n}`, the index of the file in the
//! call's file list ([`Call::attach`](crate::Call::attach)), and the body becomes
//! `multipart/form-data` with the bytes as they are. JS callers pass a `Blob`, `File`,
//! `ArrayBuffer`, typed array or `Buffer` where the param goes; the shared JS layer swaps it for
//! the marker and hands the bytes over in a binary channel.
//!
//! A file already stored (a direct upload's `signed_id`) goes as that string instead
//! ([`Upload::signed_id`]; in JS, the string itself), which Rails attaches as it is.

use crate::schema::{IsAbsent, Schema, Shape};
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

/// The MIME type of a file whose caller named none.
pub const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

/// The file name of a file whose caller named none.
pub const DEFAULT_FILENAME: &str = "file";

/// A file to upload: its name, its MIME type and its bytes (shared: cloning copies no bytes);
/// or a file the server stores already, by its signed id.
#[derive(Clone, PartialEq, Eq)]
pub struct Upload {
    filename: String,
    content_type: String,
    bytes: Arc<[u8]>,
    /// A stored blob's signed id, sent instead of bytes.
    signed_id: Option<String>,
}

impl Upload {
    /// A file named `filename` of MIME type `content_type` (empty: `application/octet-stream`).
    pub fn new(
        filename: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<Arc<[u8]>>,
    ) -> Upload {
        let filename = filename.into();
        let content_type = content_type.into();
        Upload {
            filename: if filename.is_empty() {
                DEFAULT_FILENAME.to_owned()
            } else {
                filename
            },
            content_type: if content_type.is_empty() {
                DEFAULT_CONTENT_TYPE.to_owned()
            } else {
                content_type
            },
            bytes: bytes.into(),
            signed_id: None,
        }
    }

    /// A file the server stores already: a direct upload's `signed_id`
    /// (`create_direct_upload`), attached without sending its bytes again.
    pub fn signed_id(signed_id: impl Into<String>) -> Upload {
        Upload {
            filename: String::new(),
            content_type: String::new(),
            bytes: Arc::from(Vec::new()),
            signed_id: Some(signed_id.into()),
        }
    }

    /// The signed id of a stored file, if this is one.
    pub fn stored(&self) -> Option<&str> {
        self.signed_id.as_deref()
    }

    /// The file name sent to the server.
    pub fn filename(&self) -> &str {
        &self.filename
    }

    /// The MIME type sent to the server.
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// The contents.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Name, type and size only: a file's contents never reach a log.
impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(id) = &self.signed_id {
            return f.debug_tuple("Upload::signed_id").field(id).finish();
        }
        f.debug_struct("Upload")
            .field("filename", &self.filename)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl Schema for Upload {
    const SHAPE: &'static Shape = &Shape::File;
}

impl IsAbsent for Upload {}

thread_local! {
    /// The files met while params serialize inside [`collect`].
    static COLLECTED: RefCell<Option<Vec<Upload>>> = const { RefCell::new(None) };
}

/// Runs `serialize` (which turns params into JSON) and returns its result with the files it
/// met, in the order of their `{"$file": n}` markers.
pub fn collect<R>(serialize: impl FnOnce() -> R) -> (R, Vec<Upload>) {
    let outer = COLLECTED.with(|c| c.replace(Some(Vec::new())));
    let result = serialize();
    let files = COLLECTED.with(|c| c.replace(outer)).unwrap_or_default();
    (result, files)
}

/// Serializes as the marker `{"$file": n}`, keeping the file aside (a signed id as its string); outside [`collect`] there
/// is nowhere to keep it, which is an error rather than a silently empty upload.
impl serde::Serialize for Upload {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let Some(id) = &self.signed_id {
            return serializer.serialize_str(id);
        }
        let index = COLLECTED.with(|c| {
            c.borrow_mut().as_mut().map(|files| {
                files.push(self.clone());
                files.len() - 1
            })
        });
        let Some(index) = index else {
            return Err(serde::ser::Error::custom(
                "an Upload serializes only while a client sends it (liveagent_core::upload::collect)",
            ));
        };
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(crate::normalize::FILE_KEY, &index)?;
        map.end()
    }
}
