//! Tenancy and roles, API tokens (K-2), and the users list (U-6).

use serde_json::json;

use crate::on_both_databases;
use crate::support::TestApp;

on_both_databases!(
    a2_another_enterprises_user_is_not_found_by_id_list_or_search,
    a1_site_admin_acts_on_own_site_only,
    a1_roles_limit_provider_operations,
    a1_site_admin_cannot_make_enterprise_admins_or_see_other_sites_numbers,
    k2_tokens_are_stored_hashed_and_revocable,
    u6_list_pages_with_keyset_cursors_without_gaps_or_repeats,
    u6_list_filters_search_and_sorts,
);

async fn a2_another_enterprises_user_is_not_found_by_id_list_or_search(t: TestApp) {
    let user = t.create_active_user("+493012345601", json!({})).await;
    let id = user["id"].as_str().unwrap();
    let path = format!("/api/v1/users/{id}");
    let intruder = &t.fx.other_admin;
    t.get(&path, intruder).await.problem(404, "not-found");
    t.patch(&path, intruder, Some("\"v2\""), json!({"first_name": "X"}))
        .await
        .problem(404, "not-found");
    t.delete(&path, intruder).await.problem(404, "not-found");
    for action in [
        "deactivate",
        "reactivate",
        "sip-credentials",
        "duplicate",
        "retry-activation",
    ] {
        t.post(&format!("{path}/{action}"), intruder, json!({}))
            .await
            .problem(404, "not-found");
    }
    // The foreign id answers exactly like a missing one.
    let missing = t
        .get(&format!("/api/v1/users/{}", uuid::Uuid::now_v7()), intruder)
        .await;
    let foreign = t.get(&path, intruder).await;
    assert_eq!(missing.body["detail"], foreign.body["detail"]);
    for path in [
        format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
        format!("/api/v1/enterprises/{}/users?q=Müller", t.fx.enterprise),
        format!("/api/v1/enterprises/{}", t.fx.enterprise),
        format!("/api/v1/enterprises/{}/licences", t.fx.enterprise),
        format!("/api/v1/enterprises/{}/numbers", t.fx.enterprise),
        format!("/api/v1/enterprises/{}/sites", t.fx.enterprise),
        format!("/api/v1/sites/{}", t.fx.berlin),
    ] {
        t.get(&path, intruder).await.problem(404, "not-found");
    }
    let own = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/users?q=Müller",
                t.fx.other_enterprise
            ),
            intruder,
        )
        .await;
    assert!(
        own.body["items"].as_array().unwrap().is_empty(),
        "search never crosses tenants"
    );
    let enterprises = t.get("/api/v1/enterprises", intruder).await;
    assert_eq!(enterprises.body["items"].as_array().unwrap().len(), 1);
    // Nothing changed.
    assert_eq!(
        t.get(&path, &t.fx.admin).await.body["version"],
        user["version"]
    );
}

async fn a1_site_admin_acts_on_own_site_only(t: TestApp) {
    let in_paris = t
        .create_active_user(
            "+33123456601",
            json!({"site_id": t.fx.paris.to_string(), "email": "p@example.fr"}),
        )
        .await;
    let in_berlin = t.create_active_user("+493012345602", json!({})).await;
    let paris_path = format!("/api/v1/users/{}", in_paris["id"].as_str().unwrap());
    t.get(&paris_path, &t.fx.site_admin)
        .await
        .problem(404, "not-found");
    t.delete(&paris_path, &t.fx.site_admin)
        .await
        .problem(404, "not-found");
    let list = t
        .get(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.site_admin,
        )
        .await;
    let ids: Vec<&str> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![in_berlin["id"].as_str().unwrap()]);
    let sites = t
        .get(
            &format!("/api/v1/enterprises/{}/sites", t.fx.enterprise),
            &t.fx.site_admin,
        )
        .await;
    assert_eq!(sites.body.as_array().unwrap().len(), 1);
    let create_in_paris = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.site_admin,
            t.user_body(
                "+33123456602",
                json!({"site_id": t.fx.paris.to_string(), "email": "q@example.fr"}),
            ),
        )
        .await;
    assert_eq!(create_in_paris.failing_fields(), vec!["site_id"]);
    let created = t
        .post(
            &format!("/api/v1/enterprises/{}/users", t.fx.enterprise),
            &t.fx.site_admin,
            t.user_body("+493012345603", json!({"email": "r@example.de"})),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201);
    t.post(
        &format!("/api/v1/enterprises/{}/sites", t.fx.enterprise),
        &t.fx.site_admin,
        json!({"name": "Hamburg"}),
    )
    .await
    .problem(403, "forbidden");
    t.get("/api/v1/audit", &t.fx.site_admin)
        .await
        .problem(403, "forbidden");
}

async fn a1_roles_limit_provider_operations(t: TestApp) {
    t.post(
        "/api/v1/enterprises",
        &t.fx.admin,
        json!({"name": "X", "sip_domain": "x.test", "contact_email": "a@x.test"}),
    )
    .await
    .problem(403, "forbidden");
    t.post(
        "/api/v1/licence-types",
        &t.fx.admin,
        json!({"code": "x", "name": "X", "kind": "addon"}),
    )
    .await
    .problem(403, "forbidden");
    t.post(
        "/api/v1/device-types",
        &t.fx.site_admin,
        json!({"code": "x", "name": "X", "kind": "desk_phone"}),
    )
    .await
    .problem(403, "forbidden");
    t.get("/api/v1/jobs", &t.fx.admin)
        .await
        .problem(403, "forbidden");
    let site = t
        .post(
            &format!("/api/v1/enterprises/{}/sites", t.fx.enterprise),
            &t.fx.admin,
            json!({"name": "Hamburg"}),
        )
        .await;
    assert_eq!(site.status.as_u16(), 201);
    t.post(
        &format!("/api/v1/enterprises/{}/sites", t.fx.enterprise),
        &t.fx.admin,
        json!({"name": "Hamburg"}),
    )
    .await
    .problem(409, "name-taken");
    let created = t.post("/api/v1/enterprises", &t.fx.operator, json!({"name": "Ørsted A/S", "sip_domain": "orsted.sip.test", "contact_email": "it@orsted.test"})).await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.body);
    t.post("/api/v1/enterprises", &t.fx.operator, json!({"name": "Other", "sip_domain": "orsted.sip.test", "contact_email": "it@orsted.test"})).await.problem(409, "domain-taken");
    let bad = t.post("/api/v1/enterprises", &t.fx.operator, json!({"name": "", "sip_domain": "not a domain", "contact_email": "x", "extension_min_len": 5, "extension_max_len": 3})).await;
    let mut fields = bad.failing_fields();
    fields.sort();
    assert_eq!(
        fields,
        vec!["contact_email", "extension_max_len", "name", "sip_domain"]
    );
}

async fn k2_tokens_are_stored_hashed_and_revocable(t: TestApp) {
    t.get("/api/v1/enterprises", "")
        .await
        .problem(401, "unauthenticated");
    t.get("/api/v1/enterprises", "sbt_wrong")
        .await
        .problem(401, "unauthenticated");
    let issued = t.post("/api/v1/tokens", &t.fx.admin, json!({"name": "crm sync", "scope": "site", "enterprise_id": t.fx.enterprise.to_string(), "site_id": t.fx.berlin.to_string()})).await;
    assert_eq!(issued.status.as_u16(), 201, "{}", issued.body);
    let token = issued.body["token"].as_str().unwrap().to_owned();
    assert_eq!(issued.body["role"], "site_admin");
    let mut conn = t.app.db().read().await.unwrap();
    let stored: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM api_tokens")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    assert!(
        stored
            .iter()
            .all(|(hash,)| hash != &token && hash.len() == 64),
        "only a digest is stored"
    );
    assert_eq!(
        t.get(
            &format!("/api/v1/enterprises/{}/sites", t.fx.enterprise),
            &token
        )
        .await
        .status
        .as_u16(),
        200
    );
    let foreign = t.post("/api/v1/tokens", &t.fx.admin, json!({"name": "x", "scope": "enterprise", "enterprise_id": t.fx.other_enterprise.to_string()})).await;
    foreign.problem(404, "not-found");
    t.post(
        "/api/v1/tokens",
        &t.fx.admin,
        json!({"name": "x", "scope": "operator"}),
    )
    .await
    .problem(403, "forbidden");
    let listed = t.get("/api/v1/tokens", &t.fx.admin).await;
    assert!(!listed.body.to_string().contains(&token));
    assert_eq!(
        t.delete(
            &format!("/api/v1/tokens/{}", issued.body["id"].as_str().unwrap()),
            &t.fx.admin
        )
        .await
        .status
        .as_u16(),
        204
    );
    t.get(
        &format!("/api/v1/enterprises/{}/sites", t.fx.enterprise),
        &token,
    )
    .await
    .problem(401, "unauthenticated");
}

async fn u6_list_pages_with_keyset_cursors_without_gaps_or_repeats(t: TestApp) {
    let mut expected = Vec::new();
    for i in 0..23 {
        let created = t.create_user(&format!("+4930123456{:02}", 10 + i), json!({"last_name": format!("Nachname{:02}", 22 - i), "email": format!("u{i}@example.de")})).await;
        expected.push(created["user"]["id"].as_str().unwrap().to_owned());
    }
    expected.reverse(); // sorted by last name, ascending
    for sort in ["name", "-name", "email", "extension", "-created"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut path = format!(
                "/api/v1/enterprises/{}/users?limit=5&sort={sort}",
                t.fx.enterprise
            );
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page = t.get(&path, &t.fx.admin).await;
            assert_eq!(page.status.as_u16(), 200, "{}", page.body);
            seen.extend(
                page.body["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| u["id"].as_str().unwrap().to_owned()),
            );
            match page.body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen.len(), 23, "{sort}");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 23, "{sort}: no repeats");
        if sort == "name" {
            assert_eq!(seen, expected);
        }
        if sort == "-name" {
            assert_eq!(seen.iter().rev().cloned().collect::<Vec<_>>(), expected);
        }
    }
    let wrong = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/users?sort=email&cursor=bm9uc2Vuc2U",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    assert_eq!(wrong.failing_fields(), vec!["cursor"]);
}

async fn u6_list_filters_search_and_sorts(t: TestApp) {
    t.create_active_user("+493012345601", json!({"first_name": "Anna", "last_name": "Müller", "email": "anna@example.de", "addon_licences": ["supervisor"]})).await;
    t.create_active_user("+33123456602", json!({"first_name": "Émile", "last_name": "Dubois", "email": "emile@exemple.fr", "site_id": t.fx.paris.to_string(), "role": "site_admin"})).await;
    t.create_user("+493012345603", json!({"first_name": "Jörg", "last_name": "Müllerschön", "email": "joerg@example.de", "device_type": "mobile-app", "team_ids": [t.fx.hotline.to_string()]})).await;
    assert_eq!(first_names(&t, "state=pending").await, vec!["Jörg"]);
    assert_eq!(first_names(&t, "state=active").await, vec!["Émile", "Anna"]);
    assert_eq!(
        first_names(&t, &format!("site_id={}", t.fx.paris)).await,
        vec!["Émile"]
    );
    assert_eq!(first_names(&t, "role=site_admin").await, vec!["Émile"]);
    assert_eq!(first_names(&t, "licence=supervisor").await, vec!["Anna"]);
    assert_eq!(
        first_names(&t, "device_type=mobile-app").await,
        vec!["Jörg"]
    );
    assert_eq!(
        first_names(&t, &format!("team_id={}", t.fx.hotline)).await,
        vec!["Jörg"]
    );
    assert_eq!(
        first_names(&t, "q=m%C3%BCll").await,
        vec!["Anna", "Jörg"],
        "contains, case-insensitive"
    );
    assert_eq!(first_names(&t, "q=LLERSCH").await, vec!["Jörg"]);
    assert_eq!(first_names(&t, "q=exemple").await, vec!["Émile"], "email");
    assert_eq!(
        first_names(&t, "q=mü&match=prefix").await,
        vec!["Anna", "Jörg"]
    );
    assert_eq!(first_names(&t, "q=du&match=prefix").await, vec!["Émile"]);
    assert_eq!(
        first_names(&t, "q=joerg%40&match=prefix").await,
        vec!["Jörg"]
    );
    assert_eq!(
        first_names(&t, "q=560").await,
        vec!["Anna", "Jörg"],
        "extension prefix"
    );
    assert_eq!(first_names(&t, "q=6602").await, vec!["Émile"]);
    assert_eq!(
        first_names(&t, "sort=-name").await,
        vec!["Jörg", "Anna", "Émile"]
    );
    assert_eq!(
        first_names(&t, &format!("state=active&site_id={}", t.fx.berlin)).await,
        vec!["Anna"]
    );
    let bad = t
        .get(
            &format!(
                "/api/v1/enterprises/{}/users?state=asleep&sort=age&q=ab&match=contains",
                t.fx.enterprise
            ),
            &t.fx.admin,
        )
        .await;
    let mut fields = bad.failing_fields();
    fields.sort();
    assert_eq!(fields, vec!["q", "sort", "state"]);
}

/// The first names of the page of users matching `query`, as the enterprise admin.
async fn first_names(t: &TestApp, query: &str) -> Vec<String> {
    let page = t
        .get(
            &format!("/api/v1/enterprises/{}/users?{query}", t.fx.enterprise),
            &t.fx.admin,
        )
        .await;
    assert_eq!(page.status.as_u16(), 200, "{query}: {}", page.body);
    page.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["first_name"].as_str().unwrap().to_owned())
        .collect()
}

async fn a1_site_admin_cannot_make_enterprise_admins_or_see_other_sites_numbers(t: TestApp) {
    let path = format!("/api/v1/enterprises/{}/users", t.fx.enterprise);
    let escalate = t.user_body("+493012345605", json!({"role": "enterprise_admin"}));
    t.post(&path, &t.fx.site_admin, escalate)
        .await
        .problem(403, "forbidden");
    let created = t
        .post(
            &path,
            &t.fx.site_admin,
            t.user_body("+493012345605", json!({"role": "site_admin"})),
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.body);
    t.create_user(
        "+33123456601",
        json!({"site_id": t.fx.paris.to_string(), "email": "p@example.fr"}),
    )
    .await;
    let numbers = format!(
        "/api/v1/enterprises/{}/numbers?status=assigned",
        t.fx.enterprise
    );
    let seen = t.get(&numbers, &t.fx.site_admin).await;
    let paris = seen.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["number"] == "+33123456601")
        .unwrap()
        .clone();
    assert_eq!(paris["status"], "assigned");
    assert!(
        paris["user_id"].is_null() && paris["user_name"].is_null(),
        "A-1: not who, at another site: {paris}"
    );
    let admin_view = t.get(&numbers, &t.fx.admin).await;
    assert!(admin_view.body.to_string().contains("Anna Müller"));
}
