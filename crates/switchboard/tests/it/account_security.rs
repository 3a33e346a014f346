//! Account security an administrator manages (K-1, issue 19 item 8), over HTTP on both
//! databases: two-step sign-in required of an existing user, and released, from the user page.

use serde_json::json;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(k1_an_administrator_requires_and_releases_two_step_sign_in_of_an_existing_user);

async fn k1_an_administrator_requires_and_releases_two_step_sign_in_of_an_existing_user(
    kind: Kind,
) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let created = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "language": "en" }),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(created["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let without_contact = t.create_active_user("+493012345610", json!({})).await;
    let without_contact = without_contact["id"].as_str().unwrap().to_owned();
    let with_contact = t
        .create_active_user(
            "+493012345611",
            json!({"personal_contact": "+491701234567"}),
        )
        .await;
    let with_contact = with_contact["id"].as_str().unwrap().to_owned();

    let page = browser.get(&format!("/users/{with_contact}")).await;
    assert!(
        page.contains("Two-step sign-in is not required."),
        "{}",
        page.body
    );
    let required = browser
        .post(
            &format!("/users/{with_contact}/two-step"),
            &[("required", "yes")],
        )
        .await;
    assert_eq!(
        required.location.as_deref(),
        Some(&*format!("/users/{with_contact}"))
    );
    let page = browser.get(&format!("/users/{with_contact}")).await;
    assert!(
        page.contains("Two-step sign-in is now required"),
        "the flash"
    );
    assert!(page.contains("a code is sent to the personal contact at each sign-in"));
    assert!(page.contains("Stop requiring two-step sign-in"));
    assert!(
        t.audit_actions(&with_contact)
            .await
            .iter()
            .any(|a| a == "account.two_step_required"),
        "A-3"
    );
    browser
        .post(
            &format!("/users/{with_contact}/two-step"),
            &[("required", "no")],
        )
        .await;
    let page = browser.get(&format!("/users/{with_contact}")).await;
    assert!(page.contains("Two-step sign-in is no longer required."));

    // A code needs somewhere to go: refused in words, nothing changed.
    browser.get(&format!("/users/{without_contact}")).await;
    let refused = browser
        .post(
            &format!("/users/{without_contact}/two-step"),
            &[("required", "yes")],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.contains("Personal contact"), "{}", refused.body);
    assert!(refused.contains("Two-step sign-in is not required."));
    assert!(
        t.audit_actions(&without_contact)
            .await
            .iter()
            .all(|a| a != "account.two_step_required"),
        "nothing written"
    );
}
