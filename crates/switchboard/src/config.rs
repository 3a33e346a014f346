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

#[derive(Debug, Clone, Deserialize)]
pub struct ProvisionerSettings {
    /// `simulated` (the only one so far; `kamailio` comes with the SIP integration).
    pub kind: String,
    /// Simulated: how long after creation a user is activated.
    pub activation_delay_ms: i64,
    /// Simulated: activation of numbers matching this pattern fails (`*` any run, `?` one character).
    pub fail_numbers: Option<String>,
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
            config::Environment::with_prefix("SWITCHBOARD")
                .prefix_separator("_")
                .separator("__")
                .try_parsing(true),
        );
        let settings: Settings = builder.build()?.try_deserialize()?;
        if settings.provisioner.kind != "simulated" {
            anyhow::bail!(
                "unknown provisioner '{}' (available: simulated)",
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

fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
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
    }

    #[test]
    fn o2_defaults_load_without_any_file() {
        let settings = Settings::load(None).unwrap();
        assert_eq!(settings.provisioner.kind, "simulated");
        assert!(settings.worker.enabled);
    }
}
