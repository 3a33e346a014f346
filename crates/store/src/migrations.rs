//! One ordered migration list for both databases (O-3). A step is plain SQL that both accept, or
//! a pair of dialect variants where they differ. Applied steps are recorded in
//! `schema_migrations`; each step runs in its own transaction.

use sqlx::{Executor, Row};

use crate::db::{Backend, Db};

enum Sql {
    Both(&'static str),
    Split {
        sqlite: &'static str,
        postgres: &'static str,
    },
}

struct Migration {
    version: i64,
    name: &'static str,
    sql: Sql,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "tenancy and catalogues",
        sql: Sql::Both(include_str!("../migrations/0001_tenancy.sql")),
    },
    Migration {
        version: 2,
        name: "users",
        sql: Sql::Split {
            sqlite: include_str!("../migrations/0002_users.sqlite.sql"),
            postgres: include_str!("../migrations/0002_users.postgres.sql"),
        },
    },
    Migration {
        version: 3,
        name: "numbers, credentials, org",
        sql: Sql::Both(include_str!("../migrations/0003_user_parts.sql")),
    },
    Migration {
        version: 4,
        name: "substring search",
        sql: Sql::Split {
            sqlite: include_str!("../migrations/0004_search.sqlite.sql"),
            postgres: include_str!("../migrations/0004_search.postgres.sql"),
        },
    },
    Migration {
        version: 5,
        name: "tokens, audit, jobs",
        sql: Sql::Both(include_str!("../migrations/0005_operations.sql")),
    },
    Migration {
        version: 6,
        name: "portal accounts, sessions, mail",
        sql: Sql::Both(include_str!("../migrations/0006_accounts.sql")),
    },
    Migration {
        version: 7,
        name: "portal preferences",
        sql: Sql::Both(include_str!("../migrations/0007_preferences.sql")),
    },
    Migration {
        version: 8,
        name: "bulk imports",
        sql: Sql::Split {
            sqlite: include_str!("../migrations/0008_imports.sqlite.sql"),
            postgres: include_str!("../migrations/0008_imports.postgres.sql"),
        },
    },
    Migration {
        version: 9,
        name: "credential sheets",
        sql: Sql::Split {
            sqlite: include_str!("../migrations/0009_credential_sheets.sqlite.sql"),
            postgres: include_str!("../migrations/0009_credential_sheets.postgres.sql"),
        },
    },
    Migration {
        version: 10,
        name: "hunt, pickup and park groups",
        sql: Sql::Both(include_str!("../migrations/0010_groups.sql")),
    },
    Migration {
        version: 11,
        name: "portal inbox",
        sql: Sql::Both(include_str!("../migrations/0011_inbox.sql")),
    },
    Migration {
        version: 12,
        name: "broadcast messages",
        sql: Sql::Both(include_str!("../migrations/0012_broadcasts.sql")),
    },
    Migration {
        version: 13,
        name: "call services",
        sql: Sql::Both(include_str!("../migrations/0013_call_services.sql")),
    },
    Migration {
        version: 14,
        name: "team leads",
        sql: Sql::Both(include_str!("../migrations/0014_team_leads.sql")),
    },
    Migration {
        version: 15,
        name: "call centres and auto attendants",
        sql: Sql::Split {
            sqlite: include_str!("../migrations/0015_call_centres.sqlite.sql"),
            postgres: include_str!("../migrations/0015_call_centres.postgres.sql"),
        },
    },
    Migration {
        version: 16,
        name: "call centre supervisors and campaigns",
        sql: Sql::Both(include_str!("../migrations/0016_campaigns.sql")),
    },
    Migration {
        version: 17,
        name: "soft-client provisioning",
        sql: Sql::Both(include_str!("../migrations/0017_soft_clients.sql")),
    },
    Migration {
        version: 18,
        name: "shared lines",
        sql: Sql::Both(include_str!("../migrations/0018_shared_lines.sql")),
    },
    Migration {
        version: 19,
        name: "greetings",
        sql: Sql::Split {
            sqlite: include_str!("../migrations/0019_greetings.sqlite.sql"),
            postgres: include_str!("../migrations/0019_greetings.postgres.sql"),
        },
    },
    Migration {
        version: 20,
        name: "virtual users' call services",
        sql: Sql::Both(include_str!("../migrations/0020_group_services.sql")),
    },
    Migration {
        version: 21,
        name: "voicemail messages",
        sql: Sql::Both(include_str!("../migrations/0021_voicemail_messages.sql")),
    },
    Migration {
        version: 22,
        name: "user pictures",
        sql: Sql::Split {
            sqlite: include_str!("../migrations/0022_user_pictures.sqlite.sql"),
            postgres: include_str!("../migrations/0022_user_pictures.postgres.sql"),
        },
    },
    Migration {
        version: 23,
        name: "number holders",
        sql: Sql::Both(include_str!("../migrations/0023_number_holders.sql")),
    },
    Migration {
        version: 24,
        name: "member weights",
        sql: Sql::Both(include_str!("../migrations/0024_member_weights.sql")),
    },
    Migration {
        version: 25,
        name: "greeting files",
        sql: Sql::Both(include_str!("../migrations/0025_greeting_files.sql")),
    },
    Migration {
        version: 26,
        name: "intercept queues",
        sql: Sql::Both(include_str!("../migrations/0026_intercept_queues.sql")),
    },
    Migration {
        version: 27,
        name: "places",
        sql: Sql::Both(include_str!("../migrations/0027_places.sql")),
    },
    Migration {
        version: 28,
        name: "department index",
        sql: Sql::Both(include_str!("../migrations/0028_department_index.sql")),
    },
    Migration {
        version: 29,
        name: "catalogue names",
        sql: Sql::Both(include_str!("../migrations/0029_catalogue_names.sql")),
    },
];

/// Applies the missing migrations and returns how many ran.
pub async fn run(db: &Db) -> anyhow::Result<usize> {
    let mut tx = db.begin().await?;
    if db.backend() == Backend::Postgres {
        // Several processes may start at once on one PostgreSQL: one migrates, the others wait.
        tx.execute("SELECT pg_advisory_xact_lock(7355608)").await?;
    }
    tx.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    )
    .await?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.get::<i64, _>(0))
        .collect();
    let mut count = 0;
    for migration in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let sql = match (&migration.sql, db.backend()) {
            (Sql::Both(sql), _) => sql,
            (Sql::Split { sqlite, .. }, Backend::Sqlite) => sqlite,
            (Sql::Split { postgres, .. }, Backend::Postgres) => postgres,
        };
        sqlx::raw_sql(*sql).execute(&mut *tx).await.map_err(|e| {
            anyhow::anyhow!(
                "migration {} ({}) failed: {e}",
                migration.version,
                migration.name
            )
        })?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(migration.version)
        .bind(migration.name)
        .bind(now_millis())
        .execute(&mut *tx)
        .await?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "migration applied"
        );
        count += 1;
    }
    tx.commit().await?;
    Ok(count)
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}
