//! Users (U-1), their add-ons, teams and SIP credentials, and the users list (U-6, P-1).

use switchboard_domain::{
    ContractNumber, DepartmentId, DeviceTypeId, E164Number, Email, EnterpriseId, Extension,
    FirstName, GroupId, InterceptAction, InterceptDestination, Language, LastName, LicenceTypeId,
    LoginName, PortalRole, SiteId, TeamId, Timestamp, UserId, UserState,
};

use crate::db::{Backend, Placeholders};
use crate::{Conn, Result};

/// Where a deactivated user's callers go (L-5).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Intercept {
    pub action: InterceptAction,
    pub destination: InterceptDestination,
}

impl Intercept {
    /// Reads the stored columns: an action and exactly one destination.
    fn of(action: Option<String>, user: Option<String>, queue: Option<String>) -> Option<Self> {
        let action = InterceptAction::parse(action.as_deref()?)?;
        let destination = match (user, queue) {
            (Some(user), None) => InterceptDestination::User(id(user)),
            (None, Some(queue)) => InterceptDestination::Queue(id(queue)),
            _ => return None,
        };
        Some(Self {
            action,
            destination,
        })
    }

    pub fn destination_user(&self) -> Option<UserId> {
        match self.destination {
            InterceptDestination::User(user) => Some(user),
            InterceptDestination::Queue(_) => None,
        }
    }

    pub fn destination_queue(&self) -> Option<GroupId> {
        match self.destination {
            InterceptDestination::Queue(queue) => Some(queue),
            InterceptDestination::User(_) => None,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct User {
    pub id: UserId,
    pub enterprise_id: EnterpriseId,
    pub site_id: SiteId,
    pub first_name: FirstName,
    pub last_name: LastName,
    pub email: Email,
    pub login_name: LoginName,
    pub role: PortalRole,
    pub state: UserState,
    pub state_reason: Option<String>,
    pub package_licence_id: LicenceTypeId,
    pub addon_licence_ids: Vec<LicenceTypeId>,
    pub device_type_id: DeviceTypeId,
    pub primary_number: Option<E164Number>,
    pub alternative_numbers: Vec<E164Number>,
    pub extension: Extension,
    pub mobile_number: Option<E164Number>,
    pub contract_number: Option<ContractNumber>,
    pub department_id: Option<DepartmentId>,
    pub team_ids: Vec<TeamId>,
    pub personal_contact: Option<String>,
    pub language: Language,
    pub intercept: Option<Intercept>,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub activated_at: Option<Timestamp>,
    pub deactivated_at: Option<Timestamp>,
    /// When the user's picture was set (U-9); none without one.
    pub picture_at: Option<Timestamp>,
}

impl User {
    /// The bytewise sort key of the users list: last name, then first name, lower-cased.
    pub fn sort_name(&self) -> String {
        format!(
            "{} {}",
            self.last_name.as_str().to_lowercase(),
            self.first_name.as_str().to_lowercase()
        )
    }

    /// What substring search looks in (P-1b).
    pub fn search_text(&self) -> String {
        format!(
            "{} {} {}",
            self.first_name.as_str(),
            self.last_name.as_str(),
            self.email.as_str()
        )
        .to_lowercase()
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    enterprise_id: String,
    site_id: String,
    first_name: String,
    last_name: String,
    email: String,
    login_name: String,
    role: String,
    state: String,
    state_reason: Option<String>,
    package_licence_id: String,
    device_type_id: String,
    primary_number: Option<String>,
    extension: String,
    mobile_number: Option<String>,
    contract_number: Option<String>,
    department_id: Option<String>,
    personal_contact: Option<String>,
    language: String,
    intercept_action: Option<String>,
    intercept_destination_user_id: Option<String>,
    intercept_destination_group_id: Option<String>,
    version: i64,
    created_at: i64,
    updated_at: i64,
    activated_at: Option<i64>,
    deactivated_at: Option<i64>,
}

fn id<T: std::str::FromStr>(s: String) -> T
where
    T::Err: std::fmt::Debug,
{
    s.parse().expect("stored ids are UUIDs")
}

impl From<Row> for User {
    fn from(r: Row) -> Self {
        let intercept = Intercept::of(
            r.intercept_action,
            r.intercept_destination_user_id,
            r.intercept_destination_group_id,
        );
        User {
            id: id(r.id),
            enterprise_id: id(r.enterprise_id),
            site_id: id(r.site_id),
            first_name: FirstName::from_trusted(r.first_name),
            last_name: LastName::from_trusted(r.last_name),
            email: Email::from_trusted(r.email),
            login_name: LoginName::from_trusted(r.login_name),
            role: PortalRole::parse(&r.role).unwrap_or(PortalRole::User),
            state: UserState::parse(&r.state).expect("state is checked by the schema"),
            state_reason: r.state_reason,
            package_licence_id: id(r.package_licence_id),
            addon_licence_ids: Vec::new(),
            device_type_id: id(r.device_type_id),
            primary_number: r.primary_number.map(E164Number::from_trusted),
            alternative_numbers: Vec::new(),
            extension: Extension::from_trusted(r.extension),
            mobile_number: r.mobile_number.map(E164Number::from_trusted),
            contract_number: r.contract_number.map(ContractNumber::from_trusted),
            department_id: r.department_id.map(id),
            team_ids: Vec::new(),
            personal_contact: r.personal_contact,
            language: Language::parse(&r.language).unwrap_or(Language::English),
            intercept,
            version: r.version,
            created_at: Timestamp::from_millis(r.created_at),
            updated_at: Timestamp::from_millis(r.updated_at),
            activated_at: r.activated_at.map(Timestamp::from_millis),
            deactivated_at: r.deactivated_at.map(Timestamp::from_millis),
            picture_at: None,
        }
    }
}

const COLUMNS: &str = "u.id, u.enterprise_id, u.site_id, u.first_name, u.last_name, u.email, u.login_name, u.role, \
    u.state, u.state_reason, u.package_licence_id, u.device_type_id, u.primary_number, u.extension, u.mobile_number, \
    u.contract_number, u.department_id, u.personal_contact, u.language, u.intercept_action, \
    u.intercept_destination_user_id, u.intercept_destination_group_id, u.version, u.created_at, u.updated_at, \
    u.activated_at, u.deactivated_at";

/// Every column a new user row is written with, in the order [`bind_insert_values`] binds them
/// (also used by the benchmark's bulk seeder, so both write rows the same way).
pub const INSERT_COLUMNS: &str = "id, enterprise_id, site_id, first_name, last_name, sort_name, email, email_lower, \
    login_name, search_text, role, state, state_reason, package_licence_id, device_type_id, primary_number, extension, \
    mobile_number, contract_number, department_id, personal_contact, language, intercept_action, \
    intercept_destination_user_id, version, created_at, updated_at, activated_at, deactivated_at, \
    intercept_destination_group_id";

/// How many values [`INSERT_COLUMNS`] holds.
pub const INSERT_COLUMN_COUNT: usize = 30;

/// Binds the values of [`INSERT_COLUMNS`] for one user.
pub fn bind_insert_values<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    u: &User,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    query
        .bind(u.id.to_string())
        .bind(u.enterprise_id.to_string())
        .bind(u.site_id.to_string())
        .bind(u.first_name.as_str().to_owned())
        .bind(u.last_name.as_str().to_owned())
        .bind(u.sort_name())
        .bind(u.email.as_str().to_owned())
        .bind(u.email.as_str().to_lowercase())
        .bind(u.login_name.as_str().to_owned())
        .bind(u.search_text())
        .bind(u.role.as_str())
        .bind(u.state.as_str())
        .bind(u.state_reason.clone())
        .bind(u.package_licence_id.to_string())
        .bind(u.device_type_id.to_string())
        .bind(u.primary_number.as_ref().map(|n| n.as_str().to_owned()))
        .bind(u.extension.as_str().to_owned())
        .bind(u.mobile_number.as_ref().map(|n| n.as_str().to_owned()))
        .bind(u.contract_number.as_ref().map(|n| n.as_str().to_owned()))
        .bind(u.department_id.map(|d| d.to_string()))
        .bind(u.personal_contact.clone())
        .bind(u.language.as_str())
        .bind(u.intercept.as_ref().map(|i| i.action.as_str()))
        .bind(
            u.intercept
                .as_ref()
                .and_then(Intercept::destination_user)
                .map(|d| d.to_string()),
        )
        .bind(u.version)
        .bind(u.created_at.millis())
        .bind(u.updated_at.millis())
        .bind(u.activated_at.map(Timestamp::millis))
        .bind(u.deactivated_at.map(Timestamp::millis))
        .bind(
            u.intercept
                .as_ref()
                .and_then(Intercept::destination_queue)
                .map(|d| d.to_string()),
        )
}

/// Inserts the user row and its add-ons and teams (numbers and licences are claimed separately).
pub async fn insert(conn: &mut Conn, u: &User) -> Result<()> {
    let mut p = Placeholders::default();
    let values: Vec<String> = (0..INSERT_COLUMN_COUNT).map(|_| p.fresh()).collect();
    let sql = format!(
        "INSERT INTO users ({INSERT_COLUMNS}) VALUES ({})",
        values.join(", ")
    );
    bind_insert_values(sqlx::query(sqlx::AssertSqlSafe(sql)), u)
        .execute(&mut *conn)
        .await?;
    set_addons(conn, u).await?;
    set_teams(conn, u).await?;
    Ok(())
}

/// Inserts many new users with their add-ons and teams in a few statements (B-1).
pub async fn insert_many(conn: &mut Conn, backend: Backend, users: &[User]) -> Result<()> {
    crate::bulk::insert_rows(
        conn,
        backend,
        "users",
        INSERT_COLUMNS,
        INSERT_COLUMN_COUNT,
        users,
        bind_insert_values,
    )
    .await?;
    let addons: Vec<(&User, LicenceTypeId)> = users
        .iter()
        .flat_map(|u| u.addon_licence_ids.iter().map(move |l| (u, *l)))
        .collect();
    crate::bulk::insert_rows(
        conn,
        backend,
        "user_addons",
        "user_id, licence_type_id, enterprise_id",
        3,
        &addons,
        |q, (u, l)| {
            q.bind(u.id.to_string())
                .bind(l.to_string())
                .bind(u.enterprise_id.to_string())
        },
    )
    .await?;
    let teams: Vec<(&User, TeamId)> = users
        .iter()
        .flat_map(|u| u.team_ids.iter().map(move |t| (u, *t)))
        .collect();
    crate::bulk::insert_rows(
        conn,
        backend,
        "user_teams",
        "user_id, team_id, enterprise_id",
        3,
        &teams,
        |q, (u, t)| {
            q.bind(u.id.to_string())
                .bind(t.to_string())
                .bind(u.enterprise_id.to_string())
        },
    )
    .await
}

/// Which of `logins` are taken on the platform (U-1), lower-cased as stored.
pub async fn logins_taken(conn: &mut Conn, logins: &[String]) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = crate::bulk::fetch_in(
        conn,
        "SELECT login_name FROM users WHERE login_name IN ({list})",
        &[],
        logins,
    )
    .await?;
    Ok(rows.into_iter().map(|(l,)| l).collect())
}

/// Which of `extensions` are used in the enterprise (U-2).
pub async fn extensions_taken(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    extensions: &[String],
) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = crate::bulk::fetch_in(
        conn,
        // Users and hunt groups share an enterprise's extensions.
        "SELECT extension FROM users WHERE enterprise_id = $1 AND extension IN ({list}) \
         UNION SELECT extension FROM call_groups WHERE enterprise_id = $1 AND extension IN ({list})",
        &[enterprise.to_string()],
        extensions,
    )
    .await?;
    Ok(rows.into_iter().map(|(e,)| e).collect())
}

/// The users of an enterprise holding these login names, with their add-ons and teams.
pub async fn by_logins(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    logins: &[String],
) -> Result<Vec<User>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users u WHERE u.enterprise_id = $1 AND u.login_name IN ({{list}})"
    );
    let rows: Vec<Row> =
        crate::bulk::fetch_in(conn, &sql, &[enterprise.to_string()], logins).await?;
    let mut users: Vec<User> = rows.into_iter().map(User::from).collect();
    for chunk in users.chunks_mut(300) {
        load_parts(conn, chunk).await?;
    }
    Ok(users)
}

/// A user as a device password run needs them (L-8): who, their line, their current SIP login.
#[derive(Debug, Clone)]
pub struct LineHolder {
    pub user_id: UserId,
    pub enterprise_id: EnterpriseId,
    pub role: PortalRole,
    pub name: String,
    pub extension: String,
    pub primary_number: Option<String>,
    pub sip_username: Option<String>,
}

/// Every user of a site, by name, with their SIP user name if they have a login.
pub async fn line_holders(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    site: SiteId,
) -> Result<Vec<LineHolder>> {
    type Row = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT u.id, u.role, u.first_name, u.last_name, u.extension, u.primary_number, c.username \
             FROM users u LEFT JOIN sip_credentials c ON c.user_id = u.id \
             WHERE u.enterprise_id = $1 AND u.site_id = $2 ORDER BY u.sort_name, u.id",
    )
    .bind(enterprise.to_string())
    .bind(site.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(user, role, first, last, extension, number, username)| LineHolder {
                user_id: id(user),
                enterprise_id: enterprise,
                role: PortalRole::parse(&role).unwrap_or(PortalRole::User),
                name: format!("{first} {last}"),
                extension,
                primary_number: number,
                sip_username: username,
            },
        )
        .collect())
}

/// Which of `usernames` are taken in a SIP realm.
pub async fn sip_usernames_taken(
    conn: &mut Conn,
    realm: &str,
    usernames: &[String],
) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = crate::bulk::fetch_in(
        conn,
        "SELECT username FROM sip_credentials WHERE realm = $1 AND username IN ({list})",
        &[realm.to_owned()],
        usernames,
    )
    .await?;
    Ok(rows.into_iter().map(|(u,)| u).collect())
}

/// Replaces the SIP credentials of many users at once (L-8): the old digests stop working.
pub async fn replace_sip_credentials_many(
    conn: &mut Conn,
    backend: Backend,
    credentials: &[SipCredentials],
) -> Result<()> {
    let ids: Vec<String> = credentials.iter().map(|c| c.user_id.to_string()).collect();
    for chunk in ids.chunks(900) {
        let mut p = Placeholders::default();
        let list: Vec<String> = chunk.iter().map(|_| p.fresh()).collect();
        let sql = format!(
            "DELETE FROM sip_credentials WHERE user_id IN ({})",
            list.join(", ")
        );
        let query = chunk
            .iter()
            .fold(sqlx::query(sqlx::AssertSqlSafe(sql)), |q, id| {
                q.bind(id.clone())
            });
        query.persistent(false).execute(&mut *conn).await?;
    }
    crate::bulk::insert_rows(
        conn,
        backend,
        "sip_credentials",
        "user_id, enterprise_id, username, realm, ha1, ha1b, created_at",
        7,
        credentials,
        |q, c| {
            q.bind(c.user_id.to_string())
                .bind(c.enterprise_id.to_string())
                .bind(c.username.clone())
                .bind(c.realm.clone())
                .bind(c.ha1.clone())
                .bind(c.ha1b.clone())
                .bind(c.created_at.millis())
        },
    )
    .await
}

/// Writes every column of the user, if nobody changed it since `expected_version` was read.
/// Returns false on a lost race (the caller answers `precondition-failed`).
pub async fn update(conn: &mut Conn, u: &User, expected_version: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET site_id = $2, first_name = $3, last_name = $4, sort_name = $5, email = $6, email_lower = $7, \
         login_name = $8, search_text = $9, role = $10, state = $11, state_reason = $12, package_licence_id = $13, \
         device_type_id = $14, primary_number = $15, extension = $16, mobile_number = $17, contract_number = $18, \
         department_id = $19, personal_contact = $20, language = $21, intercept_action = $22, \
         intercept_destination_user_id = $23, version = $24, updated_at = $25, activated_at = $26, deactivated_at = $27, \
         intercept_destination_group_id = $29 WHERE id = $1 AND version = $28",
    )
    .bind(u.id.to_string())
    .bind(u.site_id.to_string())
    .bind(u.first_name.as_str())
    .bind(u.last_name.as_str())
    .bind(u.sort_name())
    .bind(u.email.as_str())
    .bind(u.email.as_str().to_lowercase())
    .bind(u.login_name.as_str())
    .bind(u.search_text())
    .bind(u.role.as_str())
    .bind(u.state.as_str())
    .bind(u.state_reason.as_deref())
    .bind(u.package_licence_id.to_string())
    .bind(u.device_type_id.to_string())
    .bind(u.primary_number.as_ref().map(|n| n.as_str().to_owned()))
    .bind(u.extension.as_str())
    .bind(u.mobile_number.as_ref().map(|n| n.as_str().to_owned()))
    .bind(u.contract_number.as_ref().map(|n| n.as_str().to_owned()))
    .bind(u.department_id.map(|d| d.to_string()))
    .bind(u.personal_contact.as_deref())
    .bind(u.language.as_str())
    .bind(u.intercept.as_ref().map(|i| i.action.as_str()))
    .bind(
        u.intercept
            .as_ref()
            .and_then(Intercept::destination_user)
            .map(|d| d.to_string()),
    )
    .bind(u.version)
    .bind(u.updated_at.millis())
    .bind(u.activated_at.map(Timestamp::millis))
    .bind(u.deactivated_at.map(Timestamp::millis))
    .bind(expected_version)
    .bind(
        u.intercept
            .as_ref()
            .and_then(Intercept::destination_queue)
            .map(|d| d.to_string()),
    )
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    set_addons(conn, u).await?;
    set_teams(conn, u).await?;
    Ok(true)
}

async fn set_addons(conn: &mut Conn, u: &User) -> Result<()> {
    sqlx::query("DELETE FROM user_addons WHERE user_id = $1")
        .bind(u.id.to_string())
        .execute(&mut *conn)
        .await?;
    for licence in &u.addon_licence_ids {
        sqlx::query(
            "INSERT INTO user_addons (user_id, licence_type_id, enterprise_id) VALUES ($1, $2, $3)",
        )
        .bind(u.id.to_string())
        .bind(licence.to_string())
        .bind(u.enterprise_id.to_string())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn set_teams(conn: &mut Conn, u: &User) -> Result<()> {
    sqlx::query("DELETE FROM user_teams WHERE user_id = $1")
        .bind(u.id.to_string())
        .execute(&mut *conn)
        .await?;
    for team in &u.team_ids {
        sqlx::query("INSERT INTO user_teams (user_id, team_id, enterprise_id) VALUES ($1, $2, $3)")
            .bind(u.id.to_string())
            .bind(team.to_string())
            .bind(u.enterprise_id.to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Locks the user's row for the rest of the transaction (PostgreSQL; SQLite writers are serial
/// anyway), so that a read that follows sees the latest committed state and no concurrent change
/// can interleave. False when the user does not exist.
pub async fn lock(conn: &mut Conn, user: UserId) -> Result<bool> {
    let done = sqlx::query("UPDATE users SET version = version WHERE id = $1")
        .bind(user.to_string())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the user row; add-ons, teams and SIP credentials go with it (ON DELETE CASCADE).
pub async fn delete(conn: &mut Conn, user: UserId) -> Result<()> {
    sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(user.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn get(conn: &mut Conn, user: UserId) -> Result<Option<User>> {
    let sql = format!("SELECT {COLUMNS} FROM users u WHERE u.id = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(user.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut users = vec![User::from(row)];
    load_parts(conn, &mut users).await?;
    Ok(users.pop())
}

/// Fills add-ons, teams, alternative numbers and picture times of a page of users with four
/// queries.
async fn load_parts(conn: &mut Conn, users: &mut [User]) -> Result<()> {
    if users.is_empty() {
        return Ok(());
    }
    let mut p = Placeholders::default();
    let list: Vec<String> = users.iter().map(|_| p.fresh()).collect();
    let list = list.join(", ");
    let ids: Vec<String> = users.iter().map(|u| u.id.to_string()).collect();
    let fetch = |sql: String| {
        let mut q = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(sql));
        for id in &ids {
            q = q.bind(id.clone());
        }
        q
    };
    let addons = fetch(format!("SELECT user_id, licence_type_id FROM user_addons WHERE user_id IN ({list}) ORDER BY licence_type_id"))
        .fetch_all(&mut *conn)
        .await?;
    let teams = fetch(format!(
        "SELECT user_id, team_id FROM user_teams WHERE user_id IN ({list}) ORDER BY team_id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    let alternatives = fetch(format!(
        "SELECT user_id, number FROM numbers WHERE user_id IN ({list}) AND usage = 'alternative' ORDER BY number"
    ))
    .fetch_all(&mut *conn)
    .await?;
    let pictures = crate::pictures::set_at(conn, &ids).await?;
    for user in users.iter_mut() {
        let me = user.id.to_string();
        user.picture_at = pictures.iter().find(|(u, _)| *u == me).map(|(_, at)| *at);
        user.addon_licence_ids = addons
            .iter()
            .filter(|(u, _)| *u == me)
            .map(|(_, l)| id(l.clone()))
            .collect();
        user.team_ids = teams
            .iter()
            .filter(|(u, _)| *u == me)
            .map(|(_, t)| id(t.clone()))
            .collect();
        user.alternative_numbers = alternatives
            .iter()
            .filter(|(u, _)| *u == me)
            .map(|(_, n)| E164Number::from_trusted(n.clone()))
            .collect();
    }
    Ok(())
}

/// The user holding a login name, if any (U-1: unique on the platform).
pub async fn id_by_login(conn: &mut Conn, login: &LoginName) -> Result<Option<UserId>> {
    let row: Option<String> = sqlx::query_scalar("SELECT id FROM users WHERE login_name = $1")
        .bind(login.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(id))
}

/// The user holding an extension in an enterprise, if any (U-2).
pub async fn id_by_extension(
    conn: &mut Conn,
    enterprise: EnterpriseId,
    extension: &Extension,
) -> Result<Option<UserId>> {
    let row: Option<String> =
        sqlx::query_scalar("SELECT id FROM users WHERE enterprise_id = $1 AND extension = $2")
            .bind(enterprise.to_string())
            .bind(extension.as_str())
            .fetch_optional(conn)
            .await?;
    Ok(row.map(id))
}

/// Users who chose the call-centre queue `group` as the destination of their intercept (L-5).
pub async fn intercepting_to_queue(conn: &mut Conn, group: GroupId) -> Result<Vec<User>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM users u WHERE u.intercept_destination_group_id = $1 ORDER BY u.sort_name"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(group.to_string())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// Users who chose `user` as the destination of their intercept (L-5).
pub async fn intercepting_to(conn: &mut Conn, user: UserId) -> Result<Vec<UserId>> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT id FROM users WHERE intercept_destination_user_id = $1")
            .bind(user.to_string())
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(id).collect())
}

/// U-4: the digests of a user's desk-phone login; the password itself is never stored.
#[derive(Debug, Clone)]
pub struct SipCredentials {
    pub user_id: UserId,
    pub enterprise_id: EnterpriseId,
    pub username: String,
    pub realm: String,
    pub ha1: String,
    pub ha1b: String,
    pub created_at: Timestamp,
}

pub async fn set_sip_credentials(conn: &mut Conn, c: &SipCredentials) -> Result<()> {
    sqlx::query(
        "INSERT INTO sip_credentials (user_id, enterprise_id, username, realm, ha1, ha1b, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, \
         realm = excluded.realm, ha1 = excluded.ha1, ha1b = excluded.ha1b, created_at = excluded.created_at",
    )
    .bind(c.user_id.to_string())
    .bind(c.enterprise_id.to_string())
    .bind(&c.username)
    .bind(&c.realm)
    .bind(&c.ha1)
    .bind(&c.ha1b)
    .bind(c.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// What the telephony side must know of a user (T-1, T-3): their line, its state and intercept,
/// and the digests of their desk-phone login (none for a user who never had one).
#[derive(Clone)]
pub struct Provisioning {
    pub user_id: UserId,
    pub enterprise_id: EnterpriseId,
    pub sip_domain: String,
    pub state: UserState,
    pub primary_number: Option<E164Number>,
    pub extension: Extension,
    pub intercept: Option<Intercept>,
    pub sip: Option<SipDigests>,
    /// S-5: the user's soft clients, each with a login of its own, by user name.
    pub soft_clients: Vec<SipDigests>,
    /// S-1: the user's call services document, as the services use case stores it.
    pub services_json: Option<String>,
    /// S-6: the main number of the user's site, for users who show it as their caller ID.
    pub site_main_number: Option<E164Number>,
    /// S-2: the extensions of the users whose phones show this user's line, in their order.
    pub shared_on: Vec<String>,
}

/// A login's user name and digests; they are password equivalents, so never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct SipDigests {
    pub username: String,
    pub ha1: String,
    pub ha1b: String,
}

impl std::fmt::Debug for Provisioning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Provisioning")
            .field("user_id", &self.user_id)
            .field("sip_domain", &self.sip_domain)
            .field("state", &self.state)
            .field("extension", &self.extension)
            .field("sip_username", &self.sip.as_ref().map(|s| &s.username))
            .finish_non_exhaustive()
    }
}

const PROVISIONING: &str = "SELECT u.id, u.enterprise_id, e.sip_domain, u.state, u.primary_number, u.extension, \
    u.intercept_action, u.intercept_destination_user_id, c.username, c.ha1, c.ha1b, s.settings_json, \
    (SELECT n.number FROM numbers n WHERE n.site_id = u.site_id) AS site_number, u.intercept_destination_group_id \
    FROM users u JOIN enterprises e ON e.id = u.enterprise_id LEFT JOIN sip_credentials c ON c.user_id = u.id \
    LEFT JOIN call_services s ON s.user_id = u.id";

type ProvisioningRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn provisioning_of(r: ProvisioningRow) -> Provisioning {
    let (
        user,
        enterprise,
        domain,
        state,
        number,
        extension,
        action,
        destination,
        name,
        ha1,
        ha1b,
        services_json,
        site_number,
        queue,
    ) = r;
    Provisioning {
        user_id: id(user),
        enterprise_id: id(enterprise),
        sip_domain: domain,
        state: UserState::parse(&state).expect("state is checked by the schema"),
        primary_number: number.map(E164Number::from_trusted),
        extension: Extension::from_trusted(extension),
        intercept: Intercept::of(action, destination, queue),
        sip: match (name, ha1, ha1b) {
            (Some(username), Some(ha1), Some(ha1b)) => Some(SipDigests {
                username,
                ha1,
                ha1b,
            }),
            _ => None,
        },
        soft_clients: Vec::new(),
        services_json,
        site_main_number: site_number.map(E164Number::from_trusted),
        shared_on: Vec::new(),
    }
}

const SHARED_ON: &str =
    "SELECT s.line_user_id, h.extension FROM shared_lines s JOIN users h ON h.id = s.user_id";

const SOFT_CLIENTS: &str = "SELECT user_id, username, ha1, ha1b FROM soft_client_credentials";

fn soft_client_of(
    (user, username, ha1, ha1b): (String, String, String, String),
) -> (String, SipDigests) {
    (
        user,
        SipDigests {
            username,
            ha1,
            ha1b,
        },
    )
}

pub async fn provisioning(conn: &mut Conn, user: UserId) -> Result<Option<Provisioning>> {
    let sql = format!("{PROVISIONING} WHERE u.id = $1");
    let row: Option<ProvisioningRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(user.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    let Some(mut found) = row.map(provisioning_of) else {
        return Ok(None);
    };
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SOFT_CLIENTS} WHERE user_id = $1 ORDER BY username"
    )))
    .bind(user.to_string())
    .fetch_all(&mut *conn)
    .await?;
    found.soft_clients = rows.into_iter().map(|r| soft_client_of(r).1).collect();
    let holders: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SHARED_ON} WHERE s.line_user_id = $1 ORDER BY s.position, h.extension"
    )))
    .bind(user.to_string())
    .fetch_all(&mut *conn)
    .await?;
    found.shared_on = holders
        .into_iter()
        .map(|(_, extension)| extension)
        .collect();
    Ok(Some(found))
}

/// Every user of the platform, in id order: what `provisioning resync` compares against.
pub async fn provisioning_all(conn: &mut Conn) -> Result<Vec<Provisioning>> {
    let sql = format!("{PROVISIONING} ORDER BY u.id");
    let rows: Vec<ProvisioningRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?;
    let mut all: Vec<Provisioning> = rows.into_iter().map(provisioning_of).collect();
    let soft: Vec<(String, String, String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SOFT_CLIENTS} ORDER BY user_id, username"
    )))
    .fetch_all(&mut *conn)
    .await?;
    let holders: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SHARED_ON} ORDER BY s.line_user_id, s.position, h.extension"
    )))
    .fetch_all(conn)
    .await?;
    let mut shared_on: std::collections::HashMap<String, Vec<String>> = Default::default();
    for (line, extension) in holders {
        shared_on.entry(line).or_default().push(extension);
    }
    let mut by_user: std::collections::HashMap<String, Vec<SipDigests>> = Default::default();
    for row in soft {
        let (user, digests) = soft_client_of(row);
        by_user.entry(user).or_default().push(digests);
    }
    for p in &mut all {
        if let Some(clients) = by_user.remove(&p.user_id.to_string()) {
            p.soft_clients = clients;
        }
        if let Some(holders) = shared_on.remove(&p.user_id.to_string()) {
            p.shared_on = holders;
        }
    }
    Ok(all)
}

pub async fn sip_credentials(conn: &mut Conn, user: UserId) -> Result<Option<SipCredentials>> {
    let row: Option<(String, String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT user_id, enterprise_id, username, realm, ha1, ha1b, created_at FROM sip_credentials WHERE user_id = $1",
    )
    .bind(user.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(
        row.map(|(u, e, username, realm, ha1, ha1b, at)| SipCredentials {
            user_id: id(u),
            enterprise_id: id(e),
            username,
            realm,
            ha1,
            ha1b,
            created_at: Timestamp::from_millis(at),
        }),
    )
}

/// The users list's sort orders; each is a keyset walk over an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Email,
    Extension,
    Created,
}

impl SortKey {
    fn column(self) -> &'static str {
        match self {
            Self::Name => "u.sort_name",
            Self::Email => "u.email_lower",
            Self::Extension => "u.extension",
            Self::Created => "u.id",
        }
    }

    /// The cursor value of a user for this order.
    pub fn value_of(self, user: &User) -> String {
        match self {
            Self::Name => user.sort_name(),
            Self::Email => user.email.as_str().to_lowercase(),
            Self::Extension => user.extension.as_str().to_owned(),
            Self::Created => user.id.to_string(),
        }
    }
}

/// How a search text is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    /// Last name (then first name) starts with the text.
    NamePrefix(String),
    /// Email starts with the text.
    EmailPrefix(String),
    /// Extension starts with the digits.
    ExtensionPrefix(String),
    /// Name or email contains the text (at least 3 characters; trigram index).
    Contains(String),
}

/// One page request of the users list.
#[derive(Debug, Clone)]
pub struct ListQuery {
    pub enterprise_id: EnterpriseId,
    /// A site administrator's reach; `None` for the whole enterprise.
    pub within_sites: Option<Vec<SiteId>>,
    pub state: Option<UserState>,
    pub site: Option<SiteId>,
    pub role: Option<PortalRole>,
    pub licence: Option<LicenceTypeId>,
    pub device_type: Option<DeviceTypeId>,
    pub department: Option<DepartmentId>,
    pub team: Option<TeamId>,
    /// Members of a group (a call centre's agents).
    pub group: Option<switchboard_domain::GroupId>,
    /// Agents assigned to a campaign (G-2).
    pub campaign: Option<switchboard_domain::CampaignId>,
    pub search: Option<Search>,
    pub sort: SortKey,
    pub descending: bool,
    /// Keyset cursor: the sort value and id of the last row of the previous page.
    pub after: Option<(String, String)>,
    pub limit: i64,
}

/// The SELECT of one page of [`list`], not executed: its text, its values in bind order, and
/// whether it may be prepared once and reused. Public so the benchmark can time the bare query.
#[derive(Debug, Clone)]
pub struct ListStatement {
    pub sql: String,
    pub binds: Vec<String>,
    pub persistent: bool,
}

/// How many rows of the sort order PostgreSQL's substring search walks before it turns to the
/// trigram index (see [`list_plan`]).
const CONTAINS_WALK: i64 = 1000;

/// A page of users (U-6). Never counts: `limit` rows after the cursor, through an index (P-1).
pub async fn list(conn: &mut Conn, backend: Backend, q: &ListQuery) -> Result<Vec<User>> {
    let mut users: Vec<User> = Vec::new();
    for ListStatement {
        sql,
        binds,
        persistent,
    } in list_plan(backend, q)
    {
        let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql)).persistent(persistent);
        for value in binds {
            query = query.bind(value);
        }
        users = query
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(User::from)
            .collect();
        if users.len() as i64 >= q.limit {
            break;
        }
    }
    load_parts(conn, &mut users).await?;
    Ok(users)
}

/// The statements of [`list`], tried in order until one fills the page; the last one's rows
/// are the page. One statement, except for PostgreSQL's substring search (P-1b): its planner
/// assumes the matches are spread evenly over the sort order, and for a common substring whose
/// matches sit together (`muel`: the emails of all the Müllers) it walks the name index through
/// tens of thousands of rows. So the walk is bounded first — the first [`CONTAINS_WALK`] rows in
/// sort order, filtered — and only when that does not fill the page does the trigram index
/// find every match, which are then sorted.
pub fn list_plan(backend: Backend, q: &ListQuery) -> Vec<ListStatement> {
    match (&q.search, backend) {
        (Some(Search::Contains(_)), Backend::Postgres) => vec![
            list_statement(backend, q, ContainsPath::BoundedWalk),
            list_statement(backend, q, ContainsPath::TrigramIndex),
        ],
        _ => vec![list_statement(backend, q, ContainsPath::TrigramIndex)],
    }
}

/// How PostgreSQL's substring search finds its rows (see [`list_plan`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContainsPath {
    BoundedWalk,
    TrigramIndex,
}

/// Builds one SELECT of [`list_plan`].
fn list_statement(backend: Backend, q: &ListQuery, path: ContainsPath) -> ListStatement {
    let mut p = Placeholders::default();
    let mut binds: Vec<String> = Vec::new();
    let mut bind = |value: String, binds: &mut Vec<String>| {
        binds.push(value);
        p.fresh()
    };
    let mut conditions = vec![format!(
        "u.enterprise_id = {}",
        bind(q.enterprise_id.to_string(), &mut binds)
    )];
    if let Some(sites) = &q.within_sites {
        let list: Vec<String> = sites
            .iter()
            .map(|s| bind(s.to_string(), &mut binds))
            .collect();
        conditions.push(if list.is_empty() {
            "1 = 0".into()
        } else {
            format!("u.site_id IN ({})", list.join(", "))
        });
    }
    if let Some(state) = q.state {
        conditions.push(format!(
            "u.state = {}",
            bind(state.as_str().into(), &mut binds)
        ));
    }
    if let Some(site) = q.site {
        conditions.push(format!(
            "u.site_id = {}",
            bind(site.to_string(), &mut binds)
        ));
    }
    if let Some(role) = q.role {
        conditions.push(format!(
            "u.role = {}",
            bind(role.as_str().into(), &mut binds)
        ));
    }
    if let Some(device) = q.device_type {
        conditions.push(format!(
            "u.device_type_id = {}",
            bind(device.to_string(), &mut binds)
        ));
    }
    if let Some(department) = q.department {
        conditions.push(format!(
            "u.department_id = {}",
            bind(department.to_string(), &mut binds)
        ));
    }
    if let Some(licence) = q.licence {
        let a = bind(licence.to_string(), &mut binds);
        let b = bind(licence.to_string(), &mut binds);
        conditions.push(format!(
            "(u.package_licence_id = {a} OR EXISTS (SELECT 1 FROM user_addons a WHERE a.user_id = u.id AND a.licence_type_id = {b}))"
        ));
    }
    if let Some(team) = q.team {
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM user_teams t WHERE t.user_id = u.id AND t.team_id = {})",
            bind(team.to_string(), &mut binds)
        ));
    }
    // A group has at most 200 members and a campaign fewer: the planner starts from them
    // (an IN list from the membership index) instead of walking the enterprise's users.
    if let Some(group) = q.group {
        conditions.push(format!(
            "u.id IN (SELECT m.user_id FROM call_group_members m WHERE m.group_id = {})",
            bind(group.to_string(), &mut binds)
        ));
    }
    if let Some(campaign) = q.campaign {
        conditions.push(format!(
            "u.id IN (SELECT a.user_id FROM campaign_agents a WHERE a.campaign_id = {})",
            bind(campaign.to_string(), &mut binds)
        ));
    }
    // Prefix searches are index ranges: [text, text + U+10FFFF) compares bytewise on both databases.
    let mut prefix_range = |column: &str, text: &str, binds: &mut Vec<String>| {
        let low = bind(text.to_owned(), binds);
        let high = bind(format!("{text}\u{10FFFF}"), binds);
        format!("{column} >= {low} AND {column} < {high}")
    };
    let mut persistent = true;
    let mut contains_outside: Option<String> = None;
    let mut with = String::new();
    match &q.search {
        None => {}
        Some(Search::NamePrefix(text)) => conditions.push(prefix_range(
            "u.sort_name",
            &text.to_lowercase(),
            &mut binds,
        )),
        Some(Search::EmailPrefix(text)) => conditions.push(prefix_range(
            "u.email_lower",
            &text.to_lowercase(),
            &mut binds,
        )),
        Some(Search::ExtensionPrefix(text)) => {
            conditions.push(prefix_range("u.extension", text, &mut binds))
        }
        Some(Search::Contains(text)) => {
            let text = text.to_lowercase();
            match backend {
                Backend::Sqlite => {
                    let phrase = format!("\"{}\"", text.replace('"', "\"\""));
                    conditions.push(format!(
                        "u.seq IN (SELECT rowid FROM users_search WHERE users_search MATCH {})",
                        bind(phrase, &mut binds)
                    ));
                }
                Backend::Postgres => {
                    let escaped = text
                        .replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_");
                    let pattern = bind(format!("%{escaped}%"), &mut binds);
                    match path {
                        // Applied outside the bounded walk, below.
                        ContainsPath::BoundedWalk => contains_outside = Some(pattern),
                        ContainsPath::TrigramIndex => {
                            // Every match through the trigram index, then sorted: the CTE keeps
                            // the planner from walking the sort order instead.
                            let e = bind(q.enterprise_id.to_string(), &mut binds);
                            conditions.push("u.seq IN (SELECT seq FROM contains_matches)".into());
                            with = format!(
                                "WITH contains_matches AS MATERIALIZED (SELECT s.seq FROM users s WHERE s.enterprise_id = {e} AND s.search_text LIKE {pattern}) "
                            );
                            // A generic plan cannot use the trigram index for a bound pattern.
                            persistent = false;
                        }
                    }
                }
            }
        }
    }
    let column = q.sort.column();
    let (cmp, dir) = if q.descending {
        ("<", "DESC")
    } else {
        (">", "ASC")
    };
    if let Some((value, last_id)) = &q.after {
        if q.sort == SortKey::Created {
            conditions.push(format!("u.id {cmp} {}", bind(last_id.clone(), &mut binds)));
        } else {
            let v = bind(value.clone(), &mut binds);
            let i = bind(last_id.clone(), &mut binds);
            conditions.push(format!("({column}, u.id) {cmp} ({v}, {i})"));
        }
    }
    let order = if q.sort == SortKey::Created {
        format!("u.id {dir}")
    } else {
        format!("{column} {dir}, u.id {dir}")
    };
    let sql = match contains_outside {
        // The first CONTAINS_WALK rows in sort order, then the substring among them.
        Some(pattern) => {
            let walk = bind(CONTAINS_WALK.to_string(), &mut binds);
            let limit = bind(q.limit.to_string(), &mut binds);
            format!(
                "SELECT {COLUMNS} FROM (SELECT * FROM users u WHERE {} ORDER BY {order} LIMIT CAST({walk} AS BIGINT)) u \
                 WHERE u.search_text LIKE {pattern} ORDER BY {order} LIMIT CAST({limit} AS BIGINT)",
                conditions.join(" AND ")
            )
        }
        None => {
            let limit = bind(q.limit.to_string(), &mut binds);
            format!(
                "{with}SELECT {COLUMNS} FROM users u WHERE {} ORDER BY {order} LIMIT CAST({limit} AS BIGINT)",
                conditions.join(" AND ")
            )
        }
    };
    ListStatement {
        sql,
        binds,
        persistent,
    }
}

/// Whether a SIP user name is used in a realm (an enterprise's SIP domain).
pub async fn sip_username_taken(conn: &mut Conn, realm: &str, username: &str) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT user_id FROM sip_credentials WHERE realm = $1 AND username = $2",
    )
    .bind(realm)
    .bind(username)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}
