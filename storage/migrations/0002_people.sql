-- Accounts, children, classes and consent: the editable records a parent or teacher keeps.

CREATE TABLE IF NOT EXISTS user_profiles (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('parent', 'teacher')),
    active_role TEXT NOT NULL CHECK (active_role IN ('parent', 'teacher')),
    display_name TEXT,
    school_name TEXT,
    subjects TEXT NOT NULL DEFAULT '[]',        -- JSON array
    grades TEXT NOT NULL DEFAULT '[]',          -- JSON array of 1..12
    worksheet_language TEXT NOT NULL DEFAULT 'en' CHECK (worksheet_language IN ('en', 'hi', 'both')),
    paper_size TEXT NOT NULL DEFAULT 'A4' CHECK (paper_size IN ('A4', 'Letter'))
) STRICT;

CREATE TABLE IF NOT EXISTS children (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
    board TEXT NOT NULL DEFAULT 'CBSE',
    date_of_birth TEXT,
    age_band TEXT,
    roll_number TEXT,
    archived_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS children_by_name ON children (name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS teacher_classes (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
    subject TEXT,                                -- NULL: the class is taught every subject
    syllabus_source TEXT NOT NULL DEFAULT 'cbse' CHECK (syllabus_source IN ('cbse', 'custom')),
    academic_year TEXT,
    archived_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS teacher_classes_by_name ON teacher_classes (name COLLATE NOCASE);

-- A child's place on a class roster. The id is derived from (class, child) so two devices that
-- add the same child to the same class make one row; leaving the class is an edit (left_at),
-- so a child can rejoin later without fighting a tombstone.
CREATE TABLE IF NOT EXISTS class_members (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    class_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    roll_number TEXT,
    left_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS class_members_by_class ON class_members (class_id);
CREATE INDEX IF NOT EXISTS class_members_by_child ON class_members (child_id);

-- Chosen topics per child per subject; id derived from (child, subject), as UNIQUE in the seed.
CREATE TABLE IF NOT EXISTS topic_preferences (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    child_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    selected_topics TEXT NOT NULL DEFAULT '[]'   -- JSON array of chapter or skill keys
) STRICT;
CREATE INDEX IF NOT EXISTS topic_preferences_by_child ON topic_preferences (child_id);

-- Verifiable parental consent (DPDP Act 2023): append-only; withdrawal is a new record.
CREATE TABLE IF NOT EXISTS guardian_consents (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    child_id TEXT NOT NULL,
    guardian_name TEXT NOT NULL CHECK (length(trim(guardian_name)) > 0),
    guardian_contact TEXT,
    relation TEXT NOT NULL,
    purpose TEXT NOT NULL,
    consent_given INTEGER NOT NULL CHECK (consent_given IN (0, 1)),
    notice_version TEXT NOT NULL,
    notice_sha256 TEXT NOT NULL CHECK (length(notice_sha256) = 64),
    consented_at TEXT NOT NULL,
    app_version TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS guardian_consents_by_child ON guardian_consents (child_id, consented_at);
