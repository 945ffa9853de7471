-- 002: kept totals stay whole numbers of cents.
-- SQLite turns an integer addition that overflows 64 bits into a floating-point
-- value without a word, so the trigger-kept sums of 001 could become REAL, after
-- which every reader of them failed ("Invalid column type Real") and, once the
-- amounts were corrected, the totals stayed wrong. Amounts are now bounded (10^11 €
-- each), and these triggers make the write that would still overflow a total fail
-- as a whole (the statement is undone) instead of storing an inexact sum.

CREATE TRIGGER actions_totals_integral_insert AFTER INSERT ON actions
WHEN typeof(new.planned) <> 'integer' OR typeof(new.committed) <> 'integer'
  OR typeof(new.paid) <> 'integer' OR typeof(new.envelope_planned) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'integer overflow: an action''s budget total would no longer be exact; check the amounts');
END;

CREATE TRIGGER actions_totals_integral_update
AFTER UPDATE OF planned, committed, paid, envelope_planned ON actions
WHEN typeof(new.planned) <> 'integer' OR typeof(new.committed) <> 'integer'
  OR typeof(new.paid) <> 'integer' OR typeof(new.envelope_planned) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'integer overflow: an action''s budget total would no longer be exact; check the amounts');
END;

CREATE TRIGGER plan_stats_integral_insert AFTER INSERT ON plan_stats
WHEN typeof(new.actions) <> 'integer' OR typeof(new.planned) <> 'integer'
  OR typeof(new.committed) <> 'integer' OR typeof(new.paid) <> 'integer'
  OR typeof(new.envelope_planned) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'integer overflow: a plan''s budget total would no longer be exact; check the amounts');
END;

CREATE TRIGGER plan_stats_integral_update AFTER UPDATE ON plan_stats
WHEN typeof(new.actions) <> 'integer' OR typeof(new.planned) <> 'integer'
  OR typeof(new.committed) <> 'integer' OR typeof(new.paid) <> 'integer'
  OR typeof(new.envelope_planned) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'integer overflow: a plan''s budget total would no longer be exact; check the amounts');
END;
