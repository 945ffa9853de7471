-- 010: an action's plan and status, by its id, in an index of their own.
-- The board counts overdue milestones per plan, and the overdue lists and the
-- search count them per action: each open milestone past its due date is joined
-- to its action for the action's status and plan. Through the table, that is one
-- read of a wide row (title, objective, amounts…) per milestone, scattered over
-- the whole file: at 100,000 actions about ten thousand pages for one board. This
-- narrow index holds just (id, plan_id, status), a few hundred pages, and the
-- reads that need nothing else name it.
-- Only an index: nothing is rewritten, an existing database keeps its rows.
CREATE INDEX actions_plan_status ON actions(id, plan_id, status);
