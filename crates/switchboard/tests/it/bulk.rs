//! Bulk work over HTTP on both databases (B-1): the template, dry runs that report every problem
//! with its row and column, imports that write all rows or none, and export → edit → import.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_databases;
use crate::support::TestApp;
use sqlx::Connection as _;

const HEADER: &str = "site;first_name;last_name;email;role;package_licence;addon_licences;primary_number;\
extension;device_type;mobile_number;contract_number;department;teams;language;password_mode";

/// A valid `;` row of the fixture's Berlin site for number `+4930123456NN`.
fn row(n: u32) -> String {
    format!(
        "Berlin;Jörg;Ørsted-{n};jorg.{n}@import.example;user;voice-basic;;'+4930123456{n:02};{};yealink-t54w;;;Sales;Hotline;de;invitation",
        5600 + n
    )
}

/// A file as a German spreadsheet saves it: BOM, `;`, CRLF.
fn file(rows: &[String]) -> Vec<u8> {
    let mut text = format!("\u{feff}{HEADER}\r\n");
    for r in rows {
        text.push_str(r);
        text.push_str("\r\n");
    }
    text.into_bytes()
}

/// Uploads a file, runs the import job, and returns the finished import.
async fn import(t: &TestApp, token: &str, body: Vec<u8>, dry_run: bool) -> Value {
    let response = t
        .http
        .post(format!(
            "{}/api/v1/enterprises/{}/imports?dry_run={dry_run}",
            t.base, t.fx.enterprise
        ))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let queued: Value = response.json().await.unwrap();
    assert_eq!(queued["status"], "queued");
    assert_eq!(
        location,
        format!("/api/v1/imports/{}", queued["id"].as_str().unwrap())
    );
    t.drain_jobs().await;
    let done = t.get(&location, token).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    done.body
}

/// What must not move when nothing is written: users, assigned licences, assigned numbers.
async fn counts(t: &TestApp) -> (usize, Value, Value) {
    (
        t.user_count().await,
        t.licence("voice-basic").await["assigned"].clone(),
        t.number("+493012345601").await["user_id"].clone(),
    )
}

fn problems(import: &Value) -> Vec<(Option<u64>, Option<String>, String)> {
    import["report"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["row"].as_u64(),
                p["column"].as_str().map(str::to_owned),
                p["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn p(row: Option<u64>, column: Option<&str>, code: &str) -> (Option<u64>, Option<String>, String) {
    (row, column.map(str::to_owned), code.to_owned())
}

on_both_databases!(
    b1_a_dry_run_reports_every_planted_problem_with_row_and_column_and_writes_nothing,
    b1_a_clean_file_creates_every_user_pending_then_active_with_numbers_licences_and_invitations,
    b1_a_bad_row_at_any_position_imports_nothing,
    b1_an_export_imports_back_unchanged_and_an_edited_one_adds_its_new_rows,
    a1_a2_b1_imports_stay_in_the_importers_reach,
    b1_the_template_names_every_column_and_its_example_is_a_comment,
    b2_a_bulk_action_judges_each_user_by_the_single_rules_and_reports_each,
    b1_an_upload_of_several_stored_pieces_is_read_back_whole,
    b1_a_clean_dry_run_is_confirmed_once_and_imports_the_very_file_it_checked,
);

async fn b1_a_dry_run_reports_every_planted_problem_with_row_and_column_and_writes_nothing(
    t: TestApp,
) {
    let before = counts(&t).await;
    // Row 2 is fine; every other row has one planted problem (rows 3…11), and the premium
    // licence is asked for three times with two purchased (a problem of the whole file).
    let rows = vec![
        row(1),
        row(2).replace("Berlin;", "Hamburg;"),
        row(3).replace("Jörg;", "Jörg-Maximilian-Alexander;"),
        row(4).replace("jorg.4@import.example", "jorg.4.at.example"),
        row(5).replace(";'+4930123456", ";'+334780000"),
        row(6).replace(";5606;", ";5601;"),
        row(7).replace("yealink-t54w;;;", "no-desk-phone;;;"),
        row(8).replace(";Sales;", ";Marketing;"),
        row(9).replace("voice-basic;;", "voice-premium;;"),
        row(10).replace("voice-basic;;", "voice-premium;;"),
        row(11).replace("voice-basic;;", "voice-premium;;"),
        row(12).replace("Jörg;", "=HYPERLINK(\"http://evil\");"),
        row(13).replace(";invitation", ";hunter2"),
    ];
    let import = import(&t, &t.fx.admin, file(&rows), true).await;
    assert_eq!(import["status"], "refused", "{import}");
    assert_eq!(import["dry_run"], true);
    let report = &import["report"];
    assert_eq!(report["rows"], 13);
    assert_eq!(report["written"], false);
    let found = problems(&import);
    for expected in [
        p(Some(3), Some("site"), "unknown-reference"),
        p(Some(4), Some("first_name"), "too-long"),
        p(Some(5), Some("email"), "invalid-email"),
        p(Some(6), Some("primary_number"), "unknown-number"),
        p(Some(7), Some("extension"), "duplicate-in-file"),
        p(Some(8), Some("mobile_number"), "required"),
        p(Some(8), Some("contract_number"), "required"),
        p(Some(9), Some("department"), "unknown-reference"),
        p(Some(13), Some("first_name"), "formula"),
        p(Some(14), Some("password_mode"), "invalid-choice"),
        p(None, None, "licence-exhausted"),
    ] {
        assert!(
            found.contains(&expected),
            "{expected:?} missing from {found:?}"
        );
    }
    assert_eq!(report["problems_total"], found.len());
    let licence = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "licence-exhausted")
        .unwrap();
    assert!(
        licence["message"]
            .as_str()
            .unwrap()
            .contains("purchase 1 more"),
        "{licence}"
    );
    assert_eq!(counts(&t).await, before, "a dry run writes nothing");
}

async fn b1_a_clean_file_creates_every_user_pending_then_active_with_numbers_licences_and_invitations(
    t: TestApp,
) {
    let assigned = t.licence("voice-basic").await["assigned"].as_i64().unwrap();
    let rows: Vec<String> = (1..=30).map(row).collect();

    let dry = import(&t, &t.fx.admin, file(&rows), true).await;
    assert_eq!(dry["status"], "done", "{dry}");
    assert_eq!(dry["report"]["created"], 30);
    assert_eq!(dry["report"]["written"], false);
    assert_eq!(t.user_count().await, 0);

    let done = import(&t, &t.fx.admin, file(&rows), false).await;
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(done["report"]["created"], 30);
    assert_eq!(done["report"]["invitations"], 30);
    assert_eq!(done["report"]["written"], true);
    assert_eq!(done["rows_checked"], 30);

    // N-2, N-4: every licence and number counted at once.
    assert_eq!(t.licence("voice-basic").await["assigned"], assigned + 30);
    let number = t.number("+493012345607").await;
    assert!(number["user_id"].is_string(), "{number}");

    // With the file's department, team, language and the default role.
    let list = t
        .get(
            &format!("/api/v1/enterprises/{}/users?q=5607", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    let user = &list.body["items"][0];
    assert_eq!(user["last_name"], "Ørsted-7");
    assert_eq!(user["primary_number"], "+493012345607");
    assert_eq!(user["department_id"], t.fx.sales.to_string());
    assert_eq!(user["team_ids"], json!([t.fx.hotline.to_string()]));
    assert_eq!(user["language"], "de");
    // L-1: created pending; the activation jobs the import queued made them active (the
    // drain that ran the import ran them too: the test carrier activates at once).
    let user = t
        .get(
            &format!("/api/v1/users/{}", user["id"].as_str().unwrap()),
            &t.fx.admin,
        )
        .await;
    assert_eq!(user.body["state"], "active", "{}", user.body);

    // U-5: each person is invited in their language; the contact hears of it once, not 30 times.
    let invitation = t
        .get("/api/v1/outbox?to=jorg.7%40import.example", &t.fx.operator)
        .await;
    let mail = &invitation.body["items"][0];
    assert_eq!(mail["purpose"], "invitation");
    assert!(
        mail["body"]
            .as_str()
            .unwrap()
            .contains("http://portal.test/invitation/")
    );
    let notices = t
        .get("/api/v1/outbox?to=it%40mueller.sip.test", &t.fx.operator)
        .await;
    let notices: Vec<&Value> = notices.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["purpose"] == "invitation_notice")
        .collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0]["subject"].as_str().unwrap().contains("30"));

    // every user is in the audit log as created by the import, and the import itself.
    let audit = t
        .get(
            &format!(
                "/api/v1/audit?enterprise_id={}&action=user.created&limit=100",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    let entries = audit.body["items"].as_array().unwrap();
    assert_eq!(entries.len(), 30);
    assert!(
        entries.iter().all(|e| e["channel"] == "import"),
        "{entries:?}"
    );
    assert!(
        entries.iter().all(|e| e["after"]["state"] == "pending"),
        "{entries:?}"
    );
    let summary = t
        .get(
            &format!(
                "/api/v1/audit?enterprise_id={}&action=users.imported",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(summary.body["items"][0]["after"]["created"], 30);
}

async fn b1_a_bad_row_at_any_position_imports_nothing(t: TestApp) {
    // Number +493012345650 belongs to someone already; the file's row that wants it may be
    // first, in the middle or last: nothing is written in every case.
    t.create_user("+493012345650", json!({"extension": "7650"}))
        .await;
    let before = counts(&t).await;
    for position in [0, 10, 19] {
        let mut rows: Vec<String> = (1..=20).map(row).collect();
        rows[position] = rows[position].replace(
            &format!(";'+4930123456{:02};", position + 1),
            ";'+493012345650;",
        );
        let import = import(&t, &t.fx.admin, file(&rows), false).await;
        assert_eq!(import["status"], "refused", "{import}");
        assert_eq!(
            problems(&import),
            vec![p(
                Some(position as u64 + 2),
                Some("primary_number"),
                "number-taken"
            )]
        );
        assert_eq!(import["report"]["written"], false);
        assert_eq!(counts(&t).await, before, "position {position}");
    }
}

async fn b1_an_export_imports_back_unchanged_and_an_edited_one_adds_its_new_rows(t: TestApp) {
    for n in 1..=3 {
        t.create_user(
            &format!("+49301234560{n}"),
            json!({"first_name": "-Ann", "extension": format!("6{n}00"), "team_ids": [t.fx.hotline.to_string()]}),
        )
        .await;
    }
    let export = t
        .http
        .get(format!(
            "{}/api/v1/enterprises/{}/users/export?separator=semicolon",
            t.base, t.fx.enterprise
        ))
        .bearer_auth(&t.fx.admin)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), StatusCode::OK);
    assert_eq!(export.headers()["content-type"], "text/csv; charset=utf-8");
    let text = export.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].starts_with("site;first_name;last_name;email;login_name;"),
        "{text}"
    );
    // A name a spreadsheet would run as a formula is neutralised; numbers keep their +.
    assert!(lines[1].starts_with("Berlin;'-Ann;Müller;"), "{text}");
    assert!(
        lines[1].contains(";'+493012345601;6100;yealink-t54w;"),
        "{text}"
    );
    assert!(lines[1].contains(";Hotline;"), "{text}");

    let again = import(&t, &t.fx.admin, text.clone().into_bytes(), false).await;
    assert_eq!(again["status"], "done", "{again}");
    assert_eq!(again["report"]["unchanged"], 3);
    assert_eq!(again["report"]["created"], 0);
    assert_eq!(again["report"]["written"], false);

    // Edited: one new row added; one existing row changed (refused, with its row).
    let new_row = "Paris;Émilie;Rousseau;emilie.r@example.fr;;user;voice-basic;;'+33123456601;4601;yealink-t54w;;;;;;fr;later";
    let edited = format!("{text}{new_row}\r\n");
    let added = import(&t, &t.fx.admin, edited.clone().into_bytes(), false).await;
    assert_eq!(added["status"], "done", "{added}");
    assert_eq!(added["report"]["created"], 1);
    assert_eq!(added["report"]["unchanged"], 3);
    assert_eq!(
        added["report"]["invitations"], 0,
        "password_mode later invites nobody"
    );
    assert_eq!(t.user_count().await, 4);

    // Edited again: a row changes its user's name and extension (L-7: an active user's
    // profile and configuration), the same change a PATCH makes, audited as the import's.
    let changed = edited
        .replacen(";Müller;", ";Schmidt;", 1)
        .replacen(";6100;", ";6199;", 1);
    let checked = import(&t, &t.fx.admin, changed.clone().into_bytes(), true).await;
    assert_eq!(checked["status"], "done", "{checked}");
    assert_eq!(checked["report"]["updated"], 1);
    assert_eq!(checked["report"]["written"], false);
    let updated = import(&t, &t.fx.admin, changed.clone().into_bytes(), false).await;
    assert_eq!(updated["status"], "done", "{updated}");
    assert_eq!(updated["report"]["updated"], 1);
    assert_eq!(updated["report"]["unchanged"], 3);
    assert_eq!(updated["report"]["created"], 0);
    assert_eq!(updated["report"]["written"], true);
    assert_eq!(t.user_count().await, 4);
    let list = t
        .get(
            &format!("/api/v1/enterprises/{}/users?q=6199", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(
        list.body["items"][0]["last_name"], "Schmidt",
        "{}",
        list.body
    );
    let audit = t
        .get(
            &format!(
                "/api/v1/audit?enterprise_id={}&action=user.updated",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    let entry = &audit.body["items"][0];
    assert_eq!(entry["channel"], "import", "{entry}");
    assert_eq!(entry["before"]["extension"], "6100");
    assert_eq!(entry["after"]["extension"], "6199");

    // What an import does not change: the desk phone (L-7: its new login is shown once, on
    // the user's page) and the site; refused at the row, nothing written.
    let device = changed.replacen(";6199;yealink-t54w;", ";6199;mobile-app;", 1);
    let refused = import(&t, &t.fx.admin, device.into_bytes(), false).await;
    assert_eq!(refused["status"], "refused", "{refused}");
    assert_eq!(
        problems(&refused),
        vec![p(Some(2), Some("device_type"), "device-change")]
    );
    let moved = changed.replacen("Berlin;'-Ann;Schmidt;", "Paris;'-Ann;Schmidt;", 1);
    let refused = import(&t, &t.fx.admin, moved.into_bytes(), false).await;
    assert_eq!(
        problems(&refused),
        vec![p(Some(2), Some("site"), "site-change")]
    );
    assert_eq!(t.user_count().await, 4);
}

async fn a1_a2_b1_imports_stay_in_the_importers_reach(t: TestApp) {
    // A site administrator of Berlin names Paris: unknown to them, like a site that does not exist.
    let rows = vec![row(1).replace("Berlin;", "Paris;")];
    let import_ = import(&t, &t.fx.site_admin, file(&rows), true).await;
    assert_eq!(
        problems(&import_),
        vec![p(Some(2), Some("site"), "unknown-reference")]
    );
    // …nor makes an enterprise administrator.
    let rows = vec![row(1).replace(";user;", ";enterprise_admin;")];
    let import_ = import(&t, &t.fx.site_admin, file(&rows), true).await;
    assert_eq!(
        problems(&import_),
        vec![p(Some(2), Some("role"), "forbidden")]
    );
    // another enterprise's administrator neither imports into it nor reads its imports.
    let foreign = t
        .http
        .post(format!(
            "{}/api/v1/enterprises/{}/imports",
            t.base, t.fx.enterprise
        ))
        .bearer_auth(&t.fx.other_admin)
        .body(file(&[row(1)]))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    let id = import_["id"].as_str().unwrap();
    t.get(&format!("/api/v1/imports/{id}"), &t.fx.other_admin)
        .await
        .problem(404, "not-found");
    t.get(
        &format!("/api/v1/enterprises/{}/users/export", t.fx.enterprise),
        &t.fx.other_admin,
    )
    .await
    .problem(404, "not-found");
    // A number of another enterprise's pool is "not in this pool", as if it existed nowhere.
    let rows = vec![row(1).replace(";'+493012345601;", ";'+33478000001;")];
    let import_ = import(&t, &t.fx.admin, file(&rows), true).await;
    assert_eq!(
        problems(&import_),
        vec![p(Some(2), Some("primary_number"), "unknown-number")]
    );
}

async fn b1_the_template_names_every_column_and_its_example_is_a_comment(t: TestApp) {
    let template = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/users/import-template",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(template.status, StatusCode::OK);
    let text = template.body.as_str().unwrap().to_owned();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "site,first_name,last_name,email,login_name,role,package_licence,addon_licences,primary_number,\
         extension,device_type,mobile_number,contract_number,department,teams,personal_contact,language,password_mode"
    );
    assert!(
        lines.next().unwrap().starts_with("# Berlin,Zoë,Ørsted,"),
        "{text}"
    );
    // Imported as it is, the template has no users (its example is a comment).
    let import = import(&t, &t.fx.admin, text.into_bytes(), true).await;
    assert_eq!(problems(&import), vec![p(None, None, "empty")]);

    let values = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/users/import-values",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    let values = values.body.as_str().unwrap();
    for line in [
        "site,Berlin,site",
        "device_type,no-desk-phone,",
        "department,Sales,",
        "teams,Hotline,",
    ] {
        assert!(values.contains(line), "{line} missing from {values}");
    }
    assert!(
        values.contains("package_licence,voice-basic,voice-basic (100 free)"),
        "{values}"
    );
}

async fn b2_a_bulk_action_judges_each_user_by_the_single_rules_and_reports_each(t: TestApp) {
    let active = t
        .create_active_user("+493012345611", json!({"extension": "5611"}))
        .await;
    let second = t
        .create_active_user("+493012345612", json!({"extension": "5612"}))
        .await;
    let pending = t
        .create_user("+493012345613", json!({"extension": "5613"}))
        .await;
    let (active, second) = (
        active["id"].as_str().unwrap(),
        second["id"].as_str().unwrap(),
    );
    let pending = pending["user"]["id"].as_str().unwrap();
    // A user of another enterprise, made by its own administrator.
    let foreign = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.other_enterprise),
            &t.fx.other_admin,
            json!({"site_id": t.fx.other_site.to_string(), "first_name": "Luc", "last_name": "Morel",
                   "email": "luc@dupont.example", "package_licence": "voice-basic",
                   "primary_number": "+33478000001", "device_type": "yealink-t54w"}),
        )
        .await;
    let foreign = foreign.body["user"]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/enterprises/{}/users/bulk", t.fx.enterprise);

    // New desk-phone passwords: shown once per user, in this answer.
    let renewed = t
        .post(
            &path,
            &t.fx.admin,
            json!({"action": "new_device_passwords", "user_ids": [active, second]}),
        )
        .await;
    assert_eq!(renewed.status, StatusCode::OK, "{}", renewed.body);
    assert_eq!(renewed.headers["cache-control"], "no-store");
    assert_eq!(renewed.body["done"], 2);
    for r in renewed.body["results"].as_array().unwrap() {
        assert_eq!(r["outcome"], "done");
        assert!(
            r["sip_login"]["password"].as_str().unwrap().len() >= 16,
            "{r}"
        );
    }

    // Reset portal passwords: a new invitation each.
    let reset = t
        .post(
            &path,
            &t.fx.admin,
            json!({"action": "reset_passwords", "user_ids": [second]}),
        )
        .await;
    assert_eq!(reset.body["done"], 1, "{}", reset.body);
    let mail = t
        .get(
            "/api/v1/outbox?to=anna.493012345612%40example.de",
            &t.fx.operator,
        )
        .await;
    let invitations = mail.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["purpose"] == "invitation")
        .count();
    assert_eq!(invitations, 2, "one at creation, one from the reset");

    // Delete: L-3 refuses the pending user; A-2 hides the foreign one; nonsense is not found.
    let assigned = t.licence("voice-basic").await["assigned"].as_i64().unwrap();
    let deleted = t
        .post(
            &path,
            &t.fx.admin,
            json!({"action": "delete", "user_ids": [active, pending, foreign, "nonsense"]}),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::OK, "{}", deleted.body);
    let outcome: Vec<(String, Option<String>)> = deleted.body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["outcome"].as_str().unwrap().to_owned(),
                r["code"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        outcome,
        vec![
            ("done".into(), None),
            ("refused".into(), Some("user-not-active".into())),
            ("refused".into(), Some("not-found".into())),
            ("refused".into(), Some("not-found".into())),
        ]
    );
    assert_eq!(
        (
            deleted.body["done"].clone(),
            deleted.body["refused"].clone()
        ),
        (json!(1), json!(3))
    );
    // L-4/N-6: the deleted user's number and licence are free again; the others stay.
    assert!(t.number("+493012345611").await["user_id"].is_null());
    assert_eq!(t.licence("voice-basic").await["assigned"], assigned - 1);
    assert_eq!(
        t.get(&format!("/api/v1/users/{pending}"), &t.fx.admin)
            .await
            .status,
        StatusCode::OK
    );
    let still = t
        .get(&format!("/api/v1/users/{foreign}"), &t.fx.other_admin)
        .await;
    assert_eq!(still.status, StatusCode::OK, "{}", still.body);
    // the deletion is in the audit log as a single one would be.
    let audit = t
        .get(
            &format!("/api/v1/audit?target_id={active}&action=user.deleted"),
            &t.fx.admin,
        )
        .await;
    assert_eq!(
        audit.body["items"].as_array().unwrap().len(),
        1,
        "{}",
        audit.body
    );
}

on_both_databases!(l8_device_passwords_for_a_site_come_as_a_csv_downloadable_once);

async fn l8_device_passwords_for_a_site_come_as_a_csv_downloadable_once(t: TestApp) {
    let mut berlin = Vec::new();
    for n in 21..=23 {
        let user = t
            .create_active_user(
                &format!("+4930123456{n}"),
                json!({"extension": format!("56{n}")}),
            )
            .await;
        berlin.push(user["id"].as_str().unwrap().to_owned());
    }
    t.create_user(
        "+33123456621",
        json!({"site_id": t.fx.paris.to_string(), "extension": "6621", "email": "paris@example.fr"}),
    )
    .await;
    let path = format!("/api/v1/enterprises/{}/device-passwords", t.fx.enterprise);

    // A weak administrator-set password is refused, and nothing changes.
    let weak = t
        .post(
            &path,
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "password": "12345678"}),
        )
        .await;
    weak.problem(422, "validation");
    assert_eq!(weak.failing_fields(), vec!["password"]);
    // A site administrator of Berlin cannot name Paris.
    let paris = t
        .post(
            &path,
            &t.fx.site_admin,
            json!({"site_id": t.fx.paris.to_string()}),
        )
        .await;
    paris.problem(422, "validation");

    let issued = t
        .post(
            &path,
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string()}),
        )
        .await;
    assert_eq!(issued.status, StatusCode::CREATED, "{}", issued.body);
    assert_eq!(issued.body["users"], 3);
    let url = issued.body["download_url"].as_str().unwrap().to_owned();
    // Another enterprise's administrator cannot take it, and their try does not use it up.
    t.get(&url, &t.fx.other_admin)
        .await
        .problem(409, "link-expired");
    let csv = t.get(&url, &t.fx.admin).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["cache-control"], "no-store");
    let text = csv.body.as_str().unwrap().to_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "name,extension,number,sip_username,sip_password,sip_domain"
    );
    assert_eq!(lines.len(), 4, "{text}");
    // Each password in the sheet is the one the SIP server now checks (only its digest is stored).
    let mut db = sqlx::AnyConnection::connect(t.database_url())
        .await
        .unwrap();
    for line in &lines[1..] {
        let cells: Vec<&str> = line.split(',').collect();
        let (username, password, domain) = (cells[3], cells[4], cells[5]);
        assert_eq!(domain, "mueller.sip.test");
        let ha1: String = sqlx::query_scalar("SELECT ha1 FROM sip_credentials WHERE username = $1")
            .bind(username)
            .fetch_one(&mut db)
            .await
            .unwrap();
        use md5::Digest as _;
        let expected = hex::encode(md5::Md5::digest(format!("{username}:{domain}:{password}")));
        assert_eq!(ha1, expected, "{line}");
    }
    // Once only.
    t.get(&url, &t.fx.admin).await.problem(409, "link-expired");

    // One strong password for two chosen users.
    let chosen = t
        .post(
            &path,
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "user_ids": [berlin[0], berlin[2]], "password": "Tulpe-Kanal-Regen-47"}),
        )
        .await;
    assert_eq!(chosen.body["users"], 2, "{}", chosen.body);
    let sheet = t
        .get(chosen.body["download_url"].as_str().unwrap(), &t.fx.admin)
        .await;
    let sheet = sheet.body.as_str().unwrap().to_owned();
    assert_eq!(sheet.matches("Tulpe-Kanal-Regen-47").count(), 2, "{sheet}");
    // each renewal is audited, without the password.
    let audit = t
        .get(
            &format!(
                "/api/v1/audit?target_id={}&action=user.sip_credentials_renewed",
                berlin[0]
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(
        audit.body["items"].as_array().unwrap().len(),
        2,
        "{}",
        audit.body
    );
    assert!(!audit.body.to_string().contains("Tulpe"));
}

async fn b1_an_upload_of_several_stored_pieces_is_read_back_whole(t: TestApp) {
    // 8,000 rows, about 1.3 MiB: stored in two pieces, rows split across their boundary.
    let rows: Vec<String> = (0..8_000)
        .map(|i| {
            format!(
                "Berlin;Lena-Marie;Stück-Langenberg-Nord-{i};lena-marie.stueck-langenberg.{i}@chunks.example;user;voice-basic;;;{};yealink-t54w;;;;;en;later",
                1_000 + i
            )
        })
        .collect();
    let body = file(&rows);
    assert!(body.len() > 1 << 20);
    let import = import(&t, &t.fx.admin, body.clone(), true).await;
    assert_eq!(import["bytes"], body.len());
    assert_eq!(import["report"]["rows"], 8_000, "{}", import["report"]);
    // Every row is well-formed; only the licences (100 purchased) are short for the whole file.
    assert_eq!(problems(&import), vec![p(None, None, "licence-exhausted")]);
    assert_eq!(import["rows_checked"], 8_000);
}

async fn b1_a_clean_dry_run_is_confirmed_once_and_imports_the_very_file_it_checked(t: TestApp) {
    let rows: Vec<String> = (1..=3).map(row).collect();
    let checked = import(&t, &t.fx.admin, file(&rows), true).await;
    assert_eq!(checked["status"], "done", "{checked}");
    assert_eq!(checked["report"]["created"], 3);
    assert_eq!(t.user_count().await, 0);
    let confirm = format!(
        "/api/v1/imports/{}/confirm",
        checked["id"].as_str().unwrap()
    );

    // Confirmed: a new import of the stored file, checked again and written.
    let queued = t.post(&confirm, &t.fx.admin, json!(null)).await;
    assert_eq!(queued.status, StatusCode::ACCEPTED, "{}", queued.body);
    assert_eq!(queued.body["dry_run"], false);
    assert_ne!(queued.body["id"], checked["id"]);
    t.drain_jobs().await;
    let done = t
        .get(
            &format!("/api/v1/imports/{}", queued.body["id"].as_str().unwrap()),
            &t.fx.admin,
        )
        .await;
    assert_eq!(done.body["status"], "done", "{}", done.body);
    assert_eq!(done.body["report"]["created"], 3);
    assert_eq!(done.body["report"]["written"], true);
    assert_eq!(t.user_count().await, 3);

    // Once only: a second confirmation (another tab, a double click) writes nothing.
    let again = t.post(&confirm, &t.fx.admin, json!(null)).await;
    again.problem(409, "already-confirmed");
    assert_eq!(t.user_count().await, 3);

    // A check that found problems cannot be confirmed.
    let bad = [row(4).replace("jorg.4@import.example", "not-an-email")];
    let refused = import(&t, &t.fx.admin, file(&bad), true).await;
    assert_eq!(refused["status"], "refused", "{refused}");
    let answer = t
        .post(
            &format!(
                "/api/v1/imports/{}/confirm",
                refused["id"].as_str().unwrap()
            ),
            &t.fx.admin,
            json!(null),
        )
        .await;
    answer.problem(422, "validation");
    assert_eq!(t.user_count().await, 3);
}
