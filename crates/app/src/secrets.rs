//! Generated secrets and their digests. Plain secrets leave this process once, in a response.

use md5::{Digest as _, Md5};
use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::Sha256;

/// A random string of `len` letters and digits (≈ 5.95 bits each) from the OS-seeded CSPRNG.
pub fn random_alphanumeric(len: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// Lowercase letters and digits that no one misreads for one another: no 0/o, 1/l/i, 2/z, 5/s.
pub const UNAMBIGUOUS: &[u8] = b"346789abcdefghjkmnpqrtuvwxy";

/// A random string of `len` characters of [`UNAMBIGUOUS`].
pub fn random_unambiguous(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(UNAMBIGUOUS[rng.random_range(0..UNAMBIGUOUS.len())]))
        .collect()
}

/// A random string of `len` decimal digits.
pub fn random_digits(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

/// A desk-phone password (U-4): 20 letters and digits, ≈ 119 bits. Never one that starts with
/// `0x`: some SIP clients (sipp among them, which providers use to test and monitor) read such a
/// password as a hexadecimal key, so the phone would compute a different digest and be refused.
pub fn sip_password() -> String {
    loop {
        let password = random_alphanumeric(20);
        if !is_hex_key_like(&password) {
            return password;
        }
    }
}

fn is_hex_key_like(password: &str) -> bool {
    password.starts_with("0x") || password.starts_with("0X")
}

/// An API token (K-2): a recognisable prefix (so leaked tokens can be found by scanners) + 43 random characters.
pub fn api_token() -> String {
    format!("sbt_{}", random_alphanumeric(43))
}

/// What we store of an API token: tokens are long random strings, so a fast digest is enough.
pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two digests in time that does not depend on where they differ.
pub fn digests_equal(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// SIP digest HA1 = MD5(username:realm:password), the value SIP servers check (RFC 2617).
pub fn sip_ha1(username: &str, realm: &str, password: &str) -> String {
    hex::encode(Md5::digest(
        format!("{username}:{realm}:{password}").as_bytes(),
    ))
}

/// HA1b = MD5(username@domain:realm:password), for phones that send the domain in the user name.
pub fn sip_ha1b(username: &str, domain: &str, realm: &str, password: &str) -> String {
    hex::encode(Md5::digest(
        format!("{username}@{domain}:{realm}:{password}").as_bytes(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u4_ha1_matches_the_rfc_2617_definition() {
        // RFC 2617 §3.5 example: Mufasa / testrealm@host.com / Circle Of Life.
        assert_eq!(
            sip_ha1("Mufasa", "testrealm@host.com", "Circle Of Life"),
            "939e7578ed9e3c518a452acee763bce9"
        );
    }

    #[test]
    fn t2_no_desk_phone_password_looks_like_a_hex_key() {
        // About one random password in 1,900 would start with 0x or 0X.
        assert!(is_hex_key_like("0xCAnqB6itY19cDZ59sQ"));
        assert!(!is_hex_key_like("x0CAnqB6itY19cDZ59sQ"));
        assert!(
            (0..20_000)
                .map(|_| sip_password())
                .all(|p| !is_hex_key_like(&p))
        );
    }

    #[test]
    fn u4_generated_passwords_are_long_and_different() {
        let (a, b) = (sip_password(), sip_password());
        assert_eq!(a.len(), 20);
        assert_ne!(a, b);
        assert!(api_token().starts_with("sbt_"));
        assert_eq!(random_digits(6).len(), 6);
    }
}
