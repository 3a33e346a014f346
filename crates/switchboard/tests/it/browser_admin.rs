//! The administration portal in a real headless Chromium, on both databases (issue 5), each
//! workflow in English, German and French: the keyboard-only add user with the one-time login
//! page; the user page's lifecycle actions; editing (profile and configuration), duplicating
//! and new login details; the columns, filters, a user without a desk phone, role, department,
//! numbers, groups and a password reset of seeds 002 and 003. Also search as you type, imports
//! and bulk actions, and every administration page in the three languages — screenshots of
//! each in `target/browser-screenshots/`, labelled inputs, and an axe-core accessibility check
//! (WCAG 2 A/AA rules) when axe-core is installed (`.ci/run` installs it from npm).

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::browser::Browser;
use crate::support::{Kind, TestApp};

const STRONG: &str = "copper kettle drifts north";

macro_rules! in_chromium_on_both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() { super::super::$name($crate::support::Kind::Sqlite).await; }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() { super::super::$name($crate::support::Kind::Postgres).await; }
        }
    )*};
}

mod chromium {
    in_chromium_on_both!(
        u1_u4_keyboard_only_add_user_then_the_one_time_login_page,
        u1_u4_keyboard_only_add_user_in_german,
        u1_u4_keyboard_only_add_user_in_french,
        l5_l6_l4_deactivate_reactivate_and_delete_from_the_user_page,
        l5_l6_l4_deactivate_reactivate_and_delete_in_german,
        l5_l6_l4_deactivate_reactivate_and_delete_in_french,
        l3_u7_u4_edit_duplicate_and_new_login_details_in_english,
        l3_u7_u4_edit_duplicate_and_new_login_details_in_german,
        l3_u7_u4_edit_duplicate_and_new_login_details_in_french,
        u6_u1_l3_n5_g1_seeds_002_and_003_in_english,
        u6_u1_l3_n5_g1_seeds_002_and_003_in_german,
        u6_u1_l3_n5_g1_seeds_002_and_003_in_french,
        u6_search_as_you_type_replaces_the_results_in_place,
        i2_every_administration_page_in_three_languages_is_labelled_and_accessible,
        b1_b2_l8_import_a_file_act_on_a_selection_and_renew_device_passwords,
        a1_i2_every_administration_page_by_clicking_from_the_start_page,
        a1_i2_at_phone_width_the_folded_menu_reaches_every_administration_page,
    );
}

/// What the workflows read on the pages, in each language of the portal (issue 5, item 7).
struct Words {
    lang: &'static str,
    /// The one-time login page after adding Jörg Schäfer.
    added: &'static str,
    pending: &'static str,
    pending_meaning: &'static str,
    deactivated: &'static str,
    transfer_to_carl: &'static str,
    reactivated: &'static str,
    number_freed: &'static str,
    deleted: &'static str,
}

const ENGLISH: Words = Words {
    lang: "en",
    added: "Jörg Schäfer was added",
    pending: "Pending",
    pending_meaning: "Can make calls but not receive them",
    deactivated: "The user is deactivated",
    transfer_to_carl: "Transfer when the caller presses 0 → Carl",
    reactivated: "The user is active again.",
    number_freed: "Number +493012345602 becomes free.",
    deleted: "The user was deleted.",
};

const GERMAN: Words = Words {
    lang: "de",
    added: "Jörg Schäfer wurde hinzugefügt",
    pending: "Ausstehend",
    pending_meaning: "Kann Anrufe tätigen, aber erst empfangen",
    deactivated: "Der Benutzer ist deaktiviert",
    transfer_to_carl: "Weiterleiten, wenn der Anrufer die 0 drückt → Carl",
    reactivated: "Der Benutzer ist wieder aktiv.",
    number_freed: "Rufnummer +493012345602 wird frei.",
    deleted: "Der Benutzer wurde gelöscht.",
};

const FRENCH: Words = Words {
    lang: "fr",
    added: "Jörg Schäfer a été ajouté",
    pending: "En attente",
    pending_meaning: "Peut passer des appels mais pas en recevoir",
    deactivated: "L’utilisateur est désactivé",
    transfer_to_carl: "Transférer quand l’appelant appuie sur 0 → Carl",
    reactivated: "L’utilisateur est de nouveau actif.",
    number_freed: "Le numéro +493012345602 devient libre.",
    deleted: "L’utilisateur a été supprimé.",
};

/// An enterprise administrator signed in in Chromium (no forced change), with the page open.
async fn signed_in_admin(t: &TestApp, test: &'static str) -> Option<Browser> {
    let created = t
        .create_user(
            "+493012345601",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin" }),
        )
        .await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    let b = Browser::start(t, test).await?;
    b.open("/sign-in").await;
    b.fill("login", &login).await;
    b.fill("password", STRONG).await;
    b.submit("password").await;
    assert_eq!(b.path().await, "/");
    Some(b)
}

async fn active_id(b: &Browser) -> String {
    match b
        .client
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap()
    {
        Value::String(s) => s,
        _ => String::new(),
    }
}

/// Presses Tab until the field `id` has the focus (at most 40 times), as a keyboard user would.
async fn tab_to(b: &Browser, id: &str) {
    for _ in 0..40 {
        if active_id(b).await == id {
            return;
        }
        b.type_keys(&Key::Tab.to_string()).await;
    }
    panic!(
        "Tab never reached #{id}; focus is on #{}",
        active_id(b).await
    );
}

/// WCAG 2 A/AA rules of axe-core on the current page; none may be violated.
async fn assert_accessible(b: &Browser, page: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/axe/node_modules/axe-core/axe.min.js");
    let Ok(source) = std::fs::read_to_string(&path) else {
        let required = std::env::var("SWITCHBOARD_TEST_BROWSER").is_ok_and(|v| v == "required");
        assert!(
            !required,
            "axe-core is not installed at {}; .ci/run installs it",
            path.display()
        );
        eprintln!("SKIPPED (axe-core): npm install --prefix target/axe axe-core@4");
        return;
    };
    b.client
        .execute(&format!("{source}\n;return true;"), vec![])
        .await
        .expect("axe-core loads");
    let found = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })\
               .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))\
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe runs");
    assert_eq!(found, json!([]), "accessibility violations on {page}");
}

async fn u1_u4_keyboard_only_add_user_then_the_one_time_login_page(kind: Kind) {
    add_user_by_keyboard(kind, &ENGLISH, "add-user-keyboard").await;
}

async fn u1_u4_keyboard_only_add_user_in_german(kind: Kind) {
    add_user_by_keyboard(kind, &GERMAN, "add-user-keyboard-de").await;
}

async fn u1_u4_keyboard_only_add_user_in_french(kind: Kind) {
    add_user_by_keyboard(kind, &FRENCH, "add-user-keyboard-fr").await;
}

/// U-1…U-4 with the keyboard alone, in the portal's language `w.lang`.
async fn add_user_by_keyboard(kind: Kind, w: &Words, test: &'static str) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let Some(mut b) = signed_in_admin(&t, test).await else {
        return;
    };
    b.open(&format!("/language/{}?back=/", w.lang)).await;
    b.open("/users/new").await;
    b.screenshot("add-user-form").await;
    // From the top of the page, the keyboard alone: Tab to each field, type, Enter.
    tab_to(&b, "site_id").await;
    b.type_keys("Berlin").await;
    tab_to(&b, "first_name").await;
    b.type_keys("Jörg").await;
    let counter = b
        .client
        .find(Locator::Id("first_name-count"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        counter, "4/23",
        "U-1: the live counter counts characters, not bytes"
    );
    tab_to(&b, "last_name").await;
    b.type_keys("Schäfer").await;
    tab_to(&b, "email").await;
    b.type_keys("joerg.schaefer@example.de").await;
    tab_to(&b, "package_licence").await;
    b.type_keys("voice-b").await;
    tab_to(&b, "primary_number").await;
    b.type_keys("+493012345650").await;
    tab_to(&b, "extension").await;
    let extension: Value = b
        .client
        .execute("return document.getElementById('extension').value", vec![])
        .await
        .unwrap();
    assert_eq!(
        extension,
        json!("5650"),
        "U-2: the default extension follows the number"
    );
    tab_to(&b, "device_type").await;
    b.type_keys("yealink").await;
    tab_to(&b, "mobile_number").await;
    b.screenshot("add-user-filled").await;
    b.type_keys(&Key::Enter.to_string()).await;
    b.settle().await;
    assert_eq!(
        b.path().await,
        "/users/new",
        "the answer of the POST itself"
    );
    let text = b.page_text().await;
    assert!(text.contains(w.added), "{text}");
    let password = b
        .client
        .find(Locator::Id("sip-password"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(password.len() >= 16);
    b.assert_inputs_are_labelled().await;
    b.screenshot("one-time-login").await;
    // "Continue", reached by keyboard, leads to the user; the password is not there.
    tab_to(&b, "continue").await;
    b.type_keys(&Key::Enter.to_string()).await;
    b.settle().await;
    assert!(b.path().await.starts_with("/users/"));
    let text = b.page_text().await;
    assert!(
        text.contains(w.pending) && text.contains(w.pending_meaning),
        "{text}"
    );
    assert!(!text.contains(&password), "U-4: shown once");
    b.screenshot("user-page-pending").await;
    // Back and reload do not bring the login details back either.
    b.client.back().await.unwrap();
    b.settle().await;
    // Chromium asks to resubmit instead of showing a kept copy (`no-store`).
    let again = b.client.source().await.unwrap();
    assert!(
        !again.contains(&password),
        "no-store: the login page is not kept"
    );
    b.quit().await;
}

async fn l5_l6_l4_deactivate_reactivate_and_delete_from_the_user_page(kind: Kind) {
    user_lifecycle(kind, &ENGLISH, "user-lifecycle").await;
}

async fn l5_l6_l4_deactivate_reactivate_and_delete_in_german(kind: Kind) {
    user_lifecycle(kind, &GERMAN, "user-lifecycle-de").await;
}

async fn l5_l6_l4_deactivate_reactivate_and_delete_in_french(kind: Kind) {
    user_lifecycle(kind, &FRENCH, "user-lifecycle-fr").await;
}

/// L-5, L-6, L-4 from the user page, in the portal's language `w.lang`.
async fn user_lifecycle(kind: Kind, w: &Words, test: &'static str) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let leaver = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Lea", "last_name": "Leaver" }),
        )
        .await;
    t.create_active_user(
        "+493012345603",
        json!({ "extension": "303", "first_name": "Carl" }),
    )
    .await;
    let Some(mut b) = signed_in_admin(&t, test).await else {
        return;
    };
    b.open(&format!("/language/{}?back=/", w.lang)).await;
    let id = leaver["id"].as_str().unwrap();
    b.open(&format!("/users/{id}")).await;
    b.screenshot("active-user").await;
    b.click("#deactivate").await;
    assert_eq!(b.path().await, format!("/users/{id}/deactivate"));
    b.assert_inputs_are_labelled().await;
    b.click("#action-transfer_on_zero").await;
    b.fill("destination_user_id", "303").await;
    b.screenshot("deactivate-form").await;
    b.click("#confirm").await;
    let text = b.page_text().await;
    assert!(text.contains(w.deactivated), "{text}");
    assert!(text.contains(w.transfer_to_carl), "{text}");
    b.screenshot("deactivated").await;
    b.click("#reactivate").await;
    assert!(b.page_text().await.contains(w.reactivated));
    b.click("#delete").await;
    let text = b.page_text().await;
    assert!(text.contains(w.number_freed), "{text}");
    b.screenshot("delete-confirmation").await;
    b.click("#confirm").await;
    assert_eq!(b.path().await, "/users");
    assert!(b.page_text().await.contains(w.deleted));
    b.quit().await;
}

/// Seeds 000 and 003 in French: change a user's details, duplicate them into a prefilled add-user
/// form, and give their desk phone new login details (shown once).
/// What editing, duplicating and new login details read on the pages, in each language.
struct EditWords {
    lang: &'static str,
    saved: &'static str,
    add_user: &'static str,
    consequence: &'static str,
    renewed: &'static str,
}

async fn l3_u7_u4_edit_duplicate_and_new_login_details_in_english(kind: Kind) {
    let w = EditWords {
        lang: "en",
        saved: "The changes are saved.",
        add_user: "Add user",
        consequence: "The desk phone's current password stops working at once",
        renewed: "New login details for Léa Martin.",
    };
    edit_duplicate_and_new_login(kind, &w, "edit-duplicate-login-en").await;
}

async fn l3_u7_u4_edit_duplicate_and_new_login_details_in_german(kind: Kind) {
    let w = EditWords {
        lang: "de",
        saved: "Die Änderungen sind gespeichert.",
        add_user: "Benutzer hinzufügen",
        consequence: "Das aktuelle Kennwort des Tischtelefons funktioniert sofort nicht mehr",
        renewed: "Neue Anmeldedaten für Léa Martin.",
    };
    edit_duplicate_and_new_login(kind, &w, "edit-duplicate-login-de").await;
}

async fn l3_u7_u4_edit_duplicate_and_new_login_details_in_french(kind: Kind) {
    let w = EditWords {
        lang: "fr",
        saved: "Les modifications sont enregistrées.",
        add_user: "Ajouter un utilisateur",
        consequence: "Le mot de passe actuel du téléphone de bureau cesse immédiatement de fonctionner",
        renewed: "Nouveaux identifiants pour Léa Martin.",
    };
    edit_duplicate_and_new_login(kind, &w, "edit-duplicate-login-fr").await;
}

/// Seeds 000/003/004: the profile and (the user being active, L-3) the configuration edited —
/// a new number and extension —, the user duplicated into a prefilled form (U-7), and new
/// login details after a confirmation, shown once (U-4).
async fn edit_duplicate_and_new_login(kind: Kind, w: &EditWords, test: &'static str) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let lea = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Léa", "last_name": "Dubois" }),
        )
        .await;
    let Some(mut b) = signed_in_admin(&t, test).await else {
        return;
    };
    b.open(&format!("/language/{}?back=/", w.lang)).await;
    let id = lea["id"].as_str().unwrap();
    b.open(&format!("/users/{id}")).await;
    b.click("#edit").await;
    assert_eq!(b.path().await, format!("/users/{id}/edit"));
    b.client
        .execute("document.getElementById('last_name').value = ''", vec![])
        .await
        .unwrap();
    b.fill("last_name", "Martin").await;
    // L-3: active, so the configuration can change too: another number, another extension.
    for (field, value) in [("primary_number", "+493012345640"), ("extension", "40")] {
        b.client
            .execute(
                "document.getElementById(arguments[0]).value = ''",
                vec![json!(field)],
            )
            .await
            .unwrap();
        b.fill(field, value).await;
    }
    b.screenshot("edit-form").await;
    b.click("#save").await;
    assert_eq!(b.path().await, format!("/users/{id}"));
    let text = b.page_text().await;
    assert!(text.contains(w.saved), "{text}");
    assert!(text.contains("Léa Martin"), "{text}");
    assert!(text.contains("+493012345640"), "{text}");
    assert!(
        t.number("+493012345602").await["user_id"].is_null(),
        "N-6: the old number is free again"
    );

    // U-7: a prefilled add-user form, in French, with her site and licence.
    b.click("#duplicate").await;
    assert_eq!(b.path().await, "/users/new");
    assert_eq!(b.h1().await, w.add_user);
    let licence: Value = b
        .client
        .execute(
            "return document.getElementById('package_licence').value",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        licence,
        json!("voice-basic"),
        "her licence, where a new form has none chosen"
    );
    b.screenshot("duplicate-form").await;

    // U-4: new login details after a confirmation that says what happens; shown once.
    b.open(&format!("/users/{id}")).await;
    b.click("#sip-login").await;
    assert!(b.page_text().await.contains(w.consequence));
    b.click("#confirm").await;
    let text = b.page_text().await;
    assert!(text.contains(w.renewed), "{text}");
    let password = b
        .client
        .find(Locator::Id("sip-password"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(password.len() >= 16);
    b.screenshot("new-login-details").await;
    b.quit().await;
}

/// Sets a field's value as a choice in the page would (selects, inputs), with its events.
async fn choose(b: &Browser, id: &str, value: &str) {
    let done = b
        .client
        .execute(
            "const f = document.getElementById(arguments[0]);\
             if (!f) { return false; }\
             f.value = arguments[1];\
             f.dispatchEvent(new Event('input', { bubbles: true }));\
             f.dispatchEvent(new Event('change', { bubbles: true }));\
             return f.value === arguments[1];",
            vec![json!(id), json!(value)],
        )
        .await
        .unwrap();
    assert_eq!(done, json!(true), "#{id} takes '{value}'");
}

async fn count(b: &Browser, css: &str) -> u64 {
    b.client
        .execute(
            "return document.querySelectorAll(arguments[0]).length",
            vec![json!(css)],
        )
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(0)
}

/// What the seeds 002 and 003 workflow reads on the pages, in each language.
struct SeedWords {
    lang: &'static str,
    add_user: &'static str,
    columns_saved: &'static str,
    contact_required: &'static str,
    added: &'static str,
    saved: &'static str,
    team_lead: &'static str,
    member_added: &'static str,
    reset_one: &'static str,
    done_one: &'static str,
    refused_none: &'static str,
    licence_columns: [&'static str; 3],
}

const SEEDS_ENGLISH: SeedWords = SeedWords {
    lang: "en",
    add_user: "Add user",
    columns_saved: "Your choice of columns is saved.",
    contact_required: "Personal contact: This field is required.",
    added: "Greta Ohne was added",
    saved: "The changes are saved.",
    team_lead: "Team lead",
    member_added: "The member was added.",
    reset_one: "Reset the portal password of one user",
    done_one: "Done for 1.",
    refused_none: "Refused for 0.",
    licence_columns: ["Purchased", "Assigned", "Free"],
};

const SEEDS_GERMAN: SeedWords = SeedWords {
    lang: "de",
    add_user: "Benutzer hinzufügen",
    columns_saved: "Ihre Spaltenauswahl ist gespeichert.",
    contact_required: "Persönlicher Kontakt: Dieses Feld ist erforderlich.",
    added: "Greta Ohne wurde hinzugefügt",
    saved: "Die Änderungen sind gespeichert.",
    team_lead: "Teamleiter",
    member_added: "Das Mitglied wurde hinzugefügt.",
    reset_one: "Portal-Kennwort eines Benutzers zurücksetzen",
    done_one: "Erledigt für 1.",
    refused_none: "Abgelehnt für 0.",
    licence_columns: ["Gekauft", "Zugewiesen", "Frei"],
};

const SEEDS_FRENCH: SeedWords = SeedWords {
    lang: "fr",
    add_user: "Ajouter un utilisateur",
    columns_saved: "Votre choix de colonnes est enregistré.",
    contact_required: "Contact personnel\u{202f}: Ce champ est obligatoire.",
    added: "Greta Ohne a été ajouté",
    saved: "Les modifications sont enregistrées.",
    team_lead: "Chef d’équipe",
    member_added: "Le membre a été ajouté.",
    reset_one: "Réinitialiser le mot de passe du portail d'un utilisateur",
    done_one: "Fait pour 1.",
    refused_none: "Refusé pour 0.",
    licence_columns: ["Achetées", "Attribuées", "Libres"],
};

async fn u6_u1_l3_n5_g1_seeds_002_and_003_in_english(kind: Kind) {
    seeds_002_and_003(kind, &SEEDS_ENGLISH, "seeds-002-003-en").await;
}

async fn u6_u1_l3_n5_g1_seeds_002_and_003_in_german(kind: Kind) {
    seeds_002_and_003(kind, &SEEDS_GERMAN, "seeds-002-003-de").await;
}

async fn u6_u1_l3_n5_g1_seeds_002_and_003_in_french(kind: Kind) {
    seeds_002_and_003(kind, &SEEDS_FRENCH, "seeds-002-003-fr").await;
}

/// Seeds 002 and 003 in the browser: the users list's columns (remembered), a filter shown as
/// a removable chip, refresh; a user added without a desk phone, with a password set now and
/// two-step sign-in required; role, department and email changed; an alternative number
/// (N-5); a hunt group member (G-1); a portal password reset for a selection; the licences.
async fn seeds_002_and_003(kind: Kind, w: &SeedWords, test: &'static str) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let department = t
        .post(
            &format!("/api/v1/enterprises/{}/departments", t.fx.enterprise),
            &t.fx.admin,
            json!({ "name": "Vertrieb" }),
        )
        .await;
    assert_eq!(department.status, 201, "{}", department.body);
    let department = department.body["id"].as_str().unwrap().to_owned();
    let bob = t
        .create_active_user(
            "+493012345602",
            json!({ "first_name": "Bob", "last_name": "Becker" }),
        )
        .await;
    let bob = bob["id"].as_str().unwrap().to_owned();
    let hotline = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline",
                   "extension": "700"}),
        )
        .await;
    assert_eq!(hotline.status, 201, "{}", hotline.body);
    let hotline = hotline.body["id"].as_str().unwrap().to_owned();
    let Some(mut b) = signed_in_admin(&t, test).await else {
        return;
    };
    b.open(&format!("/language/{}?back=/users", w.lang)).await;

    // Seed 003: the columns the administrator chooses, remembered.
    b.open("/users").await;
    b.click("details.columns-chooser summary").await;
    for column in ["email", "department"] {
        let on: Value = b
            .client
            .execute(
                &format!("return document.getElementById('column-{column}').checked"),
                vec![],
            )
            .await
            .unwrap();
        if on != json!(true) {
            b.click(&format!("#column-{column}")).await;
        }
    }
    b.click("details.columns-chooser button[type=submit]").await;
    assert!(
        b.page_text().await.contains(w.columns_saved),
        "{}",
        b.page_text().await
    );
    b.open("/users").await;
    assert!(count(&b, "[data-column=email]").await > 0, "remembered");
    assert!(count(&b, "[data-column=department]").await > 0);
    b.screenshot("users-columns").await;

    // A filter, shown as a chip that removes it; refresh keeps the list.
    choose(&b, "filter-state", "active").await;
    b.click("#users-filter button[type=submit]").await;
    assert_eq!(count(&b, "ul.chips li").await, 1, "the filter as a chip");
    b.screenshot("users-filter-chip").await;
    b.click("ul.chips a").await;
    assert_eq!(count(&b, "ul.chips li").await, 0, "removed");
    b.click("#refresh").await;
    assert_eq!(b.path().await, "/users");

    // Seed 000/003: without a desk phone (mobile and contract number then needed), the
    // password set now, two-step sign-in required.
    b.open("/users/new").await;
    assert_eq!(b.h1().await, w.add_user);
    choose(&b, "site_id", &t.fx.berlin.to_string()).await;
    b.fill("first_name", "Greta").await;
    b.fill("last_name", "Ohne").await;
    b.fill("email", "greta.ohne@example.de").await;
    choose(&b, "package_licence", "voice-basic").await;
    choose(&b, "primary_number", "+493012345660").await;
    choose(&b, "device_type", "no-desk-phone").await;
    // Seed 004: the default extension (U-2) is editable, two to four digits here.
    b.client
        .execute("document.getElementById('extension').value = ''", vec![])
        .await
        .unwrap();
    b.fill("extension", "66").await;
    b.click("#create-user").await;
    assert_eq!(b.path().await, "/users/new", "refused, on the same form");
    let refused = b.page_text().await;
    assert!(
        count(&b, ".error-summary a").await >= 2,
        "the mobile and the contract number are named: {refused}"
    );
    let kept: Value = b
        .client
        .execute("return document.getElementById('first_name').value", vec![])
        .await
        .unwrap();
    assert_eq!(kept, json!("Greta"), "what was typed is kept");
    b.fill("mobile_number", "+491701234567").await;
    b.fill("contract_number", "V-2024-17").await;
    b.click("#password_mode-set").await;
    b.fill("password", "tinned pears glow softly").await;
    b.click("#two_step_required").await;
    b.click("#create-user").await;
    assert!(
        b.page_text().await.contains(w.contact_required),
        "two-step sign-in needs somewhere to send codes: {}",
        b.page_text().await
    );
    b.fill("personal_contact", "+491701234567").await;
    // A refused form keeps what was typed, except the password, which is never sent back.
    b.fill("password", "tinned pears glow softly").await;
    b.screenshot("add-user-no-desk-phone").await;
    b.click("#create-user").await;
    let text = b.page_text().await;
    assert!(text.contains(w.added), "{text}");
    b.click("#continue").await;
    let greta = b.path().await.trim_start_matches("/users/").to_owned();
    let user = t.get(&format!("/api/v1/users/{greta}"), &t.fx.admin).await;
    assert_eq!(user.body["extension"], "66", "{}", user.body);
    assert_eq!(user.body["mobile_number"], "+491701234567", "{}", user.body);
    assert_eq!(user.body["contract_number"], "V-2024-17");
    let account = t
        .get(&format!("/api/v1/users/{greta}/account"), &t.fx.admin)
        .await;
    assert_eq!(account.body["two_step_required"], true, "{}", account.body);

    // Seed 004: found by extension, and by name.
    for (typed, found) in [("66", "Ohne"), ("Beck", "Becker")] {
        b.open("/users").await;
        b.fill("q", typed).await;
        b.click("#users-filter button[type=submit]").await;
        assert_eq!(count(&b, "#users tbody tr").await, 1, "'{typed}' finds one");
        assert!(b.page_text().await.contains(found));
    }

    // Seed 002: role, department and email of Bob.
    b.open(&format!("/users/{bob}/edit")).await;
    choose(&b, "role", "team_lead").await;
    choose(&b, "department_id", &department).await;
    b.client
        .execute("document.getElementById('email').value = ''", vec![])
        .await
        .unwrap();
    b.fill("email", "bob.becker@example.de").await;
    b.click("#save").await;
    assert_eq!(b.path().await, format!("/users/{bob}"));
    let text = b.page_text().await;
    assert!(text.contains(w.saved), "{text}");
    assert!(text.contains("bob.becker@example.de"), "{text}");
    assert!(text.contains("Vertrieb"), "{text}");
    assert!(text.contains(w.team_lead), "{text}");

    // N-5: an alternative number on Bob.
    b.fill("number", "+493012345661").await;
    b.click("form[action$='/numbers'] button[type=submit]")
        .await;
    assert!(
        b.client
            .find(Locator::Id("alternative-numbers"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
            .contains("+493012345661")
    );

    // G-1: Bob joins the hotline, found by name in the picker and added by clicking; his page
    // lists it.
    b.open(&format!("/groups/{hotline}")).await;
    b.fill("find-member", "Bob").await;
    b.submit("find-member").await;
    b.screenshot("picker-found").await;
    b.click(&format!("#member-candidates button[value=\"{bob}\"]"))
        .await;
    let text = b.page_text().await;
    assert!(text.contains(w.member_added), "{text}");
    b.open(&format!("/users/{bob}")).await;
    assert!(
        b.client
            .find(Locator::Id("user-groups"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
            .contains("Hotline")
    );
    b.screenshot("user-page-groups-numbers").await;

    // Seed 003: reset Greta's portal password from the list.
    b.open("/users").await;
    let checkbox: Value = b
        .client
        .execute(
            "return document.querySelector('#users tbody input[name=user_id][value=\"' + arguments[0] + '\"]').id",
            vec![json!(greta)],
        )
        .await
        .unwrap();
    b.click(&format!("#{}", checkbox.as_str().unwrap())).await;
    choose(&b, "bulk-action", "reset_passwords").await;
    b.click("#bulk-apply").await;
    assert_eq!(b.h1().await, w.reset_one);
    b.click("#confirm").await;
    let text = b.page_text().await;
    assert!(
        text.contains(w.done_one) && text.contains(w.refused_none),
        "{text}"
    );

    // Seed 002: the licences, purchased, assigned and free.
    b.open("/licences").await;
    let text = b.page_text().await;
    assert!(w.licence_columns.iter().all(|c| text.contains(c)), "{text}");
    b.screenshot("licences").await;
    b.quit().await;
}

async fn u6_search_as_you_type_replaces_the_results_in_place(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    for (i, name) in ["Rousseau", "Richter", "Schmidt"].iter().enumerate() {
        t.create_user(
            &format!("+49301234561{i}"),
            json!({ "last_name": name, "email": format!("{}@example.de", name.to_lowercase()) }),
        )
        .await;
    }
    let Some(mut b) = signed_in_admin(&t, "live-search").await else {
        return;
    };
    b.open("/users").await;
    // A marker on the page: it survives only if the page is not reloaded.
    b.client
        .execute("window.notReloaded = true", vec![])
        .await
        .unwrap();
    b.fill("q", "rich").await;
    let mut rows = 0;
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let found: Value = b
            .client
            .execute(
                "return document.querySelectorAll('#users tbody tr').length",
                vec![],
            )
            .await
            .unwrap();
        rows = found.as_u64().unwrap_or(0);
        if rows == 1 {
            break;
        }
    }
    assert_eq!(rows, 1, "the results narrowed while typing");
    assert!(b.page_text().await.contains("Richter"));
    let kept: Value = b
        .client
        .execute("return window.notReloaded === true", vec![])
        .await
        .unwrap();
    assert_eq!(kept, json!(true), "no full page reload");
    let url = b.client.current_url().await.unwrap();
    assert_eq!(
        url.query(),
        Some("q=rich&sort=name"),
        "the address follows, for Back and Refresh"
    );
    b.screenshot("search-as-you-type").await;
    b.quit().await;
}

async fn i2_every_administration_page_in_three_languages_is_labelled_and_accessible(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let user = t
        .create_active_user("+493012345602", json!({ "first_name": "Zoé" }))
        .await;
    let id = user["id"].as_str().unwrap().to_owned();
    let hunt = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline", "extension": "700"}),
        )
        .await;
    let hunt = hunt.body["id"].as_str().unwrap().to_owned();
    t.call(
        reqwest::Method::PUT,
        &format!("/api/v1/groups/{hunt}/members"),
        &t.fx.admin,
        Some(json!({"user_ids": [id]})),
        None,
    )
    .await;
    // G-2, G-6: a call centre with an agent and a campaign, an auto attendant with a key.
    let groups_path = format!("/api/v1/enterprises/{}/groups", t.fx.enterprise);
    let support = t
        .post(
            &groups_path,
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "call_centre", "name": "Support", "extension": "800"}),
        )
        .await;
    let support = support.body["id"].as_str().unwrap().to_owned();
    t.call(
        reqwest::Method::PUT,
        &format!("/api/v1/groups/{support}/members"),
        &t.fx.admin,
        Some(json!({"user_ids": [id]})),
        None,
    )
    .await;
    t.post(
        &format!("/api/v1/groups/{support}/campaigns"),
        &t.fx.admin,
        json!({"name": "Spring", "direction": "inbound"}),
    )
    .await;
    let attendant = t
        .post(
            &groups_path,
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant", "name": "Reception",
                   "extension": "900", "menu": {"business": {"keys": {"1": "700", "2": "800"}}}}),
        )
        .await;
    assert_eq!(attendant.status, 201, "{}", attendant.body);
    let attendant = attendant.body["id"].as_str().unwrap().to_owned();
    let Some(mut b) = signed_in_admin(&t, "pages").await else {
        return;
    };
    let pages = [
        ("users", "/users".to_owned()),
        ("add-user", "/users/new".to_owned()),
        ("user", format!("/users/{id}")),
        ("edit-user", format!("/users/{id}/edit")),
        ("deactivate", format!("/users/{id}/deactivate")),
        ("delete", format!("/users/{id}/confirm/delete")),
        ("licences", "/licences".to_owned()),
        ("numbers", "/numbers".to_owned()),
        ("audit", "/audit".to_owned()),
        ("import", "/users/import".to_owned()),
        ("device-passwords", "/device-passwords".to_owned()),
        ("groups", "/groups".to_owned()),
        ("group", format!("/groups/{hunt}")),
        ("call-centre", format!("/groups/{support}")),
        ("auto-attendant", format!("/groups/{attendant}")),
        ("user-services", format!("/users/{id}/services")),
        ("inbox", "/inbox".to_owned()),
        ("broadcasts", "/broadcasts".to_owned()),
        ("organisation", "/organisation".to_owned()),
        ("my-teams", "/my-teams".to_owned()),
    ];
    let headings = [
        ("en", "User management", "Add user"),
        ("de", "Benutzerverwaltung", "Benutzer hinzufügen"),
        ("fr", "Gestion des utilisateurs", "Ajouter un utilisateur"),
    ];
    for (lang, users_title, add_title) in headings {
        b.open(&format!("/language/{lang}?back=/users")).await;
        for (name, path) in &pages {
            b.open(path).await;
            let lang_attr: Value = b
                .client
                .execute("return document.documentElement.lang", vec![])
                .await
                .unwrap();
            assert_eq!(lang_attr, json!(lang));
            match *name {
                "users" => assert_eq!(b.h1().await, users_title),
                "add-user" => assert_eq!(b.h1().await, add_title),
                _ => {}
            }
            b.assert_inputs_are_labelled().await;
            assert_accessible(&b, &format!("{path} ({lang})")).await;
            b.screenshot(&format!("{lang}-{name}")).await;
        }
        // A refused form: the summary has the focus, links to the fields, and passes axe too.
        b.open("/users/new").await;
        tab_to(&b, "first_name").await;
        b.type_keys("Zoé").await;
        b.type_keys(&Key::Enter.to_string()).await;
        b.settle().await;
        let focused: Value = b
            .client
            .execute("return document.activeElement.className", vec![])
            .await
            .unwrap();
        assert_eq!(focused, json!("error-summary"));
        let links: Value = b
            .client
            .execute(
                "return document.querySelectorAll('.error-summary a[href=\"#last_name\"]').length",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(links, json!(1));
        assert_accessible(&b, &format!("refused add-user form ({lang})")).await;
        b.screenshot(&format!("{lang}-add-user-refused")).await;
    }
    // A tablet's width: the list and the form stay usable (no horizontal page scroll).
    b.client.set_window_size(800, 1000).await.unwrap();
    for path in ["/users", "/users/new"] {
        b.open(path).await;
        let overflow: Value = b
            .client
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(overflow, json!(true), "{path} fits a tablet's width");
        b.screenshot(if path == "/users" {
            "tablet-users"
        } else {
            "tablet-add-user"
        })
        .await;
    }
    b.quit().await;
}

/// A `;` file as a German spreadsheet saves it (BOM, CRLF), written where Chromium can pick it.
fn import_file(test: &str, rows: &[String]) -> std::path::PathBuf {
    let mut text = "\u{feff}site;first_name;last_name;email;package_licence;primary_number;extension;device_type\r\n".to_owned();
    for r in rows {
        text.push_str(r);
        text.push_str("\r\n");
    }
    let path = std::env::temp_dir().join(format!(
        "switchboard-{test}-{}-{}.csv",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::write(&path, text).unwrap();
    path
}

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
}

fn import_row(n: u32) -> String {
    format!(
        "Berlin;Ines;Import-{n};ines.{n}@import.example;voice-basic;'+4930123456{n:02};{};yealink-t54w",
        5600 + n
    )
}

/// Uploads `file` on the import page and opens the check's report once its job has run.
async fn upload_and_check(t: &TestApp, b: &Browser, file: &std::path::Path) -> String {
    b.open("/users/import").await;
    b.client
        .find(Locator::Id("file"))
        .await
        .expect("#file")
        .send_keys(file.to_str().unwrap())
        .await
        .expect("file chosen");
    b.click("#check-file").await;
    let at = b.path().await;
    assert!(at.starts_with("/users/imports/"), "{at}");
    t.drain_jobs().await;
    b.open(&at).await;
    at
}

async fn b1_b2_l8_import_a_file_act_on_a_selection_and_renew_device_passwords(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let Some(mut b) = signed_in_admin(&t, "bulk").await else {
        return;
    };
    // B-1: from the users list to the import page.
    b.open("/users").await;
    b.click("#import-users").await;
    assert_eq!(b.path().await, "/users/import");
    b.screenshot("import-page").await;

    // A planted problem is reported at its row and column, with the value, and nothing is offered.
    let bad = import_file(
        "bad",
        &[
            import_row(2),
            import_row(3),
            import_row(4).replace(";5604;", ";5603;"),
        ],
    );
    upload_and_check(&t, &b, &bad).await;
    let text = b.page_text().await;
    assert!(text.contains("Also in row 3 of the file."), "{text}");
    let cells: Value = b
        .client
        .execute(
            "return [...document.querySelectorAll('#import-problems tbody td')].map(c => c.textContent)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        cells,
        json!(["4", "extension", "5603", "Also in row 3 of the file."])
    );
    assert!(text.contains("Nothing was written."), "{text}");
    assert_accessible(&b, "import report").await;
    b.screenshot("import-refused").await;

    // The corrected file: checked, then imported with one click.
    let good = import_file("good", &[import_row(2), import_row(3), import_row(4)]);
    let at = upload_and_check(&t, &b, &good).await;
    assert!(b.page_text().await.contains("3 users would be created."));
    b.screenshot("import-checked").await;
    b.click("#confirm-import").await;
    let written = b.path().await;
    assert_ne!(written, at);
    t.drain_jobs().await;
    b.open(&written).await;
    assert!(
        b.page_text()
            .await
            .contains("3 users created (pending until their phones are activated).")
    );
    b.screenshot("import-done").await;
    let _ = std::fs::remove_file(bad);
    let _ = std::fs::remove_file(good);

    // B-2: "select all" ticks every row; two users are chosen and reset at once.
    b.open("/users?q=Import").await;
    b.click("#select-all").await;
    let ticked: Value = b
        .client
        .execute(
            "return document.querySelectorAll('#users tbody input[name=user_id]:checked').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ticked, json!(3));
    b.click("#select-all").await;
    let ids: Value = b
        .client
        .execute(
            "return [...document.querySelectorAll('#users tbody input[name=user_id]')].map(i => i.id)",
            vec![],
        )
        .await
        .unwrap();
    for id in ids.as_array().unwrap().iter().take(2) {
        b.click(&format!("#{}", id.as_str().unwrap())).await;
    }
    b.client
        .find(Locator::Id("bulk-action"))
        .await
        .unwrap()
        .select_by_value("reset_passwords")
        .await
        .unwrap();
    b.click("#bulk-apply").await;
    assert_eq!(b.h1().await, "Reset the portal password of 2 users");
    assert_accessible(&b, "bulk confirmation").await;
    b.screenshot("bulk-confirm").await;
    b.click("#confirm").await;
    assert!(
        b.page_text().await.contains("Done for 2. Refused for 0."),
        "{}",
        b.page_text().await
    );
    b.screenshot("bulk-results").await;

    // L-8: renew a site's desk-phone passwords; the sheet's link is offered once.
    b.open("/device-passwords").await;
    b.click("#renew").await;
    assert!(
        b.page_text()
            .await
            .contains("Confirm that the current passwords may stop working.")
    );
    b.click("#understood").await;
    b.click("#renew").await;
    assert!(
        b.page_text()
            .await
            .contains("users have new desk-phone passwords."),
        "{}",
        b.page_text().await
    );
    assert_accessible(&b, "device passwords issued").await;
    b.screenshot("device-passwords-issued").await;
    b.quit().await;
}

/// The pages of the header's administration menu, and their headings in each language.
const MENU: [(&str, [&str; 3]); 7] = [
    (
        "/users",
        [
            "User management",
            "Benutzerverwaltung",
            "Gestion des utilisateurs",
        ],
    ),
    (
        "/organisation",
        [
            "Departments and teams",
            "Abteilungen und Teams",
            "Services et équipes",
        ],
    ),
    ("/groups", ["Groups", "Gruppen", "Groupes"]),
    (
        "/broadcasts",
        [
            "Broadcast messages",
            "Rundnachrichten",
            "Messages de diffusion",
        ],
    ),
    ("/licences", ["Licences", "Lizenzen", "Licences"]),
    ("/numbers", ["Numbers", "Rufnummern", "Numéros"]),
    (
        "/audit",
        ["Audit log", "Audit-Protokoll", "Journal d’audit"],
    ),
];

/// Issue 19, item 1: from the sign-in page, by clicking only — the language link, each page of
/// the administration menu, an attention item of the start page, the header's search and a quick
/// action — with a screenshot and the accessibility check on every page. English on SQLite,
/// German on PostgreSQL (the raw-text check of every language is the crawl's and the HTTP tests').
async fn a1_i2_every_administration_page_by_clicking_from_the_start_page(kind: Kind) {
    let lang = match kind {
        Kind::Sqlite => "en",
        Kind::Postgres => "de",
    };
    walk_the_menu(kind, lang, None, "menu-walk").await;
}

/// Issue 19, item 9: at 390 px the menu folds behind one button, which reaches every page; no
/// page scrolls sideways. In French.
async fn a1_i2_at_phone_width_the_folded_menu_reaches_every_administration_page(kind: Kind) {
    walk_the_menu(kind, "fr", Some(390), "menu-walk-phone").await;
}

async fn walk_the_menu(kind: Kind, lang: &str, width: Option<u32>, test: &'static str) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    // Something that needs attention: a user whose activation failed.
    t.create_user(
        "+493012345666",
        json!({ "first_name": "Fiona", "last_name": "Fehler" }),
    )
    .await;
    t.drain_jobs().await;
    // A group, so that a group's page is reached by clicking too.
    let hunt = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "hunt", "name": "Hotline", "extension": "700"}),
        )
        .await;
    assert_eq!(hunt.status, 201, "{}", hunt.body);
    let Some(mut b) = signed_in_admin(&t, test).await else {
        return;
    };
    if let Some(width) = width {
        b.client.set_window_size(width, 844).await.expect("resize");
    }
    let index = ["en", "de", "fr"].iter().position(|l| *l == lang).unwrap();
    b.click(&format!("nav.languages a[hreflang={lang}]")).await;
    assert_eq!(b.path().await, "/");
    b.screenshot("start").await;
    assert_accessible(&b, "the start page").await;
    assert_no_sideways_scroll(&b, "the start page").await;
    let phone = width.is_some();
    for (href, headings) in MENU {
        if phone {
            let menu_shown = b
                .client
                .find(Locator::Css("header .menu nav"))
                .await
                .unwrap()
                .is_displayed()
                .await
                .unwrap();
            assert!(!menu_shown, "at phone width the menu is folded");
            b.click(".menu-toggle").await;
        }
        b.click(&format!("header .menu nav a[href=\"{href}\"]"))
            .await;
        assert_eq!(b.path().await, href);
        assert_eq!(b.h1().await, headings[index], "{href}");
        b.screenshot(href.trim_start_matches('/')).await;
        assert_accessible(&b, href).await;
        if phone {
            assert_no_sideways_scroll(&b, href).await;
        }
        b.click("a.brand").await;
        assert_eq!(b.path().await, "/");
    }
    // Each kind of detail page, by clicking from its list: a user, a group, a department or
    // team, a site — each with the accessibility check.
    let details: [(&str, &str, &str); 5] = [
        ("/users", "#users tbody th a", "user"),
        ("/groups", "#groups tbody a[href^=\"/groups/\"]", "group"),
        (
            "/organisation",
            "#department-list a[href^=\"/organisation/departments/\"]",
            "department",
        ),
        (
            "/organisation",
            ".teams a[href^=\"/organisation/teams/\"]",
            "team",
        ),
        (
            "/organisation",
            "#site-list a[href^=\"/organisation/sites/\"]",
            "site",
        ),
    ];
    for (list, link, name) in details {
        if phone {
            b.click(".menu-toggle").await;
        }
        b.click(&format!("header .menu nav a[href=\"{list}\"]"))
            .await;
        b.click(link).await;
        assert_ne!(b.path().await, list, "{name}: the link leads on");
        assert!(!b.h1().await.is_empty());
        b.screenshot(name).await;
        assert_accessible(&b, name).await;
        if phone {
            assert_no_sideways_scroll(&b, name).await;
        }
        b.click("a.brand").await;
    }
    // The failing activation on the start page leads to the list of those users.
    b.click("#attention a[href=\"/users?state=failed\"]").await;
    b.screenshot("attention-failed").await;
    assert_eq!(b.path().await, "/users");
    let text = b.page_text().await;
    assert!(text.contains("Fehler, Fiona"), "{text}");
    // The header's search finds a person by extension, from any page.
    if phone {
        b.click(".menu-toggle").await;
    }
    b.fill("header-search", "5666").await;
    b.submit("header-search").await;
    assert_eq!(b.path().await, "/users");
    assert!(b.page_text().await.contains("Fehler, Fiona"));
    b.screenshot("header-search").await;
    // A quick action of the start page.
    b.click("a.brand").await;
    b.click(".quick-actions a[href=\"/users/new\"]").await;
    assert_eq!(b.path().await, "/users/new");
    b.screenshot("quick-add-user").await;
    b.quit().await;
}

/// Issue 19, item 9: the page itself never scrolls sideways (a wide table may, inside its box).
async fn assert_no_sideways_scroll(b: &Browser, page: &str) {
    let widths = b
        .client
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, client) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
    if scroll > client {
        // Name what sticks out, for the failure message.
        let wide = b
            .client
            .execute(
                "const w = document.documentElement.clientWidth;\
                 return [...document.querySelectorAll('body *')]\
                 .filter(e => e.getBoundingClientRect().right > w + 1)\
                 .filter(e => !e.parentElement.closest('.table-wrap'))\
                 .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))",
                vec![],
            )
            .await
            .unwrap();
        panic!("{page} scrolls sideways: {scroll} > {client} px: {wide}");
    }
}
