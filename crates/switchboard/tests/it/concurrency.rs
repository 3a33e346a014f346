//! Issue item 7: a number, the last licence or an extension is never given twice, even when 50
//! requests race for it. Exactly one wins, the others get the clear problem, counts stay exact,
//! no 5xx, no "database is locked".

use futures::future::join_all;
use serde_json::json;

use crate::on_both_databases;
use crate::support::{Response, TestApp};

on_both_databases!(
    n4_fifty_requests_for_one_number_give_it_once,
    n2_fifty_requests_for_the_last_licence_assign_it_once,
    u2_fifty_requests_for_one_extension_give_it_once,
    l4_concurrent_deletes_of_one_user_free_its_licences_once,
    i1_concurrent_updates_with_one_etag_let_one_win,
);

const RACERS: usize = 50;

async fn race(t: &TestApp, bodies: Vec<serde_json::Value>) -> Vec<Response> {
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    join_all(bodies.into_iter().map(|body| {
        let path = path.clone();
        async move { t.post(&path, &t.fx.admin, body).await }
    }))
    .await
}

fn tally(responses: &[Response], loser_code: &str) {
    let winners = responses
        .iter()
        .filter(|r| r.status.as_u16() == 201)
        .count();
    assert_eq!(winners, 1, "exactly one succeeds");
    for r in responses.iter().filter(|r| r.status.as_u16() != 201) {
        assert!(
            r.status.is_client_error(),
            "no 5xx: {} {}",
            r.status,
            r.body
        );
        assert_eq!(r.body["code"], loser_code, "{}", r.body);
        assert!(!r.body.to_string().contains("locked"));
    }
}

async fn n4_fifty_requests_for_one_number_give_it_once(t: TestApp) {
    let bodies = (0..RACERS)
        .map(|i| t.user_body("+493012345650", json!({"email": format!("racer{i}@example.de"), "extension": format!("{}", 100 + i)})))
        .collect();
    let responses = race(&t, bodies).await;
    tally(&responses, "number-taken");
    assert_eq!(t.user_count().await, 1);
    assert_eq!(
        t.licence("voice-basic").await["assigned"],
        1,
        "losers' licences were given back"
    );
}

async fn n2_fifty_requests_for_the_last_licence_assign_it_once(t: TestApp) {
    // voice-premium: 2 purchased; take one, then race for the last.
    t.create_user("+493012345601", json!({"package_licence": "voice-premium"}))
        .await;
    let bodies = (0..RACERS)
        .map(|i| {
            t.user_body(
                &format!("+33123456{}", 600 + i),
                json!({"package_licence": "voice-premium", "email": format!("racer{i}@example.de"), "site_id": t.fx.paris.to_string()}),
            )
        })
        .collect();
    let responses = race(&t, bodies).await;
    tally(&responses, "licence-exhausted");
    let premium = t.licence("voice-premium").await;
    assert_eq!(
        (
            premium["purchased"].as_i64(),
            premium["assigned"].as_i64(),
            premium["free"].as_i64()
        ),
        (Some(2), Some(2), Some(0))
    );
    assert_eq!(t.user_count().await, 2);
    let free = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/numbers?status=assigned",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(
        free.body["items"].as_array().unwrap().len(),
        2,
        "losers' numbers are free"
    );
}

async fn u2_fifty_requests_for_one_extension_give_it_once(t: TestApp) {
    let bodies = (0..RACERS)
        .map(|i| {
            t.user_body(
                &format!("+4930123456{:02}", i),
                json!({"email": format!("racer{i}@example.de"), "extension": "777"}),
            )
        })
        .collect();
    let responses = race(&t, bodies).await;
    tally(&responses, "extension-taken");
    assert_eq!(t.user_count().await, 1);
    assert_eq!(t.licence("voice-basic").await["assigned"], 1);
}

async fn l4_concurrent_deletes_of_one_user_free_its_licences_once(t: TestApp) {
    t.create_active_user("+493012345601", json!({"addon_licences": ["supervisor"]}))
        .await;
    let user = t
        .create_active_user("+493012345602", json!({"email": "b@example.de"}))
        .await;
    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap());
    let responses = join_all((0..20).map(|_| t.delete(&path, &t.fx.admin))).await;
    let deleted = responses
        .iter()
        .filter(|r| r.status.as_u16() == 204)
        .count();
    assert_eq!(deleted, 1, "exactly one delete happens");
    for r in responses.iter().filter(|r| r.status.as_u16() != 204) {
        assert_eq!(r.body["code"], "not-found", "{}", r.body);
    }
    let basic = t.licence("voice-basic").await;
    assert_eq!(
        basic["assigned"], 1,
        "N-2: the deleted user's licence is freed once, the other stays: {basic}"
    );
    assert_eq!(t.licence("supervisor").await["assigned"], 1);
}

async fn i1_concurrent_updates_with_one_etag_let_one_win(t: TestApp) {
    let t = &t;
    let user = t.create_active_user("+493012345603", json!({})).await;
    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap());
    let etag = t.get(&path, &t.fx.admin).await.etag();
    let responses = join_all((0..20).map(|i| {
        let (path, etag) = (path.clone(), etag.clone());
        async move {
            t.patch(
                &path,
                &t.fx.admin,
                Some(&etag),
                json!({"first_name": format!("Anna{i}")}),
            )
            .await
        }
    }))
    .await;
    assert_eq!(
        responses
            .iter()
            .filter(|r| r.status.as_u16() == 200)
            .count(),
        1
    );
    assert!(
        responses
            .iter()
            .filter(|r| r.status.as_u16() != 200)
            .all(|r| r.body["code"] == "precondition-failed")
    );
    let enterprise = format!("/api/v1/enterprises/{}", t.fx.enterprise);
    let etag = t.get(&enterprise, &t.fx.operator).await.etag();
    let responses = join_all((0..10).map(|i| {
        let (enterprise, etag) = (enterprise.clone(), etag.clone());
        async move {
            t.patch(
                &enterprise,
                &t.fx.operator,
                Some(&etag),
                json!({"name": format!("Müller GmbH {i}")}),
            )
            .await
        }
    }))
    .await;
    assert_eq!(
        responses
            .iter()
            .filter(|r| r.status.as_u16() == 200)
            .count(),
        1,
        "no lost update of an enterprise"
    );
}
