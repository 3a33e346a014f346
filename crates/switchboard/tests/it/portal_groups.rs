//! Groups in the portal over HTTP, on both databases (issue 6): a hunt group created in
//! German, members added by extension (L-2: a pending user refused in words), the ring order
//! changed, the user page listing the user's groups (L-6) and the delete confirmation naming
//! the groups the user leaves (L-4).

use serde_json::json;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    g1_l2_l4_l6_a_hunt_group_in_the_portal_in_german,
    l4_the_remaining_members_of_a_deleted_users_groups_are_told_in_their_inbox,
    g5_a_broadcast_written_in_the_portal_arrives_in_the_members_inboxes,
    s1_s4_a_user_sets_their_services_and_an_administrator_in_their_view,
    g4_departments_and_teams_are_added_in_the_portal,
);

async fn g1_l2_l4_l6_a_hunt_group_in_the_portal_in_german(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let anna = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Anna", "last_name": "Aktiv", "extension": "602" }),
        )
        .await;
    t.create_active_user(
        "+493012345603",
        json!({ "first_name": "Bert", "last_name": "Berg", "extension": "603" }),
    )
    .await;
    t.create_user(
        "+493012345604",
        json!({ "first_name": "Paul", "last_name": "Pending", "extension": "604" }),
    )
    .await;
    let created = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690" }),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(created["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    browser.get("/language/de").await;

    let page = browser.get("/groups").await;
    assert_eq!(page.h1(), "Gruppen");
    assert!(page.contains("Noch keine Gruppen."));
    // A hunt group without its extension: refused at the field, what was typed kept.
    let refused = browser
        .post(
            "/groups",
            &[
                ("kind", "hunt"),
                ("name", "Hotline"),
                ("site_id", &t.fx.berlin.to_string()),
                ("extension", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.contains("href=\"#extension\""));
    assert!(refused.contains("value=\"Hotline\""));
    let answer = browser
        .post(
            "/groups",
            &[
                ("kind", "hunt"),
                ("name", "Hotline"),
                ("site_id", &t.fx.berlin.to_string()),
                ("extension", "700"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let at = answer.location.unwrap();
    let page = browser.get(&at).await;
    assert_eq!(page.h1(), "Hotline");
    assert!(page.contains("Sammelrufgruppe"));
    assert!(page.contains("Die Gruppe wurde angelegt."));

    // L-2: a pending user is refused, in words, at the member field.
    let refused = browser
        .post(&format!("{at}/members"), &[("add", "604")])
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.contains("Nicht möglich, solange der Benutzer den Status „Ausstehend“ hat."),
        "{}",
        refused.body
    );
    let unknown = browser
        .post(&format!("{at}/members"), &[("add", "999")])
        .await;
    assert!(unknown.contains("Kein Benutzer dieses Standorts hat die Durchwahl 999."));

    // Two active members, then the second moved up: the ring order follows.
    for extension in ["602", "603"] {
        browser.get(&at).await;
        let added = browser
            .post(&format!("{at}/members"), &[("add", extension)])
            .await;
        assert_eq!(added.status, 303, "{}", added.body);
    }
    let page = browser.get(&at).await;
    let order = |body: &str| {
        let anna = body.find("Aktiv, Anna").unwrap();
        let bert = body.find("Berg, Bert").unwrap();
        anna < bert
    };
    assert!(order(&page.body), "Anna rings first");
    let bert_row = page.body.find("data-member=\"").unwrap();
    let rows: Vec<&str> = page.body[bert_row..]
        .match_indices("name=\"up\" value=\"")
        .map(|(i, m)| &page.body[bert_row + i + m.len()..bert_row + i + m.len() + 36])
        .collect();
    assert_eq!(rows.len(), 1, "only the second can move up");
    browser
        .post(&format!("{at}/members"), &[("up", rows[0])])
        .await;
    let page = browser.get(&at).await;
    assert!(!order(&page.body), "Bert rings first now");

    // U-6: the users list can show each user's groups.
    browser.get("/users").await;
    browser
        .post(
            "/users/columns",
            &[("column", "extension"), ("column", "groups")],
        )
        .await;
    let list = browser.get("/users").await;
    assert!(list.contains("data-column=\"groups\""), "{}", list.body);
    assert!(list.contains("<td>Hotline</td>"), "{}", list.body);

    // L-6: the user page lists the user's groups; L-4: the delete confirmation names them.
    let anna = anna["id"].as_str().unwrap();
    let user = browser.get(&format!("/users/{anna}")).await;
    assert!(user.contains("Sammelrufgruppe: Hotline"), "{}", user.body);
    let confirm = browser.get(&format!("/users/{anna}/confirm/delete")).await;
    assert!(
        confirm.contains(
            "Verlässt diese Gruppen (ihre anderen Mitglieder bleiben): Sammelrufgruppe: Hotline."
        ),
        "{}",
        confirm.body
    );
    // Removed from the user page, back there.
    browser.get(&format!("/users/{anna}")).await;
    let removed = browser
        .post(
            &format!("{at}/members"),
            &[("remove", anna), ("back", &format!("/users/{anna}"))],
        )
        .await;
    assert_eq!(
        removed.location.as_deref(),
        Some(format!("/users/{anna}").as_str())
    );
    assert!(
        browser
            .get(&format!("/users/{anna}"))
            .await
            .contains("In keiner Gruppe.")
    );

    // Deleting needs the box ticked.
    browser.get(&at).await;
    let unconfirmed = browser.post(&format!("{at}/delete"), &[]).await;
    assert_eq!(unconfirmed.location.as_deref(), Some(at.as_str()));
    browser.get(&at).await;
    let deleted = browser
        .post(&format!("{at}/delete"), &[("confirmed", "yes")])
        .await;
    assert_eq!(deleted.location.as_deref(), Some("/groups"));
    assert!(
        browser
            .get("/groups")
            .await
            .contains("Die Gruppe wurde gelöscht.")
    );
}

async fn l4_the_remaining_members_of_a_deleted_users_groups_are_told_in_their_inbox(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let leaver = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Lea", "last_name": "Leaver", "extension": "602" }),
        )
        .await;
    let stayer = t
        .create_active_user(
            "+493012345603",
            json!({ "first_name": "Sophie", "last_name": "Reste", "extension": "603",
                    "language": "fr", "password": STRONG, "must_change_password": false }),
        )
        .await;
    let (leaver, stayer_id) = (
        leaver["id"].as_str().unwrap().to_owned(),
        stayer["id"].as_str().unwrap().to_owned(),
    );
    for body in [
        json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline", "extension": "700"}),
        json!({"site_id": t.fx.berlin.to_string(), "kind": "park", "name": "Accueil"}),
    ] {
        let group = t
            .post(
                &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
                &t.fx.admin,
                body,
            )
            .await;
        let id = group.body["id"].as_str().unwrap();
        t.call(
            reqwest::Method::PUT,
            &format!("/api/v1/groups/{id}/members"),
            &t.fx.admin,
            Some(json!({"user_ids": [leaver, stayer_id]})),
            None,
        )
        .await;
    }
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(stayer["login_name"].as_str().unwrap(), STRONG)
        .await;
    let home = browser.get("/").await;
    assert!(home.contains("id=\"inbox-link\""), "{}", home.body);
    assert!(!home.contains("id=\"unread\""), "nothing unread yet");

    let deleted = t
        .delete(&format!("/api/v1/users/{leaver}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);

    // L-4: told once per group, in their own language.
    let home = browser.get("/").await;
    assert_eq!(
        home.text_of("unread").as_deref(),
        Some("2"),
        "{}",
        home.body
    );
    let inbox = browser.get("/inbox").await;
    assert_eq!(inbox.h1(), "Messages");
    assert!(
        inbox.contains(
            "Lea Leaver a été supprimé et ne fait plus partie du Groupe de recherche « Hotline »."
        ),
        "{}",
        inbox.body
    );
    assert!(inbox.contains("appels « Accueil »."), "{}", inbox.body);
    let read = browser.post("/inbox/read", &[]).await;
    assert_eq!(read.location.as_deref(), Some("/inbox"));
    let home = browser.get("/").await;
    assert!(!home.contains("id=\"unread\""));
}

async fn g5_a_broadcast_written_in_the_portal_arrives_in_the_members_inboxes(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let member = t
        .create_active_user(
            "+493012345603",
            json!({ "first_name": "Sophie", "last_name": "Reste", "extension": "603",
                    "language": "fr", "password": STRONG, "must_change_password": false,
                    "team_ids": [t.fx.hotline.to_string()] }),
        )
        .await;
    let admin = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690", "language": "de" }),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(admin["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = browser.get("/broadcasts").await;
    assert_eq!(page.h1(), "Rundnachrichten");
    // Nothing chosen: each field said, what was typed kept.
    let refused = browser
        .post(
            "/broadcasts",
            &[("subject", "Brandschutzübung"), ("body", "")],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.contains("href=\"#team_ids\"") && refused.contains("href=\"#body\""));
    assert!(refused.contains("value=\"Brandschutzübung\""));
    let hotline = t.fx.hotline.to_string();
    let sent = browser
        .post(
            "/broadcasts",
            &[
                ("team_ids", hotline.as_str()),
                ("category", "warning"),
                ("subject", "Brandschutzübung"),
                ("body", "Heute um 10 Uhr."),
            ],
        )
        .await;
    assert_eq!(
        sent.location.as_deref(),
        Some("/broadcasts"),
        "{}",
        sent.body
    );
    t.drain_jobs().await;
    let list = browser.get("/broadcasts").await;
    assert!(
        list.contains("Die Rundnachricht ist unterwegs"),
        "sent now is not said to be scheduled"
    );
    assert!(list.contains("<td>Gesendet</td>"), "{}", list.body);

    let mut reader = WebClient::new(&t);
    reader
        .sign_in_fully(member["login_name"].as_str().unwrap(), STRONG)
        .await;
    assert_eq!(
        reader.get("/").await.text_of("unread").as_deref(),
        Some("1")
    );
    let inbox = reader.get("/inbox").await;
    assert!(inbox.contains("Brandschutzübung") && inbox.contains("Heute um 10 Uhr."));
    assert!(
        inbox.contains("Avertissement"),
        "the category in the reader's language"
    );
}

async fn s1_s4_a_user_sets_their_services_and_an_administrator_in_their_view(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let member = t
        .create_active_user(
            "+493012345603",
            json!({ "first_name": "Sophie", "last_name": "Reste", "extension": "603",
                    "language": "fr", "password": STRONG, "must_change_password": false }),
        )
        .await;
    let id = member["id"].as_str().unwrap().to_owned();
    let mut user = WebClient::new(&t);
    user.sign_in_fully(member["login_name"].as_str().unwrap(), STRONG)
        .await;
    let home = user.get("/").await;
    assert!(home.contains("href=\"/services\""), "{}", home.body);
    let page = user.get("/services").await;
    assert_eq!(page.h1(), "Services d&#39;appel");
    assert!(!page.contains("acting-as-admin"));
    // A trivial PIN and a bad destination: refused in French at their fields, nothing kept.
    let refused = user
        .post(
            "/services",
            &[
                ("forward_busy", "ailleurs"),
                ("voicemail", "yes"),
                ("voicemail_pin", "1234"),
                ("voicemail_rings", "4"),
                ("forward_no_answer_rings", "4"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.contains("href=\"#forward_busy\"") && refused.contains("href=\"#voicemail_pin\"")
    );
    assert!(
        refused.contains("Ce code est le premier qu&#39;un appelant essaierait"),
        "{}",
        refused.body
    );
    assert!(
        refused.contains("value=\"ailleurs\""),
        "what was typed is kept"
    );
    // Issue 19: a forwarding destination is an extension or a number, and the refusal says so.
    assert!(
        refused.contains("Un poste de cette entreprise, ou un numéro au format international"),
        "{}",
        refused.body
    );
    user.get("/services").await;
    let saved = user
        .post(
            "/services",
            &[
                ("forward_busy", "604"),
                ("do_not_disturb", "yes"),
                ("voicemail", "yes"),
                ("voicemail_pin", "2580"),
                ("voicemail_rings", "6"),
                ("forward_no_answer_rings", "4"),
            ],
        )
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some("/services"),
        "{}",
        saved.body
    );
    let page = user.get("/services").await;
    assert!(page.contains("Les services d&#39;appel ont été enregistrés."));
    assert!(page.contains("value=\"604\""));

    // S-4: the administrator opens the user's own view, says so, changes it, goes back.
    let admin = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690", "language": "de" }),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(admin["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let user_page = browser.get(&format!("/users/{id}")).await;
    assert!(user_page.contains(&format!("href=\"/users/{id}/services\"")));
    let view = browser.get(&format!("/users/{id}/services")).await;
    assert!(
        view.contains("Sie handeln als Administrator in der Ansicht von Sophie Reste"),
        "{}",
        view.body
    );
    assert!(view.contains(&format!("href=\"/users/{id}\" id=\"back-to-site-view\"")));
    assert!(view.contains("Eine PIN ist gesetzt"));
    let changed = browser
        .post(
            &format!("/users/{id}/services"),
            &[
                ("forward_busy", "604"),
                ("reject_anonymous", "yes"),
                ("voicemail", "yes"),
                ("voicemail_rings", "6"),
                ("forward_no_answer_rings", "4"),
            ],
        )
        .await;
    assert_eq!(changed.location.unwrap(), format!("/users/{id}/services"));
    // Audited as the administrator, the PIN kept.
    let services = t
        .get(&format!("/api/v1/users/{id}/call-services"), &t.fx.admin)
        .await;
    assert_eq!(services.body["reject_anonymous"], true);
    assert_eq!(
        services.body["do_not_disturb"], false,
        "the form is the whole page"
    );
    assert_eq!(services.body["voicemail_pin_set"], true);

    // S-2: the services only administrators set are on the administrator's view; a shared
    // line is typed as an extension, an unknown one said at the field.
    let base = [
        ("forward_busy", "604"),
        ("reject_anonymous", "yes"),
        ("voicemail", "yes"),
        ("voicemail_rings", "6"),
        ("forward_no_answer_rings", "4"),
        ("mobility", "yes"),
        ("mobility_number", "+491701234567"),
        ("network_class", "national"),
    ];
    browser.get(&format!("/users/{id}/services")).await;
    let mut form = base.to_vec();
    form.push(("shared_lines", "999"));
    let refused = browser.post(&format!("/users/{id}/services"), &form).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.contains("Kein Benutzer hat die Durchwahl 999."),
        "{}",
        refused.body
    );
    let mut form = base.to_vec();
    form.push(("shared_lines", "690"));
    let saved = browser.post(&format!("/users/{id}/services"), &form).await;
    assert_eq!(saved.location.unwrap(), format!("/users/{id}/services"));
    let services = t
        .get(&format!("/api/v1/users/{id}/call-services"), &t.fx.admin)
        .await;
    assert_eq!(services.body["mobility"], true);
    assert_eq!(services.body["network_class"], "national");
    assert_eq!(services.body["shared_lines"][0]["extension"], "690");
    // The user reads them on their own page, in their language, and cannot change them there.
    let own = user.get("/services").await;
    assert!(
        own.contains("Réglé par votre administrateur"),
        "{}",
        own.body
    );
    assert!(own.contains("+491701234567"));
    assert!(own.contains("Appels nationaux"));
    assert!(!own.contains("id=\"network_class\""));
    let audit = t
        .get(
            &format!(
                "/api/v1/audit?enterprise_id={}&action=user.services.changed",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    let actors: Vec<String> = audit.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actor"].to_string())
        .collect();
    assert_eq!(actors.len(), 3);
    // Newest first: the administrator's two changes (as them), then the user's own.
    assert!(actors[0].contains("493012345690"), "{actors:?}");
    assert!(actors[1].contains("493012345690"), "{actors:?}");
    assert!(actors[2].contains("493012345603"), "{actors:?}");
}

async fn g4_departments_and_teams_are_added_in_the_portal(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let admin = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690", "language": "fr" }),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(admin["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = browser.get("/organisation").await;
    assert_eq!(page.h1(), "Services et équipes");
    // The fixture's own: Sales and Hotline, each leading to its members.
    assert!(page.contains(&format!("href=\"/users?team={}\"", t.fx.hotline)));
    let refused = browser
        .post("/organisation/department", &[("department_name", "")])
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.contains("href=\"#department_name\""));
    browser.get("/organisation").await;
    let taken = browser
        .post("/organisation/team", &[("team_name", "Hotline")])
        .await;
    assert_eq!(taken.status, 422, "{}", taken.body);
    assert!(taken.contains("value=\"Hotline\""));
    browser.get("/organisation").await;
    let added = browser
        .post(
            "/organisation/department",
            &[("department_name", "Comptabilité")],
        )
        .await;
    assert_eq!(added.location.as_deref(), Some("/organisation"));
    let page = browser.get("/organisation").await;
    assert!(page.contains("Le service a été ajouté.") && page.contains("Comptabilité"));
    // G-4: a team lead, added by extension (a user without the role is refused, in words).
    t.create_user(
        "+493012345604",
        json!({ "first_name": "Pia", "last_name": "Plain", "extension": "604",
                "team_ids": [t.fx.hotline.to_string()] }),
    )
    .await;
    let lead = t
        .create_active_user(
            "+493012345605",
            json!({ "first_name": "Lina", "last_name": "Lead", "extension": "605", "role": "team_lead",
                    "password": STRONG, "must_change_password": false,
                    "team_ids": [t.fx.hotline.to_string()] }),
        )
        .await;
    let leads = format!("/organisation/teams/{}/leads", t.fx.hotline);
    browser.get("/organisation").await;
    let refused = browser.post(&leads, &[("extension", "604")]).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.contains("n&#39;a pas le rôle de chef d&#39;équipe"),
        "{}",
        refused.body
    );
    browser.get("/organisation").await;
    let added = browser.post(&leads, &[("extension", "605")]).await;
    assert_eq!(
        added.location.as_deref(),
        Some("/organisation"),
        "{}",
        added.body
    );
    let page = browser.get("/organisation").await;
    assert!(page.contains("Responsable: Lina Lead"), "{}", page.body);
    // the lead sees the team's members under My teams.
    let mut lead_browser = WebClient::new(&t);
    lead_browser
        .sign_in_fully(lead["login_name"].as_str().unwrap(), STRONG)
        .await;
    let home = lead_browser.get("/").await;
    assert!(home.contains("href=\"/my-teams\""), "{}", home.body);
    let mine = lead_browser.get("/my-teams").await;
    assert!(
        mine.contains("Hotline") && mine.contains("Plain, Pia") && mine.contains("Lead, Lina"),
        "{}",
        mine.body
    );

    // A user can now be put in it (it exists first, G-4).
    let departments = t
        .get(
            &format!("/api/v1/enterprises/{}/departments", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert!(departments.body.to_string().contains("Comptabilité"));
}
