//! Demo data: one provider with an enterprise of two sites, a licence catalogue with purchases,
//! number ranges and 50 users in every state, made through the real services (so every rule
//! holds). Loaded once; every start prints a fresh operator token.

use std::sync::Arc;

use switchboard_app::catalogue::{NewDeviceType, NewLicenceType};
use switchboard_app::groups::{MenuInput, NewGroup};
use switchboard_app::numbers::NumbersToLoad;
use switchboard_app::tenancy::{NewEnterprise, PlaceInput};
use switchboard_app::tokens::NewToken;
use switchboard_app::users::{Deactivation, NewUser};
use switchboard_app::{Actor, App, SystemClock};
use switchboard_domain::UserState;

use crate::config::Settings;
use crate::server::build_app;

pub const ENTERPRISE: &str = "Müller & Søn Logistik GmbH";

const FIRST: [&str; 25] = [
    "Anna",
    "Émilie",
    "Jürgen",
    "Søren",
    "Zoë",
    "François",
    "Björn",
    "Çelik",
    "Agnès",
    "Lukas",
    "Chloé",
    "Mats",
    "Inès",
    "Jörg",
    "Élodie",
    "Henrik",
    "Noémie",
    "Tobias",
    "Maëlle",
    "Kai",
    "Léa",
    "Ørjan",
    "Greta",
    "Théo",
    "Sinéad",
];
const LAST: [&str; 25] = [
    "Müller",
    "Dubois",
    "Ørsted",
    "Schäfer",
    "Lefèvre",
    "Nørgaard",
    "Weiß",
    "Rousseau",
    "Kühn",
    "Girard",
    "Brückner",
    "Moreau",
    "Åberg",
    "Fontaine",
    "Groß",
    "Mercier",
    "Löwe",
    "Chevalier",
    "Hoffmann",
    "Lambert",
    "Jäger",
    "Bonnet",
    "Fischer",
    "Faure",
    "Köhler",
];

/// How to get into the demo: printed at every `demo` start.
pub struct DemoAccess {
    /// A new operator API token.
    pub token: String,
    /// The enterprise administrator's portal login.
    pub admin_login: String,
    /// A fresh initial password, as long as the administrator has not chosen their own (U-5:
    /// it must be changed at first sign-in).
    pub admin_password: Option<String>,
}

/// The demo's enterprise administrator (the first demo user).
pub const ADMIN_LOGIN: &str = "anna.mueller0@mueller-logistik.example";

/// Loads the demo data if it is not there yet, and returns the ways in.
pub async fn load(app: &App, settings: &Settings) -> anyhow::Result<DemoAccess> {
    let actor = Actor::system("demo loader");
    let existing = app
        .tenancy()
        .list_enterprises(&actor, None, 1000)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if !existing.iter().any(|e| e.name == ENTERPRISE) {
        populate(app, settings, &actor)
            .await
            .map_err(|e| anyhow::anyhow!("loading demo data failed: {e:?}"))?;
        tracing::info!("demo data loaded");
    }
    let token = app
        .tokens()
        .create(
            &actor,
            NewToken {
                name: Some("demo operator".into()),
                scope: Some("operator".into()),
                ..Default::default()
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let admin_password = initial_admin_password(app, &actor)
        .await
        .map_err(|e| anyhow::anyhow!("demo administrator: {e}"))?;
    Ok(DemoAccess {
        token: token.token,
        admin_login: ADMIN_LOGIN.into(),
        admin_password,
    })
}

/// Until the demo administrator has chosen a password, each start sets a new random initial
/// one (only its hash is kept) and returns it for printing.
async fn initial_admin_password(
    app: &App,
    actor: &Actor,
) -> Result<Option<String>, switchboard_app::AppError> {
    let Some(admin) = app.accounts().user_by_login(actor, ADMIN_LOGIN).await? else {
        return Ok(None);
    };
    let status = app.accounts().status_of_user(actor, admin).await?;
    if status.has_password && !status.must_change_password {
        return Ok(None);
    }
    let password = switchboard_app::secrets::random_alphanumeric(16);
    app.accounts()
        .set_password(actor, admin, &password, true)
        .await?;
    Ok(Some(password))
}

async fn populate(
    app: &App,
    settings: &Settings,
    actor: &Actor,
) -> Result<(), switchboard_app::AppError> {
    let catalogue = app.catalogue();
    let have: Vec<String> = catalogue
        .licence_types()
        .await?
        .into_iter()
        .map(|l| l.code.to_string())
        .collect();
    // I-6: each name in English, German and French.
    let names = |de: &str, fr: &str| {
        Some(std::collections::BTreeMap::from([
            ("de".to_owned(), de.to_owned()),
            ("fr".to_owned(), fr.to_owned()),
        ]))
    };
    for (code, name, de, fr, kind, price) in [
        (
            "voice-basic",
            "Voice Basic",
            "Sprache Basis",
            "Voix Basique",
            "package",
            1290,
        ),
        (
            "voice-premium",
            "Voice Premium",
            "Sprache Premium",
            "Voix Premium",
            "package",
            1990,
        ),
        (
            "call-centre-agent",
            "Call Centre Agent",
            "Callcenter-Agent",
            "Agent de centre d’appels",
            "package",
            2490,
        ),
        (
            "supervisor",
            "Supervisor",
            "Supervisor",
            "Superviseur",
            "addon",
            500,
        ),
        (
            "mobility",
            "Mobility",
            "Mobilität",
            "Mobilité",
            "addon",
            300,
        ),
        (
            "additional-number",
            "Additional Number",
            "Zusätzliche Rufnummer",
            "Numéro supplémentaire",
            "addon",
            200,
        ),
    ] {
        if !have.iter().any(|c| c == code) {
            let input = NewLicenceType {
                code: Some(code.into()),
                name: Some(name.into()),
                names: names(de, fr),
                kind: Some(kind.into()),
                monthly_price_cents: Some(price),
            };
            catalogue.create_licence_type(actor, input).await?;
        }
    }
    let have: Vec<String> = catalogue
        .device_types()
        .await?
        .into_iter()
        .map(|d| d.code)
        .collect();
    for (code, name, de, fr, kind) in [
        (
            "yealink-t54w",
            "Yealink T54W",
            "Yealink T54W",
            "Yealink T54W",
            "desk_phone",
        ),
        (
            "poly-vvx-450",
            "Poly VVX 450",
            "Poly VVX 450",
            "Poly VVX 450",
            "desk_phone",
        ),
        (
            "no-desk-phone",
            "No desk phone",
            "Ohne Tischtelefon",
            "Sans poste fixe",
            "none",
        ),
        (
            "mobile-app",
            "Mobile app",
            "Mobile App",
            "Application mobile",
            "mobile_client",
        ),
        (
            "desktop-app",
            "Desktop app",
            "Desktop-App",
            "Application de bureau",
            "desktop_client",
        ),
    ] {
        if !have.iter().any(|c| c == code) {
            let input = NewDeviceType {
                code: Some(code.into()),
                name: Some(name.into()),
                names: names(de, fr),
                kind: Some(kind.into()),
            };
            catalogue.create_device_type(actor, input).await?;
        }
    }
    let enterprise = app
        .tenancy()
        .create_enterprise(
            actor,
            NewEnterprise {
                name: Some(ENTERPRISE.into()),
                sip_domain: Some("mueller-logistik.sip.switchboard.test".into()),
                contact_email: Some("it@mueller-logistik.example".into()),
                // I-6: a German enterprise; its Paris site keeps French time, country and language.
                place: PlaceInput {
                    time_zone: Some("Europe/Berlin".into()),
                    country: Some("DE".into()),
                    language: Some("de".into()),
                },
                ..Default::default()
            },
        )
        .await?;
    let berlin = app
        .tenancy()
        .create_site(actor, enterprise.id, Some("Berlin HQ".into()))
        .await?;
    let paris = app
        .tenancy()
        .create_site(actor, enterprise.id, Some("Paris Bureau".into()))
        .await?;
    app.tenancy()
        .set_site_place(
            actor,
            paris.id,
            PlaceInput {
                time_zone: Some("Europe/Paris".into()),
                country: Some("FR".into()),
                language: Some("fr".into()),
            },
        )
        .await?;
    let sales = app
        .tenancy()
        .create_department(actor, enterprise.id, Some("Vertrieb".into()))
        .await?;
    let support = app
        .tenancy()
        .create_department(actor, enterprise.id, Some("Support".into()))
        .await?;
    let team = app
        .tenancy()
        .create_team(actor, enterprise.id, Some("Hotline".into()))
        .await?;
    for (code, quantity) in [
        ("voice-basic", 40),
        ("voice-premium", 20),
        ("call-centre-agent", 5),
        ("supervisor", 3),
        ("mobility", 10),
        ("additional-number", 5),
    ] {
        catalogue
            .record_purchase(
                actor,
                enterprise.id,
                Some(code.into()),
                Some(quantity),
                Some("demo order".into()),
            )
            .await?;
    }
    let numbers = app.numbers();
    for (first, last) in [
        ("+493012345600", "+493012345699"),
        ("+33123456600", "+33123456699"),
    ] {
        let range = NumbersToLoad {
            first: Some(first.into()),
            last: Some(last.into()),
            number: None,
        };
        numbers.load(actor, enterprise.id, range).await?;
    }

    // Activation runs at once for the loader; the last few wait 30 days (a slow carrier), to show "pending".
    let now_app = demo_app(app, settings, 0).await?;
    let later_app = demo_app(app, settings, 30 * 86_400_000).await?;
    let mut created = Vec::new();
    for i in 0..50usize {
        let in_paris = i % 3 == 2;
        let (site, number) = if in_paris {
            (&paris, format!("+331234566{:02}", i))
        } else {
            (&berlin, format!("+4930123456{:02}", i))
        };
        // +…666 numbers fail activation under the default simulated rule.
        let number = match i {
            17 => "+493012345666".to_owned(),
            29 => "+33123456666".to_owned(),
            _ => number,
        };
        let (first, last) = (FIRST[i % FIRST.len()], LAST[(i * 7) % LAST.len()]);
        let no_desk_phone = i % 10 == 4;
        let package = match i % 6 {
            0 | 3 => "voice-premium",
            5 if i < 30 => "call-centre-agent",
            _ => "voice-basic",
        };
        let role = match i {
            0 => "enterprise_admin",
            1 | 2 => "site_admin",
            7 | 8 => "team_lead",
            _ => "user",
        };
        let input = NewUser {
            site_id: Some(site.id.to_string()),
            first_name: Some(first.into()),
            last_name: Some(last.into()),
            email: Some(format!(
                "{}.{}{i}@mueller-logistik.example",
                ascii(first),
                ascii(last)
            )),
            role: Some(role.into()),
            package_licence: Some(package.into()),
            addon_licences: Some(if i == 5 || i == 11 {
                vec!["supervisor".into()]
            } else {
                vec![]
            }),
            primary_number: Some(number),
            device_type: Some(
                if no_desk_phone {
                    "no-desk-phone"
                } else if i % 4 == 1 {
                    "poly-vvx-450"
                } else {
                    "yealink-t54w"
                }
                .into(),
            ),
            mobile_number: no_desk_phone.then(|| format!("+491512345{:04}", 6700 + i)),
            contract_number: no_desk_phone.then(|| format!("VF-{:06}", 100_200 + i)),
            department_id: Some(if i % 2 == 0 { sales.id } else { support.id }.to_string()),
            team_ids: Some(if i % 5 == 0 {
                vec![team.id.to_string()]
            } else {
                vec![]
            }),
            language: Some(if in_paris { "fr" } else { "de" }.into()),
            ..Default::default()
        };
        let creator = if i >= 44 { &later_app } else { &now_app };
        let user = creator
            .users()
            .create(actor, enterprise.id, input)
            .await?
            .user;
        created.push(user.id);
    }
    now_app.jobs().run_due("demo loader").await?;
    // Some who left: deactivated, their callers sent to a colleague of the same site.
    let mut deactivated = 0;
    for (i, id) in created.iter().enumerate().skip(30) {
        if deactivated == 8 {
            break;
        }
        let user = app.users().get(actor, *id).await?;
        if user.state != UserState::Active {
            continue;
        }
        let colleague = if i % 3 == 2 { created[2] } else { created[0] };
        let input = Deactivation {
            action: Some(
                if i % 2 == 0 {
                    "announce_new_number"
                } else {
                    "transfer_on_zero"
                }
                .into(),
            ),
            destination_user_id: Some(colleague.to_string()),
            destination_queue_id: None,
        };
        app.users().deactivate(actor, *id, input).await?;
        deactivated += 1;
    }
    groups(app, actor, enterprise.id, berlin.id, &created).await
}

/// G-1, G-2, G-3, G-6: Berlin's groups — a hunt group and a call centre of active users (with
/// a supervisor and two campaigns), an auto attendant whose keys reach them, a pickup group and
/// a park group.
async fn groups(
    app: &App,
    actor: &Actor,
    enterprise: switchboard_domain::EnterpriseId,
    berlin: switchboard_domain::SiteId,
    created: &[switchboard_domain::UserId],
) -> Result<(), switchboard_app::AppError> {
    let mut active = Vec::new();
    let mut anyone = Vec::new();
    for id in created {
        let user = app.users().get(actor, *id).await?;
        if user.site_id == berlin {
            anyone.push(user.id.to_string());
            if user.state == UserState::Active {
                active.push(user.id.to_string());
            }
        }
    }
    let new_group = |kind: &str, name: &str, extension: Option<&str>| NewGroup {
        site_id: Some(berlin.to_string()),
        kind: Some(kind.into()),
        name: Some(name.into()),
        extension: extension.map(Into::into),
        ..Default::default()
    };
    let groups = app.groups();
    let hotline = groups
        .create(actor, enterprise, new_group("hunt", "Hotline", Some("700")))
        .await?;
    groups
        .set_members(
            actor,
            hotline.id,
            active.iter().take(3).cloned().collect(),
            &[],
        )
        .await?;
    let service = groups
        .create(
            actor,
            enterprise,
            new_group("call_centre", "Kundenservice", Some("800")),
        )
        .await?;
    let agents: Vec<String> = active.iter().skip(3).take(4).cloned().collect();
    groups
        .set_members(actor, service.id, agents.clone(), &[])
        .await?;
    groups
        .set_supervisors(actor, service.id, active.iter().take(1).cloned().collect())
        .await?;
    for (name, direction, assigned) in [
        ("Frühjahrsaktion", "outbound", 2),
        ("Service-Hotline", "inbound", 4),
    ] {
        let campaign = app
            .campaigns()
            .create(actor, service.id, Some(name.into()), Some(direction.into()))
            .await?;
        app.campaigns()
            .set_agents(
                actor,
                campaign.id,
                agents.iter().take(assigned).cloned().collect(),
            )
            .await?;
    }
    let mut attendant = new_group("auto_attendant", "Zentrale", Some("900"));
    attendant.menu = Some(MenuInput {
        days: vec![1, 2, 3, 4, 5],
        opens: "08:00".into(),
        closes: "18:00".into(),
        business_keys: vec![("1".into(), "700".into()), ("2".into(), "800".into())],
        business_no_input: Some("700".into()),
        after_hours_keys: vec![("1".into(), "800".into())],
        after_hours_no_input: Some("800".into()),
    });
    groups.create(actor, enterprise, attendant).await?;
    let pickup = groups
        .create(actor, enterprise, new_group("pickup", "Lager", None))
        .await?;
    groups
        .set_members(
            actor,
            pickup.id,
            anyone.iter().rev().take(4).cloned().collect(),
            &[],
        )
        .await?;
    let park = groups
        .create(actor, enterprise, new_group("park", "Empfang", None))
        .await?;
    groups
        .set_members(
            actor,
            park.id,
            active.iter().take(2).cloned().collect(),
            &[],
        )
        .await?;
    Ok(())
}

/// The same application with another simulated activation delay.
async fn demo_app(
    app: &App,
    settings: &Settings,
    delay_ms: i64,
) -> Result<App, switchboard_app::AppError> {
    let mut settings = settings.clone();
    settings.provisioner.activation_delay_ms = delay_ms;
    Ok(build_app(&settings, app.db().clone(), Arc::new(SystemClock)).await?)
}

/// An email-safe spelling of a name.
fn ascii(name: &str) -> String {
    name.chars()
        .flat_map(|c| match c {
            'ä' | 'Ä' => "ae".chars().collect::<Vec<_>>(),
            'ö' | 'Ö' | 'ø' | 'Ø' => "oe".chars().collect(),
            'ü' | 'Ü' => "ue".chars().collect(),
            'ß' => "ss".chars().collect(),
            'å' | 'Å' | 'à' | 'â' => vec!['a'],
            'é' | 'è' | 'ê' | 'ë' | 'É' => vec!['e'],
            'ç' | 'Ç' => vec!['c'],
            'ï' | 'î' => vec!['i'],
            c if c.is_ascii_alphanumeric() => vec![c.to_ascii_lowercase()],
            _ => vec![],
        })
        .collect()
}
