//! The tenant under test, made through the real services (so every rule holds): a licence
//! catalogue, a device type, one enterprise with two sites, enough purchased licences, free
//! numbers for the creates, and an operator token for the HTTP requests.

use switchboard_app::catalogue::{NewDeviceType, NewLicenceType};
use switchboard_app::numbers::NumbersToLoad;
use switchboard_app::tenancy::NewEnterprise;
use switchboard_app::tokens::NewToken;
use switchboard_app::{Actor, App, AppResult};
use switchboard_domain::{DeviceTypeId, EnterpriseId, LicenceTypeId, NumberRange, SiteId};

pub const PACKAGE: &str = "voice-basic";
pub const DEVICE: &str = "yealink-t54w";

/// What the seeding and the measurements need to know of the tenant.
#[derive(Debug, Clone)]
pub struct Tenant {
    pub enterprise: EnterpriseId,
    pub sip_domain: String,
    pub sites: [SiteId; 2],
    pub package: LicenceTypeId,
    pub device: DeviceTypeId,
    pub token: String,
}

/// A service error with all its detail (the Display of a validation error lists no fields).
fn step<T>(what: &str, result: AppResult<T>) -> anyhow::Result<T> {
    result.map_err(|e| anyhow::anyhow!("setting up ({what}) failed: {e:?}"))
}

/// Creates the tenant with `licences` purchased `voice-basic` licences.
pub async fn tenant(app: &App, licences: u64) -> anyhow::Result<Tenant> {
    let actor = Actor::system("switchboard-bench");
    let catalogue = app.catalogue();
    let package = step(
        "package licence",
        catalogue
            .create_licence_type(
                &actor,
                NewLicenceType {
                    names: None,
                    code: Some(PACKAGE.into()),
                    name: Some("Voice Basic".into()),
                    kind: Some("package".into()),
                    monthly_price_cents: Some(1290),
                },
            )
            .await,
    )?;
    step(
        "add-on licence",
        catalogue
            .create_licence_type(
                &actor,
                NewLicenceType {
                    names: None,
                    code: Some("mobility".into()),
                    name: Some("Mobility".into()),
                    kind: Some("addon".into()),
                    monthly_price_cents: Some(300),
                },
            )
            .await,
    )?;
    let device = step(
        "device type",
        catalogue
            .create_device_type(
                &actor,
                NewDeviceType {
                    names: None,
                    code: Some(DEVICE.into()),
                    name: Some("Yealink T54W".into()),
                    kind: Some("desk_phone".into()),
                },
            )
            .await,
    )?;
    // Seven-digit extensions, so that a million distinct ones fit (U-2).
    let enterprise = step(
        "enterprise",
        app.tenancy()
            .create_enterprise(
                &actor,
                NewEnterprise {
                    name: Some("Bench Logistik GmbH".into()),
                    sip_domain: Some("bench-logistik.sip.switchboard.test".into()),
                    contact_email: Some("it@bench-logistik.example".into()),
                    extension_min_len: Some(2),
                    extension_max_len: Some(7),
                    ..Default::default()
                },
            )
            .await,
    )?;
    let mut sites = Vec::new();
    for name in ["Berlin HQ", "Paris Bureau"] {
        sites.push(
            step(
                "site",
                app.tenancy()
                    .create_site(&actor, enterprise.id, Some(name.into()))
                    .await,
            )?
            .id,
        );
    }
    // One purchase is at most 1,000,000 licences.
    let mut remaining = licences;
    while remaining > 0 {
        let quantity = remaining.min(1_000_000);
        step(
            "licence purchase",
            catalogue
                .record_purchase(
                    &actor,
                    enterprise.id,
                    Some(PACKAGE.into()),
                    Some(quantity as i64),
                    Some("benchmark".into()),
                )
                .await,
        )?;
        remaining -= quantity;
    }
    let token = step(
        "operator token",
        app.tokens()
            .create(
                &actor,
                NewToken {
                    name: Some("bench operator".into()),
                    scope: Some("operator".into()),
                    ..Default::default()
                },
            )
            .await,
    )?;
    Ok(Tenant {
        enterprise: enterprise.id,
        sip_domain: enterprise.sip_domain,
        sites: [sites[0], sites[1]],
        package: package.id,
        device: device.id,
        token: token.token,
    })
}

/// A block of Berlin numbers `{prefix}0000000`…: `+49301` for the seeded users, others for the
/// creates, so that no two sets collide.
#[derive(Debug, Clone, Copy)]
pub struct NumberBlock(pub &'static str);

impl NumberBlock {
    pub const SEEDED: Self = Self("+49301");
    pub const HTTP_CREATES: Self = Self("+49302");
    pub const RAW_CREATES: Self = Self("+49303");

    pub fn number(self, serial: u64) -> String {
        format!("{}{serial:07}", self.0)
    }

    /// Loads numbers `0..count` of the block into the pool as free numbers, through the service
    /// (ranges of at most [`NumberRange::MAX_LEN`]).
    pub async fn load(self, app: &App, tenant: &Tenant, count: u64) -> anyhow::Result<()> {
        let actor = Actor::system("switchboard-bench");
        let mut first = 0;
        while first < count {
            let last = (first + NumberRange::MAX_LEN).min(count) - 1;
            let range = NumbersToLoad {
                number: None,
                first: Some(self.number(first)),
                last: Some(self.number(last)),
            };
            step(
                "numbers",
                app.numbers().load(&actor, tenant.enterprise, range).await,
            )?;
            first = last + 1;
        }
        Ok(())
    }
}
