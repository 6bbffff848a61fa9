//! Account API, help center: `/api/v1/accounts/{account_id}/portals...` (upstream Chatwoot;
//! Cognigy's Live Agent docs do not list it, so a Live Agent tenant may answer 404).
//!
//! The server finds a portal by its **slug**, not its numeric id: the `{id}` of these paths
//! (the spec's name for it) is the portal's `slug`.

use crate::models::ArticleStatus;
use crate::schema::JsonObject;
use crate::types::Id;

params! {
    /// `GET portals`: every portal of the account (not paged).
    pub struct ListPortalsParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
    }
}

params! {
    /// `POST portals` (administrators).
    pub struct CreatePortalParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// Name.
        body name: String,
        /// Slug: the portal's key in URLs and in these paths (unique across the installation).
        body slug: String,
        /// Header color (`#rgb` or `#rrggbb`; `#1f93ff` when unset).
        body color: Option<String>,
        /// Custom domain (a URL is reduced to its host).
        body custom_domain: Option<String>,
        /// Header text.
        body header_text: Option<String>,
        /// Link back to the main site.
        body homepage_link: Option<String>,
        /// Page title.
        body page_title: Option<String>,
        /// Archived (not live).
        body archived: Option<bool>,
        /// Locales and layout: `allowed_locales` (codes), `default_locale`, `draft_locales`,
        /// `layout` (`classic` or `documentation`), `social_profiles`, `locale_translations`.
        body config: Option<JsonObject>,
        /// A web-widget inbox whose live chat the portal shows (other channels are ignored).
        body inbox_id: Option<Id>,
        /// Logo: the `blob_id` (a signed blob id) that `upload_file` returned.
        body blob_id: Option<String>,
    }
}

params! {
    /// `PATCH portals/{id}` (administrators). Fields left unset keep their value.
    pub struct UpdatePortalParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The portal's slug (the server looks portals up by slug, not by numeric id).
        path id: String,
        /// Name.
        body name: Option<String>,
        /// New slug.
        body slug: Option<String>,
        /// Header color (`#rgb` or `#rrggbb`).
        body color: Option<String>,
        /// Custom domain.
        body custom_domain: Option<String>,
        /// Header text.
        body header_text: Option<String>,
        /// Link back to the main site.
        body homepage_link: Option<String>,
        /// Page title.
        body page_title: Option<String>,
        /// Archived (not live).
        body archived: Option<bool>,
        /// Locales and layout, merged into the stored config (see [`CreatePortalParams::config`]).
        body config: Option<JsonObject>,
        /// A web-widget inbox whose live chat the portal shows.
        body inbox_id: Option<Id>,
        /// Logo: the `blob_id` (a signed blob id) that `upload_file` returned.
        body blob_id: Option<String>,
    }
}

params! {
    /// `POST portals/{id}/categories` (administrators).
    pub struct CreateCategoryParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The portal's slug (the server looks portals up by slug, not by numeric id).
        path id: String,
        /// Name.
        body name: String,
        /// Slug (unique per portal and locale).
        body slug: String,
        /// Locale: one of the portal's allowed locales (default `en`).
        body locale: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Sort position.
        body position: Option<i64>,
        /// Icon (an emoji).
        body icon: Option<String>,
        /// Icon color.
        body icon_color: Option<String>,
        /// Parent category.
        body parent_category_id: Option<Id>,
        /// The same category in another locale.
        body associated_category_id: Option<Id>,
    }
}

params! {
    /// `POST portals/{id}/articles` (administrators).
    pub struct CreateArticleParams {
        /// Account; defaults to the client's.
        path account_id: Option<Id>,
        /// The portal's slug (the server looks portals up by slug, not by numeric id).
        path id: String,
        /// Title.
        body title: String,
        /// Author: a user id (the dashboard sends the caller's).
        body author_id: Id,
        /// Content (Markdown); required to publish.
        body content: Option<String>,
        /// Description.
        body description: Option<String>,
        /// Slug (unique; default: the creation time and the title).
        body slug: Option<String>,
        /// Sort position in its category (default: after the last).
        body position: Option<i64>,
        /// Category (the article takes its locale).
        body category_id: Option<Id>,
        /// An article this one translates or relates to (its root article is linked).
        body associated_article_id: Option<Id>,
        /// `draft` (default), `published` or `archived`, or 0, 1, 2.
        body status: Option<ArticleStatus>,
        /// Locale, when there is no category (default: the portal's default locale).
        body locale: Option<String>,
        /// Search metadata: `title`, `description`, `tags`.
        body meta: Option<JsonObject>,
    }
}
