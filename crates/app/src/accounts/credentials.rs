//! Passwords and how people get them (K-1, U-5): invitations and reset links (one-time,
//! expiring, only a digest stored), passwords set by an administrator, the self-service change,
//! and the two-step requirement an administrator may set.

use switchboard_domain::{Email, Language, LoginName, OperatorId, UserId};
use switchboard_store::accounts::{self, Operator};
use switchboard_store::links::{self, Link};
use switchboard_store::users::User;
use switchboard_store::{Tx, enterprises, outbox, sessions};

use super::sessions::PortalSession;
use super::sign_in::audit_account;
use super::throttle::{self, account_key};
use super::{Accounts, Identity, blank_account, identity_by_login, identity_of, kind_of};
use crate::actor::Actor;
use crate::error::{AppError, AppResult};
use crate::mail::{self, Outgoing, texts};
use crate::passwords::{self, PersonalWords};
use crate::{commit, secrets};

/// Input of [`Accounts::create_operator`].
#[derive(Debug, Clone, Default)]
pub struct NewOperator {
    pub login_name: String,
    pub display_name: String,
    pub email: String,
    pub language: Option<String>,
}

fn words_of(identity: &Identity) -> PersonalWords {
    let mut words: Vec<&str> = identity.display_name.split_whitespace().collect();
    words.push(&identity.email);
    words.push(&identity.login_name);
    PersonalWords::new(words)
}

fn words_of_user(user: &User) -> PersonalWords {
    PersonalWords::new([
        user.first_name.as_str(),
        user.last_name.as_str(),
        user.email.as_str(),
        user.login_name.as_str(),
    ])
}

impl Accounts<'_> {
    fn link_url(&self, path: &str, token: &str) -> String {
        format!(
            "{}/{path}/{token}",
            self.0.account_settings().public_url.trim_end_matches('/')
        )
    }

    /// The invitation mail of a user, carrying their one-time link (U-5).
    pub(crate) fn invitation(&self, user: &User, enterprise_name: &str, token: &str) -> Outgoing {
        let name = format!("{} {}", user.first_name.as_str(), user.last_name.as_str());
        let text = texts::invitation(
            user.language,
            &name,
            enterprise_name,
            &self.link_url("invitation", token),
            self.0.account_settings().invitation_ttl_ms / 86_400_000,
        );
        Outgoing {
            enterprise_id: Some(user.enterprise_id),
            channel: "email",
            recipient: user.email.as_str().to_owned(),
            subject: text.subject,
            body: text.body,
            purpose: "invitation",
        }
    }

    /// Writes an invitation for a user (creating their account) inside the caller's transaction.
    pub(crate) async fn invite_in(&self, tx: &mut Tx, user: &User) -> AppResult<()> {
        let now = self.0.now();
        let settings = self.0.account_settings();
        if accounts::get(tx, &user.id.to_string()).await?.is_none() {
            accounts::save(tx, &blank_account(&user.id.to_string(), "user", now)).await?;
        }
        let token = new_link(
            tx,
            "invitation",
            &user.id.to_string(),
            now.plus_millis(settings.invitation_ttl_ms),
            now,
        )
        .await?;
        let enterprise = enterprises::get(tx, user.enterprise_id)
            .await?
            .ok_or(AppError::NotFound("enterprise"))?;
        let name = format!("{} {}", user.first_name.as_str(), user.last_name.as_str());
        mail::enqueue(tx, self.0, self.invitation(user, &enterprise.name, &token)).await?;
        // U-5: when the login is the email, the enterprise's contact learns an invitation went out.
        if user.login_name.as_str() == user.email.as_str().to_lowercase() {
            let notice = texts::invitation_notice(user.language, &name, user.login_name.as_str());
            mail::enqueue(
                tx,
                self.0,
                Outgoing {
                    enterprise_id: Some(user.enterprise_id),
                    channel: "email",
                    recipient: enterprise.contact_email.as_str().to_owned(),
                    subject: notice.subject,
                    body: notice.body,
                    purpose: "invitation_notice",
                },
            )
            .await?;
        }
        Ok(())
    }

    /// U-5, K-1: a new user's account, in the creating transaction: the password the
    /// administrator set (hashed before), or an invitation; and the two-step requirement.
    pub(crate) async fn set_up_new_user(
        &self,
        tx: &mut Tx,
        user: &User,
        password_hash: Option<String>,
        must_change: bool,
        two_step_required: bool,
    ) -> AppResult<()> {
        let now = self.0.now();
        let mut account = blank_account(&user.id.to_string(), "user", now);
        account.two_step_required = two_step_required;
        let invite = password_hash.is_none();
        if let Some(hash) = password_hash {
            account.password_hash = Some(hash);
            account.must_change_password = must_change;
            account.password_changed_at = Some(now);
        }
        accounts::save(tx, &account).await?;
        if invite {
            self.invite_in(tx, user).await?;
        }
        Ok(())
    }

    /// The user signing in with this login, if the actor can reach them.
    pub async fn user_by_login(&self, actor: &Actor, login: &str) -> AppResult<Option<UserId>> {
        let Ok(login) = LoginName::parse(login) else {
            return Ok(None);
        };
        let mut conn = self.0.db().read().await?;
        let Some(id) = switchboard_store::users::id_by_login(&mut conn, &login).await? else {
            return Ok(None);
        };
        drop(conn);
        match self.0.users().get(actor, id).await {
            Ok(_) => Ok(Some(id)),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// What an administrator may know of a user's account: flags, never secrets.
    pub async fn status_of_user(
        &self,
        actor: &Actor,
        user_id: UserId,
    ) -> AppResult<super::AccountStatus> {
        self.0.users().get(actor, user_id).await?;
        actor.require_admin("read account settings")?;
        let mut conn = self.0.db().read().await?;
        let account = accounts::get(&mut conn, &user_id.to_string()).await?;
        Ok(super::AccountStatus::of(account.as_ref()))
    }

    /// An administrator sends (again) an invitation; any earlier link stops working.
    pub async fn invite(&self, actor: &Actor, user_id: UserId) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let user = self
            .0
            .users()
            .in_reach_locked(&mut tx, actor, user_id)
            .await?;
        actor.require_admin("send invitations")?;
        self.invite_in(&mut tx, &user).await?;
        let identity = identity_of(&mut tx, &user.id.to_string()).await?;
        audit_account(
            &mut tx,
            actor,
            self.0.now(),
            identity.as_ref(),
            "account.invited",
            serde_json::json!({ "to": user.email.as_str() }),
        )
        .await?;
        self.0.commit_with_jobs(tx).await
    }

    /// Who a live invitation or reset link is for (the page greets them), without using it.
    pub async fn link_holder(&self, purpose: &str, token: &str) -> AppResult<Identity> {
        let now = self.0.now();
        let mut conn = self.0.db().read().await?;
        let link = links::find_live(&mut conn, &secrets::token_digest(token), purpose, now)
            .await?
            .ok_or_else(expired_link)?;
        identity_of(&mut conn, &link.subject_id)
            .await?
            .filter(Identity::may_sign_in)
            .ok_or_else(expired_link)
    }

    /// Uses an invitation or reset link to set the password. Every session of the person ends;
    /// they sign in afresh (with their second step, if any).
    pub async fn redeem_link(
        &self,
        purpose: &'static str,
        token: &str,
        password: &str,
        actor_ip: Option<String>,
        request_id: Option<String>,
    ) -> AppResult<Identity> {
        let identity = self.link_holder(purpose, token).await?;
        passwords::check_strength("password", password, &words_of(&identity))
            .map_err(|e| AppError::Validation(vec![e]))?;
        let hash = passwords::hash(password).await?;
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        if !links::consume(&mut tx, &secrets::token_digest(token), now).await? {
            return Err(expired_link());
        }
        // Any other open link of the person goes too, and so does the text of their messages.
        links::void_for_subject(&mut tx, &identity.subject_id, now).await?;
        outbox::forget_links(&mut tx, &identity.email).await?;
        let mut account = accounts::get(&mut tx, &identity.subject_id)
            .await?
            .unwrap_or_else(|| blank_account(&identity.subject_id, kind_of(&identity), now));
        account.password_hash = Some(hash);
        account.must_change_password = false;
        account.password_changed_at = Some(now);
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        sessions::delete_for_subject(&mut tx, &identity.subject_id, None).await?;
        throttle::clear(&mut tx, &account_key(&identity.login_name)).await?;
        let action = if purpose == "invitation" {
            "account.invitation_accepted"
        } else {
            "account.password_reset"
        };
        audit_account(
            &mut tx,
            &identity.actor(actor_ip, request_id),
            now,
            Some(&identity),
            action,
            serde_json::json!({}),
        )
        .await?;
        commit(tx).await?;
        Ok(identity)
    }

    /// "Forgot password": sends a reset link to the account's email when the login exists and
    /// may sign in. The answer is the same either way, so nobody learns which logins exist.
    pub async fn request_password_reset(
        &self,
        login: &str,
        client_ip: Option<String>,
        request_id: Option<String>,
    ) -> AppResult<()> {
        let now = self.0.now();
        let settings = self.0.account_settings();
        let mut tx = self.0.begin().await?;
        let Some(identity) = identity_by_login(&mut tx, login)
            .await?
            .filter(Identity::may_sign_in)
        else {
            return Ok(());
        };
        let token = new_link(
            &mut tx,
            "password_reset",
            &identity.subject_id,
            now.plus_millis(settings.password_reset_ttl_ms),
            now,
        )
        .await?;
        let text = texts::password_reset(
            identity.language,
            &identity.display_name,
            &self.link_url("reset", &token),
            settings.password_reset_ttl_ms / 60_000,
        );
        mail::enqueue(
            &mut tx,
            self.0,
            Outgoing {
                enterprise_id: identity.enterprise_id,
                channel: "email",
                recipient: identity.email.clone(),
                subject: text.subject,
                body: text.body,
                purpose: "password_reset",
            },
        )
        .await?;
        audit_account(
            &mut tx,
            &identity.actor(client_ip, request_id),
            now,
            Some(&identity),
            "account.password_reset_requested",
            serde_json::json!({}),
        )
        .await?;
        self.0.commit_with_jobs(tx).await
    }

    /// Self-service change. A forced change (stage `password_change`) needs no current password
    /// (it was just typed); otherwise it does. The person's other sessions end (K-4).
    pub async fn change_password(
        &self,
        session: &PortalSession,
        actor: &Actor,
        current: Option<&str>,
        new: &str,
    ) -> AppResult<()> {
        let identity = &session.identity;
        let mut conn = self.0.db().read().await?;
        let account = accounts::get(&mut conn, &identity.subject_id).await?;
        drop(conn);
        let hash = account.as_ref().and_then(|a| a.password_hash.as_deref());
        let forced = session.stage == "password_change";
        if !forced {
            self.check_current_password(identity, current.unwrap_or(""), hash)
                .await?;
        }
        passwords::check_strength("new_password", new, &words_of(identity))
            .map_err(|e| AppError::Validation(vec![e]))?;
        if passwords::verify(new, hash).await? {
            return Err(AppError::invalid(
                "new_password",
                "password-unchanged",
                "Choose a password different from the current one.",
            ));
        }
        let new_hash = passwords::hash(new).await?;
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        let mut account = accounts::get(&mut tx, &identity.subject_id)
            .await?
            .unwrap_or_else(|| blank_account(&identity.subject_id, kind_of(identity), now));
        account.password_hash = Some(new_hash);
        account.must_change_password = false;
        account.password_changed_at = Some(now);
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        sessions::delete_for_subject(&mut tx, &identity.subject_id, Some(&session.id_hash)).await?;
        links::void_for_subject(&mut tx, &identity.subject_id, now).await?;
        outbox::forget_links(&mut tx, &identity.email).await?;
        if forced && let Some(mut row) = sessions::get(&mut tx, &session.id_hash).await? {
            row.stage = "full".into();
            row.last_seen_at = now;
            sessions::update(&mut tx, &row).await?;
        }
        audit_account(
            &mut tx,
            actor,
            now,
            Some(identity),
            "account.password_changed",
            serde_json::json!({ "forced": forced }),
        )
        .await?;
        commit(tx).await
    }

    /// K-1: a current password typed to confirm a change is throttled like a sign-in, so a
    /// stolen session cannot guess it.
    pub(crate) async fn check_current_password(
        &self,
        identity: &Identity,
        typed: &str,
        hash: Option<&str>,
    ) -> AppResult<()> {
        let now = self.0.now();
        let key = [throttle::account_key(&identity.login_name)];
        let mut tx = self.0.begin().await?;
        let reservation = throttle::reserve(&mut tx, &key, now).await?;
        commit(tx).await?;
        let right = passwords::verify(typed, if reservation.locked { None } else { hash }).await?;
        if right && !reservation.locked {
            let mut tx = self.0.begin().await?;
            throttle::release(&mut tx, &key[0], now).await?;
            return commit(tx).await;
        }
        Err(AppError::invalid(
            "current_password",
            "wrong-password",
            "This is not your current password.",
        ))
    }

    /// An administrator sets a user's password (U-5); the user's sessions end.
    pub async fn set_password(
        &self,
        actor: &Actor,
        user_id: UserId,
        password: &str,
        must_change: bool,
    ) -> AppResult<()> {
        let user = self.0.users().get(actor, user_id).await?;
        actor.require_admin("set passwords")?;
        passwords::check_strength("password", password, &words_of_user(&user))
            .map_err(|e| AppError::Validation(vec![e]))?;
        let hash = passwords::hash(password).await?;
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        let user = self
            .0
            .users()
            .in_reach_locked(&mut tx, actor, user_id)
            .await?;
        let mut account = accounts::get(&mut tx, &user.id.to_string())
            .await?
            .unwrap_or_else(|| blank_account(&user.id.to_string(), "user", now));
        account.password_hash = Some(hash);
        account.must_change_password = must_change;
        account.password_changed_at = Some(now);
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        sessions::delete_for_subject(&mut tx, &user.id.to_string(), None).await?;
        links::void_for_subject(&mut tx, &user.id.to_string(), now).await?;
        outbox::forget_links(&mut tx, user.email.as_str()).await?;
        let identity = identity_of(&mut tx, &user.id.to_string()).await?;
        audit_account(
            &mut tx,
            actor,
            now,
            identity.as_ref(),
            "account.password_set",
            serde_json::json!({ "must_change": must_change }),
        )
        .await?;
        commit(tx).await
    }

    /// K-1: an administrator requires (or stops requiring) two-step sign-in for a user. Without
    /// an authenticator app the code goes to the personal contact, which is then mandatory.
    pub async fn require_two_step(
        &self,
        actor: &Actor,
        user_id: UserId,
        required: bool,
    ) -> AppResult<()> {
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        let user = self
            .0
            .users()
            .in_reach_locked(&mut tx, actor, user_id)
            .await?;
        let identity = identity_of(&mut tx, &user.id.to_string())
            .await?
            .ok_or(AppError::NotFound("user"))?;
        let mut account = accounts::get(&mut tx, &identity.subject_id)
            .await?
            .unwrap_or_else(|| blank_account(&identity.subject_id, "user", now));
        if required && account.totp_secret.is_none() && !has_deliverable_contact(&identity) {
            return Err(AppError::invalid(
                "personal_contact",
                "required",
                "Two-step sign-in by code needs a personal contact (an email address or a mobile number) to send the code to.",
            ));
        }
        let before = account.two_step_required;
        account.two_step_required = required;
        account.updated_at = now;
        accounts::save(&mut tx, &account).await?;
        if before != required {
            sessions::delete_for_subject(&mut tx, &identity.subject_id, None).await?;
        }
        audit_account(
            &mut tx,
            actor,
            now,
            Some(&identity),
            "account.two_step_required",
            serde_json::json!({ "before": before, "after": required }),
        )
        .await?;
        commit(tx).await
    }

    /// Creates a provider operator and returns the one-time link to choose a password (also
    /// sent by email). Only operators (or the CLI) create operators.
    pub async fn create_operator(
        &self,
        actor: &Actor,
        input: NewOperator,
    ) -> AppResult<(Operator, String)> {
        actor.require_operator("create operators")?;
        let mut v = switchboard_domain::Violations::new();
        let login = v.check("login_name", LoginName::parse(&input.login_name));
        let email = v.check("email", Email::parse(&input.email));
        let name = input.display_name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 100 {
            v.push(switchboard_domain::FieldError::new(
                "display_name",
                "invalid-name",
                "A name has 1 to 100 characters.",
            ));
        }
        let language = match input.language.as_deref() {
            None => Some(Language::English),
            Some(l) => v.check(
                "language",
                Language::parse(l).ok_or_else(|| {
                    switchboard_domain::FieldError::new(
                        "language",
                        "invalid-choice",
                        format!("'{l}' is not one of: {}.", Language::choices()),
                    )
                }),
            ),
        };
        v.finish()?;
        let (login, email, language) = (
            login.expect("checked"),
            email.expect("checked"),
            language.expect("checked"),
        );
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        if identity_by_login(&mut tx, login.as_str()).await?.is_some() {
            return Err(AppError::LoginTaken(login.as_str().to_owned()));
        }
        let operator = Operator {
            id: OperatorId::new(),
            login_name: login.as_str().to_owned(),
            display_name: name,
            email: email.as_str().to_owned(),
            language: language.as_str().to_owned(),
            created_at: now,
        };
        accounts::insert_operator(&mut tx, &operator).await?;
        accounts::save(
            &mut tx,
            &blank_account(&operator.id.to_string(), "operator", now),
        )
        .await?;
        let settings = self.0.account_settings();
        let token = new_link(
            &mut tx,
            "invitation",
            &operator.id.to_string(),
            now.plus_millis(settings.invitation_ttl_ms),
            now,
        )
        .await?;
        let link = self.link_url("invitation", &token);
        let text = texts::invitation(
            language,
            &operator.display_name,
            "Switchboard",
            &link,
            settings.invitation_ttl_ms / 86_400_000,
        );
        mail::enqueue(
            &mut tx,
            self.0,
            Outgoing {
                enterprise_id: None,
                channel: "email",
                recipient: operator.email.clone(),
                subject: text.subject,
                body: text.body,
                purpose: "invitation",
            },
        )
        .await?;
        let identity = identity_of(&mut tx, &operator.id.to_string()).await?;
        audit_account(
            &mut tx,
            actor,
            now,
            identity.as_ref(),
            "operator.created",
            serde_json::json!({ "login_name": operator.login_name }),
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        Ok((operator, link))
    }
}

fn has_deliverable_contact(identity: &Identity) -> bool {
    identity
        .personal_contact
        .as_deref()
        .is_some_and(super::is_deliverable_contact)
}

/// A new one-time link (U-5): only its digest is stored, earlier open ones of the same purpose
/// stop working. Returns the token for the message.
async fn new_link(
    tx: &mut Tx,
    purpose: &str,
    subject_id: &str,
    expires_at: switchboard_domain::Timestamp,
    now: switchboard_domain::Timestamp,
) -> AppResult<String> {
    let token = secrets::random_alphanumeric(43);
    links::replace(
        tx,
        &Link {
            token_hash: secrets::token_digest(&token),
            purpose: purpose.into(),
            subject_id: subject_id.to_owned(),
            created_at: now,
            expires_at,
            used_at: None,
        },
    )
    .await?;
    Ok(token)
}

fn expired_link() -> AppError {
    AppError::conflict(
        "link-expired",
        "This link has expired or was already used. Ask for a new one.",
    )
}
