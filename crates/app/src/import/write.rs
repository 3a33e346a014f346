//! Writing a checked import (B-1): every user, their number, licences, portal account,
//! invitation, activation and sync jobs and audit entry, in the caller's one transaction and
//! in a few statements per few thousand users (P-2).

use std::collections::BTreeMap;

use switchboard_domain::{AuditId, LicenceTypeId, UserId};
use switchboard_store::accounts::{self, Account};
use switchboard_store::audit::{self, AuditEntry};
use switchboard_store::jobs::{self, NewJob};
use switchboard_store::links::{self, Link};
use switchboard_store::numbers::{self, Usage};
use switchboard_store::outbox::{self, Message};
use switchboard_store::users::{self, User};
use switchboard_store::{Tx, licences};

use super::check::{Draft, Reference, Update};
use super::sheet::{Column, Problem};
use crate::actor::Actor;
use crate::audit::snapshot;
use crate::error::{AppError, AppResult};
use crate::jobs::{activation_job, sync_job};
use crate::mail::{self, Outgoing, texts};
use crate::users::{Patch, UserChanges};
use crate::{App, secrets};

/// Users written per round of statements: bounds the memory of the rows built for them
/// (invitation texts, audit snapshots) whatever the file's size.
const USERS_PER_ROUND: usize = 5_000;

/// Writes the drafts; any conflict (a number or licence taken since the check) fails the whole.
pub(super) async fn create_all(
    app: &App,
    tx: &mut Tx,
    actor: &Actor,
    enterprise_name: &str,
    contact: &switchboard_domain::Email,
    drafts: &[Draft],
) -> AppResult<usize> {
    let backend = app.db().backend();
    let now = app.now();
    // N-2: the whole file's licences at once, in licence id order (no deadlock with creates).
    let mut needed: BTreeMap<LicenceTypeId, i64> = BTreeMap::new();
    for d in drafts {
        for licence in std::iter::once(&d.user.package_licence_id).chain(&d.user.addon_licence_ids)
        {
            *needed.entry(*licence).or_default() += 1;
        }
    }
    let enterprise = drafts.first().map(|d| d.user.enterprise_id);
    for (licence, count) in needed {
        let enterprise = enterprise.expect("there are drafts");
        if !licences::claim_count(tx, enterprise, licence, count).await? {
            let code = licences::find_type(tx, &licence.to_string())
                .await?
                .map(|l| l.code.to_string())
                .unwrap_or_default();
            return Err(AppError::LicenceExhausted { licence: code });
        }
    }
    let mut invited = 0;
    for round in drafts.chunks(USERS_PER_ROUND) {
        let round_users: Vec<User> = round.iter().map(|d| d.user.clone()).collect();
        users::insert_many(tx, backend, &round_users)
            .await
            .map_err(|e| collision(e, "Someone added a user with one of these login names or extensions while the file was checked; check it again."))?;
        let claims: Vec<(String, UserId)> = round_users
            .iter()
            .filter_map(|u| u.primary_number.as_ref().map(|n| (n.to_string(), u.id)))
            .collect();
        let claimed = numbers::claim_many(
            tx,
            backend,
            round_users[0].enterprise_id,
            &claims,
            Usage::Primary,
            now,
        )
        .await?;
        if claimed != claims.len() as u64 {
            return Err(AppError::conflict(
                "number-taken",
                "A number of the file was assigned to someone else while the file was checked; check it again.",
            ));
        }
        let accounts: Vec<Account> = round_users
            .iter()
            .map(|u| Account::blank(&u.id.to_string(), "user", now))
            .collect();
        accounts::insert_many(tx, backend, &accounts).await?;

        // U-5: invitations are hashed one-time links; no password is hashed here (P-2).
        let mut links = Vec::new();
        let mut messages: Vec<Message> = Vec::new();
        let mut mail_jobs: Vec<NewJob> = Vec::new();
        for d in round.iter().filter(|d| d.invite) {
            let token = secrets::random_alphanumeric(43);
            links.push(Link {
                token_hash: secrets::token_digest(&token),
                purpose: "invitation".into(),
                subject_id: d.user.id.to_string(),
                created_at: now,
                expires_at: now.plus_millis(app.account_settings().invitation_ttl_ms),
                used_at: None,
            });
            let (message, job) = mail::prepare(
                app,
                app.accounts().invitation(&d.user, enterprise_name, &token),
            );
            messages.push(message);
            mail_jobs.extend(job);
        }
        invited += links.len();
        links::insert_many(tx, backend, &links).await?;
        outbox::insert_many(tx, backend, &messages).await?;
        drop(messages);

        // T-2 and L-1: each user's line is pushed at once and their activation follows.
        let mut new_jobs = mail_jobs;
        for u in &round_users {
            new_jobs.push(sync_job(app, u));
            new_jobs.push(activation_job(app, u));
        }
        jobs::enqueue_many(tx, backend, &new_jobs, now).await?;

        let entries: Vec<AuditEntry> = round_users
            .iter()
            .map(|u| AuditEntry {
                id: AuditId::new(),
                at: now,
                enterprise_id: Some(u.enterprise_id),
                actor: actor.label.clone(),
                channel: actor.channel.as_str().to_owned(),
                client_ip: actor.client_ip.clone(),
                request_id: actor.request_id.clone(),
                action: "user.created".into(),
                target_kind: "user".into(),
                target_id: u.id.to_string(),
                before: None,
                after: snapshot(u),
            })
            .collect();
        audit::insert_many(tx, backend, &entries).await?;
    }
    // U-5: the enterprise's contact learns of the invitations once per file, not once per user.
    if invited > 0 {
        let notice = texts::import_notice(drafts[0].user.language, invited, &actor.label);
        mail::enqueue(
            tx,
            app,
            Outgoing {
                enterprise_id: enterprise,
                channel: "email",
                recipient: contact.as_str().to_owned(),
                subject: notice.subject,
                body: notice.body,
                purpose: "invitation_notice",
            },
        )
        .await?;
    }
    Ok(invited)
}

fn collision(e: switchboard_store::StoreError, detail: &str) -> AppError {
    if e.is_unique_violation_on("login_name")
        || e.is_unique_violation_on("extension")
        || e.is_unique_violation_on("primary_number")
    {
        AppError::conflict("changed-meanwhile", detail)
    } else {
        e.into()
    }
}

/// Applies the rows that change existing users, each by the single update's rules (L-3, L-7,
/// N-2, N-4, N-6: numbers and licences freed and taken, sync jobs, audit), in the caller's
/// transaction. A refusal (something changed since the check) names its row, and the caller
/// writes nothing.
pub(super) async fn update_all(
    app: &App,
    tx: &mut Tx,
    actor: &Actor,
    r: &Reference,
    updates: &[Update],
) -> AppResult<Result<(), Problem>> {
    for u in updates {
        let changes = changes_of(r, &u.before, &u.after);
        match app
            .users()
            .update_in(tx, actor, u.before.id, Some(u.before.version), changes)
            .await
        {
            Ok(_) => {}
            Err(e @ AppError::Internal(_)) => return Err(e),
            Err(e) => return Ok(Err(refusal_at(u.row, &e))),
        }
    }
    Ok(Ok(()))
}

/// Only what the row changes, as the single update takes it.
fn changes_of(r: &Reference, before: &User, after: &User) -> UserChanges {
    fn differs<T: PartialEq>(b: &T, a: &T) -> bool {
        b != a
    }
    let text = |b: &str, a: &str| (b != a).then(|| a.to_owned());
    let patch = |b: Option<&str>, a: Option<&str>| match (b, a) {
        (b, a) if b == a => Patch::Keep,
        (_, None) => Patch::Clear,
        (_, Some(a)) => Patch::Set(a.to_owned()),
    };
    let mut sorted_addons = after.addon_licence_ids.clone();
    sorted_addons.sort();
    let mut had_addons = before.addon_licence_ids.clone();
    had_addons.sort();
    let mut teams = after.team_ids.clone();
    teams.sort();
    let mut had_teams = before.team_ids.clone();
    had_teams.sort();
    UserChanges {
        first_name: text(before.first_name.as_str(), after.first_name.as_str()),
        last_name: text(before.last_name.as_str(), after.last_name.as_str()),
        email: (!before
            .email
            .as_str()
            .eq_ignore_ascii_case(after.email.as_str()))
        .then(|| after.email.as_str().to_owned()),
        login_name: None,
        role: differs(&before.role, &after.role).then(|| after.role.as_str().to_owned()),
        department_id: match (before.department_id, after.department_id) {
            (b, a) if b == a => Patch::Keep,
            (_, None) => Patch::Clear,
            (_, Some(a)) => Patch::Set(a.to_string()),
        },
        team_ids: (teams != had_teams).then(|| teams.iter().map(|t| t.to_string()).collect()),
        personal_contact: patch(
            before.personal_contact.as_deref(),
            after.personal_contact.as_deref(),
        ),
        language: differs(&before.language, &after.language)
            .then(|| after.language.as_str().to_owned()),
        primary_number: differs(&before.primary_number, &after.primary_number).then(|| {
            after
                .primary_number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default()
        }),
        extension: text(before.extension.as_str(), after.extension.as_str()),
        device_type: None,
        package_licence: differs(&before.package_licence_id, &after.package_licence_id)
            .then(|| r.licence_code(after.package_licence_id)),
        addon_licences: (sorted_addons != had_addons)
            .then(|| sorted_addons.iter().map(|l| r.licence_code(*l)).collect()),
        mobile_number: patch(
            before.mobile_number.as_ref().map(|n| n.as_str()),
            after.mobile_number.as_ref().map(|n| n.as_str()),
        ),
        contract_number: patch(
            before.contract_number.as_ref().map(|n| n.as_str()),
            after.contract_number.as_ref().map(|n| n.as_str()),
        ),
    }
}

/// A refusal of the single update, said at the row (and the column, where it names a field).
fn refusal_at(row: u64, e: &AppError) -> Problem {
    let (field, code, message) = match e {
        AppError::Validation(fields) => {
            let first = &fields[0];
            (first.field.as_str(), first.code.to_owned(), first.message.clone())
        }
        AppError::PreconditionFailed => (
            "",
            "changed-since-check".to_owned(),
            "This user was changed by someone else since the file was checked: check the file again.".to_owned(),
        ),
        other => ("", other.code().to_owned(), other.to_string()),
    };
    let column = Column::from_header(field)
        .or_else(|| Column::from_header(field.trim_end_matches("_id")))
        .or_else(|| (field == "team_ids").then_some(Column::Teams));
    Problem {
        row: Some(row),
        column: column.map(|c| c.header().to_owned()),
        code,
        message,
        args: Default::default(),
    }
}
