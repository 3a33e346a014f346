//! Bulk work on users (B-1): the import template, CSV import (check everything first, then write
//! all rows or none, in one transaction) and export in the same columns.
//!
//! An import runs in three steps: the file is read row by row and each row checked on its own
//! (on a blocking thread: it is CPU work); the rows are checked against each other and against
//! the database in batches; then, if nothing is wrong and it is not a dry run, every user is
//! written in one transaction. Interfaces: the CLI calls [`Imports::run`] on a file; the REST
//! API stores an upload in chunks and a background job runs it ([`Imports::run_job`]).

mod check;
pub mod sheet;
mod write;

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use switchboard_domain::{EnterpriseId, ImportId, Timestamp};
use switchboard_store::imports::{self, Import, ImportStatus};
use switchboard_store::jobs::{self as job_store, NewJob};
use switchboard_store::users::{self, ListQuery, SortKey};

use self::check::{Draft, Reference};
use self::sheet::{Column, Problem, SheetWriter};
use crate::actor::{Actor, Channel};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::tenancy::load_enterprise;
use crate::{App, commit};

pub(crate) const IMPORT: &str = "users.import";
/// A report lists at most this many problems (and counts the rest): enough to fix a file by,
/// bounded whatever the file.
const MAX_LISTED_PROBLEMS: usize = 5_000;
/// Upload pieces stored per row of `import_chunks`.
pub const CHUNK_BYTES: usize = 1 << 20;
/// The largest upload: 200,000 rows of about 300 bytes (see [`sheet::MAX_ROWS`]) with room.
pub const MAX_UPLOAD_BYTES: i64 = 128 << 20;
/// How long a clean dry run can be confirmed (its upload is kept that long, then dropped).
const CONFIRM_WITHIN_MILLIS: i64 = 60 * 60 * 1000;

/// How far an import has come, for a progress bar or a poll.
#[derive(Debug, Default)]
pub struct Progress {
    rows_read: AtomicU64,
    writing: AtomicBool,
}

impl Progress {
    pub fn rows_read(&self) -> u64 {
        self.rows_read.load(Ordering::Relaxed)
    }

    pub fn writing(&self) -> bool {
        self.writing.load(Ordering::Relaxed)
    }
}

/// The outcome of an import: what was (or, in a dry run, would be) done, and every problem.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Data rows read.
    pub rows: u64,
    /// Users created, or that a dry run would create.
    pub created: u64,
    /// Existing users that rows change (an edited export imported back), or would change.
    #[serde(default)]
    pub updated: u64,
    /// Rows that match an existing user exactly (an export imported back): left as they are.
    pub unchanged: u64,
    /// Invitations sent, or that a dry run would send.
    pub invitations: u64,
    /// Whether anything was written: all rows or none.
    pub written: bool,
    /// Every problem, by row then column (at most [`MAX_LISTED_PROBLEMS`]).
    pub problems: Vec<Problem>,
    /// How many problems there are in all.
    pub problems_total: u64,
}

/// An import started through the API, as its client polls it.
#[derive(Debug, Clone, Serialize)]
pub struct ImportView {
    pub id: ImportId,
    pub enterprise_id: EnterpriseId,
    pub status: ImportStatus,
    pub dry_run: bool,
    pub bytes: i64,
    pub rows_checked: i64,
    pub report: Option<ImportReport>,
    pub created_at: Timestamp,
    pub finished_at: Option<Timestamp>,
}

impl From<Import> for ImportView {
    fn from(i: Import) -> Self {
        Self {
            id: i.id,
            enterprise_id: i.enterprise_id,
            status: i.status,
            dry_run: i.dry_run,
            bytes: i.bytes,
            rows_checked: i.rows_checked,
            report: i
                .report_json
                .and_then(|json| serde_json::from_str(&json).ok()),
            created_at: i.created_at,
            finished_at: i.finished_at,
        }
    }
}

pub struct Imports<'a>(pub(crate) &'a App);

impl Imports<'_> {
    /// B-1: the header, and one example row as a comment that the importer skips.
    pub async fn template(&self, actor: &Actor, enterprise: EnterpriseId) -> AppResult<Vec<u8>> {
        let r = self.reference(actor, enterprise).await?;
        let mut out = SheetWriter::new(Vec::new(), b',');
        out.header().map_err(anyhow::Error::from)?;
        // The example uses the enterprise's own values: a site in reach, the package with the
        // most free licences, a desk phone.
        let package = r
            .licences
            .iter()
            .filter(|l| l.kind == switchboard_domain::LicenceKind::Package)
            .max_by_key(|l| r.free.get(&l.id).copied().unwrap_or(0));
        let device = r
            .devices
            .iter()
            .find(|d| d.kind == switchboard_domain::DeviceKind::DeskPhone);
        let site = r.some_site_name().unwrap_or_else(|| "Berlin".into());
        let example = Column::ALL.map(|c| match c {
            Column::Site => site.clone(),
            Column::FirstName => "Zoë".to_owned(),
            Column::LastName => "Ørsted".to_owned(),
            Column::Email => "zoe.orsted@example.com".to_owned(),
            Column::Role => "user".to_owned(),
            Column::PackageLicence => package.map(|l| l.code.to_string()).unwrap_or_default(),
            Column::PrimaryNumber => "'+493012345678".to_owned(),
            Column::Extension => "5678".to_owned(),
            Column::DeviceType => device.map(|d| d.code.clone()).unwrap_or_default(),
            Column::Language => "de".to_owned(),
            Column::PasswordMode => "invitation".to_owned(),
            _ => String::new(),
        });
        out.comment(&example.iter().map(String::as_str).collect::<Vec<_>>())
            .map_err(anyhow::Error::from)?;
        Ok(out.finish().map_err(anyhow::Error::from)?)
    }

    /// B-1: the template's second sheet: every column with what it takes, and every value the
    /// enterprise's catalogue allows (sites in reach, licences, device types, departments, teams).
    pub async fn allowed_values(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
    ) -> AppResult<Vec<u8>> {
        let r = self.reference(actor, enterprise).await?;
        let mut conn = self.0.db().read().await?;
        let mut out = csv_writer();
        let mut line = |column: &str, value: &str, meaning: &str| {
            out.write_record([
                column,
                &*sheet::neutralise(value),
                &*sheet::neutralise(meaning),
            ])
            .map_err(anyhow::Error::from)
        };
        line("column", "value", "meaning")?;
        for c in Column::ALL {
            line(c.header(), "", c.hint())?;
        }
        let sites: Vec<switchboard_store::org::Site> = switchboard_store::org::list(
            &mut conn,
            switchboard_store::org::UnitTable::Sites,
            enterprise,
        )
        .await?;
        for s in sites.iter().filter(|s| r.reaches(s.id)) {
            line("site", &s.name, "site")?;
        }
        for l in &r.licences {
            let column = match l.kind {
                switchboard_domain::LicenceKind::Package => "package_licence",
                switchboard_domain::LicenceKind::Addon => "addon_licences",
            };
            let free = r.free.get(&l.id).copied().unwrap_or(0);
            line(
                column,
                l.code.as_str(),
                &format!("{} ({free} free)", l.name),
            )?;
        }
        for d in &r.devices {
            line("device_type", &d.code, &d.name)?;
        }
        let departments: Vec<switchboard_store::org::Department> = switchboard_store::org::list(
            &mut conn,
            switchboard_store::org::UnitTable::Departments,
            enterprise,
        )
        .await?;
        for d in departments {
            line("department", &d.name, "department")?;
        }
        let teams: Vec<switchboard_store::org::Team> = switchboard_store::org::list(
            &mut conn,
            switchboard_store::org::UnitTable::Teams,
            enterprise,
        )
        .await?;
        for t in teams {
            line("teams", &t.name, "team")?;
        }
        for role in switchboard_domain::PortalRole::ALL {
            line("role", role.as_str(), "portal role")?;
        }
        for lang in switchboard_domain::Language::ALL {
            line("language", lang.as_str(), "language of the portal and mail")?;
        }
        Ok(out
            .into_inner()
            .map_err(|e| anyhow::anyhow!(e.to_string()))?)
    }

    /// B-1: every user in the actor's reach, in the import's columns, `separator` between cells;
    /// cells a spreadsheet would run as formulas are neutralised. Pages of 1,000 by id.
    pub async fn export(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        separator: u8,
        out: impl std::io::Write,
    ) -> AppResult<u64> {
        actor.require_admin("export users")?;
        let r = self.reference(actor, enterprise).await?;
        let mut conn = self.0.db().read().await?;
        let mut sheet = SheetWriter::new(out, separator);
        sheet.header().map_err(anyhow::Error::from)?;
        let mut after = None;
        let mut count = 0;
        loop {
            let query = ListQuery {
                enterprise_id: enterprise,
                within_sites: actor.site_limit(),
                state: None,
                site: None,
                role: None,
                licence: None,
                device_type: None,
                department: None,
                team: None,
                group: None,
                campaign: None,
                search: None,
                sort: SortKey::Created,
                descending: false,
                after: after.take(),
                limit: 1_000,
            };
            let page = users::list(&mut conn, self.0.db().backend(), &query).await?;
            for user in &page {
                let cells = r.cells_of(user);
                sheet
                    .row(cells.iter().map(String::as_str))
                    .map_err(anyhow::Error::from)?;
            }
            count += page.len() as u64;
            match page.last() {
                Some(last) if page.len() == 1_000 => {
                    after = Some((last.id.to_string(), last.id.to_string()));
                }
                _ => break,
            }
        }
        sheet.finish().map_err(anyhow::Error::from)?;
        Ok(count)
    }

    /// B-1: reads, checks and (unless a dry run, and only if nothing is wrong) writes a file in
    /// one transaction. `progress` follows the rows read and the start of the write.
    pub async fn run(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        input: impl Read + Send + 'static,
        dry_run: bool,
        progress: Arc<Progress>,
    ) -> AppResult<ImportReport> {
        self.run_as(actor, enterprise, input, dry_run, progress, None)
            .await
    }

    async fn run_as(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        input: impl Read + Send + 'static,
        dry_run: bool,
        progress: Arc<Progress>,
        import: Option<ImportId>,
    ) -> AppResult<ImportReport> {
        actor.require_admin("import users")?;
        let mut actor = actor.clone();
        actor.channel = Channel::Import;
        let r = Arc::new(self.reference(&actor, enterprise).await?);
        let reading = {
            let (r, progress) = (r.clone(), progress.clone());
            tokio::task::spawn_blocking(move || {
                let mut drafts: Vec<Draft> = Vec::new();
                let mut problems = Vec::new();
                let mut rows = 0u64;
                let shape = sheet::read(input, |row| {
                    rows += 1;
                    progress.rows_read.store(rows, Ordering::Relaxed);
                    match check::draft(&row, &r) {
                        Ok(draft) => drafts.push(draft),
                        Err(found) => problems.extend(found),
                    }
                });
                problems.extend(shape);
                (drafts, problems, rows)
            })
        };
        let (drafts, mut problems, rows) = reading.await.map_err(anyhow::Error::from)?;
        let mut conn = self.0.db().read().await?;
        let checked =
            check::against_each_other_and_the_database(&mut conn, &r, drafts, &mut problems)
                .await?;
        drop(conn);
        // What would be created: the rows without a problem of their own.
        let refused_rows: std::collections::HashSet<u64> =
            problems.iter().filter_map(|p| p.row).collect();
        let creatable = checked
            .create
            .iter()
            .filter(|d| !refused_rows.contains(&d.row));
        let invitations = creatable.clone().filter(|d| d.invite).count() as u64;
        let updatable = checked
            .update
            .iter()
            .filter(|u| !refused_rows.contains(&u.row))
            .count() as u64;
        let mut report = ImportReport {
            dry_run,
            rows,
            created: creatable.count() as u64,
            updated: updatable,
            unchanged: checked.unchanged,
            invitations,
            written: false,
            problems_total: problems.len() as u64,
            problems: Vec::new(),
        };
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.row.unwrap_or(0));
            problems.truncate(MAX_LISTED_PROBLEMS);
            report.problems = problems;
            return Ok(report);
        }
        if dry_run || (checked.create.is_empty() && checked.update.is_empty()) {
            return Ok(report);
        }
        progress.writing.store(true, Ordering::Relaxed);
        let mut tx = self.0.begin().await?;
        // A run after a crash, or by a second worker, finds the import finished and stops here.
        if let Some(id) = import
            && !imports::advance(
                &mut tx,
                id,
                ImportStatus::Writing,
                rows as i64,
                self.0.now(),
            )
            .await?
        {
            return Err(AppError::conflict(
                "import-finished",
                "This import has run already.",
            ));
        }
        if !checked.create.is_empty() {
            let invited = write::create_all(
                self.0,
                &mut tx,
                &actor,
                &r.enterprise.name,
                &r.enterprise.contact_email,
                &checked.create,
            )
            .await?;
            report.invitations = invited as u64;
        }
        // Changed users after the new ones: a number or licence one of them frees is not taken
        // by a new user of the same file (the check counted them as still held).
        if let Err(problem) =
            write::update_all(self.0, &mut tx, &actor, &r, &checked.update).await?
        {
            // Changed since the check: nothing is written (the transaction is dropped).
            report.created = 0;
            report.updated = 0;
            report.problems_total = 1;
            report.problems = vec![problem];
            return Ok(report);
        }
        report.written = true;
        audit::record(
            &mut tx,
            &actor,
            self.0.now(),
            Change {
                enterprise: Some(enterprise),
                action: "users.imported",
                target_kind: "enterprise",
                target_id: enterprise.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "rows": report.rows, "created": report.created, "updated": report.updated,
                    "unchanged": report.unchanged, "invitations": report.invitations,
                })),
            },
        )
        .await?;
        if let Some(id) = import {
            let json = serde_json::to_string(&report).map_err(anyhow::Error::from)?;
            imports::finish(
                &mut tx,
                id,
                ImportStatus::Done,
                rows as i64,
                &json,
                false,
                self.0.now(),
            )
            .await?;
        }
        self.0.commit_with_jobs(tx).await?;
        Ok(report)
    }

    /// B-1 over the API: stores an upload, piece by piece as it arrives, and queues its job.
    /// `pieces` yields the body's bytes; nothing holds the whole file.
    pub async fn submit<S, B, E>(
        &self,
        actor: &Actor,
        enterprise: EnterpriseId,
        dry_run: bool,
        mut pieces: S,
    ) -> AppResult<ImportView>
    where
        S: futures::Stream<Item = Result<B, E>> + Unpin,
        B: AsRef<[u8]>,
        E: std::fmt::Display,
    {
        actor.require_admin("import users")?;
        self.reference(actor, enterprise).await?;
        let now = self.0.now();
        let import = Import {
            id: ImportId::new(),
            enterprise_id: enterprise,
            actor_json: serde_json::to_string(actor).map_err(anyhow::Error::from)?,
            dry_run,
            status: ImportStatus::Queued,
            bytes: 0,
            rows_checked: 0,
            report_json: None,
            created_at: now,
            updated_at: now,
            finished_at: None,
        };
        // Each piece in a short transaction of its own, so that a slow upload never holds the
        // (SQLite: only) writer; the job comes last, so a half-stored upload never runs, and a
        // broken one is removed.
        let mut tx = self.0.begin().await?;
        imports::insert(&mut tx, &import).await?;
        commit(tx).await?;
        let stored = self.store_pieces(import.id, &mut pieces).await;
        let bytes = match stored {
            Ok(bytes) => bytes,
            Err(e) => {
                let mut tx = self.0.begin().await?;
                imports::delete(&mut tx, import.id).await?;
                commit(tx).await?;
                return Err(e);
            }
        };
        let mut tx = self.0.begin().await?;
        imports::set_bytes(&mut tx, import.id, bytes).await?;
        imports::drop_stale_uploads(&mut tx, now.plus_millis(-CONFIRM_WITHIN_MILLIS)).await?;
        self.queue(&mut tx, &import, now).await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(ImportView {
            bytes,
            ..import.into()
        })
    }

    async fn queue(
        &self,
        tx: &mut switchboard_store::Tx,
        import: &Import,
        now: Timestamp,
    ) -> AppResult<()> {
        job_store::enqueue(
            tx,
            &NewJob {
                kind: IMPORT,
                payload: serde_json::json!({ "import_id": import.id }),
                run_at: now,
                max_attempts: 3,
                enterprise_id: Some(import.enterprise_id),
                subject_id: Some(import.id.to_string()),
            },
            now,
        )
        .await?;
        Ok(())
    }

    /// Stores an upload in pieces of [`CHUNK_BYTES`]; returns its size.
    async fn store_pieces<S, B, E>(&self, import: ImportId, pieces: &mut S) -> AppResult<i64>
    where
        S: futures::Stream<Item = Result<B, E>> + Unpin,
        B: AsRef<[u8]>,
        E: std::fmt::Display,
    {
        use futures::StreamExt as _;
        let mut buffer: Vec<u8> = Vec::with_capacity(CHUNK_BYTES);
        let (mut seq, mut bytes) = (0i64, 0i64);
        loop {
            let piece = pieces.next().await;
            if let Some(piece) = &piece {
                let piece = piece.as_ref().map_err(|e| {
                    AppError::invalid("body", "unreadable", format!("The upload broke off: {e}."))
                })?;
                bytes += piece.as_ref().len() as i64;
                if bytes > MAX_UPLOAD_BYTES {
                    return Err(AppError::invalid(
                        "body",
                        "too-large",
                        format!(
                            "A file holds at most {} MiB; split it and import the parts one after the other.",
                            MAX_UPLOAD_BYTES >> 20
                        ),
                    ));
                }
                buffer.extend_from_slice(piece.as_ref());
            }
            if buffer.len() >= CHUNK_BYTES || (piece.is_none() && !buffer.is_empty()) {
                let mut tx = self.0.begin().await?;
                imports::add_chunk(&mut tx, import, seq, std::mem::take(&mut buffer)).await?;
                commit(tx).await?;
                seq += 1;
            }
            if piece.is_none() {
                return Ok(bytes);
            }
        }
    }

    /// B-1, check then confirm: a dry run that found nothing wrong is imported for real, from
    /// the very upload it checked (kept for an hour). The new import checks every row
    /// again (the database may have changed since) and writes all of them or none.
    pub async fn confirm(&self, actor: &Actor, checked: ImportId) -> AppResult<ImportView> {
        let dry_run = self.get(actor, checked).await?;
        actor.require_staff(dry_run.enterprise_id, "import users")?;
        let confirmable = dry_run.dry_run
            && dry_run.status == ImportStatus::Done
            && dry_run
                .report
                .as_ref()
                .is_some_and(|r| r.created + r.updated > 0);
        if !confirmable {
            return Err(AppError::invalid(
                "import",
                "not-confirmable",
                "Only a check that found nothing wrong, and users to create or change, can be imported.",
            ));
        }
        let now = self.0.now();
        let import = Import {
            id: ImportId::new(),
            enterprise_id: dry_run.enterprise_id,
            actor_json: serde_json::to_string(actor).map_err(anyhow::Error::from)?,
            dry_run: false,
            status: ImportStatus::Queued,
            bytes: dry_run.bytes,
            rows_checked: 0,
            report_json: None,
            created_at: now,
            updated_at: now,
            finished_at: None,
        };
        let mut tx = self.0.begin().await?;
        imports::drop_stale_uploads(&mut tx, now.plus_millis(-CONFIRM_WITHIN_MILLIS)).await?;
        imports::insert(&mut tx, &import).await?;
        // Moving the upload makes a second confirmation (another tab, a double click) find none.
        if imports::move_upload(&mut tx, checked, import.id).await? == 0 {
            return Err(AppError::conflict(
                "already-confirmed",
                "This check was imported already, or is older than an hour: upload the file again.",
            ));
        }
        self.queue(&mut tx, &import, now).await?;
        self.0.commit_with_jobs(tx).await?;
        Ok(import.into())
    }

    /// An import as its starter (or any administrator of the enterprise) polls it.
    pub async fn get(&self, actor: &Actor, id: ImportId) -> AppResult<ImportView> {
        let mut conn = self.0.db().read().await?;
        let import = imports::get(&mut conn, id)
            .await?
            .ok_or(AppError::NotFound("import"))?;
        actor
            .can_see_enterprise(import.enterprise_id)
            .map_err(|_| AppError::NotFound("import"))?;
        actor
            .require_admin("read imports")
            .map_err(|_| AppError::NotFound("import"))?;
        Ok(import.into())
    }

    /// The job of an uploaded import: runs it as the person who uploaded it.
    pub(crate) async fn run_job(&self, id: ImportId) -> AppResult<()> {
        let mut conn = self.0.db().read().await?;
        let Some(import) = imports::get(&mut conn, id).await? else {
            return Ok(());
        };
        drop(conn);
        if import.status.is_final() {
            return Ok(());
        }
        let actor: Actor = serde_json::from_str(&import.actor_json).map_err(anyhow::Error::from)?;
        self.record(id, ImportStatus::Checking, 0).await?;
        let progress = Arc::new(Progress::default());
        let reader = ChunkReader::new(self.0.clone(), id);
        let poller = {
            let (app, progress) = (self.0.clone(), progress.clone());
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                    if progress.writing() {
                        return;
                    }
                    let _ = app
                        .imports()
                        .record(id, ImportStatus::Checking, progress.rows_read())
                        .await;
                }
            })
        };
        let outcome = self
            .run_as(
                &actor,
                import.enterprise_id,
                reader,
                import.dry_run,
                progress.clone(),
                Some(id),
            )
            .await;
        poller.abort();
        let (status, report) = match outcome {
            Ok(report) if report.written => return Ok(()),
            Ok(report) if report.problems_total > 0 => (ImportStatus::Refused, report),
            Ok(report) => (ImportStatus::Done, report),
            Err(AppError::Internal(e)) => return Err(AppError::Internal(e)),
            Err(e) => (
                ImportStatus::Refused,
                ImportReport {
                    dry_run: import.dry_run,
                    rows: progress.rows_read(),
                    problems_total: 1,
                    problems: vec![Problem {
                        row: None,
                        column: None,
                        code: e.code().to_owned(),
                        message: e.to_string(),
                        args: Default::default(),
                    }],
                    ..Default::default()
                },
            ),
        };
        let json = serde_json::to_string(&report).map_err(anyhow::Error::from)?;
        let mut tx = self.0.begin().await?;
        // A clean dry run keeps its upload, so that confirming it imports the very file checked.
        let confirmable =
            import.dry_run && status == ImportStatus::Done && report.created + report.updated > 0;
        imports::finish(
            &mut tx,
            id,
            status,
            report.rows as i64,
            &json,
            confirmable,
            self.0.now(),
        )
        .await?;
        commit(tx).await
    }

    /// Gives up an import whose job failed for good, so that its client stops waiting.
    pub(crate) async fn fail(&self, id: ImportId, error: &str) -> AppResult<()> {
        let report = ImportReport {
            problems_total: 1,
            problems: vec![Problem {
                row: None,
                column: None,
                code: "internal".into(),
                message: format!("The import could not run ({error}); nothing was written."),
                args: Default::default(),
            }],
            ..Default::default()
        };
        let json = serde_json::to_string(&report).map_err(anyhow::Error::from)?;
        let mut tx = self.0.begin().await?;
        imports::finish(
            &mut tx,
            id,
            ImportStatus::Failed,
            0,
            &json,
            false,
            self.0.now(),
        )
        .await?;
        commit(tx).await
    }

    async fn record(&self, id: ImportId, status: ImportStatus, rows: u64) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        imports::advance(&mut tx, id, status, rows as i64, self.0.now()).await?;
        commit(tx).await
    }

    async fn reference(&self, actor: &Actor, enterprise: EnterpriseId) -> AppResult<Reference> {
        actor.require_staff(enterprise, "import or export users")?;
        actor.require_admin("import or export users")?;
        let mut conn = self.0.db().read().await?;
        let e = load_enterprise(&mut conn, enterprise).await?;
        Reference::load(&mut conn, actor, e, self.0.now()).await
    }
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

/// Reads an upload's chunks in order from the database, for the (blocking) CSV reader.
struct ChunkReader {
    app: App,
    import: ImportId,
    runtime: tokio::runtime::Handle,
    last_seq: i64,
    current: std::io::Cursor<Vec<u8>>,
}

impl ChunkReader {
    fn new(app: App, import: ImportId) -> Self {
        Self {
            app,
            import,
            runtime: tokio::runtime::Handle::current(),
            last_seq: -1,
            current: std::io::Cursor::new(Vec::new()),
        }
    }
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            let (app, import, after) = (self.app.clone(), self.import, self.last_seq);
            // Runs on the blocking thread of the import; the runtime serves the query.
            let next = self.runtime.block_on(async move {
                let mut conn = app.db().read().await?;
                imports::next_chunk(&mut conn, import, after).await
            });
            match next.map_err(std::io::Error::other)? {
                Some((seq, data)) => {
                    self.last_seq = seq;
                    self.current = std::io::Cursor::new(data);
                }
                None => return Ok(0),
            }
        }
    }
}
