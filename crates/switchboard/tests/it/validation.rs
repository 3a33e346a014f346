//! K-3 / issue item 9: bad input of any kind gets a problem naming every failing field, and
//! writes nothing.

use serde_json::json;

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    k3_every_failing_field_is_listed_and_nothing_is_written,
    u1_names_are_counted_in_characters_not_bytes,
    k3_wrong_types_and_unknown_fields_are_named,
    k3_malformed_json_and_wrong_content_type_are_problems,
    u2_extension_rules,
    u3_no_desk_phone_needs_mobile_and_contract_number,
    a2_ids_of_another_tenant_are_unknown_references,
    a2_another_tenants_assigned_number_is_unknown_not_taken,
    u2_default_extension_must_fit_the_minimum_length,
);

async fn k3_every_failing_field_is_listed_and_nothing_is_written(t: TestApp) {
    let before = t.user_count().await;
    let body = json!({
        "site_id": t.fx.berlin.to_string(),
        "first_name": "Maximiliane-Friederike-Johanna",
        "last_name": "",
        "email": "not-an-email",
        "package_licence": "supervisor",
        "primary_number": "+49 30 12",
        "extension": "12a",
        "device_type": "fax-machine",
        "role": "king",
        "language": "es",
    });
    let response = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            body,
        )
        .await;
    response.problem(422, "validation");
    let mut fields = response.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "device_type",
            "email",
            "extension",
            "first_name",
            "language",
            "last_name",
            "package_licence",
            "primary_number",
            "role"
        ]
    );
    assert!(response.body["request_id"].is_string());
    let missing = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            json!({}),
        )
        .await;
    let mut fields = missing.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "device_type",
            "email",
            "extension",
            "first_name",
            "last_name",
            "package_licence",
            "site_id"
        ]
    );
    assert_eq!(t.user_count().await, before, "nothing written");
    assert_eq!(t.licence("voice-basic").await["assigned"], 0);
}

async fn u1_names_are_counted_in_characters_not_bytes(t: TestApp) {
    // 23 and 30 characters, many of them two bytes long.
    let first = "Ünïcödé-Ärger-Öl-Übel-ß";
    let last = "Müller-Lüdenscheidt-Ørsted-Åsé";
    assert_eq!((first.chars().count(), last.chars().count()), (23, 30));
    assert!(first.len() > 23 && last.len() > 30);
    let created = t
        .create_user(
            "+493012345630",
            json!({"first_name": first, "last_name": last}),
        )
        .await;
    assert_eq!(created["user"]["last_name"], last);
    let too_long = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body(
                "+493012345631",
                json!({"first_name": format!("{first}x"), "last_name": format!("{last}x")}),
            ),
        )
        .await;
    too_long.problem(422, "validation");
    assert_eq!(too_long.failing_fields(), vec!["first_name", "last_name"]);
    assert!(
        too_long.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("24")
    );
}

async fn k3_wrong_types_and_unknown_fields_are_named(t: TestApp) {
    let mut body = t.user_body("+493012345632", json!({}));
    body["first_name"] = json!(42);
    body["team_ids"] = json!("not-a-list");
    body["favourite_colour"] = json!("blue");
    let response = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            body,
        )
        .await;
    response.problem(422, "validation");
    let mut fields = response.failing_fields();
    fields.sort();
    assert_eq!(fields, vec!["favourite_colour", "first_name", "team_ids"]);
    let codes: Vec<&str> = response.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"unknown-field") && codes.contains(&"invalid-type"));
    let list = t
        .get(
            &format!("/api/v1/enterprises/{}/users?limit=many", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    list.problem(422, "validation");
    assert_eq!(list.failing_fields(), vec!["limit"]);
    let several = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/users?limit=many&colour=blue&state=active",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    let mut fields = several.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec!["colour", "limit"],
        "every wrong query parameter is named"
    );
}

async fn k3_malformed_json_and_wrong_content_type_are_problems(t: TestApp) {
    let url = format!("{}/api/v1/enterprises/{}/users", t.base, t.fx.enterprise);
    let broken = t
        .http
        .post(&url)
        .bearer_auth(&t.fx.admin)
        .header("content-type", "application/json")
        .body("{\"first_name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status().as_u16(), 400);
    assert_eq!(broken.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = broken.json().await.unwrap();
    assert_eq!(body["code"], "malformed-json");
    let form = t
        .http
        .post(&url)
        .bearer_auth(&t.fx.admin)
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(form.status().as_u16(), 415);
    let nowhere = t.get("/api/v1/nowhere", &t.fx.admin).await;
    nowhere.problem(404, "not-found");
    let wrong_method = t
        .call(
            reqwest::Method::PUT,
            "/api/v1/enterprises",
            &t.fx.admin,
            Some(json!({})),
            None,
        )
        .await;
    wrong_method.problem(405, "method-not-allowed");
}

async fn u2_extension_rules(t: TestApp) {
    let taken = t.create_user("+493012345640", json!({})).await;
    assert_eq!(taken["user"]["extension"], "5640");
    let collision = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body(
                "+493012345641",
                json!({"extension": "5640", "email": "b@example.de"}),
            ),
        )
        .await;
    collision.problem(409, "extension-taken");
    assert!(collision.body["detail"].as_str().unwrap().contains("5640"));
    for bad in ["1", "12345", "12a4", "+123"] {
        let response = t
            .post(
                &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
                &t.fx.admin,
                t.user_body(
                    "+493012345642",
                    json!({"extension": bad, "email": "c@example.de"}),
                ),
            )
            .await;
        response.problem(422, "validation");
        assert_eq!(response.failing_fields(), vec!["extension"], "{bad}");
    }
    // U-2: the default is taken → the request fails and says so instead of inventing one.
    let enterprise_path = format!("/api/v1/enterprises/{}", t.fx.enterprise);
    let etag = t.get(&enterprise_path, &t.fx.operator).await.etag();
    let changed = t
        .patch(
            &enterprise_path,
            &t.fx.operator,
            Some(&etag),
            json!({"extension_max_len": 3}),
        )
        .await;
    assert_eq!(changed.body["extension_max_len"], 3);
    let short = t
        .create_user("+493012345643", json!({"email": "d@example.de"}))
        .await;
    assert_eq!(
        short["user"]["extension"], "643",
        "fewer digits when the maximum is lower"
    );
    let again = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body("+33123456643", json!({"email": "e@example.de"})),
        )
        .await;
    again.problem(409, "extension-taken");
}

async fn u3_no_desk_phone_needs_mobile_and_contract_number(t: TestApp) {
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    let refused = t
        .post(
            &path,
            &t.fx.admin,
            t.user_body("+493012345650", json!({"device_type": "no-desk-phone"})),
        )
        .await;
    refused.problem(422, "validation");
    let mut fields = refused.failing_fields();
    fields.sort();
    assert_eq!(fields, vec!["contract_number", "mobile_number"]);
    let bad_mobile = t
        .post(&path, &t.fx.admin, t.user_body("+493012345650", json!({"device_type": "no-desk-phone", "mobile_number": "0151 234", "contract_number": "V9"})))
        .await;
    let mut fields = bad_mobile.failing_fields();
    fields.sort();
    assert_eq!(fields, vec!["contract_number", "mobile_number"]);
    t.create_user("+493012345650", json!({"device_type": "no-desk-phone", "mobile_number": "+49 151 23456789", "contract_number": "VF-123456"})).await;
}

async fn a2_ids_of_another_tenant_are_unknown_references(t: TestApp) {
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    let body = t.user_body(
        "+33478000001",
        json!({"site_id": t.fx.other_site.to_string()}),
    );
    let response = t.post(&path, &t.fx.admin, body).await;
    response.problem(422, "validation");
    assert_eq!(
        response.failing_fields(),
        vec!["primary_number", "site_id"],
        "both the foreign site and the foreign number are unknown here"
    );
    let number = t
        .post(&path, &t.fx.admin, t.user_body("+33478000001", json!({})))
        .await;
    number.problem(422, "validation");
    assert_eq!(
        number.failing_fields(),
        vec!["primary_number"],
        "another enterprise's number is not in this pool"
    );
    assert_eq!(t.user_count().await, 0);
}

async fn a2_another_tenants_assigned_number_is_unknown_not_taken(t: TestApp) {
    // The other enterprise gives one of its numbers to a user.
    let other_path = format!("/api/v1/enterprises/{}/users", t.fx.other_enterprise);
    let mut body = t.user_body(
        "+33478000002",
        json!({"site_id": t.fx.other_site.to_string(), "email": "x@dupont.test"}),
    );
    body["site_id"] = json!(t.fx.other_site.to_string());
    let taken = t.post(&other_path, &t.fx.other_admin, body).await;
    assert_eq!(taken.status.as_u16(), 201, "{}", taken.body);
    // Probing it from this enterprise says "not in your pool", exactly like a number that exists nowhere.
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    for number in ["+33478000002", "+33478000003", "+33499999999"] {
        let probe = t
            .post(
                &path,
                &t.fx.admin,
                t.user_body(number, json!({"extension": "55"})),
            )
            .await;
        probe.problem(422, "validation");
        assert_eq!(
            probe.body["errors"][0]["code"], "unknown-number",
            "{number}"
        );
    }
}

async fn u2_default_extension_must_fit_the_minimum_length(t: TestApp) {
    let enterprise = format!("/api/v1/enterprises/{}", t.fx.enterprise);
    let etag = t.get(&enterprise, &t.fx.operator).await.etag();
    let changed = t
        .patch(
            &enterprise,
            &t.fx.operator,
            Some(&etag),
            json!({"extension_min_len": 5, "extension_max_len": 6}),
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    let refused = t
        .post(&path, &t.fx.admin, t.user_body("+493012345660", json!({})))
        .await;
    refused.problem(422, "validation");
    assert_eq!(refused.failing_fields(), vec!["extension"]);
    assert!(
        refused.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("5660")
    );
    let created = t
        .post(
            &path,
            &t.fx.admin,
            t.user_body("+493012345660", json!({"extension": "45660"})),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.body);
}
