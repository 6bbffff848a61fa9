//! `multipart/form-data` encoding for uploads (message attachments, avatars, imports).
//!
//! The boundary is the caller's: the core has no randomness.

use crate::error::{BuildError, BuildErrorKind};
use crate::request::{Part, PartValue};
use crate::upload::Upload;

/// The `content-type` header value for `boundary`.
pub fn content_type(boundary: &str) -> String {
    format!("multipart/form-data; boundary={boundary}")
}

/// Encodes `parts` with `boundary`.
///
/// # Errors
/// [`BuildErrorKind::InvalidParam`] if a part names a file index that `files` lacks, or if the
/// boundary occurs in a text part.
pub fn encode(parts: &[Part], files: &[Upload], boundary: &str) -> Result<Vec<u8>, BuildError> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let name = escape(&part.name);
        match &part.value {
            PartValue::Text(text) => {
                if text.contains(boundary) {
                    return Err(BuildError::new(
                        BuildErrorKind::InvalidParam,
                        "a text part contains the multipart boundary",
                    ));
                }
                out.extend_from_slice(
                    format!("content-disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                );
                out.extend_from_slice(text.as_bytes());
            }
            PartValue::File(index) => {
                let file = files.get(*index).ok_or_else(|| {
                    BuildError::new(
                        BuildErrorKind::InvalidParam,
                        format!("file #{index} was not supplied"),
                    )
                })?;
                out.extend_from_slice(
                    format!(
                        "content-disposition: form-data; name=\"{name}\"; filename=\"{}\"\r\ncontent-type: {}\r\n\r\n",
                        escape(file.filename()),
                        escape(file.content_type()),
                    )
                    .as_bytes(),
                );
                if contains(file.bytes(), boundary.as_bytes()) {
                    return Err(BuildError::new(
                        BuildErrorKind::InvalidParam,
                        format!("file #{index} contains the multipart boundary"),
                    ));
                }
                out.extend_from_slice(file.bytes());
            }
        }
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Ok(out)
}

/// Escapes a header parameter the way browsers do (`"` and line breaks percent-encoded).
fn escape(text: &str) -> String {
    text.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}
