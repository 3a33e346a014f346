//! Integration tests: the real server over HTTP on a random port, against SQLite and (with
//! SWITCHBOARD_TEST_POSTGRES_URL) PostgreSQL. Test names carry the PRODUCT.md rule ids.

mod support;

mod api;
mod concurrency;
mod jobs;
mod lifecycle;
mod pool;
mod tenancy;
mod validation;
