//! Portal accounts (K-1, K-4, U-5): who may sign in, how, and for how long. Every person of an
//! enterprise is an account; so are the provider's operators. The web layer only moves cookies
//! and forms: every rule (throttling, two-step, session expiry, CSRF token, roles) lives here.

mod credentials;
mod personal_tokens;
mod preferences;
mod sessions;
mod sign_in;
mod throttle;
mod totp;

use switchboard_domain::{
    EnterpriseId, Language, LoginName, OperatorId, PortalRole, SiteId, UserId, UserState,
};
use switchboard_store::accounts::{self, Account};
use switchboard_store::users::{self, User};
use switchboard_store::{Conn, enterprises};

pub use credentials::NewOperator;
pub use sessions::PortalSession;
pub use sign_in::{SignInAttempt, Started};
pub use totp::{TotpEnrolment, code_at as totp_code_at};

use crate::App;
use crate::actor::{Actor, Channel, Principal};
use crate::error::AppResult;

/// Timeouts and lifetimes of accounts (K-4, U-5).
#[derive(Debug, Clone)]
pub struct AccountSettings {
    /// A session ends after this long without a request.
    pub session_idle_ms: i64,
    /// A session ends this long after sign-in, whatever the activity.
    pub session_absolute_ms: i64,
    /// Sensitive changes (two-step, API tokens) need a sign-in at most this old.
    pub recent_sign_in_ms: i64,
    pub invitation_ttl_ms: i64,
    pub password_reset_ttl_ms: i64,
    /// The portal's address as users reach it, for links in messages.
    pub public_url: String,
}

impl Default for AccountSettings {
    fn default() -> Self {
        Self {
            session_idle_ms: 30 * 60_000,
            session_absolute_ms: 12 * 3_600_000,
            recent_sign_in_ms: 15 * 60_000,
            invitation_ttl_ms: 7 * 86_400_000,
            password_reset_ttl_ms: 60 * 60_000,
            public_url: "http://localhost:8080".into(),
        }
    }
}

/// the portal roles, the enterprise's four and the provider's operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountRole {
    User,
    TeamLead,
    SiteAdmin,
    EnterpriseAdmin,
    Operator,
}

impl AccountRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::TeamLead => "team_lead",
            Self::SiteAdmin => "site_admin",
            Self::EnterpriseAdmin => "enterprise_admin",
            Self::Operator => "operator",
        }
    }

    /// administrators (of a site, an enterprise, or the provider) have the administration
    /// pages; users and team leads act on themselves.
    pub fn administers(self) -> bool {
        matches!(
            self,
            Self::SiteAdmin | Self::EnterpriseAdmin | Self::Operator
        )
    }

    /// who reads the audit log (the service refuses everyone else, see `AuditLog::list`).
    pub fn reads_audit(self) -> bool {
        matches!(self, Self::EnterpriseAdmin | Self::Operator)
    }

    fn of(role: PortalRole) -> Self {
        match role {
            PortalRole::User => Self::User,
            PortalRole::TeamLead => Self::TeamLead,
            PortalRole::SiteAdmin => Self::SiteAdmin,
            PortalRole::EnterpriseAdmin => Self::EnterpriseAdmin,
        }
    }
}

/// The person behind an account, as the portal shows them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Identity {
    /// The user id or operator id.
    pub subject_id: String,
    pub login_name: String,
    pub display_name: String,
    pub email: String,
    pub language: Language,
    pub role: AccountRole,
    pub enterprise_id: Option<EnterpriseId>,
    pub enterprise_name: Option<String>,
    pub site_id: Option<SiteId>,
    pub user_state: Option<UserState>,
    pub personal_contact: Option<String>,
}

impl Identity {
    fn of_user(user: &User, enterprise_name: String) -> Self {
        Self {
            subject_id: user.id.to_string(),
            login_name: user.login_name.as_str().to_owned(),
            display_name: format!("{} {}", user.first_name.as_str(), user.last_name.as_str()),
            email: user.email.as_str().to_owned(),
            language: user.language,
            role: AccountRole::of(user.role),
            enterprise_id: Some(user.enterprise_id),
            enterprise_name: Some(enterprise_name),
            site_id: Some(user.site_id),
            user_state: Some(user.state),
            personal_contact: user.personal_contact.clone(),
        }
    }

    /// Only users who are not deactivated may sign in (L-5); operators always.
    pub fn may_sign_in(&self) -> bool {
        self.user_state != Some(UserState::Deactivated)
    }

    /// The authority this person acts with, through the portal.
    pub fn actor(&self, client_ip: Option<String>, request_id: Option<String>) -> Actor {
        let principal = match (self.role, self.enterprise_id, self.site_id) {
            (AccountRole::Operator, _, _) => Principal::Operator,
            (AccountRole::EnterpriseAdmin, Some(enterprise), _) => {
                Principal::EnterpriseAdmin { enterprise }
            }
            (AccountRole::SiteAdmin, Some(enterprise), Some(site)) => Principal::SiteAdmin {
                enterprise,
                sites: vec![site],
            },
            (role, Some(enterprise), Some(site)) => Principal::Member {
                enterprise,
                site,
                user: UserId(
                    self.subject_id
                        .parse()
                        .expect("a user subject is a user id"),
                ),
                team_lead: role == AccountRole::TeamLead,
            },
            // Cannot happen (an enterprise person has an enterprise and a site); fail closed: a
            // member of no enterprise reaches nothing.
            _ => Principal::Member {
                enterprise: EnterpriseId(uuid::Uuid::nil()),
                site: SiteId(uuid::Uuid::nil()),
                user: UserId(uuid::Uuid::nil()),
                team_lead: false,
            },
        };
        let kind = if self.role == AccountRole::Operator {
            "operator"
        } else {
            "user"
        };
        Actor {
            principal,
            label: format!("{kind}:{}", self.login_name),
            channel: Channel::Portal,
            client_ip,
            request_id,
        }
    }
}

/// What the portal may show of an account: flags, never secrets.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AccountStatus {
    pub has_password: bool,
    pub must_change_password: bool,
    pub two_step_required: bool,
    pub totp_enabled: bool,
    pub recovery_codes_left: usize,
}

impl AccountStatus {
    fn of(account: Option<&Account>) -> Self {
        Self {
            has_password: account.is_some_and(|a| a.password_hash.is_some()),
            must_change_password: account.is_some_and(|a| a.must_change_password),
            two_step_required: account.is_some_and(|a| a.two_step_required),
            totp_enabled: account.is_some_and(|a| a.totp_secret.is_some()),
            recovery_codes_left: account.map_or(0, |a| a.recovery_codes.len()),
        }
    }
}

pub struct Accounts<'a>(pub(crate) &'a App);

/// Finds whoever signs in with this login name: a user first, then an operator.
async fn identity_by_login(conn: &mut Conn, login: &str) -> AppResult<Option<Identity>> {
    let Ok(login) = LoginName::parse(login) else {
        return Ok(None);
    };
    if let Some(id) = users::id_by_login(conn, &login).await? {
        return identity_of(conn, &id.to_string()).await;
    }
    Ok(
        match accounts::operator_by_login(conn, login.as_str()).await? {
            Some(operator) => identity_of(conn, &operator.id.to_string()).await?,
            None => None,
        },
    )
}

/// The person behind a subject id (user or operator), for personal API tokens.
pub(crate) async fn identity_of_subject(
    conn: &mut Conn,
    subject_id: &str,
) -> AppResult<Option<Identity>> {
    identity_of(conn, subject_id).await
}

/// The identity of a subject id, or `None` when the person no longer exists.
async fn identity_of(conn: &mut Conn, subject_id: &str) -> AppResult<Option<Identity>> {
    let Ok(uuid) = subject_id.parse::<uuid::Uuid>() else {
        return Ok(None);
    };
    if let Some(user) = users::get(conn, UserId(uuid)).await? {
        let enterprise = enterprises::get(conn, user.enterprise_id)
            .await?
            .map(|e| e.name)
            .unwrap_or_default();
        return Ok(Some(Identity::of_user(&user, enterprise)));
    }
    Ok(accounts::operator(conn, OperatorId(uuid))
        .await?
        .map(|o| Identity {
            subject_id: o.id.to_string(),
            login_name: o.login_name,
            display_name: o.display_name,
            email: o.email,
            language: Language::parse(&o.language).unwrap_or(Language::English),
            role: AccountRole::Operator,
            enterprise_id: None,
            enterprise_name: None,
            site_id: None,
            user_state: None,
            personal_contact: None,
        }))
}

/// A fresh account row for a subject that has none yet.
fn blank_account(subject_id: &str, kind: &str, now: switchboard_domain::Timestamp) -> Account {
    Account::blank(subject_id, kind, now)
}

fn kind_of(identity: &Identity) -> &'static str {
    if identity.role == AccountRole::Operator {
        "operator"
    } else {
        "user"
    }
}

/// K-1: a personal contact a sign-in code can be sent to: an email address or a phone number.
pub fn is_deliverable_contact(contact: &str) -> bool {
    switchboard_domain::Email::parse(contact).is_ok()
        || switchboard_domain::E164Number::parse(contact).is_ok()
}

/// Is two-step sign-in by code required for this user (required, and no authenticator app)?
pub(crate) async fn needs_contact_for_codes(conn: &mut Conn, user: UserId) -> AppResult<bool> {
    Ok(accounts::get(conn, &user.to_string())
        .await?
        .is_some_and(|a| a.two_step_required && a.totp_secret.is_none()))
}

/// L-4/L-5: everything that lets a person in ends at once — sessions, personal API tokens and
/// open invitation or reset links.
pub(crate) async fn end_access(
    conn: &mut Conn,
    user: UserId,
    now: switchboard_domain::Timestamp,
) -> AppResult<()> {
    switchboard_store::sessions::delete_for_subject(conn, &user.to_string(), None).await?;
    switchboard_store::tokens::revoke_for_user(conn, user, now).await?;
    switchboard_store::links::void_for_subject(conn, &user.to_string(), now).await?;
    Ok(())
}

impl App {
    pub fn accounts(&self) -> Accounts<'_> {
        Accounts(self)
    }
}
