//! Departments and teams kept in the portal (G-4, issue 19 item 7), over HTTP on both
//! databases: counted, renamed, deleted only while unused (the refusal names who uses them),
//! members added and removed on the team's page by name, and a plain user named lead given the
//! team lead role in the same step.

use serde_json::json;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    g4_departments_are_counted_renamed_and_deleted_only_when_unused,
    g4_a_teams_members_and_leads_are_chosen_on_its_page,
);

async fn admin(t: &TestApp) -> WebClient {
    let created = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "language": "en" }),
        )
        .await;
    let mut browser = WebClient::new(t);
    browser
        .sign_in_fully(created["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    browser
}

async fn g4_departments_are_counted_renamed_and_deleted_only_when_unused(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let mut browser = admin(&t).await;
    let sales = t.fx.sales.to_string();
    t.create_user(
        "+493012345610",
        json!({"first_name": "Søren", "last_name": "Kühn", "department_id": sales}),
    )
    .await;
    let page = browser.get("/organisation").await;
    assert!(
        page.contains("Sales</a> · <span class=\"muted\">People: 1</span>"),
        "{}",
        page.body
    );

    let at = format!("/organisation/departments/{sales}");
    browser.get(&at).await;
    let renamed = browser.post(&at, &[("name", "Vertrieb")]).await;
    assert_eq!(renamed.location.as_deref(), Some(at.as_str()));
    assert!(browser.get("/organisation").await.contains("Vertrieb</a>"));
    // Renamed to a name taken: refused at the field.
    t.post(
        &format!("/api/v1/enterprises/{}/departments", t.fx.enterprise),
        &t.fx.admin,
        json!({"name": "Einkauf"}),
    )
    .await;
    browser.get(&at).await;
    let taken = browser.post(&at, &[("name", "Einkauf")]).await;
    assert_eq!(taken.status, 422, "{}", taken.body);
    assert!(
        taken.contains("exists already") || taken.contains("Einkauf"),
        "{}",
        taken.body
    );

    // In use: the refusal names who is in it; nothing is deleted.
    browser.get(&at).await;
    let refused = browser.post(&at, &[("delete", "yes")]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.contains("Søren Kühn"), "{}", refused.body);
    assert!(browser.get("/organisation").await.contains("Vertrieb</a>"));

    // Unused: deleted, and gone from the page.
    let einkauf = t
        .get(
            &format!("/api/v1/enterprises/{}/departments", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    let einkauf = einkauf
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Einkauf")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let at = format!("/organisation/departments/{einkauf}");
    browser.get(&at).await;
    let deleted = browser.post(&at, &[("delete", "yes")]).await;
    assert_eq!(deleted.location.as_deref(), Some("/organisation"));
    assert!(!browser.get("/organisation").await.contains("Einkauf"));
    assert!(
        t.audit_actions(&einkauf)
            .await
            .iter()
            .any(|a| a == "department.deleted")
    );
}

async fn g4_a_teams_members_and_leads_are_chosen_on_its_page(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let mut browser = admin(&t).await;
    let emilie = t
        .create_active_user(
            "+493012345611",
            json!({"first_name": "Émilie", "last_name": "Rousseau"}),
        )
        .await;
    let emilie = emilie["id"].as_str().unwrap().to_owned();
    let team = t.fx.hotline.to_string();
    let at = format!("/organisation/teams/{team}");

    let found = browser.get(&format!("{at}?for=member&find=Rousseau")).await;
    assert!(
        found.contains(&format!("name=\"add\" value=\"{emilie}\"")),
        "{}",
        found.body
    );
    let added = browser.post(&at, &[("add", &emilie)]).await;
    assert_eq!(added.location.as_deref(), Some(at.as_str()));
    let page = browser.get(&at).await;
    assert!(page.contains("The member was added to the team."));
    assert!(page.contains(&format!("<a href=\"/users/{emilie}\">Émilie Rousseau</a>")));
    let user = t.get(&format!("/api/v1/users/{emilie}"), &t.fx.admin).await;
    assert_eq!(user.body["team_ids"], json!([team]));

    // A plain user named lead is given the team lead role in the same step.
    let found = browser.get(&format!("{at}?for=lead&find=Rousseau")).await;
    assert!(
        found.contains("Add, giving the team lead role"),
        "{}",
        found.body
    );
    let named = browser.post(&at, &[("add_lead", &emilie)]).await;
    assert_eq!(named.location.as_deref(), Some(at.as_str()));
    let user = t.get(&format!("/api/v1/users/{emilie}"), &t.fx.admin).await;
    assert_eq!(user.body["role"], "team_lead");
    let page = browser.get(&at).await;
    assert!(page.contains("id=\"team-leads\""), "{}", page.body);
    // An administrator is not offered as a lead, and says why.
    let found = browser.get(&format!("{at}?for=lead&find=Admin")).await;
    assert!(
        found.contains("Not offered: an administrator"),
        "{}",
        found.body
    );

    // The team is in use now: deleting it is refused naming her.
    browser.get(&at).await;
    let refused = browser.post(&at, &[("delete", "yes")]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("Émilie Rousseau"));
    // Removed from the team on its page.
    browser.get(&at).await;
    let removed = browser.post(&at, &[("remove", &emilie)]).await;
    assert_eq!(removed.location.as_deref(), Some(at.as_str()));
    let user = t.get(&format!("/api/v1/users/{emilie}"), &t.fx.admin).await;
    assert_eq!(user.body["team_ids"], json!([]));
}
