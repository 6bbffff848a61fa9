//! Help center (upstream Chatwoot): portals, their categories and articles, and the locale rules
//! of `Portal` (`config` normalization, allowed, default and draft locales).

use super::{Id, Json};
use serde_json::Value;

#[derive(Debug, Clone)]
pub(crate) struct Portal {
    pub id: Id,
    pub account_id: Id,
    pub name: String,
    /// Unique across the installation; the key of the portal in API paths.
    pub slug: String,
    pub custom_domain: Option<String>,
    pub color: Option<String>,
    pub homepage_link: Option<String>,
    pub page_title: Option<String>,
    pub header_text: Option<String>,
    pub archived: bool,
    /// Normalized: always holds `allowed_locales`, `default_locale` and `draft_locales`.
    pub config: Json,
    /// The linked web-widget inbox (the server keeps its channel's id).
    pub inbox_id: Option<Id>,
    /// The logo: attachment id and blob id.
    pub logo: Option<(Id, Id)>,
}

fn codes(value: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let items = match value {
        Some(Value::Array(items)) => items.clone(),
        Some(Value::String(s)) if !s.is_empty() => vec![Value::String(s.clone())],
        _ => Vec::new(),
    };
    for item in items {
        if let Some(s) = item.as_str().filter(|s| !s.is_empty())
            && !out.iter().any(|o| o == s)
        {
            out.push(s.to_owned());
        }
    }
    out
}

fn text<'a>(config: &'a Json, key: &str) -> Option<&'a str> {
    config.get(key)?.as_str().filter(|s| !s.is_empty())
}

impl Portal {
    /// `Portal#allowed_locale_codes`.
    pub(crate) fn allowed_locales(&self) -> Vec<String> {
        allowed(&self.config)
    }

    /// `Portal#default_locale`.
    pub(crate) fn default_locale(&self) -> String {
        default_locale(&self.config)
    }

    /// `Portal#draft_locale_codes`.
    pub(crate) fn draft_locales(&self) -> Vec<String> {
        let drafted = codes(self.config.get("draft_locales"));
        self.allowed_locales()
            .into_iter()
            .filter(|l| drafted.contains(l))
            .collect()
    }

    /// `Portal#layout`.
    pub(crate) fn layout(&self) -> String {
        text(&self.config, "layout").unwrap_or("classic").to_owned()
    }
}

fn allowed(config: &Json) -> Vec<String> {
    let found = codes(config.get("allowed_locales"));
    if found.is_empty() {
        vec![text(config, "default_locale").unwrap_or("en").to_owned()]
    } else {
        found
    }
}

fn default_locale(config: &Json) -> String {
    text(config, "default_locale")
        .map(str::to_owned)
        .or_else(|| allowed(config).into_iter().next())
        .unwrap_or_else(|| "en".into())
}

/// `Portal#normalize_config`: the stored config with `given` merged in, then the derived keys
/// rewritten. `draft_locales` keeps its stored value unless given.
pub(crate) fn normalize_config(stored: &Json, given: Option<&Json>) -> Json {
    let mut config = stored.clone();
    if let Some(given) = given {
        for (k, v) in given {
            config.insert(k.clone(), v.clone());
        }
    }
    let allowed_now = allowed(&config);
    config.insert("allowed_locales".into(), Value::from(allowed_now.clone()));
    let default = default_locale(&config);
    config.insert("default_locale".into(), Value::from(default));
    let drafted = codes(config.get("draft_locales"));
    let drafts: Vec<String> = allowed_now
        .into_iter()
        .filter(|l| drafted.contains(l))
        .collect();
    config.insert("draft_locales".into(), Value::from(drafts));
    config
}

#[derive(Debug, Clone)]
pub(crate) struct Category {
    pub id: Id,
    pub account_id: Id,
    pub portal_id: Id,
    pub name: Option<String>,
    pub slug: String,
    pub locale: String,
    pub description: Option<String>,
    pub position: Option<i64>,
    pub icon: String,
    pub icon_color: String,
    pub parent_category_id: Option<Id>,
    pub associated_category_id: Option<Id>,
}

#[derive(Debug, Clone)]
pub(crate) struct Article {
    pub id: Id,
    pub account_id: Id,
    pub portal_id: Id,
    pub category_id: Option<Id>,
    pub title: Option<String>,
    /// Unique across the installation.
    pub slug: String,
    pub content: Option<String>,
    pub description: Option<String>,
    /// `draft`, `published` or `archived`.
    pub status: &'static str,
    pub position: Option<i64>,
    pub locale: String,
    pub author_id: Id,
    pub associated_article_id: Option<Id>,
    pub meta: Json,
    pub views: Option<i64>,
    pub updated_at: f64,
}

/// Portals, categories and articles.
#[derive(Debug, Clone, Default)]
pub(crate) struct HelpCenter {
    pub portals: Vec<Portal>,
    pub categories: Vec<Category>,
    pub articles: Vec<Article>,
}

impl HelpCenter {
    /// An account's portal by slug.
    pub(crate) fn portal_by_slug(&self, account_id: Id, slug: &str) -> Option<&Portal> {
        self.portals
            .iter()
            .find(|p| p.account_id == account_id && p.slug == slug)
    }

    pub(crate) fn portal(&self, id: Id) -> Option<&Portal> {
        self.portals.iter().find(|p| p.id == id)
    }

    pub(crate) fn category(&self, id: Id) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub(crate) fn categories_of(&self, portal_id: Id) -> impl Iterator<Item = &Category> {
        self.categories
            .iter()
            .filter(move |c| c.portal_id == portal_id)
    }

    pub(crate) fn articles_of(&self, portal_id: Id) -> impl Iterator<Item = &Article> {
        self.articles
            .iter()
            .filter(move |a| a.portal_id == portal_id)
    }
}
