//! Hunt groups (G-1), call pickup and call park groups (G-3) over HTTP on both databases: who
//! may join which (L-2), a user in at most one pickup group, extensions shared with users, the
//! reach of each role, and a deleted user gone from every group (L-4).

use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    g1_l2_a_hunt_group_rings_active_users_in_order_and_refuses_a_pending_one,
    g3_l2_pickup_and_park_groups_take_pending_users_and_a_user_is_in_one_pickup_group,
    g1_a_hunt_group_shares_the_enterprises_extensions_with_users,
    g1_bad_settings_are_refused_naming_each_field_and_nothing_is_written,
    a1_a2_groups_stay_in_the_reach_of_each_role,
    l4_l6_a_deleted_user_leaves_every_group_a_deactivated_one_stays,
    g4_a1_team_leads_are_users_with_the_role_and_administrators_see_the_members,
    g1_members_of_a_weighted_hunt_group_keep_their_weights,
);

fn id(v: &Value) -> String {
    v["id"]
        .as_str()
        .or(v["user"]["id"].as_str())
        .unwrap()
        .to_owned()
}

async fn group(t: &TestApp, token: &str, body: Value) -> crate::support::Response {
    t.post(
        &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
        token,
        body,
    )
    .await
}

async fn members(t: &TestApp, group: &str, users: &[&str]) -> crate::support::Response {
    t.call(
        reqwest::Method::PUT,
        &format!("/api/v1/groups/{group}/members"),
        &t.fx.admin,
        Some(json!({ "user_ids": users })),
        None,
    )
    .await
}

async fn g1_l2_a_hunt_group_rings_active_users_in_order_and_refuses_a_pending_one(t: TestApp) {
    let anna = id(&t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "extension": "602"}),
        )
        .await);
    let bert = id(&t
        .create_active_user(
            "+493012345603",
            json!({"first_name": "Bert", "extension": "603"}),
        )
        .await);
    let paul = id(&t
        .create_user(
            "+493012345604",
            json!({"first_name": "Paul", "extension": "604"}),
        )
        .await);

    let created = group(
        &t,
        &t.fx.admin,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline",
               "extension": "700", "ring_policy": "circular", "no_answer_seconds": 15,
               "forward_to": "+493099999999"}),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["ring_policy"], "circular");
    assert_eq!(created.body["no_answer_seconds"], 15);
    assert_eq!(created.body["forward_to"], "+493099999999");
    let hotline = id(&created.body);

    // Ring order is the order given.
    let set = members(&t, &hotline, &[&bert, &anna]).await;
    assert_eq!(set.status, 200, "{}", set.body);
    let names: Vec<&str> = set.body["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["first_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Bert", "Anna"]);

    // L-2: a pending user is refused, with a clear code; the members stay as they were.
    let refused = members(&t, &hotline, &[&bert, &anna, &paul]).await;
    let problem = refused.problem(409, "user-not-active");
    assert!(
        problem["detail"].as_str().unwrap().contains("Paul"),
        "{problem}"
    );
    let read = t
        .get(&format!("/api/v1/groups/{hotline}"), &t.fx.admin)
        .await;
    assert_eq!(read.body["members"].as_array().unwrap().len(), 2);
    assert_eq!(read.headers["etag"], "\"v1\"");

    // Settings change with If-Match; a stale one is refused.
    let changed = t
        .patch(
            &format!("/api/v1/groups/{hotline}"),
            &t.fx.admin,
            Some("\"v1\""),
            json!({"ring_policy": "simultaneous", "forward_to": ""}),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["ring_policy"], "simultaneous");
    assert!(changed.body.get("forward_to").is_none());
    let stale = t
        .patch(
            &format!("/api/v1/groups/{hotline}"),
            &t.fx.admin,
            Some("\"v1\""),
            json!({"name": "Late"}),
        )
        .await;
    stale.problem(412, "precondition-failed");

    // every change is in the audit log.
    let audit = t
        .get(
            &format!(
                "/api/v1/audit?enterprise_id={}&action=group.members.changed",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(audit.body["items"].as_array().unwrap().len(), 1);

    let list = t
        .get(
            &format!("/api/v1/enterprises/{}/groups?kind=hunt", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(list.body["items"][0]["member_count"], 2, "{}", list.body);
}

async fn g3_l2_pickup_and_park_groups_take_pending_users_and_a_user_is_in_one_pickup_group(
    t: TestApp,
) {
    let paul = id(&t
        .create_user(
            "+493012345604",
            json!({"first_name": "Paul", "extension": "604"}),
        )
        .await);
    let berlin = t.fx.berlin.to_string();
    let first = group(
        &t,
        &t.fx.admin,
        json!({"site_id": berlin, "kind": "pickup", "name": "Warehouse"}),
    )
    .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let second = group(
        &t,
        &t.fx.admin,
        json!({"site_id": berlin, "kind": "pickup", "name": "Office"}),
    )
    .await;
    let park = group(
        &t,
        &t.fx.admin,
        json!({"site_id": berlin, "kind": "park", "name": "Reception", "recall_seconds": 90}),
    )
    .await;
    assert_eq!(park.body["recall_seconds"], 90, "{}", park.body);

    // L-2: a pending user joins pickup and park groups.
    let joined = members(&t, &id(&first.body), &[&paul]).await;
    assert_eq!(joined.status, 200, "{}", joined.body);
    assert_eq!(joined.body["members"][0]["state"], "pending");
    assert_eq!(members(&t, &id(&park.body), &[&paul]).await.status, 200);

    // G-3: not in a second pickup group.
    let refused = members(&t, &id(&second.body), &[&paul]).await;
    let problem = refused.problem(409, "in-another-pickup-group");
    assert!(
        problem["detail"].as_str().unwrap().contains("Warehouse"),
        "{problem}"
    );
    // Two requests at the same moment put another user in two pickup groups: one wins.
    let olga = id(&t
        .create_user(
            "+493012345605",
            json!({"first_name": "Olga", "extension": "605"}),
        )
        .await);
    let (first_id, second_id) = (id(&first.body), id(&second.body));
    let (both, alone) = ([paul.as_str(), olga.as_str()], [olga.as_str()]);
    let (a, b) = tokio::join!(
        members(&t, &first_id, &both),
        members(&t, &second_id, &alone)
    );
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{} / {}", a.body, b.body);
    let of_olga = t
        .get(&format!("/api/v1/users/{olga}/groups"), &t.fx.admin)
        .await;
    assert_eq!(of_olga.body["items"].as_array().unwrap().len(), 1);
    // Setting the same group again keeps them.
    assert_eq!(members(&t, &id(&first.body), &[&paul]).await.status, 200);

    let of_user = t
        .get(&format!("/api/v1/users/{paul}/groups"), &t.fx.admin)
        .await;
    let kinds: Vec<&str> = of_user.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["park", "pickup"]);

    // A name is unique per site and kind.
    let twice = group(
        &t,
        &t.fx.admin,
        json!({"site_id": berlin, "kind": "pickup", "name": "Warehouse"}),
    )
    .await;
    twice.problem(409, "name-taken");
}

async fn g1_a_hunt_group_shares_the_enterprises_extensions_with_users(t: TestApp) {
    t.create_user("+493012345602", json!({"extension": "602"}))
        .await;
    let berlin = t.fx.berlin.to_string();
    let taken = group(
        &t,
        &t.fx.admin,
        json!({"site_id": berlin, "kind": "hunt", "name": "Sales", "extension": "602"}),
    )
    .await;
    taken.problem(409, "extension-taken");
    let created = group(
        &t,
        &t.fx.admin,
        json!({"site_id": berlin, "kind": "hunt", "name": "Sales", "extension": "700"}),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    // …and a user cannot take a hunt group's extension either.
    let user = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body("+493012345603", json!({"extension": "700"})),
        )
        .await;
    user.problem(409, "extension-taken");
    // Another hunt group neither, in any site of the enterprise.
    let again = group(
        &t,
        &t.fx.admin,
        json!({"site_id": t.fx.paris.to_string(), "kind": "hunt", "name": "Ventes", "extension": "700"}),
    )
    .await;
    again.problem(409, "extension-taken");
}

async fn g1_bad_settings_are_refused_naming_each_field_and_nothing_is_written(t: TestApp) {
    let refused = group(
        &t,
        &t.fx.admin,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "",
               "extension": "7", "ring_policy": "loudest", "no_answer_seconds": 2,
               "forward_to": "somewhere", "recall_seconds": 60}),
    )
    .await;
    refused.problem(422, "validation");
    let mut fields = refused.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "extension",
            "forward_to",
            "name",
            "no_answer_seconds",
            "recall_seconds",
            "ring_policy"
        ]
    );
    let missing = group(&t, &t.fx.admin, json!({})).await;
    let mut fields = missing.failing_fields();
    fields.sort();
    assert_eq!(fields, ["kind", "name", "site_id"]);
    let list = t
        .get(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(list.body["items"], json!([]));
}

async fn a1_a2_groups_stay_in_the_reach_of_each_role(t: TestApp) {
    let paris = group(
        &t,
        &t.fx.admin,
        json!({"site_id": t.fx.paris.to_string(), "kind": "park", "name": "Accueil"}),
    )
    .await;
    let paris = id(&paris.body);
    // The Berlin site administrator neither sees nor changes the Paris group.
    let list = t
        .get(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.site_admin,
        )
        .await;
    assert_eq!(list.body["items"], json!([]), "{}", list.body);
    t.get(&format!("/api/v1/groups/{paris}"), &t.fx.site_admin)
        .await
        .problem(404, "not-found");
    let elsewhere = group(
        &t,
        &t.fx.site_admin,
        json!({"site_id": t.fx.paris.to_string(), "kind": "park", "name": "Mine"}),
    )
    .await;
    assert_eq!(elsewhere.failing_fields(), ["site_id"]);
    // Another enterprise's administrator: not found, as if it did not exist.
    t.get(&format!("/api/v1/groups/{paris}"), &t.fx.other_admin)
        .await
        .problem(404, "not-found");
    t.delete(&format!("/api/v1/groups/{paris}"), &t.fx.other_admin)
        .await
        .problem(404, "not-found");
    // The enterprise administrator deletes it.
    let deleted = t
        .delete(&format!("/api/v1/groups/{paris}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status, 204);
}

async fn l4_l6_a_deleted_user_leaves_every_group_a_deactivated_one_stays(t: TestApp) {
    let leaver = id(&t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Lea", "extension": "602"}),
        )
        .await);
    let stayer = id(&t
        .create_active_user(
            "+493012345603",
            json!({"first_name": "Stan", "extension": "603"}),
        )
        .await);
    let berlin = t.fx.berlin.to_string();
    let mut ids = Vec::new();
    for body in [
        json!({"site_id": berlin, "kind": "hunt", "name": "Hotline", "extension": "700"}),
        json!({"site_id": berlin, "kind": "pickup", "name": "Floor 1"}),
        json!({"site_id": berlin, "kind": "park", "name": "Lobby"}),
    ] {
        let g = group(&t, &t.fx.admin, body).await;
        assert_eq!(g.status, 201, "{}", g.body);
        let g = id(&g.body);
        assert_eq!(members(&t, &g, &[&leaver, &stayer]).await.status, 200);
        ids.push(g);
    }
    // L-6: deactivated, they stay in their groups (and the user's groups are listed).
    let deactivated = t
        .post(
            &format!("/api/v1/users/{leaver}/deactivate"),
            &t.fx.admin,
            json!({"action": "transfer_on_zero", "destination_user_id": stayer}),
        )
        .await;
    assert_eq!(deactivated.status, 200, "{}", deactivated.body);
    let of_user = t
        .get(&format!("/api/v1/users/{leaver}/groups"), &t.fx.admin)
        .await;
    assert_eq!(of_user.body["items"].as_array().unwrap().len(), 3);

    // L-4: deleted, they are in none, in the same transaction; the others stay.
    let deleted = t
        .delete(&format!("/api/v1/users/{leaver}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    for g in &ids {
        let read = t.get(&format!("/api/v1/groups/{g}"), &t.fx.admin).await;
        let left: Vec<&str> = read.body["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["first_name"].as_str().unwrap())
            .collect();
        assert_eq!(left, ["Stan"], "{}", read.body);
    }
}

async fn g4_a1_team_leads_are_users_with_the_role_and_administrators_see_the_members(t: TestApp) {
    let hotline = t.fx.hotline.to_string();
    let lead = id(&t
        .create_user(
            "+493012345602",
            json!({"first_name": "Lina", "role": "team_lead", "extension": "602", "team_ids": [hotline]}),
        )
        .await);
    let plain = id(&t
        .create_user(
            "+493012345603",
            json!({"first_name": "Pia", "extension": "603", "team_ids": [hotline]}),
        )
        .await);
    let path = format!("/api/v1/teams/{hotline}/leads");
    let put = async |token: &str, users: Vec<String>| {
        t.call(
            reqwest::Method::PUT,
            &path,
            token,
            Some(json!({ "user_ids": users })),
            None,
        )
        .await
    };
    let refused = put(&t.fx.admin, vec![plain.clone()]).await;
    let problem = refused.problem(422, "validation");
    assert_eq!(problem["errors"][0]["code"], "not-a-team-lead");
    let set = put(&t.fx.admin, vec![lead.clone()]).await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.body["user_ids"], json!([lead]));
    // Only enterprise administrators choose leads; another enterprise does not see the team.
    put(&t.fx.site_admin, vec![lead.clone()])
        .await
        .problem(403, "forbidden");
    t.get(
        &format!("/api/v1/teams/{hotline}/members"),
        &t.fx.other_admin,
    )
    .await
    .problem(404, "not-found");
    let members = t
        .get(&format!("/api/v1/teams/{hotline}/members"), &t.fx.admin)
        .await;
    let names: Vec<&str> = members.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["first_name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{}", members.body);
    assert!(names.contains(&"Lina") && names.contains(&"Pia"));
}

async fn g1_members_of_a_weighted_hunt_group_keep_their_weights(t: TestApp) {
    let mut people = Vec::new();
    for (i, name) in ["Anna", "Bert", "Carl"].iter().enumerate() {
        people.push(id(&t
            .create_active_user(
                &format!("+49301234560{}", i + 2),
                json!({"first_name": name, "extension": format!("60{}", i + 2)}),
            )
            .await));
    }
    let (anna, bert, carl) = (&people[0], &people[1], &people[2]);
    let created = group(
        &t,
        &t.fx.admin,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Sales",
               "extension": "700", "ring_policy": "weighted"}),
    )
    .await;
    let hunt = id(&created.body);
    let put = |body: Value| {
        let t = &t;
        let path = format!("/api/v1/groups/{hunt}/members");
        async move {
            t.call(reqwest::Method::PUT, &path, &t.fx.admin, Some(body), None)
                .await
        }
    };
    let set = put(json!({"user_ids": [anna, bert], "weights": {anna.as_str(): 3}})).await;
    assert_eq!(set.status, 200, "{}", set.body);
    let weights = |body: &Value| -> Vec<(String, i64)> {
        body["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["first_name"].as_str().unwrap().to_owned(),
                    m["weight"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        weights(&set.body),
        [("Anna".to_owned(), 3), ("Bert".to_owned(), 1)]
    );
    // Reordered with a newcomer and no weights: each keeps theirs; the newcomer has 1.
    let set = put(json!({"user_ids": [carl, bert, anna]})).await;
    assert_eq!(
        weights(&set.body),
        [
            ("Carl".to_owned(), 1),
            ("Bert".to_owned(), 1),
            ("Anna".to_owned(), 3)
        ]
    );
    // Out of range, or for someone who is not a member: refused by name, nothing written.
    let refused = put(json!({"user_ids": [carl, bert], "weights": {bert.as_str(): 0}})).await;
    assert_eq!(refused.failing_fields(), [format!("weights.{bert}")]);
    assert_eq!(refused.body["errors"][0]["code"], "out-of-range");
    let refused = put(json!({"user_ids": [carl, bert], "weights": {anna.as_str(): 5}})).await;
    assert_eq!(refused.failing_fields(), [format!("weights.{anna}")]);
    assert_eq!(refused.body["errors"][0]["code"], "not-a-member");
    let shown = t.get(&format!("/api/v1/groups/{hunt}"), &t.fx.admin).await;
    assert_eq!(weights(&shown.body).len(), 3, "nothing written");
    // A pickup group has no weights.
    let pickup = id(&group(
        &t,
        &t.fx.admin,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "pickup", "name": "Floor"}),
    )
    .await
    .body);
    let refused = t
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/groups/{pickup}/members"),
            &t.fx.admin,
            Some(json!({"user_ids": [anna], "weights": {anna.as_str(): 2}})),
            None,
        )
        .await;
    assert_eq!(refused.body["errors"][0]["code"], "not-applicable");
}
