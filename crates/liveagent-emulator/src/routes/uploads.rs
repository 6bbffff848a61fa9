//! Account API, endpoints that take a file: `upload` (direct uploads) and `contacts/import`.

use super::World;
use crate::auth::Bots;
use crate::http::{Fail, Reply, Req, Res};
use crate::ops;
use crate::store::Id;
use serde_json::json;

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    match (method, rest) {
        ("POST", ["upload"]) => upload(w, req, account_id),
        ("POST", ["contacts", "import"]) => import_contacts(w, req, account_id),
        _ => Err(Fail::no_route()),
    }
}

/// `UploadController#create`: the file becomes a blob served at its `file_url`.
fn upload(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?;
    if let Some(file) = req.files("attachment").first() {
        let id = w.store.add_blob(file);
        let blob = w.store.blob(id).ok_or_else(Fail::rails_error)?;
        return Ok(Reply::json(json!({
            "file_url": w.store.blob_url(blob),
            "blob_id": blob.signed_id,
        })));
    }
    if req.str("external_url").is_some_and(|u| !u.is_empty()) {
        // The emulator reaches no other host: what the server answers when the fetch fails.
        return Err(Fail::new(
            422,
            json!({"error": "Failed to fetch file from URL"}),
        ));
    }
    Err(Fail::new(422, json!({"error": "No file or URL provided"})))
}

/// `ContactsController#import` (administrators). The server attaches the file to a data
/// import that a job works through; the emulator imports at once: one contact a CSV row, by
/// the `name`, `email`, `phone_number` and `identifier` columns, skipping rows the job would
/// reject (no detail, or a detail another contact has).
fn import_contacts(w: &mut World, req: &Req, account_id: Id) -> Res {
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let Some(file) = req.files("import_file").first().copied().cloned() else {
        return Err(Fail::new(422, json!({"error": "File is blank"})));
    };
    let text = String::from_utf8_lossy(&file.bytes).into_owned();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> = lines.next().map(csv_row).unwrap_or_default();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let (name, email, phone, identifier) = (
        column("name"),
        column("email"),
        column("phone_number"),
        column("identifier"),
    );
    for line in lines {
        let row = csv_row(line);
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.get(i))
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
        };
        let mut draft = ops::blank_contact(account_id);
        draft.name = cell(name).unwrap_or_default();
        draft.email = cell(email).map(|e| e.to_lowercase());
        draft.phone_number = cell(phone);
        draft.identifier = cell(identifier);
        let has_detail =
            draft.email.is_some() || draft.phone_number.is_some() || draft.identifier.is_some();
        if !has_detail || super::contacts::validate(&w.store, &draft).is_err() {
            continue;
        }
        ops::new_contact(w, draft);
    }
    Ok(Reply::ok())
}

/// One CSV line's cells (RFC 4180 quoting: `"a, b"`, `""` for a quote).
fn csv_row(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(cell) = cells.last_mut() {
                    cell.push('"');
                }
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(c);
                }
            }
        }
    }
    cells
}
