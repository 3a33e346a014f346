//! Bulk seeding of the tenant: N users with their primary numbers, written with multi-row
//! INSERTs in large transactions straight into the tables (not through HTTP: seeding is not
//! what is measured, and a million requests would take most of the run). Every row is what the
//! services would have written, built as a [`User`] so that the derived columns (`sort_name`,
//! `search_text`, …) come from the very functions `users::insert` uses.

use std::time::{Duration, Instant};

use sqlx::AssertSqlSafe;
use switchboard_domain::{
    E164Number, Email, Extension, FirstName, InterceptAction, InterceptDestination, Language,
    LastName, LoginName, PortalRole, Timestamp, UserId, UserState,
};
use switchboard_store::bulk::values_list;
use switchboard_store::users::{
    INSERT_COLUMN_COUNT, INSERT_COLUMNS, Intercept, User, bind_insert_values,
};
use switchboard_store::{Backend, Db};

use crate::names::{Names, Person};
use crate::setup::{NumberBlock, Tenant};
use crate::stats::{rate, thousands};

/// Rows per transaction: large enough that commits do not count, small enough to show progress.
const ROWS_PER_TRANSACTION: usize = 10_000;
/// 500 × 29 values stays below SQLite's 32,766 bound parameters (PostgreSQL allows 65,535).
const USERS_PER_STATEMENT: usize = 500;
const NUMBERS_PER_STATEMENT: usize = 2_000;
/// Seeded extensions are 1000000…1999999; the creates use 2000000… and 3000000….
pub const SEEDED_EXTENSIONS: u64 = 1_000_000;

const NUMBER_COLUMNS: &str = "number, enterprise_id, user_id, usage, created_at, assigned_at";
const NUMBER_VALUES: usize = 6;

/// What seeding took.
#[derive(Debug, Clone)]
pub struct Seeding {
    pub users: u64,
    /// Users plus their numbers (the search index rows that triggers add are not counted).
    pub rows: u64,
    pub elapsed: Duration,
}

/// A new user as `Users::create` makes them: pending, with a primary number and a desk phone.
pub fn pending_user(
    tenant: &Tenant,
    person: Person,
    site: usize,
    extension: u64,
    number: String,
    now: Timestamp,
) -> User {
    let email = Email::from_trusted(person.email);
    User {
        id: UserId::new(),
        enterprise_id: tenant.enterprise,
        site_id: tenant.sites[site],
        first_name: FirstName::from_trusted(person.first),
        last_name: LastName::from_trusted(person.last),
        login_name: LoginName::from_email(&email),
        email,
        role: PortalRole::User,
        state: UserState::Pending,
        state_reason: None,
        package_licence_id: tenant.package,
        addon_licence_ids: Vec::new(),
        device_type_id: tenant.device,
        primary_number: Some(E164Number::from_trusted(number)),
        alternative_numbers: Vec::new(),
        extension: Extension::from_trusted(extension.to_string()),
        mobile_number: None,
        contract_number: None,
        department_id: None,
        team_ids: Vec::new(),
        personal_contact: None,
        language: Language::English,
        intercept: None,
        version: 1,
        created_at: now,
        updated_at: now,
        activated_at: None,
        deactivated_at: None,
        picture_at: None,
    }
}

/// Makes the seeded users: every state, role and language, mostly active, 60 % at the first site.
struct Generator<'a> {
    tenant: &'a Tenant,
    names: Names,
    now: Timestamp,
    /// The latest active user of each site: where a deactivated user's calls go (L-5).
    last_active: [Option<UserId>; 2],
}

impl Generator<'_> {
    fn user(&mut self, serial: u64) -> User {
        let person = self.names.person(serial);
        let site = usize::from(self.names.percent() >= 60);
        let number = NumberBlock::SEEDED.number(serial);
        // Spread over the past 30 days, one second apart.
        let created = self.now.plus_millis(-(serial as i64 % 2_592_000) * 1_000);
        let mut user = pending_user(
            self.tenant,
            person,
            site,
            SEEDED_EXTENSIONS + serial,
            number,
            created,
        );
        user.role = match self.names.percent() {
            0..=94 => PortalRole::User,
            95..=98 => PortalRole::TeamLead,
            _ => PortalRole::SiteAdmin,
        };
        user.language =
            [Language::English, Language::German, Language::French][self.names.below(3) as usize];
        let destination = self.last_active[site];
        match (self.names.percent(), destination) {
            (0..=84, _) | (85..=94, None) => {
                user.state = UserState::Active;
                user.activated_at = Some(created.plus_millis(5_000));
                user.version = 2;
                self.last_active[site] = Some(user.id);
            }
            (85..=94, Some(destination_user_id)) => {
                user.state = UserState::Deactivated;
                user.activated_at = Some(created.plus_millis(5_000));
                user.deactivated_at = Some(created.plus_millis(86_400_000));
                user.intercept = Some(Intercept {
                    action: InterceptAction::AnnounceNewNumber,
                    destination: InterceptDestination::User(destination_user_id),
                });
                user.version = 3;
            }
            (95..=97, _) => {}
            _ => {
                user.state = UserState::Failed;
                user.state_reason =
                    Some("The carrier refused to activate the number (simulated).".into());
                user.version = 2;
            }
        }
        user.updated_at = user.deactivated_at.or(user.activated_at).unwrap_or(created);
        user
    }
}

/// Seeds `count` users with their numbers and counts their licences as assigned.
pub async fn users(db: &Db, tenant: &Tenant, count: u64) -> anyhow::Result<Seeding> {
    let now = switchboard_app::Clock::now(&switchboard_app::SystemClock);
    let mut generator = Generator {
        tenant,
        names: Names::new(0x5eed),
        now,
        last_active: [None, None],
    };
    let started = Instant::now();
    let mut done = 0u64;
    while done < count {
        let batch: Vec<User> = (done..count.min(done + ROWS_PER_TRANSACTION as u64))
            .map(|i| generator.user(i))
            .collect();
        let mut tx = db.begin().await?;
        for chunk in batch.chunks(USERS_PER_STATEMENT) {
            insert_users(&mut tx, db.backend(), chunk).await?;
        }
        for chunk in batch.chunks(NUMBERS_PER_STATEMENT) {
            insert_numbers(&mut tx, db.backend(), chunk, now).await?;
        }
        sqlx::query("UPDATE licence_pools SET assigned = assigned + $1 WHERE enterprise_id = $2 AND licence_type_id = $3")
            .bind(batch.len() as i64)
            .bind(tenant.enterprise.to_string())
            .bind(tenant.package.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        done += batch.len() as u64;
        if done.is_multiple_of(100_000) || done == count {
            eprintln!(
                "  seeded {:>9} users ({} users/s)",
                thousands(done),
                rate(done, started.elapsed())
            );
        }
    }
    Ok(Seeding {
        users: count,
        rows: 2 * count,
        elapsed: started.elapsed(),
    })
}

/// Lets the database settle after the load, so that the measurements see a steady state rather
/// than the aftermath of a million inserts: fresh planner statistics (ANALYZE), then a
/// checkpoint, so that the load's writes are not flushed in the middle of the measurements. On
/// PostgreSQL VACUUM too, which autovacuum would start after the load anyway, and which empties
/// the trigram index's pending list. A refused CHECKPOINT (it needs the pg_checkpoint role) is
/// reported and skipped.
pub async fn settle(db: &Db) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let mut conn = db.read().await?;
    match db.backend() {
        Backend::Sqlite => {
            sqlx::raw_sql("ANALYZE").execute(&mut *conn).await?;
            sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&mut *conn)
                .await?;
        }
        Backend::Postgres => {
            sqlx::raw_sql("VACUUM (ANALYZE)")
                .execute(&mut *conn)
                .await?;
            if let Err(e) = sqlx::raw_sql("CHECKPOINT").execute(&mut *conn).await {
                eprintln!(
                    "  no CHECKPOINT after the load ({e}); the figures may include its writes"
                );
            }
        }
    }
    Ok(started.elapsed())
}

async fn insert_users(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    users: &[User],
) -> anyhow::Result<()> {
    let sql = format!(
        "INSERT INTO users ({INSERT_COLUMNS}) VALUES {}",
        values_list(backend, users.len(), INSERT_COLUMN_COUNT)
    );
    let query = users
        .iter()
        .fold(sqlx::query(AssertSqlSafe(sql)), bind_insert_values);
    query.execute(conn).await?;
    Ok(())
}

/// Each user's primary number, in the pool and assigned to them (N-4).
async fn insert_numbers(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    users: &[User],
    now: Timestamp,
) -> anyhow::Result<()> {
    let sql = format!(
        "INSERT INTO numbers ({NUMBER_COLUMNS}) VALUES {}",
        values_list(backend, users.len(), NUMBER_VALUES)
    );
    let query = users
        .iter()
        .fold(sqlx::query(AssertSqlSafe(sql)), |query, u| {
            query
                .bind(u.primary_number.as_ref().map(|n| n.as_str().to_owned()))
                .bind(u.enterprise_id.to_string())
                .bind(u.id.to_string())
                .bind("primary")
                .bind(now.millis())
                .bind(u.created_at.millis())
        });
    query.execute(conn).await?;
    Ok(())
}
