//! Help center: portals, categories and articles (upstream Chatwoot).

use super::object;
use crate::clock::epoch;
use crate::store::{Article, Category, Id, Portal, Store};
use crate::views::inboxes::inbox;
use crate::views::people::agent;
use serde_json::{Value, json};

/// `portals/_portal.json.jbuilder` with `articles: []` (the list, create and update views).
pub(crate) fn portal(store: &Store, p: &Portal, admin: bool) -> Value {
    let hc = &store.help_center;
    let locales: Vec<Value> = p
        .allowed_locales()
        .iter()
        .map(|code| {
            // `_portal_config.json.jbuilder`
            json!({
                "code": code,
                "articles_count": hc.articles_of(p.id).filter(|a| &a.locale == code).count(),
                "categories_count": hc.categories_of(p.id).filter(|c| &c.locale == code).count(),
                "draft": p.draft_locales().contains(code),
            })
        })
        .collect();
    let mut o = object([
        ("id", json!(p.id)),
        (
            "color",
            json!(
                p.color
                    .as_deref()
                    .filter(|c| !c.is_empty())
                    .unwrap_or("#1f93ff")
            ),
        ),
        ("custom_domain", json!(p.custom_domain)),
        ("header_text", json!(p.header_text)),
        ("homepage_link", json!(p.homepage_link)),
        ("name", json!(p.name)),
        ("page_title", json!(p.page_title)),
        ("slug", json!(p.slug)),
        ("archived", json!(p.archived)),
        ("account_id", json!(p.account_id)),
        (
            "config",
            json!({
                "allowed_locales": locales,
                "default_locale": p.default_locale(),
                "layout": p.layout(),
                "social_profiles": p.config.get("social_profiles").filter(|v| v.is_object()).cloned().unwrap_or_else(|| json!({})),
                "locale_translations": p.config.get("locale_translations").filter(|v| v.is_object()).cloned().unwrap_or_else(|| json!({})),
            }),
        ),
    ]);
    if let Some(i) = p.inbox_id.and_then(|id| store.inbox(id)) {
        o.insert("inbox".into(), inbox(i, admin));
    }
    if let Some(blob) = p.logo.and_then(|(_, b)| store.blob(b)) {
        o.insert(
            "logo".into(),
            json!({
                "id": p.logo.map(|(a, _)| a),
                "portal_id": p.id,
                "file_type": blob.content_type,
                "account_id": p.account_id,
                "file_url": store.blob_url(blob),
                "blob_id": blob.signed_id,
                "filename": blob.filename,
            }),
        );
    }
    o.insert(
        "meta".into(),
        json!({
            "all_articles_count": 0,
            "archived_articles_count": null,
            "published_count": null,
            "draft_articles_count": null,
            "categories_count": hc.categories_of(p.id).count(),
            "default_locale": p.default_locale(),
        }),
    );
    Value::Object(o)
}

/// `categories/_associated_category.json.jbuilder`.
fn category_ref(c: &Category) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "slug": c.slug,
        "locale": c.locale,
        "description": c.description,
        "position": c.position,
        "account_id": c.account_id,
    })
}

/// `categories/_category.json.jbuilder` (no locale filter: every article of the category).
pub(crate) fn category(store: &Store, c: &Category) -> Value {
    let hc = &store.help_center;
    let mut o = object([
        ("id", json!(c.id)),
        ("name", json!(c.name)),
        ("slug", json!(c.slug)),
        ("locale", json!(c.locale)),
        ("description", json!(c.description)),
        ("position", json!(c.position)),
        ("account_id", json!(c.account_id)),
        ("icon", json!(c.icon)),
        ("icon_color", json!(c.icon_color)),
    ]);
    for (key, id) in [
        ("parent_category", c.parent_category_id),
        ("root_category", c.associated_category_id),
    ] {
        if let Some(other) = id.and_then(|id| hc.category(id)) {
            o.insert(key.into(), category_ref(other));
        }
    }
    let count = hc
        .articles
        .iter()
        .filter(|a| a.category_id == Some(c.id))
        .count();
    o.insert("meta".into(), json!({ "articles_count": count }));
    Value::Object(o)
}

fn author(store: &Store, account_id: Id, user_id: Id) -> Option<Value> {
    store.user(user_id).map(|u| agent(store, account_id, u))
}

/// `articles/_associated_article.json.jbuilder`.
fn associated_article(store: &Store, a: &Article, admin: bool) -> Value {
    let mut o = object([
        ("id", json!(a.id)),
        ("category_id", json!(a.category_id)),
        ("title", json!(a.title)),
        ("content", json!(a.content)),
        ("description", json!(a.description)),
        ("status", json!(a.status)),
        ("account_id", json!(a.account_id)),
    ]);
    if let Some(p) = store.help_center.portal(a.portal_id) {
        o.insert("portal".into(), portal(store, p, admin));
    }
    o.insert("views".into(), json!(a.views));
    if let Some(u) = author(store, a.account_id, a.author_id) {
        o.insert("author".into(), u);
    }
    Value::Object(o)
}

/// `articles/_article.json.jbuilder`.
pub(crate) fn article(store: &Store, a: &Article, admin: bool) -> Value {
    let c = a.category_id.and_then(|id| store.help_center.category(id));
    let mut o = object([
        ("id", json!(a.id)),
        ("slug", json!(a.slug)),
        ("title", json!(a.title)),
        ("content", json!(a.content)),
        ("description", json!(a.description)),
        ("status", json!(a.status)),
        ("position", json!(a.position)),
        ("account_id", json!(a.account_id)),
        ("updated_at", epoch(Some(a.updated_at))),
        ("meta", Value::Object(a.meta.clone())),
        (
            "category",
            json!({
                "id": a.category_id,
                "name": c.and_then(|c| c.name.clone()),
                "slug": c.map(|c| c.slug.clone()),
                "locale": c.map(|c| c.locale.clone()),
                "icon": c.map(|c| c.icon.clone()),
                "icon_color": c.map(|c| c.icon_color.clone()),
            }),
        ),
        ("views", json!(a.views)),
    ]);
    if let Some(u) = author(store, a.account_id, a.author_id) {
        o.insert("author".into(), u);
    }
    let linked: Vec<Value> = store
        .help_center
        .articles
        .iter()
        .filter(|x| x.associated_article_id == Some(a.id))
        .map(|x| associated_article(store, x, admin))
        .collect();
    if !linked.is_empty() {
        o.insert("associated_articles".into(), Value::Array(linked));
    }
    Value::Object(o)
}
