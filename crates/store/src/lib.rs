//! Switchboard's storage: one implementation for SQLite and PostgreSQL through sqlx's `Any`
//! driver, one ordered migration list, plain SQL that both databases accept. Where the two
//! dialects differ (identity columns, trigram search, `SKIP LOCKED`), the difference is named
//! at that one place with [`Backend`].

pub mod accounts;
pub mod attention;
pub mod audit;
pub mod broadcasts;
pub mod bulk;
pub mod campaigns;
pub mod db;
pub mod devices;
pub mod enterprises;
pub mod error;
pub mod greetings;
pub mod groups;
pub mod imports;
pub mod inbox;
pub mod jobs;
pub mod kamailio;
pub mod licences;
pub mod links;
mod migrations;
pub mod numbers;
pub mod org;
pub mod outbox;
pub mod pictures;
pub mod preferences;
pub mod provisioning;
pub mod services;
pub mod sessions;
pub mod sheets;
pub mod throttle;
pub mod tokens;
pub mod users;
pub mod voicemail;

pub use db::{Backend, Conn, Db, Tx};
pub use error::StoreError;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
