-- 004: the budget's sums by plan, envelope, funding source and year, kept in step
-- with the budget lines by the triggers below (as plan_stats keeps the actions'),
-- so that the budget view and `jalon budget` read a few thousand rows instead of
-- every line of the region (100,000 lines took 120 ms to sum; this, a few ms).
-- No envelope and no year are kept as 0, so that one row stands for each.
CREATE TABLE budget_stats (
    plan_id     INTEGER NOT NULL REFERENCES plans(id),
    envelope_id INTEGER NOT NULL DEFAULT 0,
    source      TEXT NOT NULL,
    year        INTEGER NOT NULL DEFAULT 0,
    planned     INTEGER NOT NULL DEFAULT 0,
    committed   INTEGER NOT NULL DEFAULT 0,
    paid        INTEGER NOT NULL DEFAULT 0,
    -- How many lines make the row: it goes when the last one does.
    lines       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, envelope_id, source, year)
) WITHOUT ROWID;

INSERT INTO budget_stats (plan_id, envelope_id, source, year, planned, committed, paid, lines)
SELECT a.plan_id, coalesce(b.envelope_id, 0), b.source, coalesce(b.year, 0),
       sum(b.planned), sum(coalesce(b.committed, 0)), sum(coalesce(b.paid, 0)), count(*)
FROM budget_lines b JOIN actions a ON a.id = b.action_id
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER budget_stats_line_insert AFTER INSERT ON budget_lines BEGIN
    INSERT INTO budget_stats (plan_id, envelope_id, source, year, planned, committed, paid, lines)
    SELECT a.plan_id, coalesce(new.envelope_id, 0), new.source, coalesce(new.year, 0),
           new.planned, coalesce(new.committed, 0), coalesce(new.paid, 0), 1
    FROM actions a WHERE a.id = new.action_id
    ON CONFLICT (plan_id, envelope_id, source, year) DO UPDATE SET
        planned = planned + excluded.planned,
        committed = committed + excluded.committed,
        paid = paid + excluded.paid,
        lines = lines + 1;
END;

-- When an action is deleted, its lines go with it (ON DELETE CASCADE), but after
-- the action itself, when their plan can no longer be found (the line trigger
-- then changes nothing): their sums are taken off their plan here, before. (This
-- trigger writes only budget_stats: a BEFORE DELETE trigger that changed the row
-- being deleted, or its lines, would leave the delete's result undefined.)
CREATE TRIGGER budget_stats_action_delete BEFORE DELETE ON actions BEGIN
    INSERT INTO budget_stats (plan_id, envelope_id, source, year, planned, committed, paid, lines)
    SELECT old.plan_id, coalesce(b.envelope_id, 0), b.source, coalesce(b.year, 0),
           -sum(b.planned), -sum(coalesce(b.committed, 0)), -sum(coalesce(b.paid, 0)), -count(*)
    FROM budget_lines b WHERE b.action_id = old.id GROUP BY 2, 3, 4
    ON CONFLICT (plan_id, envelope_id, source, year) DO UPDATE SET
        planned = planned + excluded.planned,
        committed = committed + excluded.committed,
        paid = paid + excluded.paid,
        lines = lines + excluded.lines;
    DELETE FROM budget_stats WHERE plan_id = old.plan_id AND lines <= 0;
END;

CREATE TRIGGER budget_stats_line_delete AFTER DELETE ON budget_lines BEGIN
    UPDATE budget_stats SET
        planned = planned - old.planned,
        committed = committed - coalesce(old.committed, 0),
        paid = paid - coalesce(old.paid, 0),
        lines = lines - 1
    WHERE plan_id = (SELECT plan_id FROM actions WHERE id = old.action_id)
      AND envelope_id = coalesce(old.envelope_id, 0) AND source = old.source
      AND year = coalesce(old.year, 0);
    DELETE FROM budget_stats
    WHERE plan_id = (SELECT plan_id FROM actions WHERE id = old.action_id)
      AND envelope_id = coalesce(old.envelope_id, 0) AND source = old.source
      AND year = coalesce(old.year, 0) AND lines <= 0;
END;

CREATE TRIGGER budget_stats_line_update AFTER UPDATE ON budget_lines BEGIN
    UPDATE budget_stats SET
        planned = planned - old.planned,
        committed = committed - coalesce(old.committed, 0),
        paid = paid - coalesce(old.paid, 0),
        lines = lines - 1
    WHERE plan_id = (SELECT plan_id FROM actions WHERE id = old.action_id)
      AND envelope_id = coalesce(old.envelope_id, 0) AND source = old.source
      AND year = coalesce(old.year, 0);
    DELETE FROM budget_stats
    WHERE plan_id = (SELECT plan_id FROM actions WHERE id = old.action_id)
      AND envelope_id = coalesce(old.envelope_id, 0) AND source = old.source
      AND year = coalesce(old.year, 0) AND lines <= 0;
    INSERT INTO budget_stats (plan_id, envelope_id, source, year, planned, committed, paid, lines)
    SELECT a.plan_id, coalesce(new.envelope_id, 0), new.source, coalesce(new.year, 0),
           new.planned, coalesce(new.committed, 0), coalesce(new.paid, 0), 1
    FROM actions a WHERE a.id = new.action_id
    ON CONFLICT (plan_id, envelope_id, source, year) DO UPDATE SET
        planned = planned + excluded.planned,
        committed = committed + excluded.committed,
        paid = paid + excluded.paid,
        lines = lines + 1;
END;

-- An action moved to another plan takes its lines' sums along.
CREATE TRIGGER budget_stats_action_move AFTER UPDATE OF plan_id ON actions
WHEN old.plan_id <> new.plan_id BEGIN
    INSERT INTO budget_stats (plan_id, envelope_id, source, year, planned, committed, paid, lines)
    SELECT old.plan_id, coalesce(b.envelope_id, 0), b.source, coalesce(b.year, 0),
           -sum(b.planned), -sum(coalesce(b.committed, 0)), -sum(coalesce(b.paid, 0)), -count(*)
    FROM budget_lines b WHERE b.action_id = new.id GROUP BY 2, 3, 4
    ON CONFLICT (plan_id, envelope_id, source, year) DO UPDATE SET
        planned = planned + excluded.planned,
        committed = committed + excluded.committed,
        paid = paid + excluded.paid,
        lines = lines + excluded.lines;
    DELETE FROM budget_stats WHERE plan_id = old.plan_id AND lines <= 0;
    INSERT INTO budget_stats (plan_id, envelope_id, source, year, planned, committed, paid, lines)
    SELECT new.plan_id, coalesce(b.envelope_id, 0), b.source, coalesce(b.year, 0),
           sum(b.planned), sum(coalesce(b.committed, 0)), sum(coalesce(b.paid, 0)), count(*)
    FROM budget_lines b WHERE b.action_id = new.id GROUP BY 2, 3, 4
    ON CONFLICT (plan_id, envelope_id, source, year) DO UPDATE SET
        planned = planned + excluded.planned,
        committed = committed + excluded.committed,
        paid = paid + excluded.paid,
        lines = lines + excluded.lines;
END;

-- As 002 does for the other kept totals: an addition that would overflow 64 bits
-- (SQLite would store a REAL without a word) fails the write instead.
CREATE TRIGGER budget_stats_integral_insert AFTER INSERT ON budget_stats
WHEN typeof(new.planned) <> 'integer' OR typeof(new.committed) <> 'integer'
  OR typeof(new.paid) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'integer overflow: a budget total would no longer be exact; check the amounts');
END;
CREATE TRIGGER budget_stats_integral_update AFTER UPDATE ON budget_stats
WHEN typeof(new.planned) <> 'integer' OR typeof(new.committed) <> 'integer'
  OR typeof(new.paid) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'integer overflow: a budget total would no longer be exact; check the amounts');
END;
