-- 008: who may change what (issue 12, part "access"). One row is one grant of a
-- role to a login, with its scope: a delegation is for one territory; a pilot is
-- for the actions the login's person pilots, or (with an organisation) for the
-- actions that organisation pilots; a coordinator and a reader have no scope.
-- No row at all: everyone may do everything (a database used by one person).
CREATE TABLE access (
    id              INTEGER PRIMARY KEY,
    login           TEXT NOT NULL CHECK (login <> ''),
    role            TEXT NOT NULL CHECK (role IN ('coordinator', 'delegation', 'pilot', 'reader')),
    territory_id    INTEGER REFERENCES territories(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    granted_by      TEXT NOT NULL,
    granted_at      TEXT NOT NULL,
    CHECK (CASE role
        WHEN 'delegation' THEN territory_id IS NOT NULL AND organisation_id IS NULL
        WHEN 'pilot' THEN territory_id IS NULL
        ELSE territory_id IS NULL AND organisation_id IS NULL
    END)
);
CREATE UNIQUE INDEX access_grant
    ON access(login, role, coalesce(territory_id, 0), coalesce(organisation_id, 0));
