//! L-5 whole: a deactivated user's callers may be sent to a call-centre queue of the same site —
//! through the API (a clear refusal for anything else, nothing written), the portal (the queue
//! offered by name beside the colleagues) — and the queue cannot be deleted from under them.

use serde_json::{Value, json};

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    l5_a_deactivated_users_callers_go_to_a_call_centre_queue_of_the_same_site,
    l5_k3_a_wrong_queue_destination_is_refused_naming_the_field_and_writes_nothing,
    l5_a_queue_receiving_intercepted_callers_is_not_deleted_from_under_them,
    l5_the_portal_offers_the_sites_queues_by_name_and_shows_where_callers_go,
);

async fn group(t: &TestApp, site: String, kind: &str, name: &str, extension: &str) -> String {
    let created = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": site, "kind": kind, "name": name, "extension": extension}),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.body);
    created.body["id"].as_str().unwrap().to_owned()
}

async fn deactivate(t: &TestApp, user: &str, body: Value) -> crate::support::Response {
    t.post(
        &format!("/api/v1/users/{user}/deactivate"),
        &t.fx.admin,
        body,
    )
    .await
}

async fn l5_a_deactivated_users_callers_go_to_a_call_centre_queue_of_the_same_site(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let leaver = t.create_active_user("+493012345610", json!({})).await;
    let leaver = leaver["id"].as_str().unwrap().to_owned();
    let queue = group(
        &t,
        t.fx.berlin.to_string(),
        "call_centre",
        "Kundenservice",
        "800",
    )
    .await;
    let done = deactivate(
        &t,
        &leaver,
        json!({"action": "transfer_on_zero", "destination_queue_id": queue}),
    )
    .await;
    assert_eq!(done.status.as_u16(), 200, "{}", done.body);
    assert_eq!(done.body["state"], "deactivated");
    assert_eq!(done.body["intercept"]["destination_queue_id"], queue);
    assert!(done.body["intercept"].get("destination_user_id").is_none());
    let read = t.get(&format!("/api/v1/users/{leaver}"), &t.fx.admin).await;
    assert_eq!(read.body["intercept"]["destination_queue_id"], queue);
    assert_eq!(read.body["intercept"]["action"], "transfer_on_zero");
    assert!(
        t.audit_actions(&leaver)
            .await
            .iter()
            .any(|a| a == "user.deactivated")
    );

    // L-6: reactivating clears the intercept.
    let back = t
        .post(
            &format!("/api/v1/users/{leaver}/reactivate"),
            &t.fx.admin,
            json!({}),
        )
        .await;
    assert_eq!(back.status.as_u16(), 200, "{}", back.body);
    assert!(back.body["intercept"].is_null());
}

async fn l5_k3_a_wrong_queue_destination_is_refused_naming_the_field_and_writes_nothing(
    kind: Kind,
) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let leaver = t.create_active_user("+493012345610", json!({})).await;
    let leaver = leaver["id"].as_str().unwrap().to_owned();
    let colleague = t.create_active_user("+493012345611", json!({})).await;
    let colleague = colleague["id"].as_str().unwrap().to_owned();
    let hunt = group(&t, t.fx.berlin.to_string(), "hunt", "Vertrieb", "700").await;
    let paris_queue = group(&t, t.fx.paris.to_string(), "call_centre", "Accueil", "900").await;
    let queue = group(
        &t,
        t.fx.berlin.to_string(),
        "call_centre",
        "Kundenservice",
        "800",
    )
    .await;
    for (body, field, code) in [
        (
            json!({"action": "announce_new_number", "destination_queue_id": hunt}),
            "destination_queue_id",
            "invalid-destination-queue",
        ),
        (
            json!({"action": "announce_new_number", "destination_queue_id": paris_queue}),
            "destination_queue_id",
            "invalid-destination-queue",
        ),
        (
            json!({"action": "announce_new_number", "destination_queue_id": "not-an-id"}),
            "destination_queue_id",
            "invalid-destination-queue",
        ),
        (
            json!({"action": "announce_new_number", "destination_queue_id": queue,
                   "destination_user_id": colleague}),
            "destination_queue_id",
            "one-destination",
        ),
        (
            json!({"action": "announce_new_number"}),
            "destination_user_id",
            "required",
        ),
    ] {
        let refused = deactivate(&t, &leaver, body.clone()).await;
        let problem = refused.problem(422, "validation");
        let errors = problem["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "{body}: {problem}"
        );
    }
    let still = t.get(&format!("/api/v1/users/{leaver}"), &t.fx.admin).await;
    assert_eq!(still.body["state"], "active", "K-3: nothing was written");
    assert!(
        !t.audit_actions(&leaver)
            .await
            .iter()
            .any(|a| a == "user.deactivated")
    );
}

async fn l5_a_queue_receiving_intercepted_callers_is_not_deleted_from_under_them(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let leaver = t
        .create_active_user(
            "+493012345610",
            json!({"first_name": "Søren", "last_name": "Kühn"}),
        )
        .await;
    let leaver = leaver["id"].as_str().unwrap().to_owned();
    let queue = group(
        &t,
        t.fx.berlin.to_string(),
        "call_centre",
        "Kundenservice",
        "800",
    )
    .await;
    let done = deactivate(
        &t,
        &leaver,
        json!({"action": "announce_new_number", "destination_queue_id": queue}),
    )
    .await;
    assert_eq!(done.status.as_u16(), 200, "{}", done.body);
    let refused = t
        .delete(&format!("/api/v1/groups/{queue}"), &t.fx.admin)
        .await;
    let problem = refused.problem(409, "in-use");
    assert!(
        problem["detail"].as_str().unwrap().contains("Søren Kühn"),
        "the refusal names who depends on the queue: {problem}"
    );
    // Once the user is gone, the queue can go.
    let deleted = t
        .delete(&format!("/api/v1/users/{leaver}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status.as_u16(), 204, "{}", deleted.body);
    let gone = t
        .delete(&format!("/api/v1/groups/{queue}"), &t.fx.admin)
        .await;
    assert_eq!(gone.status.as_u16(), 204, "{}", gone.body);
}

async fn l5_the_portal_offers_the_sites_queues_by_name_and_shows_where_callers_go(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let created = t
        .create_user(
            "+493012345601",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "language": "en" }),
        )
        .await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    let mut browser = WebClient::new(&t);
    browser.sign_in_fully(&login, STRONG).await;
    let leaver = t.create_active_user("+493012345610", json!({})).await;
    let leaver = leaver["id"].as_str().unwrap().to_owned();
    group(
        &t,
        t.fx.berlin.to_string(),
        "call_centre",
        "Kundenservice",
        "800",
    )
    .await;
    group(&t, t.fx.paris.to_string(), "call_centre", "Accueil", "900").await;

    let form = browser.get(&format!("/users/{leaver}/deactivate")).await;
    assert_eq!(form.status, 200);
    assert!(
        form.contains("<option value=\"800\">Queue Kundenservice</option>"),
        "{}",
        form.body
    );
    assert!(
        !form.contains("Accueil"),
        "a queue of another site is not offered"
    );
    // A wrong extension is refused on the field, in words.
    let refused = browser
        .post(
            &format!("/users/{leaver}/deactivate"),
            &[
                ("action", "transfer_on_zero"),
                ("destination_user_id", "900"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("href=\"#destination_user_id\""));
    let done = browser
        .post(
            &format!("/users/{leaver}/deactivate"),
            &[
                ("action", "transfer_on_zero"),
                ("destination_user_id", "800"),
            ],
        )
        .await;
    assert_eq!(done.location.as_deref(), Some(&*format!("/users/{leaver}")));
    let page = browser.get(&format!("/users/{leaver}")).await;
    assert!(
        page.contains("Transfer when the caller presses 0 → Queue Kundenservice"),
        "{}",
        page.body
    );
}
