//! Fault injection, by flag or by `POST /__emulator/faults`: a status (429 with `Retry-After`,
//! 5xx), added latency, a dropped connection, a truncated or a stalled body, per route, for the next N
//! matching requests (or all of them).

use serde_json::Value;

/// What to do to a matching request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    /// Answer with this status (and `Retry-After`, and body) without handling the request.
    Status {
        status: u16,
        retry_after: Option<String>,
        body: String,
    },
    /// Wait this long, then handle the request.
    Latency { ms: u64 },
    /// Close the connection without answering.
    Drop,
    /// Handle the request, then send half the body and close.
    Truncate,
    /// Handle the request, send half the body, then hold the connection this long without
    /// another byte before closing it (a stalled body).
    Stall { ms: u64 },
}

/// One injected fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fault {
    /// `None`: any method.
    method: Option<String>,
    /// Path pattern: `*` matches one segment, a trailing `**` the rest.
    path: String,
    /// Matches left; `None`: forever.
    remaining: Option<u32>,
    action: Action,
}

impl Fault {
    /// From the control endpoint's JSON:
    /// `{"method": "GET", "path": "/api/v1/accounts/*/agents", "kind": "status", "status": 429,
    ///   "retry_after": "1", "body": "", "times": 1}`; kinds `status`, `latency` (`ms`), `drop`,
    /// `truncate`, `stall` (`ms`, how long the body stalls; default 120 s).
    pub(crate) fn from_json(v: &Value) -> Result<Fault, String> {
        let text = |k: &str| {
            v.get(k).and_then(|x| {
                x.as_str()
                    .map(str::to_owned)
                    .or_else(|| x.as_u64().map(|n| n.to_string()))
            })
        };
        let pairs: Vec<(String, String)> = ["kind", "status", "retry_after", "body", "ms", "times"]
            .iter()
            .filter_map(|k| Some(((*k).to_owned(), text(k)?)))
            .collect();
        Fault::build(
            text("method"),
            text("path").unwrap_or_else(|| "/**".into()),
            &pairs,
        )
    }

    /// From a `--fault` flag: `"GET /api/v1/accounts/*/agents kind=status status=503 times=1"`
    /// (method `*` for any).
    pub(crate) fn from_flag(flag: &str) -> Result<Fault, String> {
        let mut words = flag.split_whitespace();
        let method = words.next().ok_or("a fault needs a method and a path")?;
        let path = words.next().ok_or("a fault needs a path")?;
        let pairs: Vec<(String, String)> = words
            .map(|w| {
                w.split_once('=')
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .ok_or(format!("not key=value: {w}"))
            })
            .collect::<Result<_, _>>()?;
        Fault::build(
            (method != "*").then(|| method.to_owned()),
            path.to_owned(),
            &pairs,
        )
    }

    fn build(
        method: Option<String>,
        path: String,
        pairs: &[(String, String)],
    ) -> Result<Fault, String> {
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let number = |k: &str| {
            get(k)
                .map(|v| {
                    v.parse::<u64>()
                        .map_err(|_| format!("{k} must be a number"))
                })
                .transpose()
        };
        let action = match get("kind").unwrap_or("status") {
            "status" => Action::Status {
                status: u16::try_from(number("status")?.unwrap_or(503))
                    .map_err(|_| "bad status")?,
                retry_after: get("retry_after").map(str::to_owned),
                body: get("body").unwrap_or_default().to_owned(),
            },
            "latency" => Action::Latency {
                ms: number("ms")?.unwrap_or(1000),
            },
            "drop" => Action::Drop,
            "truncate" => Action::Truncate,
            "stall" => Action::Stall {
                ms: number("ms")?.unwrap_or(120_000),
            },
            other => return Err(format!("unknown fault kind {other:?}")),
        };
        let remaining = number("times")?.map(|t| u32::try_from(t).unwrap_or(u32::MAX));
        Ok(Fault {
            method: method.map(|m| m.to_uppercase()),
            path,
            remaining,
            action,
        })
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        if self.method.as_deref().is_some_and(|m| m != method) {
            return false;
        }
        let want: Vec<&str> = self.path.trim_matches('/').split('/').collect();
        let have: Vec<&str> = path.trim_matches('/').split('/').collect();
        for (i, w) in want.iter().enumerate() {
            match (*w, have.get(i)) {
                ("**", _) => return true,
                ("*", Some(_)) => {}
                (w, Some(h)) if w == *h => {}
                _ => return false,
            }
        }
        want.len() == have.len()
    }
}

/// The faults in force.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    list: Vec<Fault>,
}

impl Faults {
    pub(crate) fn add(&mut self, fault: Fault) {
        self.list.push(fault);
    }

    pub(crate) fn clear(&mut self) {
        self.list.clear();
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// The action for a request, using up one match of the first fault that applies.
    pub(crate) fn take(&mut self, method: &str, path: &str) -> Option<Action> {
        let index = self.list.iter().position(|f| f.matches(method, path))?;
        let fault = &mut self.list[index];
        let action = fault.action.clone();
        if let Some(n) = &mut fault.remaining {
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.list.remove(index);
            }
        }
        Some(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_patterns_and_counts() {
        let mut faults = Faults::default();
        faults.add(
            Fault::from_flag(
                "GET /api/v1/accounts/*/agents kind=status status=429 retry_after=2 times=2",
            )
            .unwrap(),
        );
        faults.add(Fault::from_flag("* /public/** kind=drop").unwrap());
        assert_eq!(faults.take("POST", "/api/v1/accounts/1/agents"), None);
        let first = faults.take("GET", "/api/v1/accounts/1/agents");
        assert_eq!(
            first,
            Some(Action::Status {
                status: 429,
                retry_after: Some("2".into()),
                body: String::new()
            })
        );
        assert!(faults.take("GET", "/api/v1/accounts/7/agents").is_some());
        assert_eq!(
            faults.take("GET", "/api/v1/accounts/7/agents"),
            None,
            "used up after two"
        );
        assert_eq!(
            faults.take("PATCH", "/public/api/v1/inboxes/x"),
            Some(Action::Drop)
        );
        assert_eq!(
            faults.take("PATCH", "/public/api/v1/inboxes/x"),
            Some(Action::Drop),
            "no times: forever"
        );
        assert!(Fault::from_flag("GET /x kind=explode").is_err());
        let json = serde_json::json!({"path": "/api/**", "kind": "latency", "ms": 250, "times": 1});
        assert_eq!(
            Fault::from_json(&json).unwrap().action,
            Action::Latency { ms: 250 }
        );
    }
}
