-- G-4: a department's people, counted on the organisation page and checked before it is
-- deleted, and the users list filtered by department, by index in any size of tenant.
CREATE INDEX users_enterprise_department ON users (enterprise_id, department_id, sort_name, id);
