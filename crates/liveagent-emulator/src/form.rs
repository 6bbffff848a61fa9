//! `multipart/form-data` bodies as Rails reads them: `profile[name]` and `attachments[]` nest into
//! the params, and each file becomes `{"$upload": n}` there, its bytes kept aside in
//! [`Req::uploads`](crate::http::Req). Parsing is `multer`'s.

use bytes::Bytes;
use serde_json::{Map, Value, json};

/// A file of a multipart request.
#[derive(Debug, Clone)]
pub(crate) struct UploadedFile {
    pub filename: String,
    pub content_type: String,
    pub bytes: Bytes,
}

/// The key that marks a file in the params.
pub(crate) const UPLOAD_KEY: &str = "$upload";

/// The boundary of a `multipart/form-data` content type, if it is one.
pub(crate) fn boundary(content_type: &str) -> Option<String> {
    multer::parse_boundary(content_type).ok()
}

/// The params and files of a multipart body, or why it is not one.
pub(crate) async fn parse(
    body: Bytes,
    boundary: String,
) -> Result<(Value, Vec<UploadedFile>), String> {
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut params = Value::Object(Map::new());
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|e| e.to_string())? {
        let name = field.name().unwrap_or_default().to_owned();
        let value = match field.file_name() {
            Some(filename) => {
                let filename = filename.to_owned();
                let content_type = field
                    .content_type()
                    .map_or("application/octet-stream".to_owned(), ToString::to_string);
                let bytes = field.bytes().await.map_err(|e| e.to_string())?;
                files.push(UploadedFile {
                    filename,
                    content_type,
                    bytes,
                });
                json!({ UPLOAD_KEY: files.len() - 1 })
            }
            None => {
                let text = field.text().await.map_err(|e| e.to_string())?;
                // Structured values travel as JSON text parts (the SDK and Chatwoot's own
                // dashboard send `content_attributes` so); the builders parse them.
                match text.trim_start().as_bytes().first() {
                    Some(b'{' | b'[') => serde_json::from_str(&text).unwrap_or(Value::String(text)),
                    _ => Value::String(text),
                }
            }
        };
        insert(&mut params, &name, value);
    }
    Ok((params, files))
}

/// Puts `value` at the Rails key `name` (`a[b][]`: `a` → `b` → appended to an array).
fn insert(params: &mut Value, name: &str, value: Value) {
    let (head, rest) = name.split_once('[').unwrap_or((name, ""));
    let mut keys: Vec<&str> = vec![head];
    keys.extend(rest.split('[').map(|k| k.trim_end_matches(']')));
    if rest.is_empty() {
        keys.truncate(1);
    }
    let mut at = params;
    for (i, key) in keys.iter().enumerate() {
        let last = i + 1 == keys.len();
        if key.is_empty() {
            if !at.is_array() {
                *at = Value::Array(Vec::new());
            }
            let Value::Array(items) = at else { return };
            if last {
                items.push(value);
                return;
            }
            items.push(Value::Object(Map::new()));
            let Some(next) = items.last_mut() else { return };
            at = next;
            continue;
        }
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        let Value::Object(map) = at else { return };
        if last {
            map.insert((*key).to_owned(), value);
            return;
        }
        at = map.entry((*key).to_owned()).or_insert(Value::Null);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rails_keys_nest() {
        let mut params = Value::Object(Map::new());
        insert(&mut params, "content", json!("hi"));
        insert(&mut params, "attachments[]", json!({UPLOAD_KEY: 0}));
        insert(&mut params, "attachments[]", json!({UPLOAD_KEY: 1}));
        insert(&mut params, "profile[avatar]", json!({UPLOAD_KEY: 2}));
        insert(&mut params, "profile[name]", json!("Ada"));
        assert_eq!(
            params,
            json!({
                "content": "hi",
                "attachments": [{UPLOAD_KEY: 0}, {UPLOAD_KEY: 1}],
                "profile": {"avatar": {UPLOAD_KEY: 2}, "name": "Ada"},
            })
        );
    }
}
