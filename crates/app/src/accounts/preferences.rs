//! What a signed-in person's portal remembers for them (U-6: the users-list columns). A
//! preference belongs to the session's own person; nobody reads or sets another's.

use switchboard_domain::FieldError;
use switchboard_store::preferences;

use super::Accounts;
use super::sessions::PortalSession;
use crate::commit;
use crate::error::{AppError, AppResult};

/// Longest value kept: preferences are short lists of names, not documents.
const MAX_VALUE_CHARS: usize = 1000;

impl Accounts<'_> {
    pub async fn preference(
        &self,
        session: &PortalSession,
        name: &str,
    ) -> AppResult<Option<String>> {
        let mut conn = self.0.db().read().await?;
        Ok(preferences::get(&mut conn, &session.identity.subject_id, name).await?)
    }

    pub async fn set_preference(
        &self,
        session: &PortalSession,
        name: &str,
        value: &str,
    ) -> AppResult<()> {
        if value.chars().count() > MAX_VALUE_CHARS || value.chars().any(char::is_control) {
            return Err(AppError::Validation(vec![FieldError::new(
                name,
                "invalid-preference",
                "This setting is too long or has characters it cannot hold.",
            )]));
        }
        let mut tx = self.0.begin().await?;
        preferences::set(
            &mut tx,
            &session.identity.subject_id,
            name,
            value,
            self.0.now(),
        )
        .await?;
        commit(tx).await
    }
}
