//! Enterprises (the tenant boundary) and how they are organised: sites, departments, teams.

use switchboard_domain::{
    Country, DepartmentId, Email, EnterpriseId, ExtensionPolicy, FieldError, Language, SiteId,
    TeamId, TimeZone, Violations,
};
use switchboard_store::Conn;
use switchboard_store::enterprises::{self, Enterprise};
use switchboard_store::org::{self, Department, Place, Site, Team, Unit, UnitTable};

use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::{App, commit};

/// Input of [`Tenancy::create_enterprise`]; every field optional so that all missing ones are reported.
#[derive(Debug, Clone, Default)]
pub struct NewEnterprise {
    pub name: Option<String>,
    pub sip_domain: Option<String>,
    pub contact_email: Option<String>,
    pub extension_min_len: Option<i64>,
    pub extension_max_len: Option<i64>,
    /// I-6: the defaults of the sites (UTC, no country, English unless given).
    pub place: PlaceInput,
}

/// Changes of [`Tenancy::update_enterprise`]; absent fields stay as they are.
#[derive(Debug, Clone, Default)]
pub struct EnterpriseChanges {
    pub name: Option<String>,
    pub contact_email: Option<String>,
    pub extension_min_len: Option<i64>,
    pub extension_max_len: Option<i64>,
    pub place: PlaceInput,
}

/// A time zone, country and language as typed (I-6). For a site, an empty one means "the
/// enterprise's".
#[derive(Debug, Clone, Default)]
pub struct PlaceInput {
    pub time_zone: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
}

impl PlaceInput {
    /// Each field given, checked; `Some(None)` for one given empty.
    fn parse(self, v: &mut Violations) -> ParsedPlace {
        let given = |raw: Option<String>| raw.map(|r| r.trim().to_owned());
        let time_zone = given(self.time_zone).map(|z| {
            if z.is_empty() {
                return None;
            }
            let zone = TimeZone::parse(&z);
            if zone.is_none() {
                v.push(FieldError::new(
                    "time_zone",
                    "invalid-time-zone",
                    format!("'{z}' is not a time zone of the IANA database, e.g. Europe/Berlin."),
                ));
            }
            zone
        });
        let country = given(self.country).map(|c| {
            if c.is_empty() {
                return None;
            }
            let country = Country::parse(&c);
            if country.is_none() {
                v.push(FieldError::new(
                    "country",
                    "invalid-country",
                    format!("'{c}' is not a country code of ISO 3166, e.g. DE."),
                ));
            }
            country
        });
        let language = given(self.language).map(|l| {
            if l.is_empty() {
                return None;
            }
            let language = Language::parse(&l);
            if language.is_none() {
                v.push(FieldError::new(
                    "language",
                    "invalid-choice",
                    "The language is one of: en, de, fr.",
                ));
            }
            language
        });
        ParsedPlace {
            time_zone,
            country,
            language,
        }
    }
}

struct ParsedPlace {
    time_zone: Option<Option<TimeZone>>,
    country: Option<Option<Country>>,
    language: Option<Option<Language>>,
}

/// A site with what it sets itself and what is in force there (I-6).
#[derive(Debug, Clone, serde::Serialize)]
pub struct SitePlace {
    pub site: Site,
    /// What the site sets itself.
    pub own: Place,
    /// In force: the site's own, else the enterprise's.
    pub time_zone: TimeZone,
    pub country: Option<Country>,
    pub language: Language,
}

pub struct Tenancy<'a>(pub(crate) &'a App);

/// A department's or team's name (G-4): 1 to 100 characters.
pub(crate) fn parse_unit_name(input: &str) -> Result<String, FieldError> {
    parse_display_name(input, "name")
}

fn parse_display_name(input: &str, field: &str) -> Result<String, FieldError> {
    let value = input.trim();
    let length = value.chars().count();
    if length == 0 || length > 100 || value.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            "invalid-name",
            "A name has 1 to 100 characters.",
        ));
    }
    Ok(value.to_owned())
}

/// A SIP domain is a DNS name: dot-separated labels of letters, digits and dashes.
fn parse_sip_domain(input: &str) -> Result<String, FieldError> {
    let value = input.trim().to_lowercase();
    let ok = value.len() <= 253
        && value.split('.').count() >= 2
        && value.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if ok {
        Ok(value)
    } else {
        Err(FieldError::new(
            "sip_domain",
            "invalid-domain",
            format!("'{input}' is not a valid DNS domain name."),
        ))
    }
}

impl Tenancy<'_> {
    /// Operators create enterprises.
    pub async fn create_enterprise(
        &self,
        actor: &Actor,
        input: NewEnterprise,
    ) -> AppResult<Enterprise> {
        actor.require_operator("create enterprises")?;
        let mut v = Violations::new();
        let name = v
            .require("name", input.name)
            .and_then(|n| v.check("name", parse_display_name(&n, "name")));
        let domain = v
            .require("sip_domain", input.sip_domain)
            .and_then(|d| v.check("sip_domain", parse_sip_domain(&d)));
        let email = v
            .require("contact_email", input.contact_email)
            .and_then(|e| v.check("contact_email", Email::parse(&e)));
        let defaults = ExtensionPolicy::default();
        let policy = v.check(
            "extension_max_len",
            ExtensionPolicy::new(
                input
                    .extension_min_len
                    .unwrap_or(i64::from(defaults.min_len)),
                input
                    .extension_max_len
                    .unwrap_or(i64::from(defaults.max_len)),
            ),
        );
        let place = input.place.parse(&mut v);
        v.finish()?;
        let now = self.0.now();
        let enterprise = Enterprise {
            id: EnterpriseId::new(),
            name: name.expect("checked"),
            sip_domain: domain.expect("checked"),
            extension_policy: policy.expect("checked"),
            contact_email: email.expect("checked"),
            time_zone: place.time_zone.flatten().unwrap_or_else(TimeZone::utc),
            country: place.country.flatten(),
            language: place.language.flatten().unwrap_or(Language::English),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        let mut tx = self.0.begin().await?;
        if let Err(e) = enterprises::insert(&mut tx, &enterprise).await {
            return Err(if e.is_unique_violation_on("sip_domain") {
                AppError::conflict(
                    "domain-taken",
                    format!(
                        "The SIP domain {} is used by another enterprise.",
                        enterprise.sip_domain
                    ),
                )
            } else if e.is_unique_violation_on("name") {
                AppError::conflict(
                    "name-taken",
                    format!("An enterprise named '{}' exists already.", enterprise.name),
                )
            } else {
                e.into()
            });
        }
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(enterprise.id),
                action: "enterprise.created",
                target_kind: "enterprise",
                target_id: enterprise.id.to_string(),
                before: None,
                after: snapshot(&enterprise),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(enterprise)
    }

    /// Operators list every enterprise; administrators see only their own.
    pub async fn list_enterprises(
        &self,
        actor: &Actor,
        after_name: Option<&str>,
        limit: i64,
    ) -> AppResult<Vec<Enterprise>> {
        let mut conn = self.0.db().read().await?;
        match actor.own_enterprise() {
            None => Ok(enterprises::list(&mut conn, after_name, limit).await?),
            Some(own) => Ok(enterprises::get(&mut conn, own)
                .await?
                .into_iter()
                .collect()),
        }
    }

    pub async fn enterprise(&self, actor: &Actor, id: EnterpriseId) -> AppResult<Enterprise> {
        actor.can_see_enterprise(id)?;
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, id).await
    }

    /// Operators change an enterprise's name, contact and extension lengths (`If-Match` version).
    pub async fn update_enterprise(
        &self,
        actor: &Actor,
        id: EnterpriseId,
        if_match: Option<i64>,
        changes: EnterpriseChanges,
    ) -> AppResult<Enterprise> {
        actor.can_see_enterprise(id)?;
        actor.require_operator("change enterprise settings")?;
        let mut tx = self.0.begin().await?;
        let before = load_enterprise(&mut tx, id).await?;
        match if_match {
            None => return Err(AppError::PreconditionRequired),
            Some(v) if v != before.version => return Err(AppError::PreconditionFailed),
            Some(_) => {}
        }
        let mut v = Violations::new();
        let mut after = before.clone();
        if let Some(name) = changes.name {
            after.name = v
                .check("name", parse_display_name(&name, "name"))
                .unwrap_or(after.name);
        }
        if let Some(email) = changes.contact_email {
            after.contact_email = v
                .check("contact_email", Email::parse(&email))
                .unwrap_or(after.contact_email);
        }
        if changes.extension_min_len.is_some() || changes.extension_max_len.is_some() {
            let min = changes
                .extension_min_len
                .unwrap_or(i64::from(before.extension_policy.min_len));
            let max = changes
                .extension_max_len
                .unwrap_or(i64::from(before.extension_policy.max_len));
            after.extension_policy = v
                .check("extension_max_len", ExtensionPolicy::new(min, max))
                .unwrap_or(after.extension_policy);
        }
        let place = changes.place.parse(&mut v);
        if let Some(zone) = place.time_zone {
            after.time_zone = zone.unwrap_or_else(TimeZone::utc);
        }
        if let Some(country) = place.country {
            after.country = country;
        }
        if let Some(language) = place.language {
            after.language = language.unwrap_or(Language::English);
        }
        v.finish()?;
        after.version += 1;
        after.updated_at = self.0.now();
        let saved = enterprises::update(&mut tx, &after, before.version)
            .await
            .map_err(|e| {
                if e.is_unique_violation_on("name") {
                    AppError::conflict(
                        "name-taken",
                        format!("An enterprise named '{}' exists already.", after.name),
                    )
                } else {
                    e.into()
                }
            })?;
        if !saved {
            return Err(AppError::PreconditionFailed);
        }
        audit::record(
            &mut tx,
            actor,
            after.updated_at,
            Change {
                enterprise: Some(id),
                action: "enterprise.updated",
                target_kind: "enterprise",
                target_id: id.to_string(),
                before: snapshot(&before),
                after: snapshot(&after),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(after)
    }

    /// I-6: every site of the enterprise in reach, with its time zone, country and language.
    pub async fn site_places(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
    ) -> AppResult<Vec<SitePlace>> {
        let sites = self.sites(actor, enterprise).await?;
        let mut conn = self.0.db().read().await?;
        let defaults = load_enterprise(&mut conn, enterprise).await?;
        let own = org::site_places(&mut conn, enterprise).await?;
        Ok(sites
            .into_iter()
            .map(|site| {
                let place = own
                    .iter()
                    .find(|(id, _)| *id == site.id)
                    .map(|(_, p)| *p)
                    .unwrap_or_default();
                SitePlace {
                    time_zone: place.time_zone.unwrap_or(defaults.time_zone),
                    country: place.country.or(defaults.country),
                    language: place.language.unwrap_or(defaults.language),
                    own: place,
                    site,
                }
            })
            .collect())
    }

    /// I-6: enterprise administrators set a site's time zone, country and language; a field left
    /// empty takes the enterprise's again.
    pub async fn set_site_place(
        &self,
        actor: &Actor,
        site: SiteId,
        input: PlaceInput,
    ) -> AppResult<SitePlace> {
        let mut tx = self.0.begin().await?;
        let found: Site = org::get(&mut tx, UnitTable::Sites, &site.to_string())
            .await?
            .ok_or(AppError::NotFound("site"))?;
        actor.require_enterprise_admin(
            found.enterprise_id,
            "change a site's time zone, country and language",
        )?;
        let mut v = Violations::new();
        let parsed = input.parse(&mut v);
        v.finish()?;
        let places = org::site_places(&mut tx, found.enterprise_id).await?;
        let before = places
            .iter()
            .find(|(id, _)| *id == site)
            .map(|(_, p)| *p)
            .unwrap_or_default();
        let mut after = before;
        if let Some(zone) = parsed.time_zone {
            after.time_zone = zone;
        }
        if let Some(country) = parsed.country {
            after.country = country;
        }
        if let Some(language) = parsed.language {
            after.language = language;
        }
        org::set_site_place(&mut tx, site, &after).await?;
        let named = |p: &Place| {
            serde_json::json!({"name": found.name, "time_zone": p.time_zone, "country": p.country,
                               "language": p.language.map(Language::as_str)})
        };
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(found.enterprise_id),
                action: "site.updated",
                target_kind: "site",
                target_id: site.to_string(),
                before: Some(named(&before)),
                after: Some(named(&after)),
            },
        )
        .await?;
        let defaults = load_enterprise(&mut tx, found.enterprise_id).await?;
        commit(tx).await?;
        Ok(SitePlace {
            time_zone: after.time_zone.unwrap_or(defaults.time_zone),
            country: after.country.or(defaults.country),
            language: after.language.unwrap_or(defaults.language),
            own: after,
            site: found,
        })
    }

    /// I-6: the time zone a person of an enterprise reads times in (their site's, else their
    /// enterprise's); an operator reads them in the zone of the enterprise they work in, else UTC.
    pub async fn reader_time_zone(
        &self,
        user: Option<switchboard_domain::UserId>,
        enterprise: Option<EnterpriseId>,
    ) -> AppResult<TimeZone> {
        let mut conn = self.0.db().read().await?;
        if let Some(user) = user
            && let Some(zone) = org::time_zone_of_user(&mut conn, user).await?
        {
            return Ok(zone);
        }
        if let Some(enterprise) = enterprise
            && let Some(found) = enterprises::get(&mut conn, enterprise).await?
        {
            return Ok(found.time_zone);
        }
        Ok(TimeZone::utc())
    }

    /// Operators and enterprise administrators add sites.
    pub async fn create_site(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        name: Option<String>,
    ) -> AppResult<Site> {
        self.create_unit(
            actor,
            enterprise,
            UnitTable::Sites,
            "site",
            name,
            SiteId::new(),
        )
        .await
    }

    pub async fn create_department(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        name: Option<String>,
    ) -> AppResult<Department> {
        self.create_unit(
            actor,
            enterprise,
            UnitTable::Departments,
            "department",
            name,
            DepartmentId::new(),
        )
        .await
    }

    pub async fn create_team(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        name: Option<String>,
    ) -> AppResult<Team> {
        self.create_unit(
            actor,
            enterprise,
            UnitTable::Teams,
            "team",
            name,
            TeamId::new(),
        )
        .await
    }

    async fn create_unit<Id>(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        table: UnitTable,
        kind: &'static str,
        name: Option<String>,
        id: Id,
    ) -> AppResult<Unit<Id>>
    where
        Id: std::fmt::Display + serde::Serialize + Clone,
    {
        actor.require_enterprise_admin(enterprise, &format!("create a {kind}"))?;
        let mut v = Violations::new();
        let name = v
            .require("name", name)
            .and_then(|n| v.check("name", parse_display_name(&n, "name")));
        v.finish()?;
        let unit = Unit {
            id,
            enterprise_id: enterprise,
            name: name.expect("checked"),
            created_at: self.0.now(),
        };
        let mut tx = self.0.begin().await?;
        load_enterprise(&mut tx, enterprise).await?;
        if let Err(e) = org::insert(&mut tx, table, &unit).await {
            return Err(if e.is_unique_violation_on("name") {
                AppError::conflict(
                    "name-taken",
                    format!("A {kind} named '{}' exists already.", unit.name),
                )
            } else {
                e.into()
            });
        }
        audit::record(
            &mut tx,
            actor,
            unit.created_at,
            Change {
                enterprise: Some(enterprise),
                action: &format!("{kind}.created"),
                target_kind: kind,
                target_id: unit.id.to_string(),
                before: None,
                after: snapshot(&unit),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(unit)
    }

    /// Sites in reach: all of the enterprise, or a site administrator's own.
    pub async fn sites(&self, actor: &Actor, enterprise: EnterpriseId) -> AppResult<Vec<Site>> {
        actor.require_staff(enterprise, "list sites")?;
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        let mut sites: Vec<Site> = org::list(&mut conn, UnitTable::Sites, enterprise).await?;
        if let Some(limit) = actor.site_limit() {
            sites.retain(|s| limit.contains(&s.id));
        }
        Ok(sites)
    }

    pub async fn site(&self, actor: &Actor, id: SiteId) -> AppResult<Site> {
        let mut conn = self.0.db().read().await?;
        let site: Site = org::get(&mut conn, UnitTable::Sites, &id.to_string())
            .await?
            .ok_or(AppError::NotFound("site"))?;
        actor.require_staff(site.enterprise_id, "read sites")?;
        actor.can_reach_site(site.enterprise_id, site.id, "site")?;
        Ok(site)
    }

    pub async fn departments(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
    ) -> AppResult<Vec<Department>> {
        actor.require_staff(enterprise, "list departments")?;
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        Ok(org::list(&mut conn, UnitTable::Departments, enterprise).await?)
    }

    pub async fn teams(&self, actor: &Actor, enterprise: EnterpriseId) -> AppResult<Vec<Team>> {
        actor.require_staff(enterprise, "list teams")?;
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        Ok(org::list(&mut conn, UnitTable::Teams, enterprise).await?)
    }
}

pub(crate) async fn load_enterprise(conn: &mut Conn, id: EnterpriseId) -> AppResult<Enterprise> {
    enterprises::get(conn, id)
        .await?
        .ok_or(AppError::NotFound("enterprise"))
}

/// Looks up a unit of `table` by id and checks it belongs to `enterprise`: a foreign or unknown id
/// is reported on `field` as "no such …" (A-2: it does not reveal that the id exists elsewhere).
pub(crate) async fn unit_of<Id>(
    conn: &mut Conn,
    table: UnitTable,
    enterprise: EnterpriseId,
    raw_id: &str,
    field: &str,
    kind: &str,
) -> AppResult<Result<Unit<Id>, FieldError>>
where
    Id: std::str::FromStr,
    Id::Err: std::fmt::Debug,
{
    let missing = || {
        FieldError::new(
            field,
            "unknown-reference",
            format!("There is no {kind} '{raw_id}' in this enterprise."),
        )
    };
    if uuid::Uuid::parse_str(raw_id).is_err() {
        return Ok(Err(missing()));
    }
    let unit: Option<Unit<Id>> = org::get(conn, table, raw_id).await?;
    Ok(match unit {
        Some(u) if u.enterprise_id == enterprise => Ok(u),
        _ => Err(missing()),
    })
}
