//! The small lookup tables an administration page shows names from: departments, teams, the
//! licence catalogue with the enterprise's free counts, device types. Loaded once per page
//! through the services (so the actor's reach applies), never per row.

use switchboard_app::AppError;
use switchboard_domain::{DepartmentId, DeviceTypeId, LicenceKind, LicenceTypeId, TeamId};
use switchboard_store::devices::DeviceType;
use switchboard_store::licences::Pool;
use switchboard_store::org::{Department, Team};

use super::workspace::Workspace;

pub struct Directory {
    pub departments: Vec<Department>,
    pub teams: Vec<Team>,
    /// Every licence type with the enterprise's purchased and assigned counts (N-3).
    pub pools: Vec<Pool>,
    pub devices: Vec<DeviceType>,
}

impl Directory {
    /// The tables of `ws`, with the catalogue's names in the reader's language (I-6).
    pub async fn load(visit: &super::context::Visit, ws: &Workspace) -> Result<Self, AppError> {
        let app = &visit.state.app;
        let language = visit.tr().lang.as_str();
        let (actor, enterprise) = (&ws.actor, ws.enterprise.id);
        let mut departments = app.tenancy().departments(actor, enterprise).await?;
        departments.sort_by_key(|d| d.name.to_lowercase());
        let mut teams = app.tenancy().teams(actor, enterprise).await?;
        teams.sort_by_key(|t| t.name.to_lowercase());
        let overview = app.catalogue().licences(actor, enterprise).await?;
        let mut pools = overview.pools;
        // Types the enterprise never bought are still shown (as "0 free") so that the choice
        // explains itself instead of missing.
        for licence in app.catalogue().licence_types().await? {
            if !pools.iter().any(|p| p.licence.id == licence.id) {
                pools.push(Pool {
                    licence,
                    purchased: 0,
                    assigned: 0,
                });
            }
        }
        for pool in &mut pools {
            pool.licence.name = pool.licence.name_in(language).to_owned();
        }
        pools.sort_by(|a, b| a.licence.name.cmp(&b.licence.name));
        let mut devices = app.catalogue().device_types().await?;
        for device in &mut devices {
            device.name = device.name_in(language).to_owned();
        }
        Ok(Self {
            departments,
            teams,
            pools,
            devices,
        })
    }

    pub fn department(&self, id: DepartmentId) -> String {
        self.departments
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.name.clone())
            .unwrap_or_default()
    }

    pub fn teams_of(&self, ids: &[TeamId]) -> String {
        ids.iter()
            .filter_map(|id| self.teams.iter().find(|t| t.id == *id))
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn licence(&self, id: LicenceTypeId) -> Option<&Pool> {
        self.pools.iter().find(|p| p.licence.id == id)
    }

    pub fn licence_name(&self, id: LicenceTypeId) -> String {
        self.licence(id)
            .map(|p| p.licence.name.clone())
            .unwrap_or_default()
    }

    pub fn device(&self, id: DeviceTypeId) -> Option<&DeviceType> {
        self.devices.iter().find(|d| d.id == id)
    }

    pub fn device_name(&self, id: DeviceTypeId) -> String {
        self.device(id).map(|d| d.name.clone()).unwrap_or_default()
    }

    pub fn packages(&self) -> impl Iterator<Item = &Pool> {
        self.pools
            .iter()
            .filter(|p| p.licence.kind == LicenceKind::Package)
    }

    /// Add-ons a person may pick; the additional-number add-on comes with each alternative
    /// number instead (N-5).
    pub fn addons(&self) -> impl Iterator<Item = &Pool> {
        self.pools.iter().filter(|p| {
            p.licence.kind == LicenceKind::Addon
                && p.licence.code.as_str() != switchboard_domain::LicenceCode::ADDITIONAL_NUMBER
        })
    }
}

/// Repeated form or query fields (`team=a&team=b`), as browsers send checkboxes.
#[derive(Debug, Default, Clone)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// The value, or `None` when absent or blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name).trim().to_owned()).filter(|v| !v.is_empty())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v == value)
    }

    /// What was typed into a refused form, to show it again: everything but the CSRF token and
    /// a password (a password is never sent back to the browser).
    pub fn typed(self) -> Fields {
        Fields(
            self.0
                .into_iter()
                .filter(|(k, _)| k != "csrf" && k != "password")
                .collect(),
        )
    }

    /// A link to `path` with these fields but `without`, and `extra` added — the links of a
    /// list: next page, sort, removing a filter.
    pub fn link(&self, path: &str, without: &[&str], extra: &[(&str, &str)]) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.0 {
            if !without.contains(&k.as_str()) && !v.is_empty() {
                out.append_pair(k, v);
            }
        }
        for (k, v) in extra {
            out.append_pair(k, v);
        }
        let query = out.finish();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }
}

/// Keyset paging: the service was asked for one row more than a page; if it came, the page is
/// cut to `size` and the last row shown is where the next page starts.
pub fn next_after<T>(rows: &mut Vec<T>, size: usize) -> Option<&T> {
    if rows.len() > size {
        rows.truncate(size);
        rows.last()
    } else {
        None
    }
}
