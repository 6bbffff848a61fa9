//! The OData service over raw HTTP: required and refused query options, the envelope and
//! `$select` context, `apikey`, the docs' quoted dates, versions' fields, the service document,
//! and tokens kept out of the request log.

use crate::support::Emu;
use serde_json::{Value, json};

/// A raw GET; returns the status and the JSON body.
async fn get(url: &str, bearer: Option<&str>) -> (u16, Value) {
    let mut request = reqwest::Client::new().get(url);
    if let Some(token) = bearer {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_service_checks_its_query_options() {
    let emu = Emu::start().await;
    let admin = emu.token("admin");
    let base = format!("{}/v1.0/odata", emu.base());
    let (code, body) = get(&format!("{base}/Conversation?$skip=0"), Some(&admin)).await;
    assert_eq!(code, 400);
    assert_eq!(body["error"]["code"], "BadRequest");
    assert!(body["error"]["message"].as_str().unwrap().contains("$top"));
    for query in [
        "$top=1&$skip=-1",
        "$top=10001&$skip=0",
        "$top=1",
        "$top=1&$skip=0&$count=true",
        "$top=1&$skip=0&$search=x",
        "$top=1&$skip=0&$orderby=secret",
        "$top=1&$skip=0&$expand=members",
        "$top=1&$skip=0&$filter=id%20eq",
        "$top=1&$skip=0&$top=2",
    ] {
        let (code, body) = get(&format!("{base}/Conversation?{query}"), Some(&admin)).await;
        assert_eq!(code, 400, "{query}: {body}");
        assert!(body["error"]["message"].is_string(), "{query}");
    }

    // The envelope, `$select` in the context, the apikey form, and the docs' quoted dates.
    let (code, body) = get(
        &format!(
            "{base}/Conversation?$select=id,status&$filter=created_at%20le%20'2126-11-23T00:00:00'%20and%20assignee_id%20ne%20null&$top=10&$skip=0&apikey={admin}"
        ),
        None,
    )
    .await;
    assert_eq!(code, 200, "{body}");
    assert_eq!(
        body["@odata.context"],
        format!("{base}/$metadata#Conversation(id,status)")
    );
    let rows = body["value"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        4,
        "the seeded conversations with a human assignee"
    );
    assert!(rows.iter().all(|r| r.as_object().unwrap().len() == 2));
    // A resolved conversation has ended (v1.0 and v2.0).
    let (_, body) = get(
        &format!("{base}/Conversation?$filter=status%20eq%201&$select=ended_at&$top=5&$skip=0"),
        Some(&admin),
    )
    .await;
    let ended = &body["value"].as_array().unwrap();
    assert_eq!(ended.len(), 1);
    assert!(ended.iter().all(|r| r["ended_at"].is_string()), "{body}");
    let (_, body) = get(
        &format!("{base}/Conversation?$filter=custom_attributes%20eq%20'%7B%7D'&$top=1&$skip=0"),
        Some(&admin),
    )
    .await;
    assert_eq!(
        body["value"][0]["custom_attributes"],
        json!("{}"),
        "JSON as text"
    );

    let (code, body) = get(&format!("{base}/Conversation?$top=1&$skip=0"), None).await;
    assert_eq!(
        (code, body["error"]["code"].clone()),
        (401, json!("Unauthorized"))
    );
    let (code, _) = get(
        &format!("{base}/Conversation?$top=1&$skip=0"),
        Some("not-a-token"),
    )
    .await;
    assert_eq!(code, 401);
    let (code, body) = get(
        &format!("{}/v3.0/odata/Message?$top=1&$skip=0", emu.base()),
        Some(&admin),
    )
    .await;
    assert_eq!(
        (code, body["error"]["code"].clone()),
        (404, json!("NotFound"))
    );
    let (code, body) = get(&format!("{}/v2.0/odata/", emu.base()), Some(&admin)).await;
    assert_eq!(code, 200);
    assert_eq!(body["value"].as_array().unwrap().len(), 8);
    let (code, body) = get(&format!("{base}/"), Some(&admin)).await;
    assert_eq!((code, body["value"].as_array().unwrap().len()), (200, 6));

    // The token never lands in the request log.
    // Each version's own fields (present, even when null).
    for (version, has, lacks) in [
        (
            "v1.0",
            ["assigned_at", "ended_at"],
            ["identifier", "priority"],
        ),
        (
            "v1.1",
            ["identifier", "contact_last_seen_at"],
            ["assigned_at", "priority"],
        ),
        (
            "v2.0",
            ["priority", "first_reply_created_at"],
            ["identifier", "contact_last_seen_at"],
        ),
    ] {
        let url = format!("{}/{version}/odata/Conversation?$top=1&$skip=0", emu.base());
        let (_, body) = get(&url, Some(&admin)).await;
        let row = body["value"][0].as_object().unwrap();
        assert!(
            has.iter().all(|f| row.contains_key(*f)),
            "{version}: {row:?}"
        );
        assert!(
            !lacks.iter().any(|f| row.contains_key(*f)),
            "{version}: {row:?}"
        );
    }

    let log = Value::from(emu.requests().await).to_string();
    assert!(!log.contains(&admin), "a token in the log");
}
