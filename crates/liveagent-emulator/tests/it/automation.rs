//! Saved filters (each user's own) and automation rules (administrators), through the native
//! client in strict mode.

use crate::support::{Emu, status};
use liveagent::Error;
use liveagent::api::*;
use liveagent::models::*;
use serde_json::json;

/// The body of an API error.
fn error_body<T: std::fmt::Debug>(result: Result<T, Error>) -> (u16, serde_json::Value) {
    match result {
        Err(Error::Api(e)) => (e.status, serde_json::from_str(&e.body).unwrap()),
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn condition(key: &str, operator: &str, values: serde_json::Value) -> FilterCondition {
    FilterCondition::new(key, operator, values)
}

pub(crate) async fn custom_filters(emu: &Emu) {
    let admin = emu.user("admin");
    let agent = emu.user("agent");

    let open_urgent = FilterQuery::new(vec![
        condition("status", "equal_to", json!(["open"])).query_operator("AND"),
        condition("priority", "equal_to", json!(["urgent"])),
    ]);
    let created = admin
        .create_custom_filter(CreateCustomFilterParams::new("Open urgent", open_urgent))
        .await
        .unwrap();
    assert_eq!(created.name(), "Open urgent");
    assert_eq!(created.filter_type(), Some(&CustomFilterType::Conversation));
    let saved = &created.query.as_ref().unwrap().payload;
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[0].attribute_key(), "status");
    assert_eq!(saved[0].query_operator.as_deref(), Some("AND"));

    let segment = admin
        .create_custom_filter(
            CreateCustomFilterParams::new(
                "Acme people",
                FilterQuery::new(vec![condition("email", "contains", json!(["@acme.com"]))]),
            )
            .filter_type(CustomFilterType::Contact),
        )
        .await
        .unwrap();
    let agents_own = agent
        .create_custom_filter(CreateCustomFilterParams::new(
            "Mine",
            FilterQuery::new(vec![condition("assignee_id", "equal_to", json!([2]))]),
        ))
        .await
        .unwrap();

    // The default type is `conversation`; each user lists only their own filters.
    let ids = |list: Vec<CustomFilter>| list.into_iter().map(|f| f.id).collect::<Vec<_>>();
    let conversation_filters = admin
        .list_custom_filters(ListCustomFiltersParams::new())
        .await
        .unwrap();
    assert_eq!(ids(conversation_filters), [created.id]);
    let contact_filters = admin
        .list_custom_filters(ListCustomFiltersParams::new().filter_type(CustomFilterType::Contact))
        .await
        .unwrap();
    assert_eq!(ids(contact_filters), [segment.id]);
    let agents = agent
        .list_custom_filters(ListCustomFiltersParams::new())
        .await
        .unwrap();
    assert_eq!(ids(agents), [agents_own.id]);
    assert_eq!(
        status(
            agent
                .get_custom_filter(GetCustomFilterParams::new(created.id))
                .await
        ),
        404,
        "another user's filter is not found"
    );
    assert_eq!(
        status(
            agent
                .delete_custom_filter(DeleteCustomFilterParams::new(created.id))
                .await
        ),
        404
    );
    // `auth User`: the client refuses an agent-bot token before sending.
    assert!(matches!(
        emu.bot()
            .list_custom_filters(ListCustomFiltersParams::new())
            .await,
        Err(Error::Build(_))
    ));

    let updated = admin
        .update_custom_filter(
            UpdateCustomFilterParams::new(created.id)
                .name("Open")
                .query(FilterQuery::new(vec![condition(
                    "status",
                    "equal_to",
                    json!(["open"]),
                )])),
        )
        .await
        .unwrap();
    assert_eq!(updated.name(), "Open");
    let fetched = admin
        .get_custom_filter(GetCustomFilterParams::new(created.id))
        .await
        .unwrap();
    assert_eq!(fetched.name(), "Open");
    assert_eq!(fetched.query.unwrap().payload.len(), 1);
    assert!(fetched.updated_at >= created.updated_at);

    admin
        .delete_custom_filter(DeleteCustomFilterParams::new(created.id))
        .await
        .unwrap();
    assert_eq!(
        status(
            admin
                .get_custom_filter(GetCustomFilterParams::new(created.id))
                .await
        ),
        404
    );
    assert!(
        admin
            .list_custom_filters(ListCustomFiltersParams::new())
            .await
            .unwrap()
            .is_empty()
    );
}

pub(crate) async fn automation_rules(emu: &Emu) {
    let admin = emu.user("admin");
    let agent = emu.user("agent");
    let bug_conditions = || {
        vec![
            condition("message_type", "equal_to", json!(["incoming"])).query_operator("AND"),
            condition("content", "contains", json!(["bug"])),
        ]
    };
    let label_bug = || {
        vec![
            AutomationActionInput::new(AutomationActionName::AddLabel)
                .action_params(vec![json!("bug")]),
        ]
    };
    let new_rule = |conditions: Vec<FilterCondition>, actions: Vec<AutomationActionInput>| {
        CreateAutomationRuleParams::new(
            "Label bug reports",
            AutomationEvent::MessageCreated,
            conditions,
            actions,
        )
    };
    let bug_rule = || new_rule(bug_conditions(), label_bug());

    assert_eq!(
        status(
            agent
                .list_automation_rules(ListAutomationRulesParams::new())
                .await
        ),
        401,
        "administrators only"
    );
    assert_eq!(status(agent.create_automation_rule(bug_rule()).await), 401);

    // Create answers the bare rule; `active` defaults to true.
    let rule = admin
        .create_automation_rule(bug_rule().description("Tag bugs"))
        .await
        .unwrap();
    assert_eq!(rule.name(), "Label bug reports");
    assert_eq!(rule.event_name(), Some(&AutomationEvent::MessageCreated));
    assert!(rule.active());
    assert_eq!(rule.conditions.len(), 2);
    assert_eq!(
        rule.actions[0].action_name(),
        Some(&AutomationActionName::AddLabel)
    );
    assert_eq!(rule.actions[0].action_params, [json!("bug")]);
    assert!(rule.files.is_empty());

    // Validation errors come back as `{"error": {attribute: [messages]}}`.
    let (code, body) = error_body(
        admin
            .create_automation_rule(new_rule(
                vec![
                    condition("tier", "equal_to", json!(["gold"])),
                    condition("status", "equal_to", json!(["open"])),
                ],
                vec![AutomationActionInput::new("explode")],
            ))
            .await,
    );
    assert_eq!(code, 422);
    assert_eq!(
        body,
        json!({"error": {
            "conditions": [
                "Automation conditions tier not supported.",
                "Automation conditions should have query operator."
            ],
            "actions": ["Automation actions explode not supported."]
        }})
    );
    let (code, body) = error_body(
        admin
            .create_automation_rule(new_rule(
                bug_conditions(),
                vec![
                    AutomationActionInput::new(AutomationActionName::SendAttachment)
                        .action_params(vec![json!("not-a-signed-blob-id")]),
                ],
            ))
            .await,
    );
    assert_eq!((code, body), (422, json!({"error": "Invalid attachment"})));

    // A custom attribute's key becomes a valid condition.
    admin
        .create_custom_attribute_definition(
            CreateCustomAttributeDefinitionParams::new("Tier", "tier")
                .attribute_model(AttributeModel::ConversationAttribute),
        )
        .await
        .unwrap();
    let tiered = admin
        .create_automation_rule(new_rule(
            vec![
                condition("tier", "equal_to", json!(["gold"]))
                    .custom_attribute_type("conversation_attribute"),
            ],
            label_bug(),
        ))
        .await
        .unwrap();

    let updated = admin
        .update_automation_rule(
            UpdateAutomationRuleParams::new(rule.id)
                .active(false)
                .event_name(AutomationEvent::ConversationCreated)
                .conditions(vec![condition(
                    "inbox_id",
                    "equal_to",
                    json!([emu.inbox_id()]),
                )]),
        )
        .await
        .unwrap()
        .payload
        .unwrap();
    assert!(!updated.active());
    assert_eq!(updated.conditions.len(), 1);
    assert_eq!(updated.actions.len(), 1, "actions not given stay");
    let (code, body) = error_body(
        admin
            .update_automation_rule(UpdateAutomationRuleParams::new(rule.id).conditions(vec![
                condition("status", "equal_to", json!(["open"])).query_operator("XOR"),
            ]))
            .await,
    );
    assert_eq!(
        (code, body),
        (
            422,
            json!({"error": {"conditions": ["Query operator must be either \"AND\" or \"OR\""]}})
        )
    );
    let fetched = admin
        .get_automation_rule(GetAutomationRuleParams::new(rule.id))
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_eq!(
        fetched.event_name(),
        Some(&AutomationEvent::ConversationCreated)
    );
    assert_eq!(fetched.conditions[0].attribute_key(), "inbox_id");

    let copy = admin
        .clone_automation_rule(CloneAutomationRuleParams::new(rule.id))
        .await
        .unwrap()
        .payload
        .unwrap();
    assert_ne!(copy.id, rule.id);
    assert_eq!(
        (copy.name(), copy.conditions.len()),
        (fetched.name(), fetched.conditions.len())
    );

    let listed = admin
        .list_automation_rules(ListAutomationRulesParams::new())
        .await
        .unwrap()
        .payload;
    let ids: Vec<_> = listed.iter().map(|r| r.id).collect();
    assert_eq!(ids, [rule.id, tiered.id, copy.id]);

    admin
        .delete_automation_rule(DeleteAutomationRuleParams::new(rule.id))
        .await
        .unwrap();
    assert_eq!(
        status(
            admin
                .get_automation_rule(GetAutomationRuleParams::new(rule.id))
                .await
        ),
        404
    );
    assert_eq!(
        status(
            admin
                .clone_automation_rule(CloneAutomationRuleParams::new(rule.id))
                .await
        ),
        404
    );
    assert_eq!(
        admin
            .list_automation_rules(ListAutomationRulesParams::new())
            .await
            .unwrap()
            .payload
            .len(),
        2
    );
}

#[tokio::test]
async fn custom_filters_are_per_user() {
    custom_filters(&Emu::start().await).await;
}

#[tokio::test]
async fn automation_rules_for_administrators() {
    automation_rules(&Emu::start().await).await;
}

/// What the typed client never sends, over raw HTTP: the Rails-wrapped body, a body with
/// nothing to wrap, integer enum values, and the NOT NULL columns.
#[tokio::test]
async fn custom_filter_bodies_as_rails_reads_them() {
    let emu = Emu::start().await;
    let post = |body: serde_json::Value| {
        let url = format!("{}/api/v1/accounts/1/custom_filters", emu.base());
        let token = emu.token("admin");
        async move {
            let response = reqwest::Client::new()
                .post(url)
                .header("api_access_token", token)
                .header("content-type", "application/json")
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let body: serde_json::Value =
                serde_json::from_str(&response.text().await.unwrap()).unwrap();
            (status, body)
        }
    };
    let (code, wrapped) = post(json!({"custom_filter": {
        "name": "Segment", "filter_type": 1, "query": {"payload": []}
    }}))
    .await;
    assert_eq!(code, 200);
    assert_eq!(wrapped["filter_type"], "contact", "the integer enum value");
    let listed = reqwest::Client::new()
        .get(format!(
            "{}/api/v1/accounts/1/custom_filters?filter_type=1",
            emu.base()
        ))
        .header("api_access_token", emu.token("admin"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(
        listed[0]["id"], wrapped["id"],
        "the dashboard's ?filter_type=1"
    );
    assert_eq!(
        post(json!({"page": 1})).await,
        (
            422,
            json!({"error": "param is missing or the value is empty: custom_filter"})
        )
    );
    // `name` and `query` have no validations, only NOT NULL columns: an unhandled 500.
    assert_eq!(post(json!({"query": {}})).await.0, 500);
    assert_eq!(post(json!({"name": "No query"})).await.0, 500);
    assert_eq!(
        post(json!({"name": "Bad type", "filter_type": "inbox", "query": {}}))
            .await
            .0,
        500
    );
}
