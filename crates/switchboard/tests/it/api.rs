//! The API's own contract (I-1, O-2): the OpenAPI document (snapshot), the reference page,
//! health, readiness, metrics, request ids, security headers.

use crate::support::{Kind, TestApp};

#[test]
fn i1_openapi_document_matches_the_snapshot() {
    let document = switchboard_web::api::openapi();
    let json = serde_json::to_value(&document).unwrap();
    assert_eq!(json["openapi"], "3.1.0");
    insta::assert_json_snapshot!("openapi", json);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn i1_openapi_and_reference_page_are_served_without_internet() {
    let t = TestApp::spawn(Kind::Sqlite).await.unwrap();
    let document = t.get("/api/v1/openapi.json", "").await;
    assert_eq!(document.status.as_u16(), 200);
    assert_eq!(
        document.body,
        serde_json::to_value(switchboard_web::api::openapi()).unwrap()
    );
    assert!(document.body["paths"]["/enterprises/{id}/users"]["post"].is_object());
    let page = t
        .http
        .get(format!("{}/api/docs/", t.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("swagger-ui"));
    assert!(
        !html.contains("https://"),
        "the reference page loads nothing from the internet"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn o2_health_readiness_metrics_and_request_ids() {
    let t = TestApp::spawn(Kind::Sqlite).await.unwrap();
    assert_eq!(
        t.http
            .get(format!("{}/healthz", t.base))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        t.http
            .get(format!("{}/readyz", t.base))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    t.get("/api/v1/enterprises", &t.fx.admin).await;
    let metrics = t
        .http
        .get(format!("{}/metrics", t.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("http_requests_total"), "{metrics}");
    let response = t.get("/api/v1/users/nope", &t.fx.admin).await;
    let request_id = response
        .headers
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap();
    assert_eq!(response.body["request_id"], request_id);
    assert_eq!(
        response.headers.get("x-content-type-options").unwrap(),
        "nosniff"
    );
    assert!(
        response
            .headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
}
