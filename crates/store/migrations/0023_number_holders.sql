-- N-4, G-1, S-6: besides a user, a number of the pool may be held by a hunt group, call centre
-- or auto attendant (callers dial it to reach the group), or be a site's main number (its users
-- may show it as their caller ID). A number has at most one holder; a holder at most one number.
ALTER TABLE numbers ADD COLUMN group_id TEXT REFERENCES call_groups (id)
    CHECK (group_id IS NULL OR user_id IS NULL);
ALTER TABLE numbers ADD COLUMN site_id TEXT REFERENCES sites (id)
    CHECK (site_id IS NULL OR (user_id IS NULL AND group_id IS NULL));
CREATE UNIQUE INDEX numbers_group ON numbers (group_id) WHERE group_id IS NOT NULL;
CREATE UNIQUE INDEX numbers_site ON numbers (site_id) WHERE site_id IS NOT NULL;
