-- Enterprises (the tenant boundary), their sites, and the provider's catalogues.
-- Portable schema: ids are UUIDv7 text, instants are UTC milliseconds (BIGINT).

CREATE TABLE enterprises (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sip_domain TEXT NOT NULL,
    extension_min_len BIGINT NOT NULL,
    extension_max_len BIGINT NOT NULL,
    contact_email TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX enterprises_sip_domain_key ON enterprises (sip_domain);
CREATE UNIQUE INDEX enterprises_name_key ON enterprises (name);

CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX sites_enterprise_name_key ON sites (enterprise_id, name);

CREATE TABLE licence_types (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('package', 'addon')),
    monthly_price_cents BIGINT NOT NULL CHECK (monthly_price_cents >= 0),
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX licence_types_code_key ON licence_types (code);

-- N-2: what an enterprise bought and has handed out; the CHECK makes over-assignment impossible
-- even if application code were wrong.
CREATE TABLE licence_pools (
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    licence_type_id TEXT NOT NULL REFERENCES licence_types (id),
    purchased BIGINT NOT NULL,
    assigned BIGINT NOT NULL,
    PRIMARY KEY (enterprise_id, licence_type_id),
    CHECK (assigned >= 0 AND assigned <= purchased)
);

CREATE TABLE licence_purchases (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    licence_type_id TEXT NOT NULL REFERENCES licence_types (id),
    quantity BIGINT NOT NULL,
    note TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX licence_purchases_enterprise ON licence_purchases (enterprise_id, id);

CREATE TABLE device_types (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('desk_phone', 'none', 'mobile_client', 'desktop_client')),
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX device_types_code_key ON device_types (code);

CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX departments_enterprise_name_key ON departments (enterprise_id, name);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX teams_enterprise_name_key ON teams (enterprise_id, name);
