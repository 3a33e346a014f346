//! S-5: soft-client provisioning. An administrator in reach, or the user themselves, asks for a
//! one-time link (shown as a QR code) for the user's mobile or desktop client. The link carries a
//! random token — never a SIP password — that expires after [`TOKEN_LIFETIME_MILLIS`]; redeeming
//! it gives the client its own SIP login once (a soft client signs in with its own user name,
//! so its password can be replaced without touching the desk phone).

use switchboard_domain::{Timestamp, UserId, UserState};
use switchboard_store::provisioning::{self, SoftClient, Token};
use switchboard_store::{enterprises, users};

use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::jobs::enqueue_sync;
use crate::users::not_active;
use crate::{App, commit, secrets};

/// How long a provisioning link works: a day, time enough to open it on the phone it is for.
pub const TOKEN_LIFETIME_MILLIS: i64 = 24 * 60 * 60 * 1000;

/// The two kinds of soft client a user can have, one of each.
pub const VARIANTS: [&str; 2] = ["mobile", "desktop"];

/// A new provisioning link, shown once.
#[derive(Debug, Clone)]
pub struct Issued {
    pub token: String,
    pub link: String,
    pub variant: String,
    pub expires_at: Timestamp,
}

/// What a redeemed token gives the client, once.
#[derive(Debug, Clone)]
pub struct SoftClientLogin {
    pub variant: String,
    pub username: String,
    pub password: String,
    pub domain: String,
    pub display_name: String,
    pub extension: String,
}

/// A soft client a user has set up.
#[derive(Debug, Clone)]
pub struct SoftClientInfo {
    pub variant: String,
    pub username: String,
    pub since: Timestamp,
}

pub struct Provisioning<'a>(pub(crate) &'a App);

impl Provisioning<'_> {
    /// A one-time link for the user's `mobile` or `desktop` soft client; an earlier unused link
    /// for the same client stops working. Pending and active users only (L-1: a pending user
    /// can already make calls).
    pub async fn issue(&self, actor: &Actor, user: UserId, variant: &str) -> AppResult<Issued> {
        self.0.users().get(actor, user).await?;
        let variant = parse_variant(variant)?;
        let mut tx = self.0.begin().await?;
        let user = users::get(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound("user"))?;
        if !matches!(user.state, UserState::Pending | UserState::Active) {
            return Err(not_active(user.state, "setting up a soft client"));
        }
        let now = self.0.now();
        let token = format!("sbp_{}", secrets::random_alphanumeric(40));
        let stored = Token {
            id: uuid::Uuid::now_v7().to_string(),
            enterprise_id: user.enterprise_id,
            user_id: user.id,
            variant: variant.to_owned(),
            created_at: now,
            expires_at: now.plus_millis(TOKEN_LIFETIME_MILLIS),
            redeemed_at: None,
        };
        provisioning::issue(&mut tx, &stored, &secrets::token_digest(&token)).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(user.enterprise_id),
                action: "soft_client.link_issued",
                target_kind: "user",
                target_id: user.id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "variant": variant,
                    "expires_at": stored.expires_at.to_rfc3339(),
                })),
            },
        )
        .await?;
        commit(tx).await?;
        let base = self.0.account_settings().public_url.trim_end_matches('/');
        Ok(Issued {
            link: format!("{base}/api/v1/provisioning/{token}"),
            token,
            variant: variant.to_owned(),
            expires_at: stored.expires_at,
        })
    }

    /// Redeems a token, once: the client's SIP login with a new password (its digests stored,
    /// the password returned here only). Unknown: 404; used or expired: 410, said which.
    pub async fn redeem(
        &self,
        token: &str,
        client_ip: Option<String>,
    ) -> AppResult<SoftClientLogin> {
        let mut tx = self.0.begin().await?;
        let found = provisioning::by_digest(&mut tx, &secrets::token_digest(token.trim()))
            .await?
            .ok_or(AppError::NotFound("provisioning link"))?;
        let now = self.0.now();
        if found.redeemed_at.is_some() {
            return Err(used());
        }
        if found.expires_at.millis() <= now.millis() {
            return Err(AppError::Gone {
                code: "link-expired",
                detail: "This provisioning link has expired. Ask for a new one.".into(),
            });
        }
        // Two clients with one link at the same moment: only the first gets the login.
        if !provisioning::redeem(&mut tx, &found.id, now).await? {
            return Err(used());
        }
        let user = users::get(&mut tx, found.user_id)
            .await?
            .ok_or(AppError::NotFound("provisioning link"))?;
        if !matches!(user.state, UserState::Pending | UserState::Active) {
            return Err(not_active(user.state, "setting up a soft client"));
        }
        let enterprise = enterprises::get(&mut tx, user.enterprise_id)
            .await?
            .ok_or(AppError::NotFound("provisioning link"))?;
        let realm = enterprise.sip_domain.clone();
        let username = soft_client_username(&mut tx, &user, &realm, &found.variant).await?;
        let password = secrets::sip_password();
        provisioning::set_soft_client(
            &mut tx,
            &SoftClient {
                user_id: user.id,
                variant: found.variant.clone(),
                enterprise_id: user.enterprise_id,
                ha1: secrets::sip_ha1(&username, &realm, &password),
                ha1b: secrets::sip_ha1b(&username, &realm, &realm, &password),
                username: username.clone(),
                realm: realm.clone(),
                created_at: now,
            },
        )
        .await?;
        // T-3: the telephony side learns of the new login like of any change to the user.
        enqueue_sync(&mut tx, self.0, &user).await?;
        let mut redeemer = Actor::system("provisioning link");
        redeemer.client_ip = client_ip;
        audit::record(
            &mut tx,
            &redeemer,
            now,
            Change {
                enterprise: Some(user.enterprise_id),
                action: "soft_client.provisioned",
                target_kind: "user",
                target_id: user.id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "variant": found.variant, "username": username })),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(SoftClientLogin {
            variant: found.variant,
            username,
            password,
            domain: realm,
            display_name: format!("{} {}", user.first_name.as_str(), user.last_name.as_str()),
            extension: user.extension.to_string(),
        })
    }

    /// The soft clients the user has set up.
    pub async fn soft_clients(
        &self,
        actor: &Actor,
        user: UserId,
    ) -> AppResult<Vec<SoftClientInfo>> {
        self.0.users().get(actor, user).await?;
        let mut conn = self.0.db().read().await?;
        Ok(provisioning::soft_clients_of(&mut conn, user)
            .await?
            .into_iter()
            .map(|(variant, username, since)| SoftClientInfo {
                variant,
                username,
                since,
            })
            .collect())
    }
}

fn used() -> AppError {
    AppError::Gone {
        code: "link-used",
        detail: "This provisioning link was used already; each works once. Ask for a new one."
            .into(),
    }
}

fn parse_variant(variant: &str) -> AppResult<&'static str> {
    VARIANTS
        .into_iter()
        .find(|v| *v == variant.trim())
        .ok_or_else(|| {
            AppError::invalid(
                "variant",
                "invalid-choice",
                format!("'{variant}' is not one of: mobile, desktop."),
            )
        })
}

/// The client keeps its user name when set up again; a new one is the desk phone's with the
/// variant (`493012345602.mobile`), made unique in the realm if it must be.
async fn soft_client_username(
    tx: &mut switchboard_store::Tx,
    user: &users::User,
    realm: &str,
    variant: &str,
) -> AppResult<String> {
    if let Some((_, username, _)) = provisioning::soft_clients_of(&mut *tx, user.id)
        .await?
        .into_iter()
        .find(|(v, _, _)| v == variant)
    {
        return Ok(username);
    }
    let line = users::sip_credentials(&mut *tx, user.id)
        .await?
        .map(|c| c.username)
        .unwrap_or_else(|| user.extension.to_string());
    let preferred = format!("{line}.{variant}");
    if provisioning::username_taken(&mut *tx, realm, &preferred).await? {
        Ok(format!("{preferred}-{}", secrets::random_digits(4)))
    } else {
        Ok(preferred)
    }
}
