//! Where an enterprise and its sites are (I-6, issue 19 item 4), over HTTP on both databases: a
//! time zone, country and language per site with the enterprise's as defaults; times shown in
//! the reader's zone and format; broadcasts scheduled in the writer's local time, daylight
//! saving included; every wrong value refused naming its field, nothing written.

use serde_json::json;

use crate::on_both_kinds;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;

const STRONG: &str = "copper kettle drifts north";

on_both_kinds!(
    i6_sites_take_the_enterprises_place_unless_they_set_their_own,
    i6_k3_a_wrong_time_zone_country_or_language_is_refused_naming_the_field,
    i6_the_portal_shows_times_in_the_readers_zone_and_sets_a_sites_place,
    i6_a_broadcast_is_scheduled_in_the_writers_local_time,
    i6_catalogue_names_are_read_in_the_readers_language,
);

async fn place_of(t: &TestApp, site: &str) -> serde_json::Value {
    let places = t
        .get(
            &format!("/api/v1/enterprises/{}/site-places", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(places.status.as_u16(), 200, "{}", places.body);
    places
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == site)
        .cloned()
        .unwrap()
}

async fn set_enterprise_place(t: &TestApp, place: serde_json::Value) {
    let path = format!("/api/v1/enterprises/{}", t.fx.enterprise);
    let read = t.get(&path, &t.fx.operator).await;
    let changed = t
        .patch(
            &path,
            &t.fx.operator,
            read.headers["etag"].to_str().ok(),
            place,
        )
        .await;
    assert_eq!(changed.status.as_u16(), 200, "{}", changed.body);
}

async fn i6_sites_take_the_enterprises_place_unless_they_set_their_own(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    // A new enterprise is in UTC, English, no country, until told otherwise.
    let read = t
        .get(
            &format!("/api/v1/enterprises/{}", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(read.body["time_zone"], "UTC");
    assert_eq!(read.body["language"], "en");
    assert!(read.body["country"].is_null());
    set_enterprise_place(
        &t,
        json!({"time_zone": "Europe/Berlin", "country": "de", "language": "de"}),
    )
    .await;
    let berlin = place_of(&t, &t.fx.berlin.to_string()).await;
    assert_eq!(berlin["time_zone"], "Europe/Berlin");
    assert_eq!(berlin["country"], "DE");
    assert!(berlin["own_time_zone"].is_null(), "inherited");

    let paris = t.fx.paris.to_string();
    let set = t
        .patch(
            &format!("/api/v1/sites/{paris}/place"),
            &t.fx.admin,
            None,
            json!({"time_zone": "Europe/Paris", "country": "FR", "language": "fr"}),
        )
        .await;
    assert_eq!(set.status.as_u16(), 200, "{}", set.body);
    assert_eq!(set.body["own_time_zone"], "Europe/Paris");
    // The enterprise's default changes; Paris keeps its own, Berlin follows.
    set_enterprise_place(&t, json!({"time_zone": "Europe/Vienna"})).await;
    assert_eq!(place_of(&t, &paris).await["time_zone"], "Europe/Paris");
    assert_eq!(
        place_of(&t, &t.fx.berlin.to_string()).await["time_zone"],
        "Europe/Vienna"
    );
    // Given empty, a site takes the enterprise's again.
    let back = t
        .patch(
            &format!("/api/v1/sites/{paris}/place"),
            &t.fx.admin,
            None,
            json!({"time_zone": ""}),
        )
        .await;
    assert_eq!(back.body["time_zone"], "Europe/Vienna");
    assert_eq!(back.body["country"], "FR", "what was not given stays");
    // A site administrator may not change where a site is.
    let refused = t
        .patch(
            &format!("/api/v1/sites/{paris}/place"),
            &t.fx.site_admin,
            None,
            json!({"time_zone": "Europe/Paris"}),
        )
        .await;
    assert!(
        matches!(refused.status.as_u16(), 403 | 404),
        "{}",
        refused.body
    );
    assert!(
        t.audit_actions(&paris)
            .await
            .iter()
            .any(|a| a == "site.updated"),
        "A-3"
    );
}

async fn i6_k3_a_wrong_time_zone_country_or_language_is_refused_naming_the_field(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let paris = t.fx.paris.to_string();
    let refused = t
        .patch(
            &format!("/api/v1/sites/{paris}/place"),
            &t.fx.admin,
            None,
            json!({"time_zone": "Europe/Atlantis", "country": "XX", "language": "tlh"}),
        )
        .await;
    let mut fields = refused.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec!["country", "language", "time_zone"],
        "{}",
        refused.body
    );
    assert!(
        place_of(&t, &paris).await["own_time_zone"].is_null(),
        "nothing written"
    );
    let created = t
        .post(
            "/api/v1/enterprises",
            &t.fx.operator,
            json!({"name": "Zeitlos AG", "sip_domain": "zeitlos.sip.test",
                   "contact_email": "it@zeitlos.test", "time_zone": "Mars/Olympus"}),
        )
        .await;
    assert_eq!(
        created.failing_fields(),
        vec!["time_zone"],
        "{}",
        created.body
    );
}

async fn admin(t: &TestApp, number: &str, site: Option<String>) -> WebClient {
    let mut overrides = json!({ "password": STRONG, "must_change_password": false,
        "role": "enterprise_admin", "first_name": "Ada", "last_name": "Admin", "language": "de" });
    if let Some(site) = site {
        overrides["site_id"] = json!(site);
    }
    let created = t.create_user(number, overrides).await;
    let login = created["user"]["login_name"].as_str().unwrap().to_owned();
    let mut browser = WebClient::new(t);
    browser.sign_in_fully(&login, STRONG).await;
    browser
}

async fn i6_the_portal_shows_times_in_the_readers_zone_and_sets_a_sites_place(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    set_enterprise_place(&t, json!({"time_zone": "Europe/Berlin", "country": "DE"})).await;
    let mut browser = admin(&t, "+493012345601", None).await;
    let page = browser.get("/organisation").await;
    assert!(
        page.contains("Europe/Berlin (vom Unternehmen)"),
        "{}",
        page.body
    );
    assert!(page.contains("Deutschland (vom Unternehmen)"));
    let paris = t.fx.paris.to_string();
    let form = browser.get(&format!("/organisation/sites/{paris}")).await;
    assert_eq!(form.status, 200);
    assert!(form.contains("<option value=\"Europe/Paris\">Europe/Paris</option>"));
    assert!(form.contains("<option value=\"FR\">Frankreich</option>"));
    let refused = browser
        .post(
            &format!("/organisation/sites/{paris}"),
            &[
                ("time_zone", "Europe/Atlantis"),
                ("country", ""),
                ("language", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("href=\"#time_zone\""), "{}", refused.body);
    let saved = browser
        .post(
            &format!("/organisation/sites/{paris}"),
            &[
                ("time_zone", "Europe/Paris"),
                ("country", "FR"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some("/organisation"));
    let page = browser.get("/organisation").await;
    assert!(page.contains("Europe/Paris</td>"), "{}", page.body);

    // Times on the pages are in the reader's zone: the Berlin administrator reads CET/CEST.
    let audit = browser.get("/audit").await;
    assert!(
        audit.contains(" CET<") || audit.contains(" CEST<"),
        "{}",
        audit.body
    );
    assert!(audit.contains("Zeiten in Europe/Berlin."));
    assert!(!audit.contains(" UTC<"));
    // An administrator of the Paris site reads Paris time.
    let mut paris_admin = admin(&t, "+33123456601", Some(paris)).await;
    let audit = paris_admin.get("/audit").await;
    assert!(audit.contains("Zeiten in Europe/Paris."), "{}", audit.body);
}

async fn i6_a_broadcast_is_scheduled_in_the_writers_local_time(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    set_enterprise_place(&t, json!({"time_zone": "Europe/Berlin"})).await;
    let mut browser = admin(&t, "+493012345601", None).await;
    let next_year = time::OffsetDateTime::now_utc().year() + 1;
    // 09:00 on 10 January (winter, UTC+1) and on 10 July (summer, UTC+2), Berlin time.
    for (month, utc_hour) in [("01", 8), ("07", 7)] {
        let sent = browser
            .post(
                "/broadcasts",
                &[
                    ("team_ids", &t.fx.hotline.to_string()),
                    ("category", "information"),
                    ("subject", &format!("Betriebsversammlung {month}")),
                    ("body", "Im großen Saal."),
                    ("send_at", &format!("{next_year}-{month}-10T09:00")),
                ],
            )
            .await;
        assert_eq!(
            sent.location.as_deref(),
            Some("/broadcasts"),
            "{}",
            sent.body
        );
        let listed = t
            .get(
                &format!("/api/v1/enterprises/{}/broadcasts", t.fx.enterprise),
                &t.fx.admin,
            )
            .await;
        let found = listed.body["items"]
            .as_array()
            .or(listed.body.as_array())
            .unwrap()
            .iter()
            .find(|b| b["subject"] == format!("Betriebsversammlung {month}"))
            .cloned()
            .unwrap();
        let at = found["send_at"].as_str().unwrap().to_owned();
        assert!(
            at.starts_with(&format!("{next_year}-{month}-10T{utc_hour:02}:00:00")),
            "09:00 Berlin time is {utc_hour:02}:00 UTC: {at}"
        );
        // The page shows it back in Berlin time.
        let page = browser.get("/broadcasts").await;
        assert!(
            page.contains(&format!("10.{month}.{next_year}, 09:00 ")),
            "{}",
            page.body
        );
        assert!(
            page.contains("geplant"),
            "a later one is said to be scheduled"
        );
    }
    // One sent now is said to be on its way, not scheduled.
    browser.get("/broadcasts").await;
    browser
        .post(
            "/broadcasts",
            &[
                ("team_ids", &t.fx.hotline.to_string()),
                ("category", "information"),
                ("subject", "Jetzt"),
                ("body", "Sofort."),
                ("send_at", ""),
            ],
        )
        .await;
    let page = browser.get("/broadcasts").await;
    assert!(
        page.contains("Die Rundnachricht ist unterwegs"),
        "{}",
        page.body
    );
}

async fn i6_catalogue_names_are_read_in_the_readers_language(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    // The operator names a licence type and a device type in German and French.
    let named = t
        .call(
            reqwest::Method::PUT,
            "/api/v1/licence-types/voice-premium/names",
            &t.fx.operator,
            Some(json!({"de": "Sprache Premium", "fr": "Voix Premium"})),
            None,
        )
        .await;
    assert_eq!(named.status.as_u16(), 200, "{}", named.body);
    assert_eq!(named.body["names"]["de"], "Sprache Premium");
    let refused = t
        .call(
            reqwest::Method::PUT,
            "/api/v1/device-types/no-desk-phone/names",
            &t.fx.operator,
            Some(json!({"es": "Sin teléfono", "de": ""})),
            None,
        )
        .await;
    assert_eq!(
        refused.failing_fields(),
        vec!["names.es"],
        "{}",
        refused.body
    );
    let by_admin = t
        .call(
            reqwest::Method::PUT,
            "/api/v1/device-types/no-desk-phone/names",
            &t.fx.admin,
            Some(json!({"de": "Ohne Tischtelefon"})),
            None,
        )
        .await;
    assert_eq!(
        by_admin.status.as_u16(),
        403,
        "operators keep the catalogue"
    );
    let device = t
        .call(
            reqwest::Method::PUT,
            "/api/v1/device-types/no-desk-phone/names",
            &t.fx.operator,
            Some(json!({"de": "Ohne Tischtelefon", "fr": "Sans poste fixe"})),
            None,
        )
        .await;
    assert_eq!(device.status.as_u16(), 200, "{}", device.body);

    // A German administrator reads the German names; the English one stands in where none is.
    let mut browser = admin(&t, "+493012345601", None).await;
    let licences = browser.get("/licences").await;
    assert!(licences.contains("Sprache Premium"), "{}", licences.body);
    assert!(
        licences.contains("voice-basic"),
        "no German name: the English one"
    );
    let form = browser.get("/users/new").await;
    assert!(form.contains("Ohne Tischtelefon"), "{}", form.body);
    browser.get("/language/fr").await;
    let form = browser.get("/users/new").await;
    assert!(form.contains("Sans poste fixe") && form.contains("Voix Premium"));
}
