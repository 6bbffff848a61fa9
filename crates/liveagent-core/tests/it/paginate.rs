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
    // A page of items already yielded (a cursor that did not move) ends the listing, and
    // nothing is yielded twice.
    assert_eq!(pager.advance(page(&[12])).len(), 0);
    assert!(pager.is_done());
}

fn conversations(ids: std::ops::Range<u64>, meta: Value) -> Value {
    json!({"data": {"meta": meta, "payload": ids.map(|id| json!({"id": id})).collect::<Vec<_>>()}})
}

#[test]
fn a_server_with_a_smaller_page_size_is_walked_to_the_count() {
    // 10 per page instead of 25: short pages do not end the listing, the count does.
    let counts =
        json!({"mine_count": 3, "assigned_count": 12, "unassigned_count": 18, "all_count": 30});
    let mut pager = Paginator::new(
        row("list_conversations"),
        json!({"assignee_type": "unassigned"}),
    )
    .unwrap();
    assert_eq!(
        pager.advance(conversations(0..10, counts.clone())).len(),
        10
    );
    assert_eq!(
        pager.next_params(),
        Some(json!({"assignee_type": "unassigned", "page": 2}))
    );
    assert_eq!(
        pager.advance(conversations(10..18, counts.clone())).len(),
        8
    );
    assert!(
        pager.is_done(),
        "18 unassigned conversations: no third request"
    );
    // Without assignee_type the count is all_count.
    let mut pager = Paginator::new(row("list_conversations"), json!({})).unwrap();
    for page in 0..3 {
        assert_eq!(
            pager
                .advance(conversations(page * 10..page * 10 + 10, counts.clone()))
                .len(),
            10
        );
    }
    assert!(pager.is_done());
}

#[test]
fn items_that_move_between_pages_are_yielded_once() {
    let mut pager = Paginator::new(row("list_contacts"), json!({})).unwrap();
    let page = |ids: &[u64]| json!({"meta": {"count": 30}, "payload": ids.iter().map(|id| json!({"id": id})).collect::<Vec<_>>()});
    assert_eq!(pager.advance(page(&(0..15).collect::<Vec<_>>())).len(), 15);
    // A new contact pushed #14 onto page 2.
    let second = pager.advance(page(&(14..29).collect::<Vec<_>>()));
    assert_eq!(second.len(), 14);
    assert_eq!(second[0]["id"], 15);
    assert!(pager.is_done(), "30 received");
    // has_more: false ends a search.
    let mut pager = Paginator::new(row("search_contacts"), json!({"q": "a"})).unwrap();
    let last = json!({"meta": {"count": 99, "has_more": false}, "payload": [{"id": 1}]});
    assert_eq!(pager.advance(last).len(), 1);
    assert!(pager.is_done());
}

#[test]
fn max_items_ends_the_listing() {
    let mut pager = Paginator::new(row("list_contacts"), json!({}))
        .unwrap()
        .max_items(Some(20));
    assert_eq!(pager.advance(contacts_page(0..15)).len(), 15);
    assert_eq!(pager.advance(contacts_page(15..30)).len(), 5);
    assert!(pager.is_done());
    assert!(
        Paginator::new(row("list_contacts"), json!({}))
            .unwrap()
            .max_items(Some(0))
            .is_done()
    );
}

#[test]
fn only_paginated_rows_paginate() {
    let err = Paginator::new(row("get_conversation"), json!({})).unwrap_err();
    assert!(err.message.contains("does not paginate"));
    let err = Paginator::new(row("list_contacts"), json!({"page": "x"})).unwrap_err();
    assert_eq!(err.path.as_deref(), Some("$.page"));
}
