//! Portal accounts (K-1): one row per person who may sign in, user or operator, and the
//! provider's operators themselves.

use switchboard_domain::{OperatorId, Timestamp};

use crate::{Conn, Result};

/// The credentials of one person. `subject_id` is a user id or an operator id.
#[derive(Debug, Clone)]
pub struct Account {
    pub subject_id: String,
    /// `user` or `operator`.
    pub subject_kind: String,
    /// Argon2id PHC string; `None` until a password is set (invitation pending).
    pub password_hash: Option<String>,
    pub must_change_password: bool,
    pub password_changed_at: Option<Timestamp>,
    pub two_step_required: bool,
    /// Base32 secret of a confirmed authenticator app.
    pub totp_secret: Option<String>,
    /// Secret shown during enrolment, until the first code confirms it.
    pub totp_pending_secret: Option<String>,
    /// The last 30-second step whose code was accepted: a code works once.
    pub totp_last_step: Option<i64>,
    /// SHA-256 digests of the unused recovery codes.
    pub recovery_codes: Vec<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Account {
    /// A person's account before any password or second step is set.
    pub fn blank(subject_id: &str, subject_kind: &str, now: Timestamp) -> Self {
        Self {
            subject_id: subject_id.to_owned(),
            subject_kind: subject_kind.to_owned(),
            password_hash: None,
            must_change_password: false,
            password_changed_at: None,
            two_step_required: false,
            totp_secret: None,
            totp_pending_secret: None,
            totp_last_step: None,
            recovery_codes: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    subject_id: String,
    subject_kind: String,
    password_hash: Option<String>,
    must_change_password: i64,
    password_changed_at: Option<i64>,
    two_step_required: i64,
    totp_secret: Option<String>,
    totp_pending_secret: Option<String>,
    totp_last_step: Option<i64>,
    recovery_codes: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl From<Row> for Account {
    fn from(r: Row) -> Self {
        Account {
            subject_id: r.subject_id,
            subject_kind: r.subject_kind,
            password_hash: r.password_hash,
            must_change_password: r.must_change_password != 0,
            password_changed_at: r.password_changed_at.map(Timestamp::from_millis),
            two_step_required: r.two_step_required != 0,
            totp_secret: r.totp_secret,
            totp_pending_secret: r.totp_pending_secret,
            totp_last_step: r.totp_last_step,
            recovery_codes: r
                .recovery_codes
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default(),
            created_at: Timestamp::from_millis(r.created_at),
            updated_at: Timestamp::from_millis(r.updated_at),
        }
    }
}

const COLUMNS: &str = "subject_id, subject_kind, password_hash, must_change_password, password_changed_at, \
    two_step_required, totp_secret, totp_pending_secret, totp_last_step, recovery_codes, created_at, updated_at";

pub async fn get(conn: &mut Conn, subject_id: &str) -> Result<Option<Account>> {
    let sql = format!("SELECT {COLUMNS} FROM portal_accounts WHERE subject_id = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(subject_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Inserts or replaces the whole account row.
pub async fn save(conn: &mut Conn, a: &Account) -> Result<()> {
    let codes = (!a.recovery_codes.is_empty())
        .then(|| serde_json::to_string(&a.recovery_codes).expect("strings serialise"));
    sqlx::query(
        "INSERT INTO portal_accounts (subject_id, subject_kind, password_hash, must_change_password, password_changed_at, \
         two_step_required, totp_secret, totp_pending_secret, totp_last_step, recovery_codes, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (subject_id) DO UPDATE SET password_hash = excluded.password_hash, \
         must_change_password = excluded.must_change_password, password_changed_at = excluded.password_changed_at, \
         two_step_required = excluded.two_step_required, totp_secret = excluded.totp_secret, \
         totp_pending_secret = excluded.totp_pending_secret, totp_last_step = excluded.totp_last_step, \
         recovery_codes = excluded.recovery_codes, updated_at = excluded.updated_at",
    )
    .bind(&a.subject_id)
    .bind(&a.subject_kind)
    .bind(a.password_hash.as_deref())
    .bind(i64::from(a.must_change_password))
    .bind(a.password_changed_at.map(Timestamp::millis))
    .bind(i64::from(a.two_step_required))
    .bind(a.totp_secret.as_deref())
    .bind(a.totp_pending_secret.as_deref())
    .bind(a.totp_last_step)
    .bind(codes)
    .bind(a.created_at.millis())
    .bind(a.updated_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts the accounts of many new users (B-1): no password yet, an invitation follows.
pub async fn insert_many(
    conn: &mut Conn,
    backend: crate::Backend,
    accounts: &[Account],
) -> Result<()> {
    crate::bulk::insert_rows(
        conn,
        backend,
        "portal_accounts",
        "subject_id, subject_kind, password_hash, must_change_password, password_changed_at, \
         two_step_required, created_at, updated_at",
        8,
        accounts,
        |q, a| {
            q.bind(a.subject_id.clone())
                .bind(a.subject_kind.clone())
                .bind(a.password_hash.clone())
                .bind(i64::from(a.must_change_password))
                .bind(a.password_changed_at.map(Timestamp::millis))
                .bind(i64::from(a.two_step_required))
                .bind(a.created_at.millis())
                .bind(a.updated_at.millis())
        },
    )
    .await
}

/// Removes the account of a deleted user (L-4).
pub async fn delete(conn: &mut Conn, subject_id: &str) -> Result<()> {
    sqlx::query("DELETE FROM portal_accounts WHERE subject_id = $1")
        .bind(subject_id)
        .execute(&mut *conn)
        .await?;
    crate::preferences::delete_for_subject(conn, subject_id).await
}

/// Provider staff with a portal sign-in.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Operator {
    pub id: OperatorId,
    pub login_name: String,
    pub display_name: String,
    pub email: String,
    pub language: String,
    pub created_at: Timestamp,
}

#[derive(sqlx::FromRow)]
struct OperatorRow {
    id: String,
    login_name: String,
    display_name: String,
    email: String,
    language: String,
    created_at: i64,
}

impl From<OperatorRow> for Operator {
    fn from(r: OperatorRow) -> Self {
        Operator {
            id: r.id.parse().expect("stored ids are UUIDs"),
            login_name: r.login_name,
            display_name: r.display_name,
            email: r.email,
            language: r.language,
            created_at: Timestamp::from_millis(r.created_at),
        }
    }
}

pub async fn insert_operator(conn: &mut Conn, o: &Operator) -> Result<()> {
    sqlx::query(
        "INSERT INTO operators (id, login_name, display_name, email, language, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(o.id.to_string())
    .bind(&o.login_name)
    .bind(&o.display_name)
    .bind(&o.email)
    .bind(&o.language)
    .bind(o.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn operator_by_login(conn: &mut Conn, login: &str) -> Result<Option<Operator>> {
    let row: Option<OperatorRow> = sqlx::query_as(
        "SELECT id, login_name, display_name, email, language, created_at FROM operators WHERE login_name = $1",
    )
    .bind(login)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

pub async fn operator(conn: &mut Conn, id: OperatorId) -> Result<Option<Operator>> {
    let row: Option<OperatorRow> = sqlx::query_as(
        "SELECT id, login_name, display_name, email, language, created_at FROM operators WHERE id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(Into::into))
}

/// Locks the account's row for this transaction (a no-op update; SQLite's writer is exclusive).
pub async fn lock(conn: &mut Conn, subject_id: &str) -> Result<()> {
    sqlx::query("UPDATE portal_accounts SET updated_at = updated_at WHERE subject_id = $1")
        .bind(subject_id)
        .execute(conn)
        .await?;
    Ok(())
}
