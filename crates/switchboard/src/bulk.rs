//! `switchboard import …` and `switchboard export …` (B-1, I-3): the same use cases as the API,
//! run in this process against the configured database, with a progress bar on a terminal.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use switchboard::config::Settings;
use switchboard::server;
use switchboard_app::import::{ImportReport, Progress};
use switchboard_app::{Actor, App, SystemClock};
use switchboard_domain::EnterpriseId;

use crate::{ExportCommand, ImportCommand, describe};

async fn open(settings: &Settings) -> anyhow::Result<App> {
    let db = server::open_database(settings).await?;
    server::build_app(settings, db, Arc::new(SystemClock)).await
}

/// An enterprise named by id or by its exact name.
async fn enterprise_of(app: &App, given: &str) -> anyhow::Result<EnterpriseId> {
    if let Ok(id) = given.parse::<EnterpriseId>() {
        return Ok(id);
    }
    let mut conn = app.db().read().await?;
    let mut after: Option<String> = None;
    loop {
        let page = switchboard_store::enterprises::list(&mut conn, after.as_deref(), 500).await?;
        if let Some(e) = page.iter().find(|e| e.name == given) {
            return Ok(e.id);
        }
        match page.last() {
            Some(last) if page.len() == 500 => after = Some(last.name.clone()),
            _ => anyhow::bail!("there is no enterprise '{given}' (give its id or its exact name)"),
        }
    }
}

pub async fn import(settings: &Settings, command: ImportCommand) -> anyhow::Result<()> {
    let app = open(settings).await?;
    let actor = Actor::cli_operator();
    let outcome = match command {
        ImportCommand::Users {
            file,
            enterprise,
            dry_run,
            json,
        } => {
            let enterprise = enterprise_of(&app, &enterprise).await?;
            let input = std::fs::File::open(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let report = with_progress(&app, &actor, enterprise, input, dry_run).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print_report(&report);
            }
            if report.problems_total > 0 {
                Err(anyhow::anyhow!(
                    "{} problem(s): nothing was written",
                    report.problems_total
                ))
            } else {
                Ok(())
            }
        }
        ImportCommand::Template { enterprise, output } => {
            let enterprise = enterprise_of(&app, &enterprise).await?;
            let imports = app.imports();
            let template = imports
                .template(&actor, enterprise)
                .await
                .map_err(describe)?;
            let values = imports
                .allowed_values(&actor, enterprise)
                .await
                .map_err(describe)?;
            std::fs::create_dir_all(&output)?;
            for (name, body) in [
                ("users-template.csv", template),
                ("users-allowed-values.csv", values),
            ] {
                let path = output.join(name);
                std::fs::write(&path, body)?;
                eprintln!("wrote {}", path.display());
            }
            Ok(())
        }
    };
    app.db().close().await;
    outcome
}

/// Runs the import while a bar shows the rows read, then the write.
async fn with_progress(
    app: &App,
    actor: &Actor,
    enterprise: EnterpriseId,
    input: std::fs::File,
    dry_run: bool,
) -> anyhow::Result<ImportReport> {
    let size = input.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = Arc::new(Progress::default());
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
            .expect("a valid template"),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    let started = Instant::now();
    let imports = app.imports();
    let run = imports.run(actor, enterprise, input, dry_run, progress.clone());
    tokio::pin!(run);
    let report = loop {
        tokio::select! {
            report = &mut run => break report,
            _ = tokio::time::sleep(Duration::from_millis(100)) => {
                let read = progress.rows_read();
                bar.set_message(if progress.writing() {
                    format!("writing {read} rows in one transaction…")
                } else {
                    format!("checking: {read} rows read ({} KiB file)", size / 1024)
                });
            }
        }
    };
    bar.finish_and_clear();
    let report = report.map_err(describe)?;
    eprintln!(
        "{} rows in {:.1} s",
        report.rows,
        started.elapsed().as_secs_f64()
    );
    Ok(report)
}

fn print_report(report: &ImportReport) {
    for p in &report.problems {
        let row = p.row.map_or("file".to_owned(), |r| format!("row {r}"));
        let column = p.column.as_deref().unwrap_or("-");
        println!("{row:>9}  {column:<16}  {}  ({})", p.message, p.code);
    }
    if report.problems_total > report.problems.len() as u64 {
        println!(
            "… and {} more problems",
            report.problems_total - report.problems.len() as u64
        );
    }
    let clean = report.problems_total == 0;
    let (verb, changed, outcome) = match (report.dry_run, report.written, clean) {
        (_, true, _) => ("created", "updated", "; activations run in the background"),
        (true, _, true) => (
            "would create",
            "would update",
            "; nothing was written (dry run)",
        ),
        (false, _, true) => ("created", "updated", "; nothing to write"),
        (_, _, false) => (
            "would have created",
            "would have updated",
            "; nothing was written",
        ),
    };
    println!(
        "{} rows: {verb} {} users ({} invitations), {changed} {}, {} unchanged, {} problems{outcome}",
        report.rows,
        report.created,
        report.invitations,
        report.updated,
        report.unchanged,
        report.problems_total,
    );
}

pub async fn export(settings: &Settings, command: ExportCommand) -> anyhow::Result<()> {
    let ExportCommand::Users {
        enterprise,
        output,
        semicolon,
    } = command;
    let app = open(settings).await?;
    let enterprise = enterprise_of(&app, &enterprise).await?;
    let separator = if semicolon { b';' } else { b',' };
    let actor = Actor::cli_operator();
    let count = match &output {
        Some(path) => {
            let file = std::io::BufWriter::new(std::fs::File::create(path)?);
            app.imports()
                .export(&actor, enterprise, separator, file)
                .await
                .map_err(describe)?
        }
        None => app
            .imports()
            .export(&actor, enterprise, separator, std::io::stdout().lock())
            .await
            .map_err(describe)?,
    };
    if let Some(path) = output {
        eprintln!("exported {count} users to {}", path.display());
    }
    app.db().close().await;
    Ok(())
}

/// `switchboard device-passwords`: the run and its one download, written to a private file.
pub async fn device_passwords(
    settings: &Settings,
    enterprise: &str,
    site: &str,
    users: Vec<String>,
    password_stdin: bool,
    output: &std::path::Path,
) -> anyhow::Result<()> {
    use std::io::{BufRead, Write};
    use std::os::unix::fs::OpenOptionsExt;

    let app = open(settings).await?;
    let enterprise = enterprise_of(&app, enterprise).await?;
    let password = if password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Some(line.trim_end_matches(['\r', '\n']).to_owned())
    } else {
        None
    };
    let site_id = {
        let mut conn = app.db().read().await?;
        let sites: Vec<switchboard_store::org::Site> = switchboard_store::org::list(
            &mut conn,
            switchboard_store::org::UnitTable::Sites,
            enterprise,
        )
        .await?;
        sites
            .iter()
            .find(|s| s.name == site || s.id.to_string() == site)
            .map(|s| s.id.to_string())
            .ok_or_else(|| anyhow::anyhow!("there is no site '{site}' in this enterprise"))?
    };
    // Refuse to overwrite: the file is the only copy of the new passwords.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(output)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", output.display()))?;
    let actor = Actor::cli_operator();
    let input = switchboard_app::device_passwords::NewDevicePasswords {
        site_id: Some(site_id),
        user_ids: (!users.is_empty()).then_some(users),
        password,
    };
    let started = Instant::now();
    let outcome = async {
        let issued = app
            .device_passwords()
            .issue(&actor, enterprise, input)
            .await
            .map_err(describe)?;
        let csv = app
            .device_passwords()
            .download(&actor, &issued.download_token)
            .await
            .map_err(describe)?;
        file.write_all(&csv)?;
        file.sync_all()?;
        anyhow::Ok(issued.users)
    }
    .await;
    app.db().close().await;
    match outcome {
        Ok(count) => {
            eprintln!(
                "{count} users have new desk-phone passwords ({:.1} s); their login details are in {} (the only copy)",
                started.elapsed().as_secs_f64(),
                output.display()
            );
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(output);
            Err(e)
        }
    }
}
