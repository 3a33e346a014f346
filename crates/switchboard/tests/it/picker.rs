//! The people picker (issue 19 item 2), over HTTP on both databases: people are found by name,
//! extension or email and added to a group by clicking, not by typing an extension; who may not
//! be chosen is shown with the reason (L-2, G-3) and no Add button — the same rules the service
//! enforces; a supervisor may be anyone in reach (G-2).

use serde_json::json;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::{Page, WebClient};

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    g1_l2_members_are_found_by_name_and_added_by_clicking,
    g2_a_supervisor_is_found_on_any_site_and_g3_pickup_once,
    g6_an_attendants_menu_says_what_each_key_reaches_by_name,
);

async fn admin(t: &TestApp) -> WebClient {
    let created = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690", "language": "en" }),
        )
        .await;
    let mut browser = WebClient::new(t);
    browser
        .sign_in_fully(created["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    browser
}

async fn group(
    t: &TestApp,
    site: String,
    kind: &str,
    name: &str,
    extension: Option<&str>,
) -> String {
    let mut body = json!({"site_id": site, "kind": kind, "name": name});
    if let Some(extension) = extension {
        body["extension"] = json!(extension);
    }
    let created = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            body,
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.body);
    created.body["id"].as_str().unwrap().to_owned()
}

/// The picker's list of `role`: (name, the user id an Add button carries, or the reason shown).
fn candidates(page: &Page, role: &str) -> Vec<(String, Result<String, String>)> {
    let start = page
        .body
        .find(&format!("id=\"{role}-candidates\""))
        .unwrap_or_else(|| panic!("no {role} candidates: {}", page.body));
    let end = page.body[start..].find("</ul>").unwrap() + start;
    page.body[start..end]
        .split("<li>")
        .skip(1)
        .filter_map(|item| {
            let name = item
                .split("<strong>")
                .nth(1)?
                .split("</strong>")
                .next()?
                .to_owned();
            let offered = match item.split("name=\"add\" value=\"").nth(1) {
                Some(rest) => Ok(rest.split('"').next().unwrap().to_owned()),
                None => Err(item
                    .split("class=\"muted not-offered\">")
                    .nth(1)
                    .and_then(|r| r.split('<').next())
                    .unwrap_or("")
                    .to_owned()),
            };
            Some((name, offered))
        })
        .collect()
}

async fn g1_l2_members_are_found_by_name_and_added_by_clicking(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let active = t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Jürgen", "last_name": "Müller", "extension": "602"}),
        )
        .await;
    let active_id = active["id"].as_str().unwrap().to_owned();
    t.create_active_user(
        "+33123456605",
        json!({"first_name": "Marie", "last_name": "Müller", "site_id": t.fx.paris.to_string()}),
    )
    .await;
    // Created last: creating an active user above runs the activations of everyone pending.
    t.create_user(
        "+493012345604",
        json!({"first_name": "Paula", "last_name": "Müller", "extension": "604"}),
    )
    .await;
    let mut browser = admin(&t).await;
    let hunt = group(&t, t.fx.berlin.to_string(), "hunt", "Vertrieb", Some("700")).await;

    let page = browser
        .get(&format!("/groups/{hunt}?for=member&find=M%C3%BCller"))
        .await;
    assert_eq!(page.status, 200);
    let found = candidates(&page, "member");
    assert_eq!(found.len(), 2, "Berlin's Müllers, not Paris's: {found:?}");
    let jurgen = found.iter().find(|(n, _)| n == "Jürgen Müller").unwrap();
    assert_eq!(jurgen.1.as_deref(), Ok(active_id.as_str()));
    let paula = found.iter().find(|(n, _)| n == "Paula Müller").unwrap();
    assert_eq!(
        paula.1.as_deref().unwrap_err(),
        "Not offered: Pending — a hunt group or call centre takes active users only.",
        "L-2 said, and no Add button"
    );

    // Clicking Add: Jürgen is a member, and the picker says so next time.
    let added = browser
        .post(&format!("/groups/{hunt}/members"), &[("add", &active_id)])
        .await;
    assert_eq!(added.location.as_deref(), Some(&*format!("/groups/{hunt}")));
    let members = t.get(&format!("/api/v1/groups/{hunt}"), &t.fx.admin).await;
    assert_eq!(members.body["members"][0]["user_id"], active_id);
    let again = browser
        .get(&format!("/groups/{hunt}?for=member&find=602"))
        .await;
    let found = candidates(&again, "member");
    assert_eq!(found.len(), 1, "by extension: {found:?}");
    assert_eq!(found[0].1.as_deref().unwrap_err(), "Already in");

    let nobody = browser
        .get(&format!("/groups/{hunt}?for=member&find=Zebulon"))
        .await;
    assert!(candidates(&nobody, "member").is_empty());
    assert!(nobody.contains("Nobody found"));
}

async fn g2_a_supervisor_is_found_on_any_site_and_g3_pickup_once(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let marie = t
        .create_user(
            "+33123456605",
            json!({"first_name": "Marie", "last_name": "Curie", "site_id": t.fx.paris.to_string()}),
        )
        .await;
    let marie_id = marie["user"]["id"].as_str().unwrap().to_owned();
    let mut browser = admin(&t).await;
    let centre = group(
        &t,
        t.fx.berlin.to_string(),
        "call_centre",
        "Support",
        Some("800"),
    )
    .await;
    let page = browser
        .get(&format!("/groups/{centre}?for=supervisor&find=Curie"))
        .await;
    let found = candidates(&page, "supervisor");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].1.as_deref(),
        Ok(marie_id.as_str()),
        "G-2: anyone may supervise, pending and of another site"
    );
    let added = browser
        .post(
            &format!("/groups/{centre}/supervisors"),
            &[("add", &marie_id)],
        )
        .await;
    assert_eq!(
        added.location.as_deref(),
        Some(&*format!("/groups/{centre}"))
    );
    let centre_now = t
        .get(&format!("/api/v1/groups/{centre}"), &t.fx.admin)
        .await;
    assert_eq!(centre_now.body["supervisors"][0]["user_id"], marie_id);

    // G-3: someone in a pickup group is not offered for another.
    let bert = t
        .create_user(
            "+493012345606",
            json!({"first_name": "Bert", "last_name": "Berg", "extension": "606"}),
        )
        .await;
    let bert_id = bert["user"]["id"].as_str().unwrap().to_owned();
    let first = group(&t, t.fx.berlin.to_string(), "pickup", "Lager", None).await;
    let second = group(&t, t.fx.berlin.to_string(), "pickup", "Büro", None).await;
    // As a person does: find him on the first group's page, then click Add.
    let page = browser
        .get(&format!("/groups/{first}?for=member&find=Berg"))
        .await;
    assert_eq!(
        candidates(&page, "member")[0].1.as_deref(),
        Ok(bert_id.as_str())
    );
    let joined = browser
        .post(&format!("/groups/{first}/members"), &[("add", &bert_id)])
        .await;
    assert_eq!(
        joined.location.as_deref(),
        Some(&*format!("/groups/{first}"))
    );
    let first_group = t.get(&format!("/api/v1/groups/{first}"), &t.fx.admin).await;
    assert_eq!(first_group.body["members"][0]["user_id"], bert_id);
    let page = browser
        .get(&format!("/groups/{second}?for=member&find=Berg"))
        .await;
    let found = candidates(&page, "member");
    assert!(
        found[0]
            .1
            .as_deref()
            .unwrap_err()
            .contains("the call pickup group Lager already"),
        "{found:?}"
    );
}

async fn g6_an_attendants_menu_says_what_each_key_reaches_by_name(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    t.create_active_user(
        "+493012345602",
        json!({"first_name": "Bob", "last_name": "Becker", "extension": "602"}),
    )
    .await;
    let mut browser = admin(&t).await;
    group(&t, t.fx.berlin.to_string(), "hunt", "Hotline", Some("700")).await;
    let attendant = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant", "name": "Zentrale",
                   "extension": "900", "menu": {"business": {"keys": {
                       "1": "700", "2": "voicemail 602", "3": "+493012345699"},
                       "no_input": "602"}}}),
        )
        .await;
    assert_eq!(attendant.status.as_u16(), 201, "{}", attendant.body);
    let id = attendant.body["id"].as_str().unwrap();
    let page = browser.get(&format!("/groups/{id}")).await;
    for reached in [
        "<td class=\"reaches\">Hotline (Hunt group)</td>",
        "<td class=\"reaches\">the voicemail of Bob Becker</td>",
        "<td class=\"reaches\">the number +493012345699</td>",
        "Reaches: Bob Becker",
    ] {
        assert!(page.contains(reached), "{reached}: {}", page.body);
    }
}
