//! A fresh, empty database for one run, removed afterwards: a temporary SQLite file, or a
//! PostgreSQL database with a random name on the given server.

use std::path::PathBuf;

use anyhow::Context as _;
use rand::Rng;
use sqlx::Connection as _;
use sqlx::postgres::PgConnection;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Sqlite,
    Postgres,
}

pub enum FreshDatabase {
    Sqlite {
        path: PathBuf,
        url: String,
    },
    Postgres {
        server_url: String,
        name: String,
        url: String,
    },
}

impl FreshDatabase {
    pub async fn create(kind: Kind, postgres_url: &str) -> anyhow::Result<Self> {
        let suffix = format!("{:016x}", rand::rng().random::<u64>());
        match kind {
            Kind::Sqlite => {
                let path = std::env::temp_dir().join(format!("switchboard-bench-{suffix}.db"));
                let url = format!("sqlite://{}", path.display());
                Ok(Self::Sqlite { path, url })
            }
            Kind::Postgres => {
                // Only [a-z0-9_], so the name needs no quoting rules beyond plain double quotes.
                let name = format!("switchboard_bench_{suffix}");
                let mut admin = PgConnection::connect(postgres_url)
                    .await
                    .with_context(|| format!("cannot connect to PostgreSQL at {postgres_url}"))?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
                    .execute(&mut admin)
                    .await
                    .with_context(|| format!("cannot create database {name}"))?;
                admin.close().await?;
                let url = with_database(postgres_url, &name);
                Ok(Self::Postgres {
                    server_url: postgres_url.to_owned(),
                    name,
                    url,
                })
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            Self::Sqlite { url, .. } | Self::Postgres { url, .. } => url,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Self::Sqlite { path, .. } => format!("SQLite file {}", path.display()),
            Self::Postgres { name, .. } => format!("PostgreSQL database {name}"),
        }
    }

    /// Deletes the database. FORCE ends connections a failed run may have left open.
    pub async fn remove(self) -> anyhow::Result<()> {
        match self {
            Self::Sqlite { path, .. } => {
                for suffix in ["", "-wal", "-shm"] {
                    let file = PathBuf::from(format!("{}{suffix}", path.display()));
                    match std::fs::remove_file(&file) {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(e) => {
                            return Err(e)
                                .with_context(|| format!("cannot remove {}", file.display()));
                        }
                    }
                }
                Ok(())
            }
            Self::Postgres {
                server_url, name, ..
            } => {
                let mut admin = PgConnection::connect(&server_url).await?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await
                .with_context(|| format!("cannot drop database {name}"))?;
                admin.close().await?;
                Ok(())
            }
        }
    }
}

/// The same server URL with another database: `postgres://u@h:5432/postgres?x=y` →
/// `postgres://u@h:5432/{name}?x=y`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", base));
    let authority = rest
        .split_once('/')
        .map_or(rest, |(authority, _)| authority);
    format!("{scheme}://{authority}/{name}{query}")
}
