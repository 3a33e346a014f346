-- Users (U-1). `seq` is a stable integer key for the search index (0004); `id` is the public id.
-- Text that is sorted or prefix-searched compares bytewise on both databases, so pages and
-- cursors agree whichever database serves them.

CREATE TABLE users (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    site_id TEXT NOT NULL REFERENCES sites (id),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_lower TEXT NOT NULL,
    login_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    role TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'failed', 'deactivated')),
    state_reason TEXT,
    package_licence_id TEXT NOT NULL REFERENCES licence_types (id),
    device_type_id TEXT NOT NULL REFERENCES device_types (id),
    primary_number TEXT,
    extension TEXT NOT NULL,
    mobile_number TEXT,
    contract_number TEXT,
    department_id TEXT REFERENCES departments (id),
    personal_contact TEXT,
    language TEXT NOT NULL,
    intercept_action TEXT,
    intercept_destination_user_id TEXT,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    activated_at BIGINT,
    deactivated_at BIGINT
);
-- U-1: login names are unique on the platform; U-2: extensions within an enterprise.
CREATE UNIQUE INDEX users_login_name_key ON users (login_name);
CREATE UNIQUE INDEX users_enterprise_extension_key ON users (enterprise_id, extension);
CREATE UNIQUE INDEX users_primary_number_key ON users (primary_number);
-- U-6 / P-1: every list is a keyset walk over one of these.
CREATE INDEX users_enterprise_name ON users (enterprise_id, sort_name, id);
CREATE INDEX users_enterprise_state_name ON users (enterprise_id, state, sort_name, id);
CREATE INDEX users_enterprise_site_name ON users (enterprise_id, site_id, sort_name, id);
CREATE INDEX users_enterprise_site_state_name ON users (enterprise_id, site_id, state, sort_name, id);
CREATE INDEX users_enterprise_email ON users (enterprise_id, email_lower, id);
CREATE INDEX users_enterprise_created ON users (enterprise_id, id);
