//! Real telephony (T-1…T-3): a real Kamailio with the configuration we ship, on a database the
//! `kamailio` provisioner keeps in step, and real sipp phones that register, call and answer.
//! Every change is made through Switchboard's API and takes effect with no reload of Kamailio.
//!
//! Needs `kamailio` (with its SQLite and PostgreSQL modules) and `sipp`; without them the tests
//! say SKIPPED, unless SWITCHBOARD_TEST_SIP=required (CI), when they fail.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::Instant;

use md5::{Digest, Md5};
use serde_json::{Value, json};
use switchboard::kamailio::{Kamailio, KamailioOptions};
use switchboard_app::numbers::NumbersToLoad;
use switchboard_app::provisioner::kamailio::KamailioProvisioner;
use switchboard_app::{Actor, ManualClock, Principal, SimulatedProvisioner};
use switchboard_domain::Timestamp;
use tokio::process::{Child, Command};

use crate::on_both_kinds;
use crate::support::{Kind, Options, TestApp, TestDatabase};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

/// The simulated carrier's activation delay: users stay pending until the test moves the clock.
const ACTIVATION_DELAY_MS: i64 = 60_000;

/// A Switchboard server, the Kamailio it provisions, and the phones of one test.
pub(crate) struct SipLab {
    pub(crate) t: TestApp,
    clock: ManualClock,
    kamailio: Kamailio,
    pub(crate) provisioner_db: Arc<TestDatabase>,
    dir: PathBuf,
    phones: Vec<Child>,
}

/// How a sipp run went: its exit status, one logged line per call, its error file.
pub(crate) struct SippRun {
    pub(crate) status: std::process::ExitStatus,
    pub(crate) logged: Vec<String>,
    pub(crate) errors: String,
}

/// What Switchboard showed once: the desk-phone login.
#[derive(Debug, Clone)]
pub(crate) struct Login {
    username: String,
    password: String,
    domain: String,
}

impl Login {
    fn of(created: &Value) -> Self {
        let login = &created["sip_login"];
        Login {
            username: login["username"].as_str().expect("username").to_owned(),
            password: login["password"].as_str().expect("password").to_owned(),
            domain: login["domain"].as_str().expect("domain").to_owned(),
        }
    }

    fn with_password(&self, password: &str) -> Self {
        Login {
            password: password.to_owned(),
            ..self.clone()
        }
    }
}

fn tools_missing() -> Option<String> {
    let missing: Vec<&str> = ["kamailio", "sipp"]
        .into_iter()
        .filter(|tool| {
            std::process::Command::new("sh")
                .args(["-c", &format!("command -v {tool}")])
                .stdout(Stdio::null())
                .status()
                .map(|s| !s.success())
                .unwrap_or(true)
        })
        .collect();
    (!missing.is_empty()).then(|| missing.join(", "))
}

fn free_udp_port() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .expect("a free UDP port")
        .port()
}

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sip")
        .join(name)
}

impl SipLab {
    pub(crate) async fn start(kind: Kind) -> Option<Self> {
        Self::launch(kind, None).await
    }

    /// A lab whose Kamailio sends numbers outside the enterprise to a trunk: a sipp phone
    /// that answers every call, on the port returned.
    pub(crate) async fn start_with_trunk(kind: Kind) -> Option<(Self, u16)> {
        let trunk = free_udp_port();
        let mut lab = Self::launch(kind, Some(format!("127.0.0.1:{trunk}"))).await?;
        lab.phone_on(trunk, "answer.xml");
        Some((lab, trunk))
    }

    async fn launch(kind: Kind, pstn_gateway: Option<String>) -> Option<Self> {
        if let Some(missing) = tools_missing() {
            assert!(
                std::env::var("SWITCHBOARD_TEST_SIP").as_deref() != Ok("required"),
                "SWITCHBOARD_TEST_SIP=required but {missing} is not installed"
            );
            eprintln!(
                "SKIPPED (SIP): {missing} not installed (apt-get install kamailio kamailio-sqlite-modules kamailio-postgres-modules sip-tester)"
            );
            return None;
        }
        let provisioner_db = TestDatabase::create(kind).await?;
        let provisioner = KamailioProvisioner::connect(
            &provisioner_db.url,
            SimulatedProvisioner {
                activation_delay_ms: ACTIVATION_DELAY_MS,
                fail_numbers: None,
            },
        )
        .await
        .expect("the provisioner reaches Kamailio's database");
        let clock = ManualClock::starting_at(Timestamp::from_millis(1_900_000_000_000));
        let t = TestApp::spawn_with(
            kind,
            Options {
                provisioner: Arc::new(provisioner),
                clock: Arc::new(clock.clone()),
                ..Options::default()
            },
        )
        .await?;
        let dir = std::env::temp_dir().join(format!("switchboard-sip-{}", uuid::Uuid::now_v7()));
        let kamailio = Kamailio::start(&KamailioOptions {
            binary: "kamailio".into(),
            listen: format!("udp:127.0.0.1:{}", free_udp_port()),
            run_dir: dir.join("kamailio"),
            database_url: provisioner_db.url.clone(),
            log_level: 2,
            children: 2,
            pstn_gateway,
        })
        .await
        .expect("Kamailio starts");
        Some(SipLab {
            t,
            clock,
            kamailio,
            provisioner_db,
            dir,
            phones: Vec::new(),
        })
    }

    /// Runs the queued provisioning jobs, as the worker would.
    pub(crate) async fn sync(&self) {
        self.t.drain_jobs().await;
    }

    /// The carrier's delay passes: pending users are activated and Kamailio learns of it.
    pub(crate) async fn activation_passes(&self) {
        self.clock.advance_millis(ACTIVATION_DELAY_MS + 1);
        self.sync().await;
    }

    pub(crate) async fn create(&self, number: &str) -> (String, Login) {
        let digits = number.trim_start_matches('+');
        let created = self
            .t
            .create_user(number, json!({"email": format!("sip.{digits}@example.de")}))
            .await;
        (
            created["user"]["id"].as_str().unwrap().to_owned(),
            Login::of(&created),
        )
    }

    /// `provisioning` of `GET /users/{id}`: whether Kamailio has the user's last change.
    async fn push_state(&self, id: &str) -> Value {
        let user = self
            .t
            .get(&format!("/api/v1/users/{id}"), &self.t.fx.admin)
            .await;
        user.body["provisioning"].clone()
    }

    /// New desk-phone login details for the user, shown once (U-4).
    async fn renew_login(&self, id: &str) -> Login {
        let renewed = self
            .t
            .post(
                &format!("/api/v1/users/{id}/sip-credentials"),
                &self.t.fx.admin,
                json!({}),
            )
            .await;
        assert_eq!(renewed.status.as_u16(), 201, "{}", renewed.body);
        Login::of(&renewed.body)
    }

    /// The end of Kamailio's log, for an assertion's message.
    pub(crate) fn kamailio_log(&self, lines: usize) -> String {
        self.kamailio.log_tail(lines)
    }

    /// A desk phone on a port of its own that answers every call.
    pub(crate) fn phone(&mut self) -> u16 {
        self.phone_playing("answer.xml")
    }

    /// A desk phone that answers every call as `scenario_file` says: `answer.xml`, `busy.xml`
    /// (486) or `ring.xml` (rings until cancelled).
    pub(crate) fn phone_playing(&mut self, scenario_file: &str) -> u16 {
        let port = free_udp_port();
        self.phone_on(port, scenario_file);
        port
    }

    fn phone_on(&mut self, port: u16, scenario_file: &str) {
        let child = Command::new("sipp")
            .arg("-sf")
            .arg(scenario(scenario_file))
            .args(["-i", "127.0.0.1", "-p", &port.to_string(), "-nostdin"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("sipp starts");
        self.phones.push(child);
    }

    /// Runs a sipp scenario once per CSV row and returns what it logged, one line per call.
    pub(crate) async fn sipp(
        &self,
        scenario_file: &str,
        rows: &[String],
        rate: usize,
    ) -> Vec<String> {
        let run = self.sipp_run(scenario_file, rows, rate, &[]).await;
        assert!(
            run.status.success() && run.logged.len() == rows.len(),
            "sipp {scenario_file}: {}, {} of {} calls logged\n{}\nKamailio:\n{}",
            run.status,
            run.logged.len(),
            rows.len(),
            run.errors,
            self.kamailio.log_tail(20)
        );
        run.logged
    }

    /// Runs a sipp scenario once per CSV row, with more of sipp's options, and says how it
    /// went without judging it (for load, where some calls may fail).
    pub(crate) async fn sipp_run(
        &self,
        scenario_file: &str,
        rows: &[String],
        rate: usize,
        options: &[&str],
    ) -> SippRun {
        let run = uuid::Uuid::now_v7();
        std::fs::create_dir_all(&self.dir).unwrap();
        let csv = self.dir.join(format!("{run}.csv"));
        let log = self.dir.join(format!("{run}.log"));
        let errors = self.dir.join(format!("{run}.errors"));
        std::fs::write(&csv, format!("SEQUENTIAL\n{}\n", rows.join("\n"))).unwrap();
        let status = Command::new("sipp")
            .arg(&self.kamailio.address)
            .arg("-sf")
            .arg(scenario(scenario_file))
            .arg("-inf")
            .arg(&csv)
            .args(["-m", &rows.len().to_string(), "-r", &rate.to_string()])
            .args(["-l", "200", "-i", "127.0.0.1"])
            .args(["-p", &free_udp_port().to_string()])
            .arg("-trace_logs")
            .arg("-log_file")
            .arg(&log)
            .arg("-trace_err")
            .arg("-error_file")
            .arg(&errors)
            .args(["-nostdin", "-timeout", "60s", "-timeout_error"])
            // A forwarded or hunted call hears a 180 from each phone it rings, and under load
            // a phone's 180 can reach the caller after its 200; a real phone ignores a stray
            // provisional answer, and so does this caller instead of giving the call up. A
            // missing final answer still fails the run (the timeout).
            .args(["-default_behaviors", "all,-abortunexp"])
            .args(options)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .await
            .expect("sipp runs");
        SippRun {
            status,
            logged: std::fs::read_to_string(&log)
                .unwrap_or_default()
                .lines()
                .filter(|l| l.starts_with("REGISTER ") || l.starts_with("CALL "))
                .map(str::to_owned)
                .collect(),
            errors: std::fs::read_to_string(&errors).unwrap_or_default(),
        }
    }

    /// REGISTERs the login with its phone's port as contact; the final status code.
    pub(crate) async fn register(&self, login: &Login, phone: u16) -> u16 {
        let logged = self
            .sipp("register.xml", &[register_row(login, phone)], 10)
            .await;
        status_of(&logged[0])
    }

    /// Calls `dialled` from the login's phone: the final status and, when answered, the port
    /// of the phone that answered.
    pub(crate) async fn call(&self, caller: &Login, dialled: &str) -> (u16, Option<u16>) {
        let logged = self
            .sipp("call.xml", &[call_row(caller, dialled)], 10)
            .await;
        let line = &logged[0];
        let answered_by = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|port| port.parse().ok());
        (status_of(line), answered_by)
    }

    /// S-5: sets up the user's soft client as the app would — a provisioning link, redeemed —
    /// and lets the worker push it to Kamailio.
    async fn soft_client(&self, user: &str, variant: &str) -> Login {
        let issued = self
            .t
            .post(
                &format!("/api/v1/users/{user}/soft-clients"),
                &self.t.fx.admin,
                json!({ "variant": variant }),
            )
            .await;
        assert_eq!(issued.status.as_u16(), 201, "{}", issued.body);
        let link = issued.body["link"].as_str().unwrap();
        let path = &link[link.find("/api/v1/").unwrap()..];
        let redeemed = self
            .t
            .call(reqwest::Method::POST, path, "", None, None)
            .await;
        assert_eq!(redeemed.status.as_u16(), 200, "{}", redeemed.body);
        self.sync().await;
        Login {
            username: redeemed.body["username"].as_str().unwrap().to_owned(),
            password: redeemed.body["password"].as_str().unwrap().to_owned(),
            domain: redeemed.body["domain"].as_str().unwrap().to_owned(),
        }
    }

    pub(crate) async fn stop(mut self) {
        for phone in &mut self.phones {
            let _ = phone.start_kill();
        }
        self.kamailio.stop().await;
        self.t.stop().await;
        let _ = std::fs::remove_dir_all(&self.dir);
        drop(self.provisioner_db);
    }
}

/// A row of `call.xml`: the caller calls `dialled`.
pub(crate) fn call_row(caller: &Login, dialled: &str) -> String {
    format!(
        "{};{};[authentication username={} password={}];{dialled}",
        caller.username, caller.domain, caller.username, caller.password
    )
}

fn register_row(login: &Login, phone: u16) -> String {
    format!(
        "{};{};[authentication username={} password={}];{phone}",
        login.username, login.domain, login.username, login.password
    )
}

fn status_of(logged: &str) -> u16 {
    logged
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status in '{logged}'"))
}

on_both_kinds!(
    t2_each_state_is_what_phones_experience,
    t2_new_login_details_work_on_the_next_register,
    t3_a_failed_push_shows_on_the_user_and_in_the_jobs,
    t3_resync_repairs_drift_and_says_what_it_changed,
    t1_a_thousand_users_provisioned_and_registered,
    s5_a_soft_client_registers_as_its_line_and_rings_with_it,
);

/// T-2, the whole table, driven by the API: pending registers and calls out but is not called
/// (480); active is called; deactivated cannot register and its callers reach the intercept
/// destination; deleted cannot register (403) and is unknown (404); tenants never meet.
async fn t2_each_state_is_what_phones_experience(kind: Kind) {
    let Some(mut lab) = SipLab::start(kind).await else {
        return;
    };
    let (_, bob) = lab.create("+493012345620").await;
    let (carol_id, carol) = lab.create("+493012345621").await;
    lab.activation_passes().await;
    let (alice_id, alice) = lab.create("+493012345622").await;
    lab.sync().await;
    let (bob_phone, carol_phone, alice_phone) = (lab.phone(), lab.phone(), lab.phone());

    assert_eq!(
        lab.register(&alice.with_password("not-her-password"), alice_phone)
            .await,
        403,
        "T-2: wrong credentials are refused"
    );
    assert_eq!(
        lab.register(&alice, alice_phone).await,
        200,
        "T-2: the login shown once registers while pending"
    );
    assert_eq!(lab.register(&bob, bob_phone).await, 200);
    assert_eq!(lab.register(&carol, carol_phone).await, 200);

    assert_eq!(
        lab.call(&bob, "5622").await,
        (480, None),
        "T-2/L-1: a pending user is not called (by extension)"
    );
    assert_eq!(
        lab.call(&alice, "+493012345620").await,
        (200, Some(bob_phone)),
        "T-2/L-1: a pending user calls out (by number)"
    );

    lab.activation_passes().await;
    assert_eq!(
        lab.call(&bob, "5622").await,
        (200, Some(alice_phone)),
        "T-2: once active, her phone rings"
    );
    assert_eq!(
        lab.call(&bob, &alice.username).await,
        (200, Some(alice_phone)),
        "T-2: by SIP user name too"
    );

    let deactivated = lab
        .t
        .post(
            &format!("/api/v1/users/{alice_id}/deactivate"),
            &lab.t.fx.admin,
            json!({"action": "announce_new_number", "destination_user_id": carol_id}),
        )
        .await;
    assert_eq!(
        deactivated.body["state"], "deactivated",
        "{}",
        deactivated.body
    );
    lab.sync().await;
    assert_eq!(
        lab.call(&bob, "5622").await,
        (200, Some(carol_phone)),
        "T-2/L-5: a deactivated user's caller reaches the intercept destination"
    );
    assert_eq!(
        lab.register(&alice, alice_phone).await,
        403,
        "T-2: a deactivated user cannot register"
    );

    let deleted = lab
        .t
        .delete(&format!("/api/v1/users/{alice_id}"), &lab.t.fx.admin)
        .await;
    assert_eq!(deleted.status.as_u16(), 204, "{}", deleted.body);
    lab.sync().await;
    assert_eq!(
        lab.register(&alice, alice_phone).await,
        403,
        "T-2/L-4: a deleted user cannot register"
    );
    assert_eq!(
        lab.call(&bob, "5622").await,
        (404, None),
        "T-2: a deleted user is unknown"
    );
    assert_eq!(lab.call(&bob, &alice.username).await, (404, None));

    // Tenants are separated by domain: another enterprise's user cannot reach Bob.
    let other = lab
        .t
        .post(
            &format!("/api/v1/enterprises/{}/users", lab.t.fx.other_enterprise),
            &lab.t.fx.other_admin,
            json!({
                "site_id": lab.t.fx.other_site.to_string(),
                "first_name": "Jean", "last_name": "Dupont", "email": "jean@dupont.example",
                "package_licence": "voice-basic", "primary_number": "+33478000001",
                "device_type": "yealink-t54w",
            }),
        )
        .await;
    assert_eq!(other.status.as_u16(), 201, "{}", other.body);
    lab.activation_passes().await;
    let jean = Login::of(&other.body);
    assert_ne!(jean.domain, bob.domain);
    assert_eq!(
        lab.call(&jean, &bob.username).await,
        (404, None),
        "T-1: another tenant's user is not found"
    );
    assert_eq!(lab.call(&jean, "+493012345620").await, (404, None));
    lab.stop().await;
}

/// T-2: new login details (U-4/L-8) are in force on the very next REGISTER, no reload: the old
/// password is refused, the new one accepted, the user name kept.
async fn t2_new_login_details_work_on_the_next_register(kind: Kind) {
    let Some(mut lab) = SipLab::start(kind).await else {
        return;
    };
    let (id, old) = lab.create("+493012345630").await;
    lab.activation_passes().await;
    let phone = lab.phone();
    assert_eq!(lab.register(&old, phone).await, 200);

    let new = lab.renew_login(&id).await;
    assert_eq!(new.username, old.username, "phones keep their user name");
    assert_ne!(new.password, old.password);
    lab.sync().await;
    assert_eq!(
        lab.register(&old, phone).await,
        403,
        "T-2: the old password is refused at once"
    );
    assert_eq!(
        lab.register(&new, phone).await,
        200,
        "T-2: the new one works"
    );
    lab.stop().await;
}

/// T-3: when Kamailio's database refuses a write, the job is retried with back-off, and once
/// it gives up the user shows it and the operator's job list has it; retried after the repair,
/// the user is in step again.
async fn t3_a_failed_push_shows_on_the_user_and_in_the_jobs(kind: Kind) {
    let Some(lab) = SipLab::start(kind).await else {
        return;
    };
    let (id, login) = lab.create("+493012345640").await;
    let admin = lab
        .t
        .create_user(
            "+493012345641",
            json!({"email": "ada@example.de", "password": STRONG, "must_change_password": false,
                   "role": "enterprise_admin"}),
        )
        .await;
    lab.activation_passes().await;
    let pushed = lab.push_state(&id).await;
    assert_eq!(pushed["status"], "in_step", "{pushed}");

    // Kamailio's table goes missing (a broken migration, a wrong database).
    let kamailio_db = switchboard_store::Db::connect(&lab.provisioner_db.url)
        .await
        .unwrap();
    let mut conn = kamailio_db.begin().await.unwrap();
    sqlx::query("DROP TABLE switchboard_lines")
        .execute(&mut *conn)
        .await
        .unwrap();
    conn.commit().await.unwrap();
    let new = lab.renew_login(&id).await;
    lab.sync().await;
    let pushed = lab.push_state(&id).await;
    assert_eq!(
        pushed["status"], "retrying",
        "T-3: a push that failed once is retried: {pushed}"
    );
    assert!(
        pushed["error"]
            .as_str()
            .unwrap_or_default()
            .contains("switchboard_lines"),
        "the reason is shown: {pushed}"
    );
    let mut portal = WebClient::new(&lab.t);
    portal
        .sign_in_fully(admin["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = portal.get(&format!("/users/{id}")).await;
    assert!(
        page.text_of("provisioning")
            .is_some_and(|warning| warning.contains("switchboard_lines")),
        "T-3: the user page warns that phones may not match it"
    );
    for _ in 0..3 {
        lab.clock.advance_millis(600_000);
        lab.sync().await;
    }
    let pushed = lab.push_state(&id).await;
    assert_eq!(
        pushed["status"], "failed",
        "T-3: never disagreeing silently: {pushed}"
    );
    let job_id = pushed["job_id"].as_str().unwrap().to_owned();
    let jobs = lab
        .t
        .get(
            &format!("/api/v1/jobs?subject_id={id}&status=failed"),
            &lab.t.fx.operator,
        )
        .await;
    assert_eq!(
        jobs.body["items"][0]["id"],
        job_id.as_str(),
        "{}",
        jobs.body
    );
    assert_eq!(jobs.body["items"][0]["kind"], "user.sync");

    // Repaired (the table is back), the operator retries the job: in step, and the new login
    // details shown once work.
    switchboard_store::kamailio::prepare(&kamailio_db)
        .await
        .unwrap();
    let retried = lab
        .t
        .post(
            &format!("/api/v1/jobs/{job_id}/retry"),
            &lab.t.fx.operator,
            json!({}),
        )
        .await;
    assert_eq!(retried.status.as_u16(), 200, "{}", retried.body);
    lab.sync().await;
    let pushed = lab.push_state(&id).await;
    assert_eq!(pushed["status"], "in_step", "{pushed}");
    let page = portal.get(&format!("/users/{id}")).await;
    assert_eq!(page.text_of("provisioning"), None, "the warning is gone");
    assert_ne!(new.password, login.password);
    let mut lab = lab;
    let phone = lab.phone();
    assert_eq!(lab.register(&new, phone).await, 200);
    kamailio_db.close().await;
    lab.stop().await;
}

/// T-3: `provisioning resync` finds what drifted in Kamailio's database — a line lost, a state
/// edited by hand, digests nobody owns — repairs it, says so, and finds nothing the second time.
async fn t3_resync_repairs_drift_and_says_what_it_changed(kind: Kind) {
    let Some(mut lab) = SipLab::start(kind).await else {
        return;
    };
    let (_, lost) = lab.create("+493012345650").await;
    let (edited_id, _) = lab.create("+493012345651").await;
    let (_, kept) = lab.create("+493012345652").await;
    lab.activation_passes().await;

    let kamailio_db = switchboard_store::Db::connect(&lab.provisioner_db.url)
        .await
        .unwrap();
    let mut tx = kamailio_db.begin().await.unwrap();
    for statement in [
        format!(
            "DELETE FROM switchboard_lines WHERE username = '{}'",
            lost.username
        ),
        format!(
            "DELETE FROM subscriber WHERE username = '{}'",
            lost.username
        ),
        format!("UPDATE switchboard_lines SET state = 'deactivated' WHERE user_id = '{edited_id}'"),
        "INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ('intruder', 'mueller.sip.test', '', 'x', 'y')".to_owned(),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(statement))
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let phone = lab.phone();
    assert_eq!(lab.register(&lost, phone).await, 403, "the drift is real");

    let operator = Actor::system("test operator");
    let report = lab
        .t
        .app
        .jobs()
        .resync_provisioning(&operator)
        .await
        .unwrap();
    assert_eq!(
        report.added,
        vec![format!("{}@mueller.sip.test", lost.username)]
    );
    assert_eq!(report.updated.len(), 1, "{report:?}");
    assert_eq!(report.removed, vec!["intruder@mueller.sip.test".to_owned()]);
    assert!(report.unchanged >= 1, "{report:?}");
    assert_eq!(lab.register(&lost, phone).await, 200, "repaired");
    assert_eq!(lab.register(&kept, phone).await, 200, "untouched");

    let again = lab
        .t
        .app
        .jobs()
        .resync_provisioning(&operator)
        .await
        .unwrap();
    assert_eq!(again.changed(), 0, "nothing left to repair: {again:?}");

    let refused = lab
        .t
        .app
        .jobs()
        .resync_provisioning(&Actor {
            principal: Principal::EnterpriseAdmin {
                enterprise: lab.t.fx.enterprise,
            },
            ..Actor::system("an enterprise admin")
        })
        .await;
    assert!(refused.is_err(), "only operators resync");
    kamailio_db.close().await;
    lab.stop().await;
}

/// T-1: 1,000 users created through the API are provisioned and every one registers with the
/// login shown once. The figures are printed (docs/performance.md); the test asserts behaviour.
async fn t1_a_thousand_users_provisioned_and_registered(kind: Kind) {
    const USERS: usize = 1_000;
    let Some(lab) = SipLab::start(kind).await else {
        return;
    };
    let actor = Actor::system("test fixture");
    lab.t
        .app
        .catalogue()
        .record_purchase(
            &actor,
            lab.t.fx.enterprise,
            Some("voice-basic".into()),
            Some(USERS as i64),
            None,
        )
        .await
        .unwrap();
    lab.t
        .app
        .numbers()
        .load(
            &actor,
            lab.t.fx.enterprise,
            NumbersToLoad {
                number: None,
                first: Some("+4930777000000".into()),
                last: Some(format!("+4930777000{:03}", USERS - 1)),
            },
        )
        .await
        .unwrap();

    let started = Instant::now();
    let path = format!("/api/v1/enterprises/{}/users", lab.t.fx.enterprise);
    let mut logins = Vec::with_capacity(USERS);
    for chunk in (0..USERS).collect::<Vec<_>>().chunks(8) {
        let requests = chunk.iter().map(|i| {
            let number = format!("+4930777000{i:03}");
            let body = lab.t.user_body(
                &number,
                json!({"email": format!("load.{i}@example.de"), "extension": format!("7{i:03}")}),
            );
            lab.t.post(&path, &lab.t.fx.admin, body)
        });
        for response in futures::future::join_all(requests).await {
            assert_eq!(response.status.as_u16(), 201, "{}", response.body);
            logins.push(Login::of(&response.body));
        }
    }
    let created = started.elapsed();

    let started = Instant::now();
    lab.sync().await;
    let provisioned = started.elapsed();
    let kamailio_db = switchboard_store::Db::connect(&lab.provisioner_db.url)
        .await
        .unwrap();
    let lines: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM switchboard_lines")
        .fetch_one(&mut *kamailio_db.read().await.unwrap())
        .await
        .unwrap();
    assert_eq!(lines as usize, USERS, "every user has a line");
    // T-1: Kamailio holds exactly the digest of each login shown once, and Switchboard the same.
    let digests: Vec<(String, String)> =
        sqlx::query_as("SELECT username, ha1 FROM subscriber ORDER BY username")
            .fetch_all(&mut *kamailio_db.read().await.unwrap())
            .await
            .unwrap();
    let digests: std::collections::HashMap<String, String> = digests.into_iter().collect();
    let mut conn = lab.t.app.db().read().await.unwrap();
    for login in &logins {
        let expected = hex::encode(Md5::digest(format!(
            "{}:{}:{}",
            login.username, login.domain, login.password
        )));
        let stored: String =
            sqlx::query_scalar("SELECT ha1 FROM sip_credentials WHERE username = $1")
                .bind(&login.username)
                .fetch_one(&mut *conn)
                .await
                .unwrap();
        assert_eq!(
            (digests.get(&login.username), &stored),
            (Some(&expected), &expected),
            "digests of {login:?} (Kamailio's, Switchboard's)"
        );
    }
    drop(conn);
    kamailio_db.close().await;

    let phone = free_udp_port();
    let rows: Vec<String> = logins.iter().map(|l| register_row(l, phone)).collect();
    let started = Instant::now();
    let logged = lab.sipp("register.xml", &rows, 1000).await;
    let registered = started.elapsed();
    let refused: Vec<&String> = logged
        .iter()
        .filter(|l| !l.starts_with("REGISTER 200 "))
        .collect();
    assert!(
        refused.is_empty(),
        "every login registers; refused: {refused:?}"
    );
    eprintln!(
        "T-1 figures ({kind:?}): {USERS} users created through the API in {:.1} s, provisioned into Kamailio in {:.2} s, registered (401 → 200) at 1,000/s in {:.2} s",
        created.as_secs_f64(),
        provisioned.as_secs_f64(),
        registered.as_secs_f64()
    );
    lab.stop().await;
}

/// S-5 on a real Kamailio: the soft client signs in with its own login, registers as its user's
/// line, is rung when the line is called and calls out as the line; set up again, its old
/// password stops working; the user deleted, it cannot register.
async fn s5_a_soft_client_registers_as_its_line_and_rings_with_it(kind: Kind) {
    let Some(mut lab) = SipLab::start(kind).await else {
        return;
    };
    let (anna, desk) = lab.create("+493012345640").await;
    let (_, caller) = lab.create("+493012345641").await;
    lab.activation_passes().await;
    let caller_phone = lab.phone();
    assert_eq!(lab.register(&caller, caller_phone).await, 200);

    let app = lab.soft_client(&anna, "mobile").await;
    assert_ne!(app.username, desk.username, "a login of its own");
    let app_phone = lab.phone();
    assert_eq!(lab.register(&app, app_phone).await, 200);
    // Only the app is registered: a call to Anna's number reaches it.
    assert_eq!(
        lab.call(&caller, "493012345640").await,
        (200, Some(app_phone)),
        "the line rings the soft client"
    );
    // It calls out as Anna's line.
    assert_eq!(
        lab.call(&app, "493012345641").await,
        (200, Some(caller_phone))
    );

    // Set up again: a new password; the old one is refused at once.
    let again = lab.soft_client(&anna, "mobile").await;
    assert_eq!(again.username, app.username);
    assert_eq!(lab.register(&app, app_phone).await, 403);
    assert_eq!(lab.register(&again, app_phone).await, 200);

    // L-4: deleted, the user's soft client cannot register either.
    let deleted = lab
        .t
        .delete(&format!("/api/v1/users/{anna}"), &lab.t.fx.admin)
        .await;
    assert_eq!(deleted.status.as_u16(), 204, "{}", deleted.body);
    lab.sync().await;
    assert_eq!(lab.register(&again, app_phone).await, 403);
    lab.stop().await;
}
