-- G-1, G-2: a member's share of calls under the weighted ring policy (1–100; none: 1).
ALTER TABLE call_group_members ADD COLUMN weight BIGINT CHECK (weight BETWEEN 1 AND 100);
