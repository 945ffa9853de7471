-- 006: meetings and their decisions (issue 11).
-- A meeting of a body (the territorial health council, a steering committee, or
-- another) about a territory, and optionally one of its plans. Its code is its
-- identity in jalon/1 (upsert by code, as for everything else).
CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
    plan_id      INTEGER REFERENCES plans(id) ON DELETE SET NULL,
    body         TEXT NOT NULL CHECK (body IN ('cts', 'copil', 'other')),
    on_date      TEXT NOT NULL,
    title        TEXT NOT NULL,
    attendees    TEXT NOT NULL DEFAULT ''
);
-- `--since-meeting`: the last meeting of a body for a territory.
CREATE INDEX meetings_territory ON meetings(territory_id, body, on_date);

-- A journal entry is a note (as before) or a decision, which may name the
-- meeting that took it. Existing entries are notes.
ALTER TABLE notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'decision'));
ALTER TABLE notes ADD COLUMN meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL;
CREATE INDEX notes_meeting ON notes(meeting_id) WHERE meeting_id IS NOT NULL;
