//! Bulk imports (B-1): the upload in chunks, and the import's progress and report.

use switchboard_domain::{EnterpriseId, ImportId, Timestamp};

use crate::{Conn, Result};

/// Where an import stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// Uploaded; its job has not started.
    Queued,
    /// Reading and checking the rows.
    Checking,
    /// Every row passed; writing them in one transaction.
    Writing,
    /// Finished: written, or (dry run) checked without a problem.
    Done,
    /// The file has problems (every one in the report); nothing was written.
    Refused,
    /// Something of ours went wrong; nothing was written.
    Failed,
}

impl ImportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Checking => "checking",
            Self::Writing => "writing",
            Self::Done => "done",
            Self::Refused => "refused",
            Self::Failed => "failed",
        }
    }

    pub const ALL: [ImportStatus; 6] = [
        Self::Queued,
        Self::Checking,
        Self::Writing,
        Self::Done,
        Self::Refused,
        Self::Failed,
    ];

    pub fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "queued" => Self::Queued,
            "checking" => Self::Checking,
            "writing" => Self::Writing,
            "done" => Self::Done,
            "refused" => Self::Refused,
            "failed" => Self::Failed,
            _ => return None,
        })
    }

    /// Whether the import has ended (its report is final).
    pub fn is_final(self) -> bool {
        matches!(self, Self::Done | Self::Refused | Self::Failed)
    }
}

#[derive(Debug, Clone)]
pub struct Import {
    pub id: ImportId,
    pub enterprise_id: EnterpriseId,
    pub actor_json: String,
    pub dry_run: bool,
    pub status: ImportStatus,
    pub bytes: i64,
    pub rows_checked: i64,
    pub report_json: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    enterprise_id: String,
    actor_json: String,
    dry_run: i64,
    status: String,
    bytes: i64,
    rows_checked: i64,
    report_json: Option<String>,
    created_at: i64,
    updated_at: i64,
    finished_at: Option<i64>,
}

impl From<Row> for Import {
    fn from(r: Row) -> Self {
        Import {
            id: r.id.parse().expect("stored ids are UUIDs"),
            enterprise_id: r.enterprise_id.parse().expect("stored ids are UUIDs"),
            actor_json: r.actor_json,
            dry_run: r.dry_run != 0,
            status: ImportStatus::parse(&r.status).expect("status is checked by the schema"),
            bytes: r.bytes,
            rows_checked: r.rows_checked,
            report_json: r.report_json,
            created_at: Timestamp::from_millis(r.created_at),
            updated_at: Timestamp::from_millis(r.updated_at),
            finished_at: r.finished_at.map(Timestamp::from_millis),
        }
    }
}

const COLUMNS: &str = "id, enterprise_id, actor_json, dry_run, status, bytes, rows_checked, report_json, \
    created_at, updated_at, finished_at";

pub async fn insert(conn: &mut Conn, i: &Import) -> Result<()> {
    sqlx::query(
        "INSERT INTO imports (id, enterprise_id, actor_json, dry_run, status, bytes, rows_checked, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(i.id.to_string())
    .bind(i.enterprise_id.to_string())
    .bind(&i.actor_json)
    .bind(i64::from(i.dry_run))
    .bind(i.status.as_str())
    .bind(i.bytes)
    .bind(i.rows_checked)
    .bind(i.created_at.millis())
    .execute(conn)
    .await?;
    Ok(())
}

/// Stores one piece of an upload, in order.
pub async fn add_chunk(conn: &mut Conn, import: ImportId, seq: i64, data: Vec<u8>) -> Result<()> {
    sqlx::query("INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)")
        .bind(import.to_string())
        .bind(seq)
        .bind(data)
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes an import and its stored pieces (an upload that broke off).
pub async fn delete(conn: &mut Conn, id: ImportId) -> Result<()> {
    sqlx::query("DELETE FROM import_chunks WHERE import_id = $1")
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM imports WHERE id = $1")
        .bind(id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// Records the size of a stored upload.
pub async fn set_bytes(conn: &mut Conn, id: ImportId, bytes: i64) -> Result<()> {
    sqlx::query("UPDATE imports SET bytes = $2 WHERE id = $1")
        .bind(id.to_string())
        .bind(bytes)
        .execute(conn)
        .await?;
    Ok(())
}

/// The piece of an upload after `after` (`-1` for the first), if any.
pub async fn next_chunk(
    conn: &mut Conn,
    import: ImportId,
    after: i64,
) -> Result<Option<(i64, Vec<u8>)>> {
    Ok(sqlx::query_as(
        "SELECT seq, data FROM import_chunks WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT 1",
    )
    .bind(import.to_string())
    .bind(after)
    .fetch_optional(conn)
    .await?)
}

pub async fn get(conn: &mut Conn, id: ImportId) -> Result<Option<Import>> {
    let sql = format!("SELECT {COLUMNS} FROM imports WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(Into::into))
}

/// Moves an unfinished import to `status` with its progress; false when it has ended already
/// (a second worker, or a run after a crash, finds the work done and leaves it).
pub async fn advance(
    conn: &mut Conn,
    id: ImportId,
    status: ImportStatus,
    rows_checked: i64,
    now: Timestamp,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE imports SET status = $2, rows_checked = $3, updated_at = $4 \
         WHERE id = $1 AND status NOT IN ('done', 'refused', 'failed')",
    )
    .bind(id.to_string())
    .bind(status.as_str())
    .bind(rows_checked)
    .bind(now.millis())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends an import with its report and drops the upload (it holds personal data) — unless
/// `keep_upload`: a clean dry run keeps it a while, for its confirmation to import.
pub async fn finish(
    conn: &mut Conn,
    id: ImportId,
    status: ImportStatus,
    rows_checked: i64,
    report_json: &str,
    keep_upload: bool,
    now: Timestamp,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE imports SET status = $2, rows_checked = $3, report_json = $4, updated_at = $5, finished_at = $5 \
         WHERE id = $1 AND status NOT IN ('done', 'refused', 'failed')",
    )
    .bind(id.to_string())
    .bind(status.as_str())
    .bind(rows_checked)
    .bind(report_json)
    .bind(now.millis())
    .execute(&mut *conn)
    .await?;
    if !keep_upload {
        sqlx::query("DELETE FROM import_chunks WHERE import_id = $1")
            .bind(id.to_string())
            .execute(conn)
            .await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Hands the upload kept by one import to another; the number of pieces moved (none when it
/// was handed on already, or dropped).
pub async fn move_upload(conn: &mut Conn, from: ImportId, to: ImportId) -> Result<u64> {
    let moved = sqlx::query("UPDATE import_chunks SET import_id = $2 WHERE import_id = $1")
        .bind(from.to_string())
        .bind(to.to_string())
        .execute(conn)
        .await?;
    Ok(moved.rows_affected())
}

/// Drops the uploads still kept by imports that finished before `before` (unconfirmed dry
/// runs): personal data is kept no longer than it is useful.
pub async fn drop_stale_uploads(conn: &mut Conn, before: Timestamp) -> Result<u64> {
    let dropped = sqlx::query(
        "DELETE FROM import_chunks WHERE import_id IN \
         (SELECT id FROM imports WHERE finished_at IS NOT NULL AND finished_at < $1)",
    )
    .bind(before.millis())
    .execute(conn)
    .await?;
    Ok(dropped.rows_affected())
}
