//! Connection pools and transactions for both databases.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Executor};

use crate::Result;

/// A connection of either database; every query function of this crate takes one.
pub type Conn = sqlx::AnyConnection;
/// A write transaction: the unit of every use case.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database: a pool for reads and one for writes.
///
/// On SQLite the write pool holds a single connection and every write transaction starts with
/// `BEGIN IMMEDIATE`, so writers queue instead of failing with "database is locked" (and a
/// second process waits on `busy_timeout`). On PostgreSQL both are the same pool and races are
/// settled by row locks, conditional updates and unique indexes.
#[derive(Clone)]
pub struct Db {
    backend: Backend,
    read: AnyPool,
    write: AnyPool,
}

impl Db {
    /// Connects to `sqlite://PATH` or `postgres://…`, creating a missing SQLite file.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            anyhow::bail!("unsupported database URL (use sqlite://PATH or postgres://…)");
        };
        let db = match backend {
            Backend::Sqlite => {
                let url = if url.contains('?') {
                    url.to_owned()
                } else {
                    format!("{url}?mode=rwc")
                };
                let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
                let read = sqlite_pool(&options, 8).await?;
                let write = sqlite_pool(&options, 1).await?;
                Db {
                    backend,
                    read,
                    write,
                }
            }
            Backend::Postgres => {
                let options = AnyConnectOptions::from_str(url)?.log_slow_statements(
                    tracing::log::LevelFilter::Warn,
                    Duration::from_millis(500),
                );
                let pool = AnyPoolOptions::new()
                    .max_connections(32)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_with(options)
                    .await?;
                Db {
                    backend,
                    read: pool.clone(),
                    write: pool,
                }
            }
        };
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection for reads outside a transaction.
    pub async fn read(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>> {
        Ok(self.read.acquire().await?)
    }

    /// Begins a write transaction.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self.backend {
            Backend::Sqlite => self.write.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.write.begin().await?,
        })
    }

    /// Runs the migrations that have not run yet (O-3).
    pub async fn migrate(&self) -> anyhow::Result<usize> {
        crate::migrations::run(self).await
    }

    /// Cheap liveness check of the database for `/readyz`.
    pub async fn ping(&self) -> Result<()> {
        let mut conn = self.read().await?;
        conn.execute("SELECT 1").await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

async fn sqlite_pool(options: &AnyConnectOptions, size: u32) -> anyhow::Result<AnyPool> {
    Ok(AnyPoolOptions::new()
        .max_connections(size)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(60))
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
                )
                .await?;
                Ok(())
            })
        })
        .connect_with(options.clone())
        .await?)
}

/// A placeholder list builder for dynamic SQL: `$1, $2, …` are understood by both databases.
#[derive(Debug, Default)]
pub struct Placeholders(usize);

impl Placeholders {
    pub fn fresh(&mut self) -> String {
        self.0 += 1;
        format!("${}", self.0)
    }
}
