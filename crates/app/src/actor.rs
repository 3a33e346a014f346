//! Who is asking. Every service method takes an [`Actor`] and checks it here, so a
//! permission exists once for REST, portal, CLI and SCIM alike.

use switchboard_domain::{EnterpriseId, SiteId, UserId};

use crate::error::{AppError, AppResult};

/// The authority behind a request.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Principal {
    /// Provider staff: sees and changes everything.
    Operator,
    /// An enterprise administrator: any site of their enterprise.
    EnterpriseAdmin { enterprise: EnterpriseId },
    /// A site administrator: their own site(s) only.
    SiteAdmin {
        enterprise: EnterpriseId,
        sites: Vec<SiteId>,
    },
    /// A user or team lead signed in to the portal: acts on themselves (self-service, A-1).
    Member {
        enterprise: EnterpriseId,
        site: SiteId,
        user: UserId,
        team_lead: bool,
    },
    /// Switchboard itself (background jobs, bootstrap commands).
    System,
}

/// The interface a change came through, for the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Channel {
    Api,
    Portal,
    Cli,
    Scim,
    Import,
    System,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::Portal => "portal",
            Self::Cli => "cli",
            Self::Scim => "scim",
            Self::Import => "import",
            Self::System => "system",
        }
    }
}

/// Serialisable so that work done later on someone's behalf (an uploaded import) runs with
/// their role and reach.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    pub principal: Principal,
    /// Who, in words, for the audit log: `token:… (name)`, `system`.
    pub label: String,
    pub channel: Channel,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
}

impl Actor {
    pub fn system(label: &str) -> Self {
        Self {
            principal: Principal::System,
            label: label.to_owned(),
            channel: Channel::System,
            client_ip: None,
            request_id: None,
        }
    }

    /// An operator acting from the command line.
    pub fn cli_operator() -> Self {
        Self {
            principal: Principal::Operator,
            label: "cli".into(),
            channel: Channel::Cli,
            client_ip: None,
            request_id: None,
        }
    }

    pub fn is_operator(&self) -> bool {
        matches!(self.principal, Principal::Operator | Principal::System)
    }

    /// The enterprise an administrator belongs to; `None` for operators.
    pub fn own_enterprise(&self) -> Option<EnterpriseId> {
        match &self.principal {
            Principal::EnterpriseAdmin { enterprise }
            | Principal::SiteAdmin { enterprise, .. }
            | Principal::Member { enterprise, .. } => Some(*enterprise),
            Principal::Operator | Principal::System => None,
        }
    }

    /// may this actor see the enterprise at all? A foreign one is "not found".
    pub fn can_see_enterprise(&self, enterprise: EnterpriseId) -> AppResult<()> {
        match self.own_enterprise() {
            None => Ok(()),
            Some(own) if own == enterprise => Ok(()),
            Some(_) => Err(AppError::NotFound("enterprise")),
        }
    }

    /// may this actor act on the site (and what is in it)? Out of reach answers "not found".
    pub fn can_reach_site(
        &self,
        enterprise: EnterpriseId,
        site: SiteId,
        what: &'static str,
    ) -> AppResult<()> {
        match &self.principal {
            Principal::Operator | Principal::System => Ok(()),
            Principal::EnterpriseAdmin { enterprise: own } if *own == enterprise => Ok(()),
            Principal::SiteAdmin {
                enterprise: own,
                sites,
            } if *own == enterprise && sites.contains(&site) => Ok(()),
            _ => Err(AppError::NotFound(what)),
        }
    }

    /// The sites a site administrator is limited to; `None` when the whole enterprise is in reach.
    pub fn site_limit(&self) -> Option<Vec<SiteId>> {
        match &self.principal {
            Principal::SiteAdmin { sites, .. } => Some(sites.clone()),
            _ => None,
        }
    }

    /// Provider-only operations (catalogues, purchases, number loading, retrying activation).
    pub fn require_operator(&self, what: &str) -> AppResult<()> {
        if self.is_operator() {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "Only the provider's operators can {what}."
            )))
        }
    }

    /// administration inside an enterprise (lists of people, numbers, licences, creating
    /// users): operators and administrators. Users and team leads act on themselves only.
    pub fn require_staff(&self, enterprise: EnterpriseId, what: &str) -> AppResult<()> {
        self.can_see_enterprise(enterprise)?;
        self.require_admin(what)
    }

    /// The user a member (user or team lead) is; `None` for everyone else.
    pub fn member_user(&self) -> Option<UserId> {
        match self.principal {
            Principal::Member { user, .. } => Some(user),
            _ => None,
        }
    }

    /// Administration of people (invitations, passwords): administrators of any scope, not
    /// users or team leads.
    pub fn require_admin(&self, what: &str) -> AppResult<()> {
        match self.principal {
            Principal::Member { .. } => Err(AppError::Forbidden(format!(
                "Only administrators can {what}."
            ))),
            _ => Ok(()),
        }
    }

    /// Enterprise-wide administration (sites, departments, teams): operators and enterprise administrators.
    pub fn require_enterprise_admin(&self, enterprise: EnterpriseId, what: &str) -> AppResult<()> {
        self.can_see_enterprise(enterprise)?;
        match self.principal {
            Principal::SiteAdmin { .. } | Principal::Member { .. } => Err(AppError::Forbidden(
                format!("Only enterprise administrators can {what}."),
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(principal: Principal) -> Actor {
        Actor {
            principal,
            label: "t".into(),
            channel: Channel::Api,
            client_ip: None,
            request_id: None,
        }
    }

    #[test]
    fn a2_foreign_enterprise_is_not_found() {
        let (mine, theirs) = (EnterpriseId::new(), EnterpriseId::new());
        let admin = actor(Principal::EnterpriseAdmin { enterprise: mine });
        assert!(admin.can_see_enterprise(mine).is_ok());
        assert!(matches!(
            admin.can_see_enterprise(theirs),
            Err(AppError::NotFound(_))
        ));
        assert!(
            actor(Principal::Operator)
                .can_see_enterprise(theirs)
                .is_ok()
        );
    }

    #[test]
    fn a1_site_admin_reaches_own_sites_only() {
        let enterprise = EnterpriseId::new();
        let (own, other) = (SiteId::new(), SiteId::new());
        let admin = actor(Principal::SiteAdmin {
            enterprise,
            sites: vec![own],
        });
        assert!(admin.can_reach_site(enterprise, own, "user").is_ok());
        assert!(matches!(
            admin.can_reach_site(enterprise, other, "user"),
            Err(AppError::NotFound("user"))
        ));
        assert!(matches!(
            admin.require_enterprise_admin(enterprise, "x"),
            Err(AppError::Forbidden(_))
        ));
        let enterprise_admin = actor(Principal::EnterpriseAdmin { enterprise });
        assert!(
            enterprise_admin
                .can_reach_site(enterprise, other, "user")
                .is_ok()
        );
        assert!(matches!(
            enterprise_admin.require_operator("x"),
            Err(AppError::Forbidden(_))
        ));
    }
}
