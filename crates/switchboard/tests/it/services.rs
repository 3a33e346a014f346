//! Call services (S-1) over HTTP on both databases: forwarding of every kind, simultaneous
//! ring, do not disturb, anonymous call rejection, voicemail with its PIN rules; a pending
//! user's too (L-2); bad input named field by field and nothing written; the PIN never shown
//! or logged; reach; the services only administrators set (S-2), shared lines gone
//! with a deleted user (L-4).

use serde_json::json;

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    s1_every_call_service_is_set_and_read_back_for_a_pending_user_too,
    s1_bad_services_are_refused_naming_each_field_and_nothing_is_written,
    s6_callers_see_the_users_own_an_alternative_or_no_number,
    a1_a2_call_services_stay_in_reach,
    s2_services_only_administrators_set_mobility_shared_lines_override_and_class,
);

async fn s1_every_call_service_is_set_and_read_back_for_a_pending_user_too(t: TestApp) {
    let user = t
        .create_user("+493012345602", json!({ "extension": "602" }))
        .await;
    assert_eq!(user["user"]["state"], "pending");
    let path = format!(
        "/api/v1/users/{}/call-services",
        user["user"]["id"].as_str().unwrap()
    );
    let empty = t.get(&path, &t.fx.admin).await;
    assert_eq!(empty.status, 200, "{}", empty.body);
    assert_eq!(empty.body["voicemail_rings"], 4, "the default");
    assert_eq!(empty.body["forward_always"], json!(null));

    let set = t
        .patch(
            &path,
            &t.fx.admin,
            None,
            json!({ "forward_busy": "603", "forward_no_answer": "+493099999999",
                    "forward_no_answer_rings": 6, "forward_unreachable": "+491701234567",
                    "simultaneous_ring": true, "simultaneous_destinations": ["604", "+491709999999"],
                    "do_not_disturb": true, "reject_anonymous": true,
                    "voicemail": true, "voicemail_rings": 5, "voicemail_pin": "2580",
                    "voicemail_email": "box@example.de" }),
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.headers["etag"], "\"v1\"");
    let read = t.get(&path, &t.fx.admin).await;
    assert_eq!(read.body["forward_busy"], "603");
    assert_eq!(read.body["forward_no_answer"], "+493099999999");
    assert_eq!(read.body["forward_no_answer_rings"], 6);
    assert_eq!(read.body["forward_unreachable"], "+491701234567");
    assert_eq!(
        read.body["simultaneous_destinations"],
        json!(["604", "+491709999999"])
    );
    assert_eq!(read.body["do_not_disturb"], true);
    assert_eq!(read.body["reject_anonymous"], true);
    assert_eq!(read.body["voicemail_rings"], 5);
    assert_eq!(read.body["voicemail_pin_set"], true);
    assert!(read.body.get("voicemail_pin").is_none());

    // Forwarding always on, busy off; the rest stays; a stale version is refused.
    let changed = t
        .patch(
            &path,
            &t.fx.admin,
            Some("\"v1\""),
            json!({ "forward_always": "4711", "forward_busy": "" }),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["forward_always"], "4711");
    assert_eq!(changed.body["forward_busy"], json!(null));
    assert_eq!(changed.body["voicemail"], true);
    t.patch(
        &path,
        &t.fx.admin,
        Some("\"v1\""),
        json!({ "do_not_disturb": false }),
    )
    .await
    .problem(412, "precondition-failed");

    // audited; the PIN itself is nowhere in the log.
    let audit = t
        .get(
            &format!(
                "/api/v1/audit?enterprise_id={}&action=user.services.changed",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    let entries = audit.body["items"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert!(!audit.body.to_string().contains("2580"));
    assert_eq!(entries[1]["after"]["voicemail_pin_changed"], true);
}

async fn s1_bad_services_are_refused_naming_each_field_and_nothing_is_written(t: TestApp) {
    let user = t
        .create_active_user("+493012345602", json!({ "extension": "602" }))
        .await;
    let path = format!(
        "/api/v1/users/{}/call-services",
        user["id"].as_str().unwrap()
    );
    let eleven: Vec<String> = (0..11).map(|i| format!("+4917000000{i:02}")).collect();
    let refused = t
        .patch(
            &path,
            &t.fx.admin,
            None,
            json!({ "forward_always": "somewhere", "forward_no_answer_rings": 0,
                    "simultaneous_destinations": eleven, "voicemail": true, "voicemail_rings": 11,
                    "voicemail_email": "not-an-email" }),
        )
        .await;
    refused.problem(422, "validation");
    let mut fields = refused.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "forward_always",
            "forward_no_answer_rings",
            "simultaneous_destinations",
            "voicemail_email",
            "voicemail_pin",
            "voicemail_rings"
        ]
    );
    for (pin, code) in [
        ("1234", "weak-pin"),
        ("0000", "weak-pin"),
        ("602", "invalid-pin"),
        ("0602", ""),
    ] {
        let answer = t
            .patch(
                &path,
                &t.fx.admin,
                None,
                json!({ "voicemail": true, "voicemail_pin": pin }),
            )
            .await;
        if code.is_empty() {
            assert_eq!(answer.status, 200, "{pin}: {}", answer.body);
        } else {
            let problem = answer.problem(422, "validation");
            assert_eq!(problem["errors"][0]["code"], code, "{pin}");
        }
    }
    let simultaneous = t
        .patch(
            &path,
            &t.fx.admin,
            None,
            json!({ "simultaneous_ring": true }),
        )
        .await;
    assert_eq!(simultaneous.failing_fields(), ["simultaneous_destinations"]);
    let read = t.get(&path, &t.fx.admin).await;
    assert_eq!(read.body["forward_always"], json!(null));
    assert_eq!(read.body["simultaneous_ring"], false);
    assert_eq!(read.body["version"], 1, "only the good PIN was written");
}

async fn a1_a2_call_services_stay_in_reach(t: TestApp) {
    let paris = t
        .create_user(
            "+33123456602",
            json!({ "site_id": t.fx.paris.to_string(), "extension": "602",
                    "primary_number": "+33123456602" }),
        )
        .await;
    let path = format!(
        "/api/v1/users/{}/call-services",
        paris["user"]["id"].as_str().unwrap()
    );
    t.get(&path, &t.fx.site_admin)
        .await
        .problem(404, "not-found");
    t.patch(
        &path,
        &t.fx.other_admin,
        None,
        json!({ "do_not_disturb": true }),
    )
    .await
    .problem(404, "not-found");
    assert_eq!(t.get(&path, &t.fx.admin).await.status, 200);
}

async fn s6_callers_see_the_users_own_an_alternative_or_no_number(t: TestApp) {
    let user = t
        .create_active_user("+493012345602", json!({ "extension": "602" }))
        .await;
    let id = user["id"].as_str().unwrap();
    let added = t
        .post(
            &format!("/api/v1/users/{id}/alternative-numbers"),
            &t.fx.admin,
            json!({"number": "+493012345612"}),
        )
        .await;
    assert_eq!(added.status.as_u16(), 200, "{}", added.body);
    let path = format!("/api/v1/users/{id}/call-services");
    let shown = t
        .patch(
            &path,
            &t.fx.admin,
            None,
            json!({ "caller_id": "+493012345612" }),
        )
        .await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    assert_eq!(shown.body["caller_id"], "+493012345612");
    // A number of the pool the user does not hold (free, or someone else's) is refused.
    let refused = t
        .patch(
            &path,
            &t.fx.admin,
            None,
            json!({ "caller_id": "+493012345613" }),
        )
        .await;
    let problem = refused.problem(422, "validation");
    assert_eq!(problem["errors"][0]["code"], "not-held");
    // The alternative number removed: callers see the user's own number again.
    let removed = t
        .delete(
            &format!("/api/v1/users/{id}/alternative-numbers/+493012345612"),
            &t.fx.admin,
        )
        .await;
    assert_eq!(removed.status.as_u16(), 200, "{}", removed.body);
    assert_eq!(
        t.get(&path, &t.fx.admin).await.body["caller_id"],
        json!(null)
    );
    let withheld = t
        .patch(&path, &t.fx.admin, None, json!({ "caller_id": "withheld" }))
        .await;
    assert_eq!(withheld.body["caller_id"], "withheld");
    let own = t
        .patch(&path, &t.fx.admin, None, json!({ "caller_id": "own" }))
        .await;
    assert_eq!(own.body["caller_id"], json!(null));
}

async fn s2_services_only_administrators_set_mobility_shared_lines_override_and_class(t: TestApp) {
    let assistant = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Assi", "extension": "602", "language": "de" }),
        )
        .await;
    let assistant_id = assistant["id"].as_str().unwrap().to_owned();
    let boss = t
        .create_active_user(
            "+493012345603",
            json!({ "first_name": "Chefin", "last_name": "Boss", "extension": "603" }),
        )
        .await;
    let boss_id = boss["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/users/{assistant_id}/call-services");

    let read = t.get(&path, &t.fx.admin).await;
    assert_eq!(read.body["network_class"], "international", "the default");
    assert_eq!(read.body["mobility"], false);
    assert_eq!(read.body["shared_lines"], json!([]));

    // Mobility needs its number; a class from the list; not the user's own line.
    let refused = t
        .patch(
            &path,
            &t.fx.admin,
            None,
            json!({ "mobility": true, "network_class": "galactic",
                    "shared_lines": [assistant_id] }),
        )
        .await;
    refused.problem(422, "validation");
    assert_eq!(
        refused.failing_fields(),
        ["mobility_number", "network_class", "shared_lines[0]"]
    );
    assert_eq!(t.get(&path, &t.fx.admin).await.body["version"], 0);

    let set = t
        .patch(
            &path,
            &t.fx.admin,
            None,
            json!({ "mobility": true, "mobility_number": "+491701234567",
                    "network_class": "national", "override_site_forwarding": true,
                    "shared_lines": [boss_id] }),
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.body["mobility_number"], "+491701234567");
    assert_eq!(set.body["network_class"], "national");
    assert_eq!(set.body["override_site_forwarding"], true);
    assert_eq!(set.body["shared_lines"][0]["first_name"], "Chefin");
    assert_eq!(set.body["shared_lines"][0]["extension"], "603");

    // The user themselves changes their own services, but not these.
    let user = switchboard_app::Actor {
        principal: switchboard_app::Principal::Member {
            enterprise: t.fx.enterprise,
            site: t.fx.berlin,
            user: assistant_id.parse().unwrap(),
            team_lead: false,
        },
        label: "assistant".into(),
        channel: switchboard_app::Channel::Portal,
        client_ip: None,
        request_id: None,
    };
    let services = t.app.call_services();
    let own = services
        .update(
            &user,
            assistant_id.parse().unwrap(),
            None,
            switchboard_app::call_services::ServiceChanges {
                network_class: Some("unrestricted".into()),
                mobility: Some(false),
                do_not_disturb: Some(true),
                ..Default::default()
            },
        )
        .await;
    match own {
        Err(switchboard_app::AppError::Validation(errors)) => {
            let fields: Vec<(&str, &str)> =
                errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
            assert_eq!(
                fields,
                [("mobility", "admin-only"), ("network_class", "admin-only")]
            );
        }
        other => panic!("a user's own S-2 change: {other:?}"),
    }
    let own = services
        .update(
            &user,
            assistant_id.parse().unwrap(),
            None,
            switchboard_app::call_services::ServiceChanges {
                do_not_disturb: Some(true),
                ..Default::default()
            },
        )
        .await
        .expect("their own services");
    assert!(own.services.do_not_disturb);
    assert_eq!(own.services.network_class.as_str(), "national", "unchanged");

    // L-4: the boss deleted, the line is gone from the assistant's phone, who is told.
    let deleted = t
        .delete(&format!("/api/v1/users/{boss_id}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    assert_eq!(
        t.get(&path, &t.fx.admin).await.body["shared_lines"],
        json!([])
    );
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(t.database_url())
        .await
        .unwrap();
    let told: Vec<String> =
        sqlx::query_scalar("SELECT template FROM inbox_messages WHERE user_id = $1")
            .bind(assistant_id.clone())
            .fetch_all(&mut conn)
            .await
            .unwrap();
    assert_eq!(told, ["inbox-shared-line-removed"]);
}
