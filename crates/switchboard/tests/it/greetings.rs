//! Greetings (S-1, S-3, G-6) and virtual users' call services (S-3) over HTTP and in the
//! portal, on both databases: a user's voicemail greeting and a
//! virtual user's greetings, WAV or MP3 by their content, size-limited, read back as audio,
//! removed; other files and other tenants refused.

use serde_json::json;

use crate::support::{Kind, Options, TestApp};
use crate::web_client::WebClient;
use crate::{on_both_databases, on_both_kinds};

const STRONG: &str = "copper kettle drifts north";

on_both_databases!(
    s1_a_voicemail_greeting_is_uploaded_played_back_and_removed,
    s3_g6_virtual_users_have_the_greetings_of_their_kind,
    s3_a_hunt_group_has_voicemail_and_forwarding_like_a_user,
    s1_voicemail_messages_are_recorded_by_the_media_server_and_listed,
);

on_both_kinds!(
    s1_g6_greetings_are_uploaded_and_played_in_the_portal,
    s1_greetings_live_in_the_configured_directory_and_go_with_their_owner,
);

/// A short WAV file: a RIFF header and a little silence.
pub fn wav() -> Vec<u8> {
    let mut bytes = b"RIFF\x2c\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data\x08\x00\x00\x00".to_vec();
    bytes.extend_from_slice(&[0; 8]);
    bytes
}

/// An MP3 file as encoders write it: an ID3 tag, then frames.
pub fn mp3() -> Vec<u8> {
    let mut bytes = b"ID3\x04\x00\x00\x00\x00\x00\x00".to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0]);
    bytes
}

/// PUTs `body` as a file (greetings, pictures).
pub async fn put(t: &TestApp, path: &str, token: &str, body: Vec<u8>) -> crate::support::Response {
    let response = t
        .http
        .put(format!("{}{path}", t.base))
        .bearer_auth(token)
        .header("content-type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    crate::support::Response {
        status,
        headers,
        body: serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    }
}

async fn audio(t: &TestApp, path: &str) -> (u16, String, Vec<u8>) {
    let response = t
        .http
        .get(format!("{}{path}", t.base))
        .bearer_auth(&t.fx.admin)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.bytes().await.unwrap().to_vec())
}

async fn s1_a_voicemail_greeting_is_uploaded_played_back_and_removed(t: TestApp) {
    let user = t
        .create_user("+493012345602", json!({ "extension": "602" }))
        .await;
    let path = format!(
        "/api/v1/users/{}/greetings/voicemail",
        user["user"]["id"].as_str().unwrap()
    );
    // Not audio, whatever it is called; too large; an unknown purpose: refused, nothing kept.
    put(&t, &path, &t.fx.admin, b"<html>hello</html>".to_vec())
        .await
        .problem(422, "validation");
    let huge = put(&t, &path, &t.fx.admin, vec![0; 5 * 1024 * 1024 + 1]).await;
    huge.problem(422, "validation");
    assert_eq!(huge.body["errors"][0]["code"], "too-large");
    let other = path.replace("voicemail", "business");
    put(&t, &other, &t.fx.admin, wav())
        .await
        .problem(422, "validation");
    assert_eq!(audio(&t, &path).await.0, 404);

    let uploaded = put(&t, &path, &t.fx.admin, wav()).await;
    assert_eq!(uploaded.status, 200, "{}", uploaded.body);
    assert_eq!(uploaded.body["content_type"], "audio/wav");
    assert_eq!(uploaded.body["size"], wav().len());
    assert_eq!(audio(&t, &path).await, (200, "audio/wav".to_owned(), wav()));
    // Replaced by an MP3.
    put(&t, &path, &t.fx.admin, mp3()).await;
    assert_eq!(
        audio(&t, &path).await,
        (200, "audio/mpeg".to_owned(), mp3())
    );
    // Another enterprise's administrator: not found.
    put(&t, &path, &t.fx.other_admin, wav())
        .await
        .problem(404, "not-found");
    let removed = t.delete(&path, &t.fx.admin).await;
    assert_eq!(removed.status, 204);
    assert_eq!(audio(&t, &path).await.0, 404);
    t.delete(&path, &t.fx.admin).await.problem(404, "not-found");
}

async fn s3_g6_virtual_users_have_the_greetings_of_their_kind(t: TestApp) {
    let groups = format!("/api/v1/enterprises/{}/groups", t.fx.enterprise);
    let berlin = t.fx.berlin.to_string();
    let mut ids = Vec::new();
    for body in [
        json!({"site_id": berlin, "kind": "auto_attendant", "name": "Reception", "extension": "900"}),
        json!({"site_id": berlin, "kind": "hunt", "name": "Hotline", "extension": "700"}),
        json!({"site_id": berlin, "kind": "pickup", "name": "Floor"}),
    ] {
        let created = t.post(&groups, &t.fx.admin, body).await;
        ids.push(created.body["id"].as_str().unwrap().to_owned());
    }
    let greeting = |id: &str, purpose: &str| format!("/api/v1/groups/{id}/greetings/{purpose}");
    // An auto attendant: business hours and out of hours.
    for purpose in ["business", "after_hours"] {
        let up = put(&t, &greeting(&ids[0], purpose), &t.fx.admin, mp3()).await;
        assert_eq!(up.status, 200, "{}", up.body);
    }
    let refused = put(&t, &greeting(&ids[0], "voicemail"), &t.fx.admin, mp3()).await;
    assert_eq!(refused.failing_fields(), ["purpose"]);
    // A hunt group: its voicemail greeting (S-3). A pickup group has none.
    assert_eq!(
        put(&t, &greeting(&ids[1], "voicemail"), &t.fx.admin, wav())
            .await
            .status,
        200
    );
    let refused = put(&t, &greeting(&ids[2], "voicemail"), &t.fx.admin, wav()).await;
    assert_eq!(refused.failing_fields(), ["purpose"]);
    assert_eq!(
        audio(&t, &greeting(&ids[0], "after_hours")).await,
        (200, "audio/mpeg".to_owned(), mp3())
    );
    // The greetings go with their group.
    assert_eq!(
        t.delete(&format!("/api/v1/groups/{}", ids[0]), &t.fx.admin)
            .await
            .status,
        204
    );
    assert_eq!(audio(&t, &greeting(&ids[0], "business")).await.0, 404);
}

async fn s1_g6_greetings_are_uploaded_and_played_in_the_portal(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let user = t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "extension": "602", "language": "de",
                   "password": STRONG, "must_change_password": false}),
        )
        .await;
    let mut browser = WebClient::new(&t);
    browser
        .sign_in_fully(user["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = browser.get("/services").await;
    assert!(
        page.contains("Die Standardansage wird abgespielt."),
        "{}",
        page.body
    );
    // Not audio: refused in words, nothing kept.
    let refused = browser
        .post_file(
            "/services/greeting",
            "file",
            "greeting.wav",
            b"not audio at all",
        )
        .await;
    assert_eq!(refused.location.as_deref(), Some("/services"));
    let page = browser.get("/services").await;
    assert!(
        page.contains("Das ist keine WAV- oder MP3-Datei."),
        "{}",
        page.body
    );
    let saved = browser
        .post_file("/services/greeting", "file", "hallo.wav", &wav())
        .await;
    assert_eq!(saved.location.as_deref(), Some("/services"));
    let page = browser.get("/services").await;
    assert!(page.contains("Die Ansage wurde hochgeladen."));
    assert!(page.contains("WAV · 1 KB"), "{}", page.body);
    assert!(page.contains("<audio controls preload=\"none\" src=\"/services/greeting\""));
    let played = browser.get("/services/greeting").await;
    assert_eq!(played.status, 200);
    assert_eq!(played.headers["content-type"], "audio/wav");
    // S-1: a message the media server recorded, listed on the page, marked heard, deleted
    // once confirmed.
    t.post(
        &format!(
            "/api/v1/users/{}/voicemail-messages",
            user["id"].as_str().unwrap()
        ),
        &t.fx.operator,
        json!({"caller": "+493011112222", "duration_seconds": 75}),
    )
    .await;
    let page = browser.get("/services").await;
    assert!(
        page.contains("+493011112222 <span class=\"badge\">Neu</span>"),
        "{}",
        page.body
    );
    assert!(page.contains("1:15"));
    let marker = "action=\"/services/voicemail/";
    let at = page.body.find(marker).unwrap() + marker.len();
    let message = page.body[at..at + 36].to_owned();
    browser
        .post(&format!("/services/voicemail/{message}/heard"), &[])
        .await;
    let page = browser.get("/services").await;
    assert!(page.contains("Die Nachricht ist als gehört markiert."));
    assert!(!page.contains("<span class=\"badge\">Neu</span>"));
    browser
        .post(&format!("/services/voicemail/{message}/delete"), &[])
        .await;
    let page = browser.get("/services").await;
    assert!(page.contains("Ja, löschen"), "{}", page.body);
    assert!(page.contains("+493011112222"), "not deleted unconfirmed");
    browser
        .post(
            &format!("/services/voicemail/{message}/delete"),
            &[("confirmed", "yes")],
        )
        .await;
    let page = browser.get("/services").await;
    assert!(page.contains("Keine Sprachnachrichten."), "{}", page.body);

    browser.get("/services").await;
    browser.post("/services/greeting/delete", &[]).await;
    let page = browser.get("/services").await;
    assert!(page.contains("Die Ansage wurde entfernt"), "{}", page.body);
    assert_eq!(browser.get("/services/greeting").await.status, 404);

    // An auto attendant's out-of-hours greeting, by an administrator on its page.
    let admin = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690" }),
        )
        .await;
    let attendant = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant",
                   "name": "Reception", "extension": "900"}),
        )
        .await;
    let at = format!("/groups/{}", attendant.body["id"].as_str().unwrap());
    let mut admin_browser = WebClient::new(&t);
    admin_browser
        .sign_in_fully(admin["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = admin_browser.get(&at).await;
    assert!(page.contains("Greeting out of hours"), "{}", page.body);
    let saved = admin_browser
        .post_file(
            &format!("{at}/greetings/after_hours"),
            "file",
            "closed.mp3",
            &mp3(),
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some(at.as_str()));
    let page = admin_browser.get(&at).await;
    assert!(page.contains("The greeting was uploaded."));
    assert!(
        page.contains("id=\"greeting-after_hours-about\">MP3 ·"),
        "{}",
        page.body
    );
    let played = admin_browser
        .get(&format!("{at}/greetings/after_hours"))
        .await;
    assert_eq!(played.headers["content-type"], "audio/mpeg");

    // S-3: the attendant's voicemail, on its page: refused without a PIN, then saved.
    admin_browser.get(&at).await;
    let refused = admin_browser
        .post(&format!("{at}/services"), &[("voicemail", "yes")])
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.contains("id=\"voicemail_pin-error\""),
        "{}",
        refused.body
    );
    assert!(refused.contains("id=\"voicemail\" name=\"voicemail\" value=\"yes\" checked"));
    let saved = admin_browser
        .post(
            &format!("{at}/services"),
            &[("voicemail", "yes"), ("voicemail_pin", "2580")],
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some(at.as_str()));
    let page = admin_browser.get(&at).await;
    assert!(page.contains("id=\"voicemail\" name=\"voicemail\" value=\"yes\" checked"));
}

async fn s3_a_hunt_group_has_voicemail_and_forwarding_like_a_user(t: TestApp) {
    let groups = format!("/api/v1/enterprises/{}/groups", t.fx.enterprise);
    let berlin = t.fx.berlin.to_string();
    let mut ids = Vec::new();
    for body in [
        json!({"site_id": berlin, "kind": "hunt", "name": "Hotline", "extension": "700"}),
        json!({"site_id": berlin, "kind": "auto_attendant", "name": "Reception", "extension": "900"}),
        json!({"site_id": berlin, "kind": "park", "name": "Lobby"}),
    ] {
        let created = t.post(&groups, &t.fx.admin, body).await;
        ids.push(created.body["id"].as_str().unwrap().to_owned());
    }
    let path = |id: &str| format!("/api/v1/groups/{id}/call-services");
    let read = t.get(&path(&ids[0]), &t.fx.admin).await;
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.body["voicemail"], false);
    assert_eq!(read.body["version"], 0);

    // Voicemail needs a PIN, not the group's extension spelled long, not a run.
    let refused = t
        .patch(
            &path(&ids[0]),
            &t.fx.admin,
            None,
            json!({"voicemail": true, "forward_always": "nowhere"}),
        )
        .await;
    refused.problem(422, "validation");
    assert_eq!(
        refused.failing_fields(),
        ["forward_always", "voicemail_pin"]
    );
    let weak = t
        .patch(
            &path(&ids[0]),
            &t.fx.admin,
            None,
            json!({"voicemail": true, "voicemail_pin": "1234"}),
        )
        .await;
    assert_eq!(weak.failing_fields(), ["voicemail_pin"]);

    let set = t
        .patch(
            &path(&ids[0]),
            &t.fx.admin,
            None,
            json!({"voicemail": true, "voicemail_pin": "2580", "voicemail_email": "hotline@example.de",
                   "forward_always": "+493099999999"}),
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.body["voicemail_pin_set"], true);
    assert_eq!(set.body["forward_always"], "+493099999999");
    assert!(
        set.body.get("voicemail_pin").is_none(),
        "the PIN is never shown"
    );
    let stale = t
        .patch(
            &path(&ids[0]),
            &t.fx.admin,
            Some("\"v0\""),
            json!({"voicemail": false}),
        )
        .await;
    stale.problem(412, "precondition-failed");

    // An auto attendant has voicemail but forwards by its menus; a park group has no services.
    let aa = t
        .patch(
            &path(&ids[1]),
            &t.fx.admin,
            None,
            json!({"forward_always": "700"}),
        )
        .await;
    assert_eq!(aa.failing_fields(), ["forward_always"]);
    t.get(&path(&ids[2]), &t.fx.admin)
        .await
        .problem(409, "no-services");
    t.get(&path(&ids[0]), &t.fx.other_admin)
        .await
        .problem(404, "not-found");
}

async fn s1_voicemail_messages_are_recorded_by_the_media_server_and_listed(t: TestApp) {
    let user = t
        .create_active_user("+493012345602", json!({ "extension": "602" }))
        .await;
    let path = format!(
        "/api/v1/users/{}/voicemail-messages",
        user["id"].as_str().unwrap()
    );
    assert_eq!(t.get(&path, &t.fx.admin).await.body["items"], json!([]));
    // Only the media server (an operator's token) records messages; bad ones are named.
    t.post(
        &path,
        &t.fx.admin,
        json!({"caller": "+4930111", "duration_seconds": 12}),
    )
    .await
    .problem(403, "forbidden");
    let bad = t
        .post(
            &path,
            &t.fx.operator,
            json!({"caller": "", "received_at": "yesterday", "duration_seconds": 7200}),
        )
        .await;
    assert_eq!(
        bad.failing_fields(),
        ["caller", "received_at", "duration_seconds"]
    );
    for (caller, at) in [
        ("+493011112222", "2026-12-01T09:00:00Z"),
        ("anonymous", "2026-12-02T10:30:00Z"),
    ] {
        let recorded = t
            .post(
                &path,
                &t.fx.operator,
                json!({"caller": caller, "received_at": at, "duration_seconds": 75}),
            )
            .await;
        assert_eq!(recorded.status, 201, "{}", recorded.body);
    }
    let list = t.get(&path, &t.fx.admin).await;
    let items = list.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["caller"], "anonymous", "newest first");
    assert!(items[0]["heard_at"].is_null());
    let newest = items[0]["id"].as_str().unwrap().to_owned();
    let older = items[1]["id"].as_str().unwrap().to_owned();
    let heard = t
        .post(&format!("{path}/{newest}/heard"), &t.fx.admin, json!({}))
        .await;
    assert_eq!(heard.status, 204, "{}", heard.body);
    assert!(t.get(&path, &t.fx.admin).await.body["items"][0]["heard_at"].is_string());
    assert_eq!(
        t.delete(&format!("{path}/{older}"), &t.fx.admin)
            .await
            .status,
        204
    );
    t.delete(&format!("{path}/{older}"), &t.fx.admin)
        .await
        .problem(404, "not-found");
    t.get(&path, &t.fx.other_admin)
        .await
        .problem(404, "not-found");
    assert_eq!(
        t.get(&path, &t.fx.admin).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// The files of a greetings directory, by name (partial writes excluded).
fn files_in(directory: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(directory)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .map(|p| {
                    (
                        p.file_name().unwrap().to_string_lossy().into_owned(),
                        std::fs::read(&p).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// S-1: with `greetings.directory` set, a greeting's audio is a file there (the row keeps none):
/// played back from it, replaced by a new file (the old one deleted), removed with it, and gone
/// with its owner when the user or group is deleted.
async fn s1_greetings_live_in_the_configured_directory_and_go_with_their_owner(kind: Kind) {
    let directory =
        std::env::temp_dir().join(format!("switchboard-greetings-{}", uuid::Uuid::now_v7()));
    let Some(mut t) = TestApp::spawn_with(
        kind,
        Options {
            greetings_directory: Some(directory.clone()),
            ..Options::default()
        },
    )
    .await
    else {
        return;
    };
    let user = t
        .create_active_user("+493012345602", json!({ "extension": "602" }))
        .await;
    let user_id = user["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/users/{user_id}/greetings/voicemail");

    let uploaded = put(&t, &path, &t.fx.admin, wav()).await;
    assert_eq!(uploaded.status, 200, "{}", uploaded.body);
    let files = files_in(&directory);
    assert_eq!(files.len(), 1, "one file: {files:?}");
    assert!(files[0].0.ends_with(".wav"), "{}", files[0].0);
    assert_eq!(files[0].1, wav(), "the file holds the upload");
    let stored: (i64, Option<String>) = {
        let db = switchboard_store::Db::connect(t.database_url())
            .await
            .unwrap();
        let mut conn = db.read().await.unwrap();
        sqlx::query_as("SELECT LENGTH(audio), file_name FROM greetings WHERE user_id = $1")
            .bind(&user_id)
            .fetch_one(&mut *conn)
            .await
            .unwrap()
    };
    assert_eq!(
        stored,
        (0, Some(files[0].0.clone())),
        "the row names the file and keeps no audio"
    );
    assert_eq!(audio(&t, &path).await, (200, "audio/wav".into(), wav()));

    let replaced = put(&t, &path, &t.fx.admin, mp3()).await;
    assert_eq!(replaced.status, 200, "{}", replaced.body);
    let files = files_in(&directory);
    assert_eq!(files.len(), 1, "the replaced file is deleted: {files:?}");
    assert!(files[0].0.ends_with(".mp3"));
    assert_eq!(audio(&t, &path).await, (200, "audio/mpeg".into(), mp3()));

    let refused = put(&t, &path, &t.fx.admin, b"not audio at all".to_vec()).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(
        files_in(&directory).len(),
        1,
        "a refused upload writes no file"
    );

    let removed = t.delete(&path, &t.fx.admin).await;
    assert_eq!(removed.status, 204, "{}", removed.body);
    assert!(files_in(&directory).is_empty(), "removed with its greeting");

    // Deleting the owner deletes its files too.
    assert_eq!(put(&t, &path, &t.fx.admin, wav()).await.status, 200);
    let group = t
        .post(
            &format!("/api/v1/enterprises/{}/groups", t.fx.enterprise),
            &t.fx.admin,
            json!({"site_id": t.fx.berlin.to_string(), "kind": "auto_attendant",
                   "name": "Reception", "extension": "900",
                   "menu": {"business": {"keys": {"1": "602"}}}}),
        )
        .await;
    assert_eq!(group.status, 201, "{}", group.body);
    let group_id = group.body["id"].as_str().unwrap().to_owned();
    let group_path = format!("/api/v1/groups/{group_id}/greetings/business");
    assert_eq!(put(&t, &group_path, &t.fx.admin, mp3()).await.status, 200);
    assert_eq!(files_in(&directory).len(), 2);
    let deleted = t
        .delete(&format!("/api/v1/groups/{group_id}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    let left = files_in(&directory);
    assert_eq!(left.len(), 1, "the group's file went with it: {left:?}");
    assert!(left[0].0.ends_with(".wav"));
    let deleted = t
        .delete(&format!("/api/v1/users/{user_id}"), &t.fx.admin)
        .await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    assert!(
        files_in(&directory).is_empty(),
        "the user's file went with them"
    );
    t.stop().await;
    let _ = std::fs::remove_dir_all(&directory);
}
