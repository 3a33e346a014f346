//! Start-up and shutdown: connect, migrate, serve HTTP, run the job worker, stop gracefully.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use switchboard_app::accounts::AccountSettings;
use switchboard_app::mail::{Mailer, OutboxMailer, SmtpMailer, SmtpSecurity, SmtpSettings};
use switchboard_app::provisioner::kamailio::KamailioProvisioner;
use switchboard_app::{
    App, Clock, JobSettings, NumberPattern, Provisioner, SimulatedProvisioner, SystemClock,
};
use switchboard_store::Db;
use switchboard_web::AppState;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::Settings;
use crate::kamailio::{Kamailio, KamailioOptions};

/// Connects to the configured database and runs its migrations (O-3).
pub async fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database_url).await?;
    let applied = db.migrate().await?;
    if applied > 0 {
        tracing::info!(applied, "database migrated");
    }
    Ok(db)
}

/// The application over a database, with the configured provisioner and the given clock.
pub async fn build_app(settings: &Settings, db: Db, clock: Arc<dyn Clock>) -> anyhow::Result<App> {
    let provisioner = provisioner(settings).await?;
    let jobs = JobSettings {
        max_attempts: settings.worker.max_attempts,
        backoff_base_ms: settings.worker.backoff_base_ms,
        lease_ms: settings.worker.lease_ms,
    };
    App::new(db, clock, provisioner, jobs)
        .with_accounts(account_settings(settings), mailer(settings)?)
        .with_greetings_directory(
            settings
                .greetings
                .directory
                .as_deref()
                .filter(|d| !d.trim().is_empty())
                .map(Into::into),
        )
}

/// T-3: `simulated`, or `kamailio` over the simulated carrier (there is no real carrier).
async fn provisioner(settings: &Settings) -> anyhow::Result<Arc<dyn Provisioner>> {
    let carrier = SimulatedProvisioner {
        activation_delay_ms: settings.provisioner.activation_delay_ms,
        fail_numbers: settings
            .provisioner
            .fail_numbers
            .clone()
            .filter(|p| !p.is_empty())
            .map(NumberPattern),
    };
    Ok(match settings.provisioner.kind.as_str() {
        "kamailio" => Arc::new(
            KamailioProvisioner::connect(&settings.provisioner.kamailio_database_url, carrier)
                .await
                .context("the kamailio provisioner's database")?,
        ),
        _ => Arc::new(carrier),
    })
}

/// `serve --with-kamailio`: the Kamailio beside this server, on the provisioner's database.
async fn start_kamailio(settings: &Settings) -> anyhow::Result<Kamailio> {
    let k = &settings.kamailio;
    Kamailio::start(&KamailioOptions {
        binary: k.binary.clone(),
        listen: k.listen.clone(),
        run_dir: k.run_dir.clone().into(),
        database_url: settings.provisioner.kamailio_database_url.clone(),
        log_level: k.log_level,
        children: 4,
        pstn_gateway: k.pstn_gateway.clone(),
    })
    .await
}

fn account_settings(settings: &Settings) -> AccountSettings {
    AccountSettings {
        session_idle_ms: settings.portal.session_idle_minutes.max(1) * 60_000,
        session_absolute_ms: settings.portal.session_absolute_hours.max(1) * 3_600_000,
        public_url: settings.portal.public_url.trim_end_matches('/').to_owned(),
        ..AccountSettings::default()
    }
}

/// The configured mailer; an SMTP configuration that cannot work is refused at start-up.
fn mailer(settings: &Settings) -> anyhow::Result<Arc<dyn Mailer>> {
    let mail = &settings.mail;
    if mail.transport != "smtp" {
        return Ok(Arc::new(OutboxMailer));
    }
    let security = match mail.smtp_security.as_str() {
        "none" => SmtpSecurity::None,
        "tls" => SmtpSecurity::Tls,
        _ => SmtpSecurity::StartTls,
    };
    let smtp = SmtpSettings {
        host: mail.smtp_host.clone(),
        port: mail.smtp_port,
        security,
        username: Some(mail.smtp_username.clone()).filter(|u| !u.is_empty()),
        password: Some(mail.smtp_password.clone()).filter(|p| !p.is_empty()),
        from: mail.from.clone(),
    };
    Ok(Arc::new(SmtpMailer::new(&smtp)?))
}

/// A running server: where it listens, its application, and how to stop it.
pub struct Running {
    pub addr: SocketAddr,
    pub app: App,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Running {
    /// Stops accepting, finishes requests and the job in hand, then returns.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
        self.app.db().close().await;
    }

    /// Resolves when the server stops on its own (it should not).
    pub async fn wait(&mut self) {
        if let Some(task) = self.tasks.first_mut() {
            let _ = task.await;
        }
    }
}

/// Binds `listen` (port 0 picks a free one), then serves the app and, if `with_worker`, runs the
/// job worker in the same process.
pub async fn start(
    app: App,
    listen: &str,
    with_worker: bool,
    poll: Duration,
) -> anyhow::Result<Running> {
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {listen}: {e}"))?;
    let addr = listener.local_addr()?;
    let (shutdown, mut stopped) = watch::channel(false);
    let router = switchboard_web::router(AppState {
        app: app.clone(),
        metrics: Some(crate::telemetry::metrics()),
    });
    let mut tasks = Vec::new();
    let mut http_stopped = stopped.clone();
    tasks.push(tokio::spawn(async move {
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        let result = axum::serve(listener, service)
            .with_graceful_shutdown(async move {
                let _ = http_stopped.wait_for(|stop| *stop).await;
            })
            .await;
        if let Err(e) = result {
            tracing::error!(error = %e, "http server failed");
        }
    }));
    if with_worker {
        let worker_app = app.clone();
        let worker_id = format!("serve-{}-{}", std::process::id(), addr.port());
        let receiver = stopped.clone();
        tasks.push(tokio::spawn(async move {
            worker_app.jobs().work(&worker_id, poll, receiver).await
        }));
    }
    stopped.mark_unchanged();
    Ok(Running {
        addr,
        app,
        shutdown,
        tasks,
    })
}

/// `switchboard serve`: runs until Ctrl-C or SIGTERM; with `with_kamailio`, a local Kamailio
/// runs beside it on the kamailio provisioner's database.
pub async fn serve(mut settings: Settings, demo: bool, with_kamailio: bool) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    if with_kamailio {
        settings.provisioner.kind = "kamailio".to_owned();
    }
    let db = open_database(&settings).await?;
    let app = build_app(&settings, db, Arc::new(SystemClock)).await?;
    let kamailio = match with_kamailio {
        true => Some(start_kamailio(&settings).await?),
        false => None,
    };
    let demo_access = if demo {
        Some(crate::demo::load(&app, &settings).await?)
    } else {
        None
    };
    let running = start(
        app,
        &settings.listen,
        settings.worker.enabled,
        Duration::from_millis(settings.worker.poll_interval_ms),
    )
    .await?;
    tracing::info!(
        listen = %running.addr,
        database = %settings.database_url_for_display(),
        ready_in_ms = started.elapsed().as_millis() as u64,
        "switchboard is ready"
    );
    eprintln!("\nSwitchboard is listening on http://{}", running.addr);
    eprintln!("  portal:        http://{}/", running.addr);
    eprintln!("  database:      {}", settings.database_url_for_display());
    eprintln!("  API reference: http://{}/api/docs/", running.addr);
    eprintln!(
        "  OpenAPI:       http://{}/api/v1/openapi.json",
        running.addr
    );
    if let Some(kamailio) = &kamailio {
        eprintln!(
            "  SIP (Kamailio): {} over UDP — point a softphone here with a user's desk-phone login; log {}",
            kamailio.address,
            kamailio.log_file.display()
        );
    }
    match demo_access {
        Some(access) => {
            if let Some(password) = &access.admin_password {
                eprintln!(
                    "\nDemo enterprise administrator (portal sign-in; you choose your own password at first sign-in):\n  login:    {}\n  password: {password}",
                    access.admin_login
                );
            }
            eprintln!(
                "  Invitations and other mail stay in the outbox: switchboard outbox (or GET /api/v1/outbox)"
            );
            let token = access.token;
            eprintln!(
                "\nDemo operator token (shown once; a new one at every `demo` start):\n  export TOKEN={token}"
            );
            eprintln!(
                "  curl -s -H \"Authorization: Bearer $TOKEN\" http://{}/api/v1/enterprises\n",
                running.addr
            );
        }
        None => eprintln!("  first operator token: switchboard token create --operator\n"),
    }
    shutdown_signal().await;
    tracing::info!("shutting down");
    running.stop().await;
    if let Some(kamailio) = kamailio {
        kamailio.stop().await;
    }
    Ok(())
}

/// `switchboard worker`: only runs jobs, until Ctrl-C or SIGTERM.
pub async fn worker(settings: Settings) -> anyhow::Result<()> {
    let db = open_database(&settings).await?;
    let app = build_app(&settings, db, Arc::new(SystemClock)).await?;
    let (shutdown, receiver) = watch::channel(false);
    let worker_id = format!("worker-{}", std::process::id());
    let poll = Duration::from_millis(settings.worker.poll_interval_ms);
    let worker_app = app.clone();
    let task =
        tokio::spawn(async move { worker_app.jobs().work(&worker_id, poll, receiver).await });
    shutdown_signal().await;
    let _ = shutdown.send(true);
    let _ = task.await;
    app.db().close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
}
