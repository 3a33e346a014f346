//! Background jobs (L-1, T-3, O-1): in the same transaction as the use case, survive restarts,
//! retry with back-off, run once with two workers, visible to and retried by operators.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use serde_json::json;
use switchboard_app::provisioner::{ProvisionError, ProvisionedUser, RemovedUser};
use switchboard_app::{ManualClock, Provisioner};
use switchboard_domain::Timestamp;

use crate::on_both_kinds;
use crate::support::{Kind, Options, TestApp};

/// A provisioner that counts what it was asked and fails as told.
#[derive(Default)]
struct Scripted {
    activations: AtomicUsize,
    unavailable_left: AtomicI64,
    reject_updates: AtomicBool,
}

#[async_trait]
impl Provisioner for Scripted {
    fn name(&self) -> &'static str {
        "scripted"
    }

    async fn activate(&self, _user: &ProvisionedUser) -> Result<(), ProvisionError> {
        if self.unavailable_left.fetch_sub(1, Ordering::SeqCst) > 0 {
            return Err(ProvisionError::Unavailable("carrier API timed out".into()));
        }
        self.activations.fetch_add(1, Ordering::SeqCst);
        // Hold the job a moment so that two workers truly overlap.
        tokio::time::sleep(Duration::from_millis(2)).await;
        Ok(())
    }

    async fn update(&self, _user: &ProvisionedUser) -> Result<(), ProvisionError> {
        if self.reject_updates.load(Ordering::SeqCst) {
            Err(ProvisionError::Rejected("SIP server refused".into()))
        } else {
            Ok(())
        }
    }

    async fn remove(&self, _user: &RemovedUser) -> Result<(), ProvisionError> {
        Ok(())
    }
}

fn options(provisioner: Arc<Scripted>, clock: Option<ManualClock>) -> Options {
    let mut options = Options {
        provisioner,
        ..Options::default()
    };
    if let Some(clock) = clock {
        options.clock = Arc::new(clock);
    }
    options
}

on_both_kinds!(
    l1_activation_job_is_enqueued_with_the_user_and_survives_a_restart,
    t3_unavailable_provisioner_is_retried_with_backoff_then_fails_the_user,
    o1_two_workers_run_each_job_exactly_once,
    l1_worker_inside_serve_activates_new_users,
    t3_operator_sees_and_retries_a_failed_job
);

async fn l1_activation_job_is_enqueued_with_the_user_and_survives_a_restart(kind: Kind) {
    let provisioner = Arc::new(Scripted::default());
    let Some(mut first) = TestApp::spawn_with(kind, options(provisioner.clone(), None)).await
    else {
        return;
    };
    let created = first.create_user("+493012345601", json!({})).await;
    let id = created["user"]["id"].as_str().unwrap().to_owned();
    let jobs = first
        .get(&format!("/api/v1/jobs?subject_id={id}"), &first.fx.operator)
        .await;
    assert_eq!(jobs.body["items"][0]["status"], "queued");
    first.stop().await;

    let second = first
        .restart_on_same_database(options(provisioner.clone(), None))
        .await;
    assert_eq!(
        second.drain_jobs().await,
        3,
        "T-3: the new user's sync, the activation, then the sync of the active state"
    );
    assert_eq!(
        second
            .get(&format!("/api/v1/users/{id}"), &second.fx.admin)
            .await
            .body["state"],
        "active"
    );
    assert_eq!(provisioner.activations.load(Ordering::SeqCst), 1);
}

async fn t3_unavailable_provisioner_is_retried_with_backoff_then_fails_the_user(kind: Kind) {
    let clock = ManualClock::starting_at(Timestamp::from_millis(1_800_000_000_000));
    let provisioner = Arc::new(Scripted {
        unavailable_left: AtomicI64::new(1),
        ..Default::default()
    });
    let Some(t) =
        TestApp::spawn_with(kind, options(provisioner.clone(), Some(clock.clone()))).await
    else {
        return;
    };
    let created = t.create_user("+493012345602", json!({})).await;
    let id = created["user"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        t.drain_jobs().await,
        2,
        "the new user's sync, then the activation"
    );
    let job = &t
        .get(&format!("/api/v1/jobs?subject_id={id}"), &t.fx.operator)
        .await
        .body["items"][0];
    assert_eq!(job["status"], "queued", "retried later: {job}");
    assert_eq!(job["last_error"], "carrier API timed out");
    assert_eq!(job["attempts"], 1);
    assert_eq!(t.drain_jobs().await, 0, "not before its back-off");
    clock.advance_millis(999);
    assert_eq!(t.drain_jobs().await, 0);
    clock.advance_millis(1);
    assert_eq!(
        t.drain_jobs().await,
        2,
        "the activation, then the sync of the active state"
    );
    assert_eq!(
        t.get(&format!("/api/v1/users/{id}"), &t.fx.admin)
            .await
            .body["state"],
        "active"
    );

    // Always unavailable: back-off doubles (1 s, 2 s), then after 3 attempts the user has failed.
    provisioner.unavailable_left.store(100, Ordering::SeqCst);
    let created = t
        .create_user("+493012345603", json!({"email": "b@example.de"}))
        .await;
    let id = created["user"]["id"].as_str().unwrap().to_owned();
    t.drain_jobs().await;
    clock.advance_millis(1_000);
    t.drain_jobs().await;
    clock.advance_millis(1_999);
    assert_eq!(
        t.drain_jobs().await,
        0,
        "the second back-off is two seconds"
    );
    clock.advance_millis(1);
    assert_eq!(
        t.drain_jobs().await,
        2,
        "the last attempt, then the sync of the failed state"
    );
    let user = t.get(&format!("/api/v1/users/{id}"), &t.fx.admin).await;
    assert_eq!(user.body["state"], "failed");
    assert_eq!(user.body["state_reason"], "carrier API timed out");
    let job = &t
        .get(
            &format!("/api/v1/jobs?subject_id={id}&status=failed"),
            &t.fx.operator,
        )
        .await
        .body["items"][0];
    assert_eq!(
        (job["kind"].as_str(), job["attempts"].as_i64()),
        (Some("user.activate"), Some(3))
    );
}

async fn o1_two_workers_run_each_job_exactly_once(kind: Kind) {
    let provisioner = Arc::new(Scripted::default());
    let Some(first) = TestApp::spawn_with(kind, options(provisioner.clone(), None)).await else {
        return;
    };
    let second = first
        .restart_on_same_database(options(provisioner.clone(), None))
        .await;
    const USERS: usize = 30;
    for i in 0..USERS {
        first
            .create_user(
                &format!("+4930123456{:02}", i),
                json!({"email": format!("u{i}@example.de")}),
            )
            .await;
    }
    let (jobs_a, jobs_b) = (first.app.jobs(), second.app.jobs());
    let (a, b) = tokio::join!(jobs_a.run_due("worker-a"), jobs_b.run_due("worker-b"));
    let (a, b) = (a.unwrap(), b.unwrap());
    // Per user: the sync of the new user, the activation, the sync of the active state.
    assert_eq!(
        a + b,
        3 * USERS,
        "every job ran once in all (a ran {a}, b ran {b})"
    );
    assert_eq!(
        provisioner.activations.load(Ordering::SeqCst),
        USERS,
        "no job ran twice"
    );
    let active = first
        .get(
            &format!(
                "/api/v1/enterprises/{}/users?state=active&limit=500",
                first.fx.enterprise
            ),
            &first.fx.admin,
        )
        .await;
    assert_eq!(active.body["items"].as_array().unwrap().len(), USERS);
}

async fn l1_worker_inside_serve_activates_new_users(kind: Kind) {
    let Some(t) = TestApp::spawn_with(
        kind,
        Options {
            worker: true,
            ..Options::default()
        },
    )
    .await
    else {
        return;
    };
    let created = t.create_user("+493012345604", json!({})).await;
    let path = format!("/api/v1/users/{}", created["user"]["id"].as_str().unwrap());
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let state = t.get(&path, &t.fx.admin).await.body["state"].clone();
        if state == "active" {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the in-process worker did not activate the user (state {state})"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn t3_operator_sees_and_retries_a_failed_job(kind: Kind) {
    let provisioner = Arc::new(Scripted {
        reject_updates: AtomicBool::new(true),
        ..Default::default()
    });
    let Some(t) = TestApp::spawn_with(kind, options(provisioner.clone(), None)).await else {
        return;
    };
    let user = t.create_active_user("+493012345605", json!({})).await;
    let id = user["id"].as_str().unwrap();
    t.post(
        &format!("/api/v1/users/{id}/sip-credentials"),
        &t.fx.admin,
        json!({}),
    )
    .await;
    t.drain_jobs().await;
    let failed = t.get("/api/v1/jobs?status=failed", &t.fx.operator).await;
    let job = &failed.body["items"][0];
    assert_eq!(job["kind"], "user.sync");
    assert_eq!(job["last_error"], "SIP server refused");
    let job_id = job["id"].as_str().unwrap();
    provisioner.reject_updates.store(false, Ordering::SeqCst);
    t.post(
        &format!("/api/v1/jobs/{job_id}/retry"),
        &t.fx.admin,
        json!({}),
    )
    .await
    .problem(403, "forbidden");
    let retried = t
        .post(
            &format!("/api/v1/jobs/{job_id}/retry"),
            &t.fx.operator,
            json!({}),
        )
        .await;
    assert_eq!(retried.body["status"], "queued", "{}", retried.body);
    t.drain_jobs().await;
    assert_eq!(
        t.get(&format!("/api/v1/jobs/{job_id}"), &t.fx.operator)
            .await
            .body["status"],
        "succeeded"
    );
    t.post(
        &format!("/api/v1/jobs/{job_id}/retry"),
        &t.fx.operator,
        json!({}),
    )
    .await
    .problem(409, "invalid-state");
}
