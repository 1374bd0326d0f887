-- Issue 15 (syllabus truth): two chapters of the built-in syllabus practise more than before, so
-- a certificate for them asks for the new skills too. "Which Season is it?" (Class 2) practises
-- the seasons beside the calendar; "Racing Seconds" (Class 5) adds a.m./p.m. and 24-hour time.
INSERT INTO private.chapters (chapter_key, title, skill_tags) VALUES
    ('maths.c2.ch9', 'Which Season is it?', ARRAY['maths.c2.calendar_days', 'maths.c2.seasons']),
    ('maths.c5.ch12', 'Racing Seconds', ARRAY['maths.c5.time_seconds', 'maths.c5.time_am_pm'])
ON CONFLICT (chapter_key) DO UPDATE SET title = EXCLUDED.title, skill_tags = EXCLUDED.skill_tags;
