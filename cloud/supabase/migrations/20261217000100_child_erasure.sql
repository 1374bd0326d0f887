-- Erasure that erases (issue 17): a child erased on a device is hard-deleted here, and every
-- other device purges them on its next pull.
--
-- The device pushes one mutation on `child_erasures` (op insert, row_id = the erasure's id,
-- fields {"child_digest", "erased_at"}). It names the child only by `child_digest`, the
-- SHA-256 of 'practicecraft.erasure:' and the child's id (lower-case text), so neither the
-- device's queue nor this database ever holds the id again. `private.erase_child`:
--   * finds the account's child with that digest (in the child's own row or any row naming
--     them: consent, class place, topics, worksheets, certificates);
--   * hard-deletes every row about them (the child, consents, class places, topics,
--     worksheets, answers, certificates) and the answers `sync_push` kept for those rows
--     (`sync_mutations`, whose row ids would otherwise outlive them);
--   * keeps one audit row in `child_erasures`: the digest, when the erasure was asked for,
--     which account asked, and how many rows went. No name, no id, no answer.
-- `child_erasures` is server-owned: its owner reads it (the pull carries it to every device,
-- which then purges the child with that digest, however long it was offline), nobody writes it
-- through the API. Once an account has erased a child, `sync_push` refuses (and does not
-- record) any change about that child from a device that had not pulled the erasure yet, so a
-- late device cannot bring the child back.
--
-- erase_child runs as `sync_eraser`, a role nobody logs in as, member of `authenticated` so the
-- owner policies still decide which rows it may touch; only sync_push (as sync_writer) may call
-- it. sync_writer itself still never deletes.

CREATE TABLE IF NOT EXISTS public.child_erasures (
    id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    child_digest text NOT NULL CHECK (child_digest ~ '^[0-9a-f]{64}$'),
    erased_at timestamptz NOT NULL,
    rows_erased integer NOT NULL DEFAULT 0 CHECK (rows_erased >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL,
    PRIMARY KEY (user_id, id)
);
CREATE INDEX IF NOT EXISTS child_erasures_digest ON public.child_erasures (user_id, child_digest);

INSERT INTO private.sync_tables (name, kind, owner_column) VALUES
    ('child_erasures', 'server_owned', 'user_id')
ON CONFLICT (name) DO NOTHING;
SELECT private.track_changes('child_erasures', 'user_id');
SELECT private.create_owner_policies('child_erasures', 'user_id', ARRAY['SELECT', 'INSERT']);
REVOKE INSERT, UPDATE, DELETE ON public.child_erasures FROM anon, authenticated;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'sync_eraser') THEN
        CREATE ROLE sync_eraser NOLOGIN INHERIT;
    END IF;
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT sync_eraser TO %I', current_user);
    END IF;
END
$$;
GRANT authenticated TO sync_eraser;

-- The eraser may read and delete the rows about a child, and their push answers, through the
-- owner policies (sync_mutations gets the DELETE policy it lacked; no API role has the grant).
SELECT private.create_owner_policies('sync_mutations', 'owner_id', ARRAY['DELETE']);
GRANT SELECT, DELETE ON public.children, public.guardian_consents, public.class_members,
    public.topic_preferences, public.worksheets, public.attempt_events, public.certificates,
    public.sync_mutations TO sync_eraser;
GRANT SELECT, INSERT ON public.child_erasures TO sync_eraser;

CREATE OR REPLACE FUNCTION private.erasure_digest(p_child uuid) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = ''
AS $$
    SELECT encode(sha256(convert_to('practicecraft.erasure:' || p_child::text, 'UTF8')), 'hex')
$$;

-- Whether a pushed change is about a child this account erased (by the row's child column).
CREATE OR REPLACE FUNCTION private.about_erased_child(
    p_uid uuid, p_table text, p_mutation jsonb
) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = ''
AS $$
DECLARE
    v_child text := CASE p_table
        WHEN 'children' THEN p_mutation ->> 'row_id'
        WHEN 'attempt_events' THEN p_mutation -> 'fields' ->> 'student_id'
        WHEN 'guardian_consents' THEN p_mutation -> 'fields' ->> 'child_id'
        WHEN 'class_members' THEN p_mutation -> 'fields' ->> 'child_id'
        WHEN 'topic_preferences' THEN p_mutation -> 'fields' ->> 'child_id'
        WHEN 'worksheets' THEN p_mutation -> 'fields' ->> 'child_id'
        WHEN 'certificates' THEN p_mutation -> 'fields' ->> 'child_id'
    END;
BEGIN
    IF v_child IS NULL OR v_child !~* '^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$' THEN
        RETURN false;
    END IF;
    RETURN EXISTS (
        SELECT FROM public.child_erasures AS e
        WHERE e.user_id = p_uid AND e.child_digest = private.erasure_digest(v_child::uuid)
    );
END
$$;

-- Apply one erasure request: every row about the child goes, an audit row stays.
CREATE OR REPLACE FUNCTION private.erase_child(
    p_uid uuid, p_mutation jsonb, OUT status text, OUT reason text, OUT rows_removed bigint
)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_digest text := p_mutation -> 'fields' ->> 'child_digest';
    v_erasure uuid;
    v_erased_at timestamptz;
    v_child uuid;
    v_ids uuid[] := '{}';
    v_more uuid[];
    v_table record;
BEGIN
    rows_removed := 0;
    IF (SELECT auth.uid()) IS DISTINCT FROM p_uid THEN
        RAISE EXCEPTION 'erase_child is called by sync_push for the signed-in user'
            USING ERRCODE = '42501';
    END IF;
    IF v_digest IS NULL OR v_digest !~ '^[0-9a-f]{64}$'
       OR (p_mutation ->> 'row_id') !~* '^[0-9a-f-]{36}$' THEN
        status := 'rejected'; reason := 'an erasure names a child by a 64-digit digest'; RETURN;
    END IF;
    v_erasure := (p_mutation ->> 'row_id')::uuid;
    BEGIN
        v_erased_at := coalesce((p_mutation -> 'fields' ->> 'erased_at')::timestamptz, now());
    EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow OR invalid_text_representation THEN
        v_erased_at := now();  -- the erasure matters, not a malformed time
    END;
    IF EXISTS (SELECT FROM public.child_erasures AS e WHERE e.user_id = p_uid AND e.id = v_erasure) THEN
        status := 'superseded'; reason := 'already recorded'; RETURN;
    END IF;
    FOR v_child IN
        SELECT DISTINCT c.child FROM (
            SELECT id AS child FROM public.children WHERE owner_id = p_uid
            UNION SELECT child_id FROM public.guardian_consents WHERE owner_id = p_uid
            UNION SELECT child_id FROM public.class_members WHERE owner_id = p_uid
            UNION SELECT child_id FROM public.topic_preferences WHERE owner_id = p_uid
            UNION SELECT child_id FROM public.worksheets WHERE owner_id = p_uid AND child_id IS NOT NULL
            UNION SELECT child_id FROM public.certificates WHERE owner_id = p_uid
        ) AS c WHERE private.erasure_digest(c.child) = v_digest
    LOOP
        FOR v_table IN SELECT * FROM (VALUES
            ('children', 'id'), ('guardian_consents', 'child_id'), ('class_members', 'child_id'),
            ('topic_preferences', 'child_id'), ('worksheets', 'child_id'),
            ('attempt_events', 'student_id'), ('certificates', 'child_id')) AS t(name, col)
        LOOP
            EXECUTE format(
                'WITH gone AS (DELETE FROM public.%I WHERE owner_id = $1 AND %I = $2 RETURNING id) '
                'SELECT coalesce(array_agg(id), ''{}'') FROM gone', v_table.name, v_table.col)
            INTO v_more USING p_uid, v_child;
            v_ids := v_ids || v_more;
        END LOOP;
    END LOOP;
    DELETE FROM public.sync_mutations AS m WHERE m.owner_id = p_uid AND m.row_id = ANY (v_ids);
    GET DIAGNOSTICS rows_removed = ROW_COUNT;
    rows_removed := rows_removed + cardinality(v_ids);
    INSERT INTO public.child_erasures (id, user_id, child_digest, erased_at, rows_erased)
    VALUES (v_erasure, p_uid, v_digest, v_erased_at, cardinality(v_ids));
    status := 'applied';
END
$$;

GRANT CREATE ON SCHEMA private TO sync_eraser;
ALTER FUNCTION private.erase_child(uuid, jsonb) OWNER TO sync_eraser;
REVOKE CREATE ON SCHEMA private FROM sync_eraser;
REVOKE ALL ON FUNCTION private.erase_child(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION private.erase_child(uuid, jsonb) TO sync_writer;
REVOKE ALL ON FUNCTION private.about_erased_child(uuid, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION private.about_erased_child(uuid, text, jsonb) TO sync_writer;
GRANT EXECUTE ON FUNCTION private.erasure_digest(uuid) TO sync_writer, sync_eraser;

-- sync_push as 20261203000400 made it, with two branches in its loop: an erasure request goes
-- to erase_child (and the rows it removed leave the account's usage), and a change about an
-- erased child is refused.
CREATE OR REPLACE FUNCTION private.sync_push(p_request json) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := private.signed_in_user();
    v_request jsonb := private.without_nul(p_request);
    v_device text := v_request ->> 'p_device_id';
    v_mutations jsonb := v_request -> 'p_mutations';
    v_nul boolean;
    v_mutation jsonb;
    v_id uuid;
    v_table text;
    v_kind text;
    v_status text;
    v_reason text;
    v_keep boolean;
    v_usage record;
    v_kinds jsonb;    -- per synced table, its kind
    v_columns jsonb;  -- per synced table, the columns a mutation may set
    v_applied record;
    v_erasures boolean;  -- whether this account has erased a child (then each row is checked)
    v_results jsonb[] := '{}';  -- an expanded array: appending is cheap, unlike a jsonb array
BEGIN
    PERFORM private.check_schema_version((v_request ->> 'p_schema_version')::integer);
    IF v_device IS NULL OR jsonb_typeof(v_mutations) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'sync_push takes {"p_device_id", "p_schema_version", "p_mutations": [...]}'
            USING ERRCODE = '22023';
    END IF;
    IF jsonb_array_length(v_mutations) > 1000 THEN
        RAISE EXCEPTION 'push at most 1000 mutations at a time' USING ERRCODE = '22023';
    END IF;
    v_nul := strpos(v_mutations::text, chr(65535)) > 0;  -- see private.without_nul
    SELECT * INTO v_usage FROM private.lock_usage(v_uid);
    SELECT jsonb_object_agg(t.name, t.kind) INTO v_kinds FROM private.sync_tables AS t;
    SELECT jsonb_object_agg(t.name, (
        SELECT jsonb_agg(a.attname) FROM pg_catalog.pg_attribute AS a
        WHERE a.attrelid = ('public.' || t.name)::regclass AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attname NOT IN ('id', 'owner_id', 'hlc', 'created_at', 'updated_at',
                                'deleted_at', 'field_hlcs', 'change_seq', 'change_xid')))
    INTO v_columns
    FROM private.sync_tables AS t WHERE t.kind <> 'server_owned';

    v_erasures := EXISTS (SELECT FROM public.child_erasures AS e WHERE e.user_id = v_uid);

    FOR v_mutation IN SELECT value FROM jsonb_array_elements(v_mutations) LOOP
        v_id := private.mutation_id(v_mutation);
        SELECT m.status, m.reason INTO v_status, v_reason
        FROM public.sync_mutations AS m WHERE m.owner_id = v_uid AND m.mutation_id = v_id;
        IF FOUND THEN
            v_results := array_append(v_results, jsonb_strip_nulls(jsonb_build_object(
                'mutation_id', v_id, 'status', v_status, 'reason', v_reason, 'repeated', true)));
            CONTINUE;
        END IF;

        v_keep := true;
        v_reason := NULL;
        v_table := v_mutation ->> 'table';
        v_kind := v_kinds ->> v_table;
        IF v_nul AND strpos(v_mutation::text, chr(65535)) > 0 THEN
            v_status := 'rejected';
            v_reason := 'text cannot hold the character U+0000 (NUL): remove it and save again';
        ELSIF v_table = 'child_erasures' THEN
            SELECT * INTO v_applied FROM private.erase_child(v_uid, v_mutation);
            v_status := v_applied.status;
            v_reason := v_applied.reason;
            v_usage.rows := greatest(v_usage.rows - v_applied.rows_removed, 0);
            v_erasures := true;
        ELSIF v_erasures AND private.about_erased_child(v_uid, v_table, v_mutation) THEN
            -- A device that had not heard of the erasure yet: its change is refused and not
            -- recorded (the record would name the child's row), and it purges on its pull.
            v_status := 'rejected'; v_keep := false;
            v_reason := 'this child''s data was erased';
        ELSIF v_kind IS NULL THEN
            v_status := 'rejected'; v_reason := format('%L is not a synced table', v_table);
        ELSIF v_kind = 'server_owned' THEN
            v_status := 'rejected'; v_reason := format('%s is written only by the server', v_table);
        ELSIF private.beyond_account_limit(
            v_usage.rows, v_usage.bytes, v_usage.max_rows, v_usage.max_bytes, v_mutation
        ) THEN
            -- Not recorded: a full account gains no answers either, and a retry is weighed again.
            v_status := 'rejected'; v_keep := false;
            v_reason := format('this account is full (it may keep %s rows and %s bytes): '
                               'nothing more can be stored online', v_usage.max_rows, v_usage.max_bytes);
        ELSE
            BEGIN
                SELECT * INTO v_applied FROM private.apply_mutation(
                    v_uid, v_table, v_kind, v_columns -> v_table, v_usage.row_limits, v_mutation);
                v_status := v_applied.status;
                v_reason := v_applied.reason;
                v_usage.rows := v_usage.rows + v_applied.rows_added;
                v_usage.bytes := v_usage.bytes + v_applied.bytes_added;
            EXCEPTION WHEN OTHERS THEN
                -- A bad row is answered and dropped, never allowed to block the queue; but a
                -- conflict, a timeout or a server fault fails the whole batch, to be retried.
                IF SQLSTATE ~ '^(40|53|54|55|57|58|XX)' THEN
                    RAISE;
                END IF;
                v_status := 'rejected';
                v_reason := format('%s (SQLSTATE %s)', SQLERRM, SQLSTATE);
            END;
        END IF;

        IF v_keep THEN
            INSERT INTO public.sync_mutations
                (owner_id, mutation_id, device_id, table_name, row_id, op, status, reason)
            VALUES (
                v_uid, v_id, v_device, coalesce(left(v_table, 63), ''),
                CASE WHEN v_mutation ->> 'row_id' ~* '^[0-9a-f-]{36}$' THEN (v_mutation ->> 'row_id')::uuid END,
                coalesce(left(v_mutation ->> 'op', 20), ''), v_status, v_reason
            )
            ON CONFLICT (owner_id, mutation_id) DO NOTHING;
            v_usage.rows := v_usage.rows + 1;
        END IF;
        v_results := array_append(v_results, jsonb_strip_nulls(jsonb_build_object(
            'mutation_id', v_id, 'status', v_status, 'reason', v_reason)));
    END LOOP;

    UPDATE private.account_usage AS u
    SET rows = v_usage.rows, bytes = v_usage.bytes, measured_at = now()
    WHERE u.owner_id = v_uid;
    RETURN jsonb_build_object(
        'results', to_jsonb(v_results),
        'server_time_ms', (extract(epoch FROM clock_timestamp()) * 1000)::bigint
    );
END
$$;

