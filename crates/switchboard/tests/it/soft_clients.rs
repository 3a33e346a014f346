//! Soft-client provisioning (S-5) over HTTP and in the portal, on both databases: a one-time,
//! expiring link shown as a QR code, never carrying a SIP password; redeemed once for the
//! client's own SIP login; refused with a clear problem when used, replaced or expired.

use std::sync::Arc;

use serde_json::{Value, json};
use switchboard_app::ManualClock;
use switchboard_domain::Timestamp;

use crate::on_both_kinds;
use crate::support::{Kind, Options, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    s5_a_provisioning_link_works_once_and_never_carries_a_password,
    s5_a_user_sets_up_their_mobile_app_in_the_portal,
);

/// The path of a link's redemption on this test server (the link carries the public URL).
fn redemption_path(link: &str) -> String {
    let at = link
        .find("/api/v1/provisioning/")
        .expect("a provisioning link");
    link[at..].to_owned()
}

async fn redeem(t: &TestApp, link: &str) -> crate::support::Response {
    t.call(
        reqwest::Method::POST,
        &redemption_path(link),
        "",
        None,
        None,
    )
    .await
}

async fn issue(t: &TestApp, user: &str, variant: &str) -> crate::support::Response {
    t.post(
        &format!("/api/v1/users/{user}/soft-clients"),
        &t.fx.admin,
        json!({ "variant": variant }),
    )
    .await
}

async fn s5_a_provisioning_link_works_once_and_never_carries_a_password(kind: Kind) {
    let clock = ManualClock::starting_at(Timestamp::from_millis(1_900_000_000_000));
    let options = Options {
        clock: Arc::new(clock.clone()),
        ..Options::default()
    };
    let Some(t) = TestApp::spawn_with(kind, options).await else {
        return;
    };
    let created = t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "last_name": "Mobil", "extension": "602"}),
        )
        .await;
    let anna = created["id"].as_str().unwrap().to_owned();

    t.post(
        &format!("/api/v1/users/{anna}/soft-clients"),
        &t.fx.admin,
        json!({ "variant": "tablet" }),
    )
    .await
    .problem(422, "validation");

    let issued = issue(&t, &anna, "mobile").await;
    assert_eq!(issued.status, 201, "{}", issued.body);
    assert_eq!(issued.headers["cache-control"], "no-store");
    let link = issued.body["link"].as_str().unwrap().to_owned();
    assert!(link.contains("/api/v1/provisioning/sbp_"), "{link}");
    assert!(
        issued.body["qr_svg"].as_str().unwrap().contains("<svg"),
        "a QR code as SVG"
    );
    // The link expires in a day.
    let expires = Timestamp::parse(issued.body["expires_at"].as_str().unwrap()).unwrap();
    assert_eq!(expires.millis() - 1_900_000_000_000, 24 * 3_600_000);

    // A GET (a link preview, a scanner) does not redeem it.
    let peek = t.get(&redemption_path(&link), "").await;
    assert_eq!(peek.status, 405, "{}", peek.body);

    // Redeemed once: the client's own SIP login, not the desk phone's.
    let login = redeem(&t, &link).await;
    assert_eq!(login.status, 200, "{}", login.body);
    assert_eq!(login.headers["cache-control"], "no-store");
    let username = login.body["username"].as_str().unwrap();
    assert!(username.ends_with(".mobile"), "{username}");
    assert_eq!(login.body["password"].as_str().unwrap().len(), 20);
    assert!(!link.contains(login.body["password"].as_str().unwrap()));
    assert_eq!(login.body["display_name"], "Anna Mobil");
    assert_eq!(login.body["extension"], "602");
    assert!(login.body["domain"].as_str().is_some_and(|d| !d.is_empty()));
    let desk = t
        .post(
            &format!("/api/v1/users/{anna}/sip-credentials"),
            &t.fx.admin,
            json!({}),
        )
        .await;
    assert_ne!(desk.body["sip_login"]["username"], login.body["username"]);

    // A second time: refused, and said why.
    redeem(&t, &link).await.problem(410, "link-used");
    // An unknown token: not found.
    let unknown = format!("{}/api/v1/provisioning/sbp_nothing", t.base);
    redeem(&t, &unknown).await.problem(404, "not-found");

    // The set-up clients are listed; setting the mobile up again keeps its user name.
    let listed = t
        .get(&format!("/api/v1/users/{anna}/soft-clients"), &t.fx.admin)
        .await;
    assert_eq!(listed.body["items"][0]["variant"], "mobile");
    let again = issue(&t, &anna, "mobile").await;
    let again_login = redeem(&t, again.body["link"].as_str().unwrap()).await;
    assert_eq!(again_login.body["username"], login.body["username"]);
    assert_ne!(again_login.body["password"], login.body["password"]);

    // Only the newest link works: a new one retires the earlier, unused one.
    let first = issue(&t, &anna, "desktop").await;
    let second = issue(&t, &anna, "desktop").await;
    redeem(&t, first.body["link"].as_str().unwrap())
        .await
        .problem(410, "link-expired");
    // And a link left for more than a day has expired.
    clock.advance_millis(24 * 3_600_000 + 1);
    redeem(&t, second.body["link"].as_str().unwrap())
        .await
        .problem(410, "link-expired");

    // Another enterprise's administrator: not found. A deactivated user: not possible.
    t.post(
        &format!("/api/v1/users/{anna}/soft-clients"),
        &t.fx.other_admin,
        json!({ "variant": "mobile" }),
    )
    .await
    .problem(404, "not-found");
    let bert = t
        .create_active_user(
            "+493012345603",
            json!({"first_name": "Bert", "extension": "603"}),
        )
        .await;
    let bert = bert["id"].as_str().unwrap().to_owned();
    t.post(
        &format!("/api/v1/users/{bert}/deactivate"),
        &t.fx.admin,
        json!({"action": "transfer_on_zero", "destination_user_id": anna}),
    )
    .await;
    issue(&t, &bert, "mobile")
        .await
        .problem(409, "user-not-active");
}

async fn s5_a_user_sets_up_their_mobile_app_in_the_portal(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let user = t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "last_name": "Mobil", "extension": "602",
                   "password": STRONG, "must_change_password": false}),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(user["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = browser.get("/services").await;
    assert!(
        page.contains("No soft client is set up yet."),
        "{}",
        page.body
    );
    let shown = browser
        .post("/services/soft-client", &[("variant", "mobile")])
        .await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    assert_eq!(shown.h1(), "Set up a soft client");
    assert!(shown.contains("<svg"), "the QR code inline");
    assert!(!shown.contains("<?xml"));
    let link = shown.text_of("provisioning-link").expect("the link");
    let login = redeem(&t, &link).await;
    assert_eq!(login.status, 200, "{}", login.body);
    redeem(&t, &link).await.problem(410, "link-used");
    let page = browser.get("/services").await;
    let username: &Value = &login.body["username"];
    assert!(
        page.contains(&format!(
            "Mobile app: <code>{}</code>",
            username.as_str().unwrap()
        )),
        "{}",
        page.body
    );
}
