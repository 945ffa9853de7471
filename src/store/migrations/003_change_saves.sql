-- 003: each save has its own number in the change journal.
-- The history grouped the rows of one save by their time (to the second), author
-- and origin, so two saves made within the same second (an edit then its undo,
-- an undo then a redo) read as one. Every write transaction (an edit, an undo, a
-- redo, an import) now records one number, shared by all its rows, and the history
-- groups by it. Rows written before this migration have none (NULL) and keep the
-- grouping by time, author and origin.

ALTER TABLE changes ADD COLUMN save INTEGER;
CREATE INDEX changes_save ON changes(save);
