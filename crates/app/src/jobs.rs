//! Background jobs (L-1, T-3): enqueued inside use-case transactions, run by a worker inside
//! `serve` or by `switchboard worker`, retried with exponential back-off, visible to operators.

use std::time::Duration;

use serde::Deserialize;
use switchboard_domain::{EnterpriseId, GroupId, JobId, MailId, Timestamp, UserId, UserState};
use switchboard_store::Tx;
use switchboard_store::jobs::{self, Job, JobQuery, JobStatus, NewJob};
use switchboard_store::outbox;
use switchboard_store::users::{self, User};

use crate::actor::Actor;
use crate::audit::{self, Change, snapshot};
use crate::error::{AppError, AppResult};
use crate::provisioner::{ProvisionError, RemovedUser, ResyncReport};
use crate::{App, commit, mail};

const ACTIVATE: &str = "user.activate";
pub(crate) const SYNC: &str = "user.sync";
const REMOVE: &str = "user.remove";
const GROUP_SYNC: &str = "group.sync";

#[derive(Deserialize)]
struct UserPayload {
    user_id: UserId,
}

#[derive(Deserialize)]
struct GroupPayload {
    group_id: GroupId,
}

#[derive(Deserialize)]
struct ImportPayload {
    import_id: switchboard_domain::ImportId,
}

#[derive(Deserialize)]
struct MailPayload {
    mail_id: MailId,
}

fn user_job(app: &App, kind: &'static str, user: &User, run_at: Timestamp) -> NewJob {
    job_of(app, kind, user.id, user.enterprise_id, run_at)
}

fn job_of(
    app: &App,
    kind: &'static str,
    user: UserId,
    enterprise: EnterpriseId,
    run_at: Timestamp,
) -> NewJob {
    NewJob {
        kind,
        payload: serde_json::json!({ "user_id": user }),
        run_at,
        max_attempts: app.job_settings().max_attempts,
        enterprise_id: Some(enterprise),
        subject_id: Some(user.to_string()),
    }
}

/// T-3 for a user known by id: the telephony side learns of their new login (L-8).
pub(crate) fn sync_job_of(app: &App, user: UserId, enterprise: EnterpriseId) -> NewJob {
    job_of(app, SYNC, user, enterprise, app.now())
}

/// L-1: activation runs when the (simulated) carrier's delay has passed.
pub(crate) fn activation_job(app: &App, user: &User) -> NewJob {
    let run_at = app
        .now()
        .plus_millis(app.provisioner().activation_delay_ms());
    user_job(app, ACTIVATE, user, run_at)
}

/// T-3: the telephony side learns of a changed user.
pub(crate) fn sync_job(app: &App, user: &User) -> NewJob {
    user_job(app, SYNC, user, app.now())
}

pub(crate) async fn enqueue_activation(tx: &mut Tx, app: &App, user: &User) -> AppResult<JobId> {
    Ok(jobs::enqueue(tx, &activation_job(app, user), app.now()).await?)
}

pub(crate) async fn enqueue_sync(tx: &mut Tx, app: &App, user: &User) -> AppResult<JobId> {
    Ok(jobs::enqueue(tx, &sync_job(app, user), app.now()).await?)
}

/// T-3 for a user known by id (another user's change reaches their line: a shared line, a
/// site's main number).
pub(crate) async fn enqueue_sync_of(
    tx: &mut Tx,
    app: &App,
    user: UserId,
    enterprise: EnterpriseId,
) -> AppResult<JobId> {
    Ok(jobs::enqueue(tx, &sync_job_of(app, user, enterprise), app.now()).await?)
}

/// L-4: the telephony side forgets a deleted user.
pub(crate) async fn enqueue_removal(
    tx: &mut Tx,
    app: &App,
    enterprise: EnterpriseId,
    removed: &RemovedUser,
) -> AppResult<JobId> {
    let job = NewJob {
        kind: REMOVE,
        payload: serde_json::to_value(removed).map_err(anyhow::Error::from)?,
        run_at: app.now(),
        max_attempts: app.job_settings().max_attempts,
        enterprise_id: Some(enterprise),
        subject_id: Some(removed.user_id.to_string()),
    };
    Ok(jobs::enqueue(tx, &job, app.now()).await?)
}

/// G-1, G-2, G-6 (T-3): the telephony side learns of a created, changed or deleted group that
/// callers reach. The job reads the group when it runs, so one job serves every change.
pub(crate) async fn enqueue_group_sync(
    tx: &mut Tx,
    app: &App,
    group: GroupId,
    enterprise: EnterpriseId,
) -> AppResult<JobId> {
    let job = NewJob {
        kind: GROUP_SYNC,
        payload: serde_json::json!({ "group_id": group }),
        run_at: app.now(),
        max_attempts: app.job_settings().max_attempts,
        enterprise_id: Some(enterprise),
        subject_id: Some(group.to_string()),
    };
    Ok(jobs::enqueue(tx, &job, app.now()).await?)
}

/// T-3: whether the telephony side has a user's last change, read from their newest sync job,
/// so that Switchboard and the SIP server never disagree silently.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PushState {
    pub status: PushStatus,
    /// Why the last attempt failed.
    pub error: Option<String>,
    pub job_id: Option<JobId>,
    pub attempts: i64,
    /// When a retrying push is tried next.
    pub next_attempt_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PushStatus {
    /// The last change was pushed (or there was never anything to push).
    InStep,
    /// A change waits for its first attempt.
    Pending,
    /// The last attempt failed; it is tried again with back-off.
    Retrying,
    /// Every attempt failed; an operator must look (the job list) and retry.
    Failed,
}

impl PushStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InStep => "in_step",
            Self::Pending => "pending",
            Self::Retrying => "retrying",
            Self::Failed => "failed",
        }
    }
}

impl PushState {
    pub(crate) fn of(job: Option<&Job>) -> Self {
        let Some(job) = job else {
            return Self {
                status: PushStatus::InStep,
                error: None,
                job_id: None,
                attempts: 0,
                next_attempt_at: None,
            };
        };
        let status = match job.status {
            JobStatus::Succeeded => PushStatus::InStep,
            JobStatus::Failed => PushStatus::Failed,
            JobStatus::Queued | JobStatus::Running if job.last_error.is_some() => {
                PushStatus::Retrying
            }
            JobStatus::Queued | JobStatus::Running => PushStatus::Pending,
        };
        Self {
            status,
            error: (status != PushStatus::InStep)
                .then(|| job.last_error.clone())
                .flatten(),
            job_id: Some(job.id),
            attempts: job.attempts,
            next_attempt_at: (status == PushStatus::Retrying).then_some(job.run_at),
        }
    }
}

/// How a job's run ended.
enum Outcome {
    Done,
    /// Ends the job as failed; no retry helps.
    GaveUp(String),
    /// Try again later.
    Retry(String),
}

pub struct Jobs<'a>(pub(crate) &'a App);

impl Jobs<'_> {
    /// Operators see the queue.
    pub async fn list(&self, actor: &Actor, query: JobQuery) -> AppResult<Vec<Job>> {
        actor.require_operator("see background jobs")?;
        let mut conn = self.0.db().read().await?;
        Ok(jobs::list(&mut conn, &query).await?)
    }

    pub async fn get(&self, actor: &Actor, id: JobId) -> AppResult<Job> {
        actor.require_operator("see background jobs")?;
        let mut conn = self.0.db().read().await?;
        jobs::get(&mut conn, id)
            .await?
            .ok_or(AppError::NotFound("job"))
    }

    /// An operator runs a failed job again. A failed activation is retried through
    /// [`crate::users::Users::retry_activation`], which also resets the user's state.
    pub async fn retry(&self, actor: &Actor, id: JobId) -> AppResult<Job> {
        actor.require_operator("retry background jobs")?;
        let mut tx = self.0.begin().await?;
        let job = jobs::get(&mut tx, id)
            .await?
            .ok_or(AppError::NotFound("job"))?;
        if job.kind == ACTIVATE {
            return Err(AppError::conflict(
                "use-retry-activation",
                "Retry a failed activation on the user (POST /api/v1/users/{id}/retry-activation), which resets its state.",
            ));
        }
        if !jobs::requeue(&mut tx, id, self.0.now()).await? {
            return Err(AppError::conflict(
                "invalid-state",
                format!(
                    "Only failed jobs can be retried; this one is {}.",
                    job.status.as_str()
                ),
            ));
        }
        audit::record(
            &mut tx,
            actor,
            self.0.now(),
            Change {
                enterprise: job.enterprise_id,
                action: "job.retried",
                target_kind: "job",
                target_id: id.to_string(),
                before: snapshot(&job.status),
                after: Some(serde_json::json!("queued")),
            },
        )
        .await?;
        self.0.commit_with_jobs(tx).await?;
        let mut conn = self.0.db().read().await?;
        jobs::get(&mut conn, id)
            .await?
            .ok_or(AppError::NotFound("job"))
    }

    /// T-3: compares every user with what the telephony side holds and repairs the difference
    /// (a lost write, a hand edit, a SIP database restored from an old backup). Run it when the
    /// queue is drained: a sync job still queued would otherwise be overtaken.
    pub async fn resync_provisioning(&self, actor: &Actor) -> AppResult<ResyncReport> {
        actor.require_operator("resync provisioning")?;
        let mut conn = self.0.db().read().await?;
        let expected = users::provisioning_all(&mut conn).await?;
        let groups = switchboard_store::groups::routing_all(&mut conn).await?;
        drop(conn);
        let report = self
            .0
            .provisioner()
            .resync(&expected, &groups)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("resync failed: {e}")))?;
        if report.changed() > 0 {
            let mut tx = self.0.begin().await?;
            audit::record(
                &mut tx,
                actor,
                self.0.now(),
                Change {
                    enterprise: None,
                    action: "provisioning.resynced",
                    target_kind: "provisioner",
                    target_id: self.0.provisioner().name().to_owned(),
                    before: None,
                    after: Some(serde_json::json!({
                        "added": report.added.len(),
                        "updated": report.updated.len(),
                        "removed": report.removed.len(),
                        "unchanged": report.unchanged,
                    })),
                },
            )
            .await?;
            commit(tx).await?;
        }
        Ok(report)
    }

    /// Runs every job that is due now, one after another; returns how many ran. Tests and the
    /// CLI use this to drain the queue deterministically.
    pub async fn run_due(&self, worker: &str) -> AppResult<usize> {
        let mut count = 0;
        while self.run_one(worker).await? {
            count += 1;
        }
        Ok(count)
    }

    /// Claims and runs one due job; false when none was due.
    pub async fn run_one(&self, worker: &str) -> AppResult<bool> {
        let now = self.0.now();
        let mut tx = self.0.begin().await?;
        let claimed = jobs::claim(
            &mut tx,
            self.0.db().backend(),
            worker,
            now,
            now.plus_millis(self.0.job_settings().lease_ms),
        )
        .await?;
        commit(tx).await?;
        let Some(job) = claimed else { return Ok(false) };
        // Give up well before the lease runs out, so that no other worker takes the job over
        // while this one still works on it.
        let limit = if job.kind == crate::import::IMPORT {
            // An import of 100,000 rows takes seconds to a minute; one that another worker took
            // over meanwhile finds the work finished and leaves it (see `Imports::run_job`).
            Duration::from_secs(600)
        } else {
            Duration::from_millis((self.0.job_settings().lease_ms / 2).max(1) as u64)
        };
        let outcome = match tokio::time::timeout(limit, self.execute(&job)).await {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(e)) => Outcome::Retry(format!("{e:#}")),
            Err(_) => Outcome::Retry(format!("no answer within {} ms", limit.as_millis())),
        };
        self.finish(&job, worker, outcome).await?;
        Ok(true)
    }

    async fn execute(&self, job: &Job) -> AppResult<Outcome> {
        match job.kind.as_str() {
            ACTIVATE => self.activate(job).await,
            SYNC => {
                let payload: UserPayload =
                    serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
                let mut conn = self.0.db().read().await?;
                let Some(target) = users::provisioning(&mut conn, payload.user_id).await? else {
                    return Ok(Outcome::Done);
                };
                drop(conn);
                Ok(provision_outcome(
                    self.0.provisioner().update(&target).await,
                ))
            }
            GROUP_SYNC => {
                let payload: GroupPayload =
                    serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
                let mut conn = self.0.db().read().await?;
                let routing =
                    switchboard_store::groups::routing(&mut conn, payload.group_id).await?;
                drop(conn);
                Ok(provision_outcome(
                    self.0
                        .provisioner()
                        .update_group(payload.group_id, routing.as_ref())
                        .await,
                ))
            }
            REMOVE => {
                let removed: RemovedUser =
                    serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
                Ok(provision_outcome(
                    self.0.provisioner().remove(&removed).await,
                ))
            }
            mail::SEND => self.send_mail(job).await,
            crate::broadcasts::SEND => {
                let payload: crate::broadcasts::SendPayload =
                    serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
                self.0.broadcasts().send(payload.broadcast_id).await?;
                Ok(Outcome::Done)
            }
            crate::import::IMPORT => {
                let payload: ImportPayload =
                    serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
                self.0.imports().run_job(payload.import_id).await?;
                Ok(Outcome::Done)
            }
            other => Ok(Outcome::GaveUp(format!("unknown job kind '{other}'"))),
        }
    }

    /// U-5: delivers one outbox message; once sent its body is forgotten.
    async fn send_mail(&self, job: &Job) -> AppResult<Outcome> {
        let payload: MailPayload =
            serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
        let mut conn = self.0.db().read().await?;
        let Some(message) = outbox::get(&mut conn, payload.mail_id).await? else {
            return Ok(Outcome::Done);
        };
        drop(conn);
        if message.status == "sent" {
            return Ok(Outcome::Done);
        }
        match self.0.mailer().deliver(&message).await {
            Ok(()) => {
                let mut tx = self.0.begin().await?;
                outbox::mark_sent(&mut tx, message.id, self.0.now()).await?;
                commit(tx).await?;
                Ok(Outcome::Done)
            }
            Err(error) => Ok(Outcome::Retry(error)),
        }
    }

    /// L-1: pending → active when the provisioner accepts, → failed when it refuses.
    async fn activate(&self, job: &Job) -> AppResult<Outcome> {
        let payload: UserPayload =
            serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
        let mut conn = self.0.db().read().await?;
        let Some(target) = users::provisioning(&mut conn, payload.user_id).await? else {
            return Ok(Outcome::Done);
        };
        drop(conn);
        if target.state != UserState::Pending {
            return Ok(Outcome::Done);
        }
        // A refusal or the last failed attempt marks the user failed in `finish`.
        let outcome = provision_outcome(self.0.provisioner().activate(&target).await);
        if let Outcome::Done = outcome {
            self.record_activation(target.user_id, None).await?;
        }
        Ok(outcome)
    }

    async fn record_activation(&self, user_id: UserId, failure: Option<String>) -> AppResult<()> {
        let mut tx = self.0.begin().await?;
        let Some(before) = users::get(&mut tx, user_id).await? else {
            return Ok(());
        };
        let next = match &failure {
            None => before.state.activation_succeeded(),
            Some(_) => before.state.activation_failed(),
        };
        // The user changed meanwhile (deleted and re-created, retried by hand): nothing to record.
        let Ok(state) = next else { return Ok(()) };
        let now = self.0.now();
        let mut after = before.clone();
        after.state = state;
        after.state_reason = failure;
        after.version += 1;
        after.updated_at = now;
        if after.state == UserState::Active {
            after.activated_at = Some(now);
        }
        if !users::update(&mut tx, &after, before.version).await? {
            return Ok(());
        }
        // T-3: the telephony side learns of the new state (active: calls now reach them).
        enqueue_sync(&mut tx, self.0, &after).await?;
        let action = if after.state == UserState::Active {
            "user.activated"
        } else {
            "user.activation_failed"
        };
        audit::record(
            &mut tx,
            &Actor::system("activation job"),
            now,
            Change {
                enterprise: Some(after.enterprise_id),
                action,
                target_kind: "user",
                target_id: after.id.to_string(),
                before: snapshot(&before),
                after: snapshot(&after),
            },
        )
        .await?;
        commit(tx).await
    }

    async fn finish(&self, job: &Job, worker: &str, outcome: Outcome) -> AppResult<()> {
        let now = self.0.now();
        let (error, retry_at) = match outcome {
            Outcome::Done => (None, None),
            Outcome::Retry(error) if job.attempts < job.max_attempts => {
                let retry_at = now.plus_millis(self.backoff_ms(job.attempts));
                tracing::info!(job = %job.id, kind = %job.kind, %error, attempt = job.attempts, "job will be retried");
                (Some(error), Some(retry_at))
            }
            Outcome::Retry(error) | Outcome::GaveUp(error) => {
                tracing::warn!(job = %job.id, kind = %job.kind, %error, attempts = job.attempts, "job failed");
                (Some(error), None)
            }
        };
        // L-1: an activation that ends without success leaves the user failed, never pending
        // for ever, so an operator can see it and retry.
        if let (ACTIVATE, Some(error), None) = (job.kind.as_str(), &error, retry_at) {
            let payload: UserPayload =
                serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
            self.record_activation(payload.user_id, Some(error.clone()))
                .await?;
        }
        if let (crate::import::IMPORT, Some(error), None) = (job.kind.as_str(), &error, retry_at) {
            let payload: ImportPayload =
                serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
            self.0.imports().fail(payload.import_id, error).await?;
        }
        let mut tx = self.0.begin().await?;
        if let (mail::SEND, Some(error)) = (job.kind.as_str(), &error) {
            let payload: MailPayload =
                serde_json::from_value(job.payload.clone()).map_err(anyhow::Error::from)?;
            outbox::mark_failed(&mut tx, payload.mail_id, error, retry_at.is_none()).await?;
        }
        let held = match &error {
            None => jobs::succeed(&mut tx, job.id, worker, now).await?,
            Some(error) => jobs::fail(&mut tx, job.id, worker, error, retry_at, now).await?,
        };
        if !held {
            tracing::warn!(job = %job.id, worker, "job was taken over by another worker; its result is dropped");
        }
        commit(tx).await
    }

    /// Exponential back-off: base × 2^(attempt − 1), at most ten minutes.
    fn backoff_ms(&self, attempts: i64) -> i64 {
        let base = self.0.job_settings().backoff_base_ms;
        base.saturating_mul(1i64 << (attempts.clamp(1, 20) - 1))
            .min(600_000)
    }

    /// The worker loop: runs due jobs, sleeps until the next one is due, a use case of this
    /// process enqueues one, or `poll` passes (another process may have enqueued); stops when
    /// `shutdown` resolves, after the job in hand.
    pub async fn work(
        &self,
        worker: &str,
        poll: Duration,
        shutdown: tokio::sync::watch::Receiver<bool>,
    ) {
        let mut shutdown = shutdown;
        tracing::info!(worker, "job worker started");
        while !*shutdown.borrow() {
            match self.run_due(worker).await {
                Ok(_) => {}
                Err(e) => tracing::error!(error = %format!("{e:#}"), "job worker error"),
            }
            let wait = match self.next_due_in().await {
                Some(until_due) => until_due.min(poll),
                None => poll,
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.0.job_added().notified() => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!(worker, "job worker stopped");
    }

    async fn next_due_in(&self) -> Option<Duration> {
        let mut conn = self.0.db().read().await.ok()?;
        let due = jobs::next_due(&mut conn).await.ok()??;
        Some(Duration::from_millis(
            (due.millis() - self.0.now().millis()).max(0) as u64,
        ))
    }
}

fn provision_outcome(result: Result<(), ProvisionError>) -> Outcome {
    match result {
        Ok(()) => Outcome::Done,
        Err(ProvisionError::Rejected(reason)) => Outcome::GaveUp(reason),
        Err(ProvisionError::Unavailable(reason)) => Outcome::Retry(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sync_job(status: JobStatus, last_error: Option<&str>) -> Job {
        Job {
            id: JobId::new(),
            kind: SYNC.into(),
            payload: serde_json::json!({}),
            status,
            attempts: if last_error.is_some() { 2 } else { 0 },
            max_attempts: 8,
            run_at: Timestamp::from_millis(5_000),
            locked_by: None,
            last_error: last_error.map(str::to_owned),
            enterprise_id: None,
            subject_id: None,
            created_at: Timestamp::from_millis(1_000),
            updated_at: Timestamp::from_millis(1_000),
            finished_at: None,
        }
    }

    #[test]
    fn t3_push_state_tells_in_step_waiting_retrying_and_failed_apart() {
        assert_eq!(PushState::of(None).status, PushStatus::InStep);
        let done = PushState::of(Some(&sync_job(JobStatus::Succeeded, None)));
        assert_eq!((done.status, done.error), (PushStatus::InStep, None));
        let waiting = PushState::of(Some(&sync_job(JobStatus::Queued, None)));
        assert_eq!(waiting.status, PushStatus::Pending);
        assert_eq!(waiting.next_attempt_at, None);

        let retrying = PushState::of(Some(&sync_job(JobStatus::Queued, Some("no table"))));
        assert_eq!(retrying.status, PushStatus::Retrying);
        assert_eq!(retrying.error.as_deref(), Some("no table"));
        assert_eq!(
            retrying.next_attempt_at,
            Some(Timestamp::from_millis(5_000))
        );

        let failed = PushState::of(Some(&sync_job(JobStatus::Failed, Some("no table"))));
        assert_eq!(failed.status, PushStatus::Failed);
        assert_eq!(failed.error.as_deref(), Some("no table"));
        assert!(failed.job_id.is_some(), "the operator retries this job");
    }
}
