-- The Worksheets library: a full-text index of every live sheet (SQLite FTS5), kept by triggers.
--
-- Triggers keep it current whatever writes a sheet: the repositories, a sync pull (an upsert),
-- renaming a child or a class, erasing a child. They are installed by `storage/search_index.py`
-- when the store opens (a migration stays additive: no DELETE or UPDATE text in it). The index
-- is local only (never synced); `storage/library.py` searches it.

-- Chapter titles by skill tag, copied from the syllabus (which lives in JSON files, not SQL) by
-- `storage/search_index.py` whenever the syllabus changes, so a sheet can be found by its chapters.
CREATE TABLE IF NOT EXISTS skill_chapters (
    tag TEXT PRIMARY KEY NOT NULL,
    chapter TEXT NOT NULL,                       -- the chapter's title, as lists show it
    words TEXT NOT NULL                          -- what a search may type: titles in every language
) STRICT, WITHOUT ROWID;

-- What the index holds for each live sheet; rowid is the worksheet's rowid.
CREATE VIEW IF NOT EXISTS worksheet_search_source AS
SELECT
    w.rowid AS rowid,
    w.code AS code,
    coalesce(c.name, json_extract(w.settings, '$.child_name'), '') AS child,
    coalesce(k.name, json_extract(w.settings, '$.class_name'), '') AS class,
    w.subject || CASE w.subject
        WHEN 'maths' THEN ' mathematics math'
        WHEN 'evs' THEN ' environmental studies'
        ELSE '' END AS subject,
    w.title || ' ' || coalesce(
        (SELECT group_concat(s.words, ' ') FROM skill_chapters AS s
         WHERE s.tag IN (SELECT key FROM json_each(w.settings, '$.skills'))), '') AS chapters,
    'class ' || w.grade || ' ' || coalesce(json_extract(w.settings, '$.date'), '') || ' '
        || substr(w.created_at, 1, 10) AS date
FROM worksheets AS w
LEFT JOIN children AS c ON c.id = w.child_id
LEFT JOIN teacher_classes AS k ON k.id = w.class_id
WHERE w.deleted_at IS NULL;

CREATE VIRTUAL TABLE IF NOT EXISTS worksheet_search USING fts5(
    code, child, class, subject, chapters, date,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- Sheets made before this version.
INSERT INTO worksheet_search (rowid, code, child, class, subject, chapters, date)
SELECT rowid, code, child, class, subject, chapters, date FROM worksheet_search_source;

-- What the library lists of each live sheet, narrow: a worksheet row carries ~20 kB of question
-- JSON before its settings, so filtering and counting 20,000 of them there reads every byte.
-- `sheet` is the worksheet's rowid. Kept by the same triggers as the index.
CREATE TABLE IF NOT EXISTS worksheet_catalog (
    sheet INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    child_id TEXT,
    class_id TEXT,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    grade INTEGER NOT NULL,
    version_label TEXT,
    child_name TEXT,
    class_name TEXT,
    sheet_date TEXT,
    chapters TEXT,                               -- its chapters' titles, "; " between them
    questions INTEGER NOT NULL,
    printed_at TEXT,
    graded INTEGER NOT NULL DEFAULT 0             -- 1 once any answer on it is marked
) STRICT;
CREATE INDEX IF NOT EXISTS worksheet_catalog_by_made ON worksheet_catalog (created_at, id);
CREATE INDEX IF NOT EXISTS worksheet_catalog_by_child ON worksheet_catalog (child_id, created_at);
CREATE INDEX IF NOT EXISTS worksheet_catalog_by_class ON worksheet_catalog (class_id, created_at);
CREATE INDEX IF NOT EXISTS worksheet_catalog_by_code ON worksheet_catalog (code);
CREATE INDEX IF NOT EXISTS worksheet_catalog_by_id ON worksheet_catalog (id);

CREATE VIEW IF NOT EXISTS worksheet_catalog_source AS
SELECT
    rowid AS sheet, id, created_at, child_id, class_id, code, title, subject, grade,
    version_label,
    json_extract(settings, '$.child_name') AS child_name,
    json_extract(settings, '$.class_name') AS class_name,
    json_extract(settings, '$.date') AS sheet_date,
    (SELECT group_concat(chapter, '; ') FROM (SELECT DISTINCT s.chapter FROM skill_chapters AS s
     WHERE s.tag IN (SELECT key FROM json_each(settings, '$.skills')) ORDER BY s.chapter))
        AS chapters,
    json_array_length(questions) AS questions,
    json_extract(settings, '$.printed_at') AS printed_at,
    EXISTS (SELECT 1 FROM attempt_events AS a WHERE a.worksheet_id = worksheets.id
            AND a.deleted_at IS NULL) AS graded
FROM worksheets
WHERE deleted_at IS NULL;

INSERT INTO worksheet_catalog SELECT * FROM worksheet_catalog_source;
