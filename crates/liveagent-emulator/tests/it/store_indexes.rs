//! The store's indexes answer as a scan of every record would: message pages by cursor, and
//! the contact details that must be unique, through updates, merges and deletions.

use crate::support::Emu;
use serde_json::{Value, json};

/// An account-API call with the admin's token: the status and the JSON body (`Null` if empty).
async fn api(emu: &Emu, method: &str, path: &str, body: Value) -> (u16, Value) {
    let url = format!("{}/api/v1/accounts/1{path}", emu.base());
    let http = reqwest::Client::new();
    let request = match method {
        "POST" => http.post(url),
        "PATCH" => http.patch(url),
        "DELETE" => http.delete(url),
        _ => http.get(url),
    };
    let response = request
        .header("api_access_token", emu.token("admin"))
        .header("content-type", "application/json")
        .body(if body.is_null() {
            String::new()
        } else {
            body.to_string()
        })
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn message_ids(emu: &Emu, query: &str) -> Vec<u64> {
    let (status, page) = api(
        emu,
        "GET",
        &format!("/conversations/1/messages{query}"),
        Value::Null,
    )
    .await;
    assert_eq!(status, 200, "{query}");
    let ids = page["payload"].as_array().unwrap().iter();
    ids.map(|m| m["id"].as_u64().unwrap()).collect()
}

#[tokio::test]
async fn message_pages_by_cursor_are_the_slices_of_the_whole_thread() {
    let emu = Emu::start().await;
    for n in 0..45 {
        let body = json!({ "content": format!("note {n}"), "private": n % 3 == 0 });
        assert_eq!(
            api(&emu, "POST", "/conversations/1/messages", body).await.0,
            200
        );
    }
    // Fewer than 100 messages: `after=0` is the whole thread, oldest first.
    let all = message_ids(&emu, "?after=0").await;
    assert!(all.len() > 45 && all.len() < 100, "{} messages", all.len());
    assert!(all.windows(2).all(|w| w[0] < w[1]));

    assert_eq!(message_ids(&emu, "").await, all[all.len() - 20..]);
    let (k, a) = (30, 7);
    assert_eq!(
        message_ids(&emu, &format!("?before={}", all[k])).await,
        all[k - 20..k]
    );
    assert_eq!(
        message_ids(&emu, &format!("?before={}", all[5])).await,
        all[..5]
    );
    assert_eq!(
        message_ids(&emu, &format!("?after={}", all[k])).await,
        all[k + 1..]
    );
    let range = format!("?after={}&before={}", all[a], all[k]);
    assert_eq!(
        message_ids(&emu, &range).await,
        all[a..k],
        "after is inclusive in a range"
    );
    let reversed = format!("?after={}&before={}", all[k], all[a]);
    assert_eq!(message_ids(&emu, &reversed).await, Vec::<u64>::new());
    let past_the_end = format!("?after={}", all[all.len() - 1] + 1000);
    assert_eq!(message_ids(&emu, &past_the_end).await, Vec::<u64>::new());

    let (_, whole) = api(
        &emu,
        "GET",
        "/conversations/1/messages?after=0",
        Value::Null,
    )
    .await;
    let chat: Vec<u64> = whole["payload"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["private"] == false && m["message_type"] != 2)
        .map(|m| m["id"].as_u64().unwrap())
        .collect();
    assert!(chat.len() + 15 <= all.len());
    let internal_left_out = "?filter_internal_messages=1";
    assert_eq!(
        message_ids(&emu, internal_left_out).await,
        chat[chat.len() - 20..]
    );
    let before = format!("{internal_left_out}&before={}", chat[25]);
    assert_eq!(message_ids(&emu, &before).await, chat[5..25]);
}

async fn create_contact(emu: &Emu, name: &str, email: &str) -> (u16, Value) {
    let body = json!({ "name": name, "email": email, "inbox_id": emu.inbox_id() });
    api(emu, "POST", "/contacts", body).await
}

fn error_message(body: &Value) -> &str {
    body["message"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn contact_details_stay_unique_through_updates_merges_and_deletions() {
    let emu = Emu::start().await;
    let (status, ada) = create_contact(&emu, "Ada", "ada@index.example").await;
    assert_eq!(status, 200);
    let ada = ada["payload"]["contact"]["id"].as_u64().unwrap();
    let (_, bob) = create_contact(&emu, "Bob", "bob@index.example").await;
    let bob = bob["payload"]["contact"]["id"].as_u64().unwrap();

    let (status, body) = create_contact(&emu, "Twin", "ada@index.example").await;
    assert_eq!(
        (status, error_message(&body)),
        (422, "Email has already been taken")
    );
    let renamed = json!({ "email": "ada@new.example" });
    assert_eq!(
        api(&emu, "PATCH", &format!("/contacts/{ada}"), renamed)
            .await
            .0,
        200
    );
    assert_eq!(
        create_contact(&emu, "Twin", "ada@index.example").await.0,
        200,
        "an old email is free once changed"
    );
    let (status, body) = api(
        &emu,
        "PATCH",
        &format!("/contacts/{bob}"),
        json!({ "email": "ada@new.example" }),
    )
    .await;
    assert_eq!(
        (status, error_message(&body)),
        (422, "Email has already been taken")
    );

    // Bob takes Ada's identities and conversations; Ada's email goes with her.
    let merge = json!({ "base_contact_id": bob, "mergee_contact_id": ada });
    assert_eq!(
        api(&emu, "POST", "/actions/contact_merge", merge).await.0,
        200
    );
    let (_, merged) = api(&emu, "GET", &format!("/contacts/{bob}"), Value::Null).await;
    let identities = merged["payload"]["contact_inboxes"].as_array().unwrap();
    assert_eq!(identities.len(), 2, "Bob's and Ada's: {identities:?}");
    assert_eq!(merged["payload"]["email"], "bob@index.example");
    assert_eq!(
        create_contact(&emu, "Ada again", "ada@new.example").await.0,
        200
    );

    assert_eq!(
        api(&emu, "DELETE", &format!("/contacts/{bob}"), Value::Null)
            .await
            .0,
        200
    );
    assert_eq!(
        create_contact(&emu, "Bob again", "bob@index.example")
            .await
            .0,
        200,
        "a deleted contact's email is free"
    );
}
