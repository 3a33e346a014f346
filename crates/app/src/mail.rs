//! Mail and text messages (U-5, K-1). A use case writes its message to the outbox inside its own
//! transaction; a [`Mailer`] decides what happens next. `outbox` (the embedded default) keeps the
//! message there for operators to read, so the demo needs no mail server; `smtp` hands it to a
//! job that delivers it over SMTP and then forgets the body.

use async_trait::async_trait;
use lettre::message::{Mailbox, Message as Email, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use switchboard_domain::{EnterpriseId, Language, MailId};
use switchboard_store::Tx;
use switchboard_store::jobs::{self, NewJob};
use switchboard_store::outbox::{self, Message};

use crate::App;
use crate::error::AppResult;

pub(crate) const SEND: &str = "mail.send";

/// Where messages go once written.
#[async_trait]
pub trait Mailer: Send + Sync + 'static {
    fn name(&self) -> &'static str;
    /// True when messages stay in the outbox and nothing is delivered.
    fn keeps_in_outbox(&self) -> bool;
    /// Delivers one message; an error is retried by the job with back-off.
    async fn deliver(&self, message: &Message) -> Result<(), String>;
}

/// The embedded default: messages stay in the database, readable by operators (CLI and API).
#[derive(Debug, Default)]
pub struct OutboxMailer;

#[async_trait]
impl Mailer for OutboxMailer {
    fn name(&self) -> &'static str {
        "outbox"
    }
    fn keeps_in_outbox(&self) -> bool {
        true
    }
    async fn deliver(&self, _message: &Message) -> Result<(), String> {
        Ok(())
    }
}

/// How to reach the SMTP server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Plain SMTP, for a relay on the same host or a test sink.
    None,
    /// Plain connection upgraded with STARTTLS (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The From address, e.g. `Switchboard <noreply@example.net>`.
    pub from: String,
}

/// Real SMTP over lettre; SMS (which needs a carrier gateway) stays in the outbox.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(settings: &SmtpSettings) -> anyhow::Result<Self> {
        let builder = match settings.security {
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            SmtpSecurity::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)?
            }
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(std::time::Duration::from_secs(20)));
        if let (Some(user), Some(password)) = (&settings.username, &settings.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Self {
            transport: builder.build(),
            from: settings
                .from
                .parse()
                .map_err(|e| anyhow::anyhow!("mail.from '{}': {e}", settings.from))?,
        })
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    fn name(&self) -> &'static str {
        "smtp"
    }
    fn keeps_in_outbox(&self) -> bool {
        false
    }
    async fn deliver(&self, message: &Message) -> Result<(), String> {
        if message.channel != "email" {
            return Ok(());
        }
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        let email = Email::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&message.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone().unwrap_or_default())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// A message to write: who, what, in which language it was composed.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub enterprise_id: Option<EnterpriseId>,
    /// `email` or `sms`.
    pub channel: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub purpose: &'static str,
}

/// Writes the message in the caller's transaction and, when it is to be delivered, its job.
pub(crate) async fn enqueue(tx: &mut Tx, app: &App, outgoing: Outgoing) -> AppResult<MailId> {
    let (message, job) = prepare(app, outgoing);
    outbox::insert(tx, &message).await?;
    if let Some(job) = job {
        jobs::enqueue(tx, &job, app.now()).await?;
    }
    Ok(message.id)
}

/// The outbox row of a message and, when it is to be delivered (not kept in the outbox), the
/// job that sends it: what [`enqueue`] writes, for callers that write many at once.
pub(crate) fn prepare(app: &App, outgoing: Outgoing) -> (Message, Option<NewJob>) {
    let now = app.now();
    let stays = app.mailer().keeps_in_outbox() || outgoing.channel == "sms";
    let message = Message {
        id: MailId::new(),
        enterprise_id: outgoing.enterprise_id,
        channel: outgoing.channel.into(),
        recipient: outgoing.recipient,
        subject: outgoing.subject,
        body: Some(outgoing.body),
        purpose: outgoing.purpose.into(),
        status: if stays { "stored" } else { "queued" }.into(),
        created_at: now,
        sent_at: None,
        last_error: None,
    };
    let job = (!stays).then(|| NewJob {
        kind: SEND,
        payload: serde_json::json!({ "mail_id": message.id }),
        run_at: now,
        max_attempts: app.job_settings().max_attempts,
        enterprise_id: message.enterprise_id,
        subject_id: Some(message.id.to_string()),
    });
    (message, job)
}

/// The texts of every message, in the recipient's language (I-2).
pub mod texts {
    use super::Language;

    pub struct Text {
        pub subject: String,
        pub body: String,
    }

    pub fn invitation(lang: Language, name: &str, enterprise: &str, link: &str, days: i64) -> Text {
        match lang {
            Language::English => Text {
                subject: format!("Your Switchboard account at {enterprise}"),
                body: format!(
                    "Hello {name},\n\nan account was created for you in the Switchboard portal of {enterprise}.\n\
                     Choose your password here (the link works once, for {days} days):\n\n{link}\n\n\
                     If you did not expect this message, you can ignore it.\n"
                ),
            },
            Language::German => Text {
                subject: format!("Ihr Switchboard-Zugang bei {enterprise}"),
                body: format!(
                    "Hallo {name},\n\nfür Sie wurde ein Zugang zum Switchboard-Portal von {enterprise} eingerichtet.\n\
                     Legen Sie hier Ihr Kennwort fest (der Link gilt einmal, {days} Tage lang):\n\n{link}\n\n\
                     Wenn Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.\n"
                ),
            },
            Language::French => Text {
                subject: format!("Votre compte Switchboard chez {enterprise}"),
                body: format!(
                    "Bonjour {name},\n\nun compte a été créé pour vous sur le portail Switchboard de {enterprise}.\n\
                     Choisissez votre mot de passe ici (le lien ne sert qu'une fois, pendant {days} jours) :\n\n{link}\n\n\
                     Si vous n'attendiez pas ce message, vous pouvez l'ignorer.\n"
                ),
            },
        }
    }

    /// U-5: the enterprise's contact learns that an invitation went out, never the link.
    pub fn invitation_notice(lang: Language, name: &str, login: &str) -> Text {
        match lang {
            Language::English => Text {
                subject: format!("Invitation sent to {name}"),
                body: format!(
                    "An invitation to the Switchboard portal was sent to {name} ({login}).\n"
                ),
            },
            Language::German => Text {
                subject: format!("Einladung an {name} versandt"),
                body: format!(
                    "Eine Einladung zum Switchboard-Portal wurde an {name} ({login}) gesendet.\n"
                ),
            },
            Language::French => Text {
                subject: format!("Invitation envoyée à {name}"),
                body: format!(
                    "Une invitation au portail Switchboard a été envoyée à {name} ({login}).\n"
                ),
            },
        }
    }

    /// U-5 for an import: one notice for the whole file rather than one per invited user.
    pub fn import_notice(lang: Language, count: usize, who: &str) -> Text {
        match lang {
            Language::English => Text {
                subject: format!("{count} invitations sent (user import)"),
                body: format!(
                    "An import of users by {who} sent {count} invitations to the Switchboard portal.\n"
                ),
            },
            Language::German => Text {
                subject: format!("{count} Einladungen versandt (Benutzerimport)"),
                body: format!(
                    "Ein Benutzerimport durch {who} hat {count} Einladungen zum Switchboard-Portal gesendet.\n"
                ),
            },
            Language::French => Text {
                subject: format!("{count} invitations envoyées (import d'utilisateurs)"),
                body: format!(
                    "Un import d'utilisateurs par {who} a envoyé {count} invitations au portail Switchboard.\n"
                ),
            },
        }
    }

    pub fn password_reset(lang: Language, name: &str, link: &str, minutes: i64) -> Text {
        match lang {
            Language::English => Text {
                subject: "Reset your Switchboard password".into(),
                body: format!(
                    "Hello {name},\n\nsomeone asked to reset the password of your Switchboard account.\n\
                     Choose a new one here (the link works once, for {minutes} minutes):\n\n{link}\n\n\
                     If it was not you, ignore this message: your password stays as it is.\n"
                ),
            },
            Language::German => Text {
                subject: "Switchboard-Kennwort zurücksetzen".into(),
                body: format!(
                    "Hallo {name},\n\njemand hat angefordert, das Kennwort Ihres Switchboard-Zugangs zurückzusetzen.\n\
                     Wählen Sie hier ein neues (der Link gilt einmal, {minutes} Minuten lang):\n\n{link}\n\n\
                     Waren Sie es nicht, ignorieren Sie diese Nachricht: Ihr Kennwort bleibt unverändert.\n"
                ),
            },
            Language::French => Text {
                subject: "Réinitialiser votre mot de passe Switchboard".into(),
                body: format!(
                    "Bonjour {name},\n\nquelqu'un a demandé à réinitialiser le mot de passe de votre compte Switchboard.\n\
                     Choisissez-en un nouveau ici (le lien ne sert qu'une fois, pendant {minutes} minutes) :\n\n{link}\n\n\
                     Si ce n'était pas vous, ignorez ce message : votre mot de passe ne change pas.\n"
                ),
            },
        }
    }

    pub fn sign_in_code(lang: Language, code: &str, minutes: i64) -> Text {
        match lang {
            Language::English => Text {
                subject: "Your Switchboard sign-in code".into(),
                body: format!(
                    "Your sign-in code is {code}. It is valid for {minutes} minutes. Never give it to anyone.\n"
                ),
            },
            Language::German => Text {
                subject: "Ihr Switchboard-Anmeldecode".into(),
                body: format!(
                    "Ihr Anmeldecode lautet {code}. Er gilt {minutes} Minuten. Geben Sie ihn niemandem weiter.\n"
                ),
            },
            Language::French => Text {
                subject: "Votre code de connexion Switchboard".into(),
                body: format!(
                    "Votre code de connexion est {code}. Il est valable {minutes} minutes. Ne le communiquez à personne.\n"
                ),
            },
        }
    }
}

/// Operators read the outbox (U-5): what was sent, to whom, and — with the `outbox` mailer —
/// the text itself, so the demo works without a mail server.
pub struct Outbox<'a>(pub(crate) &'a App);

impl Outbox<'_> {
    pub async fn list(
        &self,
        actor: &crate::Actor,
        query: outbox::OutboxQuery,
    ) -> AppResult<Vec<Message>> {
        actor.require_operator("read the mail outbox")?;
        let mut conn = self.0.db().read().await?;
        Ok(outbox::list(&mut conn, &query).await?)
    }
}

impl App {
    pub fn outbox(&self) -> Outbox<'_> {
        Outbox(self)
    }
}
