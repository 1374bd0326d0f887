-- The tables a device syncs, as the server keeps them.
--
-- Every synced row has the columns it has on the device: id (UUIDv7 made on the device),
-- owner_id (the Supabase user), hlc (the hybrid logical clock stamp of its last change),
-- deleted_at (tombstone), created_at, updated_at; then its own columns. The server adds three of
-- its own:
--   field_hlcs  the clock stamp of each field's last accepted write (per-field last-writer-wins);
--   change_seq  a number from one sequence, set on every insert and update;
--   change_xid  the transaction that made the change (pg_current_xact_id()).
-- A pull serves changes in (change_xid, change_seq) order and only from transactions below the
-- oldest one still running, so a transaction that commits late is never skipped (see sync_pull).
--
-- Derived state (mastery, engagement, achievements) is not here: every device recomputes it from
-- attempt_events. Additive only: new columns and tables, never a drop or a type change.

CREATE SCHEMA IF NOT EXISTS private;
REVOKE ALL ON SCHEMA private FROM PUBLIC;
GRANT USAGE ON SCHEMA private TO authenticated, service_role;

CREATE SEQUENCE IF NOT EXISTS private.change_seq AS bigint;
GRANT USAGE ON SEQUENCE private.change_seq TO authenticated, service_role;

-- Which tables sync, how, and which column names their owner.
CREATE TABLE IF NOT EXISTS private.sync_tables (
    name text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('editable', 'append_only', 'server_owned')),
    owner_column text NOT NULL DEFAULT 'owner_id'
);
GRANT SELECT ON private.sync_tables TO authenticated, service_role;

CREATE OR REPLACE FUNCTION private.stamp_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    NEW.change_seq := nextval('private.change_seq');
    NEW.change_xid := pg_current_xact_id();
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TABLE IF NOT EXISTS public.user_profiles (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    role text NOT NULL CHECK (role IN ('parent', 'teacher')),
    active_role text NOT NULL CHECK (active_role IN ('parent', 'teacher')),
    display_name text CHECK (length(display_name) <= 120),
    school_name text CHECK (length(school_name) <= 200),
    subjects jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(subjects) = 'array'),
    grades jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(grades) = 'array'),
    worksheet_language text NOT NULL DEFAULT 'en' CHECK (worksheet_language IN ('en', 'hi', 'both')),
    paper_size text NOT NULL DEFAULT 'A4' CHECK (paper_size IN ('A4', 'Letter')),
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

CREATE TABLE IF NOT EXISTS public.children (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 12),
    board text NOT NULL DEFAULT 'CBSE',
    date_of_birth date,
    age_band text,
    roll_number text CHECK (length(roll_number) <= 20),
    archived_at timestamptz,
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

CREATE TABLE IF NOT EXISTS public.teacher_classes (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 12),
    subject text,
    syllabus_source text NOT NULL DEFAULT 'cbse' CHECK (syllabus_source IN ('cbse', 'custom')),
    academic_year text,
    archived_at timestamptz,
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

-- The id is derived from (class, child) on the device, so two devices make one row.
CREATE TABLE IF NOT EXISTS public.class_members (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    class_id uuid NOT NULL,
    child_id uuid NOT NULL,
    roll_number text CHECK (length(roll_number) <= 20),
    left_at timestamptz,
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

CREATE TABLE IF NOT EXISTS public.topic_preferences (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    child_id uuid NOT NULL,
    subject text NOT NULL,
    selected_topics jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(selected_topics) = 'array'),
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

CREATE TABLE IF NOT EXISTS public.worksheets (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    child_id uuid,
    class_id uuid,
    code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{4,16}$'),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    subject text NOT NULL,
    grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 12),
    mode text NOT NULL CHECK (mode IN ('chosen', 'adaptive', 'versions', 'custom')),
    version_label text,
    seed bigint NOT NULL,
    generator_version text NOT NULL,
    questions jsonb NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
    settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
    verification_hash text NOT NULL,
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL,
    CHECK (child_id IS NOT NULL OR class_id IS NOT NULL)
);

-- One row per graded answer: inserted once, never updated; erasure sets deleted_at.
CREATE TABLE IF NOT EXISTS public.attempt_events (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    student_id uuid NOT NULL,
    worksheet_id uuid,
    question_id text NOT NULL,
    skill_tag text NOT NULL,
    given_answer text CHECK (length(given_answer) <= 2000),
    result text NOT NULL CHECK (result IN ('correct', 'incorrect', 'partial')),
    error_type text,
    answered_at timestamptz NOT NULL,
    mastery_before text NOT NULL
        CHECK (mastery_before IN ('unknown', 'learning', 'improving', 'mastered')),
    mastery_after text NOT NULL
        CHECK (mastery_after IN ('unknown', 'learning', 'improving', 'mastered')),
    response_time_ms integer CHECK (response_time_ms >= 0),
    graded_by text NOT NULL CHECK (graded_by IN ('auto', 'teacher')),
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

-- Verifiable parental consent: append-only; a withdrawal is a new record.
CREATE TABLE IF NOT EXISTS public.guardian_consents (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    child_id uuid NOT NULL,
    guardian_name text NOT NULL CHECK (length(btrim(guardian_name)) > 0),
    guardian_contact text,
    relation text NOT NULL,
    purpose text NOT NULL,
    consent_given boolean NOT NULL,
    notice_version text NOT NULL,
    notice_sha256 text NOT NULL CHECK (notice_sha256 ~ '^[0-9a-f]{64}$'),
    consented_at timestamptz NOT NULL,
    app_version text NOT NULL,
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

-- A certificate keeps its number and verification code for ever; verify_certificate reads it.
CREATE TABLE IF NOT EXISTS public.certificates (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    child_id uuid NOT NULL,
    chapter_key text NOT NULL,
    chapter_title text NOT NULL CHECK (length(chapter_title) BETWEEN 1 AND 200),
    certificate_number text NOT NULL,
    verification_code text NOT NULL CHECK (length(verification_code) BETWEEN 6 AND 40),
    issued_at timestamptz NOT NULL,
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

-- Opt-in only: a device sends these only when its user turned telemetry on.
CREATE TABLE IF NOT EXISTS public.telemetry_events (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    event text NOT NULL CHECK (length(event) BETWEEN 1 AND 60),
    route text,
    version text NOT NULL,
    latency_ms integer CHECK (latency_ms >= 0),
    ok boolean NOT NULL,
    occurred_at timestamptz NOT NULL,
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

-- A teacher's own syllabus: skills (id derived from the tag) and bank items.
CREATE TABLE IF NOT EXISTS public.custom_skills (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    skill_tag text NOT NULL,
    subject text NOT NULL,
    grade smallint NOT NULL CHECK (grade BETWEEN 1 AND 12),
    chapter_title text NOT NULL,
    skill_title text NOT NULL,
    concept text NOT NULL DEFAULT '',
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

CREATE TABLE IF NOT EXISTS public.bank_items (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    hlc text COLLATE "C" NOT NULL CHECK (hlc ~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$'),
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    item_id text NOT NULL,
    skill_tag text NOT NULL,
    item jsonb NOT NULL CHECK (jsonb_typeof(item) = 'object'),
    field_hlcs jsonb NOT NULL DEFAULT '{}',
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

INSERT INTO private.sync_tables (name, kind) VALUES
    ('user_profiles', 'editable'),
    ('children', 'editable'),
    ('teacher_classes', 'editable'),
    ('class_members', 'editable'),
    ('topic_preferences', 'editable'),
    ('worksheets', 'editable'),
    ('custom_skills', 'editable'),
    ('bank_items', 'editable'),
    ('attempt_events', 'append_only'),
    ('guardian_consents', 'append_only'),
    ('certificates', 'append_only'),
    ('telemetry_events', 'append_only')
ON CONFLICT (name) DO NOTHING;

-- For every table a device pulls: the change stamp trigger, and the index that serves both
-- the owner filter of every policy and the pull's (change_xid, change_seq) order.
CREATE OR REPLACE FUNCTION private.track_changes(p_table text, p_owner text) RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    EXECUTE format(
        'CREATE INDEX IF NOT EXISTS %I ON public.%I (%I, change_xid, change_seq)',
        p_table || '_owner_changes', p_table, p_owner
    );
    EXECUTE format(
        'CREATE OR REPLACE TRIGGER stamp_change BEFORE INSERT OR UPDATE ON public.%I '
        'FOR EACH ROW EXECUTE FUNCTION private.stamp_change()',
        p_table
    );
END
$$;
REVOKE ALL ON FUNCTION private.track_changes(text, text) FROM PUBLIC;

SELECT private.track_changes(name, owner_column) FROM private.sync_tables;

-- Verification codes are looked up across all accounts; certificate numbers are per account.
CREATE UNIQUE INDEX IF NOT EXISTS certificates_verification_code ON public.certificates (verification_code);
CREATE UNIQUE INDEX IF NOT EXISTS certificates_number ON public.certificates (owner_id, certificate_number);
