//! Randomness for tokens, ids and names: the process's by default, or a seeded generator after
//! `POST /__emulator/reset {"seed": n}`, so that two runs of the same requests get the same
//! tokens and request ids (the cross-binding suite compares them byte for byte).

use std::sync::{Mutex, PoisonError};

static SEEDED: Mutex<Option<fastrand::Rng>> = Mutex::new(None);

/// Seeds the generator (`None`: back to the process's randomness).
pub(crate) fn reseed(seed: Option<u64>) {
    *SEEDED.lock().unwrap_or_else(PoisonError::into_inner) = seed.map(fastrand::Rng::with_seed);
}

fn with<T>(f: impl FnOnce(&mut fastrand::Rng) -> T) -> T {
    let mut seeded = SEEDED.lock().unwrap_or_else(PoisonError::into_inner);
    match seeded.as_mut() {
        Some(rng) => f(rng),
        None => f(&mut fastrand::Rng::new()),
    }
}

/// A random `u64`.
pub(crate) fn u64() -> u64 {
    with(|rng| rng.u64(..))
}

/// A random index below `n`.
pub(crate) fn below(n: usize) -> usize {
    with(|rng| rng.usize(..n))
}
