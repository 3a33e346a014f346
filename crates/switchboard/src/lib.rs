//! The `switchboard` binary's parts, also used by the integration tests and the benchmark:
//! configuration, server start-up and shutdown, demo data, logging, the local Kamailio.

pub mod config;
pub mod demo;
pub mod kamailio;
pub mod server;
pub mod telemetry;
