//! Greetings (S-1, G-6): a user's voicemail greeting — set by the user or an administrator —
//! and a virtual user's greetings: an auto attendant's for business hours and out of hours, a
//! hunt group's or call centre's voicemail greeting (S-3). WAV or MP3, checked by content,
//! size-limited, kept in the database with their owner — or, with a greetings directory
//! configured, in a file of it that the owner's row names. Every change is audited.
//!
//! A file is written (under a temporary name, then renamed) before the row that names it is
//! committed, and a replaced or removed file is deleted after the commit: a failure in between
//! leaves at worst an unnamed file behind, never a row without its audio.

use std::path::Path;

use switchboard_domain::audio::{AudioKind, greeting};
use switchboard_domain::{EnterpriseId, GreetingId, GroupId, GroupKind, UserId};
use switchboard_store::greetings::{self, About, Audio, New, Owner};

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
        let greeting_id = GreetingId::new();
        let stored = match self.0.greetings_directory() {
            None => Audio::Inline(audio.to_vec()),
            Some(directory) => {
                let name = format!("{greeting_id}.{}", kind.extension());
                write_file(directory, &name, audio).await?;
                Audio::File(name)
            }
        };
        let new = New {
            id: greeting_id,
            content_type: kind.content_type(),
            size: audio.len() as i64,
            audio: stored.clone(),
        };
        let written = self
            .record_upload(actor, enterprise, owner, &id, purpose, new)
            .await;
        match (written, &stored) {
            (Ok(replaced), _) => {
                forget_files(self.0, replaced).await;
                Ok(About {
                    purpose: purpose.to_owned(),
                    content_type: kind.content_type().to_owned(),
                    size: audio.len() as i64,
                    created_at: self.0.now(),
                })
            }
            (Err(e), Audio::File(name)) => {
                forget_files(self.0, Some(name.clone())).await;
                Err(e)
            }
            (Err(e), Audio::Inline(_)) => Err(e),
        }
    }

    /// The upload's transaction: the row, and the audit entry. The replaced greeting's file.
    async fn record_upload(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        owner: GreetingOwner,
        id: &str,
        purpose: &str,
        new: New<'_>,
    ) -> AppResult<Option<String>> {
        let mut tx = self.0.begin().await?;
        let now = self.0.now();
        let (content_type, size) = (new.content_type, new.size);
        let replaced = greetings::put(
            &mut tx,
            enterprise,
            store_owner(owner, id),
            purpose,
            new,
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
                target_id: id.to_owned(),
                before: None,
                after: Some(serde_json::json!({
                    "purpose": purpose,
                    "content_type": content_type,
                    "size": size,
                })),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(replaced)
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
        drop(conn);
        let kind = AudioKind::from_content_type(&content_type)
            .ok_or_else(|| anyhow::anyhow!("a greeting stored as {content_type}"))?;
        let bytes = match audio {
            Audio::Inline(bytes) => bytes,
            Audio::File(name) => {
                let directory = self.0.greetings_directory().ok_or_else(|| {
                    anyhow::anyhow!(
                        "greeting {name} is kept in a file, but greetings.directory is not set"
                    )
                })?;
                tokio::fs::read(directory.join(&name)).await.map_err(|e| {
                    anyhow::anyhow!(
                        "cannot read greeting {}: {e}",
                        directory.join(&name).display()
                    )
                })?
            }
        };
        Ok((kind, bytes))
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
        let Some(file) = greetings::remove(&mut tx, store_owner(owner, &id), purpose).await? else {
            return Err(AppError::NotFound("greeting"));
        };
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
        commit(tx).await?;
        forget_files(self.0, file).await;
        Ok(())
    }

    /// The owner's greetings, without their audio.
    pub async fn list(&self, actor: &Actor, owner: GreetingOwner) -> AppResult<Vec<About>> {
        self.owner(actor, owner, None, false).await?;
        let id = owner_id(owner);
        let mut conn = self.0.db().read().await?;
        Ok(greetings::of(&mut conn, store_owner(owner, &id)).await?)
    }
}

/// Writes a greeting's file: under a temporary name first, so that no reader ever sees half of
/// it.
async fn write_file(directory: &Path, name: &str, audio: &[u8]) -> AppResult<()> {
    let partial = directory.join(format!(".{name}.partial"));
    let target = directory.join(name);
    let written = async {
        tokio::fs::write(&partial, audio).await?;
        tokio::fs::rename(&partial, &target).await
    }
    .await;
    written.map_err(|e| {
        AppError::Internal(anyhow::anyhow!(
            "cannot write greeting {}: {e}",
            target.display()
        ))
    })
}

/// Deletes greeting files no row names any more (after the commit that let go of them). A
/// failure is logged, not raised: the change itself is done.
pub(crate) async fn forget_files(app: &App, files: impl IntoIterator<Item = String>) {
    let Some(directory) = app.greetings_directory() else {
        return;
    };
    for name in files {
        if let Err(e) = tokio::fs::remove_file(directory.join(&name)).await
            && e.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(file = %name, error = %e, "a greeting file could not be deleted");
        }
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
