//! A user's life: create (U-1…U-4) → active (L-1) → change (L-7, N-6, U-8) → new credentials
//! (U-4) → deactivate (L-5) → reactivate (L-6) → delete (L-4), and what the rules forbid (L-3).

use md5::{Digest, Md5};
use serde_json::json;

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    u1_u4_l1_created_user_is_pending_with_a_login_shown_once_then_active,
    l1_failed_activation_is_retried_by_an_operator_only,
    u4_stored_credentials_are_a_digest_of_the_password_shown_once,
    l7_n6_changing_the_number_frees_the_old_one_and_needs_if_match,
    l7_new_device_gives_new_login_details,
    u8_changing_the_email_changes_the_login_name,
    l2_l3_pending_user_profile_changes_but_configuration_does_not,
    l3_pending_user_cannot_be_deleted_by_site_admin_but_by_operator,
    l4_deleting_frees_numbers_and_licences_and_revokes_credentials,
    l5_l6_deactivation_intercepts_to_an_active_colleague_and_reactivation_clears_it,
    u7_duplicate_returns_a_prefilled_draft_and_writes_nothing,
    a3_every_change_is_audited_without_secrets,
    walkthrough_of_the_readme_from_create_to_delete,
);

async fn u1_u4_l1_created_user_is_pending_with_a_login_shown_once_then_active(t: TestApp) {
    let created = t.create_user("+493012345601", json!({})).await;
    let user = &created["user"];
    assert_eq!(user["state"], "pending");
    assert!(
        user["state_description"]
            .as_str()
            .unwrap()
            .contains("can make calls but not receive them")
    );
    assert_eq!(user["extension"], "5601", "U-2 default extension");
    assert_eq!(user["login_name"], "anna.493012345601@example.de");
    let login = &created["sip_login"];
    assert_eq!(login["domain"], "mueller.sip.test");
    assert!(login["password"].as_str().unwrap().len() >= 20);

    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap());
    let read = t.get(&path, &t.fx.admin).await;
    assert!(
        read.body.get("sip_login").is_none(),
        "U-4: the login is never shown again"
    );
    assert!(
        !read
            .body
            .to_string()
            .contains(login["password"].as_str().unwrap())
    );

    assert!(t.drain_jobs().await >= 1);
    let read = t.get(&path, &t.fx.admin).await;
    assert_eq!(read.body["state"], "active");
    assert!(read.body["activated_at"].is_string());
}

async fn l1_failed_activation_is_retried_by_an_operator_only(t: TestApp) {
    // The simulated carrier refuses numbers ending in 666.
    let created = t.create_user("+493012345666", json!({})).await;
    let id = created["user"]["id"].as_str().unwrap().to_owned();
    t.drain_jobs().await;
    let user = t.get(&format!("/api/v1/users/{id}"), &t.fx.admin).await;
    assert_eq!(user.body["state"], "failed");
    assert!(
        user.body["state_reason"]
            .as_str()
            .unwrap()
            .contains("refused")
    );

    let jobs = t
        .get(
            &format!("/api/v1/jobs?subject_id={id}&status=failed"),
            &t.fx.operator,
        )
        .await;
    assert_eq!(
        jobs.body["items"][0]["kind"], "user.activate",
        "T-3: the failure is visible to operators"
    );

    let denied = t
        .post(
            &format!("/api/v1/users/{id}/retry-activation"),
            &t.fx.admin,
            json!({}),
        )
        .await;
    denied.problem(403, "forbidden");
    let retried = t
        .post(
            &format!("/api/v1/users/{id}/retry-activation"),
            &t.fx.operator,
            json!({}),
        )
        .await;
    assert_eq!(retried.body["state"], "pending", "{}", retried.body);
    t.drain_jobs().await;
    let user = t.get(&format!("/api/v1/users/{id}"), &t.fx.admin).await;
    assert_eq!(
        user.body["state"], "failed",
        "the rule still refuses this number"
    );
    let again = t
        .post(
            &format!(
                "/api/v1/users/{}/retry-activation",
                created["user"]["id"].as_str().unwrap()
            ),
            &t.fx.operator,
            json!({}),
        )
        .await;
    assert_eq!(again.body["state"], "pending");
}

async fn u4_stored_credentials_are_a_digest_of_the_password_shown_once(t: TestApp) {
    let created = t.create_user("+493012345602", json!({})).await;
    let login = &created["sip_login"];
    let (username, password, domain) = (
        login["username"].as_str().unwrap(),
        login["password"].as_str().unwrap(),
        login["domain"].as_str().unwrap(),
    );
    let mut conn = t.app.db().read().await.unwrap();
    let (stored_user, ha1): (String, String) =
        sqlx::query_as("SELECT username, ha1 FROM sip_credentials WHERE user_id = $1")
            .bind(created["user"]["id"].as_str().unwrap())
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    assert_eq!(stored_user, username);
    assert_eq!(
        ha1,
        hex::encode(Md5::digest(format!("{username}:{domain}:{password}")))
    );
    let everything: Vec<(String,)> =
        sqlx::query_as("SELECT COALESCE(after_json, '') FROM audit_log")
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    assert!(
        everything.iter().all(|(json,)| !json.contains(password)),
        "K-5: no password in the audit log"
    );

    let id = created["user"]["id"].as_str().unwrap();
    let renewed = t
        .post(
            &format!("/api/v1/users/{id}/sip-credentials"),
            &t.fx.admin,
            json!({}),
        )
        .await;
    assert_eq!(renewed.status.as_u16(), 201);
    assert_eq!(
        renewed.body["sip_login"]["username"], username,
        "the phone keeps its user name"
    );
    assert_ne!(renewed.body["sip_login"]["password"], password);
    let (new_ha1,): (String,) =
        sqlx::query_as("SELECT ha1 FROM sip_credentials WHERE user_id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    assert_ne!(new_ha1, ha1, "the old password stops working");
}

async fn l7_n6_changing_the_number_frees_the_old_one_and_needs_if_match(t: TestApp) {
    let user = t.create_active_user("+493012345603", json!({})).await;
    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap());
    let read = t.get(&path, &t.fx.admin).await;
    let etag = read.etag();

    t.patch(
        &path,
        &t.fx.admin,
        None,
        json!({"primary_number": "+493012345604"}),
    )
    .await
    .problem(428, "precondition-required");
    t.patch(
        &path,
        &t.fx.admin,
        Some("\"v999\""),
        json!({"primary_number": "+493012345604"}),
    )
    .await
    .problem(412, "precondition-failed");

    let changed = t
        .patch(
            &path,
            &t.fx.admin,
            Some(&etag),
            json!({"primary_number": "+493012345604"}),
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);
    assert_eq!(changed.body["user"]["primary_number"], "+493012345604");
    assert_eq!(
        changed.body["user"]["extension"], "5603",
        "the extension stays unless changed"
    );
    assert_eq!(
        t.number("+493012345603").await["status"],
        "free",
        "N-6: free again at once"
    );
    assert_eq!(t.number("+493012345604").await["user_id"], user["id"]);

    // The old ETag is stale now.
    t.patch(
        &path,
        &t.fx.admin,
        Some(&etag),
        json!({"first_name": "Anne"}),
    )
    .await
    .problem(412, "precondition-failed");
    // And the freed number can be given to someone else at once.
    t.create_user(
        "+493012345603",
        json!({"email": "next@example.de", "extension": "603"}),
    )
    .await;
}

async fn l7_new_device_gives_new_login_details(t: TestApp) {
    let user = t.create_active_user("+493012345605", json!({})).await;
    let path = format!("/api/v1/users/{}", user["id"].as_str().unwrap());
    let etag = t.get(&path, &t.fx.admin).await.etag();
    let changed = t
        .patch(&path, &t.fx.admin, Some(&etag), json!({"device_type": "no-desk-phone", "mobile_number": "+4915123456789", "contract_number": "VF-1234"}))
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);
    assert!(
        changed.body["sip_login"]["password"].is_string(),
        "L-7: a new desk phone gives new login details"
    );
    let etag = changed
        .headers
        .get("etag")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let cleared = t
        .patch(
            &path,
            &t.fx.admin,
            Some(&etag),
            json!({"mobile_number": null}),
        )
        .await;
    cleared.problem(422, "validation");
    assert_eq!(
        cleared.failing_fields(),
        vec!["mobile_number"],
        "U-3 holds on update too"
    );
}

async fn u8_changing_the_email_changes_the_login_name(t: TestApp) {
    let created = t.create_user("+493012345606", json!({})).await;
    let path = format!("/api/v1/users/{}", created["user"]["id"].as_str().unwrap());
    let etag = t.get(&path, &t.fx.admin).await.etag();
    let changed = t
        .patch(
            &path,
            &t.fx.admin,
            Some(&etag),
            json!({"email": "Anna.Neu@Example.DE"}),
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);
    assert_eq!(changed.body["user"]["email"], "Anna.Neu@Example.DE");
    assert_eq!(changed.body["user"]["login_name"], "anna.neu@example.de");
    let other = t.create_user("+493012345607", json!({})).await;
    let other_path = format!("/api/v1/users/{}", other["user"]["id"].as_str().unwrap());
    let etag = t.get(&other_path, &t.fx.admin).await.etag();
    t.patch(
        &other_path,
        &t.fx.admin,
        Some(&etag),
        json!({"email": "anna.neu@example.de"}),
    )
    .await
    .problem(409, "login-taken");
}

async fn l2_l3_pending_user_profile_changes_but_configuration_does_not(t: TestApp) {
    let created = t.create_user("+493012345608", json!({})).await;
    let path = format!("/api/v1/users/{}", created["user"]["id"].as_str().unwrap());
    let etag = t.get(&path, &t.fx.admin).await.etag();
    for change in [
        json!({"primary_number": "+493012345609"}),
        json!({"extension": "777"}),
        json!({"device_type": "mobile-app"}),
        json!({"package_licence": "voice-premium"}),
        json!({"mobile_number": "+4915123456789"}),
    ] {
        let refused = t
            .patch(&path, &t.fx.admin, Some(&etag), change.clone())
            .await;
        refused.problem(409, "user-not-active");
        assert!(
            refused.body["detail"].as_str().unwrap().contains("pending"),
            "{change}"
        );
    }
    let renamed = t
        .patch(
            &path,
            &t.fx.admin,
            Some(&etag),
            json!({"first_name": "Änne", "department_id": t.fx.sales.to_string()}),
        )
        .await;
    assert_eq!(
        renamed.status.as_u16(),
        200,
        "L-2: a pending user's profile can change: {}",
        renamed.body
    );
    assert_eq!(renamed.body["user"]["first_name"], "Änne");
}

async fn l3_pending_user_cannot_be_deleted_by_site_admin_but_by_operator(t: TestApp) {
    let created = t.create_user("+493012345610", json!({})).await;
    let path = format!("/api/v1/users/{}", created["user"]["id"].as_str().unwrap());
    let refused = t.delete(&path, &t.fx.site_admin).await;
    refused.problem(409, "user-not-active");
    t.delete(&path, &t.fx.admin)
        .await
        .problem(409, "user-not-active");
    assert_eq!(
        t.get(&path, &t.fx.admin).await.status.as_u16(),
        200,
        "nothing was deleted"
    );
    assert_eq!(
        t.delete(&path, &t.fx.operator).await.status.as_u16(),
        204,
        "L-3: operators delete in any state"
    );
    t.get(&path, &t.fx.admin).await.problem(404, "not-found");
}

async fn l4_deleting_frees_numbers_and_licences_and_revokes_credentials(t: TestApp) {
    let before_basic = t.licence("voice-basic").await;
    let before_supervisor = t.licence("supervisor").await;
    let user = t
        .create_active_user("+493012345611", json!({"addon_licences": ["supervisor"]}))
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
    assert_eq!(t.licence("additional-number").await["assigned"], 1);
    assert_eq!(
        t.licence("voice-basic").await["assigned"],
        before_basic["assigned"].as_i64().unwrap() + 1
    );

    assert_eq!(
        t.delete(&format!("/api/v1/users/{id}"), &t.fx.site_admin)
            .await
            .status
            .as_u16(),
        204
    );
    assert_eq!(
        t.licence("voice-basic").await["assigned"],
        before_basic["assigned"]
    );
    assert_eq!(
        t.licence("supervisor").await["assigned"],
        before_supervisor["assigned"]
    );
    assert_eq!(t.licence("additional-number").await["assigned"], 0);
    assert_eq!(t.number("+493012345611").await["status"], "free");
    assert_eq!(t.number("+493012345612").await["status"], "free");
    let mut conn = t.app.db().read().await.unwrap();
    let left: Vec<(String,)> =
        sqlx::query_as("SELECT user_id FROM sip_credentials WHERE user_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    assert!(left.is_empty(), "L-4: SIP credentials revoked");
    let removal: Vec<(String,)> =
        sqlx::query_as("SELECT kind FROM jobs WHERE subject_id = $1 AND kind = 'user.remove'")
            .bind(id)
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    assert_eq!(removal.len(), 1, "T-3: the telephony side is told");
}

async fn l5_l6_deactivation_intercepts_to_an_active_colleague_and_reactivation_clears_it(
    t: TestApp,
) {
    let leaver = t.create_active_user("+493012345613", json!({})).await;
    let colleague = t
        .create_active_user("+493012345614", json!({"email": "colleague@example.de"}))
        .await;
    let in_paris = t
        .create_active_user(
            "+33123456601",
            json!({"email": "paris@example.fr", "site_id": t.fx.paris.to_string()}),
        )
        .await;
    let pending = t
        .create_user("+493012345615", json!({"email": "new@example.de"}))
        .await;
    let id = leaver["id"].as_str().unwrap();
    let deactivate = format!("/api/v1/users/{id}/deactivate");

    for destination in [
        pending["user"]["id"].clone(),
        in_paris["id"].clone(),
        leaver["id"].clone(),
        json!("nobody"),
    ] {
        let refused = t
            .post(
                &deactivate,
                &t.fx.admin,
                json!({"action": "transfer_on_zero", "destination_user_id": destination}),
            )
            .await;
        refused.problem(422, "validation");
        assert_eq!(refused.failing_fields(), vec!["destination_user_id"]);
    }
    let refused = t
        .post(
            &deactivate,
            &t.fx.admin,
            json!({"action": "hang_up", "destination_user_id": colleague["id"]}),
        )
        .await;
    assert_eq!(refused.failing_fields(), vec!["action"]);

    let done = t
        .post(
            &deactivate,
            &t.fx.admin,
            json!({"action": "announce_new_number", "destination_user_id": colleague["id"]}),
        )
        .await;
    assert_eq!(done.status.as_u16(), 200, "{}", done.body);
    assert_eq!(done.body["state"], "deactivated");
    assert_eq!(
        done.body["primary_number"], "+493012345613",
        "L-5: the number is kept"
    );
    assert_eq!(
        done.body["intercept"]["destination_user_id"],
        colleague["id"]
    );

    // The colleague now receives intercepted calls and cannot silently disappear.
    let colleague_path = format!("/api/v1/users/{}", colleague["id"].as_str().unwrap());
    t.delete(&colleague_path, &t.fx.admin)
        .await
        .problem(409, "intercept-destination");
    t.post(
        &deactivate,
        &t.fx.admin,
        json!({"action": "announce_new_number", "destination_user_id": colleague["id"]}),
    )
    .await
    .problem(409, "user-not-active");

    let back = t
        .post(
            &format!("/api/v1/users/{id}/reactivate"),
            &t.fx.admin,
            json!({}),
        )
        .await;
    assert_eq!(back.body["state"], "active");
    assert!(back.body["intercept"].is_null(), "L-6: intercept cleared");
    t.post(
        &format!("/api/v1/users/{id}/reactivate"),
        &t.fx.admin,
        json!({}),
    )
    .await
    .problem(409, "invalid-state");
}

async fn u7_duplicate_returns_a_prefilled_draft_and_writes_nothing(t: TestApp) {
    let source = t
        .create_user(
            "+493012345616",
            json!({"role": "team_lead", "addon_licences": ["supervisor"], "department_id": t.fx.sales.to_string(),
                   "team_ids": [t.fx.hotline.to_string()], "language": "de"}),
        )
        .await;
    let before = t.user_count().await;
    let draft = t
        .post(
            &format!(
                "/api/v1/users/{}/duplicate",
                source["user"]["id"].as_str().unwrap()
            ),
            &t.fx.admin,
            json!({}),
        )
        .await;
    assert_eq!(draft.status.as_u16(), 200, "{}", draft.body);
    assert_eq!(draft.body["site_id"], t.fx.berlin.to_string());
    assert_eq!(draft.body["role"], "team_lead");
    assert_eq!(draft.body["package_licence"], "voice-basic");
    assert_eq!(draft.body["addon_licences"], json!(["supervisor"]));
    assert_eq!(draft.body["device_type"], "yealink-t54w");
    assert_eq!(draft.body["team_ids"], json!([t.fx.hotline.to_string()]));
    for personal in [
        "first_name",
        "last_name",
        "email",
        "primary_number",
        "extension",
        "sip_login",
    ] {
        assert!(draft.body.get(personal).is_none(), "U-7: never {personal}");
    }
    assert_eq!(t.user_count().await, before, "nothing written");
}

async fn a3_every_change_is_audited_without_secrets(t: TestApp) {
    let created = t.create_active_user("+493012345617", json!({})).await;
    let id = created["id"].as_str().unwrap();
    let path = format!("/api/v1/users/{id}");
    let etag = t.get(&path, &t.fx.admin).await.etag();
    t.patch(
        &path,
        &t.fx.admin,
        Some(&etag),
        json!({"last_name": "Schäfer"}),
    )
    .await;
    let audit = t
        .get(&format!("/api/v1/audit?target_id={id}"), &t.fx.admin)
        .await;
    let entries = audit.body["items"].as_array().unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec!["user.updated", "user.activated", "user.created"]
    );
    let update = &entries[0];
    assert_eq!(update["before"]["last_name"], "Müller");
    assert_eq!(update["after"]["last_name"], "Schäfer");
    assert_eq!(update["channel"], "api");
    assert!(update["actor"].as_str().unwrap().starts_with("token:"));
    assert!(update["client_ip"].as_str().unwrap().starts_with("127."));
    assert!(update["request_id"].is_string());
    assert_eq!(entries[1]["actor"], "activation job");
    let everything = audit.body.to_string();
    assert!(
        !everything.contains("ha1") && !everything.contains("password"),
        "K-5"
    );
    // Other enterprises do not see it.
    let foreign = t
        .get(&format!("/api/v1/audit?target_id={id}"), &t.fx.other_admin)
        .await;
    assert!(foreign.body["items"].as_array().unwrap().is_empty());
}

/// The README's tour, step by step, as a newcomer would do it.
async fn walkthrough_of_the_readme_from_create_to_delete(t: TestApp) {
    let basic_before = t.licence("voice-basic").await["assigned"].as_i64().unwrap();
    let created = t.create_user("+493012345620", json!({})).await;
    let id = created["user"]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/users/{id}");
    t.drain_jobs().await;
    let user = t.get(&path, &t.fx.admin).await;
    assert_eq!(user.body["state"], "active");
    let changed = t
        .patch(
            &path,
            &t.fx.admin,
            Some(&user.etag()),
            json!({"primary_number": "+493012345621"}),
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200);
    assert_eq!(t.number("+493012345620").await["status"], "free");
    let renewed = t
        .post(&format!("{path}/sip-credentials"), &t.fx.admin, json!({}))
        .await;
    assert!(renewed.body["sip_login"]["password"].is_string());
    let colleague = t
        .create_active_user("+493012345622", json!({"email": "kollege@example.de"}))
        .await;
    let off = t
        .post(
            &format!("{path}/deactivate"),
            &t.fx.admin,
            json!({"action": "transfer_on_zero", "destination_user_id": colleague["id"]}),
        )
        .await;
    assert_eq!(off.body["state"], "deactivated");
    let on = t
        .post(&format!("{path}/reactivate"), &t.fx.admin, json!({}))
        .await;
    assert_eq!(on.body["state"], "active");
    assert_eq!(t.delete(&path, &t.fx.admin).await.status.as_u16(), 204);
    assert_eq!(t.number("+493012345621").await["status"], "free");
    assert_eq!(
        t.licence("voice-basic").await["assigned"].as_i64().unwrap(),
        basic_before + 1,
        "only the colleague's licence is assigned"
    );
}
