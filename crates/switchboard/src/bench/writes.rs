//! P-3: create-user throughput with concurrent HTTP clients, and beside it the raw commit rate
//! of the same writes (one transaction per user) straight on the database.

use std::future::Future;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::ensure;
use switchboard_app::{Clock as _, SystemClock, secrets};
use switchboard_domain::{AuditId, MailId, Timestamp};
use switchboard_store::accounts::{self, Account};
use switchboard_store::audit::{self, AuditEntry};
use switchboard_store::jobs::{self, NewJob};
use switchboard_store::links::{self, Link};
use switchboard_store::numbers::{self, Claim, Usage};
use switchboard_store::outbox::{self, Message};
use switchboard_store::users::{self, SipCredentials, User};
use switchboard_store::{Db, Tx, licences};

use crate::names::Names;
use crate::seed::pending_user;
use crate::setup::{DEVICE, NumberBlock, PACKAGE, Tenant};
use crate::stats::Latencies;

/// Extensions of the HTTP creates are 2000000…, of the raw ones 3000000… (seeded: 1000000…).
const HTTP_EXTENSIONS: u64 = 2_000_000;
const RAW_EXTENSIONS: u64 = 3_000_000;
/// Email serials above the seeded ones, so that login names stay unique (U-1).
const HTTP_EMAILS: u64 = 10_000_000;
const RAW_EMAILS: u64 = 20_000_000;

/// The outcome of a series of concurrent creates.
#[derive(Debug, Default)]
pub struct Throughput {
    pub count: u64,
    pub elapsed: Duration,
    pub latencies: Latencies,
    pub errors: usize,
    pub first_error: Option<String>,
}

impl Throughput {
    /// Fails with the first error, if any (for warm-up series, whose figures are not reported).
    pub fn check(&self, what: &str) -> anyhow::Result<()> {
        match &self.first_error {
            Some(e) => anyhow::bail!(
                "{what}: {} of {} failed, the first with: {e}",
                self.errors,
                self.count
            ),
            None => Ok(()),
        }
    }
}

/// Runs `operation(client, serial)` for every serial in `serials`, on `clients` concurrent tasks
/// that each take the next serial when done, and times each operation and the whole.
async fn run_concurrently<F, Fut>(
    clients: usize,
    serials: Range<u64>,
    operation: F,
) -> anyhow::Result<Throughput>
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
{
    let next = Arc::new(AtomicU64::new(serials.start));
    let operation = Arc::new(operation);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|client| {
            let (next, operation, end) = (next.clone(), operation.clone(), serials.end);
            tokio::spawn(async move {
                let mut outcome = Throughput::default();
                loop {
                    let serial = next.fetch_add(1, Ordering::Relaxed);
                    if serial >= end {
                        return outcome;
                    }
                    let started = Instant::now();
                    match operation(client, serial).await {
                        Ok(()) => outcome.latencies.push(started.elapsed()),
                        Err(e) => {
                            outcome.errors += 1;
                            outcome.first_error.get_or_insert_with(|| format!("{e:#}"));
                        }
                    }
                }
            })
        })
        .collect();
    let mut total = Throughput::default();
    for task in futures::future::join_all(tasks).await {
        let outcome = task?;
        total.latencies.extend(outcome.latencies);
        total.errors += outcome.errors;
        total.first_error = total.first_error.or(outcome.first_error);
    }
    total.elapsed = started.elapsed();
    total.count = serials.end - serials.start;
    Ok(total)
}

/// `POST /enterprises/{id}/users` from `clients` clients, each with its own connection.
pub async fn http_creates(
    base_url: &str,
    tenant: &Tenant,
    clients: usize,
    serials: Range<u64>,
) -> anyhow::Result<Throughput> {
    let connections: Vec<reqwest::Client> = (0..clients)
        .map(|_| reqwest::Client::builder().no_proxy().build())
        .collect::<Result<_, _>>()?;
    let connections = Arc::new(connections);
    let url: Arc<str> = format!("{base_url}/enterprises/{}/users", tenant.enterprise).into();
    let token: Arc<str> = tenant.token.as_str().into();
    let sites = tenant.sites;
    run_concurrently(clients, serials, move |client, serial| {
        let (connections, url, token) = (connections.clone(), url.clone(), token.clone());
        async move {
            let person = Names::new(serial).person(HTTP_EMAILS + serial);
            let body = serde_json::json!({
                "site_id": sites[serial as usize % 2],
                "first_name": person.first,
                "last_name": person.last,
                "email": person.email,
                "package_licence": PACKAGE,
                "primary_number": NumberBlock::HTTP_CREATES.number(serial),
                "extension": (HTTP_EXTENSIONS + serial).to_string(),
                "device_type": DEVICE,
            });
            let response = connections[client]
                .post(&*url)
                .bearer_auth(&*token)
                .json(&body)
                .send()
                .await?;
            let status = response.status();
            let text = response.bytes().await?;
            ensure!(
                status == reqwest::StatusCode::CREATED,
                "{status} {}",
                String::from_utf8_lossy(&text)
            );
            Ok(())
        }
    })
    .await
}

/// The writes of one `Users::create` in one transaction, from `clients` concurrent tasks.
pub async fn raw_creates(
    db: &Db,
    tenant: &Tenant,
    clients: usize,
    serials: Range<u64>,
) -> anyhow::Result<Throughput> {
    let (db, tenant) = (db.clone(), Arc::new(tenant.clone()));
    run_concurrently(clients, serials, move |_, serial| {
        let (db, tenant) = (db.clone(), tenant.clone());
        async move { raw_create(&db, &tenant, serial).await }
    })
    .await
}

/// What `Users::create` writes, without its reads and checks: the user row (with its add-ons and
/// teams, none here), the number claim and the licence claim (both conditional updates), the
/// SIP credentials, the portal account with its invitation (U-5: the link and two outbox
/// messages, the invitation and the notice to the enterprise's contact), the activation job and
/// the audit entry.
async fn raw_create(db: &Db, tenant: &Tenant, serial: u64) -> anyhow::Result<()> {
    let now = SystemClock.now();
    let number = NumberBlock::RAW_CREATES.number(serial);
    let person = Names::new(serial).person(RAW_EMAILS + serial);
    let user = pending_user(
        tenant,
        person,
        serial as usize % 2,
        RAW_EXTENSIONS + serial,
        number.clone(),
        now,
    );
    let credentials = sip_credentials(tenant, &user, number.trim_start_matches('+'), now);
    let job = NewJob {
        kind: "user.activate",
        payload: serde_json::json!({ "user_id": user.id }),
        run_at: now,
        max_attempts: 8,
        enterprise_id: Some(tenant.enterprise),
        subject_id: Some(user.id.to_string()),
    };
    let entry = audit_entry(tenant, &user, now);
    let primary = user.primary_number.as_ref().expect("set above");

    let mut tx = db.begin().await?;
    users::insert(&mut tx, &user).await?;
    let claim = numbers::claim(
        &mut tx,
        tenant.enterprise,
        primary,
        user.id,
        Usage::Primary,
        now,
    )
    .await?;
    ensure!(claim == Claim::Claimed, "number {number}: {claim:?}");
    ensure!(
        licences::claim(&mut tx, tenant.enterprise, tenant.package).await?,
        "no free licence"
    );
    users::set_sip_credentials(&mut tx, &credentials).await?;
    invite(&mut tx, tenant, &user, now).await?;
    jobs::enqueue(&mut tx, &job, now).await?;
    audit::insert(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The invitation `Users::create` writes for a user without a set password (U-5).
async fn invite(tx: &mut Tx, tenant: &Tenant, user: &User, now: Timestamp) -> anyhow::Result<()> {
    let subject = user.id.to_string();
    accounts::save(tx, &Account::blank(&subject, "user", now)).await?;
    let token = secrets::random_alphanumeric(43);
    links::replace(
        tx,
        &Link {
            token_hash: secrets::token_digest(&token),
            purpose: "invitation".into(),
            subject_id: subject,
            created_at: now,
            expires_at: now.plus_millis(7 * 86_400_000),
            used_at: None,
        },
    )
    .await?;
    for (recipient, purpose, body) in [
        (
            user.email.as_str().to_owned(),
            "invitation",
            format!("Hello, choose your password: https://portal.example/invitation/{token}"),
        ),
        (
            format!("it@{}", tenant.sip_domain),
            "invitation_notice",
            "An invitation was sent.".to_owned(),
        ),
    ] {
        outbox::insert(
            tx,
            &Message {
                id: MailId::new(),
                enterprise_id: Some(tenant.enterprise),
                channel: "email".into(),
                recipient,
                subject: "Your Switchboard account".into(),
                body: Some(body),
                purpose: purpose.into(),
                status: "stored".into(),
                created_at: now,
                sent_at: None,
                last_error: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// Desk-phone login digests as `Users::create` makes them (U-4).
fn sip_credentials(tenant: &Tenant, user: &User, username: &str, now: Timestamp) -> SipCredentials {
    let realm = &tenant.sip_domain;
    let password = secrets::sip_password();
    SipCredentials {
        user_id: user.id,
        enterprise_id: user.enterprise_id,
        username: username.to_owned(),
        realm: realm.clone(),
        ha1: secrets::sip_ha1(username, realm, &password),
        ha1b: secrets::sip_ha1b(username, realm, realm, &password),
        created_at: now,
    }
}

/// The audit entry of a creation over the API, with the whole user as its `after`.
fn audit_entry(tenant: &Tenant, user: &User, now: Timestamp) -> AuditEntry {
    AuditEntry {
        id: AuditId::new(),
        at: now,
        enterprise_id: Some(tenant.enterprise),
        actor: "token:bench (bench operator)".into(),
        channel: "api".into(),
        client_ip: Some("127.0.0.1".into()),
        request_id: Some(uuid::Uuid::now_v7().to_string()),
        action: "user.created".into(),
        target_kind: "user".into(),
        target_id: user.id.to_string(),
        before: None,
        after: serde_json::to_value(user).ok(),
    }
}
