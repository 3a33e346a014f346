//! K-1 brute force: per account and per client address, 10 failures are free, then each further
//! failure locks for an exponentially growing time, capped at 15 minutes. The counters live in
//! the database, so every `serve` process sees the same ones.

use switchboard_domain::Timestamp;
use switchboard_store::Conn;
use switchboard_store::throttle;

use crate::error::AppResult;

pub(crate) const FREE_FAILURES: i64 = 10;
pub(crate) const FIRST_LOCK_MS: i64 = 30_000;
pub(crate) const MAX_LOCK_MS: i64 = 15 * 60_000;

pub(crate) fn account_key(login: &str) -> String {
    format!("account:{}", login.trim().to_lowercase())
}

pub(crate) fn client_key(ip: &str) -> String {
    format!("client:{ip}")
}

/// How long the n-th consecutive failure locks: nothing for the first ten, then 30 s, 1 min,
/// 2 min, … up to 15 min.
pub(crate) fn lock_ms_after(failures: i64) -> Option<i64> {
    (failures >= FREE_FAILURES).then(|| {
        let doublings = (failures - FREE_FAILURES).min(20) as u32;
        FIRST_LOCK_MS
            .saturating_mul(1 << doublings)
            .min(MAX_LOCK_MS)
    })
}

/// Is any of these keys locked now?
pub(crate) async fn locked(conn: &mut Conn, keys: &[String], now: Timestamp) -> AppResult<bool> {
    for key in keys {
        if let Some(t) = throttle::get(conn, key).await?
            && t.locked_until.is_some_and(|until| until > now)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Counts a failure on each key; true when one of them has just become locked.
pub(crate) async fn record_failure(
    conn: &mut Conn,
    keys: &[String],
    now: Timestamp,
) -> AppResult<bool> {
    let mut newly_locked = false;
    for key in keys {
        let failures = throttle::increment(conn, key, now).await?;
        if let Some(ms) = lock_ms_after(failures) {
            throttle::lock_until(conn, key, now.plus_millis(ms)).await?;
            newly_locked = true;
        }
    }
    Ok(newly_locked)
}

pub(crate) async fn clear(conn: &mut Conn, key: &str) -> AppResult<()> {
    Ok(throttle::clear(conn, key).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k1_ten_failures_are_free_then_back_off_doubles_up_to_fifteen_minutes() {
        for n in 1..FREE_FAILURES {
            assert_eq!(lock_ms_after(n), None, "failure {n}");
        }
        assert_eq!(lock_ms_after(10), Some(30_000));
        assert_eq!(lock_ms_after(11), Some(60_000));
        assert_eq!(lock_ms_after(12), Some(120_000));
        assert_eq!(lock_ms_after(14), Some(480_000));
        assert_eq!(lock_ms_after(15), Some(MAX_LOCK_MS));
        assert_eq!(lock_ms_after(1_000), Some(MAX_LOCK_MS));
    }
}
