//! The device password manager (L-8): new desk-phone passwords for many users of one site at
//! once — generated, or one an administrator sets — and their login details as a CSV that can be
//! downloaded once, within minutes. The plain passwords are never stored: the CSV is kept
//! encrypted with a key that only the download link holds.

use std::collections::HashSet;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore as _;
use switchboard_domain::{
    AuditId, EnterpriseId, FieldError, PortalRole, SiteId, Timestamp, UserId, Violations,
};
use switchboard_store::audit::{self, AuditEntry};
use switchboard_store::jobs;
use switchboard_store::org::{Site, UnitTable};
use switchboard_store::sheets::{self, Sheet};
use switchboard_store::users::{self, LineHolder, SipCredentials};

use crate::actor::Actor;
use crate::error::{AppError, AppResult};
use crate::jobs::sync_job_of;
use crate::passwords::{self, PersonalWords};
use crate::tenancy::{load_enterprise, unit_of};
use crate::{App, secrets};

/// How long the CSV waits for its one download: "shortly after".
pub const SHEET_TTL_MS: i64 = 10 * 60 * 1_000;

/// Input of [`DevicePasswords::issue`].
#[derive(Debug, Clone, Default)]
pub struct NewDevicePasswords {
    pub site_id: Option<String>,
    /// The users of the site to give new passwords; all of them when absent.
    pub user_ids: Option<Vec<String>>,
    /// One password for all, set by the administrator (strength-checked); generated otherwise.
    pub password: Option<String>,
}

/// What a run did, and the one-time link to its CSV.
#[derive(Debug, Clone)]
pub struct IssuedPasswords {
    pub users: usize,
    /// Enterprise administrators of the site, left out for a site administrator.
    pub skipped: Vec<UserId>,
    /// Opens the CSV once; it holds the key, so it is shown only here.
    pub download_token: String,
    pub expires_at: Timestamp,
}

pub struct DevicePasswords<'a>(pub(crate) &'a App);

impl DevicePasswords<'_> {
    /// L-8: new SIP credentials for the chosen users of one site, in one transaction with their
    /// sync jobs (T-3) and audit entries; returns the link to the CSV of the new logins.
    pub async fn issue(
        &self,
        actor: &Actor,
        enterprise_id: EnterpriseId,
        input: NewDevicePasswords,
    ) -> AppResult<IssuedPasswords> {
        actor.require_staff(enterprise_id, "renew device passwords")?;
        actor.require_admin("renew device passwords")?;
        let mut v = Violations::new();
        if let Some(password) = &input.password {
            let checked = passwords::check_strength("password", password, &PersonalWords::new([]))
                .and_then(|()| {
                    if password.starts_with("0x") || password.starts_with("0X") {
                        Err(FieldError::new("password", "hex-like", "Some phones read a password starting with 0x as a hexadecimal key; choose another."))
                    } else {
                        Ok(())
                    }
                });
            v.check("password", checked);
        }
        let mut conn = self.0.db().read().await?;
        let enterprise = load_enterprise(&mut conn, enterprise_id).await?;
        let site: Option<Site> = match v.require("site_id", input.site_id) {
            Some(raw) => {
                let site: Result<Site, _> = unit_of(
                    &mut conn,
                    UnitTable::Sites,
                    enterprise_id,
                    &raw,
                    "site_id",
                    "site",
                )
                .await?;
                v.check("site_id", site).filter(|s| {
                    let ok = actor.can_reach_site(enterprise_id, s.id, "site").is_ok();
                    if !ok {
                        v.push(FieldError::new(
                            "site_id",
                            "unknown-reference",
                            format!("There is no site '{raw}' in your reach."),
                        ));
                    }
                    ok
                })
            }
            None => None,
        };
        let site_id: Option<SiteId> = site.map(|s| s.id);
        let mut holders = match site_id {
            Some(site) => users::line_holders(&mut conn, enterprise_id, site).await?,
            None => Vec::new(),
        };
        if let Some(ids) = &input.user_ids {
            let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
            let present: HashSet<String> = holders.iter().map(|h| h.user_id.to_string()).collect();
            for (i, id) in ids.iter().enumerate() {
                if site_id.is_some() && !present.contains(id.as_str()) {
                    v.push(FieldError::new(
                        format!("user_ids[{i}]"),
                        "unknown-reference",
                        format!("'{id}' is not a user of this site."),
                    ));
                }
            }
            holders.retain(|h| wanted.contains(h.user_id.to_string().as_str()));
        }
        v.finish()?;
        // a site administrator never acts on an enterprise administrator.
        let mut skipped = Vec::new();
        if actor.site_limit().is_some() {
            holders.retain(|h| {
                let keep = h.role != PortalRole::EnterpriseAdmin;
                if !keep {
                    skipped.push(h.user_id);
                }
                keep
            });
        }
        if holders.is_empty() {
            return Err(AppError::invalid(
                "user_ids",
                "empty",
                "There is nobody to give a new device password to.",
            ));
        }
        // Phones keep their user name; a user without a login gets their number's digits.
        let realm = enterprise.sip_domain.clone();
        let wanted_names: Vec<String> = holders
            .iter()
            .filter(|h| h.sip_username.is_none())
            .map(preferred_username)
            .collect();
        let taken: HashSet<String> = users::sip_usernames_taken(&mut conn, &realm, &wanted_names)
            .await?
            .into_iter()
            .collect();
        drop(conn);

        let now = self.0.now();
        let mut sheet = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        sheet
            .write_record([
                "name",
                "extension",
                "number",
                "sip_username",
                "sip_password",
                "sip_domain",
            ])
            .map_err(anyhow::Error::from)?;
        let mut credentials = Vec::with_capacity(holders.len());
        for h in &holders {
            let username = match &h.sip_username {
                Some(name) => name.clone(),
                None => {
                    let preferred = preferred_username(h);
                    if taken.contains(&preferred) {
                        format!("{preferred}-{}", secrets::random_digits(4))
                    } else {
                        preferred
                    }
                }
            };
            let password = input.password.clone().unwrap_or_else(secrets::sip_password);
            sheet
                .write_record([
                    crate::import::sheet::neutralise(&h.name).as_ref(),
                    &h.extension,
                    &crate::import::sheet::neutralise(h.primary_number.as_deref().unwrap_or("")),
                    &username,
                    &password,
                    &realm,
                ])
                .map_err(anyhow::Error::from)?;
            credentials.push(SipCredentials {
                user_id: h.user_id,
                enterprise_id: h.enterprise_id,
                ha1: secrets::sip_ha1(&username, &realm, &password),
                ha1b: secrets::sip_ha1b(&username, &realm, &realm, &password),
                username,
                realm: realm.clone(),
                created_at: now,
            });
        }
        let plain = sheet
            .into_inner()
            .map_err(|e| anyhow::anyhow!(e.to_string()))?;
        let (token, stored) = seal(enterprise_id, holders.len(), &plain, now)?;
        drop(plain);

        let backend = self.0.db().backend();
        let mut tx = self.0.begin().await?;
        users::replace_sip_credentials_many(&mut tx, backend, &credentials).await?;
        let sync: Vec<_> = holders
            .iter()
            .map(|h| sync_job_of(self.0, h.user_id, h.enterprise_id))
            .collect();
        jobs::enqueue_many(&mut tx, backend, &sync, now).await?;
        let entries: Vec<AuditEntry> = credentials
            .iter()
            .map(|c| AuditEntry {
                id: AuditId::new(),
                at: now,
                enterprise_id: Some(enterprise_id),
                actor: actor.label.clone(),
                channel: actor.channel.as_str().to_owned(),
                client_ip: actor.client_ip.clone(),
                request_id: actor.request_id.clone(),
                action: "user.sip_credentials_renewed".into(),
                target_kind: "user".into(),
                target_id: c.user_id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "sip_username": c.username, "by": "device password manager" })),
            })
            .collect();
        audit::insert_many(&mut tx, backend, &entries).await?;
        sheets::insert(&mut tx, &stored).await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(IssuedPasswords {
            users: holders.len(),
            skipped,
            download_token: token,
            expires_at: stored.expires_at,
        })
    }

    /// L-8: the CSV of a run, once. A used, expired or unknown link answers `link-expired`.
    pub async fn download(&self, actor: &Actor, token: &str) -> AppResult<Vec<u8>> {
        let gone = || {
            AppError::conflict(
                "link-expired",
                "This download link was used already or has expired (it works once, for 10 minutes); run the device password manager again.",
            )
        };
        let (id, key) = open_token(token).ok_or_else(gone)?;
        let mut tx = self.0.begin().await?;
        let sheet = sheets::take(&mut tx, &id).await?.ok_or_else(gone)?;
        // another enterprise's link is unknown; it stays where it is.
        if actor.can_see_enterprise(sheet.enterprise_id).is_err()
            || actor.require_admin("download device passwords").is_err()
        {
            return Err(gone());
        }
        crate::commit(tx).await?;
        if sheet.expires_at < self.0.now() {
            return Err(gone());
        }
        let nonce: [u8; 12] = sheet.nonce.as_slice().try_into().map_err(|_| gone())?;
        ChaCha20Poly1305::new(&Key::from(key))
            .decrypt(&Nonce::from(nonce), sheet.ciphertext.as_ref())
            .map_err(|_| gone())
    }
}

fn preferred_username(h: &LineHolder) -> String {
    match &h.primary_number {
        Some(n) => n.trim_start_matches('+').to_owned(),
        None => format!("{}-{}", h.extension, &h.user_id.to_string()[..8]),
    }
}

/// Encrypts the CSV with a fresh key; the token carries the sheet's id and the key.
fn seal(
    enterprise: EnterpriseId,
    users: usize,
    plain: &[u8],
    now: Timestamp,
) -> AppResult<(String, Sheet)> {
    let mut key = [0u8; 32];
    let mut nonce = [0u8; 12];
    rand::rng().fill_bytes(&mut key);
    rand::rng().fill_bytes(&mut nonce);
    let ciphertext = ChaCha20Poly1305::new(&Key::from(key))
        .encrypt(&Nonce::from(nonce), plain)
        .map_err(|_| anyhow::anyhow!("encrypting the credential sheet failed"))?;
    let id = uuid::Uuid::now_v7();
    let mut token = id.as_bytes().to_vec();
    token.extend_from_slice(&key);
    Ok((
        URL_SAFE_NO_PAD.encode(token),
        Sheet {
            id: id.to_string(),
            enterprise_id: enterprise,
            users: users as i64,
            nonce: nonce.to_vec(),
            ciphertext,
            created_at: now,
            expires_at: now.plus_millis(SHEET_TTL_MS),
        },
    ))
}

fn open_token(token: &str) -> Option<(String, [u8; 32])> {
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    if bytes.len() != 48 {
        return None;
    }
    let id = uuid::Uuid::from_slice(&bytes[..16]).ok()?;
    let key: [u8; 32] = bytes[16..].try_into().ok()?;
    Some((id.to_string(), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l8_a_sheet_opens_with_its_token_only() {
        let now = Timestamp::from_millis(1_000);
        let (token, sheet) = seal(EnterpriseId::new(), 1, b"name,password\r\n", now).unwrap();
        let (id, key) = open_token(&token).unwrap();
        assert_eq!(id, sheet.id);
        let nonce: [u8; 12] = sheet.nonce.as_slice().try_into().unwrap();
        let plain = ChaCha20Poly1305::new(&Key::from(key))
            .decrypt(&Nonce::from(nonce), sheet.ciphertext.as_ref())
            .unwrap();
        assert_eq!(plain, b"name,password\r\n");
        assert!(
            !sheet.ciphertext.windows(8).any(|w| w == b"password"),
            "stored encrypted"
        );
        let other = ChaCha20Poly1305::new(&Key::from([7u8; 32]));
        assert!(
            other
                .decrypt(&Nonce::from(nonce), sheet.ciphertext.as_ref())
                .is_err()
        );
        assert!(open_token("not-a-token").is_none());
        assert_eq!(sheet.expires_at, now.plus_millis(SHEET_TTL_MS));
    }
}
