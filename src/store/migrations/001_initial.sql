-- 001: the first schema. One database is one region's action plans.
-- Dates are TEXT 'YYYY-MM-DD' (they sort as dates); money is INTEGER cents;
-- vocabularies are their interchange codes. Rows are identified by integer ids
-- internally and by codes from outside.

CREATE TABLE region (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL,
    name TEXT NOT NULL
);

CREATE TABLE themes (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL
);

CREATE TABLE territories (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    departments TEXT NOT NULL DEFAULT ''   -- comma-separated department numbers
);

CREATE TABLE organisations (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    kind         TEXT,
    territory_id INTEGER REFERENCES territories(id)
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id),
    email           TEXT,
    phone           TEXT,
    login           TEXT
);
CREATE INDEX people_login ON people(login);

CREATE TABLE envelopes (
    id     INTEGER PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    label  TEXT NOT NULL,
    amount INTEGER CHECK (amount >= 0)
);

CREATE TABLE catalogue (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    theme_id    INTEGER REFERENCES themes(id),
    description TEXT
);

CREATE TABLE plans (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    territory_id INTEGER NOT NULL REFERENCES territories(id),
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    status       TEXT,
    start        TEXT,
    end          TEXT,
    signed_on    TEXT,
    envelope_id  INTEGER REFERENCES envelopes(id),
    allocation   INTEGER CHECK (allocation >= 0),
    version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plans_territory ON plans(territory_id);

CREATE TABLE actions (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plans(id),
    code            TEXT NOT NULL,
    title           TEXT NOT NULL,
    catalogue_id    INTEGER REFERENCES catalogue(id),
    theme_id        INTEGER REFERENCES themes(id),
    objective       TEXT,
    status          TEXT NOT NULL,
    progress        INTEGER CHECK (progress BETWEEN 0 AND 100),
    weather         TEXT,
    pilot_org_id    INTEGER REFERENCES organisations(id),
    pilot_person_id INTEGER REFERENCES people(id),
    start           TEXT,
    due             TEXT,
    done_on         TEXT,
    -- Sums of the action's budget lines, kept in step by every write of the lines
    -- (same transaction) so that boards and lists never scan the lines.
    planned         INTEGER NOT NULL DEFAULT 0,
    committed       INTEGER NOT NULL DEFAULT 0,
    paid            INTEGER NOT NULL DEFAULT 0,
    -- The part of `planned` on lines drawing from the plan's own envelope: what
    -- the plan's allocation is measured against. Kept by the triggers below.
    envelope_planned INTEGER NOT NULL DEFAULT 0,
    -- Optimistic concurrency: every write bumps it; an edit made from an older
    -- version is refused.
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT,
    updated_by      TEXT,
    UNIQUE (plan_id, code)
);
-- The overdue and due-soon queries only look at open actions, by due date. The
-- index carries what the overdue list shows, so that listing the late actions
-- reads a run of this index rather than one scattered table page per action.
CREATE INDEX actions_open_due ON actions(due, plan_id, status, code, title, pilot_org_id, pilot_person_id)
    WHERE status IN ('todo', 'in_progress', 'on_hold');
-- Late starts: actions still to do whose start has passed.
CREATE INDEX actions_todo_start ON actions(start, plan_id) WHERE status = 'todo';
CREATE INDEX actions_pilot ON actions(pilot_org_id);

CREATE TABLE partners (
    id              INTEGER PRIMARY KEY,
    action_id       INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    role            TEXT
);
CREATE INDEX partners_action ON partners(action_id, position);

CREATE TABLE milestones (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    due       TEXT NOT NULL,
    done_on   TEXT
);
CREATE INDEX milestones_action ON milestones(action_id, position);
-- Open milestones by due date, with what the overdue list shows of them.
CREATE INDEX milestones_open_due ON milestones(due, action_id, title) WHERE done_on IS NULL;

CREATE TABLE budget_lines (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    source      TEXT NOT NULL,
    envelope_id INTEGER REFERENCES envelopes(id),
    funder_id   INTEGER REFERENCES organisations(id),
    year        INTEGER,
    label       TEXT,
    planned     INTEGER NOT NULL CHECK (planned >= 0),
    committed   INTEGER CHECK (committed >= 0),
    paid        INTEGER CHECK (paid >= 0)
);
CREATE INDEX budget_lines_action ON budget_lines(action_id, position);

CREATE TABLE indicators (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    kind        TEXT,
    unit        TEXT,
    baseline    TEXT,
    target      TEXT,
    target_date TEXT
);
CREATE INDEX indicators_action ON indicators(action_id, position);

CREATE TABLE indicator_values (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
    on_date      TEXT NOT NULL,
    value        TEXT NOT NULL
);
CREATE INDEX indicator_values_indicator ON indicator_values(indicator_id, on_date);

-- The action's journal: dated notes written by people (progress, decisions).
CREATE TABLE notes (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    author    TEXT NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX notes_action ON notes(action_id, at);

-- The change journal: who changed what, when, imports included. `entity` is the
-- kind ('action', 'plan', …), `entity_key` its code (`PLAN/ACTION` for actions),
-- `field` NULL for a creation or a deletion (then `new` or `old` says which).
CREATE TABLE changes (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    who        TEXT NOT NULL,
    origin     TEXT NOT NULL,   -- 'import', 'demo', 'edit', 'undo'…
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    entity_key TEXT NOT NULL,
    field      TEXT,
    old        TEXT,
    new        TEXT
);
CREATE INDEX changes_entity ON changes(entity, entity_id, id);

-- Per plan and status: how many actions and their budget sums, kept in step with
-- the actions by triggers, so that the board reads a few thousand rows rather
-- than every action. (What depends on today, overdue and due soon, is counted
-- from the partial indexes above.)
CREATE TABLE plan_stats (
    plan_id          INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    status           TEXT NOT NULL,
    actions          INTEGER NOT NULL DEFAULT 0,
    planned          INTEGER NOT NULL DEFAULT 0,
    committed        INTEGER NOT NULL DEFAULT 0,
    paid             INTEGER NOT NULL DEFAULT 0,
    envelope_planned INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, status)
) WITHOUT ROWID;

CREATE TRIGGER plan_stats_action_insert AFTER INSERT ON actions BEGIN
    INSERT INTO plan_stats (plan_id, status, actions, planned, committed, paid, envelope_planned)
    VALUES (new.plan_id, new.status, 1, new.planned, new.committed, new.paid, new.envelope_planned)
    ON CONFLICT (plan_id, status) DO UPDATE SET
        actions = actions + 1,
        planned = planned + excluded.planned,
        committed = committed + excluded.committed,
        paid = paid + excluded.paid,
        envelope_planned = envelope_planned + excluded.envelope_planned;
END;

CREATE TRIGGER plan_stats_action_delete AFTER DELETE ON actions BEGIN
    UPDATE plan_stats SET
        actions = actions - 1,
        planned = planned - old.planned,
        committed = committed - old.committed,
        paid = paid - old.paid,
        envelope_planned = envelope_planned - old.envelope_planned
    WHERE plan_id = old.plan_id AND status = old.status;
END;

CREATE TRIGGER plan_stats_action_update
AFTER UPDATE OF plan_id, status, planned, committed, paid, envelope_planned ON actions BEGIN
    UPDATE plan_stats SET
        actions = actions - 1,
        planned = planned - old.planned,
        committed = committed - old.committed,
        paid = paid - old.paid,
        envelope_planned = envelope_planned - old.envelope_planned
    WHERE plan_id = old.plan_id AND status = old.status;
    INSERT INTO plan_stats (plan_id, status, actions, planned, committed, paid, envelope_planned)
    VALUES (new.plan_id, new.status, 1, new.planned, new.committed, new.paid, new.envelope_planned)
    ON CONFLICT (plan_id, status) DO UPDATE SET
        actions = actions + 1,
        planned = planned + excluded.planned,
        committed = committed + excluded.committed,
        paid = paid + excluded.paid,
        envelope_planned = envelope_planned + excluded.envelope_planned;
END;

-- actions.envelope_planned follows the budget lines and the plan's envelope.
CREATE TRIGGER envelope_planned_line_insert AFTER INSERT ON budget_lines
WHEN new.envelope_id IS NOT NULL BEGIN
    UPDATE actions SET envelope_planned = envelope_planned + new.planned
    WHERE id = new.action_id
      AND new.envelope_id = (SELECT envelope_id FROM plans WHERE plans.id = actions.plan_id);
END;

CREATE TRIGGER envelope_planned_line_delete AFTER DELETE ON budget_lines
WHEN old.envelope_id IS NOT NULL BEGIN
    UPDATE actions SET envelope_planned = envelope_planned - old.planned
    WHERE id = old.action_id
      AND old.envelope_id = (SELECT envelope_id FROM plans WHERE plans.id = actions.plan_id);
END;

CREATE TRIGGER envelope_planned_line_update
AFTER UPDATE OF planned, envelope_id, action_id ON budget_lines BEGIN
    UPDATE actions SET envelope_planned = (
        SELECT coalesce(sum(b.planned), 0) FROM budget_lines b JOIN plans p ON p.id = actions.plan_id
        WHERE b.action_id = actions.id AND b.envelope_id = p.envelope_id)
    WHERE id IN (old.action_id, new.action_id);
END;

CREATE TRIGGER envelope_planned_plan_envelope AFTER UPDATE OF envelope_id ON plans BEGIN
    UPDATE actions SET envelope_planned = (
        SELECT coalesce(sum(b.planned), 0) FROM budget_lines b
        WHERE b.action_id = actions.id AND b.envelope_id = new.envelope_id)
    WHERE plan_id = new.id;
END;
