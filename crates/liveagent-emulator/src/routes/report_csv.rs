//! Account API v2, CSV reports: `/api/v2/accounts/{account_id}/reports/{agents,inboxes,labels,
//! teams,conversations_summary,conversation_traffic}` (the `.csv.erb` views).

use super::report_data::{Dim, Range, csv_line, date_text, duration_text, periods, samples};
use super::reports::figures;
use super::summary_reports::{by_dimension, by_label};
use crate::http::{Fail, Reply, Req, Res};
use crate::store::{Channel, Id, Store};
use serde_json::{Value, json};

/// The period line the views start (or end) with; the server fails (500) without a range.
pub(crate) fn period_line(req: &Req) -> Result<String, Fail> {
    match (req.int("since"), req.int("until")) {
        (Some(since), Some(until)) => Ok(csv_line(&[json!(format!(
            "Reporting period {} to {}",
            date_text(since),
            date_text(until)
        ))])),
        _ => Err(Fail::rails_error()),
    }
}

fn seconds(v: &Value) -> Option<f64> {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .or_else(|| v.as_f64())
}

/// `generate_readable_report_metrics`.
fn readable(row: &Value) -> Vec<Value> {
    vec![
        row["conversations_count"].clone(),
        json!(duration_text(seconds(&row["avg_first_response_time"]))),
        json!(duration_text(seconds(&row["avg_resolution_time"]))),
        json!(duration_text(seconds(&row["avg_reply_time"]))),
        row["resolved_conversations_count"].clone(),
    ]
}

/// The rows of a summary builder, with a leading name (and more) per record.
fn table(rows: &Value, name_of: impl Fn(Id) -> Option<Vec<Value>>) -> String {
    rows.as_array()
        .into_iter()
        .flatten()
        .filter_map(|row| {
            let mut cells = name_of(row["id"].as_u64()?)?;
            cells.extend(readable(row));
            Some(csv_line(&cells))
        })
        .collect()
}

pub(super) fn v2(store: &Store, req: &Req, account_id: Id, which: &str) -> Res {
    let range: Range = super::report_data::range(req);
    let headers: &[&str] = match which {
        "agents" => &[
            "Agent name",
            "Assigned conversations",
            "Avg first response time",
            "Avg resolution time",
            "Avg customer waiting time",
            "Resolution Count",
        ],
        "inboxes" => &[
            "Inbox name",
            "Inbox type",
            "No. of conversations",
            "Avg first response time",
            "Avg resolution time",
        ],
        "labels" => &[
            "Label",
            "No. of conversations",
            "Avg first response time",
            "Avg resolution time",
            "Avg reply time",
            "Resolution Count",
        ],
        "teams" => &[
            "Team name",
            "Conversations count",
            "Avg first response time",
            "Avg resolution time",
            "Avg customer waiting time",
            "Resolution Count",
        ],
        "conversations_summary" => &[
            "Conversations",
            "Messages received",
            "Messages sent",
            "Avg first response time",
            "Avg resolution time",
            "Resolution count",
            "Avg customer waiting time",
        ],
        "conversation_traffic" => return Ok(Reply::csv(traffic(store, req, account_id))),
        _ => return Err(Fail::rails_not_found()),
    };
    let body = match which {
        "agents" => table(&by_dimension(store, range, account_id, 'a'), |id| {
            Some(vec![json!(store.user(id)?.name)])
        }),
        "inboxes" => table(&by_dimension(store, range, account_id, 'i'), |id| {
            let inbox = store.inbox(id)?;
            let kind = match inbox.channel {
                Channel::Api { .. } => "API",
                Channel::WebWidget { .. } => "Website",
            };
            Some(vec![json!(inbox.name), json!(kind)])
        }),
        "teams" => table(&by_dimension(store, range, account_id, 't'), |id| {
            Some(vec![json!(store.team(id)?.name)])
        }),
        "labels" => by_label(store, range, account_id)
            .as_array()
            .into_iter()
            .flatten()
            .map(|row| {
                let mut cells = vec![row["name"].clone()];
                cells.extend(readable(row));
                csv_line(&cells)
            })
            .collect(),
        _ => {
            let f = figures(
                store,
                account_id,
                &Dim::Account,
                range,
                false,
                &[
                    ("c", "conversations_count"),
                    ("i", "incoming_messages_count"),
                    ("o", "outgoing_messages_count"),
                    ("f", "avg_first_response_time"),
                    ("r", "avg_resolution_time"),
                    ("n", "resolutions_count"),
                    ("w", "reply_time"),
                ],
            );
            csv_line(&[
                f["c"].clone(),
                f["i"].clone(),
                f["o"].clone(),
                json!(duration_text(seconds(&f["f"]))),
                json!(duration_text(seconds(&f["r"]))),
                f["n"].clone(),
                json!(duration_text(seconds(&f["w"]))),
            ])
        }
    };
    let heads: Vec<Value> = headers.iter().map(|h| json!(h)).collect();
    Ok(Reply::csv(format!(
        "{}\n{}{body}",
        period_line(req)?,
        csv_line(&heads)
    )))
}

/// `conversation_traffic`: conversations per hour (rows) and day (columns) of the 6 days
/// before today, in the caller's zone.
fn traffic(store: &Store, req: &Req, account_id: Id) -> String {
    let offset: f64 = req
        .str("timezone_offset")
        .and_then(|o| o.parse().ok())
        .unwrap_or(0.0);
    let shift = (offset * 3600.0).round() as i64;
    let local_today = (crate::clock::now() as i64 + shift).div_euclid(86_400) * 86_400;
    let days_before = req.int("days_before").unwrap_or(6);
    let until = (local_today - shift) as f64;
    let since = until - (days_before * 86_400) as f64;
    let found = samples(
        store,
        account_id,
        &Dim::Account,
        "conversations_count",
        Some((since, until)),
        false,
    )
    .map(|(_, s)| s)
    .unwrap_or_default();
    let cells: Vec<(String, i64, usize)> = periods(&found, Some((since, until)), "hour", offset)
        .into_iter()
        .map(|(t, values)| {
            let local = t + shift;
            (
                date_text(local),
                local.rem_euclid(86_400) / 3600,
                values.len(),
            )
        })
        .collect();
    let mut dates: Vec<String> = cells.iter().map(|c| c.0.clone()).collect();
    dates.dedup();
    let zone = format!(
        "(GMT{}{:02}:{:02})",
        if offset < 0.0 { '-' } else { '+' },
        shift.abs() / 3600,
        shift.abs() % 3600 / 60
    );
    let mut out = csv_line(&[json!("Timezone"), json!(zone)]);
    out.push('\n');
    let mut head = vec![json!("Start of the hour")];
    head.extend(dates.iter().map(|d| json!(d)));
    out.push_str(&csv_line(&head));
    for hour in 0..24 {
        let mut row = vec![json!(format!("{hour:02}:00"))];
        row.extend(dates.iter().map(|d| {
            cells
                .iter()
                .find(|c| &c.0 == d && c.1 == hour)
                .map_or(Value::Null, |c| json!(c.2))
        }));
        out.push_str(&csv_line(&row));
    }
    out
}
