//! B-1 robustness: an import process killed (SIGKILL) at any moment leaves every row of its file
//! or none, with numbers, licences, invitations and jobs counted exactly, on both databases.
//! Two processes are killed at random points: the CLI's `switchboard import users`, and the
//! server (`switchboard serve`) whose worker runs an uploaded import's job; after each kill the
//! database is checked, and finally one run finishes.

use std::process::Stdio;
use std::time::{Duration, Instant};

use rand::Rng as _;
use sqlx::{AnyConnection, Connection};
use switchboard_app::Actor;
use switchboard_app::numbers::NumbersToLoad;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};

const ROWS: u64 = 4_000;
/// The server's import is larger: a server starts and claims the job in a moment, and the
/// kills should land while it checks and writes, not after.
const SERVER_ROWS: u64 = 8_000;

on_both_kinds!(
    b1_an_import_killed_at_any_moment_writes_all_rows_or_none,
    b1_the_server_killed_during_an_uploaded_import_writes_all_rows_or_none,
);

/// Licences and numbers for `rows` users, and their file; returns the file's text.
async fn prepare(t: &TestApp, rows: u64) -> String {
    let actor = Actor::system("test");
    t.app
        .catalogue()
        .record_purchase(
            &actor,
            t.fx.enterprise,
            Some("voice-basic".into()),
            Some(rows as i64),
            None,
        )
        .await
        .unwrap();
    t.app
        .numbers()
        .load(
            &actor,
            t.fx.enterprise,
            NumbersToLoad {
                number: None,
                first: Some("+4940000000".into()),
                last: Some(format!("+49400{:05}", rows - 1)),
            },
        )
        .await
        .unwrap();
    let mut text = String::from(
        "site;first_name;last_name;email;package_licence;primary_number;extension;device_type\n",
    );
    for i in 0..rows {
        text.push_str(&format!(
            "Berlin;Kai;Kill-{i};kai.{i}@kill.example;voice-basic;'+49400{i:05};{};yealink-t54w\n",
            1000 + i
        ));
    }
    text
}

async fn b1_an_import_killed_at_any_moment_writes_all_rows_or_none(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let text = prepare(&t, ROWS).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("users.csv");
    std::fs::write(&file, text).unwrap();
    let base = counts(&t).await;

    let mut rng = rand::rng();
    let mut killed_while_running = 0;
    let mut limit_ms = 400u64;
    for attempt in 0.. {
        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(["--database-url", t.database_url(), "import", "users"])
            .arg(&file)
            .args(["--enterprise", &t.fx.enterprise.to_string()])
            .current_dir(dir.path())
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("switchboard runs");
        let last = attempt == 20;
        if !last {
            let delay = Duration::from_millis(rng.random_range(0..limit_ms));
            let started = Instant::now();
            tokio::time::sleep(delay).await;
            if child.try_wait().unwrap().is_none() {
                child.start_kill().unwrap(); // SIGKILL
                killed_while_running += 1;
            }
            let status = child.wait().await.unwrap();
            let now = counts(&t).await;
            let written = now.users - base.users;
            assert!(
                written == 0 || written == ROWS,
                "after a kill at {:?} ({status}): {written} of {ROWS} rows",
                started.elapsed()
            );
            assert_consistent(&base, &now, written);
            if written == ROWS {
                break;
            }
            // Reach further into the run each time: from start-up to the commit.
            limit_ms += 200;
        } else {
            let status = child.wait().await.unwrap();
            assert!(status.success(), "the last run finishes: {status}");
            let now = counts(&t).await;
            assert_eq!(now.users - base.users, ROWS);
            assert_consistent(&base, &now, ROWS);
            break;
        }
    }
    assert!(
        killed_while_running >= 2,
        "only {killed_while_running} kills landed while the import ran"
    );
}

/// The upload is stored by the API's own path (`Imports::submit`); a real server process runs
/// its job and is killed at random moments — before it claims the job, while it checks, while
/// it writes — and started again; its job is taken over when the dead worker's lease runs out.
async fn b1_the_server_killed_during_an_uploaded_import_writes_all_rows_or_none(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let text = prepare(&t, SERVER_ROWS).await;
    let base = counts(&t).await;
    let admin = Actor::system("test");
    let upload = async || {
        let pieces = futures::stream::iter([Ok::<_, std::io::Error>(text.clone().into_bytes())]);
        t.app
            .imports()
            .submit(&admin, t.fx.enterprise, false, pieces)
            .await
            .unwrap()
            .id
    };
    let mut import = upload().await;
    let dir = tempfile::tempdir().unwrap();
    let serve = || {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        tokio::process::Command::new(env!("CARGO_BIN_EXE_switchboard"))
            .args(["--database-url", t.database_url(), "serve", "--listen"])
            .arg(format!("127.0.0.1:{port}"))
            .current_dir(dir.path())
            .env("RUST_LOG", "error")
            // A dead worker's job is taken over after its lease: short here, to kill often.
            .env("SWITCHBOARD_WORKER__LEASE_MS", "1500")
            .env("SWITCHBOARD_WORKER__POLL_INTERVAL_MS", "100")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("switchboard serves")
    };
    let status = async |id| t.app.imports().get(&admin, id).await.unwrap();

    let mut rng = rand::rng();
    let mut kills = 0;
    let mut killed_while_running = 0;
    let mut limit_ms = 800u64;
    let mut finished = false;
    for _ in 0..20 {
        let mut server = serve();
        let delay = Duration::from_millis(rng.random_range(100..limit_ms));
        tokio::time::sleep(delay).await;
        server.start_kill().unwrap(); // SIGKILL
        server.wait().await.unwrap();
        kills += 1;
        let now = counts(&t).await;
        let written = now.users - base.users;
        let view = status(import).await;
        assert!(
            written == 0 || written == SERVER_ROWS,
            "after a kill at {delay:?}: {written} of {SERVER_ROWS} rows"
        );
        assert_consistent(&base, &now, written);
        // The import's status tells the truth: done exactly when its rows are there.
        assert_eq!(
            view.status.as_str() == "done",
            written == SERVER_ROWS,
            "{view:?} with {written} rows"
        );
        if matches!(view.status.as_str(), "checking" | "writing") {
            killed_while_running += 1;
        }
        if written == SERVER_ROWS {
            finished = true;
            break;
        }
        if view.status.as_str() == "failed" {
            // Its job gave up after too many lost runs; the administrator uploads it again.
            import = upload().await;
        }
        limit_ms += 150;
    }
    if !finished {
        // Left alone, the server finishes the import.
        let mut server = serve();
        let started = Instant::now();
        loop {
            let view = status(import).await;
            if view.status.is_final() {
                assert_eq!(view.status.as_str(), "done", "{view:?}");
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the import did not finish: {view:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        server.start_kill().unwrap();
        server.wait().await.unwrap();
    }
    let now = counts(&t).await;
    assert_eq!(now.users - base.users, SERVER_ROWS);
    assert_consistent(&base, &now, SERVER_ROWS);
    assert!(
        killed_while_running >= 3,
        "{kills} kills, {killed_while_running} while the import ran"
    );
    eprintln!("{kills} kills, {killed_while_running} while the import ran");
}

#[derive(Debug, PartialEq, Eq)]
struct Counts {
    users: u64,
    assigned_numbers: u64,
    assigned_licences: u64,
    accounts: u64,
    invitations: u64,
    activations: u64,
}

fn assert_consistent(base: &Counts, now: &Counts, written: u64) {
    assert_eq!(
        (
            now.assigned_numbers - base.assigned_numbers,
            now.assigned_licences - base.assigned_licences,
            now.accounts - base.accounts,
            now.invitations - base.invitations,
            now.activations - base.activations,
        ),
        (written, written, written, written, written),
        "{now:?} against {base:?}"
    );
}

async fn counts(t: &TestApp) -> Counts {
    sqlx::any::install_default_drivers();
    let mut conn = AnyConnection::connect(t.database_url()).await.unwrap();
    let mut count = async |sql: &str| -> u64 {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(&mut conn)
            .await
            .unwrap();
        n as u64
    };
    Counts {
        users: count("SELECT COUNT(*) FROM users").await,
        assigned_numbers: count("SELECT COUNT(*) FROM numbers WHERE user_id IS NOT NULL").await,
        assigned_licences: count(
            "SELECT CAST(COALESCE(SUM(assigned), 0) AS BIGINT) FROM licence_pools",
        )
        .await,
        accounts: count("SELECT COUNT(*) FROM portal_accounts WHERE subject_kind = 'user'").await,
        invitations: count("SELECT COUNT(*) FROM one_time_links WHERE purpose = 'invitation'")
            .await,
        activations: count("SELECT COUNT(*) FROM jobs WHERE kind = 'user.activate'").await,
    }
}
