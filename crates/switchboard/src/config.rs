//! Layered configuration (O-2): defaults, then a TOML file, then `SWITCHBOARD_*` environment
//! variables (nested keys with `__`, e.g. `SWITCHBOARD_PROVISIONER__ACTIVATION_DELAY_MS`), then
//! command-line flags. Secrets (the database password) are never printed.

use std::path::Path;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// Address to listen on.
    pub listen: String,
    /// `sqlite://PATH` (the embedded default) or `postgres://…`.
    pub database_url: String,
    /// `text` or `json`.
    pub log_format: String,
    pub worker: WorkerSettings,
    pub provisioner: ProvisionerSettings,
    pub kamailio: KamailioSettings,
    pub portal: PortalSettings,
    pub mail: MailSettings,
    #[serde(default)]
    pub greetings: GreetingSettings,
}

/// S-1: where greetings' audio is kept.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GreetingSettings {
    /// A directory for greeting files (created if missing); none: in the database.
    #[serde(default)]
    pub directory: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PortalSettings {
    /// The portal's address as people reach it, for links in emails.
    pub public_url: String,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
}

/// Where mail goes: `outbox` keeps it in the database (operators read it with `switchboard
/// outbox`), `smtp` delivers it.
#[derive(Clone, Deserialize)]
pub struct MailSettings {
    pub transport: String,
    pub from: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    /// `none`, `starttls` or `tls`.
    pub smtp_security: String,
    pub smtp_username: String,
    pub smtp_password: String,
}

impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("transport", &self.transport)
            .field("from", &self.from)
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("smtp_security", &self.smtp_security)
            .field("smtp_username", &self.smtp_username)
            .field(
                "smtp_password",
                &if self.smtp_password.is_empty() {
                    ""
                } else {
                    "***"
                },
            )
            .finish()
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct WorkerSettings {
    /// Run the job worker inside `serve`.
    pub enabled: bool,
    /// How often an idle worker looks for jobs enqueued by other processes.
    pub poll_interval_ms: u64,
    pub max_attempts: i64,
    pub backoff_base_ms: i64,
    pub lease_ms: i64,
}

#[derive(Clone, Deserialize)]
pub struct ProvisionerSettings {
    /// `simulated` (nothing outside Switchboard) or `kamailio` (keeps Kamailio's database in step).
    pub kind: String,
    /// The simulated carrier (both kinds): how long after creation a user is activated.
    pub activation_delay_ms: i64,
    /// The simulated carrier: activation of numbers matching this pattern fails (`*` any run,
    /// `?` one character).
    pub fail_numbers: Option<String>,
    /// `kamailio`: the database Kamailio reads (`sqlite://PATH` or `postgres://…`), not
    /// Switchboard's own.
    pub kamailio_database_url: String,
}

impl std::fmt::Debug for ProvisionerSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProvisionerSettings")
            .field("kind", &self.kind)
            .field("activation_delay_ms", &self.activation_delay_ms)
            .field("fail_numbers", &self.fail_numbers)
            .field(
                "kamailio_database_url",
                &mask_password(&self.kamailio_database_url),
            )
            .finish()
    }
}

/// The Kamailio that `serve --with-kamailio` starts beside Switchboard.
#[derive(Debug, Clone, Deserialize)]
pub struct KamailioSettings {
    /// The `kamailio` executable.
    pub binary: String,
    /// Where phones reach it: `udp:ADDRESS:PORT`.
    pub listen: String,
    /// Its configuration, run files and log (`kamailio.log`) go here.
    pub run_dir: String,
    /// Kamailio's debug level: 1 errors and warnings, 2 notices, 3 every request.
    pub log_level: u8,
    /// The provider's trunk, `HOST:PORT`: numbers outside the enterprise (dialled, forwarded
    /// to, ringing along) are sent there. None: such numbers are not found (404).
    #[serde(default)]
    pub pstn_gateway: Option<String>,
}

const DEFAULTS: &str = r#"
listen = "127.0.0.1:8080"
database_url = "sqlite://switchboard.db"
log_format = "text"

[worker]
enabled = true
poll_interval_ms = 1000
max_attempts = 8
backoff_base_ms = 2000
lease_ms = 60000

[provisioner]
kind = "simulated"
activation_delay_ms = 5000
fail_numbers = "+*666"
kamailio_database_url = "sqlite://kamailio.db"

[kamailio]
binary = "kamailio"
listen = "udp:127.0.0.1:5060"
run_dir = "kamailio"
log_level = 1

[portal]
public_url = "http://localhost:8080"
session_idle_minutes = 30
session_absolute_hours = 12

[mail]
transport = "outbox"
from = "Switchboard <noreply@switchboard.localhost>"
smtp_host = "localhost"
smtp_port = 587
smtp_security = "starttls"
smtp_username = ""
smtp_password = ""
"#;

impl Settings {
    /// Loads defaults, the file (`path`, or `switchboard.toml` when present), then the environment.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let mut builder = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml));
        match path {
            Some(path) => builder = builder.add_source(config::File::from(path).required(true)),
            None => {
                builder =
                    builder.add_source(config::File::with_name("switchboard.toml").required(false))
            }
        }
        builder = builder.add_source(
            // No `try_parsing`: it would turn `+*666` or `+4930…` into numbers; typed settings
            // still parse their strings.
            config::Environment::with_prefix("SWITCHBOARD")
                .prefix_separator("_")
                .separator("__"),
        );
        let settings: Settings = builder.build()?.try_deserialize()?;
        if !["simulated", "kamailio"].contains(&settings.provisioner.kind.as_str()) {
            anyhow::bail!(
                "unknown provisioner '{}' (available: simulated, kamailio)",
                settings.provisioner.kind
            );
        }
        Ok(settings)
    }

    /// The database for people: a SQLite file's absolute path, or the URL with any password masked.
    pub fn database_url_for_display(&self) -> String {
        if let Some(path) = self.database_url.strip_prefix("sqlite://") {
            let file = path.split('?').next().unwrap_or(path);
            if let Ok(absolute) = std::path::absolute(file) {
                return format!("SQLite file {}", absolute.display());
            }
        }
        mask_password(&self.database_url)
    }
}

/// Masks a password in the user-info part and in a `password=` query parameter.
fn mask_password(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let masked = base.split_once("://").and_then(|(scheme, rest)| {
        let (credentials, host) = rest.split_once('@')?;
        let (user, _) = credentials.split_once(':')?;
        Some(format!("{scheme}://{user}:***@{host}"))
    });
    let base = masked.unwrap_or_else(|| base.to_owned());
    match query {
        None => base,
        Some(query) => {
            let parts: Vec<&str> = query
                .split('&')
                .map(|pair| {
                    if pair.starts_with("password=") {
                        "password=***"
                    } else {
                        pair
                    }
                })
                .collect();
            format!("{base}?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn o2_passwords_in_database_urls_are_masked() {
        assert_eq!(
            mask_password("postgres://app:s3cret@db:5432/sb"),
            "postgres://app:***@db:5432/sb"
        );
        assert_eq!(
            mask_password("sqlite://switchboard.db"),
            "sqlite://switchboard.db"
        );
        assert_eq!(
            mask_password("postgres://db/sb?user=app&password=s3cret&sslmode=require"),
            "postgres://db/sb?user=app&password=***&sslmode=require"
        );
    }

    #[test]
    fn o2_environment_strings_are_not_turned_into_numbers() {
        // SAFETY: this test alone sets this variable, and reads it back at once.
        unsafe {
            std::env::set_var("SWITCHBOARD_PROVISIONER__FAIL_NUMBERS", "+4930123456*");
            std::env::set_var("SWITCHBOARD_WORKER__POLL_INTERVAL_MS", "250");
        }
        let settings = Settings::load(None).unwrap();
        unsafe {
            std::env::remove_var("SWITCHBOARD_PROVISIONER__FAIL_NUMBERS");
            std::env::remove_var("SWITCHBOARD_WORKER__POLL_INTERVAL_MS");
        }
        assert_eq!(
            settings.provisioner.fail_numbers.as_deref(),
            Some("+4930123456*")
        );
        assert_eq!(
            settings.worker.poll_interval_ms, 250,
            "typed settings still parse"
        );
    }

    #[test]
    fn o2_defaults_load_without_any_file() {
        let settings = Settings::load(None).unwrap();
        assert_eq!(settings.provisioner.kind, "simulated");
        assert!(settings.worker.enabled);
    }
}
