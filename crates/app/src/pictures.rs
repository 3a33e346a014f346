//! Users' pictures (U-9, seed 003 "upload the image associated with the user"): set by the
//! user or an administrator in reach, seen by whoever may see the user, re-encoded to a small
//! square before it is stored, audited.

use switchboard_domain::picture::Picture;
use switchboard_domain::{Timestamp, UserId};
use switchboard_store::pictures;

use crate::accounts::PortalSession;
use crate::actor::Actor;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::{App, commit};

pub struct Pictures<'a>(pub(crate) &'a App);

impl Pictures<'_> {
    /// Replaces the user's picture with `upload` (PNG, JPEG or WebP by its content).
    pub async fn upload(&self, actor: &Actor, id: UserId, upload: Vec<u8>) -> AppResult<Timestamp> {
        let user = self.0.users().get(actor, id).await?;
        if actor.member_user() != Some(id) {
            actor.require_admin("change another user's picture")?;
        }
        // Decoding and scaling take tens of milliseconds of CPU: off the async workers.
        let picture = tokio::task::spawn_blocking(move || Picture::from_upload("picture", &upload))
            .await
            .map_err(|e| anyhow::anyhow!("the picture's re-encoding stopped: {e}"))?
            .map_err(|e| AppError::Validation(vec![e]))?;
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        pictures::put(&mut tx, user.enterprise_id, id, picture.as_bytes(), now).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(user.enterprise_id),
                action: "user.picture_set",
                target_kind: "user",
                target_id: id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "size": picture.as_bytes().len() })),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(now)
    }

    /// The stored picture and when it was set.
    pub async fn get(&self, actor: &Actor, id: UserId) -> AppResult<(Picture, Timestamp)> {
        self.0.users().get(actor, id).await?;
        let mut conn = self.0.db().read().await?;
        let (jpeg, at) = pictures::get(&mut conn, id)
            .await?
            .ok_or(AppError::NotFound("picture"))?;
        Ok((Picture::from_stored(jpeg), at))
    }

    /// When the signed-in user's own picture was set (for the portal's header); none for
    /// operators and users without one.
    pub async fn own_set_at(&self, session: &PortalSession) -> AppResult<Option<Timestamp>> {
        let Some(user) = session
            .identity
            .enterprise_id
            .and(session.identity.subject_id.parse::<UserId>().ok())
        else {
            return Ok(None);
        };
        let mut conn = self.0.db().read().await?;
        let found = pictures::set_at(&mut conn, &[user.to_string()]).await?;
        Ok(found.first().map(|(_, at)| *at))
    }

    pub async fn remove(&self, actor: &Actor, id: UserId) -> AppResult<()> {
        let user = self.0.users().get(actor, id).await?;
        if actor.member_user() != Some(id) {
            actor.require_admin("remove another user's picture")?;
        }
        let mut tx = self.0.begin().await?;
        if !pictures::remove(&mut tx, id).await? {
            return Err(AppError::NotFound("picture"));
        }
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(user.enterprise_id),
                action: "user.picture_removed",
                target_kind: "user",
                target_id: id.to_string(),
                before: None,
                after: None,
            },
        )
        .await?;
        commit(tx).await
    }
}
