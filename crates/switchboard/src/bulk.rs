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
    let verb = match (report.dry_run, report.written) {
        (_, true) => "created",
        (true, false) if report.problems_total == 0 => "would create",
        _ => "would have created",
    };
    println!(
        "{} rows: {verb} {} users ({} invitations), {} unchanged, {} problems{}",
        report.rows,
        report.created,
        report.invitations,
        report.unchanged,
        report.problems_total,
        if report.written {
            "; activations run in the background"
        } else {
            "; nothing was written"
        }
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
