-- A teacher's own syllabus (syllabus_source = custom): their chapters, skills and questions.

CREATE TABLE IF NOT EXISTS custom_skills (
    id TEXT PRIMARY KEY NOT NULL,               -- derived from skill_tag: one row per tag on every device
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    skill_tag TEXT NOT NULL,
    subject TEXT NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
    chapter_title TEXT NOT NULL,
    skill_title TEXT NOT NULL,
    concept TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX IF NOT EXISTS custom_skills_by_grade ON custom_skills (grade, subject);

CREATE TABLE IF NOT EXISTS bank_items (
    id TEXT PRIMARY KEY NOT NULL,               -- derived from the item's own id
    owner_id TEXT,
    hlc TEXT NOT NULL,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    item_id TEXT NOT NULL,
    skill_tag TEXT NOT NULL,
    item TEXT NOT NULL                          -- JSON: the item as in a bank file
) STRICT;
CREATE INDEX IF NOT EXISTS bank_items_by_skill ON bank_items (skill_tag);
