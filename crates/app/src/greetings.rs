//! Greetings (S-1, G-6): a user's voicemail greeting — set by the user or an administrator —
//! and a virtual user's greetings: an auto attendant's for business hours and out of hours, a
//! hunt group's or call centre's voicemail greeting (S-3). WAV or MP3, checked by content,
//! size-limited, kept in the database with their owner. Every change is audited.

use switchboard_domain::audio::{AudioKind, greeting};
use switchboard_domain::{EnterpriseId, GroupId, GroupKind, UserId};
use switchboard_store::greetings::{self, About, Owner};

use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::{App, commit};

/// Whose greeting.
#[derive(Debug, Clone, Copy)]
pub enum GreetingOwner {
    User(UserId),
    Group(GroupId),
}

pub struct Greetings<'a>(pub(crate) &'a App);

/// The greetings a kind of owner has.
fn purposes(owner: Option<GroupKind>) -> &'static [&'static str] {
    match owner {
        None | Some(GroupKind::Hunt | GroupKind::CallCentre) => &["voicemail"],
        Some(GroupKind::AutoAttendant) => &["business", "after_hours"],
        Some(GroupKind::Pickup | GroupKind::Park) => &[],
    }
}

impl Greetings<'_> {
    /// Checks the actor's reach and right to change, and the purpose; the owner's enterprise.
    async fn owner(
        &self,
        actor: &Actor,
        owner: GreetingOwner,
        purpose: Option<&str>,
        changing: bool,
    ) -> AppResult<EnterpriseId> {
        let (enterprise, kind) = match owner {
            GreetingOwner::User(id) => {
                let user = self.0.users().get(actor, id).await?;
                if changing && actor.member_user() != Some(id) {
                    actor.require_admin("change another user's greeting")?;
                }
                (user.enterprise_id, None)
            }
            GreetingOwner::Group(id) => {
                let view = self.0.groups().get(actor, id).await?;
                (view.group.enterprise_id, Some(view.group.kind))
            }
        };
        if let Some(purpose) = purpose {
            let allowed = purposes(kind);
            if !allowed.contains(&purpose) {
                return Err(AppError::invalid(
                    "purpose",
                    "invalid-choice",
                    if allowed.is_empty() {
                        "This kind of group has no greetings.".to_owned()
                    } else {
                        format!("'{purpose}' is not one of: {}.", allowed.join(", "))
                    },
                ));
            }
        }
        Ok(enterprise)
    }

    /// Replaces the greeting with `audio`: WAV or MP3 by its content, at most 5 MB.
    pub async fn upload(
        &self,
        actor: &Actor,
        owner: GreetingOwner,
        purpose: &str,
        audio: &[u8],
    ) -> AppResult<About> {
        let enterprise = self.owner(actor, owner, Some(purpose), true).await?;
        let kind = greeting("greeting", audio).map_err(|e| AppError::Validation(vec![e]))?;
        let id = owner_id(owner);
        let mut tx = self.0.begin().await?;
        let now = self.0.now();
        greetings::put(
            &mut tx,
            enterprise,
            store_owner(owner, &id),
            purpose,
            kind.content_type(),
            audio,
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(enterprise),
                action: "greeting.uploaded",
                target_kind: target_kind(owner),
                target_id: id.clone(),
                before: None,
                after: Some(serde_json::json!({
                    "purpose": purpose,
                    "content_type": kind.content_type(),
                    "size": audio.len(),
                })),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(About {
            purpose: purpose.to_owned(),
            content_type: kind.content_type().to_owned(),
            size: audio.len() as i64,
            created_at: now,
        })
    }

    /// The greeting's audio and its type.
    pub async fn audio(
        &self,
        actor: &Actor,
        owner: GreetingOwner,
        purpose: &str,
    ) -> AppResult<(AudioKind, Vec<u8>)> {
        self.owner(actor, owner, Some(purpose), false).await?;
        let id = owner_id(owner);
        let mut conn = self.0.db().read().await?;
        let (content_type, audio) = greetings::audio(&mut conn, store_owner(owner, &id), purpose)
            .await?
            .ok_or(AppError::NotFound("greeting"))?;
        let kind = AudioKind::from_content_type(&content_type)
            .ok_or_else(|| anyhow::anyhow!("a greeting stored as {content_type}"))?;
        Ok((kind, audio))
    }

    /// Back to the default greeting.
    pub async fn remove(
        &self,
        actor: &Actor,
        owner: GreetingOwner,
        purpose: &str,
    ) -> AppResult<()> {
        let enterprise = self.owner(actor, owner, Some(purpose), true).await?;
        let id = owner_id(owner);
        let mut tx = self.0.begin().await?;
        if !greetings::remove(&mut tx, store_owner(owner, &id), purpose).await? {
            return Err(AppError::NotFound("greeting"));
        }
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(enterprise),
                action: "greeting.removed",
                target_kind: target_kind(owner),
                target_id: id,
                before: Some(serde_json::json!({ "purpose": purpose })),
                after: None,
            },
        )
        .await?;
        commit(tx).await
    }

    /// The owner's greetings, without their audio.
    pub async fn list(&self, actor: &Actor, owner: GreetingOwner) -> AppResult<Vec<About>> {
        self.owner(actor, owner, None, false).await?;
        let id = owner_id(owner);
        let mut conn = self.0.db().read().await?;
        Ok(greetings::of(&mut conn, store_owner(owner, &id)).await?)
    }
}

fn owner_id(owner: GreetingOwner) -> String {
    match owner {
        GreetingOwner::User(id) => id.to_string(),
        GreetingOwner::Group(id) => id.to_string(),
    }
}

fn store_owner(owner: GreetingOwner, id: &str) -> Owner<'_> {
    match owner {
        GreetingOwner::User(_) => Owner::User(id),
        GreetingOwner::Group(_) => Owner::Group(id),
    }
}

fn target_kind(owner: GreetingOwner) -> &'static str {
    match owner {
        GreetingOwner::User(_) => "user",
        GreetingOwner::Group(_) => "group",
    }
}
