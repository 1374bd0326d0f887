-- Marks and answers typed on the Grade page but not saved yet, kept as they are typed so that a
-- restart or a crash loses nothing; restored when the sheet is opened again. Local to this
-- computer (a draft is not a grade: it never syncs) and removed when the marks are saved.
CREATE TABLE IF NOT EXISTS grading_drafts (
    worksheet_id TEXT NOT NULL,
    child_id TEXT NOT NULL,  -- '' while a class sheet's child is not chosen yet
    entries TEXT NOT NULL,  -- JSON: per question, what was typed and the mark so far
    done_on TEXT,  -- the "Done on" date chosen, YYYY-MM-DD
    updated_at TEXT NOT NULL,
    PRIMARY KEY (worksheet_id, child_id)
) STRICT, WITHOUT ROWID;
