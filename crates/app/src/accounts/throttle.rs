//! K-1 brute force: per account and per client address, 10 failures are free, then each further
//! failure locks for an exponentially growing time, capped at 15 minutes. The counters live in
//! the database, so every `serve` process sees the same ones.
//!
//! An attempt is *reserved* before the password is checked: the lock check and the count happen
//! in one transaction on the locked counter rows, and from the tenth failure on the reservation
//! itself locks. So parallel guesses get one try per lock window, not one each; a right answer
//! gives its reservation back.

use sha2::{Digest, Sha256};
use switchboard_domain::Timestamp;
use switchboard_store::Conn;
use switchboard_store::throttle::{self, Throttle};

use crate::error::AppResult;

pub(crate) const FREE_FAILURES: i64 = 10;
pub(crate) const FIRST_LOCK_MS: i64 = 30_000;
pub(crate) const MAX_LOCK_MS: i64 = 15 * 60_000;
/// Failures older than a day of quiet are forgotten (an office's typos do not add up for ever).
pub(crate) const QUIET_RESET_MS: i64 = 24 * 3_600_000;

/// The counter of a login. Keyed by a digest: a password typed into the login field is not kept.
pub(crate) fn account_key(login: &str) -> String {
    let digest = Sha256::digest(login.trim().to_lowercase().as_bytes());
    format!("account:{}", hex::encode(&digest[..16]))
}

/// The counter of a client address; IPv6 clients by their /64 (one subscriber's whole network).
pub(crate) fn client_key(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("client:{v4}"),
            None => {
                let s = v6.segments();
                format!("client:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        Ok(addr) => format!("client:{addr}"),
        Err(_) => format!("client:{ip}"),
    }
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

/// What a reservation found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reservation {
    /// A key is locked: the attempt is refused without being checked (or counted).
    pub locked: bool,
    /// This attempt's count started a lock (it stands if the attempt fails).
    pub locks: bool,
}

fn count(t: &mut Throttle, now: Timestamp) -> bool {
    if now.millis() - t.updated_at.millis() > QUIET_RESET_MS {
        t.failures = 0;
    }
    t.failures += 1;
    t.locked_until = lock_ms_after(t.failures).map(|ms| now.plus_millis(ms));
    t.updated_at = now;
    t.locked_until.is_some()
}

/// Checks and counts an attempt on every key (in the given order, so two attempts never wait on
/// each other's rows crosswise).
pub(crate) async fn reserve(
    conn: &mut Conn,
    keys: &[String],
    now: Timestamp,
) -> AppResult<Reservation> {
    let mut rows = Vec::with_capacity(keys.len());
    for key in keys {
        rows.push(throttle::lock_row(conn, key, now).await?);
    }
    if rows
        .iter()
        .any(|t| t.locked_until.is_some_and(|until| until > now))
    {
        return Ok(Reservation {
            locked: true,
            locks: false,
        });
    }
    let mut locks = false;
    for (key, mut t) in keys.iter().zip(rows) {
        locks |= count(&mut t, now);
        throttle::save(conn, key, &t).await?;
    }
    Ok(Reservation {
        locked: false,
        locks,
    })
}

/// A failure found after the fact (a wrong one-time code): counted, and locking from the tenth.
pub(crate) async fn record_failure(conn: &mut Conn, key: &str, now: Timestamp) -> AppResult<bool> {
    let mut t = throttle::lock_row(conn, key, now).await?;
    let locks = count(&mut t, now);
    throttle::save(conn, key, &t).await?;
    Ok(locks)
}

/// The reserved attempt was right after all: its count and any lock it started are taken back.
pub(crate) async fn release(conn: &mut Conn, key: &str, now: Timestamp) -> AppResult<()> {
    let mut t = throttle::lock_row(conn, key, now).await?;
    t.failures = (t.failures - 1).max(0);
    t.locked_until = None;
    throttle::save(conn, key, &t).await?;
    Ok(())
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

    #[test]
    fn k1_failures_are_forgotten_after_a_quiet_day() {
        let start = Timestamp::from_millis(1_000_000_000_000);
        let mut t = Throttle {
            failures: 9,
            locked_until: None,
            updated_at: start,
        };
        assert!(
            count(&mut t, start.plus_millis(1_000)),
            "the tenth failure locks"
        );
        let mut t = Throttle {
            failures: 9,
            locked_until: None,
            updated_at: start,
        };
        assert!(!count(&mut t, start.plus_millis(QUIET_RESET_MS + 1)));
        assert_eq!(t.failures, 1);
    }

    #[test]
    fn k1_keys_keep_no_typed_login_and_group_ipv6_by_64() {
        let key = account_key("Secret Password Typed Here");
        assert!(!key.to_lowercase().contains("secret"));
        assert_eq!(key, account_key("  secret password typed here "));
        assert_eq!(
            client_key("2001:db8:1:2:aaaa::1"),
            client_key("2001:db8:1:2:ffff::9")
        );
        assert_ne!(client_key("2001:db8:1:2::1"), client_key("2001:db8:1:3::1"));
        assert_eq!(client_key("::ffff:192.0.2.7"), "client:192.0.2.7");
        assert_eq!(client_key("192.0.2.7"), "client:192.0.2.7");
    }
}
