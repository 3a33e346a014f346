//! Call centres and their campaigns (G-2) and auto attendants (G-6) over HTTP and in the
//! portal, on both databases:
//! active agents only (L-2), supervisors of any state, campaigns whose agents are the call
//! centre's, the users list filtered by campaign and by group (seed 003), and a deleted user
//! gone from four kinds of group with the others told (L-4); auto attendants whose keys reach
//! those groups and a user's voicemail, with no loops between them.

use serde_json::{Value, json};

use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;
use crate::{on_both_databases, on_both_kinds};

const STRONG: &str = "copper kettle drifts north";

on_both_databases!(
    g2_l2_a_call_centre_queues_for_active_agents_and_any_user_may_supervise,
    g2_campaigns_take_the_call_centres_agents_and_the_users_list_filters_by_them,
    g6_an_auto_attendants_keys_reach_a_hunt_group_a_call_centre_and_a_users_voicemail,
);

on_both_kinds!(
    g2_l4_a_deleted_user_leaves_four_kinds_of_group_and_the_others_are_told,
    g2_a_call_centre_with_a_campaign_is_built_in_the_portal,
    g6_an_auto_attendant_is_set_up_in_the_portal_in_german,
);

fn id(v: &Value) -> String {
    v["id"]
        .as_str()
        .or(v["user"]["id"].as_str())
        .unwrap()
        .to_owned()
}

async fn group(t: &TestApp, body: Value) -> crate::support::Response {
    t.post(
        &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
        &t.fx.admin,
        body,
    )
    .await
}

async fn put(t: &TestApp, path: &str, users: &[&str]) -> crate::support::Response {
    t.call(
        reqwest::Method::PUT,
        path,
        &t.fx.admin,
        Some(json!({ "user_ids": users })),
        None,
    )
    .await
}

fn first_names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| m["first_name"].as_str().unwrap())
        .collect()
}

async fn call_centre(t: &TestApp, name: &str, extension: &str) -> String {
    let created = group(
        t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "call_centre", "name": name,
               "extension": extension}),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    id(&created.body)
}

async fn g2_l2_a_call_centre_queues_for_active_agents_and_any_user_may_supervise(t: TestApp) {
    let anna = id(&t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "extension": "602"}),
        )
        .await);
    let paul = id(&t
        .create_user(
            "+493012345604",
            json!({"first_name": "Paul", "extension": "604"}),
        )
        .await);

    // Bad settings: each field named, nothing written.
    let refused = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "call_centre", "name": "Support",
               "queue_length": 0, "no_answer_seconds": 20}),
    )
    .await;
    refused.problem(422, "validation");
    assert_eq!(
        refused.failing_fields(),
        ["no_answer_seconds", "extension", "queue_length"]
    );
    let listed = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/groups?kind=call_centre",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    assert!(listed.body["items"].as_array().unwrap().is_empty());

    // A call centre: reached by an extension, circular distribution and a queue of 10 calls
    // by default, overflowing to a number.
    let created = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "call_centre", "name": "Support",
               "extension": "800", "forward_to": "+493099999999"}),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["kind"], "call_centre");
    assert_eq!(created.body["ring_policy"], "circular");
    assert_eq!(created.body["queue_length"], 10);
    assert_eq!(created.body["forward_to"], "+493099999999");
    let support = id(&created.body);
    // Its extension is the enterprise's: a user cannot take it.
    let taken = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body("+493012345605", json!({"extension": "800"})),
        )
        .await;
    taken.problem(409, "extension-taken");

    let changed = t
        .patch(
            &format!("/api/v1/groups/{support}"),
            &t.fx.admin,
            Some("\"v1\""),
            json!({"queue_length": 25, "ring_policy": "uniform"}),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["queue_length"], 25);
    let too_long = t
        .patch(
            &format!("/api/v1/groups/{support}"),
            &t.fx.admin,
            Some("*"),
            json!({"queue_length": 51}),
        )
        .await;
    too_long.problem(422, "validation");
    assert_eq!(too_long.failing_fields(), ["queue_length"]);

    // L-2: agents must be active; the pending Paul is refused by name.
    let refused = put(
        &t,
        &format!("/api/v1/groups/{support}/members"),
        &[&anna, &paul],
    )
    .await;
    let problem = refused.problem(409, "user-not-active");
    assert!(
        problem["detail"].as_str().unwrap().contains("Paul"),
        "{problem}"
    );
    let agents = put(&t, &format!("/api/v1/groups/{support}/members"), &[&anna]).await;
    assert_eq!(agents.status, 200, "{}", agents.body);
    assert_eq!(first_names(&agents.body["members"]), ["Anna"]);

    // Supervisors: anyone, pending Paul too.
    let supervised = put(
        &t,
        &format!("/api/v1/groups/{support}/supervisors"),
        &[&paul],
    )
    .await;
    assert_eq!(supervised.status, 200, "{}", supervised.body);
    assert_eq!(first_names(&supervised.body["supervisors"]), ["Paul"]);
    let read = t
        .get(&format!("/api/v1/groups/{support}"), &t.fx.admin)
        .await;
    assert_eq!(first_names(&read.body["supervisors"]), ["Paul"]);
    assert_eq!(read.body["campaigns"], json!([]));
    assert_eq!(read.body["queue_length"], 25);

    // Only call centres have supervisors and campaigns.
    let hunt = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline",
               "extension": "700"}),
    )
    .await;
    let hunt = id(&hunt.body);
    put(&t, &format!("/api/v1/groups/{hunt}/supervisors"), &[&anna])
        .await
        .problem(409, "not-a-call-centre");
    t.post(
        &format!("/api/v1/groups/{hunt}/campaigns"),
        &t.fx.admin,
        json!({"name": "Spring", "direction": "inbound"}),
    )
    .await
    .problem(409, "not-a-call-centre");
    let hunt_read = t.get(&format!("/api/v1/groups/{hunt}"), &t.fx.admin).await;
    assert!(hunt_read.body.get("supervisors").is_none());

    // Another enterprise's administrator: not found, the campaigns neither.
    t.get(&format!("/api/v1/groups/{support}"), &t.fx.other_admin)
        .await
        .problem(404, "not-found");
}

async fn g2_campaigns_take_the_call_centres_agents_and_the_users_list_filters_by_them(t: TestApp) {
    let anna = id(&t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "extension": "602"}),
        )
        .await);
    let bert = id(&t
        .create_active_user(
            "+493012345603",
            json!({"first_name": "Bert", "extension": "603"}),
        )
        .await);
    let carl = id(&t
        .create_active_user(
            "+493012345604",
            json!({"first_name": "Carl", "extension": "604"}),
        )
        .await);
    let support = call_centre(&t, "Support", "800").await;
    put(
        &t,
        &format!("/api/v1/groups/{support}/members"),
        &[&anna, &bert],
    )
    .await;

    let campaigns = format!("/api/v1/groups/{support}/campaigns");
    let bad = t
        .post(
            &campaigns,
            &t.fx.admin,
            json!({"name": "", "direction": "sideways"}),
        )
        .await;
    bad.problem(422, "validation");
    assert_eq!(bad.failing_fields(), ["name", "direction"]);
    let spring = t
        .post(
            &campaigns,
            &t.fx.admin,
            json!({"name": "Spring sale", "direction": "outbound"}),
        )
        .await;
    assert_eq!(spring.status, 201, "{}", spring.body);
    assert_eq!(spring.body["direction"], "outbound");
    let spring = id(&spring.body);
    t.post(
        &campaigns,
        &t.fx.admin,
        json!({"name": "Spring sale", "direction": "inbound"}),
    )
    .await
    .problem(409, "name-taken");
    let hotline = t
        .post(
            &campaigns,
            &t.fx.admin,
            json!({"name": "Hotline", "direction": "inbound"}),
        )
        .await;
    let hotline = id(&hotline.body);

    // A campaign's agents are the call centre's: Carl is not one.
    let refused = put(
        &t,
        &format!("/api/v1/campaigns/{spring}/agents"),
        &[&anna, &carl],
    )
    .await;
    refused.problem(422, "validation");
    assert_eq!(refused.failing_fields(), ["user_ids[1]"]);
    let set = put(
        &t,
        &format!("/api/v1/campaigns/{spring}/agents"),
        &[&bert, &anna],
    )
    .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(first_names(&set.body["agents"]), ["Anna", "Bert"]);
    put(&t, &format!("/api/v1/campaigns/{hotline}/agents"), &[&bert]).await;

    // Seed 003: the users list by campaign, and by group.
    let listed = |query: String| {
        let t = &t;
        async move {
            let page = t
                .get(
                    &format!("/api/v1/enterprises/{}/users?{query}", t.fx.enterprise),
                    &t.fx.admin,
                )
                .await;
            assert_eq!(page.status, 200, "{}", page.body);
            first_names(&page.body["items"])
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        listed(format!("campaign_id={spring}")).await,
        ["Anna", "Bert"]
    );
    assert_eq!(listed(format!("campaign_id={hotline}")).await, ["Bert"]);
    assert_eq!(
        listed(format!("group_id={support}")).await,
        ["Anna", "Bert"]
    );
    let bad_filter = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/users?campaign_id=spring",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(bad_filter.failing_fields(), ["campaign_id"]);

    // An agent who leaves the call centre leaves its campaigns with it.
    put(&t, &format!("/api/v1/groups/{support}/members"), &[&anna]).await;
    assert_eq!(listed(format!("campaign_id={spring}")).await, ["Anna"]);
    assert!(listed(format!("campaign_id={hotline}")).await.is_empty());
    let read = t
        .get(&format!("/api/v1/groups/{support}"), &t.fx.admin)
        .await;
    let names: Vec<&str> = read.body["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Hotline", "Spring sale"]);

    // Deleting a campaign keeps the agents in the call centre; deleting the call centre takes
    // its campaigns with it.
    let gone = t
        .delete(&format!("/api/v1/campaigns/{hotline}"), &t.fx.admin)
        .await;
    assert_eq!(gone.status, 204, "{}", gone.body);
    t.get(&format!("/api/v1/campaigns/{hotline}"), &t.fx.admin)
        .await
        .problem(404, "not-found");
    assert_eq!(listed(format!("group_id={support}")).await, ["Anna"]);
    t.delete(&format!("/api/v1/groups/{support}"), &t.fx.admin)
        .await;
    t.get(&format!("/api/v1/campaigns/{spring}"), &t.fx.admin)
        .await
        .problem(404, "not-found");
}

async fn g2_l4_a_deleted_user_leaves_four_kinds_of_group_and_the_others_are_told(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let leaver = id(&t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Lea", "last_name": "Leaver", "extension": "602"}),
        )
        .await);
    let stayer = t
        .create_active_user(
            "+493012345603",
            json!({"first_name": "Sophie", "last_name": "Reste", "extension": "603",
                   "language": "fr", "password": STRONG, "must_change_password": false}),
        )
        .await;
    let stayer_id = id(&stayer);
    let berlin = t.fx.berlin.to_string();
    let mut groups = Vec::new();
    for body in [
        json!({"site_id": berlin, "kind": "hunt", "name": "Hotline", "extension": "700"}),
        json!({"site_id": berlin, "kind": "call_centre", "name": "Support", "extension": "800"}),
        json!({"site_id": berlin, "kind": "pickup", "name": "Etage 1"}),
        json!({"site_id": berlin, "kind": "park", "name": "Accueil"}),
    ] {
        let g = group(&t, body).await;
        assert_eq!(g.status, 201, "{}", g.body);
        let g = id(&g.body);
        let set = put(
            &t,
            &format!("/api/v1/groups/{g}/members"),
            &[&leaver, &stayer_id],
        )
        .await;
        assert_eq!(set.status, 200, "{}", set.body);
        groups.push(g);
    }
    let support = &groups[1];
    put(
        &t,
        &format!("/api/v1/groups/{support}/supervisors"),
        &[&leaver],
    )
    .await;
    let campaign = t
        .post(
            &format!("/api/v1/groups/{support}/campaigns"),
            &t.fx.admin,
            json!({"name": "Printemps", "direction": "inbound"}),
        )
        .await;
    let campaign = id(&campaign.body);
    put(
        &t,
        &format!("/api/v1/campaigns/{campaign}/agents"),
        &[&leaver, &stayer_id],
    )
    .await;
    let of_user = t
        .get(&format!("/api/v1/users/{leaver}/groups"), &t.fx.admin)
        .await;
    assert_eq!(of_user.body["items"].as_array().unwrap().len(), 4);

    let deleted = t
        .delete(&format!("/api/v1/users/{leaver}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);

    // Gone from every group, from the supervisors and from the campaign; the others stay.
    for g in &groups {
        let read = t.get(&format!("/api/v1/groups/{g}"), &t.fx.admin).await;
        assert_eq!(
            first_names(&read.body["members"]),
            ["Sophie"],
            "{}",
            read.body
        );
    }
    let read = t
        .get(&format!("/api/v1/groups/{support}"), &t.fx.admin)
        .await;
    assert_eq!(read.body["supervisors"], json!([]));
    assert_eq!(
        first_names(&read.body["campaigns"][0]["agents"]),
        ["Sophie"]
    );

    // L-4: Sophie is told once per group, in French, the call centre included.
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(stayer["login_name"].as_str().unwrap(), STRONG)
        .await;
    let home = browser.get("/").await;
    assert_eq!(
        home.text_of("unread").as_deref(),
        Some("4"),
        "{}",
        home.body
    );
    let inbox = browser.get("/inbox").await;
    assert!(
        inbox.contains(
            "Lea Leaver a été supprimé et ne fait plus partie du Centre d&#39;appels « Support »."
        ),
        "{}",
        inbox.body
    );
}

async fn g2_a_call_centre_with_a_campaign_is_built_in_the_portal(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let anna = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Anna", "last_name": "Aktiv", "extension": "602" }),
        )
        .await;
    t.create_user(
        "+493012345604",
        json!({ "first_name": "Paul", "last_name": "Pending", "extension": "604" }),
    )
    .await;
    let admin = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690" }),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(admin["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;

    let answer = browser
        .post(
            "/groups",
            &[
                ("kind", "call_centre"),
                ("name", "Support"),
                ("site_id", &t.fx.berlin.to_string()),
                ("extension", "800"),
            ],
        )
        .await;
    let at = answer.location.clone().expect("to the new call centre");
    let page = browser.get(&at).await;
    assert!(page.contains("The group was created."), "{}", page.body);
    assert_eq!(page.text_of("group-kind").as_deref(), Some("Call centre"));
    assert!(page.contains("id=\"queue_length\""), "{}", page.body);
    assert!(page.contains("When the queue is full, send calls to"));

    // L-2 in words: a pending agent is refused at the field.
    let refused = browser
        .post(&format!("{at}/members"), &[("add", "604")])
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.contains("Not possible while the user is &#34;Pending&#34;"),
        "{}",
        refused.body
    );
    browser
        .post(&format!("{at}/members"), &[("add", "602")])
        .await;
    // Anyone may supervise: Paul, pending.
    browser.get(&at).await;
    let supervised = browser
        .post(&format!("{at}/supervisors"), &[("add", "604")])
        .await;
    assert_eq!(supervised.location.as_deref(), Some(at.as_str()));
    assert!(browser.get(&at).await.contains("The supervisor was added."));
    let unknown = browser
        .post(&format!("{at}/supervisors"), &[("add", "999")])
        .await;
    assert!(
        unknown.contains("No user has extension 999."),
        "{} {:?} {}",
        unknown.status,
        unknown.location,
        unknown.body
    );

    // A campaign without a name is refused at its own field; then one is made.
    let refused = browser
        .post(
            &format!("{at}/campaigns"),
            &[("name", ""), ("direction", "inbound")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.contains("id=\"campaign_name-error\""),
        "{}",
        refused.body
    );
    browser
        .post(
            &format!("{at}/campaigns"),
            &[("name", "Spring sale"), ("direction", "outbound")],
        )
        .await;
    let page = browser.get(&at).await;
    assert!(page.contains("The campaign was created."), "{}", page.body);
    assert!(
        page.contains("Pending, Paul"),
        "Paul supervises: {}",
        page.body
    );
    let marker = "action=\"/campaigns/";
    let start = page.body.find(marker).expect("a campaign form") + marker.len();
    let campaign = page.body[start..start + 36].to_owned();
    let anna_id = anna["id"].as_str().unwrap();
    assert!(page.contains("Aktiv, Anna"), "an agent: {}", page.body);
    browser
        .post(
            &format!("/campaigns/{campaign}/agents"),
            &[("agent", anna_id)],
        )
        .await;
    let page = browser.get(&at).await;
    assert!(
        page.contains("The campaign&#39;s agents were saved."),
        "{}",
        page.body
    );
    assert!(
        page.contains(&format!("value=\"{anna_id}\" checked")),
        "{}",
        page.body
    );

    // Seed 003: the campaigns column and the campaign filter of the users list.
    browser
        .post(
            "/users/columns",
            &[("column", "extension"), ("column", "campaigns")],
        )
        .await;
    let list = browser.get(&format!("/users?campaign={campaign}")).await;
    assert!(list.contains("data-column=\"campaigns\""), "{}", list.body);
    assert!(list.contains("<td>Spring sale</td>"), "{}", list.body);
    assert!(
        list.contains("Campaigns: Spring sale"),
        "the chip: {}",
        list.body
    );
    assert!(list.contains("Aktiv, Anna"));
    assert!(!list.contains("Pending, Paul"), "{}", list.body);

    // Deleting the campaign is confirmed first.
    browser.get(&at).await;
    let unconfirmed = browser
        .post(&format!("/campaigns/{campaign}/delete"), &[])
        .await;
    assert_eq!(unconfirmed.location.as_deref(), Some(at.as_str()));
    assert!(
        browser
            .get(&at)
            .await
            .contains("Tick the box to confirm the deletion of the campaign.")
    );
    browser
        .post(
            &format!("/campaigns/{campaign}/delete"),
            &[("confirmed", "yes")],
        )
        .await;
    let page = browser.get(&at).await;
    assert!(page.contains("The campaign was deleted."));
    assert!(!page.contains("Spring sale"), "{}", page.body);
}

async fn g6_an_auto_attendants_keys_reach_a_hunt_group_a_call_centre_and_a_users_voicemail(
    t: TestApp,
) {
    let anna = id(&t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "extension": "602"}),
        )
        .await);
    let hotline = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline",
               "extension": "700"}),
    )
    .await;
    let hotline = id(&hotline.body);
    call_centre(&t, "Support", "800").await;

    // Unknown destinations and bad hours: each named, nothing written.
    let refused = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant", "name": "Reception",
               "extension": "900",
               "menu": {"hours": {"days": [1, 2, 3, 4, 5], "opens": "18:00", "closes": "08:00"},
                        "business": {"keys": {"1": "700", "2": "555", "3": "voicemail 700", "#": "reception"}}}}),
    )
    .await;
    refused.problem(422, "validation");
    assert_eq!(
        refused.failing_fields(),
        ["hours.closes", "business.keys.#"]
    );
    let refused = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant", "name": "Reception",
               "extension": "900",
               "menu": {"business": {"keys": {"1": "700", "2": "555", "3": "voicemail 700"}}}}),
    )
    .await;
    refused.problem(422, "validation");
    assert_eq!(
        refused.failing_fields(),
        ["business.keys.2", "business.keys.3"]
    );

    // Keys to the hunt group, the call centre and Anna's voicemail; out of hours to a number.
    let created = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant", "name": "Reception",
               "extension": "900",
               "menu": {"hours": {"days": [5, 1, 2, 3, 4], "opens": "08:30", "closes": "17:00"},
                        "business": {"keys": {"1": "700", "2": "800", "0": "Voicemail 602"},
                                     "no_input": "602"},
                        "after_hours": {"no_input": "+493099999999"}}}),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let menu = &created.body["menu"];
    assert_eq!(menu["hours"]["days"], json!([1, 2, 3, 4, 5]));
    assert_eq!(
        menu["business"]["keys"],
        json!({"1": "700", "2": "800", "0": "voicemail 602"})
    );
    assert_eq!(menu["after_hours"]["no_input"], "+493099999999");
    assert!(created.body.get("members").is_none());
    let reception = id(&created.body);

    // Its extension is taken for users and groups; it has no members.
    let taken = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.admin,
            t.user_body("+493012345605", json!({"extension": "900"})),
        )
        .await;
    taken.problem(409, "extension-taken");
    put(&t, &format!("/api/v1/groups/{reception}/members"), &[])
        .await
        .problem(409, "no-members");

    // No loops: a second attendant sending back to the first, which sends to the second.
    let second = group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant", "name": "Sales desk",
               "extension": "901", "menu": {"business": {"keys": {"9": "900"}}}}),
    )
    .await;
    assert_eq!(second.status, 201, "{}", second.body);
    let looped = t
        .patch(
            &format!("/api/v1/groups/{reception}"),
            &t.fx.admin,
            Some("*"),
            json!({"menu": {"business": {"keys": {"1": "700", "5": "901"}}}}),
        )
        .await;
    let problem = looped.problem(409, "menu-loop");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("Reception → Sales desk → Reception"),
        "{problem}"
    );
    let itself = t
        .patch(
            &format!("/api/v1/groups/{reception}"),
            &t.fx.admin,
            Some("*"),
            json!({"menu": {"business": {"no_input": "900"}}}),
        )
        .await;
    itself.problem(409, "menu-loop");
    let read = t
        .get(&format!("/api/v1/groups/{reception}"), &t.fx.admin)
        .await;
    assert_eq!(
        read.body["menu"]["business"]["keys"]["2"], "800",
        "unchanged"
    );

    // A group or a user an attendant sends callers to is not deleted from under it.
    t.delete(&format!("/api/v1/groups/{hotline}"), &t.fx.admin)
        .await
        .problem(409, "in-use");
    let refused = t
        .delete(&format!("/api/v1/users/{anna}"), &t.fx.admin)
        .await;
    let problem = refused.problem(409, "in-use");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("in use by Reception"),
        "{problem}"
    );
    // Nor is the extension it dials changed from under it.
    let moved = t
        .patch(
            &format!("/api/v1/users/{anna}"),
            &t.fx.admin,
            Some("*"),
            json!({"extension": "609"}),
        )
        .await;
    moved.problem(409, "in-use");
    // A setting of another kind is refused by name.
    let hunt_menu = t
        .patch(
            &format!("/api/v1/groups/{hotline}"),
            &t.fx.admin,
            Some("*"),
            json!({"menu": {}}),
        )
        .await;
    assert_eq!(
        hunt_menu.failing_fields(),
        ["menu"],
        "{} {}",
        hunt_menu.status,
        hunt_menu.body
    );
}

async fn g6_an_auto_attendant_is_set_up_in_the_portal_in_german(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    t.create_active_user(
        "+493012345602",
        json!({ "first_name": "Anna", "last_name": "Aktiv", "extension": "602" }),
    )
    .await;
    let admin = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690" }),
        )
        .await;
    group(
        &t,
        json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline",
               "extension": "700"}),
    )
    .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(admin["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    browser.get("/language/de").await;
    browser.get("/groups").await;
    let answer = browser
        .post(
            "/groups",
            &[
                ("kind", "auto_attendant"),
                ("name", "Zentrale"),
                ("site_id", &t.fx.berlin.to_string()),
                ("extension", "900"),
            ],
        )
        .await;
    let at = answer.location.clone().expect("to the new auto attendant");
    let page = browser.get(&at).await;
    assert_eq!(
        page.text_of("group-kind").as_deref(),
        Some("Automatische Zentrale")
    );
    assert!(
        page.contains("Menü während der Geschäftszeiten"),
        "{}",
        page.body
    );
    assert!(!page.contains("id=\"members\""));
    // Monday to Friday, 08:00–18:00 by default.
    assert!(page.contains("id=\"day-5\" name=\"days\" value=\"5\" checked"));
    assert!(!page.contains("id=\"day-6\" name=\"days\" value=\"6\" checked"));

    let mut form = vec![
        ("name", "Zentrale"),
        ("extension", "900"),
        ("hours.opens", "09:00"),
        ("hours.closes", "17:00"),
        ("business.keys.1", "700"),
        ("business.keys.hash", "4711"),
        ("business.no_input", "602"),
    ];
    for day in ["1", "2", "3"] {
        form.push(("days", day));
    }
    let version = {
        let marker = "name=\"version\" value=\"";
        let i = page.body.find(marker).unwrap() + marker.len();
        page.body[i..i + page.body[i..].find('"').unwrap()].to_owned()
    };
    form.push(("version", &version));
    // A key to an extension nobody has: said at that key, in German, what was typed kept.
    let refused = browser.post(&at, &form).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.contains("Kein Benutzer und keine Gruppe hat diese Durchwahl."),
        "{}",
        refused.body
    );
    assert!(
        refused.contains("href=\"#business.keys.hash\""),
        "{}",
        refused.body
    );
    assert!(refused.contains("value=\"4711\""));
    let form: Vec<(&str, &str)> = form
        .into_iter()
        .map(|(k, v)| {
            if k == "business.keys.hash" {
                (k, "voicemail 602")
            } else {
                (k, v)
            }
        })
        .collect();
    let saved = browser.post(&at, &form).await;
    assert_eq!(
        saved.location.as_deref(),
        Some(at.as_str()),
        "{}",
        saved.body
    );
    let page = browser.get(&at).await;
    assert!(page.contains("value=\"voicemail 602\""), "{}", page.body);
    assert!(page.contains("id=\"day-3\" name=\"days\" value=\"3\" checked"));
    assert!(!page.contains("id=\"day-4\" name=\"days\" value=\"4\" checked"));
    assert!(page.contains("value=\"09:00\""));
}
