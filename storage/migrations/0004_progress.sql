-- Derived state (a pure function of attempt_events, recomputed, never pushed) and certificates.

CREATE TABLE IF NOT EXISTS mastery_state (
    student_id TEXT NOT NULL,
    skill_tag TEXT NOT NULL,
    mastery_level TEXT NOT NULL DEFAULT 'unknown'
        CHECK (mastery_level IN ('unknown', 'learning', 'improving', 'mastered')),
    streak INTEGER NOT NULL DEFAULT 0 CHECK (streak >= 0),
    last_error_type TEXT,
    attempts_count INTEGER NOT NULL DEFAULT 0,
    correct_count INTEGER NOT NULL DEFAULT 0,
    p_known REAL,                                -- Bayesian Knowledge Tracing estimate
    last_attempt_at TEXT,
    review_due_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (student_id, skill_tag)
) STRICT;

CREATE TABLE IF NOT EXISTS child_engagement (
    child_id TEXT PRIMARY KEY NOT NULL,
    total_stars INTEGER NOT NULL DEFAULT 0,
    current_streak INTEGER NOT NULL DEFAULT 0,
    longest_streak INTEGER NOT NULL DEFAULT 0,
    last_active_date TEXT,
    worksheets_completed INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS achievements (
    child_id TEXT NOT NULL,
    achievement_key TEXT NOT NULL,
    unlocked_at TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (child_id, achievement_key)
) STRICT;

-- Append-only: a certificate, once issued, keeps its number and verification code.
CREATE TABLE IF NOT EXISTS certificates (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    child_id TEXT NOT NULL,
    chapter_key TEXT NOT NULL,
    chapter_title TEXT NOT NULL,
    certificate_number TEXT NOT NULL UNIQUE,
    verification_code TEXT NOT NULL UNIQUE,
    issued_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS certificates_by_child ON certificates (child_id);
