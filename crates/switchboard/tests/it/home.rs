//! The start page and the navigation (issue 19, item 1), over HTTP on both databases: the
//! administration menu and the header's search on every page an administrator sees; what needs
//! attention, each item a link to the list it is about (L-1, T-3, N-2, N-4); the recent changes in
//! words; a member led to their own pages; an operator's enterprises.

use std::sync::Arc;

use async_trait::async_trait;
use serde_json::json;
use switchboard_app::provisioner::{ProvisionError, ProvisionedUser, RemovedUser};
use switchboard_app::{NumberPattern, Provisioner, SimulatedProvisioner};

use crate::on_both_kinds;
use crate::support::{Kind, Options, TestApp};
use crate::web_client::{WebClient, signed_in_operator};

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    a1_every_page_an_administrator_sees_carries_the_administration_menu_and_search,
    l1_n2_n4_the_start_page_links_what_needs_attention_to_its_list,
    t3_a_push_the_phone_system_refused_is_named_on_the_start_page,
    a3_recent_changes_read_as_words_with_names_and_no_dead_links,
    a1_a_site_administrator_counts_only_their_sites,
    a1_an_operator_sees_the_enterprises_that_need_attention,
);

async fn signed_in(t: &TestApp, number: &str, role: &str, site: Option<String>) -> WebClient {
    let mut overrides = json!({ "password": STRONG, "must_change_password": false, "role": role,
                                "first_name": "Ada", "last_name": "Admin", "language": "en" });
    if let Some(site) = site {
        overrides["site_id"] = json!(site);
    }
    let created = t.create_user(number, overrides).await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    let mut browser = WebClient::new(t);
    browser.sign_in_fully(&login, STRONG).await;
    browser
}

/// The links of the header's menu on a page.
fn menu_links(body: &str) -> Vec<String> {
    let Some(start) = body.find("<div class=\"menu\"") else {
        return Vec::new();
    };
    let end = body[start..]
        .find("</nav>")
        .map_or(body.len(), |e| start + e);
    let part = &body[start..end];
    part.match_indices("href=\"")
        .map(|(i, m)| {
            let rest = &part[i + m.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

/// The attention items on the start page: (link, text).
fn attention(body: &str) -> Vec<(String, String)> {
    let Some(start) = body.find("id=\"attention\"") else {
        return Vec::new();
    };
    let end = body[start..].find("</ul>").unwrap() + start;
    let part = &body[start..end];
    part.match_indices("<a href=\"")
        .map(|(i, m)| {
            let rest = &part[i + m.len()..];
            let link = rest[..rest.find('"').unwrap()].replace("&#x2f;", "/");
            let text_start = rest.find('>').unwrap() + 1;
            let text =
                rest[text_start..text_start + rest[text_start..].find('<').unwrap()].to_owned();
            (link, text)
        })
        .collect()
}

async fn a1_every_page_an_administrator_sees_carries_the_administration_menu_and_search(
    kind: Kind,
) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let mut admin = signed_in(&t, "+493012345601", "enterprise_admin", None).await;
    for path in ["/", "/services", "/inbox", "/security", "/no-such-page"] {
        let page = admin.get(path).await;
        let links = menu_links(&page.body);
        for expected in [
            "/users",
            "/organisation",
            "/groups",
            "/licences",
            "/numbers",
            "/audit",
        ] {
            assert!(
                links.iter().any(|l| l == expected),
                "{path}: the menu lacks {expected}: {links:?}"
            );
        }
        assert!(
            page.contains("role=\"search\"") && page.contains("action=\"/users\""),
            "{path}: the header's search is missing"
        );
    }
    // The header's search finds a person by extension.
    let found = admin.get("/users?q=5601").await;
    assert!(found.contains("Ada Admin"), "{}", found.body);

    // A site administrator has the administration but not the audit log.
    let mut site_admin = signed_in(&t, "+493012345602", "site_admin", None).await;
    let links = menu_links(&site_admin.get("/inbox").await.body);
    assert!(links.iter().any(|l| l == "/users"), "{links:?}");
    assert!(!links.iter().any(|l| l == "/audit"), "{links:?}");

    // A member has no administration: their own pages only, and no people search.
    let mut member = signed_in(&t, "+493012345603", "user", None).await;
    let home = member.get("/").await;
    let links = menu_links(&home.body);
    assert!(!links.iter().any(|l| l == "/users"), "{links:?}");
    assert!(!home.contains("role=\"search\""));
    for own in ["/services", "/inbox", "/security"] {
        assert!(
            home.contains(&format!("class=\"button\" href=\"{own}\"")),
            "the member's start page leads to {own}"
        );
    }
}

async fn l1_n2_n4_the_start_page_links_what_needs_attention_to_its_list(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let mut admin = signed_in(&t, "+493012345601", "enterprise_admin", None).await;
    // Two users wait for activation, one fails it (the simulated carrier fails …666).
    t.create_user("+493012345610", json!({})).await;
    t.create_user("+493012345666", json!({})).await;
    t.drain_jobs().await;
    t.create_user("+493012345611", json!({})).await;
    t.create_user("+493012345612", json!({})).await;

    let home = admin.get("/").await;
    assert_eq!(home.status, 200);
    let items = attention(&home.body);
    let find = |link: &str| {
        items
            .iter()
            .find(|(l, _)| l == link)
            .unwrap_or_else(|| panic!("no item links to {link}: {items:?}"))
            .1
            .clone()
    };
    assert_eq!(
        find("/users?state=failed"),
        "Users whose activation failed: 1"
    );
    assert_eq!(
        find("/users?state=pending"),
        "Users waiting for activation: 2"
    );
    // N-2: the fixture bought 2 Voice Premium, 1 Supervisor, 3 Additional Number: all under
    // the default threshold of 5; Voice Basic (100) is not running out.
    let licence_items: Vec<&String> = items
        .iter()
        .filter(|(l, _)| l == "/licences")
        .map(|(_, text)| text)
        .collect();
    assert_eq!(licence_items.len(), 3, "{items:?}");
    assert!(
        licence_items
            .iter()
            .any(|t| *t == "voice-premium: only 2 free")
    );
    assert!(!licence_items.iter().any(|t| t.starts_with("voice-basic")));
    // N-4: 200 numbers loaded, 5 held by users.
    assert_eq!(find("/numbers?show=free"), "Free numbers in the pool: 195");

    // The administrator's own threshold: 0 leaves only exhausted types; a wrong one is refused
    // on the page, naming the field, and nothing is saved.
    let refused = admin
        .post("/home/threshold", &[("threshold", "lots")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("href=\"#threshold\""), "{}", refused.body);
    let saved = admin.post("/home/threshold", &[("threshold", "0")]).await;
    assert_eq!(saved.location.as_deref(), Some("/"));
    let home = admin.get("/").await;
    assert!(home.contains("The warning threshold is saved."));
    let items = attention(&home.body);
    assert!(
        !items.iter().any(|(l, _)| l == "/licences"),
        "no type is exhausted: {items:?}"
    );
    // The filtered list the item leads to is the list of those users.
    let failed = admin.get("/users?state=failed").await;
    assert_eq!(failed.status, 200);
    assert_eq!(failed.body.matches("data-user=\"").count(), 1);
}

/// A phone system that refuses every change of a user (T-3).
struct RefusingPhoneSystem;

#[async_trait]
impl Provisioner for RefusingPhoneSystem {
    fn name(&self) -> &'static str {
        "refusing"
    }

    async fn activate(&self, _user: &ProvisionedUser) -> Result<(), ProvisionError> {
        Ok(())
    }

    async fn update(&self, _user: &ProvisionedUser) -> Result<(), ProvisionError> {
        Err(ProvisionError::Rejected("SIP server refused".into()))
    }

    async fn remove(&self, _user: &RemovedUser) -> Result<(), ProvisionError> {
        Ok(())
    }
}

async fn t3_a_push_the_phone_system_refused_is_named_on_the_start_page(kind: Kind) {
    let options = Options {
        provisioner: Arc::new(RefusingPhoneSystem),
        ..Options::default()
    };
    let Some(t) = TestApp::spawn_with(kind, options).await else {
        return;
    };
    let mut admin = signed_in(&t, "+493012345601", "enterprise_admin", None).await;
    let created = t
        .create_user(
            "+493012345620",
            json!({ "first_name": "Zoë", "last_name": "Łukasik" }),
        )
        .await;
    let id = created["user"]["id"].as_str().unwrap().to_owned();
    t.drain_jobs().await;
    let items = attention(&admin.get("/").await.body);
    let push = items
        .iter()
        .find(|(l, _)| *l == format!("/users/{id}"))
        .unwrap_or_else(|| panic!("the refused push is not named: {items:?}"));
    assert_eq!(
        push.1,
        "Zoë Łukasik: the phone system does not have the latest change"
    );
}

async fn a3_recent_changes_read_as_words_with_names_and_no_dead_links(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let mut admin = signed_in(&t, "+493012345601", "enterprise_admin", None).await;
    let kept = t
        .create_user(
            "+493012345630",
            json!({ "first_name": "Émilie", "last_name": "Ørsted" }),
        )
        .await;
    let gone = t
        .create_user(
            "+493012345631",
            json!({ "first_name": "Jörg", "last_name": "Weiß" }),
        )
        .await;
    let gone_id = gone["user"]["id"].as_str().unwrap();
    let deleted = t
        .delete(&format!("/api/v1/users/{gone_id}"), &t.fx.operator)
        .await;
    assert_eq!(deleted.status, 204);

    let home = admin.get("/").await;
    let start = home.body.find("id=\"recent\"").expect("recent changes");
    let recent = &home.body[start..start + home.body[start..].find("</ul>").unwrap()];
    assert!(recent.contains("User deleted"), "{recent}");
    assert!(
        recent.contains("Jörg Weiß"),
        "the deleted user keeps their name"
    );
    assert!(
        !recent.contains(&format!("/users/{gone_id}")),
        "no link to a deleted user"
    );
    let kept_id = kept["user"]["id"].as_str().unwrap();
    assert!(recent.contains(&format!("href=\"/users/{kept_id}\">Émilie Ørsted</a>")));
    assert!(recent.contains("User added"));
    for raw in ["user.created", "user.deleted", "first_name", "T0", "T1"] {
        assert!(
            !recent.contains(raw),
            "a code or ISO time on the page: {raw}"
        );
    }
}

async fn a1_a_site_administrator_counts_only_their_sites(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let paris = Some(t.fx.paris.to_string());
    let mut site_admin = signed_in(&t, "+33123456601", "site_admin", paris.clone()).await;
    // One pending user in Paris (besides the site administrator), two in Berlin.
    t.create_user("+33123456610", json!({ "site_id": paris }))
        .await;
    t.create_user("+493012345610", json!({})).await;
    t.create_user("+493012345611", json!({})).await;
    let home = site_admin.get("/").await;
    let items = attention(&home.body);
    assert!(
        items
            .iter()
            .any(|(l, text)| l == "/users?state=pending"
                && text == "Users waiting for activation: 2"),
        "the site administrator and one Paris user: {items:?}"
    );
    // A site administrator does not read the audit log, so no recent changes either.
    assert!(!home.contains("id=\"recent\""));
}

async fn a1_an_operator_sees_the_enterprises_that_need_attention(kind: Kind) {
    let options = Options {
        provisioner: Arc::new(SimulatedProvisioner {
            activation_delay_ms: 0,
            fail_numbers: Some(NumberPattern("+*666".into())),
        }),
        ..Options::default()
    };
    let Some(t) = TestApp::spawn_with(kind, options).await else {
        return;
    };
    t.create_user("+493012345666", json!({})).await;
    t.drain_jobs().await;
    let (mut operator, _) = signed_in_operator(&t, "olga", STRONG).await;
    let home = operator.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.contains("<h3>Müller GmbH</h3>"), "{}", home.body);
    let link = format!(
        "/workspace?enterprise={}&#38;back=%2Fusers%3Fstate%3Dfailed",
        t.fx.enterprise
    );
    assert!(
        home.contains(&link),
        "the failing activation opens the enterprise's list: {}",
        home.body
    );
    assert!(home.contains("All 2 enterprises"));
    // Following it opens that enterprise's failed users.
    let into = operator.get(&link.replace("&#38;", "&")).await;
    assert_eq!(into.location.as_deref(), Some("/users?state=failed"));
    let list = operator.get("/users?state=failed").await;
    assert_eq!(list.body.matches("data-user=\"").count(), 1);
}
