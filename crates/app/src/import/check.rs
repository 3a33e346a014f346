//! Checking an import (B-1): each row against the rules a single create follows (U-1…U-5,
//! N-2, N-4), then the rows against each other and against the database, so that every
//! problem is known before anything is written.

use std::collections::{HashMap, HashSet};

use switchboard_domain::{
    ContractNumber, DepartmentId, DeviceKind, E164Number, Email, EnterpriseId, FieldError,
    FirstName, Language, LastName, LicenceCode, LicenceKind, LicenceTypeId, LoginName, PortalRole,
    SiteId, TeamId, Timestamp, UserId, UserState,
};
use switchboard_store::Conn;
use switchboard_store::devices::{self, DeviceType};
use switchboard_store::enterprises::Enterprise;
use switchboard_store::licences::{self, LicenceType};
use switchboard_store::org::{self, UnitTable};
use switchboard_store::users::{self, User};

use super::sheet::{Column, Problem, SheetRow};
use crate::actor::Actor;
use crate::error::AppResult;

/// A name or id of the enterprise's sites, departments or teams, found case-insensitively.
struct Names<Id> {
    by_key: HashMap<String, (Id, String)>,
}

impl<Id: Copy + std::fmt::Display> Names<Id> {
    fn new(units: impl IntoIterator<Item = (Id, String)>) -> Self {
        let mut by_key = HashMap::new();
        for (id, name) in units {
            by_key.insert(id.to_string(), (id, name.clone()));
            by_key.insert(name.trim().to_lowercase(), (id, name));
        }
        Self { by_key }
    }

    fn find(&self, key: &str) -> Option<Id> {
        self.by_key
            .get(&key.trim().to_lowercase())
            .map(|(id, _)| *id)
    }

    fn name_of(&self, id: Id) -> String {
        self.by_key
            .get(&id.to_string())
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    }
}

/// What rows are checked against: the enterprise and its catalogue, read once.
pub(super) struct Reference {
    pub enterprise: Enterprise,
    sites: Names<SiteId>,
    departments: Names<DepartmentId>,
    teams: Names<TeamId>,
    pub licences: Vec<LicenceType>,
    pub devices: Vec<DeviceType>,
    /// N-2: purchased − assigned per licence type.
    pub free: HashMap<LicenceTypeId, i64>,
    /// Whether a site administrator acts: they cannot make enterprise administrators.
    site_limited: bool,
    pub now: Timestamp,
}

impl Reference {
    /// only the sites in the actor's reach can be named.
    pub async fn load(
        conn: &mut Conn,
        actor: &Actor,
        enterprise: Enterprise,
        now: Timestamp,
    ) -> AppResult<Self> {
        let sites: Vec<org::Site> = org::list(conn, UnitTable::Sites, enterprise.id).await?;
        let departments: Vec<org::Department> =
            org::list(conn, UnitTable::Departments, enterprise.id).await?;
        let teams: Vec<org::Team> = org::list(conn, UnitTable::Teams, enterprise.id).await?;
        let free = licences::pools(conn, enterprise.id)
            .await?
            .into_iter()
            .map(|p| (p.licence.id, p.purchased - p.assigned))
            .collect();
        Ok(Self {
            sites: Names::new(
                sites
                    .into_iter()
                    .filter(|s| actor.can_reach_site(enterprise.id, s.id, "site").is_ok())
                    .map(|s| (s.id, s.name)),
            ),
            departments: Names::new(departments.into_iter().map(|d| (d.id, d.name))),
            teams: Names::new(teams.into_iter().map(|t| (t.id, t.name))),
            licences: licences::list_types(conn).await?,
            devices: devices::list(conn).await?,
            free,
            site_limited: actor.site_limit().is_some(),
            enterprise,
            now,
        })
    }

    fn licence(&self, key: &str) -> Option<&LicenceType> {
        let key = key.trim();
        self.licences
            .iter()
            .find(|l| l.code.as_str().eq_ignore_ascii_case(key) || l.id.to_string() == key)
    }

    fn device(&self, key: &str) -> Option<&DeviceType> {
        let key = key.trim();
        self.devices
            .iter()
            .find(|d| d.code.eq_ignore_ascii_case(key) || d.id.to_string() == key)
    }

    pub fn licence_code(&self, id: LicenceTypeId) -> String {
        self.licences
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.code.to_string())
            .unwrap_or_default()
    }

    /// The cells an export writes for a user: the same spelling an import reads.
    pub fn cells_of(&self, user: &User) -> Vec<String> {
        let codes = |ids: &[LicenceTypeId]| {
            let mut codes: Vec<String> = ids.iter().map(|id| self.licence_code(*id)).collect();
            codes.sort();
            codes.join("|")
        };
        let mut teams: Vec<String> = user
            .team_ids
            .iter()
            .map(|t| self.teams.name_of(*t))
            .collect();
        teams.sort();
        Column::ALL
            .iter()
            .map(|column| match column {
                Column::Site => self.sites.name_of(user.site_id),
                Column::FirstName => user.first_name.as_str().to_owned(),
                Column::LastName => user.last_name.as_str().to_owned(),
                Column::Email => user.email.as_str().to_owned(),
                Column::LoginName => user.login_name.as_str().to_owned(),
                Column::Role => user.role.as_str().to_owned(),
                Column::PackageLicence => self.licence_code(user.package_licence_id),
                Column::AddonLicences => codes(&user.addon_licence_ids),
                Column::PrimaryNumber => user
                    .primary_number
                    .as_ref()
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                Column::Extension => user.extension.as_str().to_owned(),
                Column::DeviceType => self
                    .devices
                    .iter()
                    .find(|d| d.id == user.device_type_id)
                    .map(|d| d.code.clone())
                    .unwrap_or_default(),
                Column::MobileNumber => user
                    .mobile_number
                    .as_ref()
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                Column::ContractNumber => user
                    .contract_number
                    .as_ref()
                    .map(|n| n.as_str().to_owned())
                    .unwrap_or_default(),
                Column::Department => user
                    .department_id
                    .map(|d| self.departments.name_of(d))
                    .unwrap_or_default(),
                Column::Teams => teams.join("|"),
                Column::PersonalContact => user.personal_contact.clone().unwrap_or_default(),
                Column::Language => user.language.as_str().to_owned(),
                // An existing user's portal access is not the sheet's business.
                Column::PasswordMode => String::new(),
            })
            .collect()
    }

    /// A site in reach, for the template's example row.
    pub fn some_site_name(&self) -> Option<String> {
        let mut names: Vec<&String> = self.sites.by_key.values().map(|(_, name)| name).collect();
        names.sort();
        names.first().map(|n| n.to_string())
    }

    /// Whether the site is one an export of this actor lists.
    pub fn reaches(&self, site: SiteId) -> bool {
        self.sites.by_key.contains_key(&site.to_string())
    }
}

/// A row that passed its own checks: the user it makes, and whether they are invited now.
#[derive(Debug)]
pub(super) struct Draft {
    pub row: u64,
    pub user: User,
    pub invite: bool,
}

/// Checks one row on its own and builds its user, or says everything that is wrong with it.
pub(super) fn draft(row: &SheetRow, r: &Reference) -> Result<Draft, Vec<Problem>> {
    let mut problems = Vec::new();
    let line = row.row;
    let mut field = |column: Column, e: FieldError| {
        let problem = Problem::at(line, column, e.code, e.message);
        problems.push(match row.get(column) {
            Some(cell) => problem.with("value", cell),
            None => problem,
        });
    };
    let required = |column: Column, problems: &mut Vec<Problem>| {
        let value = row.get(column);
        if value.is_none() && !row.refused(column) {
            problems.push(Problem::at(
                line,
                column,
                "required",
                "This column is required; the cell is empty.",
            ));
        }
        value
    };
    let mut missing = Vec::new();
    let site_cell = required(Column::Site, &mut missing);
    let first_cell = required(Column::FirstName, &mut missing);
    let last_cell = required(Column::LastName, &mut missing);
    let email_cell = required(Column::Email, &mut missing);
    let package_cell = required(Column::PackageLicence, &mut missing);
    let device_cell = required(Column::DeviceType, &mut missing);

    let site = site_cell.and_then(|s| {
        let found = r.sites.find(s);
        if found.is_none() {
            field(
                Column::Site,
                FieldError::new(
                    "site",
                    "unknown-reference",
                    format!("There is no site '{s}' in your reach."),
                ),
            );
        }
        found
    });
    let first_name = first_cell.and_then(|s| {
        FirstName::parse(s)
            .map_err(|e| field(Column::FirstName, e))
            .ok()
    });
    let last_name = last_cell.and_then(|s| {
        LastName::parse(s)
            .map_err(|e| field(Column::LastName, e))
            .ok()
    });
    let email = email_cell.and_then(|s| Email::parse(s).map_err(|e| field(Column::Email, e)).ok());
    let login_name = match row.get(Column::LoginName) {
        Some(login) => LoginName::parse(login)
            .map_err(|e| field(Column::LoginName, e))
            .ok(),
        None => email.as_ref().map(LoginName::from_email),
    };
    let role = match row.get(Column::Role) {
        None => Some(PortalRole::User),
        Some(s) => match PortalRole::parse(&s.to_lowercase()) {
            Some(PortalRole::EnterpriseAdmin) if r.site_limited => {
                field(
                    Column::Role,
                    FieldError::new(
                        "role",
                        "forbidden",
                        "Site administrators cannot make enterprise administrators.",
                    ),
                );
                None
            }
            Some(role) => Some(role),
            None => {
                field(
                    Column::Role,
                    FieldError::new(
                        "role",
                        "invalid-choice",
                        format!("'{s}' is not one of: {}.", PortalRole::choices()),
                    ),
                );
                None
            }
        },
    };
    let language = match row.get(Column::Language) {
        None => Some(Language::English),
        Some(s) => {
            let parsed = Language::parse(&s.to_lowercase());
            if parsed.is_none() {
                field(
                    Column::Language,
                    FieldError::new(
                        "language",
                        "invalid-choice",
                        format!("'{s}' is not one of: {}.", Language::choices()),
                    ),
                );
            }
            parsed
        }
    };
    let package = package_cell.and_then(|code| match r.licence(code) {
        Some(l) if l.kind == LicenceKind::Package => Some(l.id),
        Some(l) => {
            field(
                Column::PackageLicence,
                FieldError::new(
                    "package_licence",
                    "wrong-licence-kind",
                    format!("'{}' is not a package licence.", l.code),
                ),
            );
            None
        }
        None => {
            field(
                Column::PackageLicence,
                FieldError::new(
                    "package_licence",
                    "unknown-reference",
                    format!("There is no licence type '{code}'."),
                ),
            );
            None
        }
    });
    let mut addons: Vec<LicenceTypeId> = Vec::new();
    for code in row.list(Column::AddonLicences) {
        match r.licence(&code) {
            Some(l) if l.kind != LicenceKind::Addon => field(
                Column::AddonLicences,
                FieldError::new(
                    "addon_licences",
                    "wrong-licence-kind",
                    format!("'{}' is not an add-on licence.", l.code),
                ),
            ),
            Some(l) if l.code.as_str() == LicenceCode::ADDITIONAL_NUMBER => field(
                Column::AddonLicences,
                FieldError::new(
                    "addon_licences",
                    "managed-licence",
                    "The additional-number add-on comes with each alternative number (N-5), not from a sheet.",
                ),
            ),
            Some(l) if addons.contains(&l.id) => field(
                Column::AddonLicences,
                FieldError::new(
                    "addon_licences",
                    "duplicate",
                    format!("'{code}' is listed twice."),
                ),
            ),
            Some(l) => addons.push(l.id),
            None => field(
                Column::AddonLicences,
                FieldError::new(
                    "addon_licences",
                    "unknown-reference",
                    format!("There is no licence type '{code}'."),
                ),
            ),
        }
    }
    addons.sort();
    let primary_number = row.get(Column::PrimaryNumber).and_then(|n| {
        E164Number::parse(n)
            .map_err(|e| field(Column::PrimaryNumber, e))
            .ok()
    });
    let policy = &r.enterprise.extension_policy;
    let extension = match (row.get(Column::Extension), &primary_number) {
        (Some(ext), _) => policy
            .parse(ext)
            .map_err(|e| field(Column::Extension, e))
            .ok(),
        (None, Some(number)) => {
            let default = policy.default_for(number);
            policy
                .parse(default.as_str())
                .map_err(|_| {
                    field(Column::Extension, FieldError::new("extension", "required", format!(
                        "The default extension {default} (from the number) does not fit this enterprise's {} to {} digits; give an extension.",
                        policy.min_len, policy.max_len
                    )))
                })
                .ok()
        }
        (None, None) if row.get(Column::PrimaryNumber).is_none() => {
            field(
                Column::Extension,
                FieldError::new(
                    "extension",
                    "required",
                    "Give an extension, or a primary number to take it from.",
                ),
            );
            None
        }
        (None, None) => None,
    };
    let device = device_cell.and_then(|code| {
        let found = r.device(code);
        if found.is_none() {
            field(
                Column::DeviceType,
                FieldError::new(
                    "device_type",
                    "unknown-reference",
                    format!("There is no device type '{code}'."),
                ),
            );
        }
        found
    });
    let mobile_number = row.get(Column::MobileNumber).and_then(|n| {
        E164Number::parse(n)
            .map_err(|e| field(Column::MobileNumber, e))
            .ok()
    });
    let contract_number = row.get(Column::ContractNumber).and_then(|n| {
        ContractNumber::parse(n)
            .map_err(|e| field(Column::ContractNumber, e))
            .ok()
    });
    if device.is_some_and(|d| d.kind == DeviceKind::None) {
        if row.get(Column::MobileNumber).is_none() {
            field(
                Column::MobileNumber,
                FieldError::new(
                    "mobile_number",
                    "required",
                    "A user with no desk phone needs a mobile number.",
                ),
            );
        }
        if row.get(Column::ContractNumber).is_none() {
            field(
                Column::ContractNumber,
                FieldError::new(
                    "contract_number",
                    "required",
                    "A user with no desk phone needs a contract number.",
                ),
            );
        }
    }
    let department = row.get(Column::Department).and_then(|d| {
        let found = r.departments.find(d);
        if found.is_none() {
            field(
                Column::Department,
                FieldError::new(
                    "department",
                    "unknown-reference",
                    format!("There is no department '{d}'; create it first (G-4)."),
                ),
            );
        }
        found
    });
    let mut team_ids = Vec::new();
    for team in row.list(Column::Teams) {
        match r.teams.find(&team) {
            Some(id) if !team_ids.contains(&id) => team_ids.push(id),
            Some(_) => {}
            None => field(
                Column::Teams,
                FieldError::new(
                    "teams",
                    "unknown-reference",
                    format!("There is no team '{team}'."),
                ),
            ),
        }
    }
    team_ids.sort();
    let personal_contact = row.get(Column::PersonalContact).and_then(|c| {
        if c.chars().count() > 254 || c.chars().any(char::is_control) {
            field(
                Column::PersonalContact,
                FieldError::new(
                    "personal_contact",
                    "invalid-contact",
                    "A personal contact has 1 to 254 characters.",
                ),
            );
            None
        } else {
            Some(c.to_owned())
        }
    });
    let invite = match row
        .get(Column::PasswordMode)
        .map(str::to_lowercase)
        .as_deref()
    {
        None | Some("invitation") => true,
        Some("later") => false,
        Some(other) => {
            field(
                Column::PasswordMode,
                FieldError::new(
                    "password_mode",
                    "invalid-choice",
                    format!(
                        "'{other}' is not one of: invitation, later. Passwords are never imported: each person chooses their own through the invitation (U-5)."
                    ),
                ),
            );
            true
        }
    };
    problems.extend(missing);
    problems.sort_by_key(|p| {
        Column::ALL
            .iter()
            .position(|c| Some(c.header()) == p.column.as_deref())
    });
    // A cell refused as it was read is reported already; its row makes no user either.
    let (
        true,
        Some(site),
        Some(first_name),
        Some(last_name),
        Some(email),
        Some(login_name),
        Some(role),
        Some(package),
        Some(device),
        Some(extension),
        Some(language),
    ) = (
        problems.is_empty() && !row.refused_any(),
        site,
        first_name,
        last_name,
        email,
        login_name,
        role,
        package,
        device,
        extension,
        language,
    )
    else {
        return Err(problems);
    };
    let now = r.now;
    Ok(Draft {
        row: line,
        invite,
        user: User {
            id: UserId::new(),
            enterprise_id: r.enterprise.id,
            site_id: site,
            first_name,
            last_name,
            email,
            login_name,
            role,
            state: UserState::Pending,
            state_reason: None,
            package_licence_id: package,
            addon_licence_ids: addons,
            device_type_id: device.id,
            primary_number,
            alternative_numbers: Vec::new(),
            extension,
            mobile_number,
            contract_number,
            department_id: department,
            team_ids,
            personal_contact,
            language,
            intercept: None,
            version: 1,
            created_at: now,
            updated_at: now,
            activated_at: None,
            deactivated_at: None,
            picture_at: None,
        },
    })
}

/// Whether a row says nothing new about an existing user (an export imported back unchanged).
fn same_as(draft: &User, existing: &User) -> bool {
    let sorted = |v: &[LicenceTypeId]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    let sorted_teams = |v: &[TeamId]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    draft.site_id == existing.site_id
        && draft.first_name == existing.first_name
        && draft.last_name == existing.last_name
        && draft
            .email
            .as_str()
            .eq_ignore_ascii_case(existing.email.as_str())
        && draft.role == existing.role
        && draft.package_licence_id == existing.package_licence_id
        && sorted(&draft.addon_licence_ids) == sorted(&existing.addon_licence_ids)
        && draft.primary_number == existing.primary_number
        && draft.extension == existing.extension
        && draft.device_type_id == existing.device_type_id
        && draft.mobile_number == existing.mobile_number
        && draft.contract_number == existing.contract_number
        && draft.department_id == existing.department_id
        && sorted_teams(&draft.team_ids) == sorted_teams(&existing.team_ids)
        && draft.personal_contact == existing.personal_contact
        && draft.language == existing.language
}

/// A row that changes an existing user: the user as checked, and as the row has them.
#[derive(Debug)]
pub(super) struct Update {
    pub row: u64,
    pub before: User,
    pub after: User,
}

/// L-3/L-7: whether the row changes what only an active user's configuration may change.
fn changes_configuration(b: &User, a: &User) -> bool {
    let sorted = |v: &[LicenceTypeId]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    a.primary_number != b.primary_number
        || a.extension != b.extension
        || a.package_licence_id != b.package_licence_id
        || sorted(&a.addon_licence_ids) != sorted(&b.addon_licence_ids)
        || a.mobile_number != b.mobile_number
        || a.contract_number != b.contract_number
}

/// What the rows are, after checking them against each other and the database.
pub(super) struct Checked {
    pub create: Vec<Draft>,
    pub update: Vec<Update>,
    pub unchanged: u64,
}

/// U-1, U-2, N-4: the rows against each other (every later duplicate names the earlier row),
/// then against the database in batches; N-2: the licences the whole file needs.
pub(super) async fn against_each_other_and_the_database(
    conn: &mut Conn,
    r: &Reference,
    drafts: Vec<Draft>,
    problems: &mut Vec<Problem>,
) -> AppResult<Checked> {
    let enterprise: EnterpriseId = r.enterprise.id;
    let mut first_login: HashMap<String, u64> = HashMap::new();
    let mut first_extension: HashMap<String, u64> = HashMap::new();
    let mut first_number: HashMap<String, u64> = HashMap::new();
    for d in &drafts {
        let u = &d.user;
        if let Some(earlier) = first_login.insert(u.login_name.as_str().to_owned(), d.row) {
            first_login.insert(u.login_name.as_str().to_owned(), earlier);
            problems.push(
                Problem::at(
                    d.row,
                    login_column(u),
                    "duplicate-in-file",
                    format!(
                        "Login name {} is also in row {earlier}.",
                        u.login_name.as_str()
                    ),
                )
                .with("value", u.login_name.as_str())
                .with("earlier", earlier),
            );
        }
        if let Some(earlier) = first_extension.insert(u.extension.as_str().to_owned(), d.row) {
            first_extension.insert(u.extension.as_str().to_owned(), earlier);
            problems.push(
                Problem::at(
                    d.row,
                    Column::Extension,
                    "duplicate-in-file",
                    format!(
                        "Extension {} is also in row {earlier}.",
                        u.extension.as_str()
                    ),
                )
                .with("value", u.extension.as_str())
                .with("earlier", earlier),
            );
        }
        if let Some(n) = &u.primary_number
            && let Some(earlier) = first_number.insert(n.to_string(), d.row)
        {
            first_number.insert(n.to_string(), earlier);
            problems.push(
                Problem::at(
                    d.row,
                    Column::PrimaryNumber,
                    "duplicate-in-file",
                    format!("Number {n} is also in row {earlier}."),
                )
                .with("value", n)
                .with("earlier", earlier),
            );
        }
    }

    // Existing logins: an unchanged export row is skipped; anything else is refused.
    let logins: Vec<String> = first_login.keys().cloned().collect();
    let taken: HashSet<String> = users::logins_taken(conn, &logins)
        .await?
        .into_iter()
        .collect();
    let existing: HashMap<String, User> = if taken.is_empty() {
        HashMap::new()
    } else {
        let taken: Vec<String> = taken.iter().cloned().collect();
        users::by_logins(conn, enterprise, &taken)
            .await?
            .into_iter()
            .map(|u| (u.login_name.as_str().to_owned(), u))
            .collect()
    };
    let mut create = Vec::with_capacity(drafts.len());
    let mut update = Vec::new();
    let mut unchanged = 0;
    for d in drafts {
        let login = d.user.login_name.as_str();
        if !taken.contains(login) {
            create.push(d);
            continue;
        }
        match existing.get(login) {
            Some(user) if r.reaches(user.site_id) && same_as(&d.user, user) => unchanged += 1,
            Some(user) if r.reaches(user.site_id) => {
                if let Some(problem) = refused_change(d.row, user, &d.user) {
                    problems.push(problem);
                } else {
                    update.push(Update {
                        row: d.row,
                        before: user.clone(),
                        after: d.user,
                    });
                }
            }
            _ => problems.push(
                Problem::at(
                    d.row,
                    login_column(&d.user),
                    "login-taken",
                    format!("The login name {login} is already used."),
                )
                .with("value", login),
            ),
        }
    }

    let extensions: Vec<String> = create
        .iter()
        .map(|d| d.user.extension.as_str().to_owned())
        .chain(
            update
                .iter()
                .filter(|u| u.after.extension != u.before.extension)
                .map(|u| u.after.extension.as_str().to_owned()),
        )
        .collect();
    let used: HashSet<String> = users::extensions_taken(conn, enterprise, &extensions)
        .await?
        .into_iter()
        .collect();
    let numbers: Vec<String> = create
        .iter()
        .filter_map(|d| d.user.primary_number.as_ref().map(|n| n.to_string()))
        .chain(
            update
                .iter()
                .filter(|u| u.after.primary_number != u.before.primary_number)
                .filter_map(|u| u.after.primary_number.as_ref().map(|n| n.to_string())),
        )
        .collect();
    let standing: HashMap<String, (String, Option<String>)> =
        switchboard_store::numbers::standing(conn, &numbers)
            .await?
            .into_iter()
            .map(|(number, owner, user)| (number, (owner, user)))
            .collect();
    let mut needed: HashMap<LicenceTypeId, i64> = HashMap::new();
    // What the changed users take: a new number, extension or licence, like a new user's.
    let changed = update.iter().map(|u| {
        let mut new_licences: Vec<LicenceTypeId> = Vec::new();
        if u.after.package_licence_id != u.before.package_licence_id {
            new_licences.push(u.after.package_licence_id);
        }
        new_licences.extend(
            u.after
                .addon_licence_ids
                .iter()
                .filter(|l| !u.before.addon_licence_ids.contains(l)),
        );
        (
            u.row,
            &u.after,
            u.after.extension != u.before.extension,
            u.after.primary_number != u.before.primary_number,
            new_licences,
        )
    });
    let created = create.iter().map(|d| {
        let mut licences = vec![d.user.package_licence_id];
        licences.extend(d.user.addon_licence_ids.iter().copied());
        (d.row, &d.user, true, true, licences)
    });
    for (row, u, new_extension, new_number, licences) in created.chain(changed) {
        if new_extension && used.contains(u.extension.as_str()) {
            problems.push(
                Problem::at(
                    row,
                    Column::Extension,
                    "extension-taken",
                    format!(
                        "Extension {} is already used in this enterprise.",
                        u.extension.as_str()
                    ),
                )
                .with("value", u.extension.as_str()),
            );
        }
        if new_number && let Some(n) = &u.primary_number {
            match standing.get(n.as_str()) {
                Some((owner, None)) if *owner == enterprise.to_string() => {}
                Some((owner, Some(_))) if *owner == enterprise.to_string() => problems.push(Problem::at(row, Column::PrimaryNumber, "number-taken", format!("Number {n} is already assigned to someone.")).with("value", n)),
                // another enterprise's number answers like one that exists nowhere.
                _ => problems.push(Problem::at(row, Column::PrimaryNumber, "unknown-number", format!("{n} is not in this enterprise's number pool; an operator loads numbers first.")).with("value", n)),
            }
        }
        for licence in licences {
            *needed.entry(licence).or_default() += 1;
        }
    }
    let mut short: Vec<(String, i64, i64)> = needed
        .iter()
        .filter_map(|(id, need)| {
            let free = r.free.get(id).copied().unwrap_or(0);
            (*need > free).then(|| (r.licence_code(*id), *need, free))
        })
        .collect();
    short.sort();
    for (code, need, free) in short {
        problems.push(Problem::of_file(None, "licence-exhausted", format!(
            "The file needs {need} '{code}' licences and {free} are free: purchase {} more (N-2).", need - free
        )).with("value", &code).with("need", need).with("free", free).with("missing", need - free));
    }
    Ok(Checked {
        create,
        update,
        unchanged,
    })
}

/// What an import does not change on an existing user, said at the row: the site (a move is
/// its own operation), the desk phone (L-7: its new login must be shown once, on the user's
/// page or by the device password manager), and configuration while not active (L-3).
fn refused_change(row: u64, before: &User, after: &User) -> Option<Problem> {
    if after.site_id != before.site_id {
        return Some(Problem::at(
            row,
            Column::Site,
            "site-change",
            "An import does not move users to another site; this user keeps their site.",
        ));
    }
    if after.device_type_id != before.device_type_id {
        return Some(Problem::at(
            row,
            Column::DeviceType,
            "device-change",
            "A new desk phone gets new login details that are shown once: change the device on the user's page.",
        ));
    }
    if changes_configuration(before, after) && !before.state.allows_configuration_change() {
        return Some(
            Problem::at(
                row,
                login_column(after),
                "user-not-active",
                format!(
                    "This user is {}: the number, extension, licences, mobile and contract number change only while active (L-3).",
                    before.state.as_str()
                ),
            )
            .with("state", before.state.as_str()),
        );
    }
    None
}

fn login_column(user: &User) -> Column {
    if user.login_name == LoginName::from_email(&user.email) {
        Column::Email
    } else {
        Column::LoginName
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use switchboard_domain::{
        DeviceTypeId, ExtensionPolicy, LicenceCode, LicenceTypeId, SiteId, TeamId,
    };

    use super::*;

    fn reference() -> Reference {
        let now = Timestamp::from_millis(1_700_000_000_000);
        let licence = |code: &str, kind| LicenceType {
            id: LicenceTypeId::new(),
            code: LicenceCode::from_trusted(code.into()),
            name: code.into(),
            names: Default::default(),
            kind,
            monthly_price_cents: 100,
            created_at: now,
        };
        let device = |code: &str, kind| DeviceType {
            id: DeviceTypeId::new(),
            code: code.into(),
            name: code.into(),
            names: Default::default(),
            kind,
            created_at: now,
        };
        Reference {
            enterprise: Enterprise {
                id: EnterpriseId::new(),
                name: "Müller GmbH".into(),
                sip_domain: "mueller.sip.test".into(),
                extension_policy: ExtensionPolicy {
                    min_len: 2,
                    max_len: 4,
                },
                contact_email: Email::from_trusted("it@mueller.test".into()),
                time_zone: switchboard_domain::TimeZone::utc(),
                country: None,
                language: switchboard_domain::Language::German,
                version: 1,
                created_at: now,
                updated_at: now,
            },
            sites: Names::new([(SiteId::new(), "Berlin".to_owned())]),
            departments: Names::new([(DepartmentId::new(), "Sales".to_owned())]),
            teams: Names::new([(TeamId::new(), "Hotline".to_owned())]),
            licences: vec![
                licence("voice-basic", LicenceKind::Package),
                licence("mobility", LicenceKind::Addon),
                licence(LicenceCode::ADDITIONAL_NUMBER, LicenceKind::Addon),
            ],
            devices: vec![
                device("yealink-t54w", DeviceKind::DeskPhone),
                device("no-desk-phone", DeviceKind::None),
            ],
            free: HashMap::new(),
            site_limited: false,
            now,
        }
    }

    /// Rows as the sheet reader hands them over, from cells of a CSV line.
    fn rows_of(line: &str) -> Vec<SheetRow> {
        let header = Column::ALL.map(Column::header).join(",");
        let mut rows = Vec::new();
        let problems =
            super::super::sheet::read(format!("{header}\n{line}\n").as_bytes(), |r| rows.push(r));
        assert!(
            problems.iter().all(|p| p.code != "missing-column"),
            "{problems:?}"
        );
        rows
    }

    #[test]
    fn u1_u2_u3_a_valid_row_makes_a_pending_user_with_defaults() {
        let r = reference();
        let rows = rows_of(
            "berlin,Jörg,Ørsted,jorg@example.com,,,Voice-Basic,mobility,'+493012345678,,yealink-t54w,,,sales,hotline,,,",
        );
        let draft = draft(&rows[0], &r).expect("valid");
        let u = &draft.user;
        assert_eq!(u.state, UserState::Pending);
        assert_eq!(
            u.extension.as_str(),
            "5678",
            "U-2: the number's last digits"
        );
        assert_eq!(u.login_name.as_str(), "jorg@example.com");
        assert_eq!(u.role, PortalRole::User);
        assert_eq!(u.language, Language::English);
        assert_eq!(u.addon_licence_ids.len(), 1);
        assert!(u.department_id.is_some() && u.team_ids.len() == 1);
        assert!(draft.invite);
    }

    #[test]
    fn n5_u3_the_additional_number_add_on_and_a_missing_mobile_are_refused_with_their_columns() {
        let r = reference();
        let rows = rows_of(
            "Berlin,A,B,a@example.com,,,voice-basic,additional-number,,12,no-desk-phone,,,,,,,",
        );
        let problems = draft(&rows[0], &r).unwrap_err();
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.column.as_deref(), p.code.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (Some("addon_licences"), "managed-licence"),
                (Some("mobile_number"), "required"),
                (Some("contract_number"), "required"),
            ]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// B-1/K-3: whatever the cells hold, a row gives a user or its problems, never a panic;
        /// a refused row always says why, on a known column of its own row.
        #[test]
        fn b1_any_cells_give_a_user_or_their_problems(
            cells in proptest::collection::vec(
                prop_oneof![
                    Just(String::new()),
                    Just("Berlin".to_owned()),
                    Just("voice-basic".to_owned()),
                    Just("yealink-t54w".to_owned()),
                    Just("no-desk-phone".to_owned()),
                    Just("'+493012345678".to_owned()),
                    Just("=cmd|' /C calc'!A0".to_owned()),
                    "[0-9+]{0,16}",
                    "\\PC{0,40}",
                ],
                18,
            )
        ) {
            let r = reference();
            let line = cells
                .iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(",");
            for row in rows_of(&line) {
                match draft(&row, &r) {
                    Ok(d) => prop_assert_eq!(d.row, 2),
                    Err(problems) => {
                        prop_assert!(!problems.is_empty() || row.refused_any());
                        for p in problems {
                            prop_assert_eq!(p.row, Some(2));
                            prop_assert!(Column::ALL.iter().any(|c| Some(c.header()) == p.column.as_deref()));
                        }
                    }
                }
            }
        }
    }
}
