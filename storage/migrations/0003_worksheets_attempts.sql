-- Worksheets (a full snapshot, so a sheet re-renders identically forever) and graded answers.

CREATE TABLE IF NOT EXISTS worksheets (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    child_id TEXT,
    class_id TEXT,
    code TEXT NOT NULL,                          -- short, human-typeable code printed on the sheet
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
    mode TEXT NOT NULL CHECK (mode IN ('chosen', 'adaptive', 'versions', 'custom')),
    version_label TEXT,
    seed INTEGER NOT NULL,
    generator_version TEXT NOT NULL,
    questions TEXT NOT NULL,                     -- JSON array: the full question snapshot
    settings TEXT NOT NULL DEFAULT '{}',         -- JSON object: language, paper, large print, ...
    verification_hash TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS worksheets_by_code ON worksheets (code);
CREATE INDEX IF NOT EXISTS worksheets_by_child ON worksheets (child_id, created_at);
CREATE INDEX IF NOT EXISTS worksheets_by_class ON worksheets (class_id, created_at);
CREATE INDEX IF NOT EXISTS worksheets_by_hash ON worksheets (child_id, verification_hash);

-- One row per graded answer; append-only, never updated (erasure sets deleted_at).
CREATE TABLE IF NOT EXISTS attempt_events (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    student_id TEXT NOT NULL,
    worksheet_id TEXT,
    question_id TEXT NOT NULL,
    skill_tag TEXT NOT NULL,
    given_answer TEXT,
    result TEXT NOT NULL CHECK (result IN ('correct', 'incorrect', 'partial')),
    error_type TEXT,
    answered_at TEXT NOT NULL,
    mastery_before TEXT NOT NULL CHECK (mastery_before IN ('unknown', 'learning', 'improving', 'mastered')),
    mastery_after TEXT NOT NULL CHECK (mastery_after IN ('unknown', 'learning', 'improving', 'mastered')),
    response_time_ms INTEGER CHECK (response_time_ms >= 0),
    graded_by TEXT NOT NULL CHECK (graded_by IN ('auto', 'teacher'))
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS attempt_events_by_student ON attempt_events (student_id, answered_at, id);
CREATE INDEX IF NOT EXISTS attempt_events_by_skill ON attempt_events (student_id, skill_tag, answered_at, id);
CREATE INDEX IF NOT EXISTS attempt_events_by_worksheet ON attempt_events (worksheet_id);
