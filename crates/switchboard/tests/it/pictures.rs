//! Users' pictures (U-9) over HTTP and in the portal, on both databases: PNG, JPEG or WebP by
//! their content, kept as a small square JPEG, shown in the users list and the header,
//! removable; other files and other tenants refused.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};
use serde_json::json;

use crate::greetings::put;
use crate::support::{Kind, TestApp};
use crate::web_client::WebClient;
use crate::{on_both_databases, on_both_kinds};

const STRONG: &str = "copper kettle drifts north";

on_both_databases!(u9_a_picture_is_kept_as_a_small_square_and_removed);

on_both_kinds!(u9_pictures_are_set_in_the_portal_and_shown_in_the_list_and_header);

/// An image of `format`, `width` × `height`, one colour.
fn encoded(format: ImageFormat, width: u32, height: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    RgbImage::from_pixel(width, height, Rgb([20, 110, 200]))
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

struct Fetched {
    status: u16,
    headers: reqwest::header::HeaderMap,
    bytes: Vec<u8>,
}

async fn fetch(t: &TestApp, path: &str, token: &str, if_none_match: Option<&str>) -> Fetched {
    let mut request = t.http.get(format!("{}{path}", t.base)).bearer_auth(token);
    if let Some(tag) = if_none_match {
        request = request.header("if-none-match", tag);
    }
    let response = request.send().await.unwrap();
    Fetched {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        bytes: response.bytes().await.unwrap().to_vec(),
    }
}

async fn u9_a_picture_is_kept_as_a_small_square_and_removed(t: TestApp) {
    let user = t
        .create_user("+493012345602", json!({ "extension": "602" }))
        .await;
    let id = user["user"]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/users/{id}/picture");

    // Not a picture, whatever it claims; a damaged PNG; too large: refused, nothing kept.
    let gif = put(
        &t,
        &path,
        &t.fx.admin,
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
    )
    .await;
    gif.problem(422, "validation");
    assert_eq!(gif.failing_fields(), ["picture"]);
    assert_eq!(gif.body["errors"][0]["code"], "unsupported-image");
    let mut damaged = encoded(ImageFormat::Png, 40, 40);
    damaged.truncate(60);
    let damaged = put(&t, &path, &t.fx.admin, damaged).await;
    assert_eq!(damaged.body["errors"][0]["code"], "unreadable-image");
    let huge = put(&t, &path, &t.fx.admin, vec![0; 5 * 1024 * 1024 + 1]).await;
    assert_eq!(huge.body["errors"][0]["code"], "too-large");
    assert_eq!(fetch(&t, &path, &t.fx.admin, None).await.status, 404);

    // Each accepted format comes back as a JPEG square; a wide PNG is cut to its middle.
    for (format, width, height, side) in [
        (ImageFormat::Png, 600, 300, 256),
        (ImageFormat::WebP, 90, 120, 90),
        (ImageFormat::Jpeg, 1024, 768, 256),
    ] {
        let saved = put(&t, &path, &t.fx.admin, encoded(format, width, height)).await;
        assert_eq!(saved.status, 200, "{format:?}: {}", saved.body);
        assert_eq!(saved.body["content_type"], "image/jpeg");
        let got = fetch(&t, &path, &t.fx.admin, None).await;
        assert_eq!(got.status, 200);
        assert_eq!(got.headers["content-type"], "image/jpeg");
        let kept = image::load_from_memory_with_format(&got.bytes, ImageFormat::Jpeg).unwrap();
        assert_eq!((kept.width(), kept.height()), (side, side), "{format:?}");
    }

    // The user shows when it was set; the list too.
    let shown = t.get(&format!("/api/v1/users/{id}"), &t.fx.admin).await;
    let set_at = shown.body["picture_updated_at"]
        .as_str()
        .unwrap()
        .to_owned();
    let listed = t
        .get(
            &format!("/api/v1/enterprises/{}/users?q=602", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(
        listed.body["items"][0]["picture_updated_at"],
        set_at.as_str()
    );

    // Revalidated by its tag; cached for good under an address naming its version.
    let got = fetch(&t, &path, &t.fx.admin, None).await;
    let tag = got.headers["etag"].to_str().unwrap().to_owned();
    assert_eq!(got.headers["cache-control"], "private, no-cache");
    assert_eq!(fetch(&t, &path, &t.fx.admin, Some(&tag)).await.status, 304);
    let version = tag.trim_matches('"');
    let pinned = fetch(&t, &format!("{path}?v={version}"), &t.fx.admin, None).await;
    assert_eq!(
        pinned.headers["cache-control"],
        "private, max-age=31536000, immutable"
    );

    // Another enterprise's administrator neither sees nor changes it.
    assert_eq!(fetch(&t, &path, &t.fx.other_admin, None).await.status, 404);
    put(
        &t,
        &path,
        &t.fx.other_admin,
        encoded(ImageFormat::Png, 8, 8),
    )
    .await
    .problem(404, "not-found");

    // audited.
    let actions = t.audit_actions(&id).await;
    assert_eq!(
        actions.iter().filter(|a| *a == "user.picture_set").count(),
        3,
        "{actions:?}"
    );

    assert_eq!(t.delete(&path, &t.fx.admin).await.status, 204);
    assert_eq!(fetch(&t, &path, &t.fx.admin, None).await.status, 404);
    let shown = t.get(&format!("/api/v1/users/{id}"), &t.fx.admin).await;
    assert!(shown.body["picture_updated_at"].is_null());
    t.delete(&path, &t.fx.admin).await.problem(404, "not-found");
}

async fn u9_pictures_are_set_in_the_portal_and_shown_in_the_list_and_header(kind: Kind) {
    let Some(t) = TestApp::spawn(kind).await else {
        return;
    };
    let user = t
        .create_active_user(
            "+493012345602",
            json!({"first_name": "Anna", "last_name": "Bild", "extension": "602",
                   "language": "de", "password": STRONG, "must_change_password": false}),
        )
        .await;
    let id = user["id"].as_str().unwrap().to_owned();
    let mut anna = WebClient::new(&t);
    anna.sign_in_fully(user["login_name"].as_str().unwrap(), STRONG)
        .await;
    let page = anna.get("/services").await;
    assert!(page.contains("Noch kein Bild"), "{}", page.body);
    assert!(!page.contains("class=\"avatar\""));

    // Not a picture: refused in words, nothing kept.
    let refused = anna
        .post_file("/picture", "file", "me.png", b"not an image at all")
        .await;
    assert_eq!(refused.location.as_deref(), Some("/services"));
    let page = anna.get("/services").await;
    assert!(
        page.contains("Das ist kein lesbares PNG-, JPEG- oder WebP-Bild."),
        "{}",
        page.body
    );

    // Her own picture: saved, and in the header under an address naming its version.
    let saved = anna
        .post_file(
            "/picture",
            "file",
            "me.webp",
            &encoded(ImageFormat::WebP, 300, 200),
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some("/services"));
    let page = anna.get("/services").await;
    assert!(
        page.contains("Das Bild wurde gespeichert."),
        "{}",
        page.body
    );
    let marker = format!("<img class=\"avatar\" src=\"/users/{id}/picture?v=");
    assert!(page.contains(&marker), "{}", page.body);
    let at = page.body.find(&marker).unwrap() + "<img class=\"avatar\" src=\"".len();
    let src = page.body[at..].split('"').next().unwrap().to_owned();
    let shown = anna.get(&src).await;
    assert_eq!(shown.status, 200);
    assert_eq!(shown.headers["content-type"], "image/jpeg");

    // The administrator's users list shows it; others get their initials.
    t.create_user(
        "+493012345603",
        json!({"first_name": "Ben", "last_name": "Ohne", "extension": "603"}),
    )
    .await;
    let ada = t
        .create_user(
            "+493012345690",
            json!({ "password": STRONG, "must_change_password": false, "role": "enterprise_admin",
                    "first_name": "Ada", "last_name": "Admin", "extension": "690" }),
        )
        .await;
    let mut admin = WebClient::new(&t);
    admin
        .sign_in_fully(ada["user"]["login_name"].as_str().unwrap(), STRONG)
        .await;
    let list = admin.get("/users").await;
    assert!(list.contains(&src), "{}", list.body);
    assert!(
        list.contains("<span class=\"avatar initials\" aria-hidden=\"true\">BO</span>"),
        "{}",
        list.body
    );
    // The administrator removes it on her page.
    let page = admin.get(&format!("/users/{id}")).await;
    assert!(page.contains("id=\"picture-current\""), "{}", page.body);
    let removed = admin
        .post(&format!("/users/{id}/picture/delete"), &[])
        .await;
    assert_eq!(removed.location, Some(format!("/users/{id}")));
    let list = admin.get("/users").await;
    assert!(!list.contains(&src));
    assert!(list.contains("<span class=\"avatar initials\" aria-hidden=\"true\">AB</span>"));
    let page = anna.get("/services").await;
    assert!(!page.contains("class=\"avatar\""), "{}", page.body);
    // Another enterprise's people cannot see it, nor anyone signed out.
    assert_eq!(WebClient::new(&t).get(&src).await.status, 404);
}
