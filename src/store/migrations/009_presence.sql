-- 009: who has a box open on an action (issue 12, part "presence"). One row per
-- login and action; `since` and `seen` are seconds since 1970 (UTC). A row not
-- refreshed for 5 minutes counts as gone. Not journalled: not a change of the plan.
CREATE TABLE presence (
    login     TEXT NOT NULL CHECK (login <> ''),
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    since     INTEGER NOT NULL,
    seen      INTEGER NOT NULL,
    PRIMARY KEY (login, action_id)
) WITHOUT ROWID;
CREATE INDEX presence_action ON presence(action_id);
