//! Licences (N-1…N-3) and numbers (N-4…N-6).

use serde_json::json;

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    n1_n3_licence_overview_shows_purchased_assigned_free_and_monthly_total,
    n2_last_licence_cannot_be_assigned_twice,
    n2_cancelling_purchases_below_assigned_is_refused,
    n1_package_and_addon_kinds_are_enforced,
    n4_numbers_load_singly_or_as_a_range_all_or_nothing,
    n4_number_is_never_given_twice,
    n5_alternative_numbers_consume_additional_number_licences_up_to_ten,
    n4_free_numbers_are_listed_and_searchable,
);

async fn n1_n3_licence_overview_shows_purchased_assigned_free_and_monthly_total(t: TestApp) {
    t.create_user("+493012345601", json!({"addon_licences": ["supervisor"]}))
        .await;
    let overview = t
        .get(
            &format!("/api/v1/enterprises/{}/licences", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    let basic = t.licence("voice-basic").await;
    assert_eq!(
        (
            basic["purchased"].as_i64(),
            basic["assigned"].as_i64(),
            basic["free"].as_i64()
        ),
        (Some(100), Some(1), Some(99))
    );
    assert_eq!(basic["licence"]["kind"], "package");
    let supervisor = t.licence("supervisor").await;
    assert_eq!(
        (supervisor["assigned"].as_i64(), supervisor["free"].as_i64()),
        (Some(1), Some(0))
    );
    // N-3: billing is by purchase: 100×12.90 + 2×19.90 + 1×5.00 + 3×2.00
    assert_eq!(
        overview.body["monthly_total_cents"],
        100 * 1290 + 2 * 1990 + 500 + 3 * 200
    );
    let purchases = t
        .get(
            &format!("/api/v1/enterprises/{}/licence-purchases", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(purchases.body.as_array().unwrap().len(), 4);
    // Only operators sell licences.
    let path = format!("/api/v1/enterprises/{}/licence-purchases", t.fx.enterprise);
    t.post(
        &path,
        &t.fx.admin,
        json!({"licence": "voice-basic", "quantity": 5}),
    )
    .await
    .problem(403, "forbidden");
    let bought = t
        .post(
            &path,
            &t.fx.operator,
            json!({"licence": "voice-basic", "quantity": 5, "note": "PO 4711"}),
        )
        .await;
    assert_eq!(bought.status.as_u16(), 201, "{}", bought.body);
    assert_eq!(t.licence("voice-basic").await["purchased"], 105);
}

async fn n2_last_licence_cannot_be_assigned_twice(t: TestApp) {
    // voice-premium: 2 purchased.
    t.create_user("+493012345602", json!({"package_licence": "voice-premium"}))
        .await;
    t.create_user(
        "+493012345603",
        json!({"package_licence": "voice-premium", "email": "b@example.de"}),
    )
    .await;
    let refused = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body(
                "+493012345604",
                json!({"package_licence": "voice-premium", "email": "c@example.de"}),
            ),
        )
        .await;
    refused.problem(409, "licence-exhausted");
    assert!(
        refused.body["detail"]
            .as_str()
            .unwrap()
            .contains("Purchase more")
    );
    assert_eq!(
        t.number("+493012345604").await["status"],
        "free",
        "nothing half-written: the number is still free"
    );
    let premium = t.licence("voice-premium").await;
    assert_eq!(
        (premium["assigned"].as_i64(), premium["free"].as_i64()),
        (Some(2), Some(0))
    );
}

async fn n2_cancelling_purchases_below_assigned_is_refused(t: TestApp) {
    t.create_user("+493012345605", json!({"package_licence": "voice-premium"}))
        .await;
    let path = format!("/api/v1/enterprises/{}/licence-purchases", t.fx.enterprise);
    t.post(
        &path,
        &t.fx.operator,
        json!({"licence": "voice-premium", "quantity": -2}),
    )
    .await
    .problem(409, "licences-in-use");
    let ok = t
        .post(
            &path,
            &t.fx.operator,
            json!({"licence": "voice-premium", "quantity": -1}),
        )
        .await;
    assert_eq!(ok.status.as_u16(), 201, "{}", ok.body);
    assert_eq!(t.licence("voice-premium").await["free"], 0);
}

async fn n1_package_and_addon_kinds_are_enforced(t: TestApp) {
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    let response = t
        .post(&path, &t.fx.admin, t.user_body("+493012345606", json!({"package_licence": "mobility", "addon_licences": ["voice-basic", "additional-number", "nope"]})))
        .await;
    response.problem(422, "validation");
    let mut fields = response.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec![
            "addon_licences[0]",
            "addon_licences[1]",
            "addon_licences[2]",
            "package_licence"
        ]
    );
}

async fn n4_numbers_load_singly_or_as_a_range_all_or_nothing(t: TestApp) {
    let path = format!("/api/v1/enterprises/{}/numbers", t.fx.enterprise);
    let one = t
        .post(&path, &t.fx.operator, json!({"number": "+44 20 7946 0958"}))
        .await;
    assert_eq!(one.status.as_u16(), 201, "{}", one.body);
    assert_eq!(one.body["loaded"], 1);
    let range = t
        .post(
            &path,
            &t.fx.operator,
            json!({"first": "+442079460900", "last": "+442079460960"}),
        )
        .await;
    range.problem(409, "number-exists");
    assert!(
        range.body["detail"]
            .as_str()
            .unwrap()
            .contains("+442079460958")
    );
    let free = t
        .get(
            &format!("{path}?prefix=%2B4420794609&limit=500"),
            &t.fx.admin,
        )
        .await;
    assert_eq!(
        free.body["items"].as_array().unwrap().len(),
        1,
        "all or nothing"
    );
    let range = t
        .post(
            &path,
            &t.fx.operator,
            json!({"first": "+442079460900", "last": "+442079460949"}),
        )
        .await;
    assert_eq!(range.body["loaded"], 50);
    t.post(&path, &t.fx.admin, json!({"number": "+442079460999"}))
        .await
        .problem(403, "forbidden");
    let bad = t
        .post(&path, &t.fx.operator, json!({"number": "0049 30 1"}))
        .await;
    assert_eq!(bad.failing_fields(), vec!["number"]);
    let huge = t
        .post(
            &path,
            &t.fx.operator,
            json!({"first": "+442079400000", "last": "+442079499999"}),
        )
        .await;
    assert_eq!(huge.body["errors"][0]["code"], "range-too-large");
    // A number of another enterprise's pool cannot be loaded here.
    t.post(&path, &t.fx.operator, json!({"number": "+33478000005"}))
        .await
        .problem(409, "number-exists");
}

async fn n4_number_is_never_given_twice(t: TestApp) {
    t.create_user("+493012345607", json!({})).await;
    let again = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body(
                "+493012345607",
                json!({"email": "b@example.de", "extension": "99"}),
            ),
        )
        .await;
    again.problem(409, "number-taken");
    let unknown = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body("+493099999999", json!({"email": "c@example.de"})),
        )
        .await;
    unknown.problem(422, "validation");
    assert_eq!(unknown.body["errors"][0]["code"], "unknown-number");
}

async fn n5_alternative_numbers_consume_additional_number_licences_up_to_ten(t: TestApp) {
    let user = t.create_active_user("+493012345608", json!({})).await;
    let path = format!(
        "/api/v1/users/{}/alternative-numbers",
        user["id"].as_str().unwrap()
    );
    for n in 70..73 {
        let added = t
            .post(
                &path,
                &t.fx.admin,
                json!({"number": format!("+4930123456{n}")}),
            )
            .await;
        assert_eq!(added.status.as_u16(), 200, "{}", added.body);
    }
    // 3 additional-number licences were purchased.
    t.post(&path, &t.fx.admin, json!({"number": "+493012345673"}))
        .await
        .problem(409, "licence-exhausted");
    assert_eq!(t.number("+493012345673").await["status"], "free");
    let removed = t
        .delete(&format!("{path}/%2B493012345670"), &t.fx.admin)
        .await;
    assert_eq!(removed.status.as_u16(), 200, "{}", removed.body);
    assert_eq!(
        removed.body["alternative_numbers"],
        json!(["+493012345671", "+493012345672"])
    );
    assert_eq!(t.licence("additional-number").await["free"], 1);
    assert_eq!(t.number("+493012345670").await["status"], "free");
    // Up to ten (N-5): buy plenty, then the eleventh is refused.
    t.post(
        &format!("/api/v1/enterprises/{}/licence-purchases", t.fx.enterprise),
        &t.fx.operator,
        json!({"licence": "additional-number", "quantity": 20}),
    )
    .await;
    for n in 73..81 {
        let added = t
            .post(
                &path,
                &t.fx.admin,
                json!({"number": format!("+4930123456{n}")}),
            )
            .await;
        assert_eq!(added.status.as_u16(), 200, "{}", added.body);
    }
    t.post(&path, &t.fx.admin, json!({"number": "+493012345681"}))
        .await
        .problem(409, "too-many-numbers");
    let pending = t
        .create_user("+493012345682", json!({"email": "p@example.de"}))
        .await;
    let pending_path = format!(
        "/api/v1/users/{}/alternative-numbers",
        pending["user"]["id"].as_str().unwrap()
    );
    t.post(
        &pending_path,
        &t.fx.admin,
        json!({"number": "+493012345683"}),
    )
    .await
    .problem(409, "user-not-active");
}

async fn n4_free_numbers_are_listed_and_searchable(t: TestApp) {
    t.create_user("+493012345600", json!({})).await;
    let path = format!("/api/v1/enterprises/{}/numbers", t.fx.enterprise);
    let free = t
        .get(
            &format!("{path}?status=free&prefix=%2B49301234560&limit=5"),
            &t.fx.site_admin,
        )
        .await;
    let numbers: Vec<&str> = free.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["number"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        vec![
            "+493012345601",
            "+493012345602",
            "+493012345603",
            "+493012345604",
            "+493012345605"
        ]
    );
    let next = t
        .get(
            &format!(
                "{path}?status=free&prefix=%2B49301234560&limit=5&cursor={}",
                free.body["next_cursor"]
                    .as_str()
                    .unwrap()
                    .replace('+', "%2B")
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(next.body["items"].as_array().unwrap().len(), 4);
    assert!(next.body.get("next_cursor").is_none());
    let assigned = t.get(&format!("{path}?status=assigned"), &t.fx.admin).await;
    assert_eq!(assigned.body["items"][0]["user_name"], "Anna Müller");
    assert_eq!(assigned.body["items"][0]["usage"], "primary");
    t.get(&format!("{path}?status=taken"), &t.fx.admin)
        .await
        .problem(422, "validation");
    t.get(&format!("{path}?prefix=abc"), &t.fx.admin)
        .await
        .problem(422, "validation");
}
