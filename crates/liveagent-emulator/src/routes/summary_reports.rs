//! Account API v2, summary reports: `/api/v2/accounts/{account_id}/summary_reports/...`, one
//! row per agent, team, inbox or label (`V2::Reports::*SummaryBuilder`), or per channel type.

use super::report_data::{Dim, Range, aggregate, range, samples, within};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Id, Store};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The channel type of an inbox.
pub(crate) fn channel_of(store: &Store, inbox_id: Id) -> Option<&'static str> {
    store.inbox(inbox_id).map(|i| i.channel.type_name())
}

/// `RawDataSource#summary` for one dimension value: conversations, resolutions, averages.
pub(crate) fn dimension_row(
    store: &Store,
    account_id: Id,
    d: &Dim,
    range: Range,
) -> Map<String, Value> {
    let avg = |metric| {
        samples(store, account_id, d, metric, range, false)
            .map_or(Value::Null, |(kind, found)| aggregate(kind, &found))
    };
    let count = |metric| {
        samples(store, account_id, d, metric, range, false).map_or(0, |(_, found)| found.len())
    };
    let mut row = Map::new();
    row.insert(
        "conversations_count".into(),
        json!(count("conversations_count")),
    );
    row.insert(
        "resolved_conversations_count".into(),
        json!(count("resolutions_count")),
    );
    row.insert("avg_resolution_time".into(), avg("avg_resolution_time"));
    row.insert(
        "avg_first_response_time".into(),
        avg("avg_first_response_time"),
    );
    row.insert("avg_reply_time".into(), avg("reply_time"));
    row
}

/// `summary_reports/agent|team|inbox`: one row per account user, team or inbox.
pub(crate) fn by_dimension(store: &Store, range: Range, account_id: Id, of: char) -> Value {
    let dims: Vec<(Id, Dim)> = match of {
        'a' => store
            .account_users
            .iter()
            .filter(|m| m.account_id == account_id)
            .map(|m| (m.user_id, Dim::Agent(m.user_id)))
            .collect(),
        't' => store
            .teams
            .iter()
            .filter(|t| t.account_id == account_id)
            .map(|t| (t.id, Dim::Team(t.id)))
            .collect(),
        _ => store
            .inboxes
            .iter()
            .filter(|i| i.account_id == account_id)
            .map(|i| (i.id, Dim::Inbox(i.id)))
            .collect(),
    };
    Value::Array(
        dims.into_iter()
            .map(|(id, d)| {
                let mut row = Map::new();
                row.insert("id".into(), json!(id));
                row.extend(dimension_row(store, account_id, &d, range));
                Value::Object(row)
            })
            .collect(),
    )
}

/// `summary_reports/label` (`LabelSummaryBuilder`): averages are `.to_f`, else 0.
pub(crate) fn by_label(store: &Store, range: Range, account_id: Id) -> Value {
    let labels = store.labels.iter().filter(|l| l.account_id == account_id);
    Value::Array(
        labels
            .map(|l| {
                let d = Dim::Label(l.title.clone());
                let row = dimension_row(store, account_id, &d, range);
                let num = |k: &str| {
                    row[k]
                        .as_str()
                        .and_then(|s| s.parse::<f64>().ok())
                        .map_or(json!(0), |v| json!(v))
                };
                json!({
                    "id": l.id, "name": l.title,
                    "conversations_count": row["conversations_count"],
                    "avg_resolution_time": num("avg_resolution_time"),
                    "avg_first_response_time": num("avg_first_response_time"),
                    "avg_reply_time": num("avg_reply_time"),
                    "resolved_conversations_count": row["resolved_conversations_count"],
                })
            })
            .collect(),
    )
}

/// `summary_reports/channel`: at most 6 months, else the could-not-create error.
pub(crate) fn channel(store: &Store, req: &Req, account_id: Id) -> Res {
    let range = range(req);
    if range.is_some_and(|(since, until)| until - since > 183.0 * 86_400.0) {
        return Err(Fail::error(422, "Date range cannot exceed 6 months"));
    }
    let mut out: BTreeMap<&str, [u64; 4]> = BTreeMap::new();
    for c in store
        .conversations
        .of_account(account_id)
        .filter(|c| within(range, c.created_at))
    {
        let Some(channel) = channel_of(store, c.inbox_id) else {
            continue;
        };
        let slot = match c.status.as_str() {
            "open" => 0,
            "resolved" => 1,
            "pending" => 2,
            _ => 3,
        };
        out.entry(channel).or_default()[slot] += 1;
    }
    let map: Map<String, Value> = out
        .into_iter()
        .map(|(channel, s)| {
            (
                channel.to_owned(),
                json!({ "open": s[0], "resolved": s[1], "pending": s[2], "snoozed": s[3], "total": s.iter().sum::<u64>() }),
            )
        })
        .collect();
    Ok(Reply::json(Value::Object(map)))
}
