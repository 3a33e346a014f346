//! `switchboard-bench`: measures the performance goals P-1, P-1b and P-3 of PRODUCT.md §12 on a
//! fresh database, and beside every figure the raw database figure of the same statement, in
//! the same run, so that what Switchboard itself adds can be read off.
//!
//! 1. a fresh database (a temporary SQLite file, or a new PostgreSQL database), migrated;
//! 2. catalogue, enterprise, sites, licences and an operator token through the real services;
//! 3. N users seeded in bulk (multi-row INSERTs in large transactions), then ANALYZE and a
//!    checkpoint (PostgreSQL: VACUUM ANALYZE, CHECKPOINT);
//! 4. the real HTTP server in-process: list, filter, search and deep pages, p50/p99;
//! 5. create-user throughput with concurrent HTTP clients, and the raw commit rate;
//! 6. a table, plain and as Markdown. The database is removed at the end, also on failure.
//!
//! Usage: `switchboard-bench --db sqlite|postgres [--users 1000000] [--postgres-url URL]`.

mod database;
mod import;
mod machine;
mod names;
mod portal;
mod reads;
mod report;
mod seed;
mod setup;
mod stats;
mod writes;

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use switchboard::config::Settings;
use switchboard::server;
use switchboard_app::SystemClock;
use switchboard_store::{Backend, Db};
use tracing_subscriber::EnvFilter;

use crate::database::{FreshDatabase, Kind};
use crate::machine::Sample;
use crate::reads::ReadSettings;
use crate::report::Report;
use crate::setup::NumberBlock;

#[derive(Parser)]
#[command(
    name = "switchboard-bench",
    about = "Measures Switchboard's performance goals (PRODUCT.md §12) against the raw database"
)]
struct Args {
    /// Which database to measure.
    #[arg(long, value_enum)]
    db: Kind,
    /// Users in the tenant.
    #[arg(long, default_value_t = 1_000_000, value_parser = clap::value_parser!(u64).range(1_000..=1_000_000))]
    users: u64,
    /// The PostgreSQL server to create the benchmark database on.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    postgres_url: String,
    /// Timed requests per read operation.
    #[arg(long, default_value_t = 200)]
    samples: usize,
    /// Untimed requests before them.
    #[arg(long, default_value_t = 20)]
    warmup: usize,
    /// Timed creates, over HTTP and raw each.
    #[arg(long, default_value_t = 2_000)]
    creates: u64,
    /// Concurrent clients (HTTP) and tasks (raw) for the creates.
    #[arg(long, default_value_t = 16)]
    clients: usize,
    /// Measure only P-2: import this many users from CSV against the raw insert of their rows
    /// (on a fresh tenant; the other measurements are skipped).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1_000..=200_000))]
    import: Option<u64>,
    /// Leave the database in place afterwards (to look at query plans), and print its URL.
    #[arg(long)]
    keep_database: bool,
}

impl Args {
    /// Untimed creates before each timed series: enough for every client to have connected.
    fn create_warmup(&self) -> u64 {
        4 * self.clients as u64
    }

    /// Creates of either kind, warm-up included.
    fn creates_per_kind(&self) -> u64 {
        self.create_warmup() + self.creates
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    // Warnings only: an access-log line per request would cost more than some requests. Slow
    // statements (sqlx warns above 500 ms) show in the figures; one line each would drown them.
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,sqlx=error,sqlx_core=error"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
    match run(&args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("switchboard-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the benchmark on a fresh database and removes it whatever happens (Ctrl-C included).
async fn run(args: &Args) -> anyhow::Result<()> {
    let fresh = FreshDatabase::create(args.db, &args.postgres_url).await?;
    eprintln!("using {}", fresh.describe());
    if let Some(count) = args.import {
        let url = fresh.url().to_owned();
        let outcome = tokio::select! {
            outcome = bench_import(&url, count) => outcome,
            _ = tokio::signal::ctrl_c() => Err(anyhow::anyhow!("interrupted")),
        };
        let removed = fresh.remove().await;
        return outcome.and(removed);
    }
    let outcome = tokio::select! {
        outcome = bench(args, fresh.url()) => outcome,
        _ = tokio::signal::ctrl_c() => Err(anyhow::anyhow!("interrupted")),
    };
    let removed = if args.keep_database {
        eprintln!("kept the database: {}", fresh.url());
        Ok(())
    } else {
        fresh.remove().await
    };
    match (outcome, removed) {
        (Ok(report), Ok(())) => {
            report.print_plain();
            report.print_markdown();
            Ok(())
        }
        (Err(e), Ok(())) => Err(e),
        (Ok(_), Err(e)) => {
            Err(e.context("the benchmark ran, but its database could not be removed"))
        }
        (Err(e), Err(removing)) => {
            Err(e.context(format!("also, removing the database failed: {removing:#}")))
        }
    }
}

fn settings(url: &str) -> anyhow::Result<Settings> {
    let mut settings = Settings::load(None)?;
    settings.database_url = url.to_owned();
    // Only the request path is measured: no worker activating users in the background.
    settings.worker.enabled = false;
    settings.provisioner.activation_delay_ms = 0;
    Ok(settings)
}

/// P-2 on its own: a fresh tenant, the raw insert, then the import.
async fn bench_import(url: &str, count: u64) -> anyhow::Result<()> {
    let settings = settings(url)?;
    let db = Db::connect(url).await?;
    db.migrate().await?;
    let app = server::build_app(&settings, db.clone(), Arc::new(SystemClock)).await?;
    let database = database_name(&db).await?;
    let tenant = setup::tenant(&app, 2 * count).await?;
    let figures = import::measure(&app, &db, &tenant, count).await?;
    figures.print(&database);
    Ok(())
}

async fn bench(args: &Args, url: &str) -> anyhow::Result<Report> {
    let started = Instant::now();
    let settings = settings(url)?;
    let db = Db::connect(url).await?;
    db.migrate().await?;
    let app = server::build_app(&settings, db.clone(), Arc::new(SystemClock)).await?;
    let database = database_name(&db).await?;

    eprintln!("setting up the tenant through the services");
    let tenant = setup::tenant(&app, args.users + 2 * args.creates_per_kind()).await?;
    NumberBlock::HTTP_CREATES
        .load(&app, &tenant, args.creates_per_kind())
        .await?;
    NumberBlock::RAW_CREATES
        .load(&app, &tenant, args.creates_per_kind())
        .await?;

    eprintln!("seeding {} users", stats::thousands(args.users));
    let seeding_started = Sample::now();
    let seeding = seed::users(&db, &tenant, args.users).await?;
    let settle = seed::settle(&db).await?;
    let measuring_started = Sample::now();

    let portal_app = app.clone();
    let running = server::start(app, "127.0.0.1:0", false, Duration::from_secs(1)).await?;
    let base_url = format!("http://{}/api/v1", running.addr);
    eprintln!("measuring reads on {base_url}");
    let read_settings = ReadSettings {
        users: args.users,
        warmup: args.warmup,
        samples: args.samples,
    };
    let reads = reads::measure(&db, &base_url, &tenant, &read_settings).await?;
    eprintln!("measuring portal pages");
    let portal_base = format!("http://{}", running.addr);
    let pages = portal::measure(
        &portal_app,
        &portal_base,
        &tenant,
        args.warmup.min(20),
        args.samples.min(100),
    )
    .await?;

    eprintln!("measuring creates");
    let (warmup, end) = (args.create_warmup(), args.creates_per_kind());
    writes::http_creates(&base_url, &tenant, args.clients, 0..warmup)
        .await?
        .check("warm-up creates over HTTP")?;
    let http_creates = writes::http_creates(&base_url, &tenant, args.clients, warmup..end).await?;
    writes::raw_creates(&db, &tenant, args.clients, 0..warmup)
        .await?
        .check("warm-up raw creates")?;
    let raw_creates = writes::raw_creates(&db, &tenant, args.clients, warmup..end).await?;
    let measuring_ended = Sample::now();
    running.stop().await;

    Ok(Report {
        database,
        users: args.users,
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        seeding,
        settle,
        while_seeding: measuring_started.since(seeding_started),
        while_measuring: measuring_ended.since(measuring_started),
        warmup: args.warmup,
        samples: args.samples,
        reads,
        pages,
        clients: args.clients,
        http_creates,
        raw_creates,
        total: started.elapsed(),
    })
}

/// The database and its version, e.g. "SQLite 3.46.0".
async fn database_name(db: &Db) -> anyhow::Result<String> {
    let mut conn = db.read().await?;
    Ok(match db.backend() {
        Backend::Sqlite => {
            let version: String = sqlx::query_scalar("SELECT sqlite_version()")
                .fetch_one(&mut *conn)
                .await?;
            format!("SQLite {version}")
        }
        Backend::Postgres => {
            let version: String = sqlx::query_scalar("SHOW server_version")
                .fetch_one(&mut *conn)
                .await?;
            format!(
                "PostgreSQL {}",
                version.split_whitespace().next().unwrap_or(&version)
            )
        }
    })
}
