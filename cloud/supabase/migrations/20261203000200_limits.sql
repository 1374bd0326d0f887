-- Limits that no honest use reaches, so that no one account can fill the database or make a
-- pull page that no device can hold (one user stored a 40 MB row and pulled a 73 MB page).
--
-- The sizes, measured on the device (see README, "The cloud"): a worksheet's question snapshot
-- is the largest honest row; a 60-question bilingual sheet (the most a sheet holds) is 51-69 kB
-- as JSON; 60 questions from one's own bank with every text at its longest, in Devanagari
-- (three bytes a letter) and with four options, come to about 1.1 MB. The longest honest text in a plain field is a typed answer (2,000 characters, the
-- column's own check). An account of a teacher with 200 children, each doing three sheets a
-- week for five school years, holds about 2.4 million answers and 120,000 sheets: about three
-- gigabytes and five million rows with sync_push's own answers. Each limit is a row here, so an
-- operator can change it without a migration, and `private.account_usage` can give one account
-- more room.

CREATE TABLE IF NOT EXISTS private.limits (
    name text PRIMARY KEY,
    value bigint NOT NULL CHECK (value > 0),
    meaning text NOT NULL
);
INSERT INTO private.limits (name, value, meaning) VALUES
    ('text_chars', 2000, 'characters in one text field of a row'),
    ('row_bytes', 2097152, 'bytes of one row''s fields as JSON (2 MiB)'),
    ('page_bytes', 4194304, 'bytes of the rows on one sync_pull page (4 MiB; one row always fits)'),
    ('account_rows', 10000000, 'rows an account keeps, sync_push''s answers included'),
    ('account_bytes', 4294967296, 'bytes of an account''s rows as JSON (4 GiB)')
ON CONFLICT (name) DO NOTHING;
GRANT SELECT ON private.limits TO authenticated;

CREATE OR REPLACE FUNCTION private.limit_of(p_name text) RETURNS bigint
LANGUAGE sql STABLE
SET search_path = ''
AS $$
    SELECT l.value FROM private.limits AS l WHERE l.name = p_name
$$;

-- What each account holds, kept up to date by sync_push (which locks the row for its batch,
-- so an account's batches take turns); measured from the tables the first time it is needed.
CREATE TABLE IF NOT EXISTS private.account_usage (
    owner_id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
    rows bigint NOT NULL CHECK (rows >= 0),
    bytes bigint NOT NULL,
    max_rows bigint CHECK (max_rows > 0),    -- more room for one account, set by an operator
    max_bytes bigint CHECK (max_bytes > 0),
    measured_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE private.account_usage ENABLE ROW LEVEL SECURITY;
DO $$
DECLARE
    v_operation text;
BEGIN
    FOREACH v_operation IN ARRAY ARRAY['SELECT', 'INSERT', 'UPDATE'] LOOP
        CONTINUE WHEN EXISTS (
            SELECT FROM pg_catalog.pg_policies
            WHERE schemaname = 'private' AND tablename = 'account_usage'
              AND policyname = 'account_usage_' || lower(v_operation) || '_own');
        EXECUTE format(
            'CREATE POLICY %I ON private.account_usage FOR %s TO sync_writer %s',
            'account_usage_' || lower(v_operation) || '_own', v_operation,
            CASE v_operation
                WHEN 'SELECT' THEN 'USING ((SELECT auth.uid()) = owner_id)'
                WHEN 'INSERT' THEN 'WITH CHECK ((SELECT auth.uid()) = owner_id)'
                ELSE 'USING ((SELECT auth.uid()) = owner_id) WITH CHECK ((SELECT auth.uid()) = owner_id)'
            END);
    END LOOP;
END
$$;
REVOKE ALL ON private.account_usage FROM PUBLIC, anon, authenticated;
GRANT SELECT, INSERT, UPDATE ON private.account_usage TO sync_writer;

-- Why a mutation's fields cannot be stored (too big a row, too long a text), or NULL; the
-- limits come from the caller, which reads them once a batch.
CREATE OR REPLACE FUNCTION private.fields_problem(
    p_fields jsonb, p_row_bytes bigint, p_text_chars bigint
) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = ''
AS $$
DECLARE
    v_bytes bigint := octet_length(p_fields::text);
    v_field text;
    v_chars integer;
BEGIN
    IF v_bytes > p_row_bytes THEN
        RETURN format('this row holds %s bytes, more than the %s a row may hold',
                      v_bytes, p_row_bytes);
    END IF;
    SELECT f.key, length(f.value #>> '{}') INTO v_field, v_chars
    FROM jsonb_each(p_fields) AS f
    WHERE jsonb_typeof(f.value) = 'string' AND length(f.value #>> '{}') > p_text_chars
    ORDER BY f.key LIMIT 1;
    IF v_field IS NOT NULL THEN
        RETURN format('%s holds %s characters, more than the %s a field may hold',
                      v_field, v_chars, p_text_chars);
    END IF;
    RETURN NULL;
END
$$;

-- The rows an account holds and their size as JSON (its own columns only), sync_push's
-- answers counted as rows; seen through Row Level Security, so only the caller's own.
CREATE OR REPLACE FUNCTION private.measure_account(p_uid uuid, OUT rows bigint, OUT bytes bigint)
LANGUAGE plpgsql STABLE
SET search_path = ''
AS $$
DECLARE
    v_table text;
    v_rows bigint;
    v_bytes bigint;
BEGIN
    SELECT count(*) INTO rows FROM public.sync_mutations AS m WHERE m.owner_id = p_uid;
    bytes := 0;
    FOR v_table IN SELECT t.name FROM private.sync_tables AS t WHERE t.kind <> 'server_owned' LOOP
        EXECUTE format(
            'SELECT count(*), coalesce(sum(octet_length((to_jsonb(t) - $2)::text)), 0) '
            'FROM public.%I AS t WHERE t.owner_id = $1', v_table)
        INTO v_rows, v_bytes
        USING p_uid, ARRAY['id', 'owner_id', 'hlc', 'created_at', 'updated_at', 'deleted_at',
                           'field_hlcs', 'change_seq', 'change_xid'];
        rows := rows + v_rows;
        bytes := bytes + v_bytes;
    END LOOP;
END
$$;

-- Every account that has no usage row yet is measured (at this migration, the accounts that
-- already hold rows): so no push pays for measuring a long history, which sync_push would
-- otherwise do the first time it needs the account's usage.
CREATE OR REPLACE FUNCTION private.measure_accounts() RETURNS bigint
LANGUAGE sql
SET search_path = ''
AS $$
    WITH measured AS (
        INSERT INTO private.account_usage (owner_id, rows, bytes)
        SELECT u.id, m.rows, m.bytes
        FROM auth.users AS u CROSS JOIN LATERAL private.measure_account(u.id) AS m
        WHERE NOT EXISTS (SELECT FROM private.account_usage AS a WHERE a.owner_id = u.id)
        ON CONFLICT (owner_id) DO NOTHING
        RETURNING 1
    )
    SELECT count(*) FROM measured
$$;
REVOKE ALL ON FUNCTION private.measure_accounts() FROM PUBLIC;

SELECT private.measure_accounts();
