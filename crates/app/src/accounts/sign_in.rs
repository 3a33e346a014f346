//! Signing in (K-1): password, then the second step when the account has one, then a forced
//! password change when one is due. Each stage is a server-side session row; only a `full`
//! session reaches the portal. A wrong password, an unknown login, a deactivated user and a lock
//! in force all answer [`AppError::SignInFailed`], after the same Argon2 work.

use switchboard_domain::{E164Number, Email, Language, Timestamp};
use switchboard_store::Tx;
use switchboard_store::accounts::{self, Account};
use switchboard_store::outbox;
use switchboard_store::sessions::{self, Session};

use super::throttle::{self, account_key, client_key};
use super::{Accounts, Identity, identity_by_login, identity_of, totp};
use crate::actor::{Actor, Channel};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::mail::{self, Outgoing, texts};
use crate::{commit, passwords, secrets};

/// A sign-in form, as submitted.
#[derive(Debug, Clone, Default)]
pub struct SignInAttempt {
    pub login: String,
    pub password: String,
    pub client_ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

/// A session created or moved to its next stage. `cookie` is the secret the browser keeps; it
/// exists only here, the database has its digest.
#[derive(Debug, Clone)]
pub struct Started {
    pub cookie: String,
    /// `second_step`, `password_change` or `full`.
    pub stage: String,
    /// For `second_step`: `totp`, `email` or `sms`.
    pub challenge_method: Option<String>,
    pub language: Language,
}

/// Wrong one-time codes allowed before the challenge is void and sign-in starts again.
pub(crate) const MAX_CODE_ATTEMPTS: i64 = 5;
/// How long a code sent by email or SMS is valid.
pub(crate) const CODE_TTL_MS: i64 = 10 * 60_000;

/// Who did it, for the audit log of sign-in events.
pub(crate) fn actor_of(
    identity: Option<&Identity>,
    login: &str,
    ip: Option<String>,
    request_id: Option<String>,
) -> Actor {
    match identity {
        Some(identity) => identity.actor(ip, request_id),
        // K-5: what was typed as a login may be a password typed in the wrong field; only a
        // digest of it is kept, enough to tell repeated guesses of one login apart.
        None => Actor {
            principal: crate::Principal::System,
            label: format!(
                "anonymous:{}",
                &super::throttle::account_key(login)["account:".len()..][..12]
            ),
            channel: Channel::Portal,
            client_ip: ip,
            request_id,
        },
    }
}

pub(crate) async fn audit_account(
    tx: &mut Tx,
    actor: &Actor,
    now: Timestamp,
    identity: Option<&Identity>,
    action: &'static str,
    details: serde_json::Value,
) -> AppResult<()> {
    audit::record(
        tx,
        actor,
        now,
        Change {
            enterprise: identity.and_then(|i| i.enterprise_id),
            action,
            target_kind: "account",
            target_id: identity.map_or_else(String::new, |i| i.subject_id.clone()),
            before: None,
            after: Some(details),
        },
    )
    .await
}

/// Where a code for the second step goes: the personal contact when it is an email address or
/// a phone number, else the work email.
pub(crate) fn code_destination(identity: &Identity) -> (&'static str, String) {
    if let Some(contact) = identity.personal_contact.as_deref() {
        if let Ok(email) = Email::parse(contact) {
            return ("email", email.as_str().to_owned());
        }
        if let Ok(number) = E164Number::parse(contact) {
            return ("sms", number.as_str().to_owned());
        }
    }
    ("email", identity.email.clone())
}

impl Accounts<'_> {
    /// Checks the password and opens a session at its first stage.
    pub async fn sign_in(&self, attempt: SignInAttempt) -> AppResult<Started> {
        let now = self.0.now();
        let mut keys = vec![account_key(&attempt.login)];
        if let Some(ip) = &attempt.client_ip {
            keys.push(client_key(ip));
        }
        // Check and count the attempt first, in one short transaction (see `throttle`).
        let mut tx = self.0.begin().await?;
        let reservation = throttle::reserve(&mut tx, &keys, now).await?;
        commit(tx).await?;
        let locked = reservation.locked;
        let mut conn = self.0.db().read().await?;
        let identity = identity_by_login(&mut conn, &attempt.login).await?;
        let account = match &identity {
            Some(i) => accounts::get(&mut conn, &i.subject_id).await?,
            None => None,
        };
        drop(conn);
        let hash = account.as_ref().and_then(|a| a.password_hash.as_deref());
        // The hash work happens whatever the outcome, so timing does not tell a lock or an unknown login.
        let password_ok =
            passwords::verify(&attempt.password, if locked { None } else { hash }).await?;
        let found = identity.clone();
        let identity = identity.filter(Identity::may_sign_in);
        let actor = actor_of(
            found.as_ref(),
            &attempt.login,
            attempt.client_ip.clone(),
            attempt.request_id.clone(),
        );
        let mut tx = self.0.begin().await?;
        let (Some(identity), Some(account), true) = (identity, account, password_ok && !locked)
        else {
            let reason = if locked {
                "locked"
            } else {
                "wrong-credentials"
            };
            audit_account(
                &mut tx,
                &actor,
                now,
                found.as_ref(),
                "account.sign_in_failed",
                serde_json::json!({ "reason": reason }),
            )
            .await?;
            if reservation.locks {
                audit_account(
                    &mut tx,
                    &actor,
                    now,
                    found.as_ref(),
                    "account.locked",
                    serde_json::json!({}),
                )
                .await?;
            }
            commit(tx).await?;
            return Err(AppError::SignInFailed);
        };
        // Right password: the client's count is given back. The account's is cleared only once
        // the whole sign-in succeeds, so abandoned or failed second steps add up too.
        for key in &keys[1..] {
            throttle::release(&mut tx, key, now).await?;
        }
        let started = self
            .open_session(&mut tx, &identity, &account, &attempt, now)
            .await?;
        if started.stage != "second_step" {
            throttle::clear(&mut tx, &keys[0]).await?;
        }
        audit_account(
            &mut tx,
            &actor,
            now,
            Some(&identity),
            "account.password_accepted",
            serde_json::json!({ "next": started.stage, "method": started.challenge_method }),
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(started)
    }

    async fn open_session(
        &self,
        tx: &mut Tx,
        identity: &Identity,
        account: &Account,
        attempt: &SignInAttempt,
        now: Timestamp,
    ) -> AppResult<Started> {
        let settings = self.0.account_settings();
        let cookie = secrets::random_alphanumeric(43);
        let mut session = Session {
            id_hash: secrets::token_digest(&cookie),
            subject_id: identity.subject_id.clone(),
            stage: next_stage_after_password(account).into(),
            csrf_token: secrets::random_alphanumeric(32),
            created_at: now,
            last_seen_at: now,
            expires_at: now.plus_millis(settings.session_absolute_ms),
            authenticated_at: now,
            client_ip: attempt.client_ip.clone(),
            user_agent: attempt
                .user_agent
                .as_ref()
                .map(|ua| ua.chars().take(200).collect()),
            challenge_method: None,
            challenge_hash: None,
            challenge_attempts: 0,
            challenge_expires_at: None,
        };
        if session.stage == "second_step" {
            if account.totp_secret.is_some() {
                session.challenge_method = Some("totp".into());
            } else {
                let (channel, recipient) = code_destination(identity);
                let code = secrets::random_digits(6);
                session.challenge_method = Some(channel.into());
                session.challenge_hash = Some(secrets::token_digest(&code));
                session.challenge_expires_at = Some(now.plus_millis(CODE_TTL_MS));
                let text = texts::sign_in_code(identity.language, &code, CODE_TTL_MS / 60_000);
                mail::enqueue(
                    tx,
                    self.0,
                    Outgoing {
                        enterprise_id: identity.enterprise_id,
                        channel,
                        recipient,
                        subject: text.subject,
                        body: text.body,
                        purpose: "sign_in_code",
                    },
                )
                .await?;
            }
        }
        sessions::insert(tx, &session).await?;
        Ok(Started {
            cookie,
            stage: session.stage,
            challenge_method: session.challenge_method,
            language: identity.language,
        })
    }

    /// The second step: a code from the authenticator app, a recovery code, or the code sent to
    /// the personal contact. Five wrong codes void the challenge. On success the session gets a
    /// new id (the one seen before the second step is worthless).
    pub async fn second_step(
        &self,
        cookie: &str,
        code: &str,
        client_ip: Option<String>,
        request_id: Option<String>,
    ) -> AppResult<Started> {
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        // The session and account rows are locked: parallel codes are judged one after the other
        // (the attempt counter and the last used step never go back).
        sessions::lock(&mut tx, &secrets::token_digest(cookie)).await?;
        let session = sessions::get(&mut tx, &secrets::token_digest(cookie))
            .await?
            .filter(|s| s.stage == "second_step" && s.expires_at > now)
            .ok_or(AppError::Unauthenticated)?;
        let identity = identity_of(&mut tx, &session.subject_id)
            .await?
            .filter(Identity::may_sign_in)
            .ok_or(AppError::Unauthenticated)?;
        accounts::lock(&mut tx, &session.subject_id).await?;
        let mut account = accounts::get(&mut tx, &session.subject_id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let actor = identity.actor(client_ip, request_id);
        let account_key = throttle::account_key(&identity.login_name);
        let code = code.trim().replace(' ', "");
        let accepted = match session.challenge_method.as_deref() {
            Some("totp") => {
                totp::accept_code(&mut account, &identity, &code, now)
                    || totp::accept_recovery_code(&mut account, &code)
            }
            _ => {
                session
                    .challenge_expires_at
                    .is_some_and(|until| until > now)
                    && session.challenge_hash.as_deref().is_some_and(|hash| {
                        secrets::digests_equal(hash, &secrets::token_digest(&code))
                    })
            }
        };
        if !accepted {
            // Wrong codes count against the account like wrong passwords (K-1).
            throttle::record_failure(&mut tx, &account_key, now).await?;
            let mut failed = session.clone();
            failed.challenge_attempts += 1;
            if failed.challenge_attempts >= MAX_CODE_ATTEMPTS {
                sessions::delete(&mut tx, &session.id_hash).await?;
                outbox::forget_codes(&mut tx, &code_destination(&identity).1).await?;
                audit_account(
                    &mut tx,
                    &actor,
                    now,
                    Some(&identity),
                    "account.two_step_voided",
                    serde_json::json!({ "attempts": failed.challenge_attempts }),
                )
                .await?;
                commit(tx).await?;
                return Err(AppError::conflict(
                    "challenge-voided",
                    "Too many wrong codes: sign in again to get a new challenge.",
                ));
            }
            sessions::update(&mut tx, &failed).await?;
            audit_account(
                &mut tx,
                &actor,
                now,
                Some(&identity),
                "account.two_step_failed",
                serde_json::json!({ "attempts": failed.challenge_attempts }),
            )
            .await?;
            commit(tx).await?;
            return Err(AppError::invalid(
                "code",
                "wrong-code",
                "This code is not right (or was already used). Try the current one.",
            ));
        }
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        let started = self
            .rotate(&mut tx, &session, &account, identity.language, now)
            .await?;
        audit_account(
            &mut tx,
            &actor,
            now,
            Some(&identity),
            "account.signed_in",
            serde_json::json!({ "two_step": session.challenge_method }),
        )
        .await?;
        commit(tx).await?;
        Ok(started)
    }

    /// Replaces a session by a new id at the stage that follows a passed step.
    pub(crate) async fn rotate(
        &self,
        tx: &mut Tx,
        old: &Session,
        account: &Account,
        language: Language,
        now: Timestamp,
    ) -> AppResult<Started> {
        sessions::delete(tx, &old.id_hash).await?;
        let cookie = secrets::random_alphanumeric(43);
        let session = Session {
            id_hash: secrets::token_digest(&cookie),
            stage: if account.must_change_password {
                "password_change"
            } else {
                "full"
            }
            .into(),
            csrf_token: secrets::random_alphanumeric(32),
            last_seen_at: now,
            authenticated_at: now,
            challenge_method: None,
            challenge_hash: None,
            challenge_attempts: 0,
            challenge_expires_at: None,
            ..old.clone()
        };
        sessions::insert(tx, &session).await?;
        Ok(Started {
            cookie,
            stage: session.stage,
            challenge_method: None,
            language,
        })
    }
}

/// After a right password: the second step if the account has one, else a due password
/// change, else the portal.
fn next_stage_after_password(account: &Account) -> &'static str {
    if account.totp_secret.is_some() || account.two_step_required {
        "second_step"
    } else if account.must_change_password {
        "password_change"
    } else {
        "full"
    }
}
