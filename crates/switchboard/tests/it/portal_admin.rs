//! The administration portal over HTTP, on both databases (issue 5): the users list (U-6), add
//! user with the one-time desk-phone login (U-1…U-5), the user page and its lifecycle actions
//! (L-3…L-7), duplicate (U-7), licences and numbers (N-3, N-4), the audit page, the site
//! switcher and the reach of each role.

use serde_json::{Value, json};

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::{Page, WebClient};

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    u6_users_list_searches_filters_sorts_pages_and_remembers_columns,
    u1_u4_u5_add_user_in_the_portal_shows_the_desk_phone_login_once,
    u1_u3_k3_a_refused_form_names_every_field_and_keeps_what_was_typed,
    n2_an_exhausted_licence_is_shown_and_refused_with_purchase_more,
    l3_l5_l6_l4_state_badge_disabled_actions_deactivate_reactivate_delete,
    l7_u8_edit_profile_any_time_configuration_only_when_active_new_device_new_login,
    u7_duplicate_opens_a_prefilled_form_without_personal_data,
    n3_n4_licences_and_numbers_pages_and_an_operator_records_a_purchase,
    a1_a2_site_switcher_reach_of_site_admins_members_and_other_enterprises,
    a3_audit_page_lists_portal_changes_with_before_and_after,
);

async fn spawn(kind: Kind) -> Option<TestApp> {
    TestApp::spawn(kind).await
}

/// An administrator with a password of their own, signed in; returns the browser.
async fn admin(t: &TestApp, number: &str, role: &str) -> WebClient {
    let created = t
        .create_user(
            number,
            json!({ "password": STRONG, "must_change_password": false, "role": role,
                    "first_name": "Ada", "last_name": "Admin" }),
        )
        .await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    let mut browser = WebClient::new(t);
    browser.sign_in_fully(&login, STRONG).await;
    browser
}

fn id_of(created: &Value) -> String {
    created["user"]["id"].as_str().unwrap().to_owned()
}

/// The ids of the users rows of a list page, in order.
fn row_ids(page: &Page) -> Vec<String> {
    page.body
        .match_indices("data-user=\"")
        .map(|(i, m)| page.body[i + m.len()..i + m.len() + 36].to_owned())
        .collect()
}

fn berlin_fields(t: &TestApp) -> Vec<(&'static str, String)> {
    vec![
        ("site_id", t.fx.berlin.to_string()),
        ("first_name", "Jörg".into()),
        ("last_name", "Schäfer".into()),
        ("email", "joerg.schaefer@example.de".into()),
        ("language", "de".into()),
        ("package_licence", "voice-basic".into()),
        ("primary_number", "+493012345650".into()),
        ("device_type", "yealink-t54w".into()),
        ("role", "user".into()),
        ("password_mode", "invite".into()),
    ]
}

fn as_refs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn u6_users_list_searches_filters_sorts_pages_and_remembers_columns(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    for i in 0..54 {
        let number = format!("+4930123456{:02}", 10 + i);
        let site = if i % 2 == 0 { t.fx.berlin } else { t.fx.paris };
        t.create_user(
            &number,
            json!({ "first_name": format!("Person{i:02}"), "last_name": "Listed",
                    "email": format!("person{i:02}@example.de"), "site_id": site.to_string() }),
        )
        .await;
    }
    t.create_user(
        "+493012345690",
        json!({ "first_name": "Émilie", "last_name": "Rousseau", "email": "emilie@example.fr",
                "extension": "777", "device_type": "no-desk-phone",
                "mobile_number": "+491701234567", "contract_number": "C-1001" }),
    )
    .await;

    // U-6: 56 users, 50 per page, a next page and no exact count on the way.
    let first = browser.get("/users").await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(row_ids(&first).len(), 50);
    let next = first.text_of("next-page").expect("a next page");
    assert!(!next.is_empty());
    let next_href = href_of(&first, "next-page");
    let second = browser.get(&next_href).await;
    assert_eq!(row_ids(&second).len(), 6);
    assert!(
        row_ids(&second)
            .iter()
            .all(|id| !row_ids(&first).contains(id))
    );

    // Search by name (substring, accents as typed), by extension, as a partial for live search.
    let found = browser.get("/users?q=rousseau").await;
    assert_eq!(row_ids(&found).len(), 1);
    assert!(found.contains("Rousseau, Émilie"));
    let by_extension = browser.get("/users?q=777&partial=1").await;
    assert_eq!(row_ids(&by_extension).len(), 1);
    assert!(
        !by_extension.contains("<html"),
        "a partial is only the results"
    );

    // P-1b: a substring common to more than a page pages on (the bounded walk fills the page).
    let common = browser.get("/users?q=isted").await;
    assert_eq!(row_ids(&common).len(), 50);
    let rest = browser.get(&href_of(&common, "next-page")).await;
    assert_eq!(row_ids(&rest).len(), 4);
    assert!(
        row_ids(&rest)
            .iter()
            .all(|id| !row_ids(&common).contains(id))
    );

    // Filters show as chips that remove themselves.
    let filtered = browser
        .get(&format!("/users?site={}&device=no-desk-phone", t.fx.berlin))
        .await;
    assert_eq!(row_ids(&filtered).len(), 1);
    assert!(filtered.contains("class=\"chips\""));
    assert!(filtered.contains("aria-label=\"Remove filter: Device type: no-desk-phone\""));
    let paris = browser.get(&format!("/users?site={}", t.fx.paris)).await;
    assert_eq!(row_ids(&paris).len(), 27);

    // Sort by extension, descending.
    let sorted = browser.get("/users?sort=-extension&q=Listed").await;
    let ids = row_ids(&sorted);
    assert_eq!(ids.len(), 50);
    assert!(sorted.contains("aria-sort=\"descending\""));

    // Bad input gets a readable error, not a crash.
    let bad = browser.get("/users?state=sleeping").await;
    assert_eq!(bad.status, 200);
    assert!(bad.contains("error-summary"));

    // U-6: the columns chosen are remembered for this administrator, in a new session too.
    browser.get("/users").await;
    let saved = browser
        .post(
            "/users/columns",
            &[("column", "email"), ("column", "teams"), ("back", "/users")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let list = browser.get("/users").await;
    assert!(list.contains("data-column=\"email\""));
    assert!(list.contains("data-column=\"teams\""));
    assert!(!list.contains("data-column=\"device\""));
    let mut again = WebClient::new(&t);
    let login = "anna.493012345601@example.de";
    again.sign_in_fully(login, STRONG).await;
    let list = again.get("/users").await;
    assert!(
        list.contains("data-column=\"email\""),
        "remembered per administrator"
    );
}

fn href_of(page: &Page, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let at = page.body.find(&marker).expect("element");
    let tag_start = page.body[..at].rfind('<').unwrap();
    let tag_end = at + page.body[at..].find('>').unwrap();
    let tag = &page.body[tag_start..tag_end];
    let href = tag.split("href=\"").nth(1).expect("href");
    // As a browser reads the attribute: askama escapes `&` as `&#38;`.
    href[..href.find('"').unwrap()]
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

async fn u1_u4_u5_add_user_in_the_portal_shows_the_desk_phone_login_once(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    t.create_user("+33123456600", json!({ "site_id": t.fx.paris.to_string() }))
        .await;
    let form = browser.get("/users/new").await;
    assert_eq!(form.status, 200);
    // Free counts and the free-number picker (N-2, N-4).
    assert!(form.contains("voice-basic (98 free)"), "{}", form.body);
    assert!(
        form.contains("<option value=\"+33123456601\">"),
        "free numbers offered"
    );
    assert!(
        !form.contains("<option value=\"+33123456600\">"),
        "assigned numbers are not"
    );
    let fields = berlin_fields(&t);
    let created = browser.post("/users/new", &as_refs(&fields)).await;
    assert_eq!(created.status, 200, "{}", created.body);
    assert_eq!(
        created.headers.get("cache-control").unwrap(),
        "no-store",
        "U-4: the login page is never cached"
    );
    let password = created.text_of("sip-password").expect("the SIP password");
    assert!(password.len() >= 16);
    assert_eq!(
        created.text_of("sip-domain").as_deref(),
        Some("mueller.sip.test")
    );
    assert_eq!(
        created.text_of("sip-username").as_deref(),
        Some("493012345650")
    );
    let user_path = href_of(&created, "continue");
    // U-4: never shown again — not on the user page, not in the audit log.
    let page = browser.get(&user_path).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains(&password));
    assert_eq!(page.text_of("state").as_deref(), Some("Pending"));
    assert!(page.contains("Can make calls but not receive them"));
    // U-2: the default extension is the number's last four digits.
    assert!(page.contains("<dd>5650</dd>"));
    // U-5: an invitation went out, in the user's language.
    let user_id = user_path.trim_start_matches("/users/");
    let account = t
        .get(&format!("/api/v1/users/{user_id}/account"), &t.fx.admin)
        .await;
    assert_eq!(account.status, 200, "{}", account.body);
    let audit = t
        .get(
            &format!("/api/v1/audit?target_id={user_id}"),
            &t.fx.operator,
        )
        .await;
    let entry = &audit.body["items"][0];
    assert_eq!(entry["action"], "user.created");
    assert_eq!(entry["channel"], "portal", "A-3: from where");
    assert!(!audit.body.to_string().contains(&password), "K-5");
}

async fn u1_u3_k3_a_refused_form_names_every_field_and_keeps_what_was_typed(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    browser.get("/users/new").await;
    let before = t.user_count().await;
    let refused = browser
        .post(
            "/users/new",
            &[
                ("first_name", "Abcdefghijklmnopqrstuvwx"),
                ("email", "not-an-email"),
                ("device_type", "no-desk-phone"),
                ("password_mode", "set"),
                ("password", "secret"),
                ("extension", "12a"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    for field in [
        "site_id",
        "first_name",
        "last_name",
        "email",
        "package_licence",
        "mobile_number",
        "contract_number",
        "password",
        "extension",
    ] {
        assert!(
            refused.contains(&format!("href=\"#{field}\"")),
            "K-3: {field} is named in the summary: {}",
            refused.body
        );
    }
    assert!(
        refused.contains("First name: "),
        "the summary says which field"
    );
    assert!(
        refused.contains("value=\"Abcdefghijklmnopqrstuvwx\""),
        "typed values stay"
    );
    assert!(refused.contains("value=\"not-an-email\""));
    assert!(
        !refused.contains("value=\"secret\""),
        "a password is never sent back"
    );
    assert_eq!(t.user_count().await, before, "K-3: nothing written");

    // U-2: a taken extension is refused on the extension, not invented.
    let mut fields = berlin_fields(&t);
    fields.push(("extension", "5601".into()));
    browser.get("/users/new").await;
    let taken = browser.post("/users/new", &as_refs(&fields)).await;
    assert_eq!(taken.status, 422);
    assert!(taken.contains("href=\"#extension\""));
    assert!(taken.contains("Extension 5601 is already used"));

    // I-2: the same refusal in German.
    browser.get("/language/de").await;
    browser.get("/users/new").await;
    let german = browser.post("/users/new", &[("first_name", "Jörg")]).await;
    assert!(
        german.contains("Nachname: Dieses Feld ist erforderlich."),
        "{}",
        german.body
    );
}

async fn n2_an_exhausted_licence_is_shown_and_refused_with_purchase_more(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    for n in ["+493012345602", "+493012345603"] {
        t.create_user(n, json!({ "package_licence": "voice-premium" }))
            .await;
    }
    let form = browser.get("/users/new").await;
    assert!(
        form.contains("<option value=\"voice-premium\" disabled>voice-premium (0 free)</option>"),
        "{}",
        form.body
    );
    let mut fields = berlin_fields(&t);
    fields.retain(|(k, _)| *k != "package_licence");
    fields.push(("package_licence", "voice-premium".into()));
    let refused = browser.post("/users/new", &as_refs(&fields)).await;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("href=\"#package_licence\""));
    assert!(refused.contains("Purchase more to continue"));
    assert_eq!(t.licence("voice-premium").await["assigned"], 2, "N-2");
}

async fn l3_l5_l6_l4_state_badge_disabled_actions_deactivate_reactivate_delete(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    let leaver = id_of(
        &t.create_user("+493012345602", json!({ "addon_licences": ["supervisor"] }))
            .await,
    );
    // L-3: pending — deactivate and delete are shown, disabled, with the reason.
    let page = browser.get(&format!("/users/{leaver}")).await;
    assert!(page.contains("id=\"deactivate\" disabled"), "{}", page.body);
    assert!(page.contains("id=\"delete\" disabled"));
    assert_eq!(
        page.text_of("delete-why").as_deref(),
        Some("Not possible while the user is pending (until the number is activated).")
    );
    t.drain_jobs().await;
    let colleague = t
        .create_active_user("+493012345603", json!({ "extension": "303" }))
        .await;
    let page = browser.get(&format!("/users/{leaver}")).await;
    assert_eq!(page.text_of("state").as_deref(), Some("Active"));
    assert!(!page.contains("id=\"deactivate\" disabled"));

    // L-5: deactivate with an intercept to the colleague, found by extension.
    let form = browser.get(&format!("/users/{leaver}/deactivate")).await;
    assert!(
        form.contains("<option value=\"303\">"),
        "active colleagues suggested"
    );
    let wrong = browser
        .post(
            &format!("/users/{leaver}/deactivate"),
            &[
                ("action", "transfer_on_zero"),
                ("destination_user_id", "999"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.contains("href=\"#destination_user_id\""));
    assert!(wrong.contains("value=\"999\""), "typed values stay");
    let done = browser
        .post(
            &format!("/users/{leaver}/deactivate"),
            &[
                ("action", "transfer_on_zero"),
                ("destination_user_id", "303"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let page = browser.get(&format!("/users/{leaver}")).await;
    assert_eq!(page.text_of("state").as_deref(), Some("Deactivated"));
    assert!(page.contains("The user is deactivated"));
    assert!(page.contains("Transfer when the caller presses 0"));
    assert!(page.contains(&format!(
        "{} {} (303)",
        colleague["first_name"].as_str().unwrap(),
        colleague["last_name"].as_str().unwrap()
    )));

    // L-6: reactivate.
    let back = browser
        .post(&format!("/users/{leaver}/reactivate"), &[])
        .await;
    assert_eq!(back.status, 303);
    let page = browser.get(&format!("/users/{leaver}")).await;
    assert_eq!(page.text_of("state").as_deref(), Some("Active"));
    assert!(!page.contains("id=\"intercept\""));

    // L-4: the confirmation lists what is freed; deleting frees it.
    let confirm = browser
        .get(&format!("/users/{leaver}/confirm/delete"))
        .await;
    assert!(
        confirm.contains("Number +493012345602 becomes free."),
        "{}",
        confirm.body
    );
    assert!(confirm.contains("voice-basic, supervisor"));
    assert!(confirm.contains("This cannot be undone."));
    let deleted = browser.post(&format!("/users/{leaver}/delete"), &[]).await;
    assert_eq!(deleted.status, 303);
    assert_eq!(deleted.location.as_deref(), Some("/users"));
    let list = browser.get("/users").await;
    assert!(list.contains("The user was deleted."));
    assert!(t.number("+493012345602").await["user_id"].is_null(), "N-6");
    assert_eq!(t.licence("supervisor").await["assigned"], 0);
    let gone = browser.get(&format!("/users/{leaver}")).await;
    assert_eq!(gone.status, 404);
}

async fn l7_u8_edit_profile_any_time_configuration_only_when_active_new_device_new_login(
    kind: Kind,
) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    let user = id_of(&t.create_user("+493012345602", json!({})).await);
    // Pending: the profile can change, the configuration is disabled with the reason.
    let form = browser.get(&format!("/users/{user}/edit")).await;
    assert!(
        form.contains("id=\"configuration\" disabled"),
        "{}",
        form.body
    );
    let mut fields: Vec<(&str, &str)> = vec![
        ("first_name", "Annette"),
        ("last_name", "Müller"),
        ("email", "annette@example.de"),
        ("login_name", ""),
        ("role", "user"),
        ("language", "fr"),
        ("personal_contact", ""),
        ("department_id", ""),
    ];
    let version = version_of(&form);
    fields.push(("version", &version));
    let saved = browser.post(&format!("/users/{user}/edit"), &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = browser.get(&format!("/users/{user}")).await;
    assert!(
        page.contains("<dd>annette@example.de</dd>"),
        "U-8: the login follows the email"
    );
    assert_eq!(page.h1(), "Annette Müller");

    // Active: a new device gives new login details, shown once; a new number frees the old one.
    t.drain_jobs().await;
    let form = browser.get(&format!("/users/{user}/edit")).await;
    assert!(!form.contains("id=\"configuration\" disabled"));
    let version = version_of(&form);
    let changed = browser
        .post(
            &format!("/users/{user}/edit"),
            &[
                ("version", &version),
                ("configuration", "on"),
                ("package_licence", "voice-basic"),
                ("primary_number", "+493012345640"),
                ("extension", "5640"),
                ("device_type", "mobile-app"),
                ("mobile_number", ""),
                ("contract_number", ""),
            ],
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert!(
        changed.text_of("sip-password").is_some(),
        "L-7: new login once"
    );
    assert!(t.number("+493012345602").await["user_id"].is_null(), "N-6");
    // A stale form (the version moved on) is refused without writing.
    let stale = browser
        .post(
            &format!("/users/{user}/edit"),
            &[("version", &version), ("first_name", "Stale")],
        )
        .await;
    assert_eq!(stale.status, 422);
    assert!(stale.contains("Someone else changed this user meanwhile"));
    // N-5: an alternative number takes an Additional Number licence; removing it is confirmed.
    browser.get(&format!("/users/{user}")).await;
    let added = browser
        .post(
            &format!("/users/{user}/numbers"),
            &[("number", "+493012345641")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    assert_eq!(t.licence("additional-number").await["assigned"], 1);
    let page = browser.get(&format!("/users/{user}")).await;
    assert!(page.contains("confirm/remove-number?number=%2B493012345641"));
    let confirm = browser
        .get(&format!(
            "/users/{user}/confirm/remove-number?number=%2B493012345641"
        ))
        .await;
    assert!(
        confirm.contains("Number +493012345641 becomes free."),
        "{}",
        confirm.body
    );
    let removed = browser
        .post(
            &format!("/users/{user}/numbers/remove"),
            &[("number", "+493012345641")],
        )
        .await;
    assert_eq!(removed.status, 303);
    assert_eq!(t.licence("additional-number").await["assigned"], 0);
    assert!(t.number("+493012345641").await["user_id"].is_null());
    // New login details after a confirmation.
    let confirm = browser
        .get(&format!("/users/{user}/confirm/sip-login"))
        .await;
    assert!(confirm.contains("stops working at once"));
    let renewed = browser.post(&format!("/users/{user}/sip-login"), &[]).await;
    assert!(renewed.text_of("sip-password").is_some());
}

fn version_of(page: &Page) -> String {
    let marker = "name=\"version\" value=\"";
    let at = page.body.find(marker).expect("version field") + marker.len();
    page.body[at..at + page.body[at..].find('"').unwrap()].to_owned()
}

async fn u7_duplicate_opens_a_prefilled_form_without_personal_data(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    let source = id_of(
        &t.create_user(
            "+493012345602",
            json!({ "site_id": t.fx.paris.to_string(), "first_name": "Source", "role": "team_lead",
                    "package_licence": "voice-premium", "addon_licences": ["supervisor"],
                    "department_id": t.fx.sales.to_string(), "team_ids": [t.fx.hotline.to_string()] }),
        )
        .await,
    );
    let form = browser.get(&format!("/users/new?duplicate={source}")).await;
    assert_eq!(form.status, 200);
    assert!(form.contains("id=\"duplicate-notice\""));
    assert!(form.contains(&format!(
        "<option value=\"{}\" selected>Paris</option>",
        t.fx.paris
    )));
    assert!(form.contains("<option value=\"team_lead\" selected>"));
    assert!(form.contains("<option value=\"voice-premium\" selected>"));
    assert!(form.contains("value=\"supervisor\" checked"));
    assert!(form.contains(&format!("value=\"{}\" checked", t.fx.hotline)));
    assert!(form.contains(&format!(
        "<option value=\"{}\" selected>Sales</option>",
        t.fx.sales
    )));
    assert!(!form.contains("value=\"Source\""), "never the name");
    assert!(
        !form.contains("value=\"+493012345602\""),
        "never the number"
    );
}

async fn n3_n4_licences_and_numbers_pages_and_an_operator_records_a_purchase(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    let page = browser.get("/licences").await;
    assert_eq!(page.status, 200);
    // voice-basic: 100 purchased, 1 assigned (the admin), 99 free; the monthly total is billed
    // on purchases: 100 × 12.90 + 2 × 19.90 + 1 × 5.00 + 3 × 2.00 = 1,340.80.
    assert!(
        page.contains("<td class=\"num\">100</td><td class=\"num\">1</td>"),
        "{}",
        page.body
    );
    assert_eq!(page.text_of("monthly-total").as_deref(), Some("€1,340.80"));
    assert!(
        !page.contains("id=\"record-purchase\""),
        "only operators record purchases"
    );
    browser.get("/language/de").await;
    let german = browser.get("/licences").await;
    assert_eq!(
        german.text_of("monthly-total").as_deref(),
        Some("1.340,80 €")
    );

    let numbers = browser.get("/numbers?show=assigned").await;
    assert!(numbers.contains("+493012345601"));
    assert!(numbers.contains("Ada Admin"));
    let free = browser.get("/numbers?show=free&prefix=%2B3312").await;
    assert!(free.contains("+33123456600"));
    assert!(!free.contains("+493012345601"));
    assert!(
        free.text_of("next-page").is_none(),
        "100 Paris numbers fit one page"
    );

    // An operator chooses the enterprise, then records a purchase.
    let (mut ops, _) = crate::web_client::signed_in_operator(&t, "olga.ops", STRONG).await;
    let choose = ops.get("/users").await;
    assert_eq!(choose.location.as_deref(), Some("/enterprises"));
    let list = ops.get("/enterprises").await;
    assert!(list.contains("Müller GmbH") && list.contains("Dupont SA"));
    let pick = ops
        .get(&format!(
            "/workspace?enterprise={}&back=/licences",
            t.fx.enterprise
        ))
        .await;
    assert_eq!(pick.location.as_deref(), Some("/licences"));
    let page = ops.get("/licences").await;
    assert!(page.contains("id=\"record-purchase\""));
    let bad = ops
        .post(
            "/licences/purchases",
            &[("licence", "voice-basic"), ("quantity", "lots")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.contains("href=\"#quantity\""));
    let ok = ops
        .post(
            "/licences/purchases",
            &[
                ("licence", "voice-basic"),
                ("quantity", "5"),
                ("note", "PO 42"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303);
    assert_eq!(t.licence("voice-basic").await["purchased"], 105);
}

async fn a1_a2_site_switcher_reach_of_site_admins_members_and_other_enterprises(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut enterprise_admin = admin(&t, "+493012345601", "enterprise_admin").await;
    let paris_user = id_of(
        &t.create_user(
            "+33123456601",
            json!({ "site_id": t.fx.paris.to_string(), "first_name": "Pierre" }),
        )
        .await,
    );
    // The switcher narrows the list to one site and is remembered.
    let switched = enterprise_admin
        .get(&format!("/workspace?site={}&back=/users", t.fx.berlin))
        .await;
    assert_eq!(switched.location.as_deref(), Some("/users"));
    let berlin_only = enterprise_admin.get("/users").await;
    assert!(!row_ids(&berlin_only).contains(&paris_user));
    assert!(berlin_only.contains(&format!(
        "<option value=\"{}\" selected>Berlin</option>",
        t.fx.berlin
    )));
    enterprise_admin.get("/workspace?site=&back=/users").await;
    let all = enterprise_admin.get("/users").await;
    assert!(row_ids(&all).contains(&paris_user));

    // a site administrator of Berlin sees Berlin only; Paris users are "not found".
    let mut site_admin = WebClient::new(&t);
    let created = t
        .create_user(
            "+493012345602",
            json!({ "password": STRONG, "must_change_password": false, "role": "site_admin" }),
        )
        .await;
    site_admin
        .sign_in_fully(created["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let list = site_admin.get("/users").await;
    assert!(!row_ids(&list).contains(&paris_user));
    assert_eq!(
        site_admin.get(&format!("/users/{paris_user}")).await.status,
        404
    );
    let form = site_admin.get("/users/new").await;
    assert!(
        !form.contains("value=\"enterprise_admin\""),
        "cannot make enterprise admins"
    );
    assert!(!site_admin.get("/audit").await.contains("id=\"audit\""));

    // a member has no administration pages.
    let member = t
        .create_user(
            "+493012345603",
            json!({ "password": STRONG, "must_change_password": false, "role": "user" }),
        )
        .await;
    let mut member_browser = WebClient::new(&t);
    member_browser
        .sign_in_fully(member["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    assert_eq!(member_browser.get("/users").await.status, 403);
    assert_eq!(member_browser.get("/licences").await.status, 403);

    // a user of another enterprise is "not found", and posting to them changes nothing.
    let other = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.other_enterprise),
            &t.fx.other_admin,
            json!({ "site_id": t.fx.other_site.to_string(), "first_name": "Luc", "last_name": "Autre",
                    "email": "luc@dupont.test", "package_licence": "voice-basic",
                    "primary_number": "+33478000001", "device_type": "yealink-t54w" }),
        )
        .await;
    let other_id = other.body["user"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        enterprise_admin
            .get(&format!("/users/{other_id}"))
            .await
            .status,
        404
    );
    enterprise_admin.get("/users").await;
    let attempt = enterprise_admin
        .post(&format!("/users/{other_id}/delete"), &[])
        .await;
    assert_eq!(attempt.status, 404);
    let still = t
        .get(&format!("/api/v1/users/{other_id}"), &t.fx.other_admin)
        .await;
    assert_eq!(still.status, 200);
}

async fn a3_audit_page_lists_portal_changes_with_before_and_after(kind: Kind) {
    let Some(t) = spawn(kind).await else { return };
    let mut browser = admin(&t, "+493012345601", "enterprise_admin").await;
    let user = id_of(&t.create_user("+493012345602", json!({})).await);
    let form = browser.get(&format!("/users/{user}/edit")).await;
    let version = version_of(&form);
    browser
        .post(
            &format!("/users/{user}/edit"),
            &[("version", &version), ("first_name", "Renamed")],
        )
        .await;
    let audit = browser.get("/audit?event=user.updated").await;
    assert_eq!(audit.status, 200);
    assert!(audit.contains("User changed"), "the event in words");
    assert!(
        audit.contains("First name: <del>Anna</del> → <ins>Renamed</ins>"),
        "{}",
        audit.body
    );
    assert!(audit.contains("From where: Portal"), "from where");
    assert!(
        !audit.contains("<span class=\"event\">User added</span>"),
        "filtered by the kind of event"
    );
    // Per user, on the user page.
    let page = browser.get(&format!("/users/{user}")).await;
    assert!(page.contains("id=\"history-title\""));
    assert!(page.contains("First name: <del>Anna</del> → <ins>Renamed</ins>"));
}
