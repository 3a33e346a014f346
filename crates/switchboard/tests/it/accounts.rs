//! Portal accounts through the portal's own pages, over HTTP: passwords (K-1, U-5), sessions
//! and CSRF (K-4), two-step sign-in and brute-force protection (K-1), invitations followed from
//! a mail received by a real SMTP listener (U-5), languages (I-2), secrets kept out (K-5).

use std::sync::Arc;

use serde_json::{Value, json};
use switchboard_app::{Clock, ManualClock};
use switchboard_domain::Timestamp;

use crate::on_both_kinds;
use crate::smtp_sink::SmtpSink;
use crate::support::{Kind, Options, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";
const STRONGER: &str = "violet harbour sings quietly";

on_both_kinds!(
    u5_k1_admin_set_password_must_be_changed_at_first_sign_in,
    k1_ten_failures_lock_the_account_with_the_same_answer_then_back_off,
    k1_failures_from_one_client_address_lock_it_across_accounts,
    k1_totp_enrolment_then_sign_in_with_a_code_accepted_once_and_recovery_codes,
    k1_code_by_personal_contact_and_five_wrong_codes_void_the_challenge,
    u5_invitation_received_over_real_smtp_is_followed_to_set_a_password,
    k1_forgot_password_link_resets_and_answers_the_same_for_unknown_logins,
    k4_sessions_end_after_30_idle_minutes_and_12_hours_at_most,
    k4_l4_l5_deactivating_or_deleting_a_user_ends_their_session_at_the_next_request,
    k4_forms_need_their_csrf_token_and_cross_site_posts_are_refused,
    k4_password_change_ends_other_sessions_and_sign_out_everywhere_ends_all,
    k4_cookies_are_host_prefixed_secure_httponly_lax_and_pages_carry_security_headers,
    i2_pages_follow_the_chosen_then_personal_then_browser_language,
    a1_home_shows_each_role_including_a_provider_operator,
    k5_secrets_never_appear_in_the_audit_log_the_logs_or_error_bodies,
    u5_two_step_requirement_needs_a_deliverable_personal_contact,
    k2_personal_tokens_act_with_the_holders_role_and_end_with_them,
    k1_parallel_guesses_get_ten_tries_not_one_each,
    k1_wrong_one_time_codes_count_against_the_account,
    a1_site_admin_cannot_take_over_an_enterprise_admin,
);

fn start() -> Timestamp {
    Timestamp::from_millis(1_900_000_000_000)
}

async fn spawn(kind: Kind, clock: Option<&ManualClock>) -> Option<TestApp> {
    let mut options = Options::default();
    if let Some(clock) = clock {
        options.clock = Arc::new(clock.clone());
    }
    TestApp::spawn_with(kind, options).await
}

/// Creates a user with an administrator-set password; returns (id, login).
async fn user_with_password(
    t: &TestApp,
    number: &str,
    password: &str,
    must_change: bool,
    overrides: Value,
) -> (String, String) {
    let mut extra = json!({ "password": password, "must_change_password": must_change });
    for (k, v) in overrides.as_object().unwrap() {
        extra[k] = v.clone();
    }
    let created = t.create_user(number, extra).await;
    (
        created["user"]["id"].as_str().unwrap().to_owned(),
        created["user"]["login_name"].as_str().unwrap().to_owned(),
    )
}

/// The newest outbox message to `to`, read through the operator API.
async fn outbox_to(t: &TestApp, to: &str) -> Vec<Value> {
    let response = t
        .get(
            &format!("/api/v1/outbox?to={}", to.replace('+', "%2B")),
            &t.fx.operator,
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    response.body["items"].as_array().unwrap().clone()
}

/// The path of the first portal link in a text (`http://portal.test/invitation/…` → `/invitation/…`).
fn link_path(text: &str, kind: &str) -> String {
    let marker = format!("http://portal.test/{kind}/");
    let start = text.find(&marker).expect("link in message");
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    link.trim_start_matches("http://portal.test").to_owned()
}

fn six_digit_code(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a 6-digit code")
        .to_owned()
}

async fn u5_k1_admin_set_password_must_be_changed_at_first_sign_in(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345601", STRONG, true, json!({})).await;
    let mut browser = WebClient::new(&t);
    let answer = browser.sign_in(&login, STRONG).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location.as_deref(), Some("/password/change"));
    // Until the password is changed, the portal itself sends back to the change.
    let home = browser.get("/").await;
    assert_eq!(home.location.as_deref(), Some("/password/change"));
    let form = browser.get("/password/change").await;
    assert!(form.contains("password-change-forced") || form.contains("Before you continue"));
    let weak = browser
        .post("/password/change", &[("new_password", "anna müller 1")])
        .await;
    assert_eq!(weak.status, 422);
    assert!(weak.contains("error-summary"), "GOV.UK-style error summary");
    assert!(weak.contains("href=\"#new_password\""));
    let same = browser
        .post("/password/change", &[("new_password", STRONG)])
        .await;
    assert_eq!(same.status, 422, "the new password must differ");
    let done = browser
        .post("/password/change", &[("new_password", STRONGER)])
        .await;
    assert_eq!(done.location.as_deref(), Some("/"));
    let home = browser.get("/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.contains("Your password was changed"),
        "flash shown once"
    );
    assert!(!browser.get("/").await.contains("Your password was changed"));
    // The old password is gone, the new one works and asks for nothing more.
    let mut other = WebClient::new(&t);
    assert_eq!(other.sign_in(&login, STRONG).await.status, 401);
    other.sign_in_fully(&login, STRONGER).await;
}

async fn k1_ten_failures_lock_the_account_with_the_same_answer_then_back_off(kind: Kind) {
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let (id, login) = user_with_password(&t, "+493012345602", STRONG, false, json!({})).await;
    for _ in 0..10 {
        let mut browser = WebClient::new(&t);
        let answer = browser.sign_in(&login, "wrong password!!").await;
        assert_eq!(answer.status, 401);
        assert!(answer.contains("The login name or password is not right."));
    }
    let mut browser = WebClient::new(&t);
    let locked = browser.sign_in(&login, STRONG).await;
    assert_eq!(
        locked.status, 401,
        "K-1: locked after 10 failures, even with the right password"
    );
    assert!(
        locked.contains("The login name or password is not right."),
        "same answer as a wrong password"
    );
    assert!(!browser.signed_in());
    // 30 s later the first lock is over.
    clock.advance_millis(31_000);
    browser.sign_in_fully(&login, STRONG).await;
    let audit = t
        .get(
            &format!("/api/v1/audit?target_id={id}&limit=100"),
            &t.fx.operator,
        )
        .await;
    let actions: Vec<&str> = audit.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"account.locked"), "{actions:?}");
    assert_eq!(
        actions
            .iter()
            .filter(|a| **a == "account.sign_in_failed")
            .count(),
        11
    );
    assert!(actions.contains(&"account.password_accepted"));
}

async fn k1_failures_from_one_client_address_lock_it_across_accounts(kind: Kind) {
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345603", STRONG, false, json!({})).await;
    let mut browser = WebClient::new(&t);
    for i in 0..10 {
        let answer = browser
            .sign_in(&format!("nobody{i}@example.de"), "guess guess guess")
            .await;
        assert_eq!(answer.status, 401);
    }
    // The client address (127.0.0.1) is locked now: a real account's right password is refused too.
    assert_eq!(browser.sign_in(&login, STRONG).await.status, 401);
    clock.advance_millis(31_000);
    browser.sign_in_fully(&login, STRONG).await;
    // The next failure from that address locks it for twice as long, capped at 15 minutes later on.
    let mut other = WebClient::new(&t);
    assert_eq!(
        other
            .sign_in("nobody@example.de", "guess guess guess")
            .await
            .status,
        401
    );
    assert_eq!(other.sign_in(&login, STRONG).await.status, 401);
    clock.advance_millis(59_000);
    assert_eq!(other.sign_in(&login, STRONG).await.status, 401, "60 s lock");
    clock.advance_millis(2_000);
    assert_eq!(other.sign_in(&login, STRONG).await.status, 303);
}

async fn k1_totp_enrolment_then_sign_in_with_a_code_accepted_once_and_recovery_codes(kind: Kind) {
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345604", STRONG, false, json!({})).await;
    let mut browser = WebClient::new(&t);
    browser.sign_in_fully(&login, STRONG).await;
    let security = browser.get("/security").await;
    assert!(security.contains("data-totp=\"off\""));
    let enrol = browser.post("/security/totp", &[]).await;
    assert_eq!(enrol.status, 200, "{}", enrol.body);
    assert!(enrol.contains("<svg"), "QR code as inline SVG");
    let secret = enrol.text_of("totp-secret").expect("secret shown");
    let wrong = browser
        .post("/security/totp/confirm", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status, 422);
    let code = switchboard_app::accounts::totp_code_at(&secret, clock.now()).unwrap();
    let codes_page = browser
        .post("/security/totp/confirm", &[("code", &code)])
        .await;
    assert_eq!(codes_page.status, 200, "{}", codes_page.body);
    let recovery: Vec<String> = codes_page
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_owned())
        .collect();
    assert_eq!(recovery.len(), 10);
    assert!(browser.get("/security").await.contains("data-totp=\"on\""));

    // Signing in now needs a code; the code used for enrolment is spent.
    let mut second = WebClient::new(&t);
    let answer = second.sign_in(&login, STRONG).await;
    assert_eq!(answer.location.as_deref(), Some("/sign-in/code"));
    assert_eq!(
        second.get("/").await.location.as_deref(),
        Some("/sign-in/code"),
        "no portal before the code"
    );
    let page = second.get("/sign-in/code").await;
    assert!(page.contains("authenticator app"));
    let reused = second.post("/sign-in/code", &[("code", &code)]).await;
    assert_eq!(reused.status, 422, "K-1: a code is accepted once");
    clock.advance_millis(30_000);
    let fresh = switchboard_app::accounts::totp_code_at(&secret, clock.now()).unwrap();
    let before = second.cookies.get("__Host-sb_session").cloned();
    let ok = second.post("/sign-in/code", &[("code", &fresh)]).await;
    assert_eq!(ok.location.as_deref(), Some("/"));
    assert_ne!(
        second.cookies.get("__Host-sb_session").cloned(),
        before,
        "K-4: new session id at sign-in"
    );
    assert_eq!(second.get("/").await.status, 200);

    // A recovery code works once, in place of the app's code.
    clock.advance_millis(30_000);
    let mut third = WebClient::new(&t);
    third.sign_in(&login, STRONG).await;
    third.get("/sign-in/code").await;
    let ok = third
        .post("/sign-in/code", &[("code", &recovery[0].to_uppercase())])
        .await;
    assert_eq!(ok.location.as_deref(), Some("/"));
    let mut fourth = WebClient::new(&t);
    fourth.sign_in(&login, STRONG).await;
    fourth.get("/sign-in/code").await;
    assert_eq!(
        fourth
            .post("/sign-in/code", &[("code", &recovery[0])])
            .await
            .status,
        422
    );

    // Turning the app off needs the password, and then sign-in needs no code.
    third.get("/security").await;
    let off = third
        .post(
            "/security/totp/disable",
            &[("current_password", "not it at all")],
        )
        .await;
    assert_eq!(off.status, 422);
    let off = third
        .post("/security/totp/disable", &[("current_password", STRONG)])
        .await;
    assert_eq!(off.location.as_deref(), Some("/security"));
    WebClient::new(&t).sign_in_fully(&login, STRONG).await;
}

async fn k1_code_by_personal_contact_and_five_wrong_codes_void_the_challenge(kind: Kind) {
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let (_, login) = user_with_password(
        &t,
        "+493012345605",
        STRONG,
        false,
        json!({ "two_step_required": true, "personal_contact": "anna.private@example.org" }),
    )
    .await;
    let mut browser = WebClient::new(&t);
    let answer = browser.sign_in(&login, STRONG).await;
    assert_eq!(answer.location.as_deref(), Some("/sign-in/code"));
    assert!(browser.get("/sign-in/code").await.contains("by email"));
    let mail = outbox_to(&t, "anna.private@example.org").await;
    assert_eq!(mail[0]["purpose"], "sign_in_code");
    let code = six_digit_code(mail[0]["body"].as_str().unwrap());
    let wrong = if code == "111111" { "222222" } else { "111111" };
    for attempt in 1..=4 {
        let page = browser.post("/sign-in/code", &[("code", wrong)]).await;
        assert_eq!(page.status, 422, "attempt {attempt}");
    }
    let voided = browser.post("/sign-in/code", &[("code", wrong)]).await;
    assert_eq!(
        voided.location.as_deref(),
        Some("/sign-in"),
        "K-1: 5 wrong codes void the challenge"
    );
    assert!(!browser.signed_in());
    // The right code is worthless now; a new sign-in sends a new one.
    browser.get("/sign-in").await;
    let answer = browser.sign_in(&login, STRONG).await;
    assert_eq!(answer.location.as_deref(), Some("/sign-in/code"));
    let mail = outbox_to(&t, "anna.private@example.org").await;
    assert_eq!(mail.len(), 2);
    let new_code = six_digit_code(mail[0]["body"].as_str().unwrap());
    browser.get("/sign-in/code").await;
    // An expired code is refused (10 minutes).
    clock.advance_millis(11 * 60_000);
    assert_eq!(
        browser
            .post("/sign-in/code", &[("code", &new_code)])
            .await
            .status,
        422
    );
    browser.sign_in(&login, STRONG).await;
    let mail = outbox_to(&t, "anna.private@example.org").await;
    let code = six_digit_code(mail[0]["body"].as_str().unwrap());
    browser.get("/sign-in/code").await;
    let ok = browser.post("/sign-in/code", &[("code", &code)]).await;
    assert_eq!(ok.location.as_deref(), Some("/"));
}

async fn u5_invitation_received_over_real_smtp_is_followed_to_set_a_password(kind: Kind) {
    let sink = SmtpSink::start().await;
    let mailer = sink.mailer();
    let options = Options {
        mailer: Arc::new(mailer),
        ..Options::default()
    };
    let Some(t) = TestApp::spawn_with(kind, options).await else {
        return;
    };
    let created = t
        .create_user("+493012345606", json!({ "first_name": "Émilie", "last_name": "Dubois", "language": "fr", "email": "emilie.dubois@example.fr" }))
        .await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    assert!(
        sink.messages().is_empty(),
        "mail goes out from a job, after the commit"
    );
    t.drain_jobs().await;
    let messages = sink.messages();
    let invitation = messages
        .iter()
        .find(|m| m.to == vec!["emilie.dubois@example.fr".to_owned()])
        .expect("invitation received over SMTP");
    let text = invitation.text();
    assert!(
        text.contains("Bonjour Émilie Dubois"),
        "U-5: in the user's language: {text}"
    );
    // U-5: login = email, so the enterprise's contact is told, without the link.
    let notice = messages
        .iter()
        .find(|m| m.to == vec!["it@mueller.sip.test".to_owned()])
        .expect("notice");
    assert!(notice.from.contains("noreply@portal.test"));
    assert!(!notice.text().contains("/invitation/"));
    // Delivered: the outbox keeps the envelope, not the link.
    let kept = outbox_to(&t, "emilie.dubois@example.fr").await;
    assert_eq!(kept[0]["status"], "sent");
    assert!(kept[0]["body"].is_null());

    let path = link_path(&text, "invitation");
    let mut browser = WebClient::new(&t);
    let page = browser.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Bienvenue, Émilie Dubois"), "{}", page.body);
    let weak = browser.post(&path, &[("password", "emilie dubois")]).await;
    assert_eq!(weak.status, 422);
    let set = browser.post(&path, &[("password", STRONG)]).await;
    assert_eq!(set.location.as_deref(), Some("/sign-in"));
    assert!(
        browser
            .get("/sign-in")
            .await
            .contains("Votre mot de passe est enregistré")
    );
    browser.sign_in_fully(&login, STRONG).await;
    // The link works once.
    let again = WebClient::new(&t).get(&path).await;
    assert_eq!(again.status, 410);
}

async fn k1_forgot_password_link_resets_and_answers_the_same_for_unknown_logins(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345607", STRONG, false, json!({})).await;
    let mut signed_in = WebClient::new(&t);
    signed_in.sign_in_fully(&login, STRONG).await;

    let mut browser = WebClient::new(&t);
    browser.get("/password/forgot").await;
    let unknown = browser
        .post("/password/forgot", &[("login", "nobody@example.de")])
        .await;
    browser.get("/password/forgot").await;
    let known = browser.post("/password/forgot", &[("login", &login)]).await;
    assert_eq!(unknown.status, known.status);
    assert_eq!(
        unknown.location, known.location,
        "the same answer either way"
    );
    let mail = outbox_to(&t, &login).await;
    let reset = mail
        .iter()
        .find(|m| m["purpose"] == "password_reset")
        .expect("reset mail");
    let path = link_path(reset["body"].as_str().unwrap(), "reset");
    assert_eq!(browser.get(&path).await.status, 200);
    let done = browser.post(&path, &[("password", STRONGER)]).await;
    assert_eq!(done.location.as_deref(), Some("/sign-in"));
    // Every session ended; the old password is gone, the new one works.
    assert_eq!(
        signed_in.get("/").await.location.as_deref(),
        Some("/sign-in")
    );
    assert_eq!(WebClient::new(&t).sign_in(&login, STRONG).await.status, 401);
    WebClient::new(&t).sign_in_fully(&login, STRONGER).await;
    assert_eq!(WebClient::new(&t).get(&path).await.status, 410, "used once");
    let kept = outbox_to(&t, &login).await;
    let reset = kept
        .iter()
        .find(|m| m["purpose"] == "password_reset")
        .unwrap();
    assert!(
        reset["body"].is_null(),
        "U-5: a used link's text is not kept"
    );
}

async fn k4_sessions_end_after_30_idle_minutes_and_12_hours_at_most(kind: Kind) {
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345608", STRONG, false, json!({})).await;
    let mut browser = WebClient::new(&t);
    browser.sign_in_fully(&login, STRONG).await;
    clock.advance_millis(29 * 60_000);
    assert_eq!(
        browser.get("/").await.status,
        200,
        "activity keeps the session"
    );
    clock.advance_millis(29 * 60_000);
    assert_eq!(browser.get("/").await.status, 200);
    clock.advance_millis(31 * 60_000);
    assert_eq!(
        browser.get("/").await.location.as_deref(),
        Some("/sign-in"),
        "30 min idle"
    );

    browser.sign_in_fully(&login, STRONG).await;
    for _ in 0..35 {
        clock.advance_millis(20 * 60_000);
        assert_eq!(browser.get("/").await.status, 200);
    }
    clock.advance_millis(20 * 60_000);
    assert_eq!(
        browser.get("/").await.location.as_deref(),
        Some("/sign-in"),
        "12 h at most"
    );
}

async fn k4_l4_l5_deactivating_or_deleting_a_user_ends_their_session_at_the_next_request(
    kind: Kind,
) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (colleague, _) = user_with_password(&t, "+493012345609", STRONG, false, json!({})).await;
    let (id, login) = user_with_password(&t, "+493012345610", STRONG, false, json!({})).await;
    t.drain_jobs().await;
    let mut browser = WebClient::new(&t);
    browser.sign_in_fully(&login, STRONG).await;
    let response = t
        .post(
            &format!("/api/v1/users/{id}/deactivate"),
            &t.fx.admin,
            json!({ "action": "transfer_on_zero", "destination_user_id": colleague }),
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(
        browser.get("/").await.location.as_deref(),
        Some("/sign-in"),
        "L-5"
    );
    assert_eq!(
        browser.sign_in(&login, STRONG).await.status,
        401,
        "a deactivated user cannot sign in"
    );

    let (other, other_login) =
        user_with_password(&t, "+493012345611", STRONG, false, json!({})).await;
    t.drain_jobs().await;
    let mut browser = WebClient::new(&t);
    browser.sign_in_fully(&other_login, STRONG).await;
    assert_eq!(
        t.delete(&format!("/api/v1/users/{other}"), &t.fx.admin)
            .await
            .status,
        204
    );
    assert_eq!(
        browser.get("/").await.location.as_deref(),
        Some("/sign-in"),
        "L-4"
    );
}

async fn k4_forms_need_their_csrf_token_and_cross_site_posts_are_refused(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345612", STRONG, false, json!({})).await;
    let mut browser = WebClient::new(&t);
    browser.get("/sign-in").await;
    let forged = browser
        .post(
            "/sign-in",
            &[("csrf", "forged"), ("login", &login), ("password", STRONG)],
        )
        .await;
    assert_eq!(forged.location.as_deref(), Some("/sign-in"));
    assert!(!browser.signed_in(), "no session without the form's token");
    let mut evil = WebClient::new(&t).with_header("origin", "http://evil.example");
    evil.get("/sign-in").await;
    assert_eq!(
        evil.post("/sign-in", &[("login", &login), ("password", STRONG)])
            .await
            .status,
        403
    );

    browser.sign_in_fully(&login, STRONG).await;
    let out = browser.post("/sign-out", &[("csrf", "wrong")]).await;
    assert_eq!(out.status, 403);
    assert_eq!(browser.get("/").await.status, 200, "still signed in");
    let out = browser.post("/sign-out", &[]).await;
    assert_eq!(out.location.as_deref(), Some("/sign-in"));
    assert_eq!(browser.get("/").await.location.as_deref(), Some("/sign-in"));
}

async fn k4_password_change_ends_other_sessions_and_sign_out_everywhere_ends_all(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345613", STRONG, false, json!({})).await;
    let (mut laptop, mut phone) = (WebClient::new(&t), WebClient::new(&t));
    laptop.sign_in_fully(&login, STRONG).await;
    phone.sign_in_fully(&login, STRONG).await;
    laptop.get("/password/change").await;
    let wrong = laptop
        .post(
            "/password/change",
            &[
                ("current_password", "not my password"),
                ("new_password", STRONGER),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let done = laptop
        .post(
            "/password/change",
            &[("current_password", STRONG), ("new_password", STRONGER)],
        )
        .await;
    assert_eq!(done.location.as_deref(), Some("/"));
    assert_eq!(laptop.get("/").await.status, 200, "this session stays");
    assert_eq!(
        phone.get("/").await.location.as_deref(),
        Some("/sign-in"),
        "K-4: others end"
    );

    phone.sign_in_fully(&login, STRONGER).await;
    laptop.get("/security").await;
    let all = laptop.post("/sign-out/everywhere", &[]).await;
    assert_eq!(all.location.as_deref(), Some("/sign-in"));
    assert_eq!(laptop.get("/").await.location.as_deref(), Some("/sign-in"));
    assert_eq!(phone.get("/").await.location.as_deref(), Some("/sign-in"));
}

async fn k4_cookies_are_host_prefixed_secure_httponly_lax_and_pages_carry_security_headers(
    kind: Kind,
) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (_, login) = user_with_password(&t, "+493012345614", STRONG, false, json!({})).await;
    let mut browser = WebClient::new(&t);
    let page = browser.get("/sign-in").await;
    for (header, expected) in [
        ("strict-transport-security", "max-age="),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("content-security-policy", "frame-ancestors 'none'"),
    ] {
        let value = page
            .headers
            .get(header)
            .unwrap_or_else(|| panic!("{header}"))
            .to_str()
            .unwrap();
        assert!(value.contains(expected), "{header}: {value}");
    }
    browser.sign_in_fully(&login, STRONG).await;
    let session_cookie = browser
        .set_cookie_headers
        .iter()
        .find(|c| c.starts_with("__Host-sb_session="))
        .expect("session cookie");
    for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(
            session_cookie.contains(attribute),
            "{attribute} in {session_cookie}"
        );
    }
    assert!(
        !session_cookie.contains("Domain="),
        "__Host- cookies have no Domain"
    );
}

async fn i2_pages_follow_the_chosen_then_personal_then_browser_language(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let mut french_browser =
        WebClient::new(&t).with_header("accept-language", "fr-FR,fr;q=0.9,en;q=0.5");
    let page = french_browser.get("/sign-in").await;
    assert_eq!(page.h1(), "Se connecter");
    assert!(page.contains("<html lang=\"fr\">"));
    let switched = french_browser.get("/language/de?back=/sign-in").await;
    assert_eq!(switched.location.as_deref(), Some("/sign-in"));
    assert_eq!(
        french_browser.get("/sign-in").await.h1(),
        "Anmelden",
        "the visitor's choice wins"
    );
    for sneaky in ["/%5Cevil.example", "/%09/evil.example"] {
        let answer = french_browser
            .get(&format!("/language/de?back={sneaky}"))
            .await;
        assert_eq!(
            answer.location.as_deref(),
            Some("/"),
            "no open redirect via {sneaky}"
        );
    }
    let missing = french_browser.get("/no/such/page").await;
    assert_eq!(missing.status, 404);
    assert!(missing.contains("<html lang=\"de\">"), "{}", missing.body);
    assert!(missing.contains("Seite nicht gefunden"));
    assert_eq!(
        french_browser
            .get("/language/en?back=//evil.example")
            .await
            .location
            .as_deref(),
        Some("/"),
        "no open redirect"
    );
    // A signed-in person sees their own language, whatever the browser says.
    let (_, login) = user_with_password(
        &t,
        "+493012345615",
        STRONG,
        false,
        json!({ "language": "de" }),
    )
    .await;
    let mut english_browser = WebClient::new(&t).with_header("accept-language", "en-GB");
    let home = english_browser.sign_in_fully(&login, STRONG).await;
    assert_eq!(home.h1(), "Willkommen, Anna Müller");
    assert!(home.contains("<html lang=\"de\">"));
}

async fn a1_home_shows_each_role_including_a_provider_operator(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    for (i, role) in ["user", "team_lead", "site_admin", "enterprise_admin"]
        .iter()
        .enumerate()
    {
        let number = format!("+4930123456{:02}", 20 + i);
        let (_, login) =
            user_with_password(&t, &number, STRONG, false, json!({ "role": role })).await;
        let home = WebClient::new(&t).sign_in_fully(&login, STRONG).await;
        assert!(
            home.contains(&format!("data-role=\"{role}\"")),
            "{role}: {}",
            home.body
        );
    }
    let (_, home) = crate::web_client::signed_in_operator(&t, "olga.ops", STRONG).await;
    assert!(home.contains("data-role=\"operator\""));
}

async fn k5_secrets_never_appear_in_the_audit_log_the_logs_or_error_bodies(kind: Kind) {
    let logs = crate::support::capture_logs();
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let planted_password = "planted secret horse battery";
    let (id, login) =
        user_with_password(&t, "+493012345630", planted_password, false, json!({})).await;
    let mut browser = WebClient::new(&t);
    browser.sign_in_fully(&login, planted_password).await;
    let enrol = browser.post("/security/totp", &[]).await;
    let secret = enrol.text_of("totp-secret").unwrap();
    let code = switchboard_app::accounts::totp_code_at(&secret, clock.now()).unwrap();
    let codes_page = browser
        .post("/security/totp/confirm", &[("code", &code)])
        .await;
    let recovery = codes_page
        .body
        .split("<li><code>")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    let invite = t
        .post(
            &format!("/api/v1/users/{id}/invitation"),
            &t.fx.admin,
            json!({}),
        )
        .await;
    assert_eq!(invite.status, 202);
    let mail = outbox_to(&t, &login).await;
    let link = link_path(mail[0]["body"].as_str().unwrap(), "invitation");
    let token = link.rsplit('/').next().unwrap().to_owned();
    // The link is followed: its path passes the access log.
    assert_eq!(WebClient::new(&t).get(&link).await.status, 200);
    // Bad input carrying secrets answers without echoing them.
    let mut errors = Vec::new();
    errors.push(
        t.post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body(
                "+493012345631",
                json!({ "password": "short", "extension": planted_password }),
            ),
        )
        .await
        .body
        .to_string(),
    );
    let put = t
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/users/{id}/password"),
            &t.fx.admin,
            Some(json!({ "password": format!("{secret}") })),
            None,
        )
        .await;
    errors.push(put.body.to_string());
    errors.push(WebClient::new(&t).sign_in(&login, &secret).await.body);

    let audit = t
        .get("/api/v1/audit?limit=500", &t.fx.operator)
        .await
        .body
        .to_string();
    assert!(audit.contains("account.totp_enabled"));
    let logged = String::from_utf8_lossy(&logs.lock().unwrap()).into_owned();
    assert!(
        logged.contains("/invitation/"),
        "the access log saw the request"
    );
    for planted in [planted_password, &secret, &code, &recovery, &token] {
        assert!(!audit.contains(planted), "K-5: {planted} in the audit log");
        assert!(!logged.contains(planted), "K-5: {planted} in the logs");
        for body in &errors {
            assert!(
                !body.contains(planted),
                "K-5: {planted} in an error body: {body}"
            );
        }
    }
}

async fn u5_two_step_requirement_needs_a_deliverable_personal_contact(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    let refused = t
        .post(
            &path,
            &t.fx.admin,
            t.user_body("+493012345640", json!({ "two_step_required": true })),
        )
        .await;
    refused.problem(422, "validation");
    assert!(
        refused
            .failing_fields()
            .contains(&"personal_contact".to_owned())
    );
    let (id, login) = user_with_password(&t, "+493012345641", STRONG, false, json!({})).await;
    let requirement = format!("/api/v1/users/{id}/two-step");
    let refused = t
        .call(
            reqwest::Method::PUT,
            &requirement,
            &t.fx.admin,
            Some(json!({ "required": true })),
            None,
        )
        .await;
    refused.problem(422, "validation");
    let account = t
        .get(&format!("/api/v1/users/{id}/account"), &t.fx.admin)
        .await;
    assert_eq!(account.body["two_step_required"], false);
    let etag = t
        .get(&format!("/api/v1/users/{id}"), &t.fx.admin)
        .await
        .etag();
    let updated = t
        .patch(
            &format!("/api/v1/users/{id}"),
            &t.fx.admin,
            Some(&etag),
            json!({ "personal_contact": "+4915112345678" }),
        )
        .await;
    assert_eq!(updated.status, 200, "{}", updated.body);
    let ok = t
        .call(
            reqwest::Method::PUT,
            &requirement,
            &t.fx.admin,
            Some(json!({ "required": true })),
            None,
        )
        .await;
    assert_eq!(ok.status, 204, "{}", ok.body);
    // The code now goes by text message (kept in the outbox by the default SMS sender).
    let mut browser = WebClient::new(&t);
    browser.sign_in(&login, STRONG).await;
    assert!(browser.get("/sign-in/code").await.contains("text message"));
    let sms = outbox_to(&t, "+4915112345678").await;
    assert_eq!(sms[0]["channel"], "sms");
    // While the requirement stands, the contact cannot be removed.
    let etag = t
        .get(&format!("/api/v1/users/{id}"), &t.fx.admin)
        .await
        .etag();
    let cleared = t
        .patch(
            &format!("/api/v1/users/{id}"),
            &t.fx.admin,
            Some(&etag),
            json!({ "personal_contact": null }),
        )
        .await;
    cleared.problem(422, "validation");
    assert_eq!(
        cleared.failing_fields(),
        vec!["personal_contact".to_owned()]
    );
    // Site administrators of another site, and other enterprises, cannot touch the requirement.
    let other = t
        .call(
            reqwest::Method::PUT,
            &requirement,
            &t.fx.other_admin,
            Some(json!({ "required": false })),
            None,
        )
        .await;
    other.problem(404, "not-found");
}

/// Creates a personal token through the portal and returns it.
async fn personal_token(browser: &mut WebClient, name: &str) -> String {
    browser.get("/security/tokens").await;
    let page = browser
        .post(
            "/security/tokens",
            &[("name", name), ("expires_in_days", "30")],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert_eq!(page.headers.get("cache-control").unwrap(), "no-store");
    page.text_of("new-token").expect("token shown once")
}

async fn k2_personal_tokens_act_with_the_holders_role_and_end_with_them(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (user_id, user_login) =
        user_with_password(&t, "+493012345650", STRONG, false, json!({})).await;
    let (admin_id, admin_login) = user_with_password(
        &t,
        "+493012345651",
        STRONG,
        false,
        json!({ "role": "enterprise_admin" }),
    )
    .await;
    t.drain_jobs().await;
    let mut user_browser = WebClient::new(&t);
    user_browser.sign_in_fully(&user_login, STRONG).await;
    let user_token = personal_token(&mut user_browser, "my script").await;
    let listed = user_browser.get("/security/tokens").await;
    assert!(listed.contains("my script"));
    assert!(!listed.contains(&user_token), "K-2: shown once only");

    // A user's token reads the user themselves, and nothing an administrator would.
    let users = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    assert_eq!(
        t.get(&format!("/api/v1/users/{user_id}"), &user_token)
            .await
            .status,
        200
    );
    t.get(&users, &user_token).await.problem(403, "forbidden");
    t.get(&format!("/api/v1/users/{admin_id}"), &user_token)
        .await
        .problem(404, "not-found");
    let etag = t
        .get(&format!("/api/v1/users/{user_id}"), &user_token)
        .await
        .etag();
    t.patch(
        &format!("/api/v1/users/{user_id}"),
        &user_token,
        Some(&etag),
        json!({ "first_name": "Hacked" }),
    )
    .await
    .problem(403, "forbidden");
    t.get("/api/v1/jobs", &user_token)
        .await
        .problem(403, "forbidden");

    // An enterprise administrator's token does what they can do.
    let mut admin_browser = WebClient::new(&t);
    admin_browser.sign_in_fully(&admin_login, STRONG).await;
    let admin_token = personal_token(&mut admin_browser, "provisioning").await;
    assert_eq!(t.get(&users, &admin_token).await.status, 200);
    let other = format!("/api/v1/enterprises/{}/users", t.fx.other_enterprise);
    t.get(&other, &admin_token).await.problem(404, "not-found");
    let created = t
        .get("/api/v1/audit?action=token.created", &t.fx.operator)
        .await;
    let labels: Vec<&str> = created.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&format!("user:{user_login}").as_str()),
        "A-3: {labels:?}"
    );

    // Revoked: gone at once. The holder deactivated: every token of theirs ends (L-5).
    let revoke_id = admin_browser
        .get("/security/tokens")
        .await
        .body
        .split("/security/tokens/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let revoked = admin_browser
        .post(&format!("/security/tokens/{revoke_id}/revoke"), &[])
        .await;
    assert_eq!(revoked.location.as_deref(), Some("/security/tokens"));
    t.get(&users, &admin_token)
        .await
        .problem(401, "unauthenticated");
    let deactivated = t
        .post(
            &format!("/api/v1/users/{user_id}/deactivate"),
            &t.fx.admin,
            json!({ "action": "transfer_on_zero", "destination_user_id": admin_id }),
        )
        .await;
    assert_eq!(deactivated.status, 200, "{}", deactivated.body);
    t.get(&format!("/api/v1/users/{user_id}"), &user_token)
        .await
        .problem(401, "unauthenticated");
}

/// The purposes of the audit entries about a subject, with the sign-in failures' reasons.
async fn failures_by_reason(t: &TestApp, id: &str) -> (usize, usize) {
    let audit = t
        .get(
            &format!("/api/v1/audit?target_id={id}&limit=500"),
            &t.fx.operator,
        )
        .await;
    let items = audit.body["items"].as_array().unwrap().clone();
    let reason = |r: &str| {
        items
            .iter()
            .filter(|e| e["action"] == "account.sign_in_failed" && e["after"]["reason"] == r)
            .count()
    };
    (reason("wrong-credentials"), reason("locked"))
}

async fn k1_parallel_guesses_get_ten_tries_not_one_each(kind: Kind) {
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let (id, login) = user_with_password(&t, "+493012345660", STRONG, false, json!({})).await;
    let mut guesses = Vec::new();
    for i in 0..30 {
        let (t_base, login) = (t.base.clone(), login.clone());
        guesses.push(tokio::spawn(async move {
            let http = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let page = http.get(format!("{t_base}/sign-in")).send().await.unwrap();
            let cookie = page
                .headers()
                .get("set-cookie")
                .unwrap()
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_owned();
            let csrf = cookie.split('=').nth(1).unwrap().to_owned();
            let form = [
                ("csrf", csrf),
                ("login", login),
                ("password", format!("guess number {i}")),
            ];
            http.post(format!("{t_base}/sign-in"))
                .header("cookie", cookie)
                .form(&form)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for guess in guesses {
        assert_eq!(guess.await.unwrap(), 401);
    }
    let (checked, refused) = failures_by_reason(&t, &id).await;
    assert_eq!(
        (checked, refused),
        (10, 20),
        "K-1: 30 parallel guesses, 10 checked, 20 refused by the lock"
    );
    assert_eq!(WebClient::new(&t).sign_in(&login, STRONG).await.status, 401);
    clock.advance_millis(31_000);
    WebClient::new(&t).sign_in_fully(&login, STRONG).await;
}

async fn k1_wrong_one_time_codes_count_against_the_account(kind: Kind) {
    let clock = ManualClock::starting_at(start());
    let Some(t) = spawn(kind, Some(&clock)).await else {
        return;
    };
    let (_, login) = user_with_password(
        &t,
        "+493012345661",
        STRONG,
        false,
        json!({ "two_step_required": true, "personal_contact": "codes@example.org" }),
    )
    .await;
    // Two sign-ins whose second step never succeeded, and five wrong codes in each: twelve
    // failures on the account, the last locking it for two minutes.
    for _ in 0..2 {
        let mut browser = WebClient::new(&t);
        assert_eq!(
            browser.sign_in(&login, STRONG).await.location.as_deref(),
            Some("/sign-in/code")
        );
        browser.get("/sign-in/code").await;
        for _ in 0..5 {
            browser.post("/sign-in/code", &[("code", "000000")]).await;
        }
        assert!(!browser.signed_in());
    }
    assert_eq!(
        WebClient::new(&t).sign_in(&login, STRONG).await.status,
        401,
        "locked by wrong codes"
    );
    let kept = outbox_to(&t, "codes@example.org").await;
    assert!(
        kept.iter().all(|m| m["body"].is_null()),
        "void codes are not kept"
    );
    clock.advance_millis(119_000);
    assert_eq!(WebClient::new(&t).sign_in(&login, STRONG).await.status, 401);
    clock.advance_millis(2_000);
    assert_eq!(WebClient::new(&t).sign_in(&login, STRONG).await.status, 303);
}

async fn a1_site_admin_cannot_take_over_an_enterprise_admin(kind: Kind) {
    let Some(t) = spawn(kind, None).await else {
        return;
    };
    let (id, login) = user_with_password(
        &t,
        "+493012345662",
        STRONG,
        false,
        json!({ "role": "enterprise_admin" }),
    )
    .await;
    let (colleague, _) = user_with_password(&t, "+493012345663", STRONG, false, json!({})).await;
    t.drain_jobs().await;
    let set = t
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/users/{id}/password"),
            &t.fx.site_admin,
            Some(json!({ "password": STRONGER, "must_change_password": false })),
            None,
        )
        .await;
    set.problem(403, "forbidden");
    let two_step = t
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/users/{id}/two-step"),
            &t.fx.site_admin,
            Some(json!({ "required": true })),
            None,
        )
        .await;
    two_step.problem(403, "forbidden");
    t.post(
        &format!("/api/v1/users/{id}/invitation"),
        &t.fx.site_admin,
        json!({}),
    )
    .await
    .problem(403, "forbidden");
    t.post(
        &format!("/api/v1/users/{id}/sip-credentials"),
        &t.fx.site_admin,
        json!({}),
    )
    .await
    .problem(403, "forbidden");
    t.post(
        &format!("/api/v1/users/{id}/deactivate"),
        &t.fx.site_admin,
        json!({ "action": "transfer_on_zero", "destination_user_id": colleague }),
    )
    .await
    .problem(403, "forbidden");
    // Their own user of the same site stays theirs to administer; the enterprise admin is untouched.
    let ok = t
        .call(
            reqwest::Method::PUT,
            &format!("/api/v1/users/{colleague}/password"),
            &t.fx.site_admin,
            Some(json!({ "password": STRONGER, "must_change_password": true })),
            None,
        )
        .await;
    assert_eq!(ok.status, 204, "{}", ok.body);
    WebClient::new(&t).sign_in_fully(&login, STRONG).await;
}
