//! Audit entries in words (A-3, I-6): the event's name in the reader's language, the subject by
//! name (read from the entry's own before/after values, so a deleted subject keeps its name), who
//! did it, and when — never an event code, an id or an ISO timestamp.

use serde_json::Value;
use switchboard_domain::Timestamp;
use switchboard_store::audit::AuditEntry;

use super::i18n::Tr;

/// `user.deactivated` → "User deactivated"; an event without a translation reads "Change".
pub fn event_name(tr: &Tr, action: &str) -> String {
    let key = format!("event-{}", action.replace(['.', '_'], "-"));
    tr.try_with(&key, []).unwrap_or_else(|| tr.t("event-other"))
}

/// The subject's name as the entry recorded it: a person's first and last name, a group's,
/// team's or site's name, a number.
pub fn subject_name(entry: &AuditEntry) -> Option<String> {
    let from = |v: &Option<Value>| -> Option<String> {
        let o = v.as_ref()?.as_object()?;
        let text = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
        match (text("first_name"), text("last_name")) {
            (Some(f), Some(l)) => Some(format!("{f} {l}")),
            _ => text("name")
                .or_else(|| text("display_name"))
                .or_else(|| text("number"))
                .or_else(|| text("login_name")),
        }
    };
    from(&entry.after).or_else(|| from(&entry.before))
}

/// Who made the change, as a reader knows them: a person's login name, an API token's name,
/// the command line, Switchboard itself.
pub fn actor_name(tr: &Tr, label: &str) -> String {
    if let Some(login) = label
        .strip_prefix("user:")
        .or_else(|| label.strip_prefix("operator:"))
    {
        return login.to_owned();
    }
    if let Some(rest) = label.strip_prefix("token:") {
        // `token:<id> (<name>)`: the name is what its owner gave it.
        let name = rest
            .split_once(" (")
            .map(|(_, n)| n.trim_end_matches(')'))
            .unwrap_or("");
        return tr.t1("actor-token", "name", name);
    }
    match label.split(':').next().unwrap_or(label) {
        "cli" => tr.t("actor-cli"),
        "anonymous" => tr.t("actor-anonymous"),
        _ => tr.t("actor-system"),
    }
}

/// An instant as the reader writes dates, in their time zone (see [`Tr::when`]).
pub fn when(tr: &Tr, at: Timestamp) -> String {
    tr.when(at)
}

/// What a change's values are named from: the lookup tables of the page (licences, device types,
/// departments, teams) and the sites in reach.
pub struct Names<'a> {
    pub directory: &'a super::directory::Directory,
    pub sites: &'a [switchboard_store::org::Site],
}

/// The label of a recorded field, in the reader's language; `None` for bookkeeping fields
/// and those a reader has no words for (they stay in the technical details).
fn field_label(tr: &Tr, key: &str) -> Option<String> {
    let label_key = match key {
        "first_name" => "user-first-name",
        "last_name" => "user-last-name",
        "email" => "user-email",
        "login_name" => "user-login",
        "role" => "users-col-role",
        "state" => "users-col-state",
        "package_licence_id" => "user-package",
        "addon_licence_ids" => "user-addons",
        "device_type_id" => "user-device",
        "primary_number" => "user-number",
        "alternative_numbers" => "field-alternative-numbers",
        "extension" => "user-extension",
        "mobile_number" => "user-mobile",
        "contract_number" => "user-contract",
        "department_id" => "users-col-department",
        "team_ids" => "users-col-teams",
        "personal_contact" => "user-contact",
        "language" => "user-language",
        "site_id" => "users-col-site",
        "intercept" => "intercept-action",
        "activated_at" => "field-activated-at",
        "deactivated_at" => "field-deactivated-at",
        "name" => "group-name",
        "ring_policy" => "group-ring-policy",
        "no_answer_seconds" => "field-no-answer-seconds",
        "forward_to" => "field-forward-to",
        "queue_length" => "field-queue-length",
        "recall_seconds" => "field-recall-seconds",
        "number" => "user-number",
        "member_names" => "group-members",
        "supervisor_names" => "group-supervisors",
        _ => return None,
    };
    Some(tr.t(label_key))
}

/// A recorded value in words: names instead of ids, states and roles translated, times in the
/// reader's format, lists joined.
fn in_words(tr: &Tr, names: &Names, key: &str, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let text = |v: &Value| v.as_str().map(str::to_owned).unwrap_or_default();
    match (key, value) {
        (_, Value::Null) => String::new(),
        ("state", v) => tr.t(&format!("state-{}", text(v))),
        ("role", v) => tr.t(&format!("role-{}", text(v))),
        ("language", v) => tr.t(&format!("language-{}", text(v))),
        ("ring_policy", v) => tr.t(&format!("ring-policy-{}", text(v))),
        ("package_licence_id", v) => text(v)
            .parse()
            .map(|id| names.directory.licence_name(id))
            .unwrap_or_default(),
        ("device_type_id", v) => text(v)
            .parse()
            .ok()
            .and_then(|id| names.directory.device(id))
            .map(|d| d.name.clone())
            .unwrap_or_default(),
        ("department_id", v) => text(v)
            .parse()
            .map(|id| names.directory.department(id))
            .unwrap_or_default(),
        ("site_id", v) => names
            .sites
            .iter()
            .find(|s| s.id.to_string() == text(v))
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        ("activated_at" | "deactivated_at", Value::Number(n)) => n
            .as_i64()
            .map(|ms| when(tr, Timestamp::from_millis(ms)))
            .unwrap_or_default(),
        ("activated_at" | "deactivated_at", Value::String(at)) => Timestamp::parse(at)
            .map(|at| when(tr, at))
            .unwrap_or_default(),
        ("intercept", Value::Object(o)) => o
            .get("action")
            .and_then(Value::as_str)
            .map(|a| tr.t(&format!("intercept-{a}")))
            .unwrap_or_default(),
        (
            "addon_licence_ids"
            | "team_ids"
            | "alternative_numbers"
            | "member_names"
            | "supervisor_names",
            Value::Array(items),
        ) => items
            .iter()
            .map(|item| match key {
                "addon_licence_ids" => text(item)
                    .parse()
                    .map(|id| names.directory.licence_name(id))
                    .unwrap_or_default(),
                "team_ids" => text(item)
                    .parse()
                    .map(|id| names.directory.teams_of(&[id]))
                    .unwrap_or_default(),
                _ => text(item),
            })
            .collect::<Vec<_>>()
            .join(", "),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Bool(b)) => tr.t(if *b { "yes" } else { "no" }),
        (_, Value::Number(n)) => n.to_string(),
        (_, other) => other.to_string(),
    }
}

/// One changed field: (label or field name, before, after).
pub type Changed = (String, String, String);

/// The fields an entry changed, in words: (label, before, after); and the same raw, for the
/// technical details: (field, before, after).
pub fn changes(tr: &Tr, names: &Names, entry: &AuditEntry) -> (Vec<Changed>, Vec<Changed>) {
    let empty = serde_json::Map::new();
    let object = |v: &Option<Value>| v.as_ref().and_then(Value::as_object).cloned();
    let before = object(&entry.before).unwrap_or_else(|| empty.clone());
    let after = object(&entry.after).unwrap_or_else(|| empty.clone());
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    let raw = |v: Option<&Value>| -> String {
        let text = match v {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        };
        if text.chars().count() > 80 {
            text.chars().take(79).chain(['…']).collect()
        } else {
            text
        }
    };
    let mut readable = Vec::new();
    let mut technical = Vec::new();
    for key in keys
        .into_iter()
        // Bookkeeping fields change with every write; they say nothing to a reader.
        .filter(|k| !matches!(k.as_str(), "version" | "updated_at" | "created_at"))
        .filter(|k| before.get(*k) != after.get(*k))
    {
        technical.push((key.clone(), raw(before.get(key)), raw(after.get(key))));
        if let Some(label) = field_label(tr, key) {
            let (was, is) = (
                in_words(tr, names, key, before.get(key)),
                in_words(tr, names, key, after.get(key)),
            );
            // An empty field of a new (or deleted) subject says nothing.
            if !(was.is_empty() && is.is_empty()) {
                readable.push((label, was, is));
            }
        }
    }
    readable.sort_by_key(|(label, _, _)| label.to_lowercase());
    (readable, technical)
}

/// The page a subject is seen on, for the kinds that have one.
pub fn subject_link(entry: &AuditEntry) -> Option<String> {
    match entry.target_kind.as_str() {
        "user" => Some(format!("/users/{}", entry.target_id)),
        "group" => Some(format!("/groups/{}", entry.target_id)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchboard_domain::AuditId;
    use switchboard_domain::Language;

    fn entry(action: &str, before: Option<Value>, after: Option<Value>) -> AuditEntry {
        AuditEntry {
            id: AuditId::new(),
            at: Timestamp::from_millis(1_796_738_700_000),
            enterprise_id: None,
            actor: "user:anna@example.com".into(),
            channel: "portal".into(),
            client_ip: None,
            request_id: None,
            action: action.into(),
            target_kind: "user".into(),
            target_id: "0192".into(),
            before,
            after,
        }
    }

    #[test]
    fn a3_events_read_as_words_in_each_language() {
        for lang in [Language::English, Language::German, Language::French] {
            let tr = Tr::new(lang);
            let name = event_name(&tr, "user.deactivated");
            assert!(!name.contains('.') && !name.contains('_'), "{name}");
            assert_ne!(name, tr.t("event-other"));
        }
        assert_eq!(
            event_name(&Tr::new(Language::English), "user.deactivated"),
            "User deactivated"
        );
        // A code without a translation never shows as a code.
        assert_eq!(
            event_name(&Tr::new(Language::German), "something.new"),
            Tr::new(Language::German).t("event-other")
        );
    }

    #[test]
    fn a3_a_deleted_subject_keeps_the_name_its_entry_recorded() {
        let deleted = entry(
            "user.deleted",
            Some(serde_json::json!({"first_name": "Jörg", "last_name": "Weiß"})),
            None,
        );
        assert_eq!(subject_name(&deleted).as_deref(), Some("Jörg Weiß"));
        let group = entry(
            "group.created",
            None,
            Some(serde_json::json!({"name": "Vertrieb"})),
        );
        assert_eq!(subject_name(&group).as_deref(), Some("Vertrieb"));
    }

    #[test]
    fn a3_who_reads_as_a_login_a_token_name_or_switchboard() {
        let tr = Tr::new(Language::English);
        assert_eq!(actor_name(&tr, "user:anna@example.com"), "anna@example.com");
        assert!(actor_name(&tr, "token:0192-ab (billing sync)").contains("billing sync"));
        assert!(!actor_name(&tr, "system").contains("system"));
    }

    #[test]
    fn i6_times_are_written_as_each_language_writes_dates() {
        // 2026-12-08 14:05 UTC
        let at = Timestamp::from_millis(1_796_738_700_000);
        assert_eq!(
            when(&Tr::new(Language::English), at),
            "8 Dec 2026, 14:05 UTC"
        );
        assert_eq!(
            when(&Tr::new(Language::German), at),
            "08.12.2026, 14:05 UTC"
        );
        assert_eq!(when(&Tr::new(Language::French), at), "08/12/2026 14:05 UTC");
    }
}
