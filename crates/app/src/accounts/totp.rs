//! Authenticator apps (K-1, RFC 6238): SHA-1, 6 digits, 30-second steps, one step of clock skew
//! either way; a code is accepted once (the last used step is stored). Enrolment shows the
//! secret as a QR code (SVG) and in text, and is confirmed by a first code; then ten recovery
//! codes are shown once (only their digests are kept).

use qrcode::QrCode;
use qrcode::render::svg;
use switchboard_domain::Timestamp;
use switchboard_store::accounts::{self, Account};
use switchboard_store::sessions;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use super::sessions::PortalSession;
use super::sign_in::audit_account;
use super::{Accounts, Identity, blank_account, kind_of};
use crate::actor::Actor;
use crate::error::{AppError, AppResult};
use crate::{commit, secrets};

const STEP_SECONDS: u64 = 30;
const RECOVERY_CODES: usize = 10;

/// What the enrolment page shows: scan the QR code or type the secret.
#[derive(Debug, Clone)]
pub struct TotpEnrolment {
    pub secret_base32: String,
    pub otpauth_url: String,
    pub qr_svg: String,
}

fn totp(secret_base32: &str, identity: &Identity) -> AppResult<Totp> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("stored TOTP secret: {e:?}")))?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret)
        .with_issuer(Some("Switchboard"))
        .with_account_name(identity.login_name.replace(':', "_"))
        .build()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("TOTP: {e:?}")))
}

/// The 30-second step whose code matches, if any, within ±1 step of now.
fn matching_step(
    secret_base32: &str,
    identity: &Identity,
    code: &str,
    now: Timestamp,
) -> Option<i64> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret_base32, identity).ok()?;
    let seconds = u64::try_from(now.millis() / 1000).ok()?;
    totp.check(code, seconds).map(|step| step as i64)
}

/// Accepts a code of the confirmed secret once: a step at or before the last used one is refused.
pub(crate) fn accept_code(
    account: &mut Account,
    identity: &Identity,
    code: &str,
    now: Timestamp,
) -> bool {
    let Some(secret) = account.totp_secret.clone() else {
        return false;
    };
    match matching_step(&secret, identity, code, now) {
        Some(step) if account.totp_last_step.is_none_or(|last| step > last) => {
            account.totp_last_step = Some(step);
            true
        }
        _ => false,
    }
}

/// A recovery code works once: it is removed when used.
pub(crate) fn accept_recovery_code(account: &mut Account, code: &str) -> bool {
    let digest = secrets::token_digest(&normalise_recovery_code(code));
    let before = account.recovery_codes.len();
    account
        .recovery_codes
        .retain(|stored| !secrets::digests_equal(stored, &digest));
    account.recovery_codes.len() < before
}

fn normalise_recovery_code(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Ten codes like `k7m4-9xq4-tp3w` (12 of 27 characters: 57 bits each), shown once; none of
/// their characters can be misread for another (no 0/o, 1/l/i, 2/z, 5/s).
fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let raw = secrets::random_unambiguous(12);
            format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..12])
        })
        .collect()
}

/// The QR code (SVG) and key text for a secret.
fn enrolment(secret: &str, identity: &Identity) -> AppResult<TotpEnrolment> {
    let url = totp(secret, identity)?
        .to_url()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("otpauth url: {e:?}")))?;
    let qr_svg = QrCode::new(url.as_bytes())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code: {e}")))?
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(TotpEnrolment {
        secret_base32: secret.to_owned(),
        otpauth_url: url,
        qr_svg,
    })
}

impl Accounts<'_> {
    /// Starts enrolling an authenticator app; the secret is kept pending until a code confirms it.
    pub async fn begin_totp(&self, session: &PortalSession) -> AppResult<TotpEnrolment> {
        let now = self.0.now();
        session.require_recent(now, self.0.account_settings().recent_sign_in_ms)?;
        let secret = Secret::generate().to_base32();
        let identity = &session.identity;
        let enrolment = enrolment(&secret, identity)?;
        let mut tx = self.0.begin().await?;
        let mut account = accounts::get(&mut tx, &identity.subject_id)
            .await?
            .unwrap_or_else(|| blank_account(&identity.subject_id, kind_of(identity), now));
        account.totp_pending_secret = Some(secret.clone());
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        commit(tx).await?;
        Ok(enrolment)
    }

    /// The enrolment in progress (after a wrong first code the same secret is shown again).
    pub async fn pending_totp(&self, session: &PortalSession) -> AppResult<Option<TotpEnrolment>> {
        let mut conn = self.0.db().read().await?;
        let account = accounts::get(&mut conn, &session.identity.subject_id).await?;
        account
            .and_then(|a| a.totp_pending_secret)
            .map(|secret| enrolment(&secret, &session.identity))
            .transpose()
    }

    /// Confirms the app with its first code; returns the recovery codes (shown this once) and
    /// ends the person's other sessions (K-4).
    pub async fn confirm_totp(
        &self,
        session: &PortalSession,
        actor: &Actor,
        code: &str,
    ) -> AppResult<Vec<String>> {
        let now = self.0.now();
        session.require_recent(now, self.0.account_settings().recent_sign_in_ms)?;
        let identity = &session.identity;
        let mut tx = self.0.begin().await?;
        let mut account =
            accounts::get(&mut tx, &identity.subject_id)
                .await?
                .ok_or(AppError::conflict(
                    "no-enrolment",
                    "Start the enrolment again.",
                ))?;
        let pending = account
            .totp_pending_secret
            .clone()
            .ok_or(AppError::conflict(
                "no-enrolment",
                "Start the enrolment again.",
            ))?;
        let code = code.trim().replace(' ', "");
        let Some(step) = matching_step(&pending, identity, &code, now) else {
            return Err(AppError::invalid(
                "code",
                "wrong-code",
                "This code is not right. Type the 6 digits your app shows now.",
            ));
        };
        let codes = new_recovery_codes();
        account.totp_secret = Some(pending);
        account.totp_pending_secret = None;
        account.totp_last_step = Some(step);
        account.recovery_codes = codes
            .iter()
            .map(|c| secrets::token_digest(&normalise_recovery_code(c)))
            .collect();
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        sessions::delete_for_subject(&mut tx, &identity.subject_id, Some(&session.id_hash)).await?;
        audit_account(
            &mut tx,
            actor,
            now,
            Some(identity),
            "account.totp_enabled",
            serde_json::json!({ "recovery_codes": codes.len() }),
        )
        .await?;
        commit(tx).await?;
        Ok(codes)
    }

    /// Turns the authenticator app off; needs the current password. Ends other sessions (K-4).
    pub async fn disable_totp(
        &self,
        session: &PortalSession,
        actor: &Actor,
        password: &str,
    ) -> AppResult<()> {
        let now = self.0.now();
        let identity = &session.identity;
        let mut conn = self.0.db().read().await?;
        let account = accounts::get(&mut conn, &identity.subject_id).await?;
        drop(conn);
        let hash = account.as_ref().and_then(|a| a.password_hash.as_deref());
        self.check_current_password(identity, password, hash)
            .await?;
        // K-1: when two-step is required, codes must then have somewhere to go.
        let required = account.as_ref().is_some_and(|a| a.two_step_required);
        if required
            && !identity
                .personal_contact
                .as_deref()
                .is_some_and(super::is_deliverable_contact)
        {
            return Err(AppError::conflict(
                "two-step-required",
                "Two-step sign-in is required for you and you have no personal contact for codes: ask your administrator to add one first.",
            ));
        }
        let mut tx = self.0.begin().await?;
        let Some(mut account) = accounts::get(&mut tx, &identity.subject_id).await? else {
            return Ok(());
        };
        account.totp_secret = None;
        account.totp_pending_secret = None;
        account.totp_last_step = None;
        account.recovery_codes.clear();
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        sessions::delete_for_subject(&mut tx, &identity.subject_id, Some(&session.id_hash)).await?;
        audit_account(
            &mut tx,
            actor,
            now,
            Some(identity),
            "account.totp_disabled",
            serde_json::json!({}),
        )
        .await?;
        commit(tx).await
    }
}

/// The code an authenticator app shows for `secret` at `now` — for tests and the demo tour.
pub fn code_at(secret_base32: &str, now: Timestamp) -> Option<String> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    let totp = Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_secret(secret)
        .build()
        .ok()?;
    Some(
        totp.generate(u64::try_from(now.millis() / 1000).ok()?)
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k1_recovery_codes_have_no_characters_that_are_misread() {
        for code in new_recovery_codes() {
            assert_eq!(code.len(), 14, "{code}");
            assert!(
                !code.chars().any(|c| "0o1li2z5s".contains(c)),
                "an ambiguous character in {code}"
            );
        }
    }
    use crate::accounts::AccountRole;
    use switchboard_domain::Language;

    fn identity() -> Identity {
        Identity {
            subject_id: "x".into(),
            login_name: "anna".into(),
            display_name: "Anna".into(),
            email: "anna@example.com".into(),
            language: Language::English,
            role: AccountRole::User,
            enterprise_id: None,
            enterprise_name: None,
            site_id: None,
            user_state: None,
            personal_contact: None,
        }
    }

    #[test]
    fn k1_totp_code_is_accepted_once_within_one_step_of_skew() {
        let secret = Secret::generate().to_base32();
        let mut account = blank_account("x", "user", Timestamp::from_millis(0));
        account.totp_secret = Some(secret.clone());
        let now = Timestamp::from_millis(1_800_000_000_000);
        let code = code_at(&secret, now).unwrap();
        assert!(accept_code(&mut account, &identity(), &code, now));
        assert!(
            !accept_code(&mut account, &identity(), &code, now),
            "a code works once"
        );
        // The next step's code, 30 s later, is fine; a code three steps old is not.
        let later = now.plus_millis(30_000);
        assert!(accept_code(
            &mut account,
            &identity(),
            &code_at(&secret, later).unwrap(),
            later
        ));
        let old = code_at(&secret, now.plus_millis(-90_000)).unwrap();
        assert!(!accept_code(
            &mut account,
            &identity(),
            &old,
            later.plus_millis(30_000)
        ));
    }

    #[test]
    fn k1_recovery_code_works_once_whatever_its_case_or_dashes() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut account = blank_account("x", "user", Timestamp::from_millis(0));
        account.recovery_codes = codes
            .iter()
            .map(|c| secrets::token_digest(&normalise_recovery_code(c)))
            .collect();
        let typed = codes[3].to_uppercase().replace('-', " ");
        assert!(accept_recovery_code(&mut account, &typed));
        assert!(!accept_recovery_code(&mut account, &codes[3]));
        assert_eq!(account.recovery_codes.len(), RECOVERY_CODES - 1);
    }
}
