//! The background job queue: a table in the same database, so a use case enqueues its follow-up
//! work inside its own transaction, and several workers (on one PostgreSQL) share it — each job
//! claimed by exactly one of them.

use switchboard_domain::{EnterpriseId, JobId, Timestamp};

use crate::db::{Backend, Placeholders};
use crate::{Conn, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Queued,
    Running,
    Succeeded,
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [Self::Queued, Self::Running, Self::Succeeded, Self::Failed]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Job {
    pub id: JobId,
    pub kind: String,
    pub payload: serde_json::Value,
    pub status: JobStatus,
    pub attempts: i64,
    pub max_attempts: i64,
    pub run_at: Timestamp,
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    pub enterprise_id: Option<EnterpriseId>,
    /// The thing the job is about (a user id), to find its jobs.
    pub subject_id: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    kind: String,
    payload: String,
    status: String,
    attempts: i64,
    max_attempts: i64,
    run_at: i64,
    locked_by: Option<String>,
    last_error: Option<String>,
    enterprise_id: Option<String>,
    subject_id: Option<String>,
    created_at: i64,
    updated_at: i64,
    finished_at: Option<i64>,
}

impl From<Row> for Job {
    fn from(r: Row) -> Self {
        Job {
            id: r.id.parse().expect("stored ids are UUIDs"),
            kind: r.kind,
            payload: serde_json::from_str(&r.payload).unwrap_or(serde_json::Value::Null),
            status: JobStatus::parse(&r.status).expect("status is checked by the schema"),
            attempts: r.attempts,
            max_attempts: r.max_attempts,
            run_at: Timestamp::from_millis(r.run_at),
            locked_by: r.locked_by,
            last_error: r.last_error,
            enterprise_id: r
                .enterprise_id
                .map(|e| e.parse().expect("stored ids are UUIDs")),
            subject_id: r.subject_id,
            created_at: Timestamp::from_millis(r.created_at),
            updated_at: Timestamp::from_millis(r.updated_at),
            finished_at: r.finished_at.map(Timestamp::from_millis),
        }
    }
}

const COLUMNS: &str = "id, kind, payload, status, attempts, max_attempts, run_at, locked_by, last_error, enterprise_id, \
    subject_id, created_at, updated_at, finished_at";

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: &'static str,
    pub payload: serde_json::Value,
    pub run_at: Timestamp,
    pub max_attempts: i64,
    pub enterprise_id: Option<EnterpriseId>,
    pub subject_id: Option<String>,
}

pub async fn enqueue(conn: &mut Conn, job: &NewJob, now: Timestamp) -> Result<JobId> {
    let id = JobId::new();
    sqlx::query(
        "INSERT INTO jobs (id, kind, payload, status, attempts, max_attempts, run_at, enterprise_id, subject_id, created_at, updated_at) \
         VALUES ($1, $2, $3, 'queued', 0, $4, $5, $6, $7, $8, $8)",
    )
    .bind(id.to_string())
    .bind(job.kind)
    .bind(job.payload.to_string())
    .bind(job.max_attempts)
    .bind(job.run_at.millis())
    .bind(job.enterprise_id.map(|e| e.to_string()))
    .bind(job.subject_id.as_deref())
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(id)
}

/// Enqueues many jobs in a few statements (B-1: each imported user's activation and sync).
pub async fn enqueue_many(
    conn: &mut Conn,
    backend: crate::Backend,
    jobs: &[NewJob],
    now: Timestamp,
) -> Result<()> {
    crate::bulk::insert_rows(
        conn,
        backend,
        "jobs",
        "id, kind, payload, status, attempts, max_attempts, run_at, enterprise_id, subject_id, created_at, updated_at",
        11,
        jobs,
        |q, job| {
            q.bind(JobId::new().to_string())
                .bind(job.kind)
                .bind(job.payload.to_string())
                .bind("queued")
                .bind(0i64)
                .bind(job.max_attempts)
                .bind(job.run_at.millis())
                .bind(job.enterprise_id.map(|e| e.to_string()))
                .bind(job.subject_id.clone())
                .bind(now.millis())
                .bind(now.millis())
        },
    )
    .await
}

/// Claims the next due job for `worker` until `lease_until`: a queued job whose time has come, or
/// a running one whose worker died (its lease ran out). One statement, so a job is claimed once:
/// PostgreSQL skips rows another worker is claiming; SQLite serialises writers.
pub async fn claim(
    conn: &mut Conn,
    backend: Backend,
    worker: &str,
    now: Timestamp,
    lease_until: Timestamp,
) -> Result<Option<Job>> {
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1, updated_at = $3 \
         WHERE id = (SELECT id FROM jobs WHERE (status = 'queued' AND run_at <= $3) OR (status = 'running' AND locked_until < $3) \
         ORDER BY run_at, id LIMIT 1{lock}) RETURNING {COLUMNS}"
    );
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(worker)
        .bind(lease_until.millis())
        .bind(now.millis())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Marks a job done, if `worker` still holds it (a worker whose lease ran out has lost the job
/// to another); false otherwise.
pub async fn succeed(conn: &mut Conn, id: JobId, worker: &str, now: Timestamp) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE jobs SET status = 'succeeded', locked_by = NULL, locked_until = NULL, last_error = NULL, \
         updated_at = $2, finished_at = $2 WHERE id = $1 AND status = 'running' AND locked_by = $3",
    )
    .bind(id.to_string())
    .bind(now.millis())
    .bind(worker)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts a job back in the queue to run at `retry_at` (back-off), or ends it as failed when
/// `retry_at` is `None` — if `worker` still holds it; false otherwise.
pub async fn fail(
    conn: &mut Conn,
    id: JobId,
    worker: &str,
    error: &str,
    retry_at: Option<Timestamp>,
    now: Timestamp,
) -> Result<bool> {
    let (status, run_at, finished) = match retry_at {
        Some(at) => ("queued", Some(at.millis()), None),
        None => ("failed", None, Some(now.millis())),
    };
    let done = sqlx::query(
        "UPDATE jobs SET status = $2, run_at = COALESCE($3, run_at), last_error = $4, locked_by = NULL, \
         locked_until = NULL, updated_at = $5, finished_at = $6 \
         WHERE id = $1 AND status = 'running' AND locked_by = $7",
    )
    .bind(id.to_string())
    .bind(status)
    .bind(run_at)
    .bind(error)
    .bind(now.millis())
    .bind(finished)
    .bind(worker)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An operator's retry of a failed job: queued again now, with a fresh allowance of attempts.
pub async fn requeue(conn: &mut Conn, id: JobId, now: Timestamp) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE jobs SET status = 'queued', attempts = 0, run_at = $2, updated_at = $2, finished_at = NULL \
         WHERE id = $1 AND status = 'failed'",
    )
    .bind(id.to_string())
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn get(conn: &mut Conn, id: JobId) -> Result<Option<Job>> {
    let sql = format!("SELECT {COLUMNS} FROM jobs WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// The newest job of one kind about a subject (T-3: has the user's last change been pushed?).
pub async fn latest(conn: &mut Conn, subject_id: &str, kind: &str) -> Result<Option<Job>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM jobs WHERE subject_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1"
    );
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(subject_id)
        .bind(kind)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Filter of [`list`]; newest first.
#[derive(Debug, Clone, Default)]
pub struct JobQuery {
    pub enterprise_id: Option<EnterpriseId>,
    pub status: Option<JobStatus>,
    pub subject_id: Option<String>,
    pub before_id: Option<String>,
    pub limit: i64,
}

pub async fn list(conn: &mut Conn, q: &JobQuery) -> Result<Vec<Job>> {
    let mut p = Placeholders::default();
    let mut conditions = vec!["1 = 1".to_owned()];
    let mut binds = Vec::new();
    for (column, value) in [
        ("enterprise_id = ", q.enterprise_id.map(|e| e.to_string())),
        ("status = ", q.status.map(|s| s.as_str().to_owned())),
        ("subject_id = ", q.subject_id.clone()),
        ("id < ", q.before_id.clone()),
    ] {
        if let Some(value) = value {
            conditions.push(format!("{column}{}", p.fresh()));
            binds.push(value);
        }
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM jobs WHERE {} ORDER BY id DESC LIMIT {}",
        conditions.join(" AND "),
        q.limit.clamp(1, 500)
    );
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql));
    for value in binds {
        query = query.bind(value);
    }
    Ok(query
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// The earliest time a queued job is due, to let an idle worker sleep until then.
pub async fn next_due(conn: &mut Conn) -> Result<Option<Timestamp>> {
    let at: Option<i64> =
        sqlx::query_scalar("SELECT MIN(run_at) FROM jobs WHERE status = 'queued'")
            .fetch_one(conn)
            .await?;
    Ok(at.map(Timestamp::from_millis))
}
