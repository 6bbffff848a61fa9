//! Account API, help center (upstream Chatwoot): `portals` (list, create, update; paths take the
//! portal's slug), and category and article create.

use super::World;
use crate::auth::Bots;
use crate::clock::now;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Article, Category, Id, Json, Portal, normalize_config};
use crate::views::help_center::{article, category, portal};
use serde_json::{Value, json};

/// The keys Rails' params wrapper moves under `portal` (`Portal.attribute_names`).
const PORTAL_KEYS: &[&str] = &[
    "id",
    "account_id",
    "name",
    "slug",
    "custom_domain",
    "color",
    "homepage_link",
    "page_title",
    "header_text",
    "created_at",
    "updated_at",
    "config",
    "archived",
    "channel_web_widget_id",
    "ssl_settings",
];
const CATEGORY_KEYS: &[&str] = &[
    "id",
    "account_id",
    "portal_id",
    "name",
    "description",
    "position",
    "created_at",
    "updated_at",
    "locale",
    "slug",
    "parent_category_id",
    "associated_category_id",
    "icon",
    "icon_color",
];
const ARTICLE_KEYS: &[&str] = &[
    "id",
    "account_id",
    "portal_id",
    "category_id",
    "folder_id",
    "title",
    "description",
    "content",
    "status",
    "views",
    "created_at",
    "updated_at",
    "author_id",
    "associated_article_id",
    "meta",
    "slug",
    "position",
    "locale",
];
/// `PortalsController#portal_params`: the config keys a request may set.
const CONFIG_KEYS: &[&str] = &[
    "default_locale",
    "layout",
    "allowed_locales",
    "draft_locales",
    "social_profiles",
    "locale_translations",
];

fn wrapped(req: &Req, keys: &[&str]) -> bool {
    req.body
        .as_object()
        .is_some_and(|b| b.keys().any(|k| keys.contains(&k.as_str())))
}

/// A string column: `Some(None)` when sent empty or `null`.
fn text(req: &Req, key: &str) -> Option<Option<String>> {
    req.body.get(key).map(|v| {
        v.as_str()
            .map(str::to_owned)
            .or_else(|| v.as_i64().map(|n| n.to_string()))
    })
}

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    let scope = w.scope(req, account_id, Bots::Denied)?;
    match (method, rest) {
        ("GET", ["portals"]) => {
            let list: Vec<Value> = w
                .store
                .help_center
                .portals
                .iter()
                .filter(|p| p.account_id == account_id)
                .map(|p| portal(&w.store, p, scope.is_admin()))
                .collect();
            let page = req.param("page").unwrap_or(json!(1));
            Ok(Reply::json(json!({
                "payload": list,
                "meta": { "current_page": page, "portals_count": list.len() },
            })))
        }
        ("POST", ["portals"]) => {
            scope.require_admin()?;
            save_portal(w, req, account_id, None)
        }
        ("PATCH" | "PUT", ["portals", slug]) => {
            // `fetch_portal` uses `find_by` (nil when unknown), then the policy runs.
            let found = w
                .store
                .help_center
                .portal_by_slug(account_id, slug)
                .map(|p| p.id);
            scope.require_admin()?;
            // The server then calls `update!` on nil: an unhandled NoMethodError.
            let id = found.ok_or_else(Fail::rails_error)?;
            save_portal(w, req, account_id, Some(id))
        }
        ("POST", ["portals", slug, "categories"]) => {
            let portal_id = find_portal(w, account_id, slug)?;
            scope.require_admin()?;
            create_category(w, req, account_id, portal_id)
        }
        ("POST", ["portals", slug, "articles"]) => {
            let portal_id = find_portal(w, account_id, slug)?;
            scope.require_admin()?;
            create_article(w, req, account_id, portal_id)
        }
        _ => Err(Fail::no_route()),
    }
}

/// `find_by!(slug:)`: 404 when unknown.
fn find_portal(w: &World, account_id: Id, slug: &str) -> Result<Id, Fail> {
    w.store
        .help_center
        .portal_by_slug(account_id, slug)
        .map(|p| p.id)
        .ok_or_else(Fail::not_found)
}

fn save_portal(w: &mut World, req: &Req, account_id: Id, id: Option<Id>) -> Res {
    let creating = id.is_none();
    let present = wrapped(req, PORTAL_KEYS);
    if creating && !present {
        return Err(Fail::missing("portal"));
    }
    let mut p = match id {
        Some(id) => w
            .store
            .help_center
            .portal(id)
            .cloned()
            .ok_or_else(Fail::not_found)?,
        None => Portal {
            id: 0,
            account_id,
            name: String::new(),
            slug: String::new(),
            custom_domain: None,
            color: None,
            homepage_link: None,
            page_title: None,
            header_text: None,
            archived: false,
            config: json!({ "allowed_locales": ["en"] })
                .as_object()
                .cloned()
                .unwrap_or_default(),
            inbox_id: None,
            logo: None,
        },
    };
    // `update` changes the portal only when portal params came (`params[:portal].present?`).
    if present {
        apply_portal_params(w, req, &mut p)?;
        let nonblank = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
        p.custom_domain = nonblank(&p.custom_domain);
        p.homepage_link = nonblank(&p.homepage_link);
        if creating && let Some(domain) = p.custom_domain.clone() {
            // `parsed_custom_domain`: a URL becomes its host.
            for scheme in ["http://", "https://"] {
                if let Some(rest) = domain.strip_prefix(scheme) {
                    p.custom_domain =
                        Some(rest.split(['/', ':', '?']).next().unwrap_or("").to_owned());
                }
            }
        }
        validate_portal(w, &p)?;
    }
    if creating {
        p.id = w.store.id();
    }
    if let Some(signed) = req.str("blob_id")
        && let Some(blob) = w
            .store
            .blobs
            .iter()
            .find(|b| b.signed_id == signed)
            .map(|b| b.id)
    {
        let attachment = w.store.id();
        p.logo = Some((attachment, blob));
    }
    let hc = &mut w.store.help_center;
    match hc.portals.iter_mut().find(|o| o.id == p.id) {
        Some(existing) => *existing = p.clone(),
        None => hc.portals.push(p.clone()),
    }
    Ok(Reply::json(portal(&w.store, &p, true)))
}

fn apply_portal_params(w: &World, req: &Req, p: &mut Portal) -> Result<(), Fail> {
    if let Some(v) = text(req, "name") {
        p.name = v.unwrap_or_default();
    }
    if let Some(v) = text(req, "slug") {
        p.slug = v.unwrap_or_default();
    }
    for (key, field) in [
        ("custom_domain", &mut p.custom_domain),
        ("color", &mut p.color),
        ("homepage_link", &mut p.homepage_link),
        ("page_title", &mut p.page_title),
        ("header_text", &mut p.header_text),
    ] {
        if let Some(v) = text(req, key) {
            *field = v;
        }
    }
    if let Some(b) = req.bool("archived") {
        p.archived = b;
    }
    let given: Option<Json> = req.object("config").map(|c| {
        c.into_iter()
            .filter(|(k, _)| CONFIG_KEYS.contains(&k.as_str()))
            .collect()
    });
    p.config = normalize_config(&p.config, given.as_ref());
    // `live_chat_widget_params`: a web-widget inbox links, others are ignored, blank unlinks.
    if let Some(v) = req.body.get("inbox_id") {
        match req.id("inbox_id") {
            None if v.is_null() || v.as_str() == Some("") => p.inbox_id = None,
            None => return Err(Fail::not_found()),
            Some(inbox_id) => {
                let inbox = w
                    .store
                    .inbox(inbox_id)
                    .filter(|i| i.account_id == p.account_id)
                    .ok_or_else(Fail::not_found)?;
                if inbox.channel.type_name() == "Channel::WebWidget" {
                    p.inbox_id = Some(inbox.id);
                }
            }
        }
    }
    Ok(())
}

/// `Portal` validations, in the model's order.
fn validate_portal(w: &World, p: &Portal) -> Result<(), Fail> {
    let mut messages: Vec<&str> = Vec::new();
    let mut attributes: Vec<&str> = Vec::new();
    let mut add = |m: &'static str, a: &'static str| {
        messages.push(m);
        if !attributes.contains(&a) {
            attributes.push(a);
        }
    };
    let others = || w.store.help_center.portals.iter().filter(|o| o.id != p.id);
    if p.name.trim().is_empty() {
        add("Name can't be blank", "name");
    }
    if p.slug.trim().is_empty() {
        add("Slug can't be blank", "slug");
    } else if others().any(|o| o.slug == p.slug) {
        add("Slug has already been taken", "slug");
    }
    if p.custom_domain.is_some() && others().any(|o| o.custom_domain == p.custom_domain) {
        add("Custom domain has already been taken", "custom_domain");
    }
    if let Some(color) = p.color.as_deref().filter(|c| !c.is_empty()) {
        let hex = color.strip_prefix('#').unwrap_or("");
        let valid = color.starts_with('#')
            && matches!(hex.len(), 3 | 6)
            && hex.chars().all(|c| c.is_ascii_hexdigit());
        if !valid {
            add("Color is invalid", "color");
        }
    }
    if p.draft_locales().contains(&p.default_locale()) {
        add("Config default locale cannot be drafted.", "config");
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(Fail::invalid(&messages.join(", "), &attributes))
    }
}

fn create_category(w: &mut World, req: &Req, account_id: Id, portal_id: Id) -> Res {
    if !wrapped(req, CATEGORY_KEYS) {
        return Err(Fail::missing("category"));
    }
    let c = Category {
        id: 0,
        account_id,
        portal_id,
        name: text(req, "name").flatten(),
        slug: text(req, "slug").flatten().unwrap_or_default(),
        locale: text(req, "locale").flatten().unwrap_or_else(|| "en".into()),
        description: text(req, "description").flatten(),
        position: req.int("position"),
        icon: text(req, "icon").flatten().unwrap_or_default(),
        icon_color: text(req, "icon_color").flatten().unwrap_or_default(),
        parent_category_id: req.id("parent_category_id"),
        associated_category_id: req.id("associated_category_id"),
    };
    let hc = &w.store.help_center;
    let mut messages: Vec<String> = Vec::new();
    let mut attributes: Vec<&str> = Vec::new();
    if c.slug.trim().is_empty() {
        messages.push("Slug can't be blank".into());
        attributes.push("slug");
    }
    if c.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        messages.push("Name can't be blank".into());
        attributes.push("name");
    }
    let allowed = hc
        .portal(portal_id)
        .map(Portal::allowed_locales)
        .unwrap_or_default();
    if !allowed.contains(&c.locale) {
        // Ruby's `Array#to_s`.
        let list = allowed
            .iter()
            .map(|l| format!("\"{l}\""))
            .collect::<Vec<_>>()
            .join(", ");
        messages.push(format!(
            "Locale {} of category is not part of portal's [{list}].",
            c.locale
        ));
        attributes.push("locale");
    }
    if hc
        .categories_of(portal_id)
        .any(|o| o.slug == c.slug && o.locale == c.locale)
    {
        messages.push("Locale should be unique in the category and portal".into());
        if !attributes.contains(&"locale") {
            attributes.push("locale");
        }
    }
    if !messages.is_empty() {
        return Err(Fail::invalid(&messages.join(", "), &attributes));
    }
    let c = Category {
        id: w.store.id(),
        ..c
    };
    w.store.help_center.categories.push(c.clone());
    Ok(Reply::json(json!({ "payload": category(&w.store, &c) })))
}

/// `Article.statuses`: a name or its integer.
fn status(value: Option<&Value>) -> Result<&'static str, Fail> {
    match value {
        None | Some(Value::Null) => Ok("draft"),
        Some(v) => match (v.as_str(), v.as_i64()) {
            (Some("draft"), _) | (_, Some(0)) => Ok("draft"),
            (Some("published"), _) | (_, Some(1)) => Ok("published"),
            (Some("archived"), _) | (_, Some(2)) => Ok("archived"),
            // `ArgumentError: '…' is not a valid status`, unhandled.
            _ => Err(Fail::rails_error()),
        },
    }
}

/// `Article#ensure_article_slug`: `"<epoch>-<title parameterized>"`.
fn article_slug(title: &str, at: f64) -> String {
    let mut slug = String::new();
    for ch in title.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    format!("{}-{}", at.floor() as i64, slug.trim_end_matches('-'))
}

fn create_article(w: &mut World, req: &Req, account_id: Id, portal_id: Id) -> Res {
    if !wrapped(req, ARTICLE_KEYS) {
        return Err(Fail::missing("article"));
    }
    let at = now();
    let hc = &w.store.help_center;
    let title = text(req, "title").flatten().filter(|t| !t.is_empty());
    let category_id = req.id("category_id");
    let category_locale = category_id
        .and_then(|id| hc.category(id))
        .map(|c| c.locale.clone());
    let portal_locale = hc
        .portal(portal_id)
        .map(Portal::default_locale)
        .unwrap_or_else(|| "en".into());
    let mut a = Article {
        id: 0,
        account_id,
        portal_id,
        category_id,
        title: title.clone(),
        slug: text(req, "slug")
            .flatten()
            .or_else(|| title.as_deref().map(|t| article_slug(t, at)))
            .unwrap_or_default(),
        content: text(req, "content").flatten(),
        description: text(req, "description").flatten(),
        status: status(req.body.get("status"))?,
        position: req.int("position"),
        locale: category_locale
            .or_else(|| text(req, "locale").flatten().filter(|l| !l.is_empty()))
            .unwrap_or(portal_locale),
        author_id: req.id("author_id").unwrap_or(0),
        associated_article_id: None,
        meta: req.object("meta").unwrap_or_default(),
        views: None,
        updated_at: at,
    };
    let mut messages: Vec<&str> = Vec::new();
    let mut attributes: Vec<&str> = Vec::new();
    if w.store.user(a.author_id).is_none() {
        messages.push("Author must exist");
        attributes.push("author");
    }
    if req.id("author_id").is_none() {
        messages.push("Author can't be blank");
        attributes.push("author_id");
    }
    if a.title.is_none() {
        messages.push("Title can't be blank");
        attributes.push("title");
    }
    if a.status == "published" && a.content.as_deref().is_none_or(|c| c.trim().is_empty()) {
        messages.push("Content can't be blank");
        attributes.push("content");
    }
    if ["search", "articles", "categories"].contains(&a.slug.as_str()) {
        messages.push("Slug is reserved");
        attributes.push("slug");
    }
    if !messages.is_empty() {
        return Err(Fail::invalid(&messages.join(", "), &attributes));
    }
    if hc.articles.iter().any(|o| o.slug == a.slug) {
        // The unique index on `slug`: `ActiveRecord::RecordNotUnique`, unhandled.
        return Err(Fail::rails_error());
    }
    if a.position.is_none() {
        // `update_article_position_in_category`: 10 after the category's last.
        let last = hc
            .articles
            .iter()
            .filter(|o| o.category_id == a.category_id && o.account_id == account_id)
            .filter_map(|o| o.position)
            .max();
        a.position = Some(last.map_or(10, |p| p + 10));
    }
    a.id = w.store.id();
    w.store.help_center.articles.push(a.clone());
    // `associate_root_article`, after the article is saved: an unknown id is a 404 then.
    if let Some(linked) = req.id("associated_article_id") {
        let root = w
            .store
            .help_center
            .articles_of(portal_id)
            .find(|o| o.id == linked)
            .map(|o| o.associated_article_id.unwrap_or(o.id))
            .ok_or_else(Fail::not_found)?;
        if let Some(saved) = w
            .store
            .help_center
            .articles
            .iter_mut()
            .find(|o| o.id == a.id)
        {
            saved.associated_article_id = Some(root);
            a.associated_article_id = Some(root);
        }
    }
    Ok(Reply::json(
        json!({ "payload": article(&w.store, &a, true) }),
    ))
}
