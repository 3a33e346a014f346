//! Users and their lifecycle (U-1…U-8, L-1…L-7, N-2, N-5, N-6): the core of the product.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use switchboard_domain::{
    CampaignId, ContractNumber, DepartmentId, DeviceKind, E164Number, Email, EnterpriseId,
    Extension, FieldError, FirstName, GroupId, GroupKind, InterceptAction, InterceptDestination,
    Language, LastName, LicenceCode, LicenceKind, LicenceTypeId, LoginName, PortalRole, SiteId,
    TeamId, UserId, UserState, Violations,
};
use switchboard_store::devices::{self, DeviceType};
use switchboard_store::enterprises::Enterprise;
use switchboard_store::groups;
use switchboard_store::licences::{self, LicenceType};
use switchboard_store::numbers::{self, Claim, Usage};
use switchboard_store::org::{Department, Site, Team, UnitTable};
use switchboard_store::users::{self, Intercept, ListQuery, Search, SipCredentials, SortKey, User};
use switchboard_store::{Conn, Tx};

use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::jobs::{PushState, SYNC, enqueue_activation, enqueue_removal, enqueue_sync};
use crate::passwords::{self, PersonalWords};
use crate::provisioner::RemovedUser;
use crate::tenancy::{load_enterprise, unit_of};
use crate::{App, secrets};

/// N-5: at most this many alternative numbers per user.
pub const MAX_ALTERNATIVE_NUMBERS: usize = 10;

/// Input of [`Users::create`]. Every field is optional here so that each missing one is reported.
#[derive(Debug, Clone, Default)]
pub struct NewUser {
    pub site_id: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub role: Option<String>,
    pub package_licence: Option<String>,
    pub addon_licences: Option<Vec<String>>,
    pub primary_number: Option<String>,
    pub extension: Option<String>,
    pub device_type: Option<String>,
    pub mobile_number: Option<String>,
    pub contract_number: Option<String>,
    pub department_id: Option<String>,
    pub team_ids: Option<Vec<String>>,
    pub personal_contact: Option<String>,
    pub language: Option<String>,
    /// U-5: a password the administrator sets; without one the user gets an invitation.
    pub password: Option<String>,
    /// U-5: whether the set password must be changed at first sign-in (default yes).
    pub must_change_password: Option<bool>,
    /// K-1: two-step sign-in required; then the personal contact is mandatory.
    pub two_step_required: Option<bool>,
}

/// A field of a partial update: leave it, clear it, or set it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Patch<T> {
    #[default]
    Keep,
    Clear,
    Set(T),
}

/// Input of [`Users::update`]: what to change; the rest stays.
#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub login_name: Option<String>,
    pub role: Option<String>,
    pub department_id: Patch<String>,
    pub team_ids: Option<Vec<String>>,
    pub personal_contact: Patch<String>,
    pub language: Option<String>,
    // Configuration (L-3/L-7): only while active.
    pub primary_number: Option<String>,
    pub extension: Option<String>,
    pub device_type: Option<String>,
    pub package_licence: Option<String>,
    pub addon_licences: Option<Vec<String>>,
    pub mobile_number: Patch<String>,
    pub contract_number: Patch<String>,
}

/// U-4: desk-phone login details, returned once by the request that made them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SipLogin {
    pub username: String,
    pub password: String,
    pub domain: String,
}

/// A user and, when the request made new ones, their desk-phone login (shown once).
#[derive(Debug, Clone)]
pub struct UserWithLogin {
    pub user: User,
    pub sip_login: Option<SipLogin>,
}

/// U-7: what a duplicated user starts from; never name, email, numbers, extension or credentials.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UserDraft {
    pub site_id: SiteId,
    pub role: PortalRole,
    pub package_licence: String,
    pub addon_licences: Vec<String>,
    pub device_type: String,
    pub department_id: Option<DepartmentId>,
    pub team_ids: Vec<TeamId>,
    pub language: Language,
}

/// Input of [`Users::deactivate`] (L-5).
#[derive(Debug, Clone, Default)]
pub struct Deactivation {
    pub action: Option<String>,
    /// L-5: an active colleague of the same site …
    pub destination_user_id: Option<String>,
    /// … or a call-centre queue of the same site; exactly one of the two.
    pub destination_queue_id: Option<String>,
}

/// Query of [`Users::list`], as typed by a client.
#[derive(Debug, Clone, Default)]
pub struct UserListParams {
    pub state: Option<String>,
    pub site_id: Option<String>,
    pub role: Option<String>,
    pub licence: Option<String>,
    pub device_type: Option<String>,
    pub department_id: Option<String>,
    pub team_id: Option<String>,
    /// Members of a group (a call centre's agents).
    pub group_id: Option<String>,
    /// G-2: agents assigned to a campaign.
    pub campaign_id: Option<String>,
    pub q: Option<String>,
    pub match_mode: Option<String>,
    pub sort: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// A page of users and the cursor of the next one.
#[derive(Debug, Clone)]
pub struct UserPage {
    pub users: Vec<User>,
    pub next_cursor: Option<String>,
}

pub struct Users<'a>(pub(crate) &'a App);

pub(crate) fn not_active(state: UserState, what: &str) -> AppError {
    let why = match state {
        UserState::Pending => "until its activation has succeeded",
        UserState::Failed => "while its activation has failed (an operator can retry it)",
        UserState::Deactivated => "while it is deactivated (reactivate it first)",
        UserState::Active => "now",
    };
    AppError::UserNotActive {
        state,
        detail: format!("This user is {state}: {what} is not possible {why}."),
    }
}

fn parse_choice<T: Copy>(
    v: &mut Violations,
    field: &str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    choices: String,
) -> Option<T> {
    let parsed = parse(value);
    if parsed.is_none() {
        v.push(FieldError::new(
            field,
            "invalid-choice",
            format!("'{value}' is not one of: {choices}."),
        ));
    }
    parsed
}

fn parse_personal_contact(value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 254 || value.chars().any(char::is_control) {
        return Err(FieldError::new(
            "personal_contact",
            "invalid-contact",
            "A personal contact has 1 to 254 characters.",
        ));
    }
    Ok(value.to_owned())
}

/// administration of a user in reach. Self-service changes (call services) come with their
/// own use cases; these are an administrator's. A site administrator never acts on an enterprise
/// administrator (their password, two-step, credentials…): that would hand them the whole
/// enterprise — the same reason they cannot make one (`check_role_grant`).
fn may_administer(actor: &Actor, user: &User) -> AppResult<()> {
    actor.require_admin("change users")?;
    if actor.site_limit().is_some() && user.role == PortalRole::EnterpriseAdmin {
        return Err(AppError::Forbidden(
            "Site administrators cannot change an enterprise administrator.".into(),
        ));
    }
    Ok(())
}

/// Looks up a catalogue licence by code or id and checks its kind.
async fn licence_of_kind(
    conn: &mut Conn,
    v: &mut Violations,
    field: &str,
    code_or_id: &str,
    kind: LicenceKind,
) -> AppResult<Option<LicenceType>> {
    let Some(licence) = licences::find_type(conn, code_or_id).await? else {
        v.push(FieldError::new(
            field,
            "unknown-reference",
            format!("There is no licence type '{code_or_id}'."),
        ));
        return Ok(None);
    };
    if licence.kind != kind {
        v.push(FieldError::new(
            field,
            "wrong-licence-kind",
            format!("'{}' is not a {} licence.", licence.code, kind.as_str()),
        ));
        return Ok(None);
    }
    if kind == LicenceKind::Addon && licence.code.as_str() == LicenceCode::ADDITIONAL_NUMBER {
        v.push(FieldError::new(
            field,
            "managed-licence",
            "The additional-number add-on is assigned with each alternative number (N-5), not directly.",
        ));
        return Ok(None);
    }
    Ok(Some(licence))
}

async fn addons_of(
    conn: &mut Conn,
    v: &mut Violations,
    codes: &[String],
) -> AppResult<Vec<LicenceType>> {
    let mut found: Vec<LicenceType> = Vec::new();
    for (i, code) in codes.iter().enumerate() {
        if let Some(licence) = licence_of_kind(
            conn,
            v,
            &format!("addon_licences[{i}]"),
            code,
            LicenceKind::Addon,
        )
        .await?
        {
            if found.iter().any(|l| l.id == licence.id) {
                v.push(FieldError::new(
                    format!("addon_licences[{i}]"),
                    "duplicate",
                    format!("'{code}' is listed twice."),
                ));
            } else {
                found.push(licence);
            }
        }
    }
    Ok(found)
}

async fn device_of(
    conn: &mut Conn,
    v: &mut Violations,
    code_or_id: &str,
) -> AppResult<Option<DeviceType>> {
    let device = devices::find(conn, code_or_id).await?;
    if device.is_none() {
        v.push(FieldError::new(
            "device_type",
            "unknown-reference",
            format!("There is no device type '{code_or_id}'."),
        ));
    }
    Ok(device)
}

async fn teams_of(
    conn: &mut Conn,
    v: &mut Violations,
    enterprise: EnterpriseId,
    ids: &[String],
) -> AppResult<Vec<TeamId>> {
    let mut teams = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let team: Result<Team, _> = unit_of(
            conn,
            UnitTable::Teams,
            enterprise,
            id,
            &format!("team_ids[{i}]"),
            "team",
        )
        .await?;
        if let Some(team) = v.check(&format!("team_ids[{i}]"), team)
            && !teams.contains(&team.id)
        {
            teams.push(team.id);
        }
    }
    Ok(teams)
}

/// U-3: without a desk phone a user is reached on their carrier mobile, so both are needed.
fn check_device_needs(
    v: &mut Violations,
    device: DeviceKind,
    mobile: &Option<E164Number>,
    contract: &Option<ContractNumber>,
) {
    let already_wrong = |v: &Violations, field: &str| v.errors().iter().any(|e| e.field == field);
    if device.requires_mobile() {
        if mobile.is_none() && !already_wrong(v, "mobile_number") {
            v.push(FieldError::new(
                "mobile_number",
                "required",
                "A user with no desk phone needs a mobile number.",
            ));
        }
        if contract.is_none() && !already_wrong(v, "contract_number") {
            v.push(FieldError::new(
                "contract_number",
                "required",
                "A user with no desk phone needs a contract number.",
            ));
        }
    }
}

/// Maps a unique-index collision on the users table (two requests racing) to its problem.
fn user_collision(e: switchboard_store::StoreError, user: &User) -> AppError {
    if e.is_unique_violation_on("extension") {
        AppError::ExtensionTaken(user.extension.to_string())
    } else if e.is_unique_violation_on("login_name") {
        AppError::LoginTaken(user.login_name.to_string())
    } else if e.is_unique_violation_on("primary_number") {
        AppError::NumberTaken(
            user.primary_number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
        )
    } else {
        e.into()
    }
}

/// A number that is not in this enterprise's pool. Numbers of other enterprises get the same
/// answer as numbers that exist nowhere (A-2: nothing is revealed about other pools).
pub(crate) fn unknown_number(field: &str, number: &E164Number) -> FieldError {
    FieldError::new(
        field,
        "unknown-number",
        format!(
            "{number} is not in this enterprise's number pool; an operator loads numbers first."
        ),
    )
}

/// Records a field error unless `number` is in the enterprise's own pool.
async fn check_in_pool(
    tx: &mut Tx,
    v: &mut Violations,
    enterprise: EnterpriseId,
    number: &E164Number,
    field: &str,
) -> AppResult<()> {
    if numbers::owner(tx, number).await? != Some(enterprise) {
        v.push(unknown_number(field, number));
    }
    Ok(())
}

/// a site administrator cannot hand out more power than a site administrator has.
fn check_role_grant(actor: &Actor, role: PortalRole) -> AppResult<()> {
    if role == PortalRole::EnterpriseAdmin && actor.site_limit().is_some() {
        return Err(AppError::Forbidden(
            "Site administrators cannot make enterprise administrators.".into(),
        ));
    }
    Ok(())
}

/// N-4: claims a number of the enterprise's pool for the user.
async fn claim_number(
    tx: &mut Tx,
    user: &User,
    number: &E164Number,
    usage: Usage,
    field: &str,
    app: &App,
) -> AppResult<()> {
    match numbers::claim(tx, user.enterprise_id, number, user.id, usage, app.now()).await? {
        Claim::Claimed => Ok(()),
        Claim::Taken => Err(AppError::NumberTaken(number.to_string())),
        Claim::NotInPool => Err(AppError::Validation(vec![unknown_number(field, number)])),
    }
}

/// N-2: takes a free licence or fails with `licence-exhausted`.
async fn claim_licence(
    tx: &mut Tx,
    enterprise: EnterpriseId,
    licence: &LicenceType,
) -> AppResult<()> {
    if licences::claim(tx, enterprise, licence.id).await? {
        Ok(())
    } else {
        Err(AppError::LicenceExhausted {
            licence: licence.code.to_string(),
        })
    }
}

/// U-4: new desk-phone login details; the HA1 digests are stored, the password returned once.
async fn new_sip_login(
    tx: &mut Tx,
    user: &User,
    enterprise: &Enterprise,
    app: &App,
) -> AppResult<SipLogin> {
    let realm = &enterprise.sip_domain;
    let current = users::sip_credentials(tx, user.id).await?;
    // Phones keep their user name across password changes; a new user takes their number's digits.
    let username = match current {
        Some(c) => c.username,
        None => {
            let preferred = match &user.primary_number {
                Some(n) => n.as_str().trim_start_matches('+').to_owned(),
                None => format!("{}-{}", user.extension, secrets::random_digits(6)),
            };
            if users::sip_username_taken(tx, realm, &preferred).await? {
                format!("{preferred}-{}", secrets::random_digits(4))
            } else {
                preferred
            }
        }
    };
    let password = secrets::sip_password();
    users::set_sip_credentials(
        tx,
        &SipCredentials {
            user_id: user.id,
            enterprise_id: user.enterprise_id,
            ha1: secrets::sip_ha1(&username, realm, &password),
            ha1b: secrets::sip_ha1b(&username, realm, realm, &password),
            username: username.clone(),
            realm: realm.clone(),
            created_at: app.now(),
        },
    )
    .await?;
    Ok(SipLogin {
        username,
        password,
        domain: realm.clone(),
    })
}

fn encode_cursor(sort: &str, value: &str, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{sort}\n{value}\n{id}"))
}

fn decode_cursor(cursor: &str, sort: &str) -> Option<(String, String)> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor).ok()?).ok()?;
    let mut parts = raw.splitn(3, '\n');
    let (s, value, id) = (parts.next()?, parts.next()?, parts.next()?);
    (s == sort && uuid::Uuid::parse_str(id).is_ok()).then(|| (value.to_owned(), id.to_owned()))
}

impl Users<'_> {
    /// Loads a user the actor may act on; anything else is "not found".
    /// the user, if the actor may read them: administrators within their reach, a user
    /// or team lead only themselves.
    async fn in_reach(&self, conn: &mut Conn, actor: &Actor, id: UserId) -> AppResult<User> {
        let user = users::get(conn, id)
            .await?
            .ok_or(AppError::NotFound("user"))?;
        if actor.member_user() == Some(id) {
            return Ok(user);
        }
        actor.can_reach_site(user.enterprise_id, user.site_id, "user")?;
        Ok(user)
    }

    /// Locks the user's row for this transaction, then loads it (every write starts here, so
    /// concurrent changes of one user are serialised and none works from a stale read).
    pub(crate) async fn in_reach_locked(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        id: UserId,
    ) -> AppResult<User> {
        if !users::lock(tx, id).await? {
            return Err(AppError::NotFound("user"));
        }
        let user = self.in_reach(tx, actor, id).await?;
        may_administer(actor, &user)?;
        Ok(user)
    }

    pub async fn get(&self, actor: &Actor, id: UserId) -> AppResult<User> {
        let mut conn = self.0.db().read().await?;
        self.in_reach(&mut conn, actor, id).await
    }

    /// The user of `enterprise` with this extension, if the actor may read them.
    pub async fn by_extension(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        extension: &str,
    ) -> AppResult<Option<UserId>> {
        let mut conn = self.0.db().read().await?;
        let extension = Extension::from_trusted(extension.trim().to_owned());
        let Some(id) = users::id_by_extension(&mut conn, enterprise, &extension).await? else {
            return Ok(None);
        };
        match self.in_reach(&mut conn, actor, id).await {
            Ok(_) => Ok(Some(id)),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// T-3: whether the telephony side has the user's last change.
    pub async fn push_state(&self, actor: &Actor, id: UserId) -> AppResult<PushState> {
        let mut conn = self.0.db().read().await?;
        self.in_reach(&mut conn, actor, id).await?;
        let job = switchboard_store::jobs::latest(&mut conn, &id.to_string(), SYNC).await?;
        Ok(PushState::of(job.as_ref()))
    }

    /// U-1…U-4, L-1: creates a pending user, claims their number and licences, makes their
    /// desk-phone login and enqueues their activation — all in one transaction.
    pub async fn create(
        &self,
        actor: &Actor,
        enterprise_id: EnterpriseId,
        input: NewUser,
    ) -> AppResult<UserWithLogin> {
        actor.require_staff(enterprise_id, "create users")?;
        let mut v = Violations::new();
        let first_name = v
            .require("first_name", input.first_name)
            .and_then(|s| v.check("first_name", FirstName::parse(&s)));
        let last_name = v
            .require("last_name", input.last_name)
            .and_then(|s| v.check("last_name", LastName::parse(&s)));
        let email = v
            .require("email", input.email)
            .and_then(|s| v.check("email", Email::parse(&s)));
        let login_name = match input.login_name {
            Some(login) => v.check("login_name", LoginName::parse(&login)),
            None => email.as_ref().map(LoginName::from_email),
        };
        let role = match input.role {
            Some(role) => parse_choice(
                &mut v,
                "role",
                &role,
                PortalRole::parse,
                PortalRole::choices(),
            ),
            None => Some(PortalRole::User),
        };
        if let Some(role) = role {
            check_role_grant(actor, role)?;
        }
        let language = match input.language {
            Some(lang) => parse_choice(
                &mut v,
                "language",
                &lang,
                Language::parse,
                Language::choices(),
            ),
            None => Some(Language::English),
        };
        let primary_number = input
            .primary_number
            .and_then(|n| v.check("primary_number", E164Number::parse(&n)));
        let mobile_number = input
            .mobile_number
            .and_then(|n| v.check("mobile_number", E164Number::parse(&n)));
        let contract_number = input
            .contract_number
            .and_then(|n| v.check("contract_number", ContractNumber::parse(&n)));
        let personal_contact = input
            .personal_contact
            .and_then(|c| v.check("personal_contact", parse_personal_contact(&c)));
        let two_step_required = input.two_step_required.unwrap_or(false);
        if two_step_required
            && !personal_contact
                .as_deref()
                .is_some_and(crate::accounts::is_deliverable_contact)
        {
            v.push(FieldError::new(
                "personal_contact",
                "required",
                "Two-step sign-in by code needs a personal contact (an email address or a mobile number).",
            ));
        }
        // Hashed before the transaction: Argon2 takes its time by design, the writer lock should not.
        let password_hash = match &input.password {
            Some(password) => {
                let words = PersonalWords::new(
                    [
                        first_name.as_ref().map(|n| n.as_str()),
                        last_name.as_ref().map(|n| n.as_str()),
                        email.as_ref().map(|e| e.as_str()),
                        login_name.as_ref().map(|l| l.as_str()),
                    ]
                    .into_iter()
                    .flatten(),
                );
                match passwords::check_strength("password", password, &words) {
                    Ok(()) => Some(passwords::hash(password).await?),
                    Err(e) => {
                        v.push(e);
                        None
                    }
                }
            }
            None => None,
        };

        let mut tx = self.0.begin().await?;
        let enterprise = load_enterprise(&mut tx, enterprise_id).await?;
        if let Some(number) = &primary_number {
            check_in_pool(&mut tx, &mut v, enterprise_id, number, "primary_number").await?;
        }
        let site = match v.require("site_id", input.site_id) {
            Some(id) => {
                let site: Result<Site, _> = unit_of(
                    &mut tx,
                    UnitTable::Sites,
                    enterprise_id,
                    &id,
                    "site_id",
                    "site",
                )
                .await?;
                v.check("site_id", site).filter(|site| {
                    let reachable = actor.can_reach_site(enterprise_id, site.id, "site").is_ok();
                    if !reachable {
                        v.push(FieldError::new(
                            "site_id",
                            "unknown-reference",
                            format!("There is no site '{id}' in your reach."),
                        ));
                    }
                    reachable
                })
            }
            None => None,
        };
        let extension = match (input.extension, &primary_number) {
            (Some(ext), _) => v.check("extension", enterprise.extension_policy.parse(&ext)),
            (None, Some(number)) => {
                // U-2: the default must fit the enterprise's lengths too; never invent another.
                let default = enterprise.extension_policy.default_for(number);
                let fits = enterprise.extension_policy.parse(default.as_str()).map_err(|_| {
                    FieldError::new(
                        "extension",
                        "required",
                        format!(
                            "The default extension {default} (from the number) does not fit this enterprise's \
                             {} to {} digits; give an extension.",
                            enterprise.extension_policy.min_len, enterprise.extension_policy.max_len
                        ),
                    )
                });
                v.check("extension", fits)
            }
            (None, None) => {
                v.push(FieldError::new(
                    "extension",
                    "required",
                    "Give an extension, or a primary number to take it from.",
                ));
                None
            }
        };
        let package = match v.require("package_licence", input.package_licence) {
            Some(code) => {
                licence_of_kind(
                    &mut tx,
                    &mut v,
                    "package_licence",
                    &code,
                    LicenceKind::Package,
                )
                .await?
            }
            None => None,
        };
        let addons = addons_of(&mut tx, &mut v, &input.addon_licences.unwrap_or_default()).await?;
        let device = match v.require("device_type", input.device_type) {
            Some(code) => device_of(&mut tx, &mut v, &code).await?,
            None => None,
        };
        if let Some(device) = &device {
            check_device_needs(&mut v, device.kind, &mobile_number, &contract_number);
        }
        let department = match input.department_id {
            Some(id) => {
                let dep: Result<Department, _> = unit_of(
                    &mut tx,
                    UnitTable::Departments,
                    enterprise_id,
                    &id,
                    "department_id",
                    "department",
                )
                .await?;
                v.check("department_id", dep).map(|d| d.id)
            }
            None => None,
        };
        let team_ids = teams_of(
            &mut tx,
            &mut v,
            enterprise_id,
            &input.team_ids.unwrap_or_default(),
        )
        .await?;
        v.finish()?;

        let now = self.0.now();
        let package = package.expect("checked");
        let user = User {
            id: UserId::new(),
            enterprise_id,
            site_id: site.expect("checked").id,
            first_name: first_name.expect("checked"),
            last_name: last_name.expect("checked"),
            email: email.expect("checked"),
            login_name: login_name.expect("checked"),
            role: role.expect("checked"),
            state: UserState::Pending,
            state_reason: None,
            package_licence_id: package.id,
            addon_licence_ids: addons.iter().map(|l| l.id).collect(),
            device_type_id: device.expect("checked").id,
            primary_number,
            alternative_numbers: Vec::new(),
            extension: extension.expect("checked"),
            mobile_number,
            contract_number,
            department_id: department,
            team_ids,
            personal_contact,
            language: language.expect("checked"),
            intercept: None,
            version: 1,
            created_at: now,
            updated_at: now,
            activated_at: None,
            deactivated_at: None,
            picture_at: None,
        };
        if users::id_by_login(&mut tx, &user.login_name)
            .await?
            .is_some()
        {
            return Err(AppError::LoginTaken(user.login_name.to_string()));
        }
        if users::id_by_extension(&mut tx, enterprise_id, &user.extension)
            .await?
            .is_some()
            || groups::extension_taken(&mut tx, enterprise_id, user.extension.as_str()).await?
        {
            return Err(AppError::ExtensionTaken(user.extension.to_string()));
        }
        users::insert(&mut tx, &user)
            .await
            .map_err(|e| user_collision(e, &user))?;
        if let Some(number) = &user.primary_number {
            claim_number(
                &mut tx,
                &user,
                number,
                Usage::Primary,
                "primary_number",
                self.0,
            )
            .await?;
        }
        // Pool rows are always locked in id order, so two requests never deadlock.
        let mut wanted: Vec<&LicenceType> = std::iter::once(&package).chain(&addons).collect();
        wanted.sort_by_key(|l| l.id);
        for licence in wanted {
            claim_licence(&mut tx, enterprise_id, licence).await?;
        }
        let login = new_sip_login(&mut tx, &user, &enterprise, self.0).await?;
        self.0
            .accounts()
            .set_up_new_user(
                &mut tx,
                &user,
                password_hash,
                input.must_change_password.unwrap_or(true),
                two_step_required,
            )
            .await?;
        // T-2: a pending user can register and call out at once; activation comes later (L-1).
        enqueue_sync(&mut tx, self.0, &user).await?;
        enqueue_activation(&mut tx, self.0, &user).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(enterprise_id),
                action: "user.created",
                target_kind: "user",
                target_id: user.id.to_string(),
                before: None,
                after: snapshot(&user),
            },
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(UserWithLogin {
            user,
            sip_login: Some(login),
        })
    }

    /// Profile changes in any state; configuration (L-3/L-7) only while active. `if_match` is the
    /// version the client read (lost updates are refused).
    pub async fn update(
        &self,
        actor: &Actor,
        id: UserId,
        if_match: Option<i64>,
        changes: UserChanges,
    ) -> AppResult<UserWithLogin> {
        let mut tx = self.0.begin().await?;
        let updated = self
            .update_in(&mut tx, actor, id, if_match, changes)
            .await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(updated)
    }

    /// [`Users::update`] inside a transaction of the caller's (an import updates many users
    /// in its one transaction).
    pub(crate) async fn update_in(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        id: UserId,
        if_match: Option<i64>,
        changes: UserChanges,
    ) -> AppResult<UserWithLogin> {
        let before = self.in_reach_locked(tx, actor, id).await?;
        match if_match {
            None => return Err(AppError::PreconditionRequired),
            Some(version) if version != before.version => return Err(AppError::PreconditionFailed),
            Some(_) => {}
        }
        let enterprise = load_enterprise(&mut *tx, before.enterprise_id).await?;
        let mut v = Violations::new();
        let mut after = before.clone();

        // Profile.
        if let Some(s) = changes.first_name {
            after.first_name = v
                .check("first_name", FirstName::parse(&s))
                .unwrap_or(after.first_name);
        }
        if let Some(s) = changes.last_name {
            after.last_name = v
                .check("last_name", LastName::parse(&s))
                .unwrap_or(after.last_name);
        }
        if let Some(s) = changes.email
            && let Some(email) = v.check("email", Email::parse(&s))
        {
            // U-8: a login name that was the email follows it.
            if before.login_name == LoginName::from_email(&before.email) {
                after.login_name = LoginName::from_email(&email);
            }
            after.email = email;
        }
        if let Some(s) = changes.login_name {
            after.login_name = v
                .check("login_name", LoginName::parse(&s))
                .unwrap_or(after.login_name);
        }
        if let Some(s) = changes.role {
            after.role = parse_choice(&mut v, "role", &s, PortalRole::parse, PortalRole::choices())
                .unwrap_or(after.role);
            if after.role != before.role {
                check_role_grant(actor, after.role)?;
            }
        }
        if let Some(s) = changes.language {
            after.language =
                parse_choice(&mut v, "language", &s, Language::parse, Language::choices())
                    .unwrap_or(after.language);
        }
        match changes.personal_contact {
            Patch::Keep => {}
            Patch::Clear => after.personal_contact = None,
            Patch::Set(s) => {
                after.personal_contact = v
                    .check("personal_contact", parse_personal_contact(&s))
                    .or(after.personal_contact)
            }
        }
        // K-1: while two-step sign-in by code is required, the code needs somewhere to go.
        if after.personal_contact != before.personal_contact
            && !after
                .personal_contact
                .as_deref()
                .is_some_and(crate::accounts::is_deliverable_contact)
            && crate::accounts::needs_contact_for_codes(&mut *tx, before.id).await?
        {
            v.push(FieldError::new(
                "personal_contact",
                "required",
                "Two-step sign-in is required for this user and sends its codes here: give an email address or a mobile number.",
            ));
        }
        match changes.department_id {
            Patch::Keep => {}
            Patch::Clear => after.department_id = None,
            Patch::Set(id) => {
                let dep: Result<Department, _> = unit_of(
                    &mut *tx,
                    UnitTable::Departments,
                    before.enterprise_id,
                    &id,
                    "department_id",
                    "department",
                )
                .await?;
                after.department_id = v
                    .check("department_id", dep)
                    .map(|d| d.id)
                    .or(after.department_id);
            }
        }
        if let Some(ids) = changes.team_ids {
            after.team_ids = teams_of(&mut *tx, &mut v, before.enterprise_id, &ids).await?;
        }

        // Configuration.
        if let Some(s) = changes.primary_number {
            after.primary_number = v
                .check("primary_number", E164Number::parse(&s))
                .or(after.primary_number);
            if let Some(number) = &after.primary_number
                && after.primary_number != before.primary_number
            {
                check_in_pool(
                    &mut *tx,
                    &mut v,
                    before.enterprise_id,
                    number,
                    "primary_number",
                )
                .await?;
            }
        }
        if let Some(s) = changes.extension {
            after.extension = v
                .check("extension", enterprise.extension_policy.parse(&s))
                .unwrap_or(after.extension);
        }
        let mut new_package = None;
        if let Some(code) = changes.package_licence
            && let Some(licence) = licence_of_kind(
                &mut *tx,
                &mut v,
                "package_licence",
                &code,
                LicenceKind::Package,
            )
            .await?
        {
            after.package_licence_id = licence.id;
            new_package = Some(licence);
        }
        let mut new_addons = None;
        if let Some(codes) = changes.addon_licences {
            let addons = addons_of(&mut *tx, &mut v, &codes).await?;
            after.addon_licence_ids = addons.iter().map(|l| l.id).collect();
            new_addons = Some(addons);
        }
        let mut device_kind = None;
        if let Some(code) = changes.device_type
            && let Some(device) = device_of(&mut *tx, &mut v, &code).await?
        {
            after.device_type_id = device.id;
            device_kind = Some(device.kind);
        }
        match changes.mobile_number {
            Patch::Keep => {}
            Patch::Clear => after.mobile_number = None,
            Patch::Set(s) => {
                after.mobile_number = v
                    .check("mobile_number", E164Number::parse(&s))
                    .or(after.mobile_number)
            }
        }
        match changes.contract_number {
            Patch::Keep => {}
            Patch::Clear => after.contract_number = None,
            Patch::Set(s) => {
                after.contract_number = v
                    .check("contract_number", ContractNumber::parse(&s))
                    .or(after.contract_number)
            }
        }
        let mut added_addons = after.addon_licence_ids.clone();
        added_addons.retain(|l| !before.addon_licence_ids.contains(l));
        let mut removed_addons = before.addon_licence_ids.clone();
        removed_addons.retain(|l| !after.addon_licence_ids.contains(l));
        let number_changed = after.primary_number != before.primary_number;
        let device_changed = after.device_type_id != before.device_type_id;
        let configuration_changed = number_changed
            || device_changed
            || after.extension != before.extension
            || after.package_licence_id != before.package_licence_id
            || !added_addons.is_empty()
            || !removed_addons.is_empty()
            || after.mobile_number != before.mobile_number
            || after.contract_number != before.contract_number;
        if configuration_changed && !before.state.allows_configuration_change() {
            return Err(not_active(
                before.state,
                "changing the number, extension, device, licences, mobile or contract number",
            ));
        }
        let kind = match device_kind {
            Some(kind) => kind,
            None => {
                let current = devices::find(&mut *tx, &after.device_type_id.to_string()).await?;
                current.map(|d| d.kind).unwrap_or(DeviceKind::DeskPhone)
            }
        };
        check_device_needs(&mut v, kind, &after.mobile_number, &after.contract_number);
        v.finish()?;

        if after.login_name != before.login_name
            && users::id_by_login(&mut *tx, &after.login_name)
                .await?
                .is_some()
        {
            return Err(AppError::LoginTaken(after.login_name.to_string()));
        }
        if after.extension != before.extension
            && (users::id_by_extension(&mut *tx, after.enterprise_id, &after.extension)
                .await?
                .is_some()
                || groups::extension_taken(&mut *tx, after.enterprise_id, after.extension.as_str())
                    .await?)
        {
            return Err(AppError::ExtensionTaken(after.extension.to_string()));
        }
        // G-6: an auto attendant dialling the old extension would reach no one (or, later,
        // whoever takes it).
        if after.extension != before.extension {
            crate::groups::refuse_if_attendant_destination(
                &mut *tx,
                before.enterprise_id,
                None,
                before.extension.as_str(),
                before.extension.as_str(),
            )
            .await?;
        }
        let now = self.0.now();
        after.version += 1;
        after.updated_at = now;
        if !users::update(&mut *tx, &after, before.version)
            .await
            .map_err(|e| user_collision(e, &after))?
        {
            return Err(AppError::PreconditionFailed);
        }
        if number_changed {
            // N-6: the old number is free again at once.
            if let Some(old) = &before.primary_number {
                numbers::release(&mut *tx, old, before.id).await?;
            }
            if let Some(new) = &after.primary_number {
                claim_number(
                    &mut *tx,
                    &after,
                    new,
                    Usage::Primary,
                    "primary_number",
                    self.0,
                )
                .await?;
            }
        }
        // Releases and claims in licence id order, so that pool rows are always locked in the
        // same order and two requests never deadlock.
        let mut releases: Vec<LicenceTypeId> = removed_addons.clone();
        let mut claims: Vec<&LicenceType> = new_addons
            .iter()
            .flatten()
            .filter(|l| added_addons.contains(&l.id))
            .collect();
        if let Some(package) = &new_package
            && package.id != before.package_licence_id
        {
            releases.push(before.package_licence_id);
            claims.push(package);
        }
        let mut steps: Vec<(LicenceTypeId, Option<&LicenceType>)> = releases
            .into_iter()
            .map(|id| (id, None))
            .chain(claims.into_iter().map(|l| (l.id, Some(l))))
            .collect();
        steps.sort_by_key(|(id, _)| *id);
        for (id, claim) in steps {
            match claim {
                Some(licence) => claim_licence(&mut *tx, after.enterprise_id, licence).await?,
                None => licences::release(&mut *tx, after.enterprise_id, id).await?,
            }
        }
        // L-7: a new desk phone gets new login details.
        let sip_login = if device_changed {
            Some(new_sip_login(&mut *tx, &after, &enterprise, self.0).await?)
        } else {
            None
        };
        if configuration_changed || sip_login.is_some() {
            enqueue_sync(&mut *tx, self.0, &after).await?;
        }
        // S-2: the lines shown on this phone ring it by its extension.
        if after.extension != before.extension {
            for line in switchboard_store::services::shared_lines(&mut *tx, after.id).await? {
                crate::jobs::enqueue_sync_of(
                    &mut *tx,
                    self.0,
                    line.line_user_id,
                    after.enterprise_id,
                )
                .await?;
            }
        }
        audit::record(
            &mut *tx,
            actor,
            now,
            Change {
                enterprise: Some(after.enterprise_id),
                action: "user.updated",
                target_kind: "user",
                target_id: after.id.to_string(),
                before: snapshot(&before),
                after: snapshot(&after),
            },
        )
        .await?;
        Ok(UserWithLogin {
            user: after,
            sip_login,
        })
    }

    /// L-4: deletes the user for good, frees their numbers and licences, revokes their
    /// credentials and tokens. L-3: administrators only delete active or deactivated users.
    pub async fn delete(&self, actor: &Actor, id: UserId) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let user = self.in_reach_locked(&mut tx, actor, id).await?;
        if !actor.is_operator() && !user.state.allows_deletion_by_admin() {
            return Err(not_active(user.state, "deleting it"));
        }
        self.refuse_if_intercept_destination(&mut tx, &user, "deleted")
            .await?;
        crate::groups::refuse_if_attendant_destination(
            &mut tx,
            user.enterprise_id,
            None,
            user.extension.as_str(),
            &format!(
                "{} {} ({})",
                user.first_name.as_str(),
                user.last_name.as_str(),
                user.extension
            ),
        )
        .await?;
        let enterprise = load_enterprise(&mut tx, user.enterprise_id).await?;
        let credentials = users::sip_credentials(&mut tx, user.id).await?;
        numbers::release_all(&mut tx, user.id).await?;
        let mut releases: Vec<LicenceTypeId> = std::iter::once(user.package_licence_id)
            .chain(user.addon_licence_ids.iter().copied())
            .collect();
        if !user.alternative_numbers.is_empty()
            && let Some(additional) =
                licences::find_type(&mut tx, LicenceCode::ADDITIONAL_NUMBER).await?
        {
            releases.extend(user.alternative_numbers.iter().map(|_| additional.id));
        }
        releases.sort();
        for licence in releases {
            licences::release(&mut tx, user.enterprise_id, licence).await?;
        }
        let now = self.0.now();
        // L-4: sessions, personal tokens and open links stop working with the user.
        crate::accounts::end_access(&mut tx, user.id, now).await?;
        switchboard_store::accounts::delete(&mut tx, &user.id.to_string()).await?;
        // L-4: the other members of each group the user leaves are told, in their inbox, in
        // the same transaction as the removal (the membership rows go with the user).
        let name = format!("{} {}", user.first_name.as_str(), user.last_name.as_str());
        for (kind, group, member) in groups::fellow_members(&mut tx, user.id).await? {
            crate::inbox::notify(
                &mut tx,
                user.enterprise_id,
                member,
                "inbox-group-member-deleted",
                serde_json::json!({ "name": name, "group": group, "kind": kind.as_str() }),
                now,
            )
            .await?;
        }
        // S-2/L-4: whoever had the user's line on their phone is told it is gone.
        for holder in switchboard_store::services::phones_showing(&mut tx, user.id).await? {
            crate::inbox::notify(
                &mut tx,
                user.enterprise_id,
                holder,
                "inbox-shared-line-removed",
                serde_json::json!({ "name": name, "extension": user.extension.to_string() }),
                now,
            )
            .await?;
        }
        // T-1: the groups they rang in, and the lines shown on their phone, stop ringing them
        // in the SIP server too.
        let left = groups::of_user(&mut tx, user.id).await?;
        let lines_shown = switchboard_store::services::shared_lines(&mut tx, user.id).await?;
        let user_id = user.id.to_string();
        let greeting_files = switchboard_store::greetings::files_of(
            &mut tx,
            switchboard_store::greetings::Owner::User(&user_id),
        )
        .await?;
        users::delete(&mut tx, user.id).await?;
        for group in &left {
            crate::groups::sync_if_reached(&mut tx, self.0, group).await?;
        }
        for line in lines_shown {
            crate::jobs::enqueue_sync_of(&mut tx, self.0, line.line_user_id, user.enterprise_id)
                .await?;
        }
        enqueue_removal(
            &mut tx,
            self.0,
            user.enterprise_id,
            &RemovedUser {
                user_id: user.id,
                sip_domain: enterprise.sip_domain,
                sip_username: credentials.map(|c| c.username),
            },
        )
        .await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(user.enterprise_id),
                action: "user.deleted",
                target_kind: "user",
                target_id: user.id.to_string(),
                before: snapshot(&user),
                after: None,
            },
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        crate::greetings::forget_files(self.0, greeting_files).await;
        Ok(())
    }

    /// A user who receives other users' intercepted calls cannot go away unnoticed (L-5).
    async fn refuse_if_intercept_destination(
        &self,
        tx: &mut Tx,
        user: &User,
        becoming: &str,
    ) -> AppResult<()> {
        let intercepting = users::intercepting_to(tx, user.id).await?;
        if intercepting.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = intercepting.iter().map(|id| id.to_string()).collect();
        Err(AppError::conflict(
            "intercept-destination",
            format!(
                "This user receives the intercepted calls of deactivated user(s) {}; give them another destination before this user is {becoming}.",
                ids.join(", ")
            ),
        ))
    }

    /// L-5: deactivates an active user; callers are intercepted to an active user or a
    /// call-centre queue of the same site.
    pub async fn deactivate(
        &self,
        actor: &Actor,
        id: UserId,
        input: Deactivation,
    ) -> AppResult<User> {
        let mut tx = self.0.begin().await?;
        // Lock the user and the destination in id order: the destination must stay active until
        // this commits, and two crossing deactivations must not deadlock.
        let destination_id = input
            .destination_user_id
            .as_deref()
            .and_then(|raw| raw.parse::<UserId>().ok())
            .filter(|d| *d != id);
        let mut to_lock: Vec<UserId> = std::iter::once(id).chain(destination_id).collect();
        to_lock.sort();
        for user in to_lock {
            users::lock(&mut tx, user).await?;
        }
        let before = self.in_reach(&mut tx, actor, id).await?;
        may_administer(actor, &before)?;
        let Ok(state) = before.state.deactivate() else {
            return Err(not_active(before.state, "deactivating it"));
        };
        let mut v = Violations::new();
        let action = v.require("action", input.action).and_then(|a| {
            parse_choice(
                &mut v,
                "action",
                &a,
                InterceptAction::parse,
                "announce_new_number, transfer_on_zero".into(),
            )
        });
        let destination = match (input.destination_user_id, input.destination_queue_id) {
            (Some(raw), None) => {
                let found = match raw.parse::<UserId>() {
                    Ok(dest_id) if dest_id != before.id => users::get(&mut tx, dest_id).await?,
                    _ => None,
                };
                match found {
                    Some(d)
                        if d.enterprise_id == before.enterprise_id
                            && d.site_id == before.site_id
                            && d.state.can_receive_calls() =>
                    {
                        Some(InterceptDestination::User(d.id))
                    }
                    _ => {
                        v.push(FieldError::new(
                            "destination_user_id",
                            "invalid-destination",
                            "The destination must be another active user of the same site.",
                        ));
                        None
                    }
                }
            }
            (None, Some(raw)) => {
                let found = match raw.parse::<GroupId>() {
                    Ok(queue) => groups::get(&mut tx, queue).await?,
                    Err(_) => None,
                };
                match found {
                    Some(g)
                        if g.enterprise_id == before.enterprise_id
                            && g.site_id == before.site_id
                            && g.kind == GroupKind::CallCentre =>
                    {
                        Some(InterceptDestination::Queue(g.id))
                    }
                    _ => {
                        v.push(FieldError::new(
                            "destination_queue_id",
                            "invalid-destination-queue",
                            "The destination queue must be a call centre of the same site.",
                        ));
                        None
                    }
                }
            }
            (Some(_), Some(_)) => {
                v.push(FieldError::new(
                    "destination_queue_id",
                    "one-destination",
                    "Choose one destination: a user or a call-centre queue, not both.",
                ));
                None
            }
            (None, None) => {
                v.push(FieldError::new(
                    "destination_user_id",
                    "required",
                    "Choose where the callers go: an active user or a call-centre queue of the same site.",
                ));
                None
            }
        };
        v.finish()?;
        self.refuse_if_intercept_destination(&mut tx, &before, "deactivated")
            .await?;
        let now = self.0.now();
        let mut after = before.clone();
        after.state = state;
        after.intercept = Some(Intercept {
            action: action.expect("checked"),
            destination: destination.expect("checked"),
        });
        after.deactivated_at = Some(now);
        // L-5: a deactivated user is signed out everywhere and their personal tokens end.
        crate::accounts::end_access(&mut tx, before.id, now).await?;
        self.save_transition(tx, actor, &before, after, "user.deactivated")
            .await
    }

    /// L-6: back to active, intercept cleared.
    pub async fn reactivate(&self, actor: &Actor, id: UserId) -> AppResult<User> {
        let mut tx = self.0.begin().await?;
        let before = self.in_reach_locked(&mut tx, actor, id).await?;
        let Ok(state) = before.state.reactivate() else {
            return Err(AppError::conflict(
                "invalid-state",
                format!(
                    "Only a deactivated user can be reactivated; this one is {}.",
                    before.state
                ),
            ));
        };
        let mut after = before.clone();
        after.state = state;
        after.intercept = None;
        after.deactivated_at = None;
        self.save_transition(tx, actor, &before, after, "user.reactivated")
            .await
    }

    /// L-1: an operator sends a failed user back to pending and activation runs again.
    pub async fn retry_activation(&self, actor: &Actor, id: UserId) -> AppResult<User> {
        let mut tx = self.0.begin().await?;
        let before = self.in_reach_locked(&mut tx, actor, id).await?;
        actor.require_operator("retry an activation")?;
        let Ok(state) = before.state.retry_activation() else {
            return Err(AppError::conflict(
                "invalid-state",
                format!(
                    "Only a failed activation can be retried; this user is {}.",
                    before.state
                ),
            ));
        };
        let mut after = before.clone();
        after.state = state;
        after.state_reason = None;
        enqueue_activation(&mut tx, self.0, &after).await?;
        self.save_transition(tx, actor, &before, after, "user.activation_retried")
            .await
    }

    async fn save_transition(
        &self,
        mut tx: Tx,
        actor: &Actor,
        before: &User,
        mut after: User,
        action: &str,
    ) -> AppResult<User> {
        let now = self.0.now();
        after.version += 1;
        after.updated_at = now;
        if !users::update(&mut tx, &after, before.version).await? {
            return Err(AppError::PreconditionFailed);
        }
        enqueue_sync(&mut tx, self.0, &after).await?;
        audit::record(
            &mut tx,
            actor,
            now,
            Change {
                enterprise: Some(after.enterprise_id),
                action,
                target_kind: "user",
                target_id: after.id.to_string(),
                before: snapshot(before),
                after: snapshot(&after),
            },
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(after)
    }

    /// U-4/L-7: new desk-phone login details, shown once. The old password stops working.
    pub async fn renew_sip_credentials(
        &self,
        actor: &Actor,
        id: UserId,
    ) -> AppResult<UserWithLogin> {
        let mut tx = self.0.begin().await?;
        let before = self.in_reach_locked(&mut tx, actor, id).await?;
        let enterprise = load_enterprise(&mut tx, before.enterprise_id).await?;
        let login = new_sip_login(&mut tx, &before, &enterprise, self.0).await?;
        let mut user = before.clone();
        user.version += 1;
        user.updated_at = self.0.now();
        if !users::update(&mut tx, &user, before.version).await? {
            return Err(AppError::PreconditionFailed);
        }
        enqueue_sync(&mut tx, self.0, &user).await?;
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: Some(user.enterprise_id),
                action: "user.sip_credentials_renewed",
                target_kind: "user",
                target_id: user.id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "sip_username": login.username })),
            },
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(UserWithLogin {
            user,
            sip_login: Some(login),
        })
    }

    /// N-5: adds an alternative number; consumes one additional-number add-on licence.
    pub async fn add_alternative_number(
        &self,
        actor: &Actor,
        id: UserId,
        number: Option<String>,
    ) -> AppResult<User> {
        let mut tx = self.0.begin().await?;
        let before = self.in_reach_locked(&mut tx, actor, id).await?;
        let mut v = Violations::new();
        let number = v
            .require("number", number)
            .and_then(|n| v.check("number", E164Number::parse(&n)));
        v.finish()?;
        let number = number.expect("checked");
        if !before.state.allows_configuration_change() {
            return Err(not_active(before.state, "adding an alternative number"));
        }
        if before.alternative_numbers.len() >= MAX_ALTERNATIVE_NUMBERS {
            return Err(AppError::conflict(
                "too-many-numbers",
                format!("A user holds at most {MAX_ALTERNATIVE_NUMBERS} alternative numbers."),
            ));
        }
        let additional = licences::find_type(&mut tx, LicenceCode::ADDITIONAL_NUMBER)
            .await?
            .ok_or_else(|| AppError::LicenceExhausted {
                licence: LicenceCode::ADDITIONAL_NUMBER.into(),
            })?;
        claim_number(
            &mut tx,
            &before,
            &number,
            Usage::Alternative,
            "number",
            self.0,
        )
        .await?;
        claim_licence(&mut tx, before.enterprise_id, &additional).await?;
        let mut after = before.clone();
        after.alternative_numbers.push(number);
        after.alternative_numbers.sort();
        self.save_transition(tx, actor, &before, after, "user.alternative_number_added")
            .await
    }

    /// N-5/N-6: removes an alternative number; it and its licence are free again at once.
    pub async fn remove_alternative_number(
        &self,
        actor: &Actor,
        id: UserId,
        number: &str,
    ) -> AppResult<User> {
        let mut tx = self.0.begin().await?;
        let before = self.in_reach_locked(&mut tx, actor, id).await?;
        let number = E164Number::parse(number).map_err(|e| AppError::Validation(vec![e]))?;
        if !before.alternative_numbers.contains(&number) {
            return Err(AppError::NotFound("alternative number"));
        }
        if !before.state.allows_configuration_change() {
            return Err(not_active(before.state, "removing an alternative number"));
        }
        numbers::release(&mut tx, &number, before.id).await?;
        if let Some(additional) =
            licences::find_type(&mut tx, LicenceCode::ADDITIONAL_NUMBER).await?
        {
            licences::release(&mut tx, before.enterprise_id, additional.id).await?;
        }
        let mut after = before.clone();
        after.alternative_numbers.retain(|n| *n != number);
        self.save_transition(tx, actor, &before, after, "user.alternative_number_removed")
            .await
    }

    /// U-7: a new-user form prefilled from an existing user; nothing is written.
    pub async fn duplicate(&self, actor: &Actor, id: UserId) -> AppResult<UserDraft> {
        let mut conn = self.0.db().read().await?;
        let user = self.in_reach(&mut conn, actor, id).await?;
        actor.require_admin("duplicate users")?;
        let catalogue = licences::list_types(&mut conn).await?;
        let code_of = |id: LicenceTypeId| {
            catalogue
                .iter()
                .find(|l| l.id == id)
                .map(|l| l.code.to_string())
                .unwrap_or_default()
        };
        let device = devices::find(&mut conn, &user.device_type_id.to_string()).await?;
        Ok(UserDraft {
            site_id: user.site_id,
            role: user.role,
            package_licence: code_of(user.package_licence_id),
            addon_licences: user
                .addon_licence_ids
                .iter()
                .map(|id| code_of(*id))
                .collect(),
            device_type: device.map(|d| d.code).unwrap_or_default(),
            department_id: user.department_id,
            team_ids: user.team_ids.clone(),
            language: user.language,
        })
    }

    /// U-6: a page of the users the actor may see, filtered, searched and sorted (P-1: keyset).
    pub async fn list(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        p: UserListParams,
    ) -> AppResult<UserPage> {
        actor.require_staff(enterprise, "list users")?;
        let mut v = Violations::new();
        let uuid_of =
            |v: &mut Violations, field: &str, raw: Option<String>| -> Option<uuid::Uuid> {
                raw.and_then(|raw| {
                    let parsed = uuid::Uuid::parse_str(&raw).ok();
                    if parsed.is_none() {
                        v.push(FieldError::new(
                            field,
                            "invalid-id",
                            format!("'{raw}' is not an id."),
                        ));
                    }
                    parsed
                })
            };
        let state = p.state.and_then(|s| {
            parse_choice(
                &mut v,
                "state",
                &s,
                UserState::parse,
                "pending, active, failed, deactivated".into(),
            )
        });
        let role = p.role.and_then(|s| {
            parse_choice(&mut v, "role", &s, PortalRole::parse, PortalRole::choices())
        });
        let site = uuid_of(&mut v, "site_id", p.site_id).map(SiteId);
        let department = uuid_of(&mut v, "department_id", p.department_id).map(DepartmentId);
        let team = uuid_of(&mut v, "team_id", p.team_id).map(TeamId);
        let group = uuid_of(&mut v, "group_id", p.group_id).map(GroupId);
        let campaign = uuid_of(&mut v, "campaign_id", p.campaign_id).map(CampaignId);
        let (sort_name, descending) = match p.sort.as_deref() {
            None => ("name", false),
            Some(s) => match s.strip_prefix('-') {
                Some(rest) => (rest, true),
                None => (s, false),
            },
        };
        let sort = match sort_name {
            "name" => Some(SortKey::Name),
            "email" => Some(SortKey::Email),
            "extension" => Some(SortKey::Extension),
            "created" => Some(SortKey::Created),
            other => {
                v.push(FieldError::new("sort", "invalid-choice", format!("'{other}' is not one of: name, email, extension, created (prefix - for descending).")));
                None
            }
        };
        let sort_label = p.sort.clone().unwrap_or_else(|| "name".into());
        let after = match &p.cursor {
            Some(c) => {
                let decoded = decode_cursor(c, &sort_label);
                if decoded.is_none() {
                    v.push(FieldError::new(
                        "cursor",
                        "invalid-cursor",
                        "This cursor is not from a page of this list and sort order.",
                    ));
                }
                decoded
            }
            None => None,
        };
        let limit = p.limit.unwrap_or(50);
        if !(1..=500).contains(&limit) {
            v.push(FieldError::new(
                "limit",
                "out-of-range",
                "The page size is 1 to 500.",
            ));
        }
        let search = match p.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()) {
            None => None,
            Some(q) if q.chars().count() > 100 => {
                v.push(FieldError::new(
                    "q",
                    "too-long",
                    "A search has at most 100 characters.",
                ));
                None
            }
            Some(q) => match p.match_mode.as_deref() {
                _ if q.bytes().all(|b| b.is_ascii_digit()) => Some(Search::ExtensionPrefix(q)),
                Some("prefix") if q.contains('@') => Some(Search::EmailPrefix(q)),
                Some("prefix") => Some(Search::NamePrefix(q)),
                Some("contains") | None if q.chars().count() >= 3 => Some(Search::Contains(q)),
                Some("contains") => {
                    v.push(FieldError::new(
                        "q",
                        "too-short",
                        "A 'contains' search needs at least 3 characters.",
                    ));
                    None
                }
                None => Some(Search::NamePrefix(q)),
                Some(other) => {
                    v.push(FieldError::new(
                        "match",
                        "invalid-choice",
                        format!("'{other}' is not one of: prefix, contains."),
                    ));
                    None
                }
            },
        };
        let mut conn = self.0.db().read().await?;
        let licence = match p.licence {
            Some(code) => {
                let found = licences::find_type(&mut conn, &code).await?;
                if found.is_none() {
                    v.push(FieldError::new(
                        "licence",
                        "unknown-reference",
                        format!("There is no licence type '{code}'."),
                    ));
                }
                found.map(|l| l.id)
            }
            None => None,
        };
        let device_type = match p.device_type {
            Some(code) => device_of(&mut conn, &mut v, &code).await?.map(|d| d.id),
            None => None,
        };
        v.finish()?;
        load_enterprise(&mut conn, enterprise).await?;
        let sort = sort.expect("checked");
        let query = ListQuery {
            enterprise_id: enterprise,
            within_sites: actor.site_limit(),
            state,
            site,
            role,
            licence,
            device_type,
            department,
            team,
            group,
            campaign,
            search,
            sort,
            descending,
            after,
            limit: limit + 1,
        };
        let mut users = users::list(&mut conn, self.0.db().backend(), &query).await?;
        let next_cursor = if users.len() as i64 > limit {
            users.truncate(limit as usize);
            users
                .last()
                .map(|u| encode_cursor(&sort_label, &sort.value_of(u), &u.id.to_string()))
        } else {
            None
        };
        Ok(UserPage { users, next_cursor })
    }
}
