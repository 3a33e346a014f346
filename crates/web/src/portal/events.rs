//! Audit entries in words (A-3, I-6): the event's name in the reader's language, the subject by
//! name (read from the entry's own before/after values, so a deleted subject keeps its name), who
//! did it, and when — never an event code, an id or an ISO timestamp.

use serde_json::Value;
use switchboard_domain::Timestamp;
use switchboard_store::audit::AuditEntry;

use super::i18n::Tr;
use switchboard_domain::Language;

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

/// An instant as the reader writes dates: `8 Dec 2026, 14:05`, `08.12.2026, 14:05`,
/// `08/12/2026 14:05`, with its zone (UTC until sites carry a time zone).
pub fn when(tr: &Tr, at: Timestamp) -> String {
    let Ok(t) =
        time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(at.millis()) * 1_000_000)
    else {
        return String::new();
    };
    let (d, m, y, hh, mm) = (t.day(), u8::from(t.month()), t.year(), t.hour(), t.minute());
    match tr.lang {
        Language::English => {
            let month = tr.t(&format!("month-short-{m}"));
            format!("{d} {month} {y}, {hh:02}:{mm:02} UTC")
        }
        Language::German => format!("{d:02}.{m:02}.{y}, {hh:02}:{mm:02} UTC"),
        Language::French => format!("{d:02}/{m:02}/{y} {hh:02}:{mm:02} UTC"),
    }
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
