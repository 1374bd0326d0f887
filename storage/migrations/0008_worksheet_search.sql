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
    chapter TEXT NOT NULL
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
        (SELECT group_concat(s.chapter, ' ') FROM skill_chapters AS s
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

-- The library lists sheets newest first, per child or class, and by state.
CREATE INDEX IF NOT EXISTS worksheets_by_made ON worksheets (created_at);
