//! Help center (upstream Chatwoot): portals keyed by slug, their locales, categories and
//! articles, with the server's validations and policies.

use crate::support::{Emu, status};
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;

/// The status and server message of a failed call.
fn failure<T: std::fmt::Debug>(result: Result<T, liveagent::Error>) -> (u16, String) {
    match result {
        Err(liveagent::Error::Api(e)) => (e.status, e.message.unwrap_or_default()),
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn config(value: serde_json::Value) -> JsonObject {
    value.as_object().cloned().unwrap()
}

fn locales(p: &Portal) -> Vec<(String, i64, i64, bool)> {
    let config = p.config.as_ref().unwrap();
    config
        .allowed_locales
        .iter()
        .map(|l| {
            (
                l.code.clone().unwrap(),
                l.articles_count.unwrap(),
                l.categories_count.unwrap(),
                l.draft.unwrap(),
            )
        })
        .collect()
}

pub(crate) async fn help_center(emu: &Emu) {
    let admin = emu.user("admin");
    let agent = emu.user("agent");
    let none = admin.list_portals(ListPortalsParams::new()).await.unwrap();
    assert!(none.payload.is_empty());

    // Creating is for administrators.
    let handbook = CreatePortalParams::new("Handbook", "handbook");
    assert_eq!(status(agent.create_portal(handbook.clone()).await), 401);

    let inboxes = admin.list_inboxes(ListInboxesParams::new()).await.unwrap();
    let website = inboxes
        .payload
        .iter()
        .find(|i| i.channel_type.as_ref().map(|c| c.as_str()) == Some("Channel::WebWidget"))
        .unwrap()
        .id;
    let api_inbox = emu.inbox_id();
    let created = admin
        .create_portal(
            handbook
                .clone()
                .color("#f60")
                .custom_domain("https://help.acme.example/docs")
                .config(config(
                    json!({"allowed_locales": ["en", "es"], "draft_locales": ["es"], "unknown": 1}),
                ))
                .inbox_id(website),
        )
        .await
        .unwrap();
    assert_eq!(created.slug.as_deref(), Some("handbook"));
    assert_eq!(created.color.as_deref(), Some("#f60"));
    // A URL is reduced to its host on create.
    assert_eq!(created.custom_domain.as_deref(), Some("help.acme.example"));
    assert_eq!(
        locales(&created),
        [("en".into(), 0, 0, false), ("es".into(), 0, 0, true)]
    );
    assert_eq!(created.inbox.as_ref().unwrap().id, website);
    let meta = created.meta.as_ref().unwrap();
    assert_eq!(meta.all_articles_count, Some(0));
    assert_eq!(meta.published_count, None);

    // An API inbox is not linked; the color must be hex; slugs are unique.
    let plain = admin
        .create_portal(CreatePortalParams::new("Developers", "developers").inbox_id(api_inbox))
        .await
        .unwrap();
    assert!(plain.inbox.is_none());
    assert_eq!(plain.color.as_deref(), Some("#1f93ff"));
    let (code, message) = failure(admin.create_portal(handbook.clone()).await);
    assert_eq!(
        (code, message.as_str()),
        (422, "Slug has already been taken")
    );
    let (code, message) = failure(
        admin
            .create_portal(CreatePortalParams::new("", "other").color("orange"))
            .await,
    );
    assert_eq!(
        (code, message.as_str()),
        (422, "Name can't be blank, Color is invalid")
    );

    // Update finds the portal by slug; the default locale cannot be a draft.
    let (code, message) = failure(
        admin
            .update_portal(
                UpdatePortalParams::new("handbook").config(config(json!({"default_locale": "es"}))),
            )
            .await,
    );
    assert_eq!(
        (code, message.as_str()),
        (422, "Config default locale cannot be drafted.")
    );
    let updated = admin
        .update_portal(
            UpdatePortalParams::new("handbook")
                .name("Help")
                .config(config(
                    json!({"draft_locales": [], "layout": "documentation"}),
                )),
        )
        .await
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("Help"));
    assert_eq!(
        updated.config.as_ref().unwrap().layout.as_deref(),
        Some("documentation")
    );
    assert!(locales(&updated).iter().all(|l| !l.3));
    // A logo: the signed id of an uploaded file.
    let file = admin
        .upload_file(UploadFileParams::new().attachment(liveagent::Upload::new(
            "logo.png",
            "image/png",
            b"\x89PNG\r\n".to_vec(),
        )))
        .await
        .unwrap();
    let with_logo = admin
        .update_portal(UpdatePortalParams::new("handbook").blob_id(file.blob_id.clone().unwrap()))
        .await
        .unwrap();
    let logo = with_logo.logo.as_ref().unwrap();
    assert_eq!(logo.blob_id, file.blob_id);
    assert_eq!(logo.filename.as_deref(), Some("logo.png"));
    assert_eq!(with_logo.name.as_deref(), Some("Help"));
    assert_eq!(
        status(
            agent
                .update_portal(UpdatePortalParams::new("handbook").name("X"))
                .await
        ),
        401
    );
    // The server looks the slug up with `find_by` and then fails on nil: a 500, not a 404.
    assert_eq!(
        status(
            admin
                .update_portal(UpdatePortalParams::new("nope").name("X"))
                .await
        ),
        500
    );

    // Categories: the locale must be one of the portal's, unique with the slug.
    let billing = admin
        .create_category(
            CreateCategoryParams::new("handbook", "Billing", "billing")
                .locale("es")
                .icon("💳"),
        )
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(billing.locale.as_deref(), Some("es"));
    assert_eq!(billing.meta.as_ref().unwrap().articles_count, Some(0));
    let sub = admin
        .create_category(
            CreateCategoryParams::new("handbook", "Cards", "cards")
                .locale("es")
                .parent_category_id(billing.id),
        )
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(sub.parent_category.as_ref().unwrap().id, billing.id);
    let (code, message) = failure(
        admin
            .create_category(
                CreateCategoryParams::new("handbook", "Billing", "billing").locale("es"),
            )
            .await,
    );
    assert_eq!(
        (code, message.as_str()),
        (422, "Locale should be unique in the category and portal")
    );
    let (code, message) = failure(
        admin
            .create_category(
                CreateCategoryParams::new("handbook", "Facture", "facture").locale("fr"),
            )
            .await,
    );
    assert_eq!(
        (code, message.as_str()),
        (
            422,
            "Locale fr of category is not part of portal's [\"en\", \"es\"]."
        )
    );
    assert_eq!(
        status(
            admin
                .create_category(CreateCategoryParams::new("nope", "A", "a"))
                .await
        ),
        404
    );
    assert_eq!(
        status(
            agent
                .create_category(CreateCategoryParams::new("handbook", "A", "a"))
                .await
        ),
        401
    );

    // Articles: an author is required, published ones need content; positions step by 10.
    let me = admin.get_profile(GetProfileParams::new()).await.unwrap().id;
    let paying = admin
        .create_article(
            CreateArticleParams::new("handbook", "Paying an invoice", me)
                .category_id(billing.id)
                .status("published")
                .content("Open **Billing**.")
                .meta(config(json!({"tags": ["billing"]}))),
        )
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(paying.status, Some(ArticleStatus::Published));
    assert_eq!(paying.position, Some(10));
    assert!(
        paying
            .slug
            .as_deref()
            .unwrap()
            .ends_with("-paying-an-invoice")
    );
    let category = paying.category.as_ref().unwrap();
    assert_eq!(category.slug.as_deref(), Some("billing"));
    assert_eq!(paying.author.as_ref().unwrap().id, me);
    let refunds = admin
        .create_article(
            CreateArticleParams::new("handbook", "Refunds", me)
                .category_id(billing.id)
                .associated_article_id(paying.id),
        )
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(refunds.status, Some(ArticleStatus::Draft));
    assert_eq!(refunds.position, Some(20));
    let loose = admin
        .create_article(CreateArticleParams::new("handbook", "Contact us", me))
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(loose.category.as_ref().unwrap().id, None);
    let (code, message) = failure(
        admin
            .create_article(CreateArticleParams::new("handbook", "Draft", me).status("published"))
            .await,
    );
    assert_eq!((code, message.as_str()), (422, "Content can't be blank"));
    let (code, message) = failure(
        admin
            .create_article(CreateArticleParams::new("handbook", "Ghost", 999_999u64))
            .await,
    );
    assert_eq!((code, message.as_str()), (422, "Author must exist"));
    assert_eq!(
        status(
            agent
                .create_article(CreateArticleParams::new("handbook", "Nope", me))
                .await
        ),
        401
    );

    // The list counts categories and articles per locale.
    let list = admin.list_portals(ListPortalsParams::new()).await.unwrap();
    assert_eq!(list.meta.as_ref().unwrap().portals_count, Some(2));
    let help = list
        .payload
        .iter()
        .find(|p| p.slug.as_deref() == Some("handbook"))
        .unwrap();
    assert_eq!(
        locales(help),
        [("en".into(), 1, 0, false), ("es".into(), 2, 2, false)]
    );
    assert_eq!(help.meta.as_ref().unwrap().categories_count, Some(2));
}

#[tokio::test]
async fn portals_categories_and_articles() {
    help_center(&Emu::start().await).await;
}
