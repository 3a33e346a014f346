//! P-2: importing users from CSV against the raw bulk insert of the same rows, in one run on one
//! fresh database. The raw side writes the rows an import writes — users, their numbers, portal
//! accounts, invitation links and mails, activation and sync jobs, audit entries — prebuilt,
//! with the same multi-row INSERTs, in one transaction: what the database needs for them. The
//! import reads the CSV file from disk, checks every row, then writes them in one transaction.
//! Peak memory is the process's high-water mark during the import (reset just before it).

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use switchboard_app::device_passwords::NewDevicePasswords;
use switchboard_app::import::{Progress, sheet::Column};
use switchboard_app::{Actor, App, Clock as _, SystemClock, secrets};
use switchboard_domain::{AuditId, MailId};
use switchboard_store::accounts::{self, Account};
use switchboard_store::audit::{self, AuditEntry};
use switchboard_store::jobs::{self, NewJob};
use switchboard_store::links::{self, Link};
use switchboard_store::outbox::{self, Message};
use switchboard_store::users::{self, SipCredentials, User};
use switchboard_store::{Db, bulk};

use crate::names::Names;
use crate::seed::pending_user;
use crate::setup::{DEVICE, NumberBlock, PACKAGE, Tenant};
use crate::stats::{rate, thousands};

const IMPORTED: NumberBlock = NumberBlock("+49304");
const RAW: NumberBlock = NumberBlock("+49305");
/// Email serials and extensions apart from every other set of the benchmark.
const IMPORT_SERIALS: u64 = 30_000_000;
const RAW_SERIALS: u64 = 40_000_000;

pub struct ImportFigures {
    pub users: u64,
    pub raw: Duration,
    pub import: Duration,
    /// Of the import: reading and checking (until the write began).
    pub checking: Duration,
    pub peak_mib: Option<f64>,
    /// Resident before the import began (runtime, pools, SQLite page caches).
    pub before_mib: Option<f64>,
    pub file_mib: f64,
    /// P-5: writing the new credentials, sync jobs and audit entries of every user, prebuilt.
    pub passwords_raw: Duration,
    /// P-5: the device password manager for the same users, and the download of its CSV.
    pub passwords: Duration,
}

impl ImportFigures {
    pub fn print(&self, database: &str) {
        let ratio = self.import.as_secs_f64() / self.raw.as_secs_f64().max(1e-9);
        let peak = self
            .peak_mib
            .map_or("n/a".into(), |m| format!("{m:.0} MiB"));
        let before = self
            .before_mib
            .map_or("n/a".into(), |m| format!("{m:.0} MiB"));
        println!(
            "\nP-2 import of {} users on {database} ({:.1} MiB CSV):",
            thousands(self.users),
            self.file_mib
        );
        println!(
            "  raw bulk insert of the same rows  {:>8.2} s  ({} users/s)",
            self.raw.as_secs_f64(),
            rate(self.users, self.raw)
        );
        println!(
            "  import (read, check, write)       {:>8.2} s  ({} users/s; checking {:.2} s, writing {:.2} s)",
            self.import.as_secs_f64(),
            rate(self.users, self.import),
            self.checking.as_secs_f64(),
            (self.import - self.checking).as_secs_f64()
        );
        println!(
            "  import / raw                      {ratio:>8.2} ×  (goal ≤ 3: {})",
            if ratio <= 3.0 { "met" } else { "MISSED" }
        );
        println!(
            "  peak memory during the import     {peak:>8}  (goal ≤ 200 MiB; {before} resident before it)"
        );
        let p5 = self.passwords.as_secs_f64() / self.passwords_raw.as_secs_f64().max(1e-9);
        println!(
            "  P-5 device passwords + CSV: raw {:.2} s, manager {:.2} s = {p5:.2} × (goal ≤ 3: {})",
            self.passwords_raw.as_secs_f64(),
            self.passwords.as_secs_f64(),
            if p5 <= 3.0 { "met" } else { "MISSED" }
        );
        println!(
            "\n| {database} | {} users | raw {:.2} s | import {:.2} s (check {:.2} s) | {ratio:.2} × | peak {peak} | P-5 raw {:.2} s, manager {:.2} s, {p5:.2} × |",
            thousands(self.users),
            self.raw.as_secs_f64(),
            self.import.as_secs_f64(),
            self.checking.as_secs_f64(),
            self.passwords_raw.as_secs_f64(),
            self.passwords.as_secs_f64(),
        );
    }
}

/// Loads the import's numbers, writes its CSV file, times the raw insert, then the import.
pub async fn measure(
    app: &App,
    db: &Db,
    tenant: &Tenant,
    count: u64,
) -> anyhow::Result<ImportFigures> {
    IMPORTED.load(app, tenant, count).await?;
    let file = write_file(count)?;
    let file_mib = std::fs::metadata(file.path())?.len() as f64 / 1_048_576.0;

    eprintln!("raw insert of {} users' rows", thousands(count));
    let raw = raw_insert(db, tenant, count).await?;

    // Fresh planner statistics after the raw load, as autovacuum would give them in time.
    crate::seed::settle(db).await?;
    eprintln!("importing {} users from CSV", thousands(count));
    reset_peak_memory();
    let before_mib = resident_mib();
    let progress = Arc::new(Progress::default());
    let started = Instant::now();
    let imports = app.imports();
    let actor = Actor::system("switchboard-bench");
    let run = imports.run(
        &actor,
        tenant.enterprise,
        std::fs::File::open(file.path())?,
        false,
        progress.clone(),
    );
    tokio::pin!(run);
    let mut checking = None;
    let report = loop {
        tokio::select! {
            report = &mut run => break report,
            _ = tokio::time::sleep(Duration::from_millis(5)) => {
                if checking.is_none() && progress.writing() {
                    checking = Some(started.elapsed());
                }
            }
        }
    };
    let import = started.elapsed();
    let report = report.map_err(|e| anyhow::anyhow!("the import failed: {e:?}"))?;
    anyhow::ensure!(
        report.written && report.created == count,
        "the import wrote {} of {count} users: {:?}",
        report.created,
        report.problems.first()
    );
    let peak_mib = peak_memory_mib();

    eprintln!(
        "new device passwords for the {} imported users",
        thousands(count)
    );
    let (passwords_raw, passwords) = device_passwords(app, db, tenant, count).await?;
    Ok(ImportFigures {
        users: count,
        raw,
        import,
        checking: checking.unwrap_or(import),
        peak_mib,
        before_mib,
        file_mib,
        passwords_raw,
        passwords,
    })
}

/// A `;` file as a German spreadsheet writes it, in the import's columns.
fn write_file(count: u64) -> anyhow::Result<tempfile::NamedTempFile> {
    let mut file = tempfile::NamedTempFile::new()?;
    {
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        let header: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
        writeln!(out, "{}\r", header.join(";"))?;
        for serial in 0..count {
            let person = Names::new(serial).person(IMPORT_SERIALS + serial);
            let cells = Column::ALL.map(|c| match c {
                // One site, so that P-5 renews all of them in one run.
                Column::Site => "Berlin HQ".to_owned(),
                Column::FirstName => person.first.clone(),
                Column::LastName => person.last.clone(),
                Column::Email => person.email.clone(),
                Column::Role => "user".into(),
                Column::PackageLicence => PACKAGE.into(),
                Column::PrimaryNumber => format!("'{}", IMPORTED.number(serial)),
                Column::Extension => (IMPORT_SERIALS + serial).to_string()[1..].to_owned(),
                Column::DeviceType => DEVICE.into(),
                Column::Language => ["en", "de", "fr"][serial as usize % 3].into(),
                Column::PasswordMode => "invitation".into(),
                _ => String::new(),
            });
            writeln!(out, "{}\r", cells.join(";"))?;
        }
        out.flush()?;
    }
    Ok(file)
}

/// The rows an import of `count` users writes, prebuilt, then written in one timed transaction.
async fn raw_insert(db: &Db, tenant: &Tenant, count: u64) -> anyhow::Result<Duration> {
    let now = SystemClock.now();
    let users: Vec<User> = (0..count)
        .map(|serial| {
            let person = Names::new(serial).person(RAW_SERIALS + serial);
            pending_user(
                tenant,
                person,
                0,
                RAW_SERIALS + serial,
                RAW.number(serial),
                now,
            )
        })
        .collect();
    let accounts: Vec<Account> = users
        .iter()
        .map(|u| Account::blank(&u.id.to_string(), "user", now))
        .collect();
    let links: Vec<Link> = users
        .iter()
        .map(|u| Link {
            token_hash: secrets::token_digest(&secrets::random_alphanumeric(43)),
            purpose: "invitation".into(),
            subject_id: u.id.to_string(),
            created_at: now,
            expires_at: now.plus_millis(7 * 86_400_000),
            used_at: None,
        })
        .collect();
    let messages: Vec<Message> = users
        .iter()
        .map(|u| Message {
            id: MailId::new(),
            enterprise_id: Some(u.enterprise_id),
            channel: "email".into(),
            recipient: u.email.as_str().to_owned(),
            subject: "Your Switchboard invitation".into(),
            body: Some(format!(
                "Hello {}, … {}",
                u.first_name.as_str(),
                "x".repeat(400)
            )),
            purpose: "invitation".into(),
            status: "stored".into(),
            created_at: now,
            sent_at: None,
            last_error: None,
        })
        .collect();
    let new_jobs: Vec<NewJob> = users
        .iter()
        .flat_map(|u| {
            ["user.sync", "user.activate"].map(|kind| NewJob {
                kind,
                payload: serde_json::json!({ "user_id": u.id }),
                run_at: now,
                max_attempts: 8,
                enterprise_id: Some(u.enterprise_id),
                subject_id: Some(u.id.to_string()),
            })
        })
        .collect();
    let entries: Vec<AuditEntry> = users
        .iter()
        .map(|u| AuditEntry {
            id: AuditId::new(),
            at: now,
            enterprise_id: Some(u.enterprise_id),
            actor: "switchboard-bench".into(),
            channel: "import".into(),
            client_ip: None,
            request_id: None,
            action: "user.created".into(),
            target_kind: "user".into(),
            target_id: u.id.to_string(),
            before: None,
            after: serde_json::to_value(u).ok(),
        })
        .collect();
    let backend = db.backend();
    let started = Instant::now();
    let mut tx = db.begin().await?;
    users::insert_many(&mut tx, backend, &users).await?;
    bulk::insert_rows(
        &mut tx,
        backend,
        "numbers",
        "number, enterprise_id, user_id, usage, created_at, assigned_at",
        6,
        &users,
        |q, u| {
            q.bind(u.primary_number.as_ref().map(|n| n.as_str().to_owned()))
                .bind(u.enterprise_id.to_string())
                .bind(u.id.to_string())
                .bind("primary")
                .bind(now.millis())
                .bind(now.millis())
        },
    )
    .await?;
    sqlx::query("UPDATE licence_pools SET assigned = assigned + $1 WHERE enterprise_id = $2 AND licence_type_id = $3")
        .bind(count as i64)
        .bind(tenant.enterprise.to_string())
        .bind(tenant.package.to_string())
        .execute(&mut *tx)
        .await?;
    accounts::insert_many(&mut tx, backend, &accounts).await?;
    links::insert_many(&mut tx, backend, &links).await?;
    outbox::insert_many(&mut tx, backend, &messages).await?;
    jobs::enqueue_many(&mut tx, backend, &new_jobs, now).await?;
    audit::insert_many(&mut tx, backend, &entries).await?;
    tx.commit().await?;
    Ok(started.elapsed())
}

/// Linux: resets the process's peak resident size (`VmHWM`) to its current size, after handing
/// the memory the raw side freed back to the system (so that it does not count for the import).
fn reset_peak_memory() {
    // SAFETY: malloc_trim only releases free heap pages; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Linux: the process's resident size now, in MiB.
fn resident_mib() -> Option<f64> {
    memory_line("VmRSS:")
}

/// Linux: the process's peak resident size since the last reset, in MiB.
fn peak_memory_mib() -> Option<f64> {
    memory_line("VmHWM:")
}

fn memory_line(name: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(name))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

/// P-5: the raw writes of a device password run (credentials, sync jobs, audit entries for every
/// user of the site, prebuilt), then the manager itself and the download of its CSV.
async fn device_passwords(
    app: &App,
    db: &Db,
    tenant: &Tenant,
    count: u64,
) -> anyhow::Result<(Duration, Duration)> {
    let mut conn = db.read().await?;
    let holders = users::line_holders(&mut conn, tenant.enterprise, tenant.sites[0]).await?;
    drop(conn);
    anyhow::ensure!(
        holders.len() as u64 >= count,
        "the site holds {} users",
        holders.len()
    );
    let now = SystemClock.now();
    let credentials: Vec<SipCredentials> = holders
        .iter()
        .map(|h| {
            let username = h
                .primary_number
                .clone()
                .unwrap_or_default()
                .replace('+', "");
            let password = secrets::sip_password();
            SipCredentials {
                user_id: h.user_id,
                enterprise_id: h.enterprise_id,
                ha1: secrets::sip_ha1(&username, &tenant.sip_domain, &password),
                ha1b: secrets::sip_ha1b(
                    &username,
                    &tenant.sip_domain,
                    &tenant.sip_domain,
                    &password,
                ),
                username,
                realm: tenant.sip_domain.clone(),
                created_at: now,
            }
        })
        .collect();
    let sync: Vec<NewJob> = holders
        .iter()
        .map(|h| NewJob {
            kind: "user.sync",
            payload: serde_json::json!({ "user_id": h.user_id }),
            run_at: now,
            max_attempts: 8,
            enterprise_id: Some(h.enterprise_id),
            subject_id: Some(h.user_id.to_string()),
        })
        .collect();
    let entries: Vec<AuditEntry> = holders
        .iter()
        .map(|h| AuditEntry {
            id: AuditId::new(),
            at: now,
            enterprise_id: Some(h.enterprise_id),
            actor: "switchboard-bench".into(),
            channel: "system".into(),
            client_ip: None,
            request_id: None,
            action: "user.sip_credentials_renewed".into(),
            target_kind: "user".into(),
            target_id: h.user_id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "sip_username": h.primary_number })),
        })
        .collect();
    let backend = db.backend();
    let started = Instant::now();
    let mut tx = db.begin().await?;
    users::replace_sip_credentials_many(&mut tx, backend, &credentials).await?;
    jobs::enqueue_many(&mut tx, backend, &sync, now).await?;
    audit::insert_many(&mut tx, backend, &entries).await?;
    tx.commit().await?;
    let raw = started.elapsed();

    let actor = Actor::system("switchboard-bench");
    let started = Instant::now();
    let issued = app
        .device_passwords()
        .issue(
            &actor,
            tenant.enterprise,
            NewDevicePasswords {
                site_id: Some(tenant.sites[0].to_string()),
                ..Default::default()
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("the device password run failed: {e:?}"))?;
    let csv = app
        .device_passwords()
        .download(&actor, &issued.download_token)
        .await
        .map_err(|e| anyhow::anyhow!("the download failed: {e:?}"))?;
    let manager = started.elapsed();
    anyhow::ensure!(
        csv.iter().filter(|b| **b == b'\n').count() == holders.len() + 1,
        "the CSV lists every user"
    );
    Ok((raw, manager))
}
