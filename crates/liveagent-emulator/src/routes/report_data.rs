//! Reports, the data: which conversations, messages and reporting events a report counts
//! (`Reports::RawDataSource`, `ReportHelper`), ranges, periods and the server's number formats.

use crate::clock::civil_from_days;
use crate::http::{Fail, Req};
use crate::store::{Assignee, Conversation, Id, Message, ReportingEvent, Sender, Store};
use serde_json::{Value, json};

/// `[since, until)` in epoch seconds (`DateRangeHelper#range`: none unless both are given).
pub(crate) type Range = Option<(f64, f64)>;

/// The range of the `since` and `until` params.
pub(crate) fn range(req: &Req) -> Range {
    Some((req.int("since")? as f64, req.int("until")? as f64))
}

/// Whether `t` lies in the range (everything does without one).
pub(crate) fn within(range: Range, t: f64) -> bool {
    range.is_none_or(|(since, until)| t >= since && t < until)
}

/// What a report is about (`type` and `id`).
#[derive(Debug, Clone)]
pub(crate) enum Dim {
    Account,
    Agent(Id),
    Inbox(Id),
    Label(String),
    Team(Id),
}

/// The report's subject; an unknown `id` is the account API's 404.
pub(crate) fn dim(store: &Store, req: &Req, account_id: Id) -> Result<Dim, Fail> {
    let kind = req.str("type").unwrap_or_default();
    let id = || req.id("id").ok_or_else(Fail::not_found);
    Ok(match kind.as_str() {
        "agent" => {
            let id = id()?;
            store
                .membership(account_id, id)
                .ok_or_else(Fail::not_found)?;
            Dim::Agent(id)
        }
        "inbox" => {
            let id = id()?;
            store
                .inbox(id)
                .filter(|i| i.account_id == account_id)
                .ok_or_else(Fail::not_found)?;
            Dim::Inbox(id)
        }
        "label" => {
            let id = id()?;
            let label = store
                .labels
                .iter()
                .find(|l| l.id == id && l.account_id == account_id)
                .ok_or_else(Fail::not_found)?;
            Dim::Label(label.title.clone())
        }
        "team" => {
            let id = id()?;
            store
                .team(id)
                .filter(|t| t.account_id == account_id)
                .ok_or_else(Fail::not_found)?;
            Dim::Team(id)
        }
        _ => Dim::Account,
    })
}

impl Dim {
    /// `scope.conversations`: an agent's are those assigned to them.
    pub(crate) fn has_conversation(&self, c: &Conversation) -> bool {
        match self {
            Dim::Account => true,
            Dim::Agent(u) => c.assignee == Some(Assignee::User(*u)),
            Dim::Inbox(i) => c.inbox_id == *i,
            Dim::Label(title) => c.labels.iter().any(|l| l == title),
            Dim::Team(t) => c.team_id == Some(*t),
        }
    }

    /// `scope.messages`: an agent's are those they sent.
    pub(crate) fn has_message(&self, c: &Conversation, m: &Message) -> bool {
        match self {
            Dim::Agent(u) => m.sender == Some(Sender::User(*u)),
            _ => self.has_conversation(c),
        }
    }

    /// `scope.reporting_events`.
    pub(crate) fn has_event(&self, store: &Store, e: &ReportingEvent) -> bool {
        match self {
            Dim::Account => true,
            Dim::Agent(u) => e.user_id == Some(*u),
            Dim::Inbox(i) => e.inbox_id == *i,
            Dim::Label(_) | Dim::Team(_) => store
                .conversation(e.conversation_id)
                .is_some_and(|c| self.has_conversation(c)),
        }
    }
}

/// A metric's kind: counted, or averaged over events of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Count,
    Average,
}

/// The samples of a metric in a range: `(time, value)`; `None` for an unknown metric.
pub(crate) fn samples(
    store: &Store,
    account_id: Id,
    dim: &Dim,
    metric: &str,
    range: Range,
    business_hours: bool,
) -> Option<(Kind, Vec<(f64, f64)>)> {
    let _ = business_hours; // the emulator keeps one duration: business hours are all hours
    let conversations = || {
        store
            .conversations
            .of_account(account_id)
            .filter(|c| dim.has_conversation(c) || matches!(dim, Dim::Agent(_)))
    };
    let messages = |message_type: i64| -> Vec<(f64, f64)> {
        conversations()
            .flat_map(|c| store.messages_of(c.id).map(move |m| (c, m)))
            .filter(|(c, m)| m.message_type == message_type && dim.has_message(c, m))
            .filter(|(_, m)| within(range, m.created_at))
            .map(|(_, m)| (m.created_at, 1.0))
            .collect()
    };
    let events = |name: &str| -> Vec<&ReportingEvent> {
        store
            .reporting_events
            .iter()
            .filter(|e| e.account_id == account_id && e.name == name)
            .filter(|e| within(range, e.created_at) && dim.has_event(store, e))
            .collect()
    };
    let count = |list: Vec<&ReportingEvent>| list.iter().map(|e| (e.created_at, 1.0)).collect();
    let average = |name: &str| {
        (
            Kind::Average,
            events(name)
                .iter()
                .map(|e| (e.created_at, e.value))
                .collect(),
        )
    };
    Some(match metric {
        "conversations_count" => (
            Kind::Count,
            store
                .conversations
                .of_account(account_id)
                .filter(|c| dim.has_conversation(c) && within(range, c.created_at))
                .map(|c| (c.created_at, 1.0))
                .collect(),
        ),
        "incoming_messages_count" => (Kind::Count, messages(0)),
        "outgoing_messages_count" => (Kind::Count, messages(1)),
        "avg_first_response_time" => average("first_response"),
        "avg_resolution_time" => average("conversation_resolved"),
        "reply_time" => average("reply_time"),
        "resolutions_count" => (Kind::Count, count(events("conversation_resolved"))),
        "bot_resolutions_count" => {
            let handed: Vec<Id> = events("conversation_bot_handoff")
                .iter()
                .map(|e| e.conversation_id)
                .collect();
            let resolved = events("conversation_bot_resolved")
                .into_iter()
                .filter(|e| !handed.contains(&e.conversation_id))
                .collect();
            (Kind::Count, count(resolved))
        }
        "bot_handoffs_count" => {
            let mut seen = Vec::new();
            let distinct = events("conversation_bot_handoff")
                .into_iter()
                .filter(|e| {
                    let first = !seen.contains(&e.conversation_id);
                    seen.push(e.conversation_id);
                    first
                })
                .collect();
            (Kind::Count, count(distinct))
        }
        _ => return None,
    })
}

/// A Postgres `AVG` as Rails renders it: a `BigDecimal`, i.e. a decimal string.
pub(crate) fn decimal(value: f64) -> Value {
    let text = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.1}")
    } else {
        format!("{value}")
    };
    Value::String(text)
}

/// The average of the samples (`null` without any), or their count.
pub(crate) fn aggregate(kind: Kind, samples: &[(f64, f64)]) -> Value {
    match kind {
        Kind::Count => json!(samples.len()),
        Kind::Average if samples.is_empty() => Value::Null,
        Kind::Average => {
            decimal(samples.iter().map(|(_, v)| v).sum::<f64>() / samples.len() as f64)
        }
    }
}

/// The average of plain values, if any.
pub(crate) fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

const DAY: i64 = 86_400;

/// `days_from_civil`: days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The start of the period holding local time `local` (seconds), in local seconds.
fn period_start(local: i64, group_by: &str) -> i64 {
    let days = local.div_euclid(DAY);
    match group_by {
        "hour" => local.div_euclid(3600) * 3600,
        // Groupdate's weeks start on Sunday; 1970-01-01 was a Thursday.
        "week" => (days - (days + 4).rem_euclid(7)) * DAY,
        "month" | "year" => {
            let (y, m, _) = civil_from_days(days);
            let m = if group_by == "year" { 1 } else { m };
            days_from_civil(y, m, 1) * DAY
        }
        _ => days * DAY,
    }
}

/// The start of the next period, in local seconds.
fn next_period(start: i64, group_by: &str) -> i64 {
    match group_by {
        "hour" => start + 3600,
        "week" => start + 7 * DAY,
        "month" | "year" => {
            let (y, m, _) = civil_from_days(start.div_euclid(DAY));
            let (y, m) = match (group_by, m) {
                ("year", _) => (y + 1, 1),
                (_, 12) => (y + 1, 1),
                _ => (y, m + 1),
            };
            days_from_civil(y, m, 1) * DAY
        }
        _ => start + DAY,
    }
}

/// Groupdate's `group_by_period`: every period of the range (or of the samples' span without
/// one), each with its samples. Periods start at local midnight (`timezone_offset` hours).
pub(crate) fn periods(
    samples: &[(f64, f64)],
    range: Range,
    group_by: &str,
    offset_hours: f64,
) -> Vec<(i64, Vec<f64>)> {
    let group_by = match group_by {
        "day" | "week" | "month" | "year" | "hour" => group_by,
        _ => "day",
    };
    let offset = (offset_hours * 3600.0).round() as i64;
    let local = |t: f64| t.floor() as i64 + offset;
    let (first, last) = match range {
        Some((since, until)) if until > since => (local(since), local(until) - 1),
        Some(_) => return Vec::new(),
        None => match (
            samples.iter().map(|s| local(s.0)).min(),
            samples.iter().map(|s| local(s.0)).max(),
        ) {
            (Some(a), Some(b)) => (a, b),
            _ => return Vec::new(),
        },
    };
    let mut out = Vec::new();
    let mut start = period_start(first, group_by);
    // A bound on the answer's size: a range from 1970 by the hour is the caller's mistake.
    while start <= last && out.len() < 10_000 {
        let end = next_period(start, group_by);
        let values = samples
            .iter()
            .filter(|s| (start..end).contains(&local(s.0)))
            .map(|s| s.1)
            .collect();
        out.push((start - offset, values));
        start = end;
    }
    out
}

/// `Reports::TimeFormatPresenter#format`: `N/A`, or the two largest units (`1 hour 5 minutes`).
pub(crate) fn duration_text(seconds: Option<f64>) -> String {
    let Some(total) = seconds.map(|s| s as i64).filter(|s| *s != 0) else {
        return "N/A".into();
    };
    let parts = [
        (total / DAY, "day"),
        (total % DAY / 3600, "hour"),
        (total % 3600 / 60, "minute"),
        (total % 60, "second"),
    ];
    let words: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n != 0)
        .take(2)
        .map(|(n, unit)| format!("{n} {unit}{}", if *n == 1 { "" } else { "s" }))
        .collect();
    if words.is_empty() {
        "0 seconds".into()
    } else {
        words.join(" ")
    }
}

/// One CSV line (`CSVSafe.generate_line`): fields quoted when needed, formula starts defused.
pub(crate) fn csv_line(fields: &[Value]) -> String {
    let cells: Vec<String> = fields
        .iter()
        .map(|v| {
            let text = match v {
                Value::Null => return String::new(),
                Value::String(s) => match s.chars().next() {
                    Some('=' | '+' | '-' | '@') => format!("'{s}"),
                    _ => s.clone(),
                },
                other => other.to_string(),
            };
            if text.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text
            }
        })
        .collect();
    format!("{}\n", cells.join(","))
}

/// `Date.strptime(epoch, '%s')`: the UTC date.
pub(crate) fn date_text(epoch: i64) -> String {
    let (y, m, d) = civil_from_days(epoch.div_euclid(DAY));
    format!("{y:04}-{m:02}-{d:02}")
}
