//! A small HTTP "browser" for portal tests: keeps cookies (including `__Host-`/Secure ones over
//! plain HTTP to 127.0.0.1, as browsers do for loopback), does not follow redirects, and fills
//! in the CSRF token of the last page it saw.

use std::collections::BTreeMap;

use reqwest::header::{HeaderMap, HeaderValue};

use crate::support::TestApp;

pub struct WebClient {
    base: String,
    http: reqwest::Client,
    pub cookies: BTreeMap<String, String>,
    /// Every `Set-Cookie` header seen, for attribute checks.
    pub set_cookie_headers: Vec<String>,
    pub last: Page,
    extra_headers: HeaderMap,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
    pub headers: HeaderMap,
}

impl Page {
    /// The text of the first element with this id (`<… id="x">text<`), without markup.
    pub fn text_of(&self, id: &str) -> Option<String> {
        let start = self.body.find(&format!("id=\"{id}\""))?;
        let rest = &self.body[start..];
        let open_end = rest.find('>')? + 1;
        let close = rest[open_end..].find('<')?;
        Some(rest[open_end..open_end + close].trim().to_owned())
    }

    pub fn h1(&self) -> String {
        let start = self.body.find("<h1>").map(|i| i + 4).unwrap_or(0);
        let end = self.body[start..].find("</h1>").unwrap_or(0);
        self.body[start..start + end].to_owned()
    }

    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }
}

impl WebClient {
    pub fn new(t: &TestApp) -> Self {
        Self {
            base: t.base.clone(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            cookies: BTreeMap::new(),
            set_cookie_headers: Vec::new(),
            last: Page::default(),
            extra_headers: HeaderMap::new(),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Self {
        self.extra_headers
            .insert(name, HeaderValue::from_str(value).expect("header value"));
        self
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn absorb(&mut self, response: &reqwest::Response) {
        for value in response.headers().get_all("set-cookie") {
            let raw = value.to_str().expect("ascii cookie").to_owned();
            let (pair, attributes) = raw.split_once(';').unwrap_or((&raw, ""));
            let (name, value) = pair.split_once('=').expect("name=value");
            let removed = attributes.to_ascii_lowercase().contains("max-age=0") || value.is_empty();
            if removed {
                self.cookies.remove(name.trim());
            } else {
                self.cookies.insert(name.trim().into(), value.trim().into());
            }
            self.set_cookie_headers.push(raw);
        }
    }

    async fn finish(&mut self, response: reqwest::Response) -> Page {
        self.absorb(&response);
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.text().await.expect("body");
        self.last = Page {
            status,
            location,
            body,
            headers,
        };
        self.last.clone()
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .headers(self.extra_headers.clone())
            .header("cookie", self.cookie_header())
            .header("accept", "text/html,application/xhtml+xml")
            .send()
            .await
            .expect("GET");
        self.finish(response).await
    }

    /// Posts a form with the CSRF token of the last page (unless `csrf` is given in `fields`).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut form: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        if !fields.iter().any(|(k, _)| *k == "csrf") {
            form.push(("csrf".into(), self.csrf()));
        }
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .headers(self.extra_headers.clone())
            .header("cookie", self.cookie_header())
            .form(&form)
            .send()
            .await
            .expect("POST");
        self.finish(response).await
    }

    /// Uploads a file as a browser sends a form with a file input (`multipart/form-data`): the
    /// CSRF token of the last page first, then the file.
    pub async fn post_file(&mut self, path: &str, field: &str, name: &str, bytes: &[u8]) -> Page {
        let boundary = "----switchboard-test-boundary-7d3f";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n\
             Content-Type: text/csv\r\n\r\n",
            self.csrf()
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .headers(self.extra_headers.clone())
            .header("cookie", self.cookie_header())
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .expect("POST");
        self.finish(response).await
    }

    /// The CSRF token in the last page's forms.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        self.last
            .body
            .find(marker)
            .map(|i| {
                let rest = &self.last.body[i + marker.len()..];
                rest[..rest.find('"').unwrap_or(0)].to_owned()
            })
            .unwrap_or_default()
    }

    /// Opens the sign-in page and submits it; returns the answer (a 303 on success).
    pub async fn sign_in(&mut self, login: &str, password: &str) -> Page {
        self.get("/sign-in").await;
        self.post("/sign-in", &[("login", login), ("password", password)])
            .await
    }

    /// Signs in and follows to the start page, asserting every step.
    pub async fn sign_in_fully(&mut self, login: &str, password: &str) -> Page {
        let answer = self.sign_in(login, password).await;
        assert_eq!(answer.status, 303, "sign-in: {}", answer.body);
        assert_eq!(
            answer.location.as_deref(),
            Some("/"),
            "straight to the portal"
        );
        let home = self.get("/").await;
        assert_eq!(home.status, 200);
        home
    }

    pub fn signed_in(&self) -> bool {
        self.cookies.contains_key("__Host-sb_session")
    }
}

/// A provider operator made as `switchboard operator create` makes one, whose password is set
/// through the emailed one-time link and who is then signed in; returns the browser and the
/// start page.
pub async fn signed_in_operator(t: &TestApp, login: &str, password: &str) -> (WebClient, Page) {
    let input = switchboard_app::accounts::NewOperator {
        login_name: login.into(),
        display_name: "Olga Operator".into(),
        email: format!("{login}@provider.test"),
        language: Some("en".into()),
    };
    let (_, link) = t
        .app
        .accounts()
        .create_operator(&switchboard_app::Actor::cli_operator(), input)
        .await
        .expect("operator");
    let path = link.trim_start_matches("http://portal.test").to_owned();
    let mut browser = WebClient::new(t);
    browser.get(&path).await;
    let set = browser.post(&path, &[("password", password)]).await;
    assert_eq!(set.location.as_deref(), Some("/sign-in"), "{}", set.body);
    let home = browser.sign_in_fully(login, password).await;
    (browser, home)
}
