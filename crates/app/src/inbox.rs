//! The portal inbox (L-4 notices; G-5 broadcasts will land here too): each signed-in user
//! reads their own messages, and sees how many are unread in the portal's header.

use switchboard_domain::{EnterpriseId, MessageId, Timestamp, UserId};
use switchboard_store::Tx;
use switchboard_store::inbox::{self, Message};

use crate::App;
use crate::accounts::PortalSession;
use crate::error::AppResult;

/// The newest messages a page lists.
const PAGE: i64 = 100;

/// A notice to `user`: a message key of the portal and the values it names, so that it reads
/// in their language whenever they open it.
pub(crate) async fn notify(
    tx: &mut Tx,
    enterprise: EnterpriseId,
    user: UserId,
    template: &str,
    args: serde_json::Value,
    now: Timestamp,
) -> AppResult<()> {
    inbox::insert(
        tx,
        &Message {
            id: MessageId::new(),
            enterprise_id: enterprise,
            user_id: user,
            category: "information".into(),
            template: Some(template.to_owned()),
            args_json: Some(args.to_string()),
            subject: None,
            body: None,
            created_at: now,
            read_at: None,
        },
    )
    .await?;
    Ok(())
}

pub struct Inbox<'a>(pub(crate) &'a App);

/// The user a portal session is, if it is a user's (operators have no inbox).
fn user_of(session: &PortalSession) -> Option<UserId> {
    session
        .identity
        .enterprise_id
        .and(session.identity.subject_id.parse().ok())
}

impl Inbox<'_> {
    /// The session's user's newest messages.
    pub async fn messages(&self, session: &PortalSession) -> AppResult<Vec<Message>> {
        let Some(user) = user_of(session) else {
            return Ok(Vec::new());
        };
        let mut conn = self.0.db().read().await?;
        Ok(inbox::list(&mut conn, user, PAGE).await?)
    }

    /// How many messages the session's user has not read.
    pub async fn unread(&self, session: &PortalSession) -> AppResult<i64> {
        let Some(user) = user_of(session) else {
            return Ok(0);
        };
        let mut conn = self.0.db().read().await?;
        Ok(inbox::unread(&mut conn, user).await?)
    }

    pub async fn mark_all_read(&self, session: &PortalSession) -> AppResult<()> {
        let Some(user) = user_of(session) else {
            return Ok(());
        };
        let mut tx = self.0.begin().await?;
        inbox::mark_all_read(&mut tx, user, self.0.now()).await?;
        crate::commit(tx).await
    }
}
