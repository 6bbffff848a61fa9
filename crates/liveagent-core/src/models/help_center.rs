//! Account API, help center: `/api/v1/accounts/{account_id}/portals...`: portals, categories
//! and articles as the account API renders them (upstream Chatwoot).

use crate::models::{Agent, Inbox};
use crate::schema::JsonObject;
use crate::types::{Id, Timestamp};
use std::collections::BTreeMap;

model! {
    /// A locale of a portal, with its counts (`api/v1/models/_portal_config.json.jbuilder`).
    pub struct PortalLocale {
        /// Locale code (`en`, `pt_BR`, ...).
        code: String,
        /// Articles in this locale.
        articles_count: i64,
        /// Categories in this locale.
        categories_count: i64,
        /// Drafted: not shown on the public portal.
        draft: bool,
    }
}

model! {
    /// Per-locale overrides of a portal's texts.
    pub struct PortalLocaleTranslation {
        /// Name in this locale.
        name: Option<String>,
        /// Page title in this locale.
        page_title: Option<String>,
        /// Header text in this locale.
        header_text: Option<String>,
    }
}

model! {
    /// A portal's `config` as rendered (`portals/_portal.json.jbuilder`).
    pub struct PortalConfig {
        /// Allowed locales, with counts.
        allowed_locales: Vec<PortalLocale>,
        /// Default locale (`en` when unset).
        default_locale: String,
        /// Layout: `classic` (default) or `documentation`.
        layout: String,
        /// Social profile handles by network (`facebook`, `x`, `github`, ...).
        social_profiles: BTreeMap<String, Option<String>>,
        /// Text overrides by locale code.
        locale_translations: BTreeMap<String, Option<PortalLocaleTranslation>>,
    }
}

model! {
    /// A portal's logo (`Portal#file_base_data`).
    pub struct PortalLogo {
        /// Attachment id.
        id: Id,
        /// Portal id.
        portal_id: Id,
        /// MIME type.
        file_type: Option<String>,
        /// Account.
        account_id: Id,
        /// URL of the file.
        file_url: String,
        /// Signed blob id (a string).
        blob_id: String,
        /// File name.
        filename: String,
    }
}

model! {
    /// Article and category counts of a portal. The list, create and update views count no
    /// articles: `all_articles_count` is 0 and the other article counts are `null`.
    pub struct PortalMeta {
        /// Articles.
        all_articles_count: Option<i64>,
        /// Archived articles.
        archived_articles_count: Option<i64>,
        /// Published articles.
        published_count: Option<i64>,
        /// Draft articles.
        draft_articles_count: Option<i64>,
        /// The caller's articles (present only when there are articles).
        mine_articles_count: Option<i64>,
        /// Categories.
        categories_count: i64,
        /// Default locale.
        default_locale: String,
    }
}

model! {
    /// Custom-domain SSL state (present once a custom domain was checked).
    pub struct PortalSslSettings {
        /// Cloudflare status (`pending`, `active`, ...).
        status: Option<String>,
        /// Cloudflare verification errors.
        verification_errors: Option<serde_json::Value>,
    }
}

model! {
    /// A help-center portal (`portals/_portal.json.jbuilder`).
    pub struct Portal {
        /// Portal id (paths take the `slug`).
        id: Id,
        /// Header color (`#1f93ff` when unset).
        color: String,
        /// Custom domain.
        custom_domain: Option<String>,
        /// Header text.
        header_text: Option<String>,
        /// Link back to the main site.
        homepage_link: Option<String>,
        /// Name.
        name: String,
        /// Page title.
        page_title: Option<String>,
        /// Slug: the portal's key in URLs and API paths.
        slug: String,
        /// Archived (not live).
        archived: bool,
        /// Account.
        account_id: Id,
        /// Locales and layout.
        config: PortalConfig,
        /// The web-widget inbox shown on the portal (present when linked).
        inbox: Option<Inbox>,
        /// Logo (present when set).
        logo: Option<PortalLogo>,
        /// Counts.
        meta: PortalMeta,
        /// Custom-domain SSL state (present when known).
        ssl_settings: Option<PortalSslSettings>,
    }
}

model! {
    /// The `meta` of `GET portals`.
    pub struct PortalListMeta {
        /// The `page` param, else 1 (the list is not paged).
        current_page: i64 as flex,
        /// Portals.
        portals_count: i64,
    }
}

model! {
    /// Body of `GET portals`.
    pub struct PortalList {
        /// Portals.
        payload: Vec<Portal> as items,
        /// Counts.
        meta: PortalListMeta,
    }
}

model! {
    /// A category named inside another (`categories/_associated_category.json.jbuilder`).
    pub struct CategoryRef {
        /// Category id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Slug.
        slug: String,
        /// Locale.
        locale: Option<String>,
        /// Description.
        description: Option<String>,
        /// Sort position.
        position: Option<i64>,
        /// Account.
        account_id: Id,
    }
}

model! {
    /// Article counts of a category.
    pub struct CategoryMeta {
        /// Articles in the category.
        articles_count: i64,
    }
}

model! {
    /// A help-center category (`categories/_category.json.jbuilder`).
    pub struct Category {
        /// Category id.
        id: Id,
        /// Name.
        name: Option<String>,
        /// Slug.
        slug: String,
        /// Locale.
        locale: Option<String>,
        /// Description.
        description: Option<String>,
        /// Sort position.
        position: Option<i64>,
        /// Account.
        account_id: Id,
        /// Icon (an emoji; `""` when unset).
        icon: Option<String>,
        /// Icon color (`""` when unset).
        icon_color: Option<String>,
        /// Related categories (left out when none).
        related_categories: Vec<CategoryRef>,
        /// Parent category (present when set).
        parent_category: Option<CategoryRef>,
        /// The category this one translates (present when set).
        root_category: Option<CategoryRef>,
        /// Counts.
        meta: CategoryMeta,
    }
}

model! {
    /// Body of category create: `{"payload": category}`.
    pub struct CategoryPayload {
        /// The category.
        payload: Category,
    }
}

open_enum! {
    /// An article's status.
    pub enum ArticleStatus {
        /// Not public.
        Draft = "draft" (0),
        /// Public.
        Published = "published" (1),
        /// Withdrawn.
        Archived = "archived" (2),
    }
}

model! {
    /// The category block of an article: every key is `null` for an uncategorized article.
    pub struct ArticleCategory {
        /// Category id.
        id: Option<Id>,
        /// Name.
        name: Option<String>,
        /// Slug.
        slug: Option<String>,
        /// Locale.
        locale: Option<String>,
        /// Icon.
        icon: Option<String>,
        /// Icon color.
        icon_color: Option<String>,
    }
}

model! {
    /// An article linked to another (`articles/_associated_article.json.jbuilder`).
    pub struct AssociatedArticle {
        /// Article id.
        id: Id,
        /// Category id.
        category_id: Option<Id>,
        /// Title.
        title: Option<String>,
        /// Content.
        content: Option<String>,
        /// Description.
        description: Option<String>,
        /// Status.
        status: Option<ArticleStatus>,
        /// Account.
        account_id: Id,
        /// Its portal.
        portal: Option<Portal>,
        /// Views.
        views: Option<i64>,
        /// Author (present when the user exists).
        author: Option<Agent>,
    }
}

model! {
    /// A help-center article (`articles/_article.json.jbuilder`).
    pub struct Article {
        /// Article id.
        id: Id,
        /// Slug.
        slug: String,
        /// Title.
        title: Option<String>,
        /// Content (Markdown).
        content: Option<String>,
        /// Description.
        description: Option<String>,
        /// Status.
        status: ArticleStatus,
        /// Sort position in its category.
        position: Option<i64>,
        /// Account.
        account_id: Id,
        /// Last change (epoch seconds).
        updated_at: Timestamp,
        /// Search metadata (`title`, `description`, `tags`).
        meta: JsonObject,
        /// Its category.
        category: ArticleCategory,
        /// Views (`null` until viewed).
        views: Option<i64>,
        /// Author (present when the user exists).
        author: Option<Agent>,
        /// Articles linked to this one (left out when none).
        associated_articles: Vec<AssociatedArticle>,
    }
}

model! {
    /// Body of article create: `{"payload": article}`.
    pub struct ArticlePayload {
        /// The article.
        payload: Article,
    }
}
