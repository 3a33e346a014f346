-- G-2: call centres are groups too (agents are their members, in order), with a queue length
-- (supervisors and campaigns: 0016). G-6: auto attendants are too — reached by an extension, no
-- members, their menus as one JSON document.
DO $$
DECLARE
    c RECORD;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'call_groups'::regclass AND contype = 'c' LOOP
        EXECUTE format('ALTER TABLE call_groups DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
ALTER TABLE call_groups ADD COLUMN queue_length BIGINT;
ALTER TABLE call_groups ADD COLUMN menu_json TEXT;
ALTER TABLE call_groups ADD CONSTRAINT call_groups_kind
    CHECK (kind IN ('hunt', 'call_centre', 'auto_attendant', 'pickup', 'park'));
ALTER TABLE call_groups ADD CONSTRAINT call_groups_reachable
    CHECK ((kind IN ('hunt', 'call_centre', 'auto_attendant')) = (extension IS NOT NULL));
ALTER TABLE call_groups ADD CONSTRAINT call_groups_rings
    CHECK ((kind IN ('hunt', 'call_centre')) = (ring_policy IS NOT NULL));
ALTER TABLE call_groups ADD CONSTRAINT call_groups_menu
    CHECK ((kind = 'auto_attendant') = (menu_json IS NOT NULL));
ALTER TABLE call_groups ADD CONSTRAINT call_groups_ring_policy
    CHECK (ring_policy IN ('simultaneous', 'sequential', 'circular', 'uniform', 'weighted'));
ALTER TABLE call_groups ADD CONSTRAINT call_groups_hunt_timer
    CHECK ((kind = 'hunt') = (no_answer_seconds IS NOT NULL));
ALTER TABLE call_groups ADD CONSTRAINT call_groups_queue
    CHECK ((kind = 'call_centre') = (queue_length IS NOT NULL));
ALTER TABLE call_groups ADD CONSTRAINT call_groups_park_timer
    CHECK ((kind = 'park') = (recall_seconds IS NOT NULL));
