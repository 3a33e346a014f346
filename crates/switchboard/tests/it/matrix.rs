//! role matrix (docs/roles.md): every API operation × every role × a target that is
//! the caller's own, on another site, in another enterprise, or missing (and, for users and team
//! leads, themselves). Each cell is checked against the matrix; after every refused write the
//! database is unchanged; and no answer to an enterprise's people carries another enterprise's
//! data.

use reqwest::Method;
use serde_json::{Value, json};
use sqlx::Row;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(a1_a2_every_operation_for_every_role_and_target_follows_the_matrix);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Operator,
    EnterpriseAdmin,
    SiteAdmin,
    TeamLead,
    User,
}

const ROLES: [Role; 5] = [
    Role::Operator,
    Role::EnterpriseAdmin,
    Role::SiteAdmin,
    Role::TeamLead,
    Role::User,
];

impl Role {
    fn is_member(self) -> bool {
        matches!(self, Role::TeamLead | Role::User)
    }
    fn is_staff(self) -> bool {
        !self.is_member()
    }
}

/// Where the target is, seen from the caller (enterprise A, site Berlin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Own,
    OtherSite,
    OtherEnterprise,
    Missing,
    /// The caller's own user record (users and team leads).
    Me,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Authorised: anything but 401, 403, 404 (a 409 or 422 of the operation's own rules is fine).
    Allowed,
    Forbidden,
    NotFound,
    /// A site administrator naming another site for a new user: the site is not in reach.
    Invalid,
}

/// What an operation is about, which decides its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Global,
    Enterprise,
    Site,
    User,
    Job,
    Token,
}

/// Who may do it (docs/roles.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    Everyone,
    OperatorsOnly,
    /// Operators and enterprise administrators (tokens, audit).
    TokenAdmins,
    /// Readable by every person of the enterprise (the enterprise record itself).
    Members,
    /// Operators and administrators of the enterprise (site administrators included).
    Staff,
    /// Operators and enterprise administrators.
    EnterpriseAdmins,
    UserCreate,
    UserRead,
    UserAdmin,
    RetryActivation,
    Revoke,
}

struct Op {
    name: &'static str,
    method: Method,
    path: &'static str,
    scope: Scope,
    rule: Rule,
}

fn ops() -> Vec<Op> {
    use Rule::*;
    use Scope::*;
    let op = |name, method, path, scope, rule| Op {
        name,
        method,
        path,
        scope,
        rule,
    };
    vec![
        op(
            "list_enterprises",
            Method::GET,
            "/enterprises",
            Global,
            Everyone,
        ),
        op(
            "create_enterprise",
            Method::POST,
            "/enterprises",
            Global,
            OperatorsOnly,
        ),
        op(
            "list_licence_types",
            Method::GET,
            "/licence-types",
            Global,
            Everyone,
        ),
        op(
            "create_licence_type",
            Method::POST,
            "/licence-types",
            Global,
            OperatorsOnly,
        ),
        op(
            "list_device_types",
            Method::GET,
            "/device-types",
            Global,
            Everyone,
        ),
        op(
            "create_device_type",
            Method::POST,
            "/device-types",
            Global,
            OperatorsOnly,
        ),
        op("list_jobs", Method::GET, "/jobs", Global, OperatorsOnly),
        op("list_outbox", Method::GET, "/outbox", Global, OperatorsOnly),
        op("list_audit", Method::GET, "/audit", Global, TokenAdmins),
        op("list_tokens", Method::GET, "/tokens", Global, TokenAdmins),
        op("create_token", Method::POST, "/tokens", Global, TokenAdmins),
        op(
            "get_enterprise",
            Method::GET,
            "/enterprises/{id}",
            Enterprise,
            Members,
        ),
        op(
            "update_enterprise",
            Method::PATCH,
            "/enterprises/{id}",
            Enterprise,
            OperatorsOnly,
        ),
        op(
            "list_sites",
            Method::GET,
            "/enterprises/{id}/sites",
            Enterprise,
            Staff,
        ),
        op(
            "create_site",
            Method::POST,
            "/enterprises/{id}/sites",
            Enterprise,
            EnterpriseAdmins,
        ),
        op(
            "list_departments",
            Method::GET,
            "/enterprises/{id}/departments",
            Enterprise,
            Staff,
        ),
        op(
            "create_department",
            Method::POST,
            "/enterprises/{id}/departments",
            Enterprise,
            EnterpriseAdmins,
        ),
        op(
            "list_teams",
            Method::GET,
            "/enterprises/{id}/teams",
            Enterprise,
            Staff,
        ),
        op(
            "create_team",
            Method::POST,
            "/enterprises/{id}/teams",
            Enterprise,
            EnterpriseAdmins,
        ),
        op(
            "licences",
            Method::GET,
            "/enterprises/{id}/licences",
            Enterprise,
            Staff,
        ),
        op(
            "list_purchases",
            Method::GET,
            "/enterprises/{id}/licence-purchases",
            Enterprise,
            Staff,
        ),
        op(
            "create_purchase",
            Method::POST,
            "/enterprises/{id}/licence-purchases",
            Enterprise,
            OperatorsOnly,
        ),
        op(
            "list_numbers",
            Method::GET,
            "/enterprises/{id}/numbers",
            Enterprise,
            Staff,
        ),
        op(
            "load_numbers",
            Method::POST,
            "/enterprises/{id}/numbers",
            Enterprise,
            OperatorsOnly,
        ),
        op(
            "list_users",
            Method::GET,
            "/enterprises/{id}/users",
            Enterprise,
            Staff,
        ),
        op(
            "create_user",
            Method::POST,
            "/enterprises/{id}/users",
            Enterprise,
            UserCreate,
        ),
        op("get_site", Method::GET, "/sites/{id}", Site, Staff),
        op("get_user", Method::GET, "/users/{id}", User, UserRead),
        op("update_user", Method::PATCH, "/users/{id}", User, UserAdmin),
        op(
            "delete_user",
            Method::DELETE,
            "/users/{id}",
            User,
            UserAdmin,
        ),
        op(
            "get_account",
            Method::GET,
            "/users/{id}/account",
            User,
            UserAdmin,
        ),
        op(
            "add_alternative_number",
            Method::POST,
            "/users/{id}/alternative-numbers",
            User,
            UserAdmin,
        ),
        op(
            "remove_alternative_number",
            Method::DELETE,
            "/users/{id}/alternative-numbers/{number}",
            User,
            UserAdmin,
        ),
        op(
            "deactivate",
            Method::POST,
            "/users/{id}/deactivate",
            User,
            UserAdmin,
        ),
        op(
            "reactivate",
            Method::POST,
            "/users/{id}/reactivate",
            User,
            UserAdmin,
        ),
        op(
            "duplicate",
            Method::POST,
            "/users/{id}/duplicate",
            User,
            UserAdmin,
        ),
        op(
            "invite",
            Method::POST,
            "/users/{id}/invitation",
            User,
            UserAdmin,
        ),
        op(
            "set_password",
            Method::PUT,
            "/users/{id}/password",
            User,
            UserAdmin,
        ),
        op(
            "require_two_step",
            Method::PUT,
            "/users/{id}/two-step",
            User,
            UserAdmin,
        ),
        op(
            "new_sip_credentials",
            Method::POST,
            "/users/{id}/sip-credentials",
            User,
            UserAdmin,
        ),
        op(
            "retry_activation",
            Method::POST,
            "/users/{id}/retry-activation",
            User,
            RetryActivation,
        ),
        op("get_job", Method::GET, "/jobs/{id}", Job, OperatorsOnly),
        op(
            "retry_job",
            Method::POST,
            "/jobs/{id}/retry",
            Job,
            OperatorsOnly,
        ),
        op(
            "revoke_token",
            Method::DELETE,
            "/tokens/{id}",
            Token,
            Revoke,
        ),
    ]
}

fn targets(scope: Scope, role: Role) -> Vec<Target> {
    use Target::*;
    match scope {
        Scope::Global => vec![Own],
        Scope::Enterprise => vec![Own, OtherSite, OtherEnterprise, Missing],
        Scope::Site | Scope::User if role.is_member() && scope == Scope::User => {
            vec![Own, OtherSite, OtherEnterprise, Missing, Me]
        }
        Scope::Site | Scope::User => vec![Own, OtherSite, OtherEnterprise, Missing],
        Scope::Job => vec![Own, Missing],
        Scope::Token => vec![Own, OtherEnterprise, Missing],
    }
}

/// The matrix of docs/roles.md, as code.
fn expected(op: &Op, role: Role, target: Target) -> Expect {
    use Expect::*;
    use Role::*;
    let operator = role == Operator;
    match op.scope {
        Scope::Global => match op.rule {
            Rule::Everyone => Allowed,
            Rule::OperatorsOnly if operator => Allowed,
            Rule::TokenAdmins if matches!(role, Operator | EnterpriseAdmin) => Allowed,
            _ => Forbidden,
        },
        Scope::Job => match (operator, target) {
            (false, _) => Forbidden,
            (true, Target::Missing) => NotFound,
            (true, _) => Allowed,
        },
        Scope::Token => match (role, target) {
            (_, Target::Missing) => NotFound,
            (Operator, _) => Allowed,
            (_, Target::OtherEnterprise) => NotFound,
            (EnterpriseAdmin, _) => Allowed,
            _ => Forbidden,
        },
        _ if target == Target::Missing => NotFound,
        _ if target == Target::OtherEnterprise => {
            if operator {
                Allowed
            } else {
                NotFound
            }
        }
        Scope::Enterprise => {
            // "Other site" of an enterprise operation: the same enterprise, naming Paris.
            match op.rule {
                Rule::Members => Allowed,
                Rule::Staff if role.is_staff() => Allowed,
                Rule::EnterpriseAdmins if matches!(role, Operator | EnterpriseAdmin) => Allowed,
                Rule::OperatorsOnly if operator => Allowed,
                Rule::UserCreate => match role {
                    Operator | EnterpriseAdmin => Allowed,
                    SiteAdmin if target == Target::Own => Allowed,
                    SiteAdmin => Invalid,
                    _ => Forbidden,
                },
                _ => Forbidden,
            }
        }
        Scope::Site => match (role, target) {
            (TeamLead | User, _) => Forbidden,
            (SiteAdmin, Target::OtherSite) => NotFound,
            _ => Allowed,
        },
        Scope::User => match (role, target, op.rule) {
            (TeamLead | User, Target::Me, Rule::UserRead) => Allowed,
            (TeamLead | User, Target::Me, _) => Forbidden,
            (TeamLead | User, _, _) => NotFound,
            (SiteAdmin, Target::OtherSite, _) => NotFound,
            (Operator, _, _) => Allowed,
            (_, _, Rule::RetryActivation) => Forbidden,
            _ => Allowed,
        },
    }
}

struct World {
    tokens: Vec<(Role, String)>,
    me: Vec<(Role, String)>,
    berlin_user: String,
    paris_user: String,
    foreign_user: String,
    job: String,
    own_token: String,
    foreign_token: String,
    counter: std::sync::atomic::AtomicU32,
}

impl World {
    fn token(&self, role: Role) -> &str {
        &self.tokens.iter().find(|(r, _)| *r == role).unwrap().1
    }
    fn next(&self) -> u32 {
        self.counter
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    }
}

/// An active user made by the operator at `place` (0 Berlin, 1 Paris, 2 the other enterprise).
async fn fresh_user(
    t: &TestApp,
    w: &World,
    place: u8,
    role: &str,
    password: Option<&str>,
) -> (String, String) {
    let n = w.next();
    let (enterprise, site) = match place {
        0 => (t.fx.enterprise, t.fx.berlin),
        1 => (t.fx.enterprise, t.fx.paris),
        _ => (t.fx.other_enterprise, t.fx.other_site),
    };
    // No number (the pools are small), a unique extension instead.
    let mut body = t.user_body(
        "+490000000000",
        json!({ "site_id": site.to_string(), "role": role, "email": format!("m{n}@example.de"),
                "primary_number": null, "extension": format!("{}", 1000 + n) }),
    );
    if let Some(p) = password {
        body["password"] = json!(p);
        body["must_change_password"] = json!(false);
    }
    let created = t
        .post(
            &format!("/api/v1/enterprises/{enterprise}/users"),
            &t.fx.operator,
            body,
        )
        .await;
    assert_eq!(created.status, 201, "fixture user: {}", created.body);
    t.drain_jobs().await;
    (
        created.body["user"]["id"].as_str().unwrap().to_owned(),
        created.body["user"]["login_name"]
            .as_str()
            .unwrap()
            .to_owned(),
    )
}

async fn member_token(t: &TestApp, w: &World, role: &str) -> (String, String) {
    let (id, login) = fresh_user(t, w, 0, role, Some(STRONG)).await;
    let mut browser = WebClient::new(t);
    browser.sign_in_fully(&login, STRONG).await;
    browser.get("/security/tokens").await;
    let page = browser
        .post(
            "/security/tokens",
            &[("name", "matrix"), ("expires_in_days", "1")],
        )
        .await;
    (id, page.text_of("new-token").expect("personal token"))
}

/// Counts and versions of everything a write could touch.
async fn fingerprint(t: &TestApp) -> Vec<i64> {
    let mut conn = t.app.db().read().await.unwrap();
    let mut out = Vec::new();
    for table in [
        "enterprises",
        "sites",
        "departments",
        "teams",
        "licence_types",
        "device_types",
        "licence_purchases",
        "numbers",
        "users",
        "user_addons",
        "user_teams",
        "sip_credentials",
        "api_tokens",
        "audit_log",
        "jobs",
        "mail_outbox",
        "one_time_links",
        "portal_accounts",
        "portal_sessions",
    ] {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        out.push(row.get::<i64, _>(0));
    }
    for sql in [
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM users",
        "SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM enterprises",
        "SELECT CAST(COALESCE(SUM(assigned), 0) AS BIGINT) FROM licence_pools",
        "SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NOT NULL",
        "SELECT COUNT(*) FROM numbers WHERE user_id IS NOT NULL",
    ] {
        let row = sqlx::query(sql).fetch_one(&mut *conn).await.unwrap();
        out.push(row.get::<i64, _>(0));
    }
    out
}

async fn a1_a2_every_operation_for_every_role_and_target_follows_the_matrix(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let mut w = World {
        tokens: vec![
            (Role::Operator, t.fx.operator.clone()),
            (Role::EnterpriseAdmin, t.fx.admin.clone()),
            (Role::SiteAdmin, t.fx.site_admin.clone()),
        ],
        me: Vec::new(),
        berlin_user: String::new(),
        paris_user: String::new(),
        foreign_user: String::new(),
        job: String::new(),
        own_token: String::new(),
        foreign_token: String::new(),
        counter: std::sync::atomic::AtomicU32::new(1),
    };
    // Enough licences for every user the matrix makes.
    for enterprise in [t.fx.enterprise, t.fx.other_enterprise] {
        for licence in ["voice-basic", "additional-number"] {
            let bought = t
                .post(
                    &format!("/api/v1/enterprises/{enterprise}/licence-purchases"),
                    &t.fx.operator,
                    json!({ "licence": licence, "quantity": 500 }),
                )
                .await;
            assert_eq!(bought.status.as_u16() / 100, 2, "{}", bought.body);
        }
    }
    for (role, name) in [(Role::TeamLead, "team_lead"), (Role::User, "user")] {
        let (id, token) = member_token(&t, &w, name).await;
        w.tokens.push((role, token));
        w.me.push((role, id));
    }
    w.berlin_user = fresh_user(&t, &w, 0, "user", None).await.0;
    w.paris_user = fresh_user(&t, &w, 1, "user", None).await.0;
    w.foreign_user = fresh_user(&t, &w, 2, "user", None).await.0;
    w.job = t.get("/api/v1/jobs?limit=1", &t.fx.operator).await.body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (enterprise, slot) in [(t.fx.enterprise, 0), (t.fx.other_enterprise, 1)] {
        let made = t
            .post("/api/v1/tokens", &t.fx.operator, json!({ "name": "victim", "scope": "enterprise", "enterprise_id": enterprise.to_string() }))
            .await;
        let id = made.body["id"].as_str().unwrap().to_owned();
        if slot == 0 {
            w.own_token = id
        } else {
            w.foreign_token = id
        }
    }
    let foreign_markers = [
        t.fx.other_enterprise.to_string(),
        "Dupont SA".to_owned(),
        "dupont.sip.test".to_owned(),
        w.foreign_user.clone(),
    ];

    let mut cells = 0;
    let mut failures = Vec::new();
    for op in ops() {
        for role in ROLES {
            for target in targets(op.scope, role) {
                let expect = expected(&op, role, target);
                cells += 1;
                let (path, body) = request_for(&t, &w, &op, role, target, expect).await;
                let before = (op.method != Method::GET && expect != Expect::Allowed)
                    .then_some(fingerprint(&t).await);
                let response = t
                    .call(
                        op.method.clone(),
                        &format!("/api/v1{path}"),
                        w.token(role),
                        body,
                        None,
                    )
                    .await;
                let status = response.status.as_u16();
                let ok = match expect {
                    Expect::Allowed => ![401, 403, 404].contains(&status) && status < 500,
                    Expect::Forbidden => status == 403 && response.body["code"] == "forbidden",
                    Expect::NotFound => status == 404 && response.body["code"] == "not-found",
                    Expect::Invalid => status == 422,
                };
                if !ok {
                    failures.push(format!(
                        "{} {:?} {:?}: expected {expect:?}, got {status} {}",
                        op.name, role, target, response.body
                    ));
                }
                if let Some(before) = before {
                    let after = fingerprint(&t).await;
                    if before != after {
                        failures.push(format!(
                            "{} {:?} {:?}: the database changed after a refusal",
                            op.name, role, target
                        ));
                    }
                }
                if role != Role::Operator {
                    let text = response.body.to_string();
                    for marker in &foreign_markers {
                        if text.contains(marker.as_str()) {
                            failures.push(format!(
                                "{} {:?} {:?}: foreign data ({marker}) in the answer",
                                op.name, role, target
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(cells > 500, "{cells} cells");
    assert!(
        failures.is_empty(),
        "{} of {cells} cells differ from docs/roles.md:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The path and a valid body of one cell. Allowed writes get a fresh target of their own, so
/// that one cell's success (a deletion, say) does not change another's premise.
async fn request_for(
    t: &TestApp,
    w: &World,
    op: &Op,
    role: Role,
    target: Target,
    expect: Expect,
) -> (String, Option<Value>) {
    let n = w.next();
    let missing = uuid::Uuid::now_v7().to_string();
    let enterprise = match target {
        Target::OtherEnterprise => t.fx.other_enterprise.to_string(),
        Target::Missing => missing.clone(),
        _ => t.fx.enterprise.to_string(),
    };
    let fresh_write = expect == Expect::Allowed && op.method != Method::GET;
    let id = match op.scope {
        Scope::Global => String::new(),
        Scope::Enterprise => enterprise.clone(),
        Scope::Site => match target {
            Target::Own => t.fx.berlin.to_string(),
            Target::OtherSite => t.fx.paris.to_string(),
            Target::OtherEnterprise => t.fx.other_site.to_string(),
            _ => missing.clone(),
        },
        Scope::User => match target {
            Target::Missing => missing.clone(),
            Target::Me => w.me.iter().find(|(r, _)| *r == role).unwrap().1.clone(),
            place if fresh_write => {
                let place = match place {
                    Target::Own => 0,
                    Target::OtherSite => 1,
                    _ => 2,
                };
                fresh_user(t, w, place, "user", None).await.0
            }
            Target::Own => w.berlin_user.clone(),
            Target::OtherSite => w.paris_user.clone(),
            _ => w.foreign_user.clone(),
        },
        Scope::Job => {
            if target == Target::Missing {
                missing.clone()
            } else {
                w.job.clone()
            }
        }
        Scope::Token => match target {
            Target::Missing => missing.clone(),
            Target::OtherEnterprise if fresh_write => new_token(t, t.fx.other_enterprise).await,
            Target::OtherEnterprise => w.foreign_token.clone(),
            _ if fresh_write => new_token(t, t.fx.enterprise).await,
            _ => w.own_token.clone(),
        },
    };
    let mut number = "+493012345699".to_owned();
    if op.name == "remove_alternative_number" && fresh_write {
        number = if target == Target::OtherEnterprise {
            format!("+3347800005{}", n % 10)
        } else {
            format!("+4930123456{}", 50 + n % 40)
        };
        let added = t
            .post(
                &format!("/api/v1/users/{id}/alternative-numbers"),
                &t.fx.operator,
                json!({ "number": number }),
            )
            .await;
        assert_eq!(
            added.status.as_u16() / 100,
            2,
            "alternative number: {}",
            added.body
        );
    }
    let path = op
        .path
        .replace("{id}", &id)
        .replace("{number}", &number.replace('+', "%2B"));
    let site_for_new_user = match target {
        Target::OtherSite => t.fx.paris.to_string(),
        Target::OtherEnterprise => t.fx.other_site.to_string(),
        _ => t.fx.berlin.to_string(),
    };
    let body = match op.name {
        "create_enterprise" => Some(json!({ "name": format!("Matrix {n}"), "sip_domain": format!("m{n}.sip.test"), "contact_email": "it@matrix.test" })),
        "create_licence_type" => Some(json!({ "code": format!("m{n}"), "name": "Matrix", "kind": "addon", "monthly_price_cents": 100 })),
        "create_device_type" => Some(json!({ "code": format!("d{n}"), "name": "Matrix", "kind": "desk_phone" })),
        "create_token" => Some(json!({ "name": "matrix", "scope": "enterprise", "enterprise_id": t.fx.enterprise.to_string() })),
        "update_enterprise" => Some(json!({ "name": format!("Renamed {n}") })),
        "create_site" | "create_department" | "create_team" => Some(json!({ "name": format!("Unit {n}") })),
        "create_purchase" => Some(json!({ "licence": "voice-basic", "quantity": 1 })),
        "load_numbers" => Some(json!({ "number": format!("+4930999{n:05}") })),
        "create_user" => Some(t.user_body(
            "+490000000000",
            json!({ "site_id": site_for_new_user, "email": format!("new{n}@example.de"), "primary_number": null, "extension": format!("{}", 1000 + n) }),
        )),
        "update_user" => Some(json!({ "first_name": "Changed" })),
        "add_alternative_number" => Some(json!({ "number": "+493012345698" })),
        "deactivate" => Some(json!({ "action": "transfer_on_zero", "destination_user_id": w.berlin_user })),
        "set_password" => Some(json!({ "password": "violet harbour sings quietly" })),
        "require_two_step" => Some(json!({ "required": false })),
        _ => None,
    };
    (path, body)
}

async fn new_token(t: &TestApp, enterprise: switchboard_domain::EnterpriseId) -> String {
    let made = t
        .post("/api/v1/tokens", &t.fx.operator, json!({ "name": "to revoke", "scope": "enterprise", "enterprise_id": enterprise.to_string() }))
        .await;
    made.body["id"].as_str().unwrap().to_owned()
}
