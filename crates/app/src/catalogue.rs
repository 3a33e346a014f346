//! The provider's catalogues (licence types, device types) and each enterprise's licence pool
//! (N-1…N-3).

use std::collections::BTreeMap;

use switchboard_domain::{
    DeviceKind, DeviceTypeId, EnterpriseId, LicenceCode, LicenceKind, LicenceTypeId, PurchaseId,
    Violations,
};
use switchboard_store::devices::{self, DeviceType};
use switchboard_store::licences::{self, LicenceType, Pool, Purchase};

use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::tenancy::load_enterprise;
use crate::{App, commit};

#[derive(Debug, Clone, Default)]
pub struct NewLicenceType {
    pub code: Option<String>,
    pub name: Option<String>,
    /// I-6: its name in German and French (`de`, `fr`); English is `name`.
    pub names: Option<BTreeMap<String, String>>,
    pub kind: Option<String>,
    pub monthly_price_cents: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct NewDeviceType {
    pub code: Option<String>,
    pub name: Option<String>,
    /// I-6: its name in German and French (`de`, `fr`); English is `name`.
    pub names: Option<BTreeMap<String, String>>,
    pub kind: Option<String>,
}

/// N-3: an enterprise's licences, with what they cost each month.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LicenceOverview {
    pub pools: Vec<Pool>,
    /// Billing is by licences purchased, assigned or not (N-3).
    pub monthly_total_cents: i64,
}

pub struct Catalogue<'a>(pub(crate) &'a App);

/// I-6: a catalogue entry's names in the other languages: `de` and `fr` only (English is its
/// `name`), each 1 to 100 characters; an empty one is left out (the English one stands in).
fn parse_names(
    v: &mut Violations,
    names: Option<BTreeMap<String, String>>,
) -> BTreeMap<String, String> {
    let mut parsed = BTreeMap::new();
    for (language, name) in names.unwrap_or_default() {
        let field = format!("names.{language}");
        if !matches!(language.as_str(), "de" | "fr") {
            v.push(switchboard_domain::FieldError::new(
                &field,
                "invalid-choice",
                "Names are given for de and fr; the English one is `name`.",
            ));
            continue;
        }
        let trimmed = name.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.chars().count() > 100 || trimmed.chars().any(char::is_control) {
            v.push(switchboard_domain::FieldError::new(
                &field,
                "invalid-name",
                "A name has 1 to 100 characters.",
            ));
            continue;
        }
        parsed.insert(language, trimmed.to_owned());
    }
    parsed
}

fn parse_name(v: &mut Violations, name: Option<String>) -> Option<String> {
    let name = v.require("name", name)?;
    let trimmed = name.trim();
    if trimmed.is_empty() || trimmed.chars().count() > 100 {
        v.push(switchboard_domain::FieldError::new(
            "name",
            "invalid-name",
            "A name has 1 to 100 characters.",
        ));
        return None;
    }
    Some(trimmed.to_owned())
}

impl Catalogue<'_> {
    pub async fn create_licence_type(
        &self,
        actor: &Actor,
        input: NewLicenceType,
    ) -> AppResult<LicenceType> {
        actor.require_operator("change the licence catalogue")?;
        let mut v = Violations::new();
        let code = v
            .require("code", input.code)
            .and_then(|c| v.check("code", LicenceCode::parse(&c)));
        let name = parse_name(&mut v, input.name);
        let names = parse_names(&mut v, input.names);
        let kind = v.require("kind", input.kind).and_then(|k| {
            let parsed = LicenceKind::parse(&k);
            if parsed.is_none() {
                v.push(switchboard_domain::FieldError::new(
                    "kind",
                    "invalid-choice",
                    "The kind is 'package' or 'addon'.",
                ));
            }
            parsed
        });
        let price = input.monthly_price_cents.unwrap_or(0);
        // Bounded so that purchased × price and the monthly total always fit.
        if !(0..=10_000_000).contains(&price) {
            v.push(switchboard_domain::FieldError::new(
                "monthly_price_cents",
                "out-of-range",
                "A monthly price is 0 to 10,000,000 cents.",
            ));
        }
        v.finish()?;
        let licence = LicenceType {
            id: LicenceTypeId::new(),
            code: code.expect("checked"),
            name: name.expect("checked"),
            names,
            kind: kind.expect("checked"),
            monthly_price_cents: price,
            created_at: self.0.now(),
        };
        let mut tx = self.0.begin().await?;
        licences::insert_type(&mut tx, &licence)
            .await
            .map_err(|e| {
                if e.is_unique_violation_on("code") {
                    AppError::conflict(
                        "code-taken",
                        format!("The licence code '{}' exists already.", licence.code),
                    )
                } else {
                    e.into()
                }
            })?;
        audit::record(
            &mut tx,
            actor,
            licence.created_at,
            Change {
                enterprise: None,
                action: "licence_type.created",
                target_kind: "licence_type",
                target_id: licence.id.to_string(),
                before: None,
                after: snapshot(&licence),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(licence)
    }

    pub async fn licence_types(&self) -> AppResult<Vec<LicenceType>> {
        let mut conn = self.0.db().read().await?;
        Ok(licences::list_types(&mut conn).await?)
    }

    pub async fn create_device_type(
        &self,
        actor: &Actor,
        input: NewDeviceType,
    ) -> AppResult<DeviceType> {
        actor.require_operator("change the device catalogue")?;
        let mut v = Violations::new();
        let code = v
            .require("code", input.code)
            .and_then(|c| v.check("code", LicenceCode::parse(&c)));
        let name = parse_name(&mut v, input.name);
        let names = parse_names(&mut v, input.names);
        let kind = v.require("kind", input.kind).and_then(|k| {
            let parsed = DeviceKind::parse(&k);
            if parsed.is_none() {
                v.push(switchboard_domain::FieldError::new(
                    "kind",
                    "invalid-choice",
                    format!("The kind is one of: {}.", DeviceKind::choices()),
                ));
            }
            parsed
        });
        v.finish()?;
        let device = DeviceType {
            id: DeviceTypeId::new(),
            code: code.expect("checked").as_str().to_owned(),
            name: name.expect("checked"),
            names,
            kind: kind.expect("checked"),
            created_at: self.0.now(),
        };
        let mut tx = self.0.begin().await?;
        devices::insert(&mut tx, &device).await.map_err(|e| {
            if e.is_unique_violation_on("code") {
                AppError::conflict(
                    "code-taken",
                    format!("The device code '{}' exists already.", device.code),
                )
            } else {
                e.into()
            }
        })?;
        audit::record(
            &mut tx,
            actor,
            device.created_at,
            Change {
                enterprise: None,
                action: "device_type.created",
                target_kind: "device_type",
                target_id: device.id.to_string(),
                before: None,
                after: snapshot(&device),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(device)
    }

    /// I-6: operators set a licence type's names in German and French (all at once; an empty
    /// one falls back to English).
    pub async fn set_licence_type_names(
        &self,
        actor: &Actor,
        code_or_id: &str,
        names: BTreeMap<String, String>,
    ) -> AppResult<LicenceType> {
        actor.require_operator("change the licence catalogue")?;
        let mut v = Violations::new();
        let names = parse_names(&mut v, Some(names));
        v.finish()?;
        let mut tx = self.0.begin().await?;
        let before = licences::find_type(&mut tx, code_or_id)
            .await?
            .ok_or(AppError::NotFound("licence type"))?;
        licences::set_type_names(&mut tx, before.id, &names).await?;
        let after = LicenceType {
            names,
            ..before.clone()
        };
        self.audit_renamed(
            tx,
            actor,
            "licence_type",
            before.id.to_string(),
            &before,
            &after,
        )
        .await?;
        Ok(after)
    }

    /// I-6: operators set a device type's names in German and French.
    pub async fn set_device_type_names(
        &self,
        actor: &Actor,
        code_or_id: &str,
        names: BTreeMap<String, String>,
    ) -> AppResult<DeviceType> {
        actor.require_operator("change the device catalogue")?;
        let mut v = Violations::new();
        let names = parse_names(&mut v, Some(names));
        v.finish()?;
        let mut tx = self.0.begin().await?;
        let before = devices::find(&mut tx, code_or_id)
            .await?
            .ok_or(AppError::NotFound("device type"))?;
        devices::set_names(&mut tx, before.id, &names).await?;
        let after = DeviceType {
            names,
            ..before.clone()
        };
        self.audit_renamed(
            tx,
            actor,
            "device_type",
            before.id.to_string(),
            &before,
            &after,
        )
        .await?;
        Ok(after)
    }

    /// The audit entry of a catalogue entry's new names (`<kind>.renamed`), and the commit.
    async fn audit_renamed<T: serde::Serialize>(
        &self,
        mut tx: switchboard_store::Tx,
        actor: &Actor,
        kind: &str,
        id: String,
        before: &T,
        after: &T,
    ) -> AppResult<()> {
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: None,
                action: &format!("{kind}.renamed"),
                target_kind: kind,
                target_id: id,
                before: snapshot(before),
                after: snapshot(after),
            },
        )
        .await?;
        commit(tx).await
    }

    pub async fn device_types(&self) -> AppResult<Vec<DeviceType>> {
        let mut conn = self.0.db().read().await?;
        Ok(devices::list(&mut conn).await?)
    }

    /// N-3: purchased, assigned and free per type, and the monthly total.
    pub async fn licences(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
    ) -> AppResult<LicenceOverview> {
        actor.require_staff(enterprise, "see licences")?;
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        let pools = licences::pools(&mut conn, enterprise).await?;
        let monthly_total_cents = pools
            .iter()
            .map(|p| p.purchased * p.licence.monthly_price_cents)
            .sum();
        Ok(LicenceOverview {
            pools,
            monthly_total_cents,
        })
    }

    pub async fn purchases(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
    ) -> AppResult<Vec<Purchase>> {
        actor.require_staff(enterprise, "see licence purchases")?;
        let mut conn = self.0.db().read().await?;
        load_enterprise(&mut conn, enterprise).await?;
        Ok(licences::purchases(&mut conn, enterprise).await?)
    }

    /// Operators record a purchase (or, with a negative quantity, a cancellation that may not go
    /// below what is assigned).
    pub async fn record_purchase(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        licence: Option<String>,
        quantity: Option<i64>,
        note: Option<String>,
    ) -> AppResult<Purchase> {
        actor.can_see_enterprise(enterprise)?;
        actor.require_operator("record licence purchases")?;
        let mut v = Violations::new();
        let licence = v.require("licence", licence);
        let quantity = v.require("quantity", quantity);
        if quantity == Some(0) || quantity.is_some_and(|q| q.abs() > 1_000_000) {
            v.push(switchboard_domain::FieldError::new(
                "quantity",
                "out-of-range",
                "The quantity is a non-zero number up to 1,000,000 (negative to cancel).",
            ));
        }
        let mut tx = self.0.begin().await?;
        load_enterprise(&mut tx, enterprise).await?;
        let licence = match licence {
            Some(code) => {
                let found = licences::find_type(&mut tx, &code).await?;
                if found.is_none() {
                    v.push(switchboard_domain::FieldError::new(
                        "licence",
                        "unknown-reference",
                        format!("There is no licence type '{code}'."),
                    ));
                }
                found
            }
            None => None,
        };
        v.finish()?;
        let licence = licence.expect("checked");
        let purchase = Purchase {
            id: PurchaseId::new(),
            enterprise_id: enterprise,
            licence_type_id: licence.id,
            quantity: quantity.expect("checked"),
            note: note.filter(|n| !n.trim().is_empty()),
            created_at: self.0.now(),
        };
        licences::record_purchase(&mut tx, &purchase).await.map_err(|e| {
            if e.is_check_violation() {
                AppError::conflict(
                    "licences-in-use",
                    format!("Cannot cancel {} '{}' licences: that would leave fewer than are assigned.", -purchase.quantity, licence.code),
                )
            } else {
                e.into()
            }
        })?;
        audit::record(
            &mut tx,
            actor,
            purchase.created_at,
            Change {
                enterprise: Some(enterprise),
                action: "licence.purchased",
                target_kind: "licence_type",
                target_id: licence.id.to_string(),
                before: None,
                after: snapshot(&purchase),
            },
        )
        .await?;
        commit(tx).await?;
        Ok(purchase)
    }
}
