//! Account API, the direct-upload handshake: `POST .../conversations/{conversation_id}/direct_uploads`,
//! the disk service's `PUT /rails/active_storage/disk/{token}` that takes the bytes, and the
//! signed ids a message's `attachments` may carry instead of files.

use super::World;
use crate::clock::{iso, now};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Blob, DirectUpload, Id, Store, token};
use base64::Engine as _;
use md5::{Digest as _, Md5};
use serde_json::{Map, Value, json};

/// The disk service's path, before the upload token.
pub(crate) const DISK_PATH: &str = "/rails/active_storage/disk/";

/// How long an upload URL works (`ActiveStorage.service_urls_expire_in`).
const URL_LIFETIME: f64 = 300.0;

/// Metadata keys ActiveStorage sets itself; `config/initializers/active_storage.rb` drops them.
const INTERNAL_METADATA_KEYS: [&str; 3] = ["identified", "analyzed", "composed"];

/// `rest` is the path after `conversations/`.
pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("POST", [id, "direct_uploads"]) => create(w, req, account_id, id),
        _ => Err(Fail::no_route()),
    }
}

/// `Conversations::DirectUploadsController#create`. It derives from ActiveStorage's
/// controller, not the API's base controller: no token is checked (`current_user` is Devise's
/// session user, absent for API calls), `Account.find` and a suspended account are the only
/// gates, and an unknown conversation renders nothing (204). Errors are Rails' own: a missing
/// `blob` is 400, a missing required key 500 (`ArgumentError`), a blank checksum 422.
fn create(w: &mut World, req: &Req, account_id: Id, display_id: &str) -> Res {
    let account = w
        .store
        .account(account_id)
        .ok_or_else(Fail::rails_not_found)?;
    if account.status == "suspended" {
        return Err(Fail::error(401, "Account is suspended"));
    }
    let conversation = display_id
        .parse::<Id>()
        .ok()
        .and_then(|d| w.store.conversations.position_by_display_id(account_id, d));
    if conversation.is_none() {
        return Ok(Reply::no_content());
    }
    announce(w, req)
}

/// `ActiveStorage::DirectUploadsController#create` once the caller is let in: the blob
/// announced, with its upload URL.
pub(crate) fn announce(w: &mut World, req: &Req) -> Res {
    let Some(blob) = req.object("blob") else {
        return Err(Fail::new(
            400,
            json!({"status": 400, "error": "Bad Request"}),
        ));
    };
    let text = |key: &str| match blob.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let (Some(filename), Some(byte_size), Some(checksum)) =
        (text("filename"), text("byte_size"), text("checksum"))
    else {
        return Err(Fail::rails_error());
    };
    let byte_size: u64 = match byte_size.trim().parse() {
        Ok(n) if !checksum.trim().is_empty() => n,
        _ => return Err(unprocessable()),
    };
    let mut metadata = match blob.get("metadata") {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    };
    for key in INTERNAL_METADATA_KEYS {
        metadata.remove(key);
    }
    let blob_id = w.store.id();
    let t = now();
    let upload = DirectUpload {
        blob_id,
        signed_id: format!("blob{blob_id}-{}", token(12)),
        token: token(32),
        key: token(28).to_lowercase(),
        filename,
        content_type: text("content_type").filter(|c| !c.is_empty()),
        byte_size,
        checksum,
        metadata,
        created_at: t,
        expires_at: t + URL_LIFETIME,
    };
    let body = direct_upload_json(&w.store, &upload);
    w.store.direct_uploads.push(upload);
    Ok(Reply::json(body))
}

/// `DirectUploadsController#direct_upload_json`: `Blob#as_json` with `signed_id`, and the disk
/// service's upload URL and headers.
fn direct_upload_json(store: &Store, u: &DirectUpload) -> Value {
    json!({
        "id": u.blob_id,
        "key": u.key,
        "filename": u.filename,
        "content_type": u.content_type,
        "metadata": u.metadata,
        "service_name": "local",
        "byte_size": u.byte_size,
        "checksum": u.checksum,
        "created_at": iso(Some(u.created_at)),
        "signed_id": u.signed_id,
        "direct_upload": {
            "url": format!("{}{DISK_PATH}{}", store.base_url, u.token),
            "headers": { "Content-Type": u.content_type },
        },
    })
}

/// Rails' own 422 (`ActiveRecord::RecordInvalid` outside the API's error handling).
fn unprocessable() -> Fail {
    Fail::new(422, json!({"status": 422, "error": "Unprocessable Entity"}))
}

/// `ActiveStorage::DiskController#update`: the status of a `PUT` of a direct upload's bytes.
/// An unknown or expired token is 404; a `Content-Type` or length other than announced, or
/// bytes whose MD5 is not the checksum, 422 (nothing stored); stored, 204. The blob is then
/// served at its URL, and messages that carry its signed id show it.
pub(crate) fn disk_put(
    store: &mut Store,
    method: &str,
    upload_token: &str,
    content_type: Option<&str>,
    bytes: &bytes::Bytes,
) -> u16 {
    let Some(u) = store
        .direct_uploads
        .iter()
        .find(|u| u.token == upload_token && method == "PUT" && now() < u.expires_at)
    else {
        return 404;
    };
    let media_type = |c: &str| {
        c.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_lowercase()
    };
    let type_matches = u.content_type.as_deref().map(media_type) == content_type.map(media_type);
    if !type_matches || bytes.len() as u64 != u.byte_size {
        return 422;
    }
    if checksum(bytes) != u.checksum {
        return 422;
    }
    let blob = Blob {
        id: u.blob_id,
        signed_id: u.signed_id.clone(),
        filename: u.filename.clone(),
        content_type: u
            .content_type
            .clone()
            .unwrap_or_else(|| "application/octet-stream".into()),
        bytes: bytes.clone(),
    };
    match store.blobs.iter_mut().find(|b| b.id == blob.id) {
        Some(existing) => *existing = blob,
        None => store.blobs.push(blob),
    }
    204
}

/// ActiveStorage's checksum: the MD5 digest in base64. (MD5 because that is what the server
/// compares; the `md-5` crate, since no MD5 is in the standard library.)
pub(crate) fn checksum(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(bytes))
}

/// The blobs a message's `attachments` name by signed id (`MessageBuilder#process_attachments`
/// takes strings as signed ids): an uploaded file, or a direct upload whose bytes may still be
/// coming. A signed id the server cannot verify is an unrescued error there (500).
pub(crate) fn signed_attachments(store: &Store, req: &Req) -> Result<Vec<Id>, Fail> {
    signed_blobs(store, req.body.get("attachments"))
}

/// The blobs the signed ids among `attachments` name (files there are left out).
pub(crate) fn signed_blobs(store: &Store, attachments: Option<&Value>) -> Result<Vec<Id>, Fail> {
    let items = match attachments {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(item) => vec![item],
        None => Vec::new(),
    };
    items
        .into_iter()
        .filter_map(Value::as_str)
        .map(|signed_id| {
            store
                .blobs
                .iter()
                .find(|b| b.signed_id == signed_id)
                .map(|b| b.id)
                .or_else(|| {
                    store
                        .direct_uploads
                        .iter()
                        .find(|u| u.signed_id == signed_id)
                        .map(|u| u.blob_id)
                })
                .ok_or_else(Fail::rails_error)
        })
        .collect()
}
