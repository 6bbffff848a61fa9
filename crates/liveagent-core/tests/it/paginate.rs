//! The pagination state machine: page numbers and message cursors.

use crate::support::row;
use liveagent_core::Paginator;
use serde_json::{Value, json};

fn contacts_page(ids: std::ops::Range<u64>) -> Value {
    json!({"meta": {"count": 40, "current_page": 1},
           "payload": ids.map(|id| json!({"id": id})).collect::<Vec<_>>()})
}

#[test]
fn page_numbers_until_a_short_page() {
    let mut pager = Paginator::new(row("list_contacts"), json!({"sort": "name"})).unwrap();
    assert_eq!(
        pager.next_params(),
        Some(json!({"sort": "name", "page": 1}))
    );
    assert_eq!(pager.advance(contacts_page(0..15)).len(), 15);
    assert_eq!(
        pager.next_params(),
        Some(json!({"sort": "name", "page": 2}))
    );
    assert_eq!(pager.advance(contacts_page(15..30)).len(), 15);
    assert_eq!(pager.advance(contacts_page(30..40)).len(), 10);
    assert!(pager.is_done());
    assert_eq!(pager.next_params(), None);
}

#[test]
fn a_page_number_of_u64_max_ends_after_that_page() {
    let mut pager = Paginator::new(row("list_contacts"), json!({"page": u64::MAX})).unwrap();
    assert_eq!(pager.next_params(), Some(json!({"page": u64::MAX})));
    assert_eq!(pager.advance(contacts_page(0..15)).len(), 15);
    assert!(pager.is_done(), "no page after u64::MAX");
}

#[test]
fn a_full_last_page_ends_on_the_empty_one_after_it() {
    let mut pager = Paginator::new(row("list_conversations"), json!({"page": 3})).unwrap();
    assert_eq!(pager.next_params(), Some(json!({"page": 3})));
    let full = json!({"data": {"meta": {}, "payload": (0..25).map(|i| json!({"id": i})).collect::<Vec<_>>()}});
    assert_eq!(pager.advance(full).len(), 25);
    assert_eq!(
        pager
            .advance(json!({"data": {"meta": {}, "payload": []}}))
            .len(),
        0
    );
    assert!(pager.is_done());
}

#[test]
fn a_server_that_ignores_page_does_not_loop() {
    let mut pager = Paginator::new(row("list_contacts"), json!({})).unwrap();
    assert_eq!(pager.advance(contacts_page(0..15)).len(), 15);
    assert_eq!(
        pager.advance(contacts_page(0..15)).len(),
        0,
        "a repeated page yields nothing"
    );
    assert!(pager.is_done());
}

#[test]
fn message_cursor_goes_back_newest_first() {
    let mut pager = Paginator::new(row("list_messages"), json!({"conversation_id": 7})).unwrap();
    assert_eq!(pager.next_params(), Some(json!({"conversation_id": 7})));
    let page = |ids: &[u64]| json!({"meta": {}, "payload": ids.iter().map(|id| json!({"id": id})).collect::<Vec<_>>()});
    let ids = |items: Vec<Value>| {
        items
            .iter()
            .map(|i| i["id"].as_u64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(pager.advance(page(&[41, 42, 43]))), [43, 42, 41]);
    assert_eq!(
        pager.next_params(),
        Some(json!({"conversation_id": 7, "before": 41}))
    );
    assert_eq!(ids(pager.advance(page(&[39, 40]))), [40, 39]);
    assert_eq!(pager.advance(page(&[])).len(), 0);
    assert!(pager.is_done());
}

#[test]
fn message_cursor_goes_forward_with_after() {
    let mut pager = Paginator::new(
        row("list_messages"),
        json!({"conversation_id": 7, "after": 10}),
    )
    .unwrap();
    let page = |ids: &[u64]| json!({"payload": ids.iter().map(|id| json!({"id": id})).collect::<Vec<_>>()});
    assert_eq!(pager.advance(page(&[11, 12])).len(), 2);
    assert_eq!(
        pager.next_params(),
        Some(json!({"conversation_id": 7, "after": 12}))
    );
    // A cursor that does not move ends the listing.
    assert_eq!(pager.advance(page(&[12])).len(), 1);
    assert!(pager.is_done());
}

#[test]
fn only_paginated_rows_paginate() {
    let err = Paginator::new(row("get_conversation"), json!({})).unwrap_err();
    assert!(err.message.contains("does not paginate"));
    let err = Paginator::new(row("list_contacts"), json!({"page": "x"})).unwrap_err();
    assert_eq!(err.path.as_deref(), Some("$.page"));
}
