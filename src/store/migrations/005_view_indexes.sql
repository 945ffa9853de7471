-- 005: indexes for the views of issue 10, at 100,000 actions.
-- A person's actions (My actions, `overdue --pilot P…`, the People view's counts)
-- were found by scanning every action: the pilot person now has its index, with
-- the plan so that a territory's count is answered from the index alone. It is
-- partial (only the actions with a pilot person): whole, SQLite chose it to walk
-- every action of the lists that read them all, in the order of the people, one
-- lookup of the table each, instead of in the order of the plans.
-- The catalogue view reads, for every action, its item, plan, code and status:
-- a covering index holds just those, smaller to scan than the table.
-- Only indexes: nothing is rewritten, an existing database keeps its rows.
CREATE INDEX actions_pilot_person ON actions(pilot_person_id, plan_id) WHERE pilot_person_id IS NOT NULL;
CREATE INDEX actions_catalogue ON actions(catalogue_id, plan_id, code, status);
