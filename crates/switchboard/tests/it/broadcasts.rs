//! Broadcast messages (G-5) over HTTP on both databases: to the members of the teams named,
//! now or at their time, once even when the delivery runs twice at the same moment, into each
//! member's inbox and (chosen) by email; bad input named field by field.

use std::sync::Arc;

use serde_json::{Value, json};
use sqlx::Connection as _;
use switchboard_app::ManualClock;
use switchboard_domain::Timestamp;

use crate::on_both_kinds;
use crate::support::{Kind, Options, TestApp};

on_both_kinds!(g5_a_broadcast_reaches_each_team_member_once_now_or_at_its_time);

async fn inbox_count(t: &TestApp, user: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(t.database_url())
        .await
        .unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM inbox_messages WHERE user_id = $1")
        .bind(user.to_owned())
        .fetch_one(&mut conn)
        .await
        .unwrap()
}

async fn g5_a_broadcast_reaches_each_team_member_once_now_or_at_its_time(kind: Kind) {
    let start = Timestamp::from_millis(1_900_000_000_000);
    let clock = ManualClock::starting_at(start);
    let options = Options {
        clock: Arc::new(clock.clone()),
        ..Options::default()
    };
    let Some(t) = TestApp::spawn_with(kind, options).await else {
        return;
    };
    let hotline = t.fx.hotline.to_string();
    let mut members = Vec::new();
    for (n, email) in [(2, "ina@example.de"), (3, "olaf@example.de")] {
        let u = t
            .create_user(
                &format!("+49301234560{n}"),
                json!({ "email": email, "team_ids": [hotline], "extension": format!("60{n}") }),
            )
            .await;
        members.push(u["user"]["id"].as_str().unwrap().to_owned());
    }
    let outsider = t
        .create_user("+493012345604", json!({ "extension": "604" }))
        .await;
    let outsider = outsider["user"]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/enterprises/{}/broadcasts", t.fx.enterprise);

    // Now, and by email.
    let now = t
        .post(
            &path,
            &t.fx.admin,
            json!({ "team_ids": [hotline], "category": "urgent", "subject": "Fire drill",
                    "body": "At 10:00 today.\nPlease leave by the stairs.", "by_email": true }),
        )
        .await;
    assert_eq!(now.status, 201, "{}", now.body);
    assert_eq!(now.body["status"], "scheduled");
    t.drain_jobs().await;
    for m in &members {
        assert_eq!(inbox_count(&t, m).await, 1);
    }
    assert_eq!(inbox_count(&t, &outsider).await, 0, "not in the team");
    let mail = t
        .get("/api/v1/outbox?to=ina%40example.de", &t.fx.operator)
        .await;
    let mail: Vec<&Value> = mail.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["purpose"] == "broadcast")
        .collect();
    assert_eq!(mail.len(), 1, "{mail:?}");
    assert_eq!(mail[0]["subject"], "Fire drill");

    // Once: the delivery run twice at the same moment (two workers) adds nothing.
    let id = now.body["id"].as_str().unwrap().parse().unwrap();
    let (first, second) = (t.app.broadcasts(), t.app.broadcasts());
    let (a, b) = tokio::join!(first.send(id), second.send(id));
    a.unwrap();
    b.unwrap();
    for m in &members {
        assert_eq!(inbox_count(&t, m).await, 1);
    }
    let list = t.get(&path, &t.fx.admin).await;
    assert_eq!(list.body["items"][0]["status"], "sent");
    assert_eq!(list.body["items"][0]["recipients"], 2);

    // Later: nothing before its time, then once.
    let later = Timestamp::from_millis(start.millis() + 3_600_000);
    let scheduled = t
        .post(
            &path,
            &t.fx.admin,
            json!({ "team_ids": [hotline], "subject": "Party", "body": "Friday, 17:00.",
                    "send_at": later.to_string() }),
        )
        .await;
    assert_eq!(scheduled.status, 201, "{}", scheduled.body);
    t.drain_jobs().await;
    assert_eq!(inbox_count(&t, &members[0]).await, 1, "not yet");
    clock.advance_millis(3_600_001);
    t.drain_jobs().await;
    t.drain_jobs().await;
    assert_eq!(inbox_count(&t, &members[0]).await, 2);

    // Bad input: every field named, nothing written.
    let refused = t
        .post(
            &path,
            &t.fx.admin,
            json!({ "team_ids": [], "category": "gossip", "subject": "", "body": "x",
                    "send_at": "2001-01-01T00:00:00Z" }),
        )
        .await;
    refused.problem(422, "validation");
    let mut fields = refused.failing_fields();
    fields.sort();
    assert_eq!(fields, ["category", "send_at", "subject", "team_ids"]);
    let foreign = t
        .post(
            &path,
            &t.fx.admin,
            json!({ "team_ids": [uuid_like()], "subject": "Hi", "body": "x" }),
        )
        .await;
    assert_eq!(foreign.failing_fields(), ["team_ids[0]"]);
    // Another enterprise's administrator does not see these.
    t.get(&path, &t.fx.other_admin)
        .await
        .problem(404, "not-found");
    let list = t.get(&path, &t.fx.admin).await;
    assert_eq!(list.body["items"].as_array().unwrap().len(), 2);
}

fn uuid_like() -> String {
    switchboard_domain::TeamId::new().to_string()
}
