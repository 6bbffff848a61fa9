//! Account API v2, reports: `/api/v2/accounts/{account_id}/reports...`, `summary_reports/...`
//! and `live_reports/...`, computed from the store (conversations, messages, reporting events).
//! All need `ReportPolicy#view?`: administrators.

use super::World;
use super::report_data::{
    Dim, Kind, Range, aggregate, decimal, dim, mean, periods, range, samples, within,
};
use super::summary_reports::{by_dimension, by_label, channel, channel_of};
use crate::auth::Bots;
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Assignee, Conversation, Id, Store};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

pub(super) fn route(w: &mut World, req: &Req, method: &str, account_id: Id, rest: &[&str]) -> Res {
    if method != "GET" {
        return Err(Fail::rails_not_found());
    }
    let known = matches!(
        rest,
        ["reports", ..] | ["summary_reports", _] | ["live_reports", _]
    );
    if !known {
        return Err(Fail::rails_not_found());
    }
    w.scope(req, account_id, Bots::Denied)?.require_admin()?;
    let store = &w.store;
    match rest {
        ["reports"] => timeseries(store, req, account_id),
        ["reports", "summary"] => summary(store, req, account_id, SUMMARY),
        ["reports", "bot_summary"] => summary(store, req, account_id, BOT_SUMMARY),
        ["reports", "bot_metrics"] => Ok(Reply::json(bot_metrics(store, account_id, range(req)))),
        ["reports", "conversations"] => conversation_metrics(store, req, account_id),
        ["reports", "first_response_time_distribution"] => {
            Ok(Reply::json(distribution(store, account_id, range(req))))
        }
        ["reports", "inbox_label_matrix"] => Ok(Reply::json(matrix(store, req, account_id))),
        ["reports", "outgoing_messages_count"] => outgoing(store, req, account_id),
        ["reports", csv] => super::report_csv::v2(store, req, account_id, csv),
        ["summary_reports", "agent"] => Ok(Reply::json(by_dimension(
            store,
            range(req),
            account_id,
            'a',
        ))),
        ["summary_reports", "team"] => Ok(Reply::json(by_dimension(
            store,
            range(req),
            account_id,
            't',
        ))),
        ["summary_reports", "inbox"] => Ok(Reply::json(by_dimension(
            store,
            range(req),
            account_id,
            'i',
        ))),
        ["summary_reports", "label"] => Ok(Reply::json(by_label(store, range(req), account_id))),
        ["summary_reports", "channel"] => channel(store, req, account_id),
        ["live_reports", "conversation_metrics"] => live(store, req, account_id, None),
        ["live_reports", "grouped_conversation_metrics"] => match req.str("group_by").as_deref() {
            Some(g @ ("assignee_id" | "team_id")) => live(store, req, account_id, Some(g)),
            _ => Err(Fail::error(422, "invalid group_by")),
        },
        _ => Err(Fail::no_route()),
    }
}

/// `GET reports`: an unknown metric renders `{}` (the builder logs it and returns a hash).
fn timeseries(store: &Store, req: &Req, account_id: Id) -> Res {
    let metric = req.str("metric").unwrap_or_default();
    let d = dim(store, req, account_id)?;
    let bh = req.bool("business_hours").unwrap_or(false);
    let range = range(req);
    let Some((kind, found)) = samples(store, account_id, &d, &metric, range, bh) else {
        return Ok(Reply::json(json!({})));
    };
    let group_by = req.str("group_by").unwrap_or_default();
    let offset: f64 = req
        .str("timezone_offset")
        .and_then(|o| o.parse().ok())
        .unwrap_or(0.0);
    let points: Vec<Value> = periods(&found, range, &group_by, offset)
        .into_iter()
        .map(|(timestamp, values)| match kind {
            Kind::Count => json!({ "value": values.len(), "timestamp": timestamp }),
            Kind::Average => json!({
                "value": mean(&values).map_or(json!(0), decimal),
                "timestamp": timestamp,
                "count": values.len(),
            }),
        })
        .collect();
    Ok(Reply::json(Value::Array(points)))
}

const SUMMARY: &[(&str, &str)] = &[
    ("conversations_count", "conversations_count"),
    ("incoming_messages_count", "incoming_messages_count"),
    ("outgoing_messages_count", "outgoing_messages_count"),
    ("avg_first_response_time", "avg_first_response_time"),
    ("avg_resolution_time", "avg_resolution_time"),
    ("resolutions_count", "resolutions_count"),
    ("reply_time", "reply_time"),
];

const BOT_SUMMARY: &[(&str, &str)] = &[
    ("bot_resolutions_count", "bot_resolutions_count"),
    ("bot_handoffs_count", "bot_handoffs_count"),
];

/// One period's figures (`MetricBuilder#summary` / `#bot_summary`).
pub(crate) fn figures(
    store: &Store,
    account_id: Id,
    d: &Dim,
    range: Range,
    bh: bool,
    keys: &[(&str, &str)],
) -> Map<String, Value> {
    keys.iter()
        .map(|(key, metric)| {
            let value = samples(store, account_id, d, metric, range, bh)
                .map_or(Value::Null, |(kind, found)| aggregate(kind, &found));
            ((*key).to_owned(), value)
        })
        .collect()
}

/// `build_summary`: the range, and the equally long one before it as `previous`.
fn summary(store: &Store, req: &Req, account_id: Id, keys: &[(&str, &str)]) -> Res {
    let d = dim(store, req, account_id)?;
    let bh = req.bool("business_hours").unwrap_or(false);
    let current = range(req);
    let previous = current.map(|(since, until)| (since - (until - since), since));
    let mut out = figures(store, account_id, &d, current, bh, keys);
    out.insert(
        "previous".into(),
        Value::Object(figures(store, account_id, &d, previous, bh, keys)),
    );
    Ok(Reply::json(Value::Object(out)))
}

/// Inboxes with an active bot: in the emulator, those with a conversation a bot holds.
fn bot_inboxes(store: &Store, account_id: Id) -> Vec<Id> {
    let mut ids: Vec<Id> = store
        .conversations
        .of_account(account_id)
        .filter(|c| matches!(c.assignee, Some(Assignee::Bot(_))))
        .map(|c| c.inbox_id)
        .collect();
    ids.dedup();
    ids
}

/// `BotMetricsBuilder#metrics`.
fn bot_metrics(store: &Store, account_id: Id, range: Range) -> Value {
    let inboxes = bot_inboxes(store, account_id);
    let conversations: Vec<&Conversation> = store
        .conversations
        .of_account(account_id)
        .filter(|c| inboxes.contains(&c.inbox_id) && within(range, c.created_at))
        .collect();
    let messages = conversations
        .iter()
        .flat_map(|c| store.messages_of(c.id))
        .filter(|m| m.message_type == 1 && within(range, m.created_at))
        .count();
    let count = |metric| {
        samples(store, account_id, &Dim::Account, metric, range, false)
            .map_or(0, |(_, found)| found.len())
    };
    let rate = |n: usize| {
        if conversations.is_empty() {
            0
        } else {
            (n as f64 / conversations.len() as f64 * 100.0) as i64
        }
    };
    json!({
        "conversation_count": conversations.len(),
        "message_count": messages,
        "resolution_rate": rate(count("bot_resolutions_count")),
        "handoff_rate": rate(count("bot_handoffs_count")),
    })
}

/// Open, and open without a first reply or waiting (`Conversation.unattended`).
fn open_unattended<'a>(list: impl Iterator<Item = &'a Conversation>) -> (usize, usize, usize) {
    let open: Vec<&Conversation> = list.filter(|c| c.status == "open").collect();
    let unattended = open
        .iter()
        .filter(|c| c.first_reply_created_at.is_none() || c.waiting_since.is_some())
        .count();
    // `unassigned` is `assignee_id: nil`: a conversation a bot holds has no assignee.
    let unassigned = open
        .iter()
        .filter(|c| !matches!(c.assignee, Some(Assignee::User(_))))
        .count();
    (open.len(), unattended, unassigned)
}

/// `GET reports/conversations`: `head :unprocessable_entity` without a type.
fn conversation_metrics(store: &Store, req: &Req, account_id: Id) -> Res {
    let kind = req.str("type").unwrap_or_default();
    if kind.is_empty() {
        return Ok(Reply::head(422));
    }
    if kind == "account" {
        let (open, unattended, unassigned) =
            open_unattended(store.conversations.of_account(account_id));
        // `open.pending` intersects two statuses: always 0 on the server.
        return Ok(Reply::json(
            json!({ "open": open, "unattended": unattended, "unassigned": unassigned, "pending": 0 }),
        ));
    }
    let mut members: Vec<_> = store
        .account_users
        .iter()
        .filter(|m| m.account_id == account_id)
        .collect();
    members.sort_by_key(|m| m.id);
    let mut rows: Vec<(usize, Value)> = super::page(members, req.int("page"), 25)
        .into_iter()
        .filter_map(|m| {
            let user = store.user(m.user_id)?;
            let (open, unattended, _) = open_unattended(
                store
                    .conversations
                    .of_account(account_id)
                    .filter(|c| c.assignee == Some(Assignee::User(user.id))),
            );
            Some((
                open,
                json!({
                    "id": user.id, "name": user.name, "email": user.email, "thumbnail": "",
                    "availability": m.availability,
                    "metric": { "open": open, "unattended": unattended },
                }),
            ))
        })
        .collect();
    rows.sort_by_key(|(open, _)| std::cmp::Reverse(*open));
    Ok(Reply::json(Value::Array(
        rows.into_iter().map(|(_, v)| v).collect(),
    )))
}

/// `FirstResponseTimeDistributionBuilder#build`.
fn distribution(store: &Store, account_id: Id, range: Range) -> Value {
    let mut out: BTreeMap<&str, [u64; 5]> = BTreeMap::new();
    for e in store.reporting_events.iter().filter(|e| {
        e.account_id == account_id && e.name == "first_response" && within(range, e.created_at)
    }) {
        let Some(channel) = channel_of(store, e.inbox_id) else {
            continue;
        };
        let bucket = match e.value {
            v if v < 3600.0 => 0,
            v if v < 14_400.0 => 1,
            v if v < 28_800.0 => 2,
            v if v < 86_400.0 => 3,
            _ => 4,
        };
        out.entry(channel).or_default()[bucket] += 1;
    }
    let map: Map<String, Value> = out
        .into_iter()
        .map(|(channel, b)| {
            (
                channel.to_owned(),
                json!({ "0-1h": b[0], "1-4h": b[1], "4-8h": b[2], "8-24h": b[3], "24h+": b[4] }),
            )
        })
        .collect();
    Value::Object(map)
}

/// Ids from `key[]=1&key[]=2` (or `key=1,2`).
fn id_list(req: &Req, key: &str) -> Vec<Id> {
    req.query_list(key)
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// `InboxLabelMatrixBuilder#build`.
fn matrix(store: &Store, req: &Req, account_id: Id) -> Value {
    let (inbox_ids, label_ids) = (id_list(req, "inbox_ids"), id_list(req, "label_ids"));
    let mut inboxes: Vec<_> = store
        .inboxes
        .iter()
        .filter(|i| i.account_id == account_id)
        .filter(|i| inbox_ids.is_empty() || inbox_ids.contains(&i.id))
        .collect();
    inboxes.sort_by(|a, b| a.name.cmp(&b.name));
    let mut labels: Vec<_> = store
        .labels
        .iter()
        .filter(|l| l.account_id == account_id)
        .filter(|l| label_ids.is_empty() || label_ids.contains(&l.id))
        .collect();
    labels.sort_by(|a, b| a.title.cmp(&b.title));
    let range = range(req);
    let rows: Vec<Value> = inboxes
        .iter()
        .map(|inbox| {
            let cells: Vec<usize> = labels
                .iter()
                .map(|label| {
                    store
                        .conversations
                        .of_account(account_id)
                        .filter(|c| c.inbox_id == inbox.id && within(range, c.created_at))
                        .filter(|c| c.labels.contains(&label.title))
                        .count()
                })
                .collect();
            json!(cells)
        })
        .collect();
    json!({
        "inboxes": inboxes.iter().map(|i| json!({ "id": i.id, "name": i.name })).collect::<Vec<_>>(),
        "labels": labels.iter().map(|l| json!({ "id": l.id, "title": l.title })).collect::<Vec<_>>(),
        "matrix": rows,
    })
}

/// `OutgoingMessagesCountBuilder#build`: `head :unprocessable_entity` for another `group_by`.
fn outgoing(store: &Store, req: &Req, account_id: Id) -> Res {
    let group_by = req.str("group_by").unwrap_or_default();
    if !["agent", "team", "inbox", "label"].contains(&group_by.as_str()) {
        return Ok(Reply::head(422));
    }
    let range = range(req);
    let mut counts: BTreeMap<String, (Value, Value, u64)> = BTreeMap::new();
    for c in store.conversations.of_account(account_id) {
        for m in store
            .messages_of(c.id)
            .filter(|m| m.message_type == 1 && within(range, m.created_at))
        {
            let keys: Vec<(Value, Value)> = match group_by.as_str() {
                "agent" => match m.sender {
                    Some(crate::store::Sender::User(u)) => {
                        vec![(json!(u), json!(store.user(u).map(|x| x.name.clone())))]
                    }
                    _ => vec![],
                },
                "team" => c
                    .team_id
                    .map(|t| (json!(t), json!(store.team(t).map(|x| x.name.clone()))))
                    .into_iter()
                    .collect(),
                "inbox" => vec![(
                    json!(m.inbox_id),
                    json!(store.inbox(m.inbox_id).map(|x| x.name.clone())),
                )],
                _ => c
                    .labels
                    .iter()
                    .map(|title| {
                        let label = store
                            .labels
                            .iter()
                            .find(|l| l.account_id == account_id && &l.title == title);
                        (json!(label.map(|l| l.id)), json!(title))
                    })
                    .collect(),
            };
            for (id, name) in keys {
                let key = format!("{id}/{name}");
                counts.entry(key).or_insert((id, name, 0)).2 += 1;
            }
        }
    }
    Ok(Reply::json(Value::Array(
        counts
            .into_values()
            .map(|(id, name, n)| json!({ "id": id, "name": name, "outgoing_messages_count": n }))
            .collect(),
    )))
}

/// `live_reports`: now, optionally of one team (404 for another account's team).
fn live(store: &Store, req: &Req, account_id: Id, group: Option<&str>) -> Res {
    let team = match req.str("team_id") {
        Some(t) => Some(
            t.parse::<Id>()
                .ok()
                .and_then(|t| store.team(t))
                .filter(|t| t.account_id == account_id)
                .ok_or_else(Fail::not_found)?
                .id,
        ),
        None => None,
    };
    let all = || {
        store
            .conversations
            .of_account(account_id)
            .filter(move |c| team.is_none_or(|t| c.team_id == Some(t)))
    };
    let Some(group) = group else {
        let (open, unattended, unassigned) = open_unattended(all());
        let pending = all().filter(|c| c.status == "pending").count();
        return Ok(Reply::json(json!({
            "open": open, "unattended": unattended, "unassigned": unassigned, "pending": pending,
        })));
    };
    let key_of = |c: &Conversation| match group {
        "team_id" => c.team_id,
        _ => match c.assignee {
            Some(Assignee::User(u)) => Some(u),
            _ => None,
        },
    };
    let mut keys: Vec<Option<Id>> = all().filter(|c| c.status == "open").map(key_of).collect();
    keys.sort();
    keys.dedup();
    Ok(Reply::json(Value::Array(
        keys.into_iter()
            .map(|k| {
                let (open, unattended, unassigned) =
                    open_unattended(all().filter(|c| key_of(c) == k));
                let mut o =
                    json!({ "open": open, "unattended": unattended, "unassigned": unassigned });
                o[group] = json!(k);
                o
            })
            .collect(),
    )))
}
