//! Portal passwords (K-1): Argon2id with the OWASP parameters (m = 19 MiB, t = 2, p = 1, the
//! argon2 crate's defaults), 12 to 256 characters, judged by strength (zxcvbn) rather than by
//! composition rules. The person's own names, email and the product's name count against it.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use switchboard_domain::FieldError;

use crate::error::{AppError, AppResult};

pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 256;

/// What a password must not be built from: the holder's names, login, email and our name.
#[derive(Debug, Default, Clone)]
pub struct PersonalWords(pub Vec<String>);

impl PersonalWords {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut all: Vec<String> = vec!["switchboard".into()];
        for word in words {
            let word = word.trim().to_lowercase();
            if word.is_empty() {
                continue;
            }
            // An email counts whole and by its parts (local part, domain words).
            all.extend(
                word.split(['@', '.', '-', '_', ' '])
                    .filter(|p| p.chars().count() >= 3)
                    .map(str::to_owned),
            );
            all.push(word);
        }
        Self(all)
    }
}

/// K-1: length first (clear messages), then strength with the holder's own words against it.
pub fn check_strength(
    field: &str,
    password: &str,
    words: &PersonalWords,
) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(FieldError::new(
            field,
            "password-too-short",
            format!("A password has at least {MIN_CHARS} characters; this one has {chars}."),
        ));
    }
    if chars > MAX_CHARS {
        return Err(FieldError::new(
            field,
            "password-too-long",
            format!("A password has at most {MAX_CHARS} characters."),
        ));
    }
    let inputs: Vec<&str> = words.0.iter().map(String::as_str).collect();
    // What is left without the holder's own words must be strong on its own: "emiliedubois2024"
    // is "2024" to anyone who knows Émilie Dubois.
    let mut rest = password.to_lowercase();
    for word in &words.0 {
        rest = rest.replace(word.as_str(), "");
    }
    if rest != password.to_lowercase() && (zxcvbn::zxcvbn(&rest, &inputs).score() as u8) < 3 {
        return Err(FieldError::new(
            field,
            "password-too-weak",
            "This password leans on your own name, email or the product's name. Leave those out: a few unrelated words make a strong one.",
        ));
    }
    let entropy = zxcvbn::zxcvbn(password, &inputs);
    if (entropy.score() as u8) < 3 {
        let hint = entropy
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        return Err(FieldError::new(
            field,
            "password-too-weak",
            format!(
                "This password is too easy to guess{hint}. A few unrelated words make a strong one."
            ),
        ));
    }
    Ok(())
}

/// Hashes on a blocking thread: Argon2id takes tens of milliseconds by design.
pub async fn hash(password: &str) -> AppResult<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(anyhow::anyhow!("argon2: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
}

/// Checks a password against a stored hash. With no hash (unknown account, invitation not yet
/// accepted) it still spends the same time on a dummy hash, so timing tells nothing.
pub async fn verify(password: &str, stored: Option<&str>) -> AppResult<bool> {
    let password = password.to_owned();
    let stored = stored.map(str::to_owned);
    tokio::task::spawn_blocking(move || {
        let target = stored.as_deref().unwrap_or(DUMMY_HASH);
        let Ok(parsed) = PasswordHash::new(target) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && stored.is_some()
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}

/// A real Argon2id hash (default parameters) of a random string nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$pNEfHbUBu5Q8sbC0sJ0vgaPqkmP5lH7xB7oAS6qSWp8";

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> PersonalWords {
        PersonalWords::new(["Émilie", "Dubois", "emilie.dubois@example.fr", "edubois"])
    }

    #[test]
    fn k1_short_and_long_passwords_are_refused_with_the_count() {
        let e = check_strength("password", "short", &words()).unwrap_err();
        assert_eq!(e.code, "password-too-short");
        assert!(e.message.contains("has 5"));
        let long = "x".repeat(MAX_CHARS + 1);
        assert_eq!(
            check_strength("password", &long, &words())
                .unwrap_err()
                .code,
            "password-too-long"
        );
    }

    #[test]
    fn k1_own_name_email_and_product_name_count_against_strength() {
        for weak in [
            "emiliedubois2024",
            "switchboard12345",
            "Dubois.Emilie!!",
            "passwordpassword",
        ] {
            let refused = check_strength("password", weak, &words());
            assert_eq!(
                refused.as_ref().map_err(|e| e.code),
                Err("password-too-weak"),
                "{weak} should be too weak"
            );
        }
    }

    #[test]
    fn k1_no_composition_rules_a_long_passphrase_is_fine() {
        assert!(
            check_strength("password", "copper kettle drifts under moonlight", &words()).is_ok()
        );
        assert!(check_strength("password", "Glühwein-Ørsted-Vélo-42!", &words()).is_ok());
    }

    #[tokio::test]
    async fn k1_hash_is_argon2id_with_owasp_parameters_and_verifies() {
        let hash = hash("copper kettle drifts").await.unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify("copper kettle drifts", Some(&hash)).await.unwrap());
        assert!(!verify("copper kettle drift", Some(&hash)).await.unwrap());
        assert!(!verify("anything", None).await.unwrap());
    }
}
