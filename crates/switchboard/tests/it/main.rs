//! Integration tests: the real server over HTTP on a random port, against SQLite and (with
//! SWITCHBOARD_TEST_POSTGRES_URL) PostgreSQL. Test names carry the PRODUCT.md rule ids.

mod smtp_sink;
mod support;
mod web_client;

mod account_security;
mod accounts;
mod api;
mod audit_log;
mod broadcasts;
mod browser;
mod browser_admin;
mod bulk;
mod bulk_kill;
mod call_centres;
mod concurrency;
mod greetings;
mod groups;
mod home;
mod intercept_queue;
mod jobs;
mod lifecycle;
mod matrix;
mod number_holders;
mod organisation;
mod picker;
mod pictures;
mod places;
mod pool;
mod portal_admin;
mod portal_bulk;
mod portal_groups;
mod services;
mod sip;
mod sip_routing;
mod soft_clients;
mod tenancy;
mod validation;
