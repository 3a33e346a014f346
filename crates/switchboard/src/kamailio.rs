//! A local Kamailio with the configuration we ship (deploy/kamailio/kamailio.cfg), reading the
//! database the `kamailio` provisioner writes: `serve --with-kamailio` for a demo a softphone
//! can register with, and the SIP tests.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use tokio::net::UdpSocket;
use tokio::process::{Child, Command};

/// The routing script, the same file `deploy/kamailio/` documents.
pub const CONFIG: &str = include_str!("../../../deploy/kamailio/kamailio.cfg");

#[derive(Debug, Clone)]
pub struct KamailioOptions {
    pub binary: String,
    /// `udp:ADDRESS:PORT`.
    pub listen: String,
    pub run_dir: PathBuf,
    /// The provisioner's database URL, as Switchboard writes it (`sqlite://…`, `postgres://…`).
    pub database_url: String,
    pub log_level: u8,
    /// SIP worker processes.
    pub children: u32,
    /// The provider's trunk (`HOST:PORT`) for numbers outside the enterprise; none: no trunk.
    pub pstn_gateway: Option<String>,
}

/// A running Kamailio in a process group of its own (its main process and the SIP workers it
/// forks); the whole group is stopped when this is dropped, so no worker outlives a test.
pub struct Kamailio {
    child: Child,
    /// Where SIP requests go: `ADDRESS:PORT`.
    pub address: String,
    pub log_file: PathBuf,
}

impl Kamailio {
    /// Writes the configuration into the run directory, starts Kamailio and waits until it
    /// answers a SIP OPTIONS request (it starts in well under a second).
    pub async fn start(options: &KamailioOptions) -> anyhow::Result<Self> {
        let address = options
            .listen
            .strip_prefix("udp:")
            .with_context(|| {
                format!(
                    "kamailio.listen must be udp:ADDRESS:PORT, not '{}'",
                    options.listen
                )
            })?
            .to_owned();
        std::fs::create_dir_all(&options.run_dir)
            .with_context(|| format!("cannot create {}", options.run_dir.display()))?;
        let run_dir = std::path::absolute(&options.run_dir)?;
        let config = run_dir.join("kamailio.cfg");
        std::fs::write(&config, CONFIG)?;
        let log_file = run_dir.join("kamailio.log");
        let log = std::fs::File::create(&log_file)?;
        let url = database_url_for_kamailio(&options.database_url)?;
        let mut command = Command::new(&options.binary);
        command
            .arg("-DD")
            .arg("-E")
            .arg("-f")
            .arg(&config)
            .arg("-Y")
            .arg(&run_dir)
            .arg("-P")
            .arg(run_dir.join("kamailio.pid"))
            .args([
                "-n",
                &options.children.max(1).to_string(),
                "-m",
                "64",
                "-M",
                "8",
            ])
            .args(["-l", &options.listen])
            .arg("-A")
            .arg(format!("DBURL=\"{url}\""))
            .arg("-A")
            .arg(format!("SQLCON=\"switchboard=>{url}\""))
            .arg("-A")
            .arg(format!("LOG_LEVEL={}", options.log_level));
        if url.starts_with("postgres") {
            command.arg("-A").arg("WITH_POSTGRES");
        }
        if let Some(gateway) = &options.pstn_gateway {
            if !gateway
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
            {
                bail!("kamailio.pstn_gateway must be HOST:PORT, not '{gateway}'");
            }
            command.arg("-A").arg(format!("PSTN_GATEWAY=\"{gateway}\""));
        }
        command
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0);
        let child = command.spawn().map_err(|e| {
            anyhow::anyhow!(
                "cannot start Kamailio ('{}': {e}); install it with: apt-get install kamailio kamailio-sqlite-modules kamailio-postgres-modules",
                options.binary
            )
        })?;
        let mut kamailio = Kamailio {
            child,
            address,
            log_file,
        };
        kamailio.wait_until_ready(Duration::from_secs(15)).await?;
        Ok(kamailio)
    }

    async fn wait_until_ready(&mut self, limit: Duration) -> anyhow::Result<()> {
        let started = Instant::now();
        let socket = UdpSocket::bind("127.0.0.1:0").await?;
        let local = socket.local_addr()?;
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait()? {
                bail!(
                    "Kamailio stopped at start-up ({status}):\n{}",
                    self.log_tail(30)
                );
            }
            let probe = options_request(&self.address, &local.to_string(), started.elapsed());
            if socket
                .send_to(probe.as_bytes(), &self.address)
                .await
                .is_ok()
            {
                let mut answer = [0u8; 2048];
                if let Ok(Ok((n, _))) =
                    tokio::time::timeout(Duration::from_millis(200), socket.recv_from(&mut answer))
                        .await
                    && answer[..n].starts_with(b"SIP/2.0 200")
                {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!(
            "Kamailio did not answer on {} within {} s:\n{}",
            self.address,
            limit.as_secs(),
            self.log_tail(30)
        )
    }

    /// The last lines Kamailio logged, for error messages.
    pub fn log_tail(&self, lines: usize) -> String {
        let text = std::fs::read_to_string(&self.log_file).unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }

    /// SIGTERM to the group (Kamailio's main process stops its workers), SIGKILL if that takes
    /// more than two seconds.
    pub async fn stop(mut self) {
        self.signal(libc::SIGTERM);
        if tokio::time::timeout(Duration::from_secs(2), self.child.wait())
            .await
            .is_err()
        {
            self.signal(libc::SIGKILL);
            let _ = self.child.wait().await;
        }
    }

    fn signal(&self, signal: libc::c_int) {
        if let Some(pid) = self.child.id() {
            // SAFETY: kill(2) with a negative pid signals the process group Kamailio leads.
            unsafe {
                libc::kill(-(pid as libc::pid_t), signal);
            }
        }
    }
}

impl Drop for Kamailio {
    fn drop(&mut self) {
        self.signal(libc::SIGKILL);
    }
}

/// Kamailio's spelling of the provisioner's database URL: an absolute `sqlite:///PATH`, or a
/// `postgres://user[:password]@host[:port]/database` without query parameters.
pub fn database_url_for_kamailio(url: &str) -> anyhow::Result<String> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let file = path.split('?').next().unwrap_or(path);
        let absolute = std::path::absolute(Path::new(file))?;
        return Ok(format!("sqlite://{}", absolute.display()));
    }
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .context("the Kamailio database URL must be sqlite://PATH or postgres://…")?;
    let rest = rest.split('?').next().unwrap_or(rest);
    if rest.contains('"') {
        bail!("the Kamailio database URL must not contain quotes");
    }
    Ok(format!("postgres://{rest}"))
}

fn options_request(target: &str, local: &str, salt: Duration) -> String {
    let id = salt.as_micros();
    format!(
        "OPTIONS sip:{target} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK-ready-{id}\r\n\
         From: <sip:ready@{local}>;tag=ready{id}\r\nTo: <sip:{target}>\r\nCall-ID: ready-{id}@{local}\r\n\
         CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t1_kamailio_gets_absolute_sqlite_paths_and_plain_postgres_urls() {
        let sqlite = database_url_for_kamailio("sqlite://kamailio.db?mode=rwc").unwrap();
        assert!(sqlite.starts_with("sqlite:///"), "{sqlite}");
        assert!(sqlite.ends_with("/kamailio.db"), "{sqlite}");
        assert_eq!(
            database_url_for_kamailio("postgres://kam:pw@db:5432/kamailio?sslmode=disable")
                .unwrap(),
            "postgres://kam:pw@db:5432/kamailio"
        );
        assert!(database_url_for_kamailio("mysql://x").is_err());
    }
}
