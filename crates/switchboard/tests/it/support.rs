//! The test harness: a real server on a random port over a fresh database (SQLite always,
//! PostgreSQL when SWITCHBOARD_TEST_POSTGRES_URL is set), with a standard fixture of two
//! enterprises, catalogues, numbers, licences and tokens for every role.

use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sqlx::Connection;
use switchboard::server::{self, Running};
use switchboard_app::accounts::AccountSettings;
use switchboard_app::catalogue::{NewDeviceType, NewLicenceType};
use switchboard_app::mail::{Mailer, OutboxMailer};
use switchboard_app::numbers::NumbersToLoad;
use switchboard_app::tenancy::NewEnterprise;
use switchboard_app::tokens::NewToken;
use switchboard_app::{
    Actor, App, Clock, JobSettings, NumberPattern, Provisioner, SimulatedProvisioner, SystemClock,
};
use switchboard_domain::{DepartmentId, EnterpriseId, SiteId, TeamId};
use switchboard_store::Db;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// How to build the application under test.
pub struct Options {
    pub provisioner: Arc<dyn Provisioner>,
    pub clock: Arc<dyn Clock>,
    pub worker: bool,
    pub jobs: JobSettings,
    pub accounts: AccountSettings,
    pub mailer: Arc<dyn Mailer>,
    /// S-1: greetings kept in files of this directory instead of the database.
    pub greetings_directory: Option<std::path::PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            provisioner: Arc::new(SimulatedProvisioner {
                activation_delay_ms: 0,
                fail_numbers: Some(NumberPattern("+*666".into())),
            }),
            clock: Arc::new(SystemClock),
            worker: false,
            jobs: JobSettings {
                max_attempts: 3,
                backoff_base_ms: 1_000,
                lease_ms: 60_000,
            },
            accounts: AccountSettings {
                public_url: "http://portal.test".into(),
                ..AccountSettings::default()
            },
            mailer: Arc::new(OutboxMailer),
            greetings_directory: None,
        }
    }
}

/// Ids and tokens of the standard fixture.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub enterprise: EnterpriseId,
    pub berlin: SiteId,
    pub paris: SiteId,
    pub sales: DepartmentId,
    pub hotline: TeamId,
    pub other_enterprise: EnterpriseId,
    pub other_site: SiteId,
    /// Provider operator.
    pub operator: String,
    /// Enterprise administrator of `enterprise`.
    pub admin: String,
    /// Site administrator of `berlin`.
    pub site_admin: String,
    /// Enterprise administrator of `other_enterprise`.
    pub other_admin: String,
}

pub struct TestApp {
    pub kind: Kind,
    pub base: String,
    pub http: reqwest::Client,
    pub app: App,
    pub fx: Fixture,
    running: Option<Running>,
    _database: Arc<TestDatabase>,
}

/// A database that exists for one test and is removed afterwards.
pub struct TestDatabase {
    pub url: String,
    cleanup: Option<(String, String)>,
    sqlite_path: Option<std::path::PathBuf>,
}

impl TestDatabase {
    /// A fresh database, or `None` when PostgreSQL is asked for but not configured.
    pub async fn create(kind: Kind) -> Option<Arc<Self>> {
        match kind {
            Kind::Sqlite => {
                let path = std::env::temp_dir()
                    .join(format!("switchboard-test-{}.db", uuid::Uuid::now_v7()));
                Some(Arc::new(Self {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: None,
                    sqlite_path: Some(path),
                }))
            }
            Kind::Postgres => {
                let Ok(base) = std::env::var("SWITCHBOARD_TEST_POSTGRES_URL") else {
                    eprintln!(
                        "SKIPPED (PostgreSQL): set SWITCHBOARD_TEST_POSTGRES_URL to run this test against PostgreSQL"
                    );
                    return None;
                };
                sqlx::any::install_default_drivers();
                let name = format!("sb_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = sqlx::AnyConnection::connect(&base)
                    .await
                    .expect("SWITCHBOARD_TEST_POSTGRES_URL must be reachable");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let _ = conn.close().await;
                let (prefix, query) = match base.split_once('?') {
                    Some((p, q)) => (p.to_owned(), format!("?{q}")),
                    None => (base.clone(), String::new()),
                };
                let server = prefix
                    .rsplit_once('/')
                    .map(|(server, _)| server.to_owned())
                    .unwrap_or(prefix);
                Some(Arc::new(Self {
                    url: format!("{server}/{name}{query}"),
                    cleanup: Some((base, name)),
                    sqlite_path: None,
                }))
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(path) = &self.sqlite_path {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
        if let Some((base, name)) = self.cleanup.take() {
            // Drop runs outside async context: a short-lived runtime on its own thread.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async {
                    if let Ok(mut conn) = sqlx::AnyConnection::connect(&base).await {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
                            .execute(&mut conn)
                            .await;
                    }
                });
            })
            .join();
        }
    }
}

impl TestApp {
    /// A server over a fresh database with the fixture; `None` when the backend is not available.
    pub async fn spawn(kind: Kind) -> Option<Self> {
        Self::spawn_with(kind, Options::default()).await
    }

    pub async fn spawn_with(kind: Kind, options: Options) -> Option<Self> {
        let database = TestDatabase::create(kind).await?;
        let mut app = Self::start_on(kind, database, options, None).await;
        app.fx = fixture(&app.app).await;
        Some(app)
    }

    /// Another server over the same database (a restart, or a second process), same fixture.
    pub async fn restart_on_same_database(&self, options: Options) -> Self {
        Self::start_on(
            self.kind,
            self._database.clone(),
            options,
            Some(self.fx.clone()),
        )
        .await
    }

    async fn start_on(
        kind: Kind,
        database: Arc<TestDatabase>,
        options: Options,
        fx: Option<Fixture>,
    ) -> Self {
        let db = Db::connect(&database.url)
            .await
            .expect("connect test database");
        db.migrate().await.expect("migrate test database");
        let app = App::new(db, options.clock, options.provisioner, options.jobs)
            .with_accounts(options.accounts, options.mailer)
            .with_greetings_directory(options.greetings_directory)
            .expect("the greetings directory can be created");
        let running = server::start(
            app.clone(),
            "127.0.0.1:0",
            options.worker,
            Duration::from_millis(50),
        )
        .await
        .expect("start server");
        let base = format!("http://{}", running.addr);
        TestApp {
            kind,
            base,
            http: reqwest::Client::new(),
            app,
            fx: fx.unwrap_or_else(empty_fixture),
            running: Some(running),
            _database: database,
        }
    }

    /// The URL of the test's database, for another process (the CLI) to open.
    pub fn database_url(&self) -> &str {
        &self._database.url
    }

    pub async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await;
        }
    }

    /// Sends a request; returns status, headers and the JSON body (Null when empty).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
        if_match: Option<&str>,
    ) -> Response {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if !token.is_empty() {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        if let Some(tag) = if_match {
            request = request.header("if-match", tag);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body read");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Response {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.call(Method::GET, path, token, None, None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Response {
        self.call(Method::POST, path, token, Some(body), None).await
    }

    pub async fn patch(
        &self,
        path: &str,
        token: &str,
        if_match: Option<&str>,
        body: Value,
    ) -> Response {
        self.call(Method::PATCH, path, token, Some(body), if_match)
            .await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Response {
        self.call(Method::DELETE, path, token, None, None).await
    }

    /// Runs every due background job now (deterministic: no waiting on the worker).
    pub async fn drain_jobs(&self) -> usize {
        self.app.jobs().run_due("test").await.expect("jobs run")
    }

    /// A valid new-user body for the fixture's Berlin site; `overrides` replace fields (null removes).
    pub fn user_body(&self, number: &str, overrides: Value) -> Value {
        let digits = number.trim_start_matches('+');
        let mut body = json!({
            "site_id": self.fx.berlin.to_string(),
            "first_name": "Anna",
            "last_name": "Müller",
            "email": format!("anna.{digits}@example.de"),
            "package_licence": "voice-basic",
            "primary_number": number,
            "device_type": "yealink-t54w",
        });
        for (key, value) in overrides.as_object().expect("overrides are an object") {
            if value.is_null() {
                body.as_object_mut().unwrap().remove(key);
            } else {
                body[key] = value.clone();
            }
        }
        body
    }

    /// Creates a user as the enterprise admin and returns the response body (`user`, `sip_login`).
    pub async fn create_user(&self, number: &str, overrides: Value) -> Value {
        let path = format!("/api/v1/enterprises/{}/users", self.fx.enterprise);
        let response = self
            .post(&path, &self.fx.admin, self.user_body(number, overrides))
            .await;
        assert_eq!(
            response.status,
            StatusCode::CREATED,
            "create user: {}",
            response.body
        );
        response.body
    }

    /// Creates a user and runs their activation; returns the user.
    pub async fn create_active_user(&self, number: &str, overrides: Value) -> Value {
        let created = self.create_user(number, overrides).await;
        self.drain_jobs().await;
        let user = self
            .get(
                &format!("/api/v1/users/{}", created["user"]["id"].as_str().unwrap()),
                &self.fx.admin,
            )
            .await;
        assert_eq!(user.body["state"], "active", "activation: {}", user.body);
        user.body
    }

    /// The licence pool line of a licence code.
    pub async fn licence(&self, code: &str) -> Value {
        let response = self
            .get(
                &format!("/api/v1/enterprises/{}/licences", self.fx.enterprise),
                &self.fx.admin,
            )
            .await;
        response.body["pools"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["licence"]["code"] == code)
            .cloned()
            .expect("licence in pool")
    }

    /// The audit log's actions about `target_id`, newest first, as the operator reads them.
    pub async fn audit_actions(&self, target_id: &str) -> Vec<String> {
        let audit = self
            .get(
                &format!("/api/v1/audit?target_id={target_id}&limit=100"),
                &self.fx.operator,
            )
            .await;
        audit.body["items"]
            .as_array()
            .expect("an audit page")
            .iter()
            .map(|e| e["action"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// The pool entry of a number.
    pub async fn number(&self, number: &str) -> Value {
        let path = format!(
            "/api/v1/enterprises/{}/numbers?prefix={}&limit=1",
            self.fx.enterprise,
            number.replace('+', "%2B")
        );
        let response = self.get(&path, &self.fx.admin).await;
        response.body["items"][0].clone()
    }

    /// How many users the enterprise has (walks all pages as the operator).
    pub async fn user_count(&self) -> usize {
        let mut count = 0;
        let mut cursor: Option<String> = None;
        loop {
            let mut path = format!(
                "/api/v1/enterprises/{}/users?limit=500&sort=created",
                self.fx.enterprise
            );
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page = self.get(&path, &self.fx.operator).await;
            count += page.body["items"].as_array().unwrap().len();
            match page.body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return count,
            }
        }
    }
}

pub struct Response {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Response {
    pub fn etag(&self) -> String {
        self.headers
            .get("etag")
            .expect("etag")
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// Asserts a problem with this status and code, and returns the body.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.body);
        assert_eq!(self.body["code"], code, "{}", self.body);
        assert_eq!(
            self.headers.get("content-type").unwrap(),
            "application/problem+json"
        );
        &self.body
    }

    /// The fields named in a validation problem.
    pub fn failing_fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .map(|e| e["field"].as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn empty_fixture() -> Fixture {
    Fixture {
        enterprise: EnterpriseId::new(),
        berlin: SiteId::new(),
        paris: SiteId::new(),
        sales: DepartmentId::new(),
        hotline: TeamId::new(),
        other_enterprise: EnterpriseId::new(),
        other_site: SiteId::new(),
        operator: String::new(),
        admin: String::new(),
        site_admin: String::new(),
        other_admin: String::new(),
    }
}

/// Catalogues, two enterprises with sites, numbers and licences, and a token for every role.
async fn fixture(app: &App) -> Fixture {
    let actor = Actor::system("test fixture");
    let catalogue = app.catalogue();
    for (code, kind, price) in [
        ("voice-basic", "package", 1290),
        ("voice-premium", "package", 1990),
        ("supervisor", "addon", 500),
        ("mobility", "addon", 300),
        ("additional-number", "addon", 200),
    ] {
        let input = NewLicenceType {
            names: None,
            code: Some(code.into()),
            name: Some(code.into()),
            kind: Some(kind.into()),
            monthly_price_cents: Some(price),
        };
        catalogue
            .create_licence_type(&actor, input)
            .await
            .expect("licence type");
    }
    for (code, kind) in [
        ("yealink-t54w", "desk_phone"),
        ("no-desk-phone", "none"),
        ("mobile-app", "mobile_client"),
    ] {
        let input = NewDeviceType {
            names: None,
            code: Some(code.into()),
            name: Some(code.into()),
            kind: Some(kind.into()),
        };
        catalogue
            .create_device_type(&actor, input)
            .await
            .expect("device type");
    }
    let tenancy = app.tenancy();
    let make_enterprise = |name: &str, domain: &str| NewEnterprise {
        name: Some(name.into()),
        sip_domain: Some(domain.into()),
        contact_email: Some(format!("it@{domain}")),
        ..Default::default()
    };
    let enterprise = tenancy
        .create_enterprise(&actor, make_enterprise("Müller GmbH", "mueller.sip.test"))
        .await
        .unwrap();
    let other = tenancy
        .create_enterprise(&actor, make_enterprise("Dupont SA", "dupont.sip.test"))
        .await
        .unwrap();
    let berlin = tenancy
        .create_site(&actor, enterprise.id, Some("Berlin".into()))
        .await
        .unwrap();
    let paris = tenancy
        .create_site(&actor, enterprise.id, Some("Paris".into()))
        .await
        .unwrap();
    let other_site = tenancy
        .create_site(&actor, other.id, Some("Lyon".into()))
        .await
        .unwrap();
    let sales = tenancy
        .create_department(&actor, enterprise.id, Some("Sales".into()))
        .await
        .unwrap();
    let hotline = tenancy
        .create_team(&actor, enterprise.id, Some("Hotline".into()))
        .await
        .unwrap();
    for (e, code, quantity) in [
        (enterprise.id, "voice-basic", 100),
        (enterprise.id, "voice-premium", 2),
        (enterprise.id, "supervisor", 1),
        (enterprise.id, "additional-number", 3),
        (other.id, "voice-basic", 10),
    ] {
        catalogue
            .record_purchase(&actor, e, Some(code.into()), Some(quantity), None)
            .await
            .unwrap();
    }
    let numbers = app.numbers();
    for (e, first, last) in [
        (enterprise.id, "+493012345600", "+493012345699"),
        (enterprise.id, "+33123456600", "+33123456699"),
        (other.id, "+33478000000", "+33478000099"),
    ] {
        numbers
            .load(
                &actor,
                e,
                NumbersToLoad {
                    number: None,
                    first: Some(first.into()),
                    last: Some(last.into()),
                },
            )
            .await
            .unwrap();
    }
    let token = |scope: &str, enterprise: Option<EnterpriseId>, site: Option<SiteId>| NewToken {
        name: Some(format!("{scope} test token")),
        scope: Some(scope.into()),
        enterprise_id: enterprise.map(|e| e.to_string()),
        site_id: site.map(|s| s.to_string()),
        expires_in_days: None,
    };
    let tokens = app.tokens();
    Fixture {
        enterprise: enterprise.id,
        berlin: berlin.id,
        paris: paris.id,
        sales: sales.id,
        hotline: hotline.id,
        other_enterprise: other.id,
        other_site: other_site.id,
        operator: tokens
            .create(&actor, token("operator", None, None))
            .await
            .unwrap()
            .token,
        admin: tokens
            .create(&actor, token("enterprise", Some(enterprise.id), None))
            .await
            .unwrap()
            .token,
        site_admin: tokens
            .create(&actor, token("site", Some(enterprise.id), Some(berlin.id)))
            .await
            .unwrap()
            .token,
        other_admin: tokens
            .create(&actor, token("enterprise", Some(other.id), None))
            .await
            .unwrap()
            .token,
    }
}

/// Runs a test body against SQLite and against PostgreSQL (when configured).
/// Tests that take the database kind and build their own application (clock, mailer…): one
/// `sqlite` and one `postgres` test each.
#[macro_export]
macro_rules! on_both_kinds {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() { super::$name($crate::support::Kind::Sqlite).await; }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() { super::$name($crate::support::Kind::Postgres).await; }
        }
    )*};
}

#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                let app = $crate::support::TestApp::spawn($crate::support::Kind::Sqlite).await.expect("sqlite");
                super::$name(app).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                if let Some(app) = $crate::support::TestApp::spawn($crate::support::Kind::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )*};
}

/// Everything the process logs from now on, at debug level, for tests that prove a secret never
/// reaches the logs (K-5). Installed once per test binary.
pub fn capture_logs() -> Arc<std::sync::Mutex<Vec<u8>>> {
    static BUFFER: std::sync::OnceLock<Arc<std::sync::Mutex<Vec<u8>>>> = std::sync::OnceLock::new();
    BUFFER
        .get_or_init(|| {
            let buffer = Arc::new(std::sync::Mutex::new(Vec::new()));
            let sink = buffer.clone();
            let subscriber = tracing_subscriber::fmt()
                .with_max_level(tracing::Level::DEBUG)
                .with_ansi(false)
                .with_writer(move || LogWriter(sink.clone()))
                .finish();
            let _ = tracing::subscriber::set_global_default(subscriber);
            buffer
        })
        .clone()
}

struct LogWriter(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
