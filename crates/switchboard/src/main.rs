//! `switchboard`: the one binary (O-1). `serve` starts the API (and the job worker), `demo`
//! starts it with demo data, `worker` runs only jobs, `migrate` applies migrations, `token`
//! issues API tokens.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use switchboard::config::Settings;
use switchboard::{server, telemetry};
use switchboard_app::tokens::NewToken;
use switchboard_app::{Actor, AppError, SystemClock};

mod bulk;

#[derive(Parser)]
#[command(
    name = "switchboard",
    version,
    about = "Administration platform for a hosted business phone system"
)]
struct Cli {
    /// Configuration file (default: switchboard.toml in the working directory, if present).
    #[arg(long, global = true, env = "SWITCHBOARD_CONFIG")]
    config: Option<PathBuf>,
    /// Database: sqlite://PATH or postgres://… (default sqlite://switchboard.db).
    #[arg(long, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and run background jobs.
    Serve {
        /// Address to listen on (default 127.0.0.1:8080).
        #[arg(long)]
        listen: Option<String>,
        /// Load the demo data first.
        #[arg(long)]
        demo: bool,
        /// Do not run the job worker in this process (run `switchboard worker` instead).
        #[arg(long)]
        no_worker: bool,
        /// Start a local Kamailio beside the server and provision users into it (T-1).
        #[arg(long)]
        with_kamailio: bool,
    },
    /// Serve with demo data: one enterprise, two sites, licences, numbers, 50 users in every state.
    Demo {
        #[arg(long)]
        listen: Option<String>,
        /// Start a local Kamailio beside the server and provision users into it (T-1).
        #[arg(long)]
        with_kamailio: bool,
    },
    /// Run background jobs only (several may share one PostgreSQL).
    Worker,
    /// Apply database migrations and exit.
    Migrate,
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Read the mail outbox: invitations, reset links and sign-in codes (with the `outbox`
    /// mailer the whole text is here; after SMTP delivery only the envelope).
    Outbox {
        /// Only messages to this address.
        #[arg(long)]
        to: Option<String>,
        /// How many, newest first.
        #[arg(long, default_value_t = 10)]
        limit: i64,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Manage the provider's operators (portal accounts of provider staff).
    Operator {
        #[command(subcommand)]
        command: OperatorCommand,
    },
    /// The telephony side (T-3): repair drift between Switchboard and the SIP server.
    Provisioning {
        #[command(subcommand)]
        command: ProvisioningCommand,
    },
    /// Import users from CSV (B-1): every row is checked first, then all are written or none.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Export users as CSV, in the columns an import reads (B-1).
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// The device password manager (L-8): new desk-phone passwords for users of one site, and
    /// their login details written to a CSV file (the only copy of the passwords).
    DevicePasswords {
        #[arg(long)]
        enterprise: String,
        /// The site: its id or its exact name.
        #[arg(long)]
        site: String,
        /// Only these users (ids); all users of the site when absent.
        #[arg(long = "user")]
        users: Vec<String>,
        /// Read one password for all from standard input (strength-checked) instead of
        /// generating one per user.
        #[arg(long)]
        password_stdin: bool,
        /// Where to write the CSV (created readable by its owner only).
        #[arg(long)]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Check a file and, unless --dry-run, create its users in one transaction.
    Users {
        /// The CSV file (UTF-8 with or without BOM, `,` or `;` between cells).
        file: PathBuf,
        /// The enterprise: its id or its exact name.
        #[arg(long)]
        enterprise: String,
        /// Check only: report every problem and what would be created; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the import template and its sheet of allowed values into a directory.
    Template {
        #[arg(long)]
        enterprise: String,
        /// Where to write users-template.csv and users-allowed-values.csv.
        #[arg(long, default_value = ".")]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Every user of the enterprise, one row each.
    Users {
        #[arg(long)]
        enterprise: String,
        /// The file to write (default: standard output).
        #[arg(long)]
        output: Option<PathBuf>,
        /// `;` between cells (German and French spreadsheets) instead of `,`.
        #[arg(long)]
        semicolon: bool,
    },
}

#[derive(Subcommand)]
enum ProvisioningCommand {
    /// Compare every user with what the SIP server holds, write what is missing or different,
    /// remove what should not be there, and print what changed.
    Resync {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum OperatorCommand {
    /// Create an operator and print their one-time link to choose a password.
    Create {
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// en, de or fr.
        #[arg(long)]
        language: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Issue a token and print it once.
    Create {
        /// A provider operator token (sees and changes everything).
        #[arg(long)]
        operator: bool,
        /// An enterprise administrator token for this enterprise id.
        #[arg(long, conflicts_with = "operator")]
        enterprise: Option<String>,
        /// With --enterprise: a site administrator token for this site id.
        #[arg(long, requires = "enterprise")]
        site: Option<String>,
        /// What the token is for.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("switchboard: configuration error: {e:#}");
            return ExitCode::from(2);
        }
    };
    if let Some(url) = cli.database_url {
        settings.database_url = url;
    }
    telemetry::init_logging(&settings.log_format);
    match run(cli.command, settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("switchboard: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, mut settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve {
            listen,
            demo,
            no_worker,
            with_kamailio,
        } => {
            if let Some(listen) = listen {
                settings.listen = listen;
            }
            if no_worker {
                settings.worker.enabled = false;
            }
            server::serve(settings, demo, with_kamailio).await
        }
        Command::Demo {
            listen,
            with_kamailio,
        } => {
            if let Some(listen) = listen {
                settings.listen = listen;
            }
            server::serve(settings, true, with_kamailio).await
        }
        Command::Worker => server::worker(settings).await,
        Command::Migrate => {
            let db = switchboard_store::Db::connect(&settings.database_url).await?;
            let applied = db.migrate().await?;
            println!(
                "{applied} migration(s) applied to {}",
                settings.database_url_for_display()
            );
            Ok(())
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    operator,
                    enterprise,
                    site,
                    name,
                },
        } => {
            let db = server::open_database(&settings).await?;
            let app = server::build_app(&settings, db, Arc::new(SystemClock)).await?;
            let scope = match (operator, &enterprise, &site) {
                (true, _, _) => "operator",
                (false, Some(_), Some(_)) => "site",
                (false, Some(_), None) => "enterprise",
                (false, None, _) => anyhow::bail!("say --operator, or --enterprise ID [--site ID]"),
            };
            let input = NewToken {
                name: Some(name),
                scope: Some(scope.into()),
                enterprise_id: enterprise,
                site_id: site,
                expires_in_days: None,
            };
            let issued = app
                .tokens()
                .create(&Actor::cli_operator(), input)
                .await
                .map_err(describe)?;
            println!("{}", issued.token);
            eprintln!(
                "Token {} ({scope}) issued; it is shown only this once.",
                issued.record.id
            );
            Ok(())
        }
        Command::Outbox { to, limit, json } => outbox(&settings, to, limit, json).await,
        Command::Provisioning {
            command: ProvisioningCommand::Resync { json },
        } => resync(&settings, json).await,
        Command::Import { command } => bulk::import(&settings, command).await,
        Command::Export { command } => bulk::export(&settings, command).await,
        Command::DevicePasswords {
            enterprise,
            site,
            users,
            password_stdin,
            output,
        } => {
            bulk::device_passwords(
                &settings,
                &enterprise,
                &site,
                users,
                password_stdin,
                &output,
            )
            .await
        }
        Command::Operator {
            command:
                OperatorCommand::Create {
                    login,
                    name,
                    email,
                    language,
                },
        } => {
            let db = server::open_database(&settings).await?;
            let app = server::build_app(&settings, db, Arc::new(SystemClock)).await?;
            let input = switchboard_app::accounts::NewOperator {
                login_name: login,
                display_name: name,
                email,
                language,
            };
            let (operator, link) = app
                .accounts()
                .create_operator(&Actor::cli_operator(), input)
                .await
                .map_err(describe)?;
            println!("{link}");
            eprintln!(
                "Operator {} created. The link above (also sent to {}) lets them choose a password; it works once.",
                operator.login_name, operator.email
            );
            Ok(())
        }
    }
}

async fn outbox(
    settings: &Settings,
    to: Option<String>,
    limit: i64,
    json: bool,
) -> anyhow::Result<()> {
    let db = server::open_database(settings).await?;
    let app = server::build_app(settings, db, Arc::new(SystemClock)).await?;
    let query = switchboard_store::outbox::OutboxQuery {
        recipient: to,
        limit,
        ..Default::default()
    };
    let messages = app
        .outbox()
        .list(&Actor::cli_operator(), query)
        .await
        .map_err(describe)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&messages)?);
        return Ok(());
    }
    if messages.is_empty() {
        eprintln!("The outbox is empty.");
    }
    for m in messages {
        println!(
            "── {} · {} · {} · {}",
            m.created_at, m.channel, m.status, m.purpose
        );
        println!("To: {}\nSubject: {}\n", m.recipient, m.subject);
        match &m.body {
            Some(body) => println!("{body}"),
            None => println!("(delivered; the text is no longer kept)\n"),
        }
    }
    Ok(())
}

/// A readable message for the command line.
fn describe(error: AppError) -> anyhow::Error {
    match error {
        AppError::Validation(errors) => {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| format!("  {}: {}", e.field, e.message))
                .collect();
            anyhow::anyhow!("invalid input:\n{}", lines.join("\n"))
        }
        other => anyhow::anyhow!("{other} ({})", other.code()),
    }
}

/// `switchboard provisioning resync`: what changed, line by line, then the totals.
async fn resync(settings: &Settings, json: bool) -> anyhow::Result<()> {
    let db = server::open_database(settings).await?;
    let app = server::build_app(settings, db, Arc::new(SystemClock)).await?;
    let report = app
        .jobs()
        .resync_provisioning(&Actor::cli_operator())
        .await
        .map_err(describe)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for (verb, lines) in [
            ("added", &report.added),
            ("updated", &report.updated),
            ("removed", &report.removed),
        ] {
            for line in lines {
                println!("{verb:<8} {line}");
            }
        }
        println!(
            "{}: {} added, {} updated, {} removed, {} unchanged",
            app.provisioner().name(),
            report.added.len(),
            report.updated.len(),
            report.removed.len(),
            report.unchanged
        );
    }
    app.db().close().await;
    Ok(())
}
