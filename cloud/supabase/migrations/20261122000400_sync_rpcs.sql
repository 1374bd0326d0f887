-- The sync API: sync_push, sync_pull, sync_counts, and verify_certificate for anyone.
--
-- All four are SECURITY INVOKER: they run as the caller, so Row Level Security decides what
-- each one may read and write, exactly as for a direct query. The one function that must see
-- other users' rows (verifying a certificate printed for a child) is SECURITY DEFINER in the
-- unexposed `private` schema, reached through a thin invoker wrapper, and returns three fields.

-- Oldest and newest sync protocol a device may speak; a device outside it is told to update.
CREATE OR REPLACE FUNCTION private.check_schema_version(p_version integer) RETURNS void
LANGUAGE plpgsql IMMUTABLE
SET search_path = ''
AS $$
BEGIN
    IF p_version IS NULL OR p_version < 1 OR p_version > 1 THEN
        -- PostgREST answers SQLSTATE PTxyz with HTTP status xyz: 426 Upgrade Required.
        RAISE EXCEPTION 'this version of PracticeCraft can no longer sync: please update it'
            USING ERRCODE = 'PT426', HINT = 'accepted sync schema versions: 1 to 1';
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION private.signed_in_user() RETURNS uuid
LANGUAGE plpgsql STABLE
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := auth.uid();
BEGIN
    IF v_uid IS NULL OR auth.role() IS DISTINCT FROM 'authenticated' THEN
        RAISE EXCEPTION 'sign in to sync' USING ERRCODE = '42501';
    END IF;
    RETURN v_uid;
END
$$;

-- Every mutation a device has pushed, with the answer it got: a retried batch gets the same
-- answers and changes nothing.
CREATE TABLE IF NOT EXISTS public.sync_mutations (
    owner_id uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id) ON DELETE CASCADE,
    mutation_id uuid NOT NULL,
    device_id text NOT NULL CHECK (length(device_id) BETWEEN 1 AND 64),
    table_name text NOT NULL,
    row_id uuid,
    op text NOT NULL,
    status text NOT NULL CHECK (status IN ('applied', 'superseded', 'rejected')),
    reason text,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, mutation_id)
);
SELECT private.create_owner_policies('sync_mutations', 'owner_id', ARRAY['SELECT', 'INSERT']);
REVOKE UPDATE, DELETE ON public.sync_mutations FROM anon, authenticated;

-- One mutation, applied as the caller. Returns (status, reason).
--   editable:    insert makes the row (or merges into one another device made with the same
--                natural id); update writes each field whose stamp is newer than the field's
--                last accepted stamp; delete sets the tombstone, and a tombstone beats any edit.
--   append_only: insert once (a repeat is superseded); never updated; delete tombstones it.
CREATE OR REPLACE FUNCTION private.apply_mutation(
    p_uid uuid, p_table text, p_kind text, p_op text, p_row uuid, p_hlc text, p_fields jsonb,
    p_created_at timestamptz,
    OUT status text, OUT reason text
)
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    v_columns text[];
    v_unknown text[];
    v_found boolean;
    v_deleted timestamptz;
    v_field_hlcs jsonb;
    v_winners jsonb;
    v_record jsonb;
    v_names text;
BEGIN
    IF p_op NOT IN ('insert', 'update', 'delete') THEN
        status := 'rejected'; reason := format('unknown operation %L', p_op); RETURN;
    END IF;
    IF p_hlc IS NULL OR p_hlc !~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$' THEN
        status := 'rejected'; reason := format('not a clock stamp: %L', p_hlc); RETURN;
    END IF;
    IF left(p_hlc, 13)::bigint > (extract(epoch FROM now()) * 1000)::bigint + 86400000 THEN
        status := 'rejected';
        reason := 'the device clock is more than a day ahead of the server: set its date and time';
        RETURN;
    END IF;
    IF jsonb_typeof(p_fields) IS DISTINCT FROM 'object' THEN
        status := 'rejected'; reason := 'fields must be a JSON object'; RETURN;
    END IF;

    SELECT array_agg(a.attname::text) INTO v_columns
    FROM pg_catalog.pg_attribute AS a
    WHERE a.attrelid = ('public.' || p_table)::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname NOT IN ('id', 'owner_id', 'hlc', 'created_at', 'updated_at', 'deleted_at',
                            'field_hlcs', 'change_seq', 'change_xid');
    SELECT array_agg(k) INTO v_unknown
    FROM jsonb_object_keys(p_fields) AS k
    WHERE k <> ALL (v_columns) AND NOT (p_op = 'delete' AND k = 'deleted_at');
    IF v_unknown IS NOT NULL THEN
        status := 'rejected';
        reason := format('%s has no field %s', p_table, array_to_string(v_unknown, ', '));
        RETURN;
    END IF;

    EXECUTE format('SELECT true, deleted_at, field_hlcs FROM public.%I WHERE id = $1 FOR UPDATE', p_table)
    INTO v_found, v_deleted, v_field_hlcs USING p_row;
    v_found := coalesce(v_found, false);

    IF p_op = 'insert' AND NOT v_found THEN
        IF p_kind = 'editable' THEN
            SELECT coalesce(jsonb_object_agg(k, p_hlc), '{}') INTO v_field_hlcs
            FROM jsonb_object_keys(p_fields) AS k;
        ELSE
            v_field_hlcs := '{}';
        END IF;
        v_record := p_fields || jsonb_build_object(
            'id', p_row, 'owner_id', p_uid, 'hlc', p_hlc, 'field_hlcs', v_field_hlcs,
            'created_at', coalesce(p_created_at, now()), 'updated_at', now()
        );
        SELECT string_agg(format('%I', k), ', ') INTO v_names FROM jsonb_object_keys(v_record) AS k;
        EXECUTE format(
            'INSERT INTO public.%I (%s) SELECT %s FROM jsonb_populate_record(NULL::public.%I, $1) '
            'ON CONFLICT (id) DO NOTHING',
            p_table, v_names, v_names, p_table
        ) USING v_record;
        GET DIAGNOSTICS v_found = ROW_COUNT;
        IF v_found THEN
            status := 'applied';
        ELSE
            -- The id exists but this user cannot see it: it belongs to another account.
            status := 'rejected'; reason := format('%s %s belongs to another account', p_table, p_row);
        END IF;
        RETURN;
    END IF;

    IF NOT v_found THEN
        status := 'rejected'; reason := format('no %s row %s', p_table, p_row); RETURN;
    END IF;
    IF v_deleted IS NOT NULL THEN
        status := 'superseded'; reason := 'the row was deleted'; RETURN;
    END IF;

    IF p_op = 'delete' THEN
        EXECUTE format(
            'UPDATE public.%I SET deleted_at = $2, hlc = greatest(hlc, $3 COLLATE "C") WHERE id = $1',
            p_table
        ) USING p_row, coalesce((p_fields ->> 'deleted_at')::timestamptz, now()), p_hlc;
        status := 'applied'; RETURN;
    END IF;

    IF p_kind = 'append_only' THEN
        IF p_op = 'insert' THEN
            status := 'superseded'; reason := 'already recorded';
        ELSE
            status := 'rejected'; reason := format('%s rows are never changed once recorded', p_table);
        END IF;
        RETURN;
    END IF;

    -- Editable update (or an insert meeting the same natural id): per-field last writer wins.
    SELECT jsonb_object_agg(f.key, f.value) INTO v_winners
    FROM jsonb_each(p_fields) AS f
    WHERE p_hlc COLLATE "C" > coalesce(v_field_hlcs ->> f.key, '') COLLATE "C";
    IF v_winners IS NULL THEN
        status := 'superseded'; reason := 'the server has newer values'; RETURN;
    END IF;
    SELECT string_agg(format('%I = r.%I', k, k), ', ') INTO v_names FROM jsonb_object_keys(v_winners) AS k;
    EXECUTE format(
        'UPDATE public.%I AS t SET %s, hlc = greatest(t.hlc, $3 COLLATE "C"), '
        'field_hlcs = t.field_hlcs || $4 '
        'FROM jsonb_populate_record(NULL::public.%I, $1) AS r WHERE t.id = $2',
        p_table, v_names, p_table
    ) USING v_winners, p_row, p_hlc,
        (SELECT jsonb_object_agg(k, p_hlc) FROM jsonb_object_keys(v_winners) AS k);
    status := 'applied';
    IF (SELECT count(*) FROM jsonb_object_keys(v_winners)) < (SELECT count(*) FROM jsonb_object_keys(p_fields)) THEN
        reason := 'some fields kept newer values from the server';
    END IF;
END
$$;

-- Push a batch of a device's outbox in one transaction.
-- p_mutations: [{"mutation_id", "table", "op", "row_id", "hlc", "fields", "created_at"?}, ...]
-- Answers {"results": [{"mutation_id", "status", "reason"?}], "server_time_ms"} in batch order.
CREATE OR REPLACE FUNCTION public.sync_push(
    p_device_id text, p_schema_version integer, p_mutations jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := private.signed_in_user();
    v_mutation jsonb;
    v_id uuid;
    v_table text;
    v_kind text;
    v_status text;
    v_reason text;
    v_results jsonb[] := '{}';  -- an expanded array: appending is cheap, unlike a jsonb array
BEGIN
    PERFORM private.check_schema_version(p_schema_version);
    IF jsonb_typeof(p_mutations) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'p_mutations must be a JSON array' USING ERRCODE = '22023';
    END IF;
    IF jsonb_array_length(p_mutations) > 1000 THEN
        RAISE EXCEPTION 'push at most 1000 mutations at a time' USING ERRCODE = '22023';
    END IF;

    FOR v_mutation IN SELECT value FROM jsonb_array_elements(p_mutations) LOOP
        BEGIN
            v_id := (v_mutation ->> 'mutation_id')::uuid;
        EXCEPTION WHEN invalid_text_representation THEN
            v_id := NULL;
        END;
        IF v_id IS NULL THEN
            RAISE EXCEPTION 'every mutation needs a mutation_id (a UUID): %', left(v_mutation::text, 200)
                USING ERRCODE = '22023';
        END IF;

        SELECT m.status, m.reason INTO v_status, v_reason
        FROM public.sync_mutations AS m WHERE m.owner_id = v_uid AND m.mutation_id = v_id;
        IF FOUND THEN
            v_results := array_append(v_results, jsonb_strip_nulls(jsonb_build_object(
                'mutation_id', v_id, 'status', v_status, 'reason', v_reason, 'repeated', true)));
            CONTINUE;
        END IF;

        v_table := v_mutation ->> 'table';
        SELECT t.kind INTO v_kind FROM private.sync_tables AS t WHERE t.name = v_table;
        IF v_kind IS NULL THEN
            v_status := 'rejected'; v_reason := format('%L is not a synced table', v_table);
        ELSIF v_kind = 'server_owned' THEN
            v_status := 'rejected'; v_reason := format('%s is written only by the server', v_table);
        ELSE
            BEGIN
                SELECT a.status, a.reason INTO v_status, v_reason
                FROM private.apply_mutation(
                    v_uid, v_table, v_kind, v_mutation ->> 'op', (v_mutation ->> 'row_id')::uuid,
                    v_mutation ->> 'hlc', coalesce(v_mutation -> 'fields', '{}'),
                    (v_mutation ->> 'created_at')::timestamptz
                ) AS a;
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

        INSERT INTO public.sync_mutations
            (owner_id, mutation_id, device_id, table_name, row_id, op, status, reason)
        VALUES (
            v_uid, v_id, p_device_id, coalesce(v_table, ''),
            CASE WHEN v_mutation ->> 'row_id' ~* '^[0-9a-f-]{36}$' THEN (v_mutation ->> 'row_id')::uuid END,
            coalesce(v_mutation ->> 'op', ''), v_status, v_reason
        )
        ON CONFLICT (owner_id, mutation_id) DO NOTHING;
        v_results := array_append(v_results, jsonb_strip_nulls(jsonb_build_object(
            'mutation_id', v_id, 'status', v_status, 'reason', v_reason)));
    END LOOP;

    RETURN jsonb_build_object(
        'results', to_jsonb(v_results),
        'server_time_ms', (extract(epoch FROM clock_timestamp()) * 1000)::bigint
    );
END
$$;

-- One page of the rows this user may see that changed after p_cursor ('' or NULL: from the
-- start), oldest change first, tombstones included.
--
-- The commit-safe watermark: a change is served only once every transaction with a smaller id
-- has ended (change_xid below the xmin of the current snapshot). Sequence numbers and now() are
-- taken while a transaction runs, so a transaction that started early and commits late would
-- land behind a cursor that ordered by them alone; ordering by the writing transaction and
-- waiting for the xmin horizon means every change a later page could hold sorts after the cursor.
-- Answers {"changes": [{"table", "row"}], "cursor", "has_more"}, as json rather than jsonb:
-- the page is only passed on, and building it as jsonb would copy it twice more.
CREATE OR REPLACE FUNCTION public.sync_pull(p_cursor text DEFAULT NULL, p_limit integer DEFAULT 1000)
RETURNS json
LANGUAGE plpgsql STABLE SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := private.signed_in_user();
    v_after_xid xid8 := '0';
    v_after_seq bigint := 0;
    v_horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_limit integer := least(greatest(coalesce(p_limit, 1000), 1), 5000);
    v_parts text[];
    v_sql text;
    v_changes json;
    v_more boolean;
BEGIN
    IF coalesce(p_cursor, '') <> '' THEN
        IF p_cursor !~ '^[0-9]+:[0-9]+$' THEN
            RAISE EXCEPTION 'not a sync cursor: %', left(p_cursor, 60) USING ERRCODE = '22023';
        END IF;
        v_after_xid := split_part(p_cursor, ':', 1)::xid8;
        v_after_seq := split_part(p_cursor, ':', 2)::bigint;
    END IF;

    SELECT array_agg(format(
        '(SELECT %L AS tbl, x.change_xid, x.change_seq, '
        'to_jsonb(x) - ''{change_xid,change_seq}''::text[] AS row FROM public.%I AS x '
        'WHERE x.%I = $1 AND (x.change_xid, x.change_seq) > ($2, $3) AND x.change_xid < $4 '
        'ORDER BY x.change_xid, x.change_seq LIMIT $5 + 1)',
        t.name, t.name, t.owner_column) ORDER BY t.name)
    INTO v_parts
    FROM private.sync_tables AS t;

    v_sql := format(
        'WITH ahead AS (SELECT * FROM (%s) AS u ORDER BY change_xid, change_seq LIMIT $5 + 1), '
        'page AS (SELECT * FROM ahead ORDER BY change_xid, change_seq LIMIT $5) '
        'SELECT coalesce(json_agg(json_build_object(''table'', tbl, ''row'', row) '
        'ORDER BY change_xid, change_seq), ''[]''), '
        '(SELECT count(*) FROM ahead) > $5, '
        '(SELECT p.change_xid::text || '':'' || p.change_seq FROM page AS p '
        ' ORDER BY p.change_xid DESC, p.change_seq DESC LIMIT 1) FROM page',
        array_to_string(v_parts, ' UNION ALL ')
    );
    EXECUTE v_sql INTO v_changes, v_more, p_cursor
    USING v_uid, v_after_xid, v_after_seq, v_horizon, v_limit;

    RETURN json_build_object(
        'changes', v_changes,
        'cursor', coalesce(p_cursor, v_after_xid::text || ':' || v_after_seq),
        'has_more', v_more
    );
END
$$;

-- Rows and tombstones per table for this user, for the after-sync comparison with the device.
CREATE OR REPLACE FUNCTION public.sync_counts() RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := private.signed_in_user();
    v_table record;
    v_live bigint;
    v_deleted bigint;
    v_counts jsonb := '{}';
BEGIN
    FOR v_table IN SELECT name, kind, owner_column FROM private.sync_tables ORDER BY name LOOP
        IF v_table.kind = 'server_owned' THEN
            EXECUTE format('SELECT count(*), 0 FROM public.%I WHERE %I = $1',
                           v_table.name, v_table.owner_column)
            INTO v_live, v_deleted USING v_uid;
        ELSE
            EXECUTE format(
                'SELECT count(*) FILTER (WHERE deleted_at IS NULL), '
                'count(*) FILTER (WHERE deleted_at IS NOT NULL) FROM public.%I WHERE owner_id = $1',
                v_table.name)
            INTO v_live, v_deleted USING v_uid;
        END IF;
        v_counts := v_counts || jsonb_build_object(
            v_table.name, jsonb_build_object('live', v_live, 'deleted', v_deleted));
    END LOOP;
    RETURN v_counts;
END
$$;

-- Anyone holding a printed certificate may check it: the child's name, the chapter and the
-- date, and nothing else; an unknown, mistyped or withdrawn code finds nothing.
-- (Guard added with 20261203000500, which changes the columns these functions return: a
-- function's columns cannot change in place, so running this file again replaces them whole,
-- and 20261203000500 then puts its own back.)
DROP FUNCTION IF EXISTS public.verify_certificate(text);
DROP FUNCTION IF EXISTS private.verify_certificate(text);
CREATE OR REPLACE FUNCTION private.verify_certificate(p_code text)
RETURNS TABLE (name text, chapter text, issued_on date)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT ch.name, c.chapter_title, (c.issued_at AT TIME ZONE 'Asia/Kolkata')::date
    FROM public.certificates AS c
    JOIN public.children AS ch ON ch.id = c.child_id AND ch.owner_id = c.owner_id
    WHERE c.verification_code = upper(regexp_replace(coalesce(p_code, ''), '[^A-Za-z0-9]', '', 'g'))
      AND c.deleted_at IS NULL AND ch.deleted_at IS NULL
$$;
REVOKE ALL ON FUNCTION private.verify_certificate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION private.verify_certificate(text) TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA private TO anon;

CREATE OR REPLACE FUNCTION public.verify_certificate(p_code text)
RETURNS TABLE (name text, chapter text, issued_on date)
LANGUAGE sql STABLE SECURITY INVOKER
SET search_path = ''
AS $$
    SELECT v.name, v.chapter, v.issued_on FROM private.verify_certificate(p_code) AS v
$$;

-- Who may call what: the sync functions need a signed-in user; verification is for anyone.
REVOKE ALL ON FUNCTION public.sync_push(text, integer, jsonb) FROM PUBLIC, anon;
REVOKE ALL ON FUNCTION public.sync_pull(text, integer) FROM PUBLIC, anon;
REVOKE ALL ON FUNCTION public.sync_counts() FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.sync_push(text, integer, jsonb) TO authenticated;
GRANT EXECUTE ON FUNCTION public.sync_pull(text, integer) TO authenticated;
GRANT EXECUTE ON FUNCTION public.sync_counts() TO authenticated;
GRANT EXECUTE ON FUNCTION public.verify_certificate(text) TO anon, authenticated, service_role;

-- The helpers in `private` are reached only through the functions above.
REVOKE ALL ON FUNCTION private.apply_mutation(uuid, text, text, text, uuid, text, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION private.apply_mutation(uuid, text, text, text, uuid, text, jsonb, timestamptz) TO authenticated;
