//! The audit log a person can read (A-3, issue 19 item 3), over HTTP on both databases: events
//! and fields in words, names instead of ids, the reader's date format; filters by who, by the
//! kind of event (a list), by subject and by days, each wrong one refused on its field; deleted
//! subjects named without a link.

use serde_json::json;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::{Page, WebClient};

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    a3_the_audit_log_reads_as_words_with_names_not_ids,
    a3_the_audit_log_is_filtered_by_who_event_subject_and_days,
    a3_a_deleted_subject_is_named_without_a_dead_link,
);

async fn admin(t: &TestApp, language: &str) -> (WebClient, String) {
    let created = t
        .create_user(
            "+493012345601",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "language": language }),
        )
        .await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    let mut browser = WebClient::new(t);
    browser.sign_in_fully(&login, STRONG).await;
    (browser, login)
}

/// The text a person reads in the audit table: the markup, the attributes and the technical
/// details (behind their disclosure) left out.
fn readable(page: &Page) -> String {
    let start = page.body.find("id=\"audit\"").expect("the audit table");
    let end = page.body[start..].find("</table>").unwrap() + start;
    let mut table = page.body[start..end].to_owned();
    while let Some(open) = table.find("<details") {
        let close = table[open..].find("</details>").unwrap() + open + "</details>".len();
        table.replace_range(open..close, "");
    }
    let mut text = String::new();
    let mut in_tag = false;
    for ch in table.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn looks_like_uuid(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .any(|w| w.len() == 36 && w.matches('-').count() == 4)
}

async fn a3_the_audit_log_reads_as_words_with_names_not_ids(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let (mut browser, _) = admin(&t, "de").await;
    let user = t.create_active_user("+493012345610", json!({})).await;
    let id = user["id"].as_str().unwrap().to_owned();
    let read = t.get(&format!("/api/v1/users/{id}"), &t.fx.admin).await;
    let changed = t
        .patch(
            &format!("/api/v1/users/{id}"),
            &t.fx.admin,
            read.headers["etag"].to_str().ok(),
            json!({"role": "site_admin", "department_id": t.fx.sales.to_string(),
                   "package_licence": "voice-premium"}),
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);

    let page = browser.get(&format!("/audit?subject={id}")).await;
    assert_eq!(page.status, 200);
    let text = readable(&page);
    assert!(text.contains("Benutzer geändert"), "{text}");
    assert!(
        text.contains("Rolle: Benutzer → Standortadministrator"),
        "{text}"
    );
    assert!(text.contains("Abteilung:"), "{text}");
    assert!(text.contains("Sales"), "the department by name: {text}");
    assert!(
        text.contains("voice-basic → voice-premium"),
        "licences by name: {text}"
    );
    assert!(text.contains("Aktiviert"), "{text}");
    assert!(!looks_like_uuid(&text), "an id on the page: {text}");
    for raw in [
        "user.updated",
        "package_licence_id",
        "department_id",
        "T0",
        "T1",
        "site_admin",
    ] {
        assert!(!text.contains(raw), "{raw} on the page: {text}");
    }
    // The subject the log is narrowed to is named in a chip that clears it.
    assert!(page.contains("Änderungen an Anna Müller"), "{}", page.body);
    // German dates.
    let date = regex_like_german_date(&text);
    assert!(date, "a date such as 08.12.2026, 14:05 UTC: {text}");
}

/// `dd.mm.yyyy, hh:mm UTC` somewhere in the text.
fn regex_like_german_date(text: &str) -> bool {
    text.as_bytes().windows(21).any(|w| {
        let s = std::str::from_utf8(w).unwrap_or("");
        let b = s.as_bytes();
        s.len() == 21
            && b[2] == b'.'
            && b[5] == b'.'
            && &s[10..12] == ", "
            && b[14] == b':'
            && s.ends_with(" UTC")
            && s[..2].bytes().all(|c| c.is_ascii_digit())
    })
}

async fn a3_the_audit_log_is_filtered_by_who_event_subject_and_days(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let (mut browser, login) = admin(&t, "en").await;
    let other = t.create_user("+493012345610", json!({})).await;
    let other_id = other["user"]["id"].as_str().unwrap().to_owned();
    // A change made in the portal by the administrator, and one made through the API.
    let form = browser.get(&format!("/users/{other_id}/edit")).await;
    let version = form
        .body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    browser
        .post(
            &format!("/users/{other_id}/edit"),
            &[("version", &version), ("first_name", "Renamed")],
        )
        .await;

    // The kinds of event are a list of names; a code typed by hand that is not one is refused.
    let page = browser.get("/audit").await;
    assert!(page.contains("<option value=\"user.deactivated\">User deactivated</option>"));
    let wrong = browser.get("/audit?event=deactivated").await;
    assert!(wrong.contains("href=\"#event\""), "{}", wrong.body);

    let mine = browser
        .get(&format!("/audit?who={}", login.to_uppercase()))
        .await;
    let text = readable(&mine);
    assert!(text.contains("User changed"), "{text}");
    assert!(!text.contains("User added"), "the API made those: {text}");

    let added = browser.get("/audit?event=user.created").await;
    let text = readable(&added);
    assert!(
        text.contains("User added") && !text.contains("User changed"),
        "{text}"
    );

    // Days: today holds everything, tomorrow nothing; a wrong date is refused on its field.
    let today = time::OffsetDateTime::now_utc().date();
    let tomorrow = today.next_day().unwrap();
    let day = |d: time::Date| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
    let within = browser
        .get(&format!("/audit?from={}&to={}", day(today), day(today)))
        .await;
    assert!(readable(&within).contains("User changed"));
    let later = browser.get(&format!("/audit?from={}", day(tomorrow))).await;
    assert!(later.contains("Nothing recorded yet."), "{}", later.body);
    let refused = browser.get("/audit?from=24.12.2026").await;
    assert!(refused.contains("href=\"#from\""), "{}", refused.body);
    let backwards = browser
        .get(&format!("/audit?from={}&to={}", day(tomorrow), day(today)))
        .await;
    assert!(backwards.contains("href=\"#to\""), "{}", backwards.body);
}

async fn a3_a_deleted_subject_is_named_without_a_dead_link(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let (mut browser, _) = admin(&t, "en").await;
    let gone = t
        .create_active_user(
            "+493012345610",
            json!({"first_name": "Jörg", "last_name": "Weiß"}),
        )
        .await;
    let gone_id = gone["id"].as_str().unwrap().to_owned();
    let kept = t
        .create_active_user(
            "+493012345611",
            json!({"first_name": "Émilie", "last_name": "Ørsted"}),
        )
        .await;
    let kept_id = kept["id"].as_str().unwrap().to_owned();
    let deleted = t
        .delete(&format!("/api/v1/users/{gone_id}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status.as_u16(), 204, "{}", deleted.body);
    let page = browser.get("/audit").await;
    let text = readable(&page);
    assert!(text.contains("User deleted"), "{text}");
    assert!(text.contains("Jörg Weiß"), "{text}");
    assert!(
        !page.contains(&format!("href=\"/users/{gone_id}\"")),
        "no entry of the deleted user links to a page that is gone"
    );
    assert!(page.contains(&format!("href=\"/users/{kept_id}\">Émilie Ørsted</a>")));
}
