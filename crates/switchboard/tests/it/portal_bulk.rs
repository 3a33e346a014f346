//! Bulk work in the portal over HTTP, on both databases (issue 7): the import page (B-1: the
//! template to download, the check's report by row and column in the administrator's language,
//! confirm), actions on a selection of the users list (B-2) and the device password manager
//! (L-8: a CSV downloadable once).

use serde_json::{Value, json};

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    b1_i2_portal_import_reports_rows_and_columns_in_german_then_imports_on_confirm,
    b2_portal_selection_confirms_the_names_then_reports_each_user,
    l8_portal_device_passwords_come_as_a_csv_downloadable_once,
);

const HEADER: &str = "site;first_name;last_name;email;role;package_licence;addon_licences;primary_number;\
extension;device_type;mobile_number;contract_number;department;teams;language;password_mode";

/// A valid `;` row of the fixture's Berlin site for number `+4930123456NN`.
fn row(n: u32) -> String {
    format!(
        "Berlin;Jörg;Ørsted-{n};jorg.{n}@import.example;user;voice-basic;;'+4930123456{n:02};{};yealink-t54w;;;Sales;Hotline;de;invitation",
        5600 + n
    )
}

fn file(rows: &[String]) -> Vec<u8> {
    let mut text = format!("\u{feff}{HEADER}\r\n");
    for r in rows {
        text.push_str(r);
        text.push_str("\r\n");
    }
    text.into_bytes()
}

async fn admin(t: &TestApp, number: &str) -> WebClient {
    let created = t
        .create_user(
            number,
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin" }),
        )
        .await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    let mut browser = WebClient::new(t);
    browser.sign_in_fully(&login, STRONG).await;
    browser
}

/// The import page an upload leads to, once its job has run.
async fn checked(t: &TestApp, browser: &mut WebClient, bytes: &[u8]) -> (String, String) {
    browser.get("/users/import").await;
    let answer = browser
        .post_file("/users/import", "file", "users.csv", bytes)
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let at = answer.location.unwrap();
    assert!(at.starts_with("/users/imports/"), "{at}");
    t.drain_jobs().await;
    let page = browser.get(&at).await;
    assert_eq!(page.status, 200, "{}", page.body);
    (at, page.body)
}

async fn b1_i2_portal_import_reports_rows_and_columns_in_german_then_imports_on_confirm(
    kind: Kind,
) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let mut browser = admin(&t, "+493012345690").await;
    browser.get("/language/de").await;

    // The users list leads to the import; the page offers the template and the export.
    let list = browser.get("/users").await;
    assert!(list.contains("href=\"/users/import\""), "{}", list.body);
    let page = browser.get("/users/import").await;
    assert_eq!(page.h1(), "Benutzer importieren");
    let template = browser.get("/users/import/template.csv").await;
    assert_eq!(template.status, 200);
    assert!(
        template.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(template.body.starts_with("site,first_name,last_name,email"));
    assert!(
        template.body.contains("\n# "),
        "an example row as a comment"
    );
    let values = browser.get("/users/import/allowed-values.csv").await;
    assert!(values.body.contains("voice-basic"), "{}", values.body);

    // No file chosen: said on the page, at the field.
    browser.get("/users/import").await;
    let answer = browser.post_file("/users/import", "file", "", b"").await;
    assert_eq!(answer.status, 422);
    assert!(answer.contains("Wählen Sie eine Datei zum Hochladen."));

    // A file with two planted problems: each by row and column, with its value, in German.
    let bad = [
        row(1).replacen("Berlin;", "Hamburg;", 1),
        row(2),
        row(3).replace(";5603;", ";5602;"),
    ];
    let (_, report) = checked(&t, &mut browser, &file(&bad)).await;
    assert!(report.contains("id=\"import-problems\""), "{report}");
    assert!(report.contains("<td class=\"num\">2</td><td><code>site</code></td><td>Hamburg</td>"));
    assert!(report.contains("<td class=\"num\">4</td><td><code>extension</code></td><td>5602</td><td>Steht auch in Zeile 3 der Datei.</td>"), "{report}");
    assert!(report.contains("Es wurde nichts geschrieben."));
    assert!(
        !report.contains("confirm-import"),
        "a refused check cannot be imported"
    );
    assert_eq!(t.user_count().await, 1);

    // The corrected file: what would be created, and the button that imports it.
    let good: Vec<String> = (1..=3).map(row).collect();
    let (at, report) = checked(&t, &mut browser, &file(&good)).await;
    assert!(report.contains("3 Benutzer würden angelegt."), "{report}");
    assert!(report.contains("id=\"confirm-import\""));
    assert_eq!(t.user_count().await, 1, "a check writes nothing");
    let answer = browser.post(&format!("{at}/confirm"), &[]).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let written = answer.location.unwrap();
    assert_ne!(written, at);
    t.drain_jobs().await;
    let done = browser.get(&written).await;
    assert!(
        done.contains("3 Benutzer angelegt (ausstehend, bis ihre Telefone aktiviert sind)."),
        "{}",
        done.body
    );
    assert!(done.contains("href=\"/users?state=pending\""));
    assert_eq!(t.user_count().await, 4);

    // The check cannot be imported twice.
    browser.get(&at).await;
    let again = browser.post(&format!("{at}/confirm"), &[]).await;
    assert_eq!(again.location.as_deref(), Some(at.as_str()));
    let page = browser.get(&at).await;
    assert!(page.contains("Diese Prüfung wurde bereits importiert"));
    assert_eq!(t.user_count().await, 4);

    // The export, with `;` for a German spreadsheet, holds the imported users.
    let export = browser
        .get("/users/import/export.csv?separator=semicolon")
        .await;
    assert!(
        export.body.starts_with("site;first_name;"),
        "{}",
        export.body
    );
    assert!(export.body.contains("jorg.2@import.example"));
}

fn id_of(created: &Value) -> String {
    created["user"]["id"]
        .as_str()
        .or(created["id"].as_str())
        .unwrap()
        .to_owned()
}

async fn b2_portal_selection_confirms_the_names_then_reports_each_user(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let active = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Anna", "last_name": "Aktiv", "extension": "602" }),
        )
        .await;
    let pending = t
        .create_user(
            "+493012345603",
            json!({ "first_name": "Paul", "last_name": "Pending", "extension": "603" }),
        )
        .await;
    let mut browser = admin(&t, "+493012345690").await;
    let list = browser.get("/users").await;
    let (active, pending) = (id_of(&active), id_of(&pending));
    // Each row has its checkbox in the bulk form.
    assert!(list.contains(&format!(
        "name=\"user_id\" value=\"{active}\" form=\"bulk\""
    )));
    assert!(list.contains("id=\"bulk-action\""));

    // No action, or nobody selected: back to the list with a message.
    let answer = browser
        .post("/users/bulk", &[("action", ""), ("user_id", &active)])
        .await;
    assert_eq!(answer.location.as_deref(), Some("/users"));
    assert!(
        browser
            .get("/users")
            .await
            .contains("Choose what to do with the selected users.")
    );
    let answer = browser.post("/users/bulk", &[("action", "delete")]).await;
    assert_eq!(answer.location.as_deref(), Some("/users"));

    // Delete: the confirmation names everyone; nothing happens before it.
    browser.get("/users").await;
    let confirm = browser
        .post(
            "/users/bulk",
            &[
                ("action", "delete"),
                ("user_id", &active),
                ("user_id", &pending),
            ],
        )
        .await;
    assert_eq!(confirm.status, 200, "{}", confirm.body);
    assert_eq!(confirm.h1(), "Delete 2 users");
    assert!(confirm.contains("Aktiv, Anna") && confirm.contains("Pending, Paul"));
    assert_eq!(t.user_count().await, 3);

    // L-3/L-4: the active user is deleted; the pending one is refused, with the reason.
    let results = browser
        .post(
            "/users/bulk",
            &[
                ("action", "delete"),
                ("confirmed", "yes"),
                ("user_id", &active),
                ("user_id", &pending),
            ],
        )
        .await;
    assert_eq!(results.status, 200, "{}", results.body);
    assert_eq!(
        results.text_of("bulk-summary").unwrap(),
        "Done for 1. Refused for 1."
    );
    assert!(
        results.contains("Not possible while the user is"),
        "{}",
        results.body
    );
    assert_eq!(t.user_count().await, 2);

    // New desk-phone passwords: shown once on the results page, never cached.
    browser.get("/users").await;
    let results = browser
        .post(
            "/users/bulk",
            &[
                ("action", "new_device_passwords"),
                ("confirmed", "yes"),
                ("user_id", &pending),
            ],
        )
        .await;
    assert_eq!(results.headers["cache-control"], "no-store");
    assert!(results.contains("id=\"shown-once\""));
    assert_eq!(
        results.text_of("bulk-summary").unwrap(),
        "Done for 1. Refused for 0."
    );
}

async fn l8_portal_device_passwords_come_as_a_csv_downloadable_once(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    for n in 2..=4 {
        t.create_active_user(
            &format!("+49301234560{n}"),
            json!({ "first_name": "Fritz", "last_name": format!("Fon-{n}"), "extension": format!("60{n}") }),
        )
        .await;
    }
    let mut browser = admin(&t, "+493012345690").await;
    browser.get("/language/fr").await;
    let page = browser.get("/device-passwords").await;
    assert_eq!(page.h1(), "Mots de passe des appareils");
    let berlin = t.fx.berlin.to_string();
    // Issue 19: each site says how many users a run renews (three and the administrator).
    assert!(
        page.contains("Berlin — utilisateurs\u{202f}: 4</option>"),
        "{}",
        page.body
    );

    // L-8: confirmed first; a weak shared password is refused at its field; nothing changes.
    let refused = browser
        .post(
            "/device-passwords",
            &[("site_id", &berlin), ("mode", "generated")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("Confirmez que les mots de passe actuels"));
    browser.get("/device-passwords").await;
    let weak = browser
        .post(
            "/device-passwords",
            &[
                ("site_id", &berlin),
                ("mode", "own"),
                ("password", "1234"),
                ("understood", "yes"),
            ],
        )
        .await;
    assert_eq!(weak.status, 422, "{}", weak.body);
    assert!(weak.contains("href=\"#password\""), "{}", weak.body);

    browser.get("/device-passwords").await;
    let done = browser
        .post(
            "/device-passwords",
            &[
                ("site_id", &berlin),
                ("mode", "generated"),
                ("understood", "yes"),
            ],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(done.headers["cache-control"], "no-store");
    assert!(
        done.contains("4 utilisateurs ont de nouveaux mots de passe de poste fixe."),
        "{}",
        done.body
    );
    let marker = "href=\"/device-passwords/";
    let at = done.body.find(marker).unwrap() + "href=\"".len();
    let link = done.body[at..at + done.body[at..].find('"').unwrap()].to_owned();

    let sheet = browser.get(&link).await;
    assert_eq!(sheet.status, 200);
    assert_eq!(sheet.headers["cache-control"], "no-store");
    assert!(sheet.body.contains("Fon-3"), "{}", sheet.body);
    assert_eq!(sheet.body.lines().count(), 5, "header and 4 users");

    // Once: the second download is refused, in words.
    let again = browser.get(&link).await;
    assert_eq!(again.status, 410);
    assert!(again.contains("Ce lien de téléchargement a déjà servi"));
}
