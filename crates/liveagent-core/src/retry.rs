//! The retry policy every runtime follows: which failures are retried, and after how long.
//!
//! Pure: the caller passes the random value for jitter; nothing here reads a clock.
//!
//! - A 429 means the server refused before acting, so it is retried for any method, as is a
//!   failed connect (the request never left).
//! - 408/502/503/504, timeouts and connections broken after sending are retried only for
//!   requests the table marks idempotent, unless the caller opts in for the others.
//! - `Retry-After` is honoured as given; a wait longer than `max_retry_after_ms` (10 s by
//!   default) is not slept through: the error is returned at once with its `retry_after`.
//! - A 429 without `Retry-After` backs off from a longer floor than other failures: the server
//!   said it is overloaded.

/// Retry settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// Backoff before the first retry, before jitter.
    pub initial_delay_ms: u64,
    /// Cap on the exponential backoff.
    pub max_delay_ms: u64,
    /// Longest `Retry-After` the SDK waits for (JS `maxRetryDelay`); beyond it the call fails
    /// at once, with the error's `retry_after` set.
    pub max_retry_after_ms: u64,
    /// Backoff before the first retry of a 429 that came without `Retry-After`, before jitter.
    pub rate_limit_delay_ms: u64,
    /// Also retry non-idempotent requests (posting a message, creating a record) after
    /// 408/502/503/504, timeouts and broken connections. They may then happen twice.
    pub retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_delay_ms: 500,
            max_delay_ms: 8_000,
            max_retry_after_ms: 10_000,
            rate_limit_delay_ms: 2_000,
            retry_non_idempotent: false,
        }
    }
}

/// What happened to one attempt, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// A response with a non-2xx status (and its `Retry-After`, in seconds).
    Status {
        /// HTTP status.
        status: u16,
        /// `Retry-After` in seconds, if sent.
        retry_after: Option<f64>,
    },
    /// The connection could not be made: the request was never sent.
    ConnectFailed,
    /// No response within the per-attempt timeout.
    TimedOut,
    /// The connection broke after the request may have been sent.
    BrokenAfterSend,
}

impl RetryPolicy {
    /// Decides whether to retry after `retries_done` retries. Returns the delay in
    /// milliseconds, or `None` to give up. `random` is uniform in `[0, 1)`.
    pub fn decide(
        &self,
        retries_done: u32,
        outcome: Outcome,
        idempotent: bool,
        random: f64,
    ) -> Option<u64> {
        if retries_done >= self.max_retries {
            return None;
        }
        let repeatable = idempotent || self.retry_non_idempotent;
        let backoff = self.backoff_ms(retries_done, random);
        match outcome {
            Outcome::Status {
                status: 429,
                retry_after,
            } => {
                let floor = RetryPolicy {
                    initial_delay_ms: self.initial_delay_ms.max(self.rate_limit_delay_ms),
                    ..*self
                };
                self.honour(retry_after, floor.backoff_ms(retries_done, random))
            }
            Outcome::Status {
                status: 503,
                retry_after,
            } if repeatable => self.honour(retry_after, backoff),
            Outcome::Status {
                status: 408 | 502 | 504,
                ..
            } if repeatable => Some(backoff),
            Outcome::ConnectFailed => Some(backoff),
            Outcome::TimedOut | Outcome::BrokenAfterSend if repeatable => Some(backoff),
            _ => None,
        }
    }

    /// Exponential backoff with equal jitter: half the capped delay, plus up to the other half.
    pub fn backoff_ms(&self, retries_done: u32, random: f64) -> u64 {
        let exp = self
            .initial_delay_ms
            .saturating_mul(1u64 << retries_done.min(32))
            .min(self.max_delay_ms);
        let random = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.0
        };
        exp / 2 + ((exp - exp / 2) as f64 * random) as u64
    }

    fn honour(&self, retry_after: Option<f64>, backoff: u64) -> Option<u64> {
        match retry_after {
            None => Some(backoff),
            Some(secs) => {
                let ms = (secs * 1000.0).ceil();
                (ms <= self.max_retry_after_ms as f64).then_some(ms as u64)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: RetryPolicy = RetryPolicy {
        max_retries: 2,
        initial_delay_ms: 500,
        max_delay_ms: 8_000,
        max_retry_after_ms: 60_000,
        rate_limit_delay_ms: 2_000,
        retry_non_idempotent: false,
    };

    fn status(status: u16, retry_after: Option<f64>) -> Outcome {
        Outcome::Status {
            status,
            retry_after,
        }
    }

    #[test]
    fn a_retry_after_past_the_cap_fails_at_once_by_default() {
        let default = RetryPolicy::default();
        assert_eq!(
            default.decide(0, status(429, Some(10.0)), true, 0.0),
            Some(10_000)
        );
        assert_eq!(default.decide(0, status(429, Some(60.0)), true, 0.0), None);
    }

    #[test]
    fn rate_limits_are_retried_for_any_method_and_honour_retry_after() {
        assert_eq!(P.decide(0, status(429, Some(1.5)), false, 0.3), Some(1500));
        // Without Retry-After, a 429 backs off from the longer rate-limit floor.
        assert_eq!(P.decide(0, status(429, None), false, 0.0), Some(1000));
        assert_eq!(P.decide(1, status(429, None), false, 0.999), Some(3998));
        assert_eq!(P.decide(0, status(503, None), true, 0.0), Some(250));
        assert_eq!(P.decide(0, status(429, Some(3600.0)), true, 0.0), None);
        assert_eq!(P.decide(2, status(429, Some(1.0)), true, 0.0), None);
    }

    #[test]
    fn server_errors_only_for_idempotent_requests() {
        for s in [408, 502, 503, 504] {
            assert!(P.decide(0, status(s, None), true, 0.5).is_some(), "{s}");
            assert_eq!(P.decide(0, status(s, None), false, 0.5), None, "{s}");
        }
        let opt_in = RetryPolicy {
            retry_non_idempotent: true,
            ..P
        };
        assert!(opt_in.decide(0, status(503, None), false, 0.5).is_some());
        for s in [400, 401, 404, 422, 500] {
            assert_eq!(P.decide(0, status(s, None), true, 0.5), None, "{s}");
        }
    }

    #[test]
    fn transport_failures() {
        assert!(P.decide(0, Outcome::ConnectFailed, false, 0.5).is_some());
        assert_eq!(P.decide(0, Outcome::TimedOut, false, 0.5), None);
        assert!(P.decide(0, Outcome::TimedOut, true, 0.5).is_some());
        assert_eq!(P.decide(0, Outcome::BrokenAfterSend, false, 0.5), None);
    }

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        assert_eq!(P.backoff_ms(0, 0.0), 250);
        assert_eq!(P.backoff_ms(0, 0.999_999), 499);
        assert_eq!(P.backoff_ms(1, 0.0), 500);
        assert_eq!(P.backoff_ms(10, 0.0), 4_000);
        assert_eq!(P.backoff_ms(40, 1.0), 8_000);
        assert_eq!(P.backoff_ms(0, f64::NAN), 250);
    }
}
