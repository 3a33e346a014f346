//! The portal in a real headless Chromium (I-2, K-1, K-4, U-5): keyboard-only sign-in with the
//! forced password change, a wrong password and the lockout, two-step sign-in with an
//! authenticator code, and an invitation followed from a mail received over SMTP. Every page
//! is kept as a screenshot in `target/browser-screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver`. Without them the tests say SKIPPED, unless
//! `SWITCHBOARD_TEST_BROWSER=required` (as in CI), where a missing browser fails them.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use switchboard_app::{Clock, ManualClock};
use switchboard_domain::Timestamp;

use crate::smtp_sink::SmtpSink;
use crate::support::{Kind, Options, TestApp};

const STRONG: &str = "copper kettle drifts north";
const STRONGER: &str = "violet harbour sings quietly";

/// A chromedriver process and one browser session driven through it.
pub struct Browser {
    pub client: Client,
    driver: Child,
    base: String,
    test: &'static str,
    shots: usize,
}

impl Browser {
    pub async fn start(t: &TestApp, test: &'static str) -> Option<Self> {
        let required = std::env::var("SWITCHBOARD_TEST_BROWSER").is_ok_and(|v| v == "required");
        let present = std::path::Path::new("/usr/bin/chromedriver").exists()
            && std::path::Path::new("/usr/bin/chromium").exists();
        if !present {
            assert!(
                !required,
                "SWITCHBOARD_TEST_BROWSER=required but chromium/chromedriver are not installed"
            );
            eprintln!(
                "SKIPPED (Chromium): install chromium and chromium-driver to run the browser tests"
            );
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let caps: serde_json::Map<String, Value> = serde_json::from_value(json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--window-size=1100,900", "--lang=en-GB"
                ]
            }
        }))
        .unwrap();
        // Two TLS back-ends are linked into the test binary; say which one (the WebDriver link is plain HTTP anyway).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            let mut builder = ClientBuilder::rustls().expect("rustls");
            builder.capabilities(caps.clone());
            match builder.connect(&url).await {
                Ok(client) => {
                    return Some(Self {
                        client,
                        driver,
                        base: t.base.clone(),
                        test,
                        shots: 0,
                    });
                }
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("chromedriver did not answer: {last_error:?}");
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("goto");
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        url.path().to_owned()
    }

    pub async fn h1(&self) -> String {
        self.client
            .find(Locator::Css("h1"))
            .await
            .expect("h1")
            .text()
            .await
            .unwrap()
    }

    pub async fn page_text(&self) -> String {
        self.client
            .find(Locator::Css("main"))
            .await
            .expect("main")
            .text()
            .await
            .unwrap()
    }

    /// Types into the focused element (keyboard only, like a person without a mouse).
    pub async fn type_keys(&self, text: &str) {
        let focused = self.client.active_element().await.expect("focused element");
        focused.send_keys(text).await.expect("keys");
    }

    pub async fn fill(&self, id: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id}"));
        field.send_keys(text).await.expect("keys");
    }

    pub async fn submit(&self, id: &str) {
        let field = self
            .client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id}"));
        field
            .send_keys(&Key::Enter.to_string())
            .await
            .expect("enter");
        self.settle().await;
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{css}"))
            .click()
            .await
            .expect("click");
        self.settle().await;
    }

    /// Waits for the navigation a form submission started (it may not have begun yet when this
    /// is called, so first a moment for it to start).
    pub async fn settle(&self) {
        tokio::time::sleep(Duration::from_millis(150)).await;
        for _ in 0..50 {
            let ready = self
                .client
                .execute("return document.readyState", vec![])
                .await;
            if matches!(ready, Ok(Value::String(s)) if s == "complete") {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Keeps the page as a test artefact.
    pub async fn screenshot(&mut self, step: &str) {
        self.shots += 1;
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/browser-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(format!("{}-{:02}-{step}.png", self.test, self.shots)),
            png,
        )
        .unwrap();
    }

    /// I-2: every visible input has a label that names it.
    pub async fn assert_inputs_are_labelled(&self) {
        let unlabelled = self
            .client
            .execute(
                "return [...document.querySelectorAll('input:not([type=hidden]):not([hidden])')]\
                 .filter(i => !(i.id && document.querySelector('label[for=\"' + i.id + '\"]')))\
                 .map(i => i.name)",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(unlabelled, json!([]), "inputs without a label");
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

macro_rules! in_chromium {
    ($($name:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
        async fn $name() {
            super::$name().await;
        }
    )*};
}

mod chromium {
    in_chromium!(
        k1_u5_keyboard_only_sign_in_with_forced_password_change,
        k1_wrong_password_then_lockout_shows_the_same_message,
        k1_two_step_sign_in_with_an_authenticator_code,
        u5_i2_invitation_from_a_received_email_in_french,
    );
}

async fn app(options: Options) -> TestApp {
    TestApp::spawn_with(Kind::Sqlite, options)
        .await
        .expect("sqlite")
}

async fn user(
    t: &TestApp,
    number: &str,
    password: &str,
    must_change: bool,
    extra: Value,
) -> String {
    let mut overrides = json!({ "password": password, "must_change_password": must_change, "role": "enterprise_admin" });
    for (k, v) in extra.as_object().unwrap() {
        overrides[k] = v.clone();
    }
    let created = t.create_user(number, overrides).await;
    created["user"]["login_name"].as_str().unwrap().to_owned()
}

pub async fn k1_u5_keyboard_only_sign_in_with_forced_password_change() {
    let t = app(Options::default()).await;
    let login = user(&t, "+493012345601", STRONG, true, json!({})).await;
    let Some(mut b) = Browser::start(&t, "forced-change").await else {
        return;
    };
    b.open("/sign-in").await;
    b.assert_inputs_are_labelled().await;
    b.screenshot("sign-in").await;
    // The login field has the focus; Tab moves to the password; Enter submits.
    b.type_keys(&login).await;
    b.type_keys(&Key::Tab.to_string()).await;
    b.type_keys(STRONG).await;
    b.type_keys(&Key::Enter.to_string()).await;
    b.settle().await;
    assert_eq!(
        b.path().await,
        "/password/change",
        "K-4 cookie kept by Chromium, U-5 forced change"
    );
    b.assert_inputs_are_labelled().await;
    b.screenshot("forced-change").await;
    b.fill("new_password", "short").await;
    b.submit("new_password").await;
    assert!(b.page_text().await.contains("at least 12 characters"));
    b.screenshot("error-summary").await;
    b.fill("new_password", STRONGER).await;
    b.submit("new_password").await;
    assert_eq!(b.path().await, "/");
    let text = b.page_text().await;
    assert!(text.contains("Enterprise administrator"), "{text}");
    assert!(text.contains("Your password was changed"));
    b.screenshot("home").await;
    b.click("header form[action=\"/sign-out\"] button").await;
    assert_eq!(b.path().await, "/sign-in");
    assert!(b.page_text().await.contains("You are signed out."));
    b.screenshot("signed-out").await;
    b.quit().await;
}

pub async fn k1_wrong_password_then_lockout_shows_the_same_message() {
    let clock = ManualClock::starting_at(Timestamp::from_millis(1_900_000_000_000));
    let t = app(Options {
        clock: Arc::new(clock.clone()),
        ..Options::default()
    })
    .await;
    let login = user(&t, "+493012345602", STRONG, false, json!({})).await;
    let Some(mut b) = Browser::start(&t, "lockout").await else {
        return;
    };
    for attempt in 0..10 {
        b.open("/sign-in").await;
        b.fill("login", &login).await;
        b.fill("password", "not the password").await;
        b.submit("password").await;
        let text = b.page_text().await;
        assert!(
            text.contains("The login name or password is not right."),
            "{text}"
        );
        if attempt == 0 {
            b.screenshot("wrong-password").await;
        }
    }
    b.open("/sign-in").await;
    b.fill("login", &login).await;
    b.fill("password", STRONG).await;
    b.submit("password").await;
    assert_eq!(
        b.path().await,
        "/sign-in",
        "locked: even the right password is refused"
    );
    assert!(
        b.page_text()
            .await
            .contains("The login name or password is not right.")
    );
    b.screenshot("locked").await;
    clock.advance_millis(31_000);
    b.open("/sign-in").await;
    b.fill("login", &login).await;
    b.fill("password", STRONG).await;
    b.submit("password").await;
    assert_eq!(b.path().await, "/");
    b.quit().await;
}

pub async fn k1_two_step_sign_in_with_an_authenticator_code() {
    let clock = ManualClock::starting_at(Timestamp::from_millis(1_900_000_000_000));
    let t = app(Options {
        clock: Arc::new(clock.clone()),
        ..Options::default()
    })
    .await;
    let login = user(&t, "+493012345603", STRONG, false, json!({})).await;
    let Some(mut b) = Browser::start(&t, "two-step").await else {
        return;
    };
    b.open("/sign-in").await;
    b.fill("login", &login).await;
    b.fill("password", STRONG).await;
    b.submit("password").await;
    b.open("/security").await;
    b.screenshot("security").await;
    b.click("form[action='/security/totp'] button").await;
    assert!(
        b.client.find(Locator::Css("figure.qr svg")).await.is_ok(),
        "QR code shown"
    );
    b.assert_inputs_are_labelled().await;
    b.screenshot("enrol").await;
    let secret = b
        .client
        .find(Locator::Id("totp-secret"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let code = switchboard_app::accounts::totp_code_at(&secret, clock.now()).unwrap();
    b.fill("code", &code).await;
    b.submit("code").await;
    let codes = b
        .client
        .find_all(Locator::Css("#recovery-codes code"))
        .await
        .unwrap();
    assert_eq!(codes.len(), 10);
    // K-1: no code has a character that reads as another, and they can be copied, downloaded
    // and printed (the buttons shown by the script).
    for code in &codes {
        let text = code.text().await.unwrap();
        assert!(!text.chars().any(|c| "0o1li".contains(c)), "{text}");
    }
    for button in [
        "button[data-copy]",
        "button[data-download]",
        "button[data-print]",
    ] {
        let shown = b
            .client
            .find(Locator::Css(&format!(".actions {button}")))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap();
        assert!(shown, "{button} on the recovery codes page");
    }
    b.screenshot("recovery-codes").await;
    b.open("/security").await;
    b.click("header form[action=\"/sign-out\"] button").await;

    clock.advance_millis(30_000);
    b.open("/sign-in").await;
    b.fill("login", &login).await;
    b.fill("password", STRONG).await;
    b.submit("password").await;
    assert_eq!(b.path().await, "/sign-in/code");
    b.assert_inputs_are_labelled().await;
    b.screenshot("code").await;
    b.fill("code", "123456").await;
    b.submit("code").await;
    assert!(b.page_text().await.contains("This code is not right"));
    let code = switchboard_app::accounts::totp_code_at(&secret, clock.now()).unwrap();
    b.fill("code", &code).await;
    b.submit("code").await;
    assert_eq!(b.path().await, "/");
    b.screenshot("signed-in").await;
    b.quit().await;
}

pub async fn u5_i2_invitation_from_a_received_email_in_french() {
    let sink = SmtpSink::start().await;
    let mailer = sink.mailer();
    let t = app(Options {
        mailer: Arc::new(mailer),
        ..Options::default()
    })
    .await;
    let created = t
        .create_user(
            "+493012345604",
            json!({ "first_name": "Émilie", "last_name": "Dubois", "language": "fr", "email": "emilie.dubois@example.fr" }),
        )
        .await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    t.drain_jobs().await;
    let mail = sink
        .messages()
        .into_iter()
        .find(|m| m.to == vec!["emilie.dubois@example.fr".to_owned()])
        .expect("invitation received");
    let text = mail.text();
    let start = text.find("http://portal.test/invitation/").expect("link");
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let Some(mut b) = Browser::start(&t, "invitation").await else {
        return;
    };
    b.open(link.trim_start_matches("http://portal.test")).await;
    assert_eq!(b.h1().await, "Bienvenue, Émilie Dubois");
    b.assert_inputs_are_labelled().await;
    b.screenshot("invitation").await;
    b.fill("password", STRONG).await;
    b.submit("password").await;
    assert_eq!(b.path().await, "/sign-in");
    assert!(
        b.page_text()
            .await
            .contains("Votre mot de passe est enregistré")
    );
    b.screenshot("password-set").await;
    b.fill("login", &login).await;
    b.fill("password", STRONG).await;
    b.submit("password").await;
    assert_eq!(b.path().await, "/");
    assert_eq!(b.h1().await, "Bienvenue, Émilie Dubois");
    b.screenshot("home-fr").await;
    b.quit().await;
}
