//! Switchboard's use cases. One service per aggregate, each method: check the [`Actor`], validate,
//! run one transaction (with its audit entry and follow-up jobs), return domain records.
//! No HTTP or SQL here: the web, CLI and (later) portal and SCIM are thin adapters over this.

pub mod accounts;
pub mod actor;
pub mod attention;
pub mod audit;
pub mod broadcasts;
pub mod call_services;
pub mod campaigns;
pub mod catalogue;
pub mod clock;
pub mod device_passwords;
pub mod error;
pub mod greetings;
pub mod group_services;
pub mod groups;
pub mod import;
pub mod inbox;
pub mod jobs;
pub mod mail;
pub mod numbers;
pub mod organisation;
pub mod passwords;
pub mod picker;
pub mod pictures;
pub mod provisioner;
pub mod provisioning;
pub mod secrets;
pub mod selection;
pub mod teams;
pub mod tenancy;
pub mod tokens;
pub mod users;
pub mod voicemail;

use std::sync::Arc;

use switchboard_domain::Timestamp;
use switchboard_store::{Db, Tx};

pub use actor::{Actor, Channel, Principal};
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{AppError, AppResult};
pub use provisioner::{NumberPattern, Provisioner, SimulatedProvisioner};

/// Tuning of the job queue.
#[derive(Debug, Clone)]
pub struct JobSettings {
    /// Attempts before a job is given up (a transient failure is retried with back-off).
    pub max_attempts: i64,
    /// First retry delay; doubled each attempt, capped at ten minutes.
    pub backoff_base_ms: i64,
    /// How long a worker owns a claimed job before another may take it over.
    pub lease_ms: i64,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            max_attempts: 8,
            backoff_base_ms: 2_000,
            lease_ms: 60_000,
        }
    }
}

/// The application: storage, clock, provisioner and settings, shared by every interface.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    clock: Arc<dyn Clock>,
    provisioner: Arc<dyn Provisioner>,
    jobs: JobSettings,
    accounts: accounts::AccountSettings,
    mailer: Arc<dyn mail::Mailer>,
    /// S-1: where new greetings' audio goes — files in this directory, or (none) the database.
    greetings_directory: Option<std::path::PathBuf>,
    /// Wakes this process's worker when a use case enqueued a job.
    job_added: tokio::sync::Notify,
}

impl App {
    pub fn new(
        db: Db,
        clock: Arc<dyn Clock>,
        provisioner: Arc<dyn Provisioner>,
        jobs: JobSettings,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                db,
                clock,
                provisioner,
                jobs,
                accounts: accounts::AccountSettings::default(),
                mailer: Arc::new(mail::OutboxMailer),
                greetings_directory: None,
                job_added: tokio::sync::Notify::new(),
            }),
        }
    }

    /// Sets how accounts behave and where mail goes; called once, before the app is shared.
    pub fn with_accounts(
        mut self,
        settings: accounts::AccountSettings,
        mailer: Arc<dyn mail::Mailer>,
    ) -> Self {
        let inner = Arc::get_mut(&mut self.inner).expect("configure the app before sharing it");
        inner.accounts = settings;
        inner.mailer = mailer;
        self
    }

    /// Keeps new greetings' audio in files of `directory` instead of the database (S-1); it is
    /// created if missing. Called once, before the app is shared.
    pub fn with_greetings_directory(
        mut self,
        directory: Option<std::path::PathBuf>,
    ) -> anyhow::Result<Self> {
        if let Some(directory) = &directory {
            std::fs::create_dir_all(directory).map_err(|e| {
                anyhow::anyhow!(
                    "cannot create the greetings directory {}: {e}",
                    directory.display()
                )
            })?;
        }
        let inner = Arc::get_mut(&mut self.inner).expect("configure the app before sharing it");
        inner.greetings_directory = directory;
        Ok(self)
    }

    pub(crate) fn greetings_directory(&self) -> Option<&std::path::Path> {
        self.inner.greetings_directory.as_deref()
    }

    pub fn account_settings(&self) -> &accounts::AccountSettings {
        &self.inner.accounts
    }

    pub fn mailer(&self) -> &dyn mail::Mailer {
        self.inner.mailer.as_ref()
    }

    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    pub fn now(&self) -> Timestamp {
        self.inner.clock.now()
    }

    pub fn provisioner(&self) -> &dyn Provisioner {
        self.inner.provisioner.as_ref()
    }

    pub(crate) fn job_settings(&self) -> &JobSettings {
        &self.inner.jobs
    }

    pub(crate) async fn begin(&self) -> AppResult<Tx> {
        Ok(self.inner.db.begin().await?)
    }

    /// Commits a transaction that enqueued jobs, then wakes the worker.
    pub(crate) async fn commit_with_jobs(&self, tx: Tx) -> AppResult<()> {
        tx.commit()
            .await
            .map_err(switchboard_store::StoreError::from)?;
        self.inner.job_added.notify_one();
        Ok(())
    }

    pub(crate) fn job_added(&self) -> &tokio::sync::Notify {
        &self.inner.job_added
    }

    pub fn attention(&self) -> attention::Attention<'_> {
        attention::Attention(self)
    }

    pub fn tenancy(&self) -> tenancy::Tenancy<'_> {
        tenancy::Tenancy(self)
    }

    pub fn catalogue(&self) -> catalogue::Catalogue<'_> {
        catalogue::Catalogue(self)
    }

    pub fn numbers(&self) -> numbers::Numbers<'_> {
        numbers::Numbers(self)
    }

    pub fn organisation(&self) -> organisation::Organisation<'_> {
        organisation::Organisation(self)
    }

    pub fn teams(&self) -> teams::Teams<'_> {
        teams::Teams(self)
    }

    pub fn call_services(&self) -> call_services::Services<'_> {
        call_services::Services(self)
    }

    pub fn broadcasts(&self) -> broadcasts::Broadcasts<'_> {
        broadcasts::Broadcasts(self)
    }

    pub fn inbox(&self) -> inbox::Inbox<'_> {
        inbox::Inbox(self)
    }

    pub fn groups(&self) -> groups::Groups<'_> {
        groups::Groups(self)
    }

    pub fn provisioning(&self) -> provisioning::Provisioning<'_> {
        provisioning::Provisioning(self)
    }

    pub fn group_services(&self) -> group_services::GroupServices<'_> {
        group_services::GroupServices(self)
    }

    pub fn voicemail(&self) -> voicemail::Voicemail<'_> {
        voicemail::Voicemail(self)
    }

    pub fn greetings(&self) -> greetings::Greetings<'_> {
        greetings::Greetings(self)
    }

    pub fn picker(&self) -> picker::Picker<'_> {
        picker::Picker(self)
    }

    pub fn pictures(&self) -> pictures::Pictures<'_> {
        pictures::Pictures(self)
    }

    pub fn campaigns(&self) -> campaigns::Campaigns<'_> {
        campaigns::Campaigns(self)
    }

    pub fn users(&self) -> users::Users<'_> {
        users::Users(self)
    }

    pub fn tokens(&self) -> tokens::Tokens<'_> {
        tokens::Tokens(self)
    }

    pub fn imports(&self) -> import::Imports<'_> {
        import::Imports(self)
    }

    pub fn device_passwords(&self) -> device_passwords::DevicePasswords<'_> {
        device_passwords::DevicePasswords(self)
    }

    pub fn selection(&self) -> selection::Selection<'_> {
        selection::Selection(self)
    }

    pub fn jobs(&self) -> jobs::Jobs<'_> {
        jobs::Jobs(self)
    }

    pub fn audit(&self) -> audit::AuditLog<'_> {
        audit::AuditLog(self)
    }
}

/// Commits a transaction, mapping the storage error.
pub(crate) async fn commit(tx: Tx) -> AppResult<()> {
    tx.commit()
        .await
        .map_err(switchboard_store::StoreError::from)?;
    Ok(())
}
