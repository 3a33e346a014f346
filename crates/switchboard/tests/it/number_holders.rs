//! Numbers of the pool held by groups and sites (N-4, G-1, S-6), over HTTP and in the portal,
//! on both databases: a hunt group reached by a number, a site's main number shown as a
//! user's caller ID; each number has one holder and goes back to the pool when let go.

use reqwest::Method;
use serde_json::json;

use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;
use crate::{on_both_databases, on_both_kinds};

const STRONG: &str = "copper kettle drifts north";

on_both_databases!(
    g1_n4_a_hunt_group_is_reached_by_a_number_of_the_pool,
    s6_a_site_main_number_is_a_caller_id_choice,
);

on_both_kinds!(s6_g1_main_numbers_and_group_numbers_are_set_in_the_portal);

async fn g1_n4_a_hunt_group_is_reached_by_a_number_of_the_pool(t: TestApp) {
    let groups = format!("/api/v1/enterprises/{}/groups", t.fx.enterprise);
    let berlin = t.fx.berlin.to_string();
    let created = t
        .post(
            &groups,
            &t.fx.admin,
            json!({"site_id": berlin, "kind": "hunt", "name": "Hotline", "extension": "700",
                   "number": "+493012345670"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["number"], "+493012345670");
    let hotline = created.body["id"].as_str().unwrap().to_owned();
    let pooled = t.number("+493012345670").await;
    assert_eq!(pooled["status"], "assigned");
    assert_eq!(pooled["group_name"], "Hotline");

    // One holder per number: another group, or a new user, cannot take it.
    t.post(
        &groups,
        &t.fx.admin,
        json!({"site_id": berlin, "kind": "call_centre", "name": "Support", "extension": "800",
               "number": "+493012345670"}),
    )
    .await
    .problem(409, "number-taken");
    t.post(
        &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
        &t.fx.admin,
        t.user_body("+493012345670", json!({"extension": "670"})),
    )
    .await
    .problem(409, "number-taken");
    // Not in the pool, not a number, or a group kind callers do not dial: refused by name.
    let refused = t
        .post(
            &groups,
            &t.fx.admin,
            json!({"site_id": berlin, "kind": "hunt", "name": "Sales", "extension": "701",
                   "number": "+493099999999"}),
        )
        .await;
    assert_eq!(refused.failing_fields(), ["number"]);
    assert_eq!(refused.body["errors"][0]["code"], "unknown-number");
    let refused = t
        .post(
            &groups,
            &t.fx.admin,
            json!({"site_id": berlin, "kind": "pickup", "name": "Floor", "number": "+493012345671"}),
        )
        .await;
    assert_eq!(refused.body["errors"][0]["code"], "not-applicable");
    assert_eq!(t.number("+493012345671").await["status"], "free");

    // Moved to another number: the first goes back to the pool.
    let group = format!("/api/v1/groups/{hotline}");
    let moved = t
        .patch(
            &group,
            &t.fx.admin,
            Some("*"),
            json!({"number": "+493012345671"}),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.body["number"], "+493012345671");
    assert_eq!(t.number("+493012345670").await["status"], "free");
    let shown = t.get(&group, &t.fx.admin).await;
    assert_eq!(shown.body["number"], "+493012345671");
    // Emptied: none.
    let cleared = t
        .patch(&group, &t.fx.admin, Some("*"), json!({"number": ""}))
        .await;
    assert!(cleared.body.get("number").is_none(), "{}", cleared.body);
    assert_eq!(t.number("+493012345671").await["status"], "free");
    // Deleted with a number: it is free again.
    t.patch(
        &group,
        &t.fx.admin,
        Some("*"),
        json!({"number": "+493012345672"}),
    )
    .await;
    assert_eq!(t.delete(&group, &t.fx.admin).await.status, 204);
    assert_eq!(t.number("+493012345672").await["status"], "free");
}

async fn s6_a_site_main_number_is_a_caller_id_choice(t: TestApp) {
    let user = t
        .create_user("+493012345602", json!({ "extension": "602" }))
        .await;
    let services = format!(
        "/api/v1/users/{}/call-services",
        user["user"]["id"].as_str().unwrap()
    );
    let main = format!("/api/v1/sites/{}/main-number", t.fx.berlin);
    // Without a main number the site's is no choice.
    let refused = t
        .patch(&services, &t.fx.admin, None, json!({"caller_id": "site"}))
        .await;
    assert_eq!(refused.failing_fields(), ["caller_id"]);
    assert_eq!(refused.body["errors"][0]["code"], "no-main-number");
    assert!(t.get(&main, &t.fx.admin).await.body["number"].is_null());

    // A number a user holds, or one outside the pool, cannot be the main number.
    let put = |token: String, body: serde_json::Value| {
        let main = main.clone();
        let t = &t;
        async move { t.call(Method::PUT, &main, &token, Some(body), None).await }
    };
    put(t.fx.admin.clone(), json!({"number": "+493012345602"}))
        .await
        .problem(409, "number-taken");
    let outside = put(t.fx.admin.clone(), json!({"number": "+493099999999"})).await;
    assert_eq!(outside.body["errors"][0]["code"], "unknown-number");
    // Another enterprise's administrator does not reach the site.
    put(t.fx.other_admin.clone(), json!({"number": "+493012345600"}))
        .await
        .problem(404, "not-found");

    // The site administrator gives Berlin its main number; the user shows it to callers.
    let set = put(t.fx.site_admin.clone(), json!({"number": "+493012345600"})).await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.body["number"], "+493012345600");
    assert_eq!(
        t.number("+493012345600").await["main_number_of_site_name"],
        "Berlin"
    );
    let chosen = t
        .patch(&services, &t.fx.admin, None, json!({"caller_id": "site"}))
        .await;
    assert_eq!(chosen.status, 200, "{}", chosen.body);
    assert_eq!(chosen.body["caller_id"], "site");
    assert_eq!(chosen.body["site_main_number"], "+493012345600");

    // Given back: free again, and the user shows their own number.
    assert_eq!(t.delete(&main, &t.fx.admin).await.status, 204);
    assert_eq!(t.number("+493012345600").await["status"], "free");
    let shown = t.get(&services, &t.fx.admin).await;
    assert!(shown.body["caller_id"].is_null(), "{}", shown.body);
    assert!(shown.body["site_main_number"].is_null());

    // both changes audited against the site.
    assert_eq!(
        t.audit_actions(&t.fx.berlin.to_string()).await,
        [
            "site.main_number.changed",
            "site.main_number.changed",
            "site.created"
        ]
    );
}

async fn s6_g1_main_numbers_and_group_numbers_are_set_in_the_portal(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let anna = t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "extension": "602", "language": "de",
                   "password": STRONG, "must_change_password": false}),
        )
        .await;
    let ada = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690", "language": "de" }),
        )
        .await;
    let mut admin = WebClient::new(&t);
    admin
        .sign_in_fully(ada["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = admin.get("/numbers").await;
    assert!(
        page.contains("Hauptrufnummern der Standorte"),
        "{}",
        page.body
    );
    let berlin = t.fx.berlin.to_string();
    // A number someone holds: refused at Berlin's field, what was typed kept.
    let refused = admin
        .post(
            "/numbers/main",
            &[("site_id", &berlin), ("number", "+493012345602")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let field = format!("main-{berlin}");
    assert!(
        refused.contains(&format!("<a href=\"#{field}\">")),
        "the error summary links to the field: {}",
        refused.body
    );
    assert!(refused.contains("value=\"+493012345602\""));
    admin.get("/numbers").await;
    let saved = admin
        .post(
            "/numbers/main",
            &[("site_id", &berlin), ("number", "+493012345600")],
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some("/numbers"));
    let page = admin.get("/numbers?prefix=%2B493012345600").await;
    assert!(page.contains("Die Hauptrufnummer wurde gespeichert."));
    assert!(
        page.contains("Berlin <span class=\"muted\">(Hauptrufnummer des Standorts)</span>"),
        "{}",
        page.body
    );

    // Anna picks it as the number her callers see.
    let mut user = WebClient::new(&t);
    user.sign_in_fully(anna["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = user.get("/services").await;
    assert!(
        page.contains(
            "<option value=\"site\">Die Hauptrufnummer des Standorts (+493012345600)</option>"
        ),
        "{}",
        page.body
    );

    // A hunt group's number, typed on its page.
    let created = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": berlin, "kind": "hunt", "name": "Hotline", "extension": "700"}),
        )
        .await;
    let group = created.body["id"].as_str().unwrap();
    let page = admin.get(&format!("/groups/{group}")).await;
    assert!(page.contains("Rufnummer (optional)"), "{}", page.body);
    let version = created.body["version"].to_string();
    let saved = admin
        .post(
            &format!("/groups/{group}"),
            &[
                ("version", version.as_str()),
                ("name", "Hotline"),
                ("extension", "700"),
                ("number", "+493012345670"),
                ("ring_policy", "sequential"),
                ("no_answer_seconds", "20"),
                ("forward_to", ""),
            ],
        )
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("/groups/{group}").as_str()),
        "{}",
        saved.body
    );
    let page = admin.get("/numbers?prefix=%2B493012345670").await;
    assert!(
        page.contains(&format!(
            "<a href=\"/groups/{group}\">Hotline</a> <span class=\"muted\">(Gruppenrufnummer)</span>"
        )),
        "{}",
        page.body
    );

    // G-1: under the weighted policy, each member's weight is typed in their row.
    let anna_id = anna["id"].as_str().unwrap();
    t.call(
        Method::PUT,
        &format!("/api/v1/groups/{group}/members"),
        &t.fx.admin,
        Some(json!({"user_ids": [anna_id]})),
        None,
    )
    .await;
    t.patch(
        &format!("/api/v1/groups/{group}"),
        &t.fx.admin,
        Some("*"),
        json!({"ring_policy": "weighted"}),
    )
    .await;
    let page = admin.get(&format!("/groups/{group}")).await;
    assert!(page.contains("Gewichtung"), "{}", page.body);
    let weight_field = format!("weight-{anna_id}");
    let saved = admin
        .post(
            &format!("/groups/{group}/members"),
            &[("weigh", anna_id), (weight_field.as_str(), "5")],
        )
        .await;
    assert_eq!(saved.location, Some(format!("/groups/{group}")));
    let page = admin.get(&format!("/groups/{group}")).await;
    assert!(
        page.contains(&format!(
            "name=\"{weight_field}\" type=\"number\" min=\"1\" max=\"100\" value=\"5\""
        )),
        "{}",
        page.body
    );
}
