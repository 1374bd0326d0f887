-- sync_push as the one way to write.
--
-- public.sync_push is a thin SECURITY INVOKER wrapper; the work is done by private.sync_push,
-- SECURITY DEFINER as `sync_writer` (20261203000100), which checks the caller itself
-- (private.signed_in_user: an `authenticated` JWT with a user id) and writes every row through
-- the owner policies with that user's id. What changed from 20261122000400:
--   * sync_push takes the request body whole, as one unnamed `json` argument (PostgREST passes
--     a POST body so to a function with a single unnamed json parameter); the body is the same
--     {"p_device_id", "p_schema_version", "p_mutations"} as before, so clients do not change.
--     Why: PostgreSQL cannot store the character U+0000 (NUL) in text, and PostgREST's way of
--     reading named arguments from a body fails on one anywhere in it, so a single NUL in one
--     pushed name failed the whole request (HTTP 400) and stalled the device's queue for ever.
--     Now the mutation that holds it is rejected, with a reason, and the rest of the batch
--     applies;
--   * every row is looked up and written by (owner_id, id): ids are unique per account, and a
--     rejection never tells whether another account uses an id;
--   * the limits of 20261203000200: a row or a field too big is rejected with a reason; a
--     mutation that would take the account past its limit is rejected and not recorded (so
--     that a full account's answers do not grow either);
--   * a certificate must pass private.certificate_problem (20261203000300).

DROP FUNCTION IF EXISTS public.sync_push(text, integer, jsonb);
DROP FUNCTION IF EXISTS private.apply_mutation(uuid, text, text, text, uuid, text, jsonb, timestamptz);

-- Every escaped NUL of a JSON text becomes U+FFFF, which PostgreSQL can store, so the text can
-- be read; the mutations that hold one are then found and refused. (An escape is a backslash
-- not itself escaped: one preceded by an even number of backslashes.)
CREATE OR REPLACE FUNCTION private.without_nul(p_text json) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = ''
AS $$
BEGIN
    RETURN p_text::jsonb;
EXCEPTION WHEN untranslatable_character THEN
    RETURN regexp_replace(p_text::text, '(?<!\\)((?:\\\\)*)\\u0000', '\1\\uffff', 'g')::jsonb;
END
$$;

-- One mutation, applied as the caller (through Row Level Security). Returns the answer, and how
-- many rows and bytes (of fields as JSON) the account gained. `p_columns` is the JSON array
-- of the columns a mutation may set, `p_limits` the row and field limits (read once a batch).
--   editable:    insert makes the row (or merges into one another device made with the same
--                natural id); update writes each field whose stamp is newer than the field's
--                last accepted stamp; delete sets the tombstone, and a tombstone beats any edit.
--   append_only: insert once (a repeat is superseded); never updated; delete tombstones it.
CREATE OR REPLACE FUNCTION private.apply_mutation(
    p_uid uuid, p_table text, p_kind text, p_columns jsonb, p_limits bigint[], p_mutation jsonb,
    OUT status text, OUT reason text, OUT rows_added integer, OUT bytes_added bigint
)
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    v_op text := p_mutation ->> 'op';
    v_hlc text := p_mutation ->> 'hlc';
    v_fields jsonb := coalesce(p_mutation -> 'fields', '{}');
    v_row uuid;
    v_unknown text[];
    v_found boolean;
    v_deleted timestamptz;
    v_field_hlcs jsonb;
    v_old jsonb;
    v_winners jsonb;
    v_record jsonb;
    v_names text;
BEGIN
    rows_added := 0;
    bytes_added := 0;
    IF v_op IS NULL OR v_op NOT IN ('insert', 'update', 'delete') THEN
        status := 'rejected'; reason := format('unknown operation %L', v_op); RETURN;
    END IF;
    IF v_hlc IS NULL OR v_hlc !~ '^[0-9]{13}\.[0-9]{5}\.[0-9a-f]{16}$' THEN
        status := 'rejected'; reason := format('not a clock stamp: %L', v_hlc); RETURN;
    END IF;
    IF left(v_hlc, 13)::bigint > (extract(epoch FROM now()) * 1000)::bigint + 86400000 THEN
        status := 'rejected';
        reason := 'the device clock is more than a day ahead of the server: set its date and time';
        RETURN;
    END IF;
    IF jsonb_typeof(v_fields) IS DISTINCT FROM 'object' THEN
        status := 'rejected'; reason := 'fields must be a JSON object'; RETURN;
    END IF;
    reason := private.fields_problem(v_fields, p_limits[1], p_limits[2]);
    IF reason IS NOT NULL THEN
        status := 'rejected'; RETURN;
    END IF;

    SELECT array_agg(k ORDER BY k) INTO v_unknown
    FROM jsonb_object_keys(v_fields) AS k
    WHERE NOT (p_columns ? k) AND NOT (v_op = 'delete' AND k = 'deleted_at');
    IF v_unknown IS NOT NULL THEN
        status := 'rejected';
        reason := format('%s has no field %s', p_table, array_to_string(v_unknown, ', '));
        RETURN;
    END IF;

    v_row := (p_mutation ->> 'row_id')::uuid;
    EXECUTE format(
        'SELECT true, t.deleted_at, t.field_hlcs, CASE WHEN $3 THEN to_jsonb(t) END '
        'FROM public.%I AS t WHERE t.owner_id = $1 AND t.id = $2 FOR UPDATE', p_table)
    INTO v_found, v_deleted, v_field_hlcs, v_old USING p_uid, v_row, v_op <> 'delete';
    v_found := coalesce(v_found, false);

    IF v_op = 'insert' AND NOT v_found THEN
        IF p_table = 'certificates' THEN
            reason := private.certificate_problem(p_uid, v_fields);
            IF reason IS NOT NULL THEN
                status := 'rejected'; RETURN;
            END IF;
        END IF;
        IF p_kind = 'editable' THEN
            SELECT coalesce(jsonb_object_agg(k, v_hlc), '{}') INTO v_field_hlcs
            FROM jsonb_object_keys(v_fields) AS k;
        ELSE
            v_field_hlcs := '{}';
        END IF;
        v_record := v_fields || jsonb_build_object(
            'id', v_row, 'owner_id', p_uid, 'hlc', v_hlc, 'field_hlcs', v_field_hlcs,
            'created_at', coalesce((p_mutation ->> 'created_at')::timestamptz, now()),
            'updated_at', now()
        );
        SELECT string_agg(format('%I', k), ', ') INTO v_names FROM jsonb_object_keys(v_record) AS k;
        EXECUTE format(
            'INSERT INTO public.%I (%s) SELECT %s FROM jsonb_populate_record(NULL::public.%I, $1) '
            'ON CONFLICT (owner_id, id) DO NOTHING',
            p_table, v_names, v_names, p_table
        ) USING v_record;
        GET DIAGNOSTICS v_found = ROW_COUNT;
        IF v_found THEN
            status := 'applied'; rows_added := 1; bytes_added := octet_length(v_fields::text);
        ELSE  -- another push of this account made the row after the lookup above
            status := 'superseded'; reason := 'already recorded';
        END IF;
        RETURN;
    END IF;

    IF NOT v_found THEN
        status := 'rejected'; reason := format('no %s row %s', p_table, v_row); RETURN;
    END IF;
    IF v_deleted IS NOT NULL THEN
        status := 'superseded'; reason := 'the row was deleted'; RETURN;
    END IF;

    IF v_op = 'delete' THEN
        EXECUTE format(
            'UPDATE public.%I SET deleted_at = $3, hlc = greatest(hlc, $4 COLLATE "C") '
            'WHERE owner_id = $1 AND id = $2', p_table
        ) USING p_uid, v_row, coalesce((v_fields ->> 'deleted_at')::timestamptz, now()), v_hlc;
        status := 'applied'; RETURN;
    END IF;

    IF p_kind = 'append_only' THEN
        IF v_op = 'insert' THEN
            status := 'superseded'; reason := 'already recorded';
        ELSE
            status := 'rejected'; reason := format('%s rows are never changed once recorded', p_table);
        END IF;
        RETURN;
    END IF;

    -- Editable update (or an insert meeting the same natural id): per-field last writer wins.
    SELECT jsonb_object_agg(f.key, f.value) INTO v_winners
    FROM jsonb_each(v_fields) AS f
    WHERE v_hlc COLLATE "C" > coalesce(v_field_hlcs ->> f.key, '') COLLATE "C";
    IF v_winners IS NULL THEN
        status := 'superseded'; reason := 'the server has newer values'; RETURN;
    END IF;
    SELECT string_agg(format('%I = r.%I', k, k), ', ') INTO v_names FROM jsonb_object_keys(v_winners) AS k;
    EXECUTE format(
        'UPDATE public.%I AS t SET %s, hlc = greatest(t.hlc, $4 COLLATE "C"), '
        'field_hlcs = t.field_hlcs || $5 '
        'FROM jsonb_populate_record(NULL::public.%I, $1) AS r WHERE t.owner_id = $2 AND t.id = $3',
        p_table, v_names, p_table
    ) USING v_winners, p_uid, v_row, v_hlc,
        (SELECT jsonb_object_agg(k, v_hlc) FROM jsonb_object_keys(v_winners) AS k);
    status := 'applied';
    bytes_added := octet_length(v_winners::text) - octet_length(
        (SELECT jsonb_object_agg(k, v_old -> k) FROM jsonb_object_keys(v_winners) AS k)::text);
    IF (SELECT count(*) FROM jsonb_object_keys(v_winners)) < (SELECT count(*) FROM jsonb_object_keys(v_fields)) THEN
        reason := 'some fields kept newer values from the server';
    END IF;
END
$$;

-- The account's usage row, locked for this batch (measured from its rows the first time), and
-- the limits the batch is held to.
CREATE OR REPLACE FUNCTION private.lock_usage(
    p_uid uuid, OUT rows bigint, OUT bytes bigint, OUT max_rows bigint, OUT max_bytes bigint,
    OUT row_limits bigint[]
)
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    SELECT u.rows, u.bytes, u.max_rows, u.max_bytes INTO rows, bytes, max_rows, max_bytes
    FROM private.account_usage AS u WHERE u.owner_id = p_uid FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO private.account_usage (owner_id, rows, bytes)
        SELECT p_uid, m.rows, m.bytes FROM private.measure_account(p_uid) AS m
        ON CONFLICT (owner_id) DO NOTHING;
        SELECT u.rows, u.bytes, u.max_rows, u.max_bytes INTO rows, bytes, max_rows, max_bytes
        FROM private.account_usage AS u WHERE u.owner_id = p_uid FOR UPDATE;
    END IF;
    max_rows := coalesce(max_rows, private.limit_of('account_rows'));
    max_bytes := coalesce(max_bytes, private.limit_of('account_bytes'));
    row_limits := ARRAY[private.limit_of('row_bytes'), private.limit_of('text_chars')];
END
$$;

-- Push a batch of a device's outbox in one transaction. The request body, whole:
-- {"p_device_id", "p_schema_version", "p_mutations": [{"mutation_id", "table", "op", "row_id",
--  "hlc", "fields", "created_at"?}, ...]}
-- Answers {"results": [{"mutation_id", "status", "reason"?}], "server_time_ms"} in batch order.
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

-- The mutation's id; a batch without one for every mutation is refused whole (22023).
CREATE OR REPLACE FUNCTION private.mutation_id(p_mutation jsonb) RETURNS uuid
LANGUAGE plpgsql IMMUTABLE
SET search_path = ''
AS $$
DECLARE
    v_text text := p_mutation ->> 'mutation_id';
BEGIN
    IF v_text ~* '^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$' THEN
        RETURN v_text::uuid;
    END IF;
    RAISE EXCEPTION 'every mutation needs a mutation_id (a UUID): %', left(p_mutation::text, 200)
        USING ERRCODE = '22023';
END
$$;

-- Whether storing this mutation (and its answer) would take the account past its limits.
CREATE OR REPLACE FUNCTION private.beyond_account_limit(
    p_rows bigint, p_bytes bigint, p_max_rows bigint, p_max_bytes bigint, p_mutation jsonb
) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE
SET search_path = ''
AS $$
DECLARE
    v_op text := p_mutation ->> 'op';
    v_bytes bigint := 0;
BEGIN
    IF v_op IN ('insert', 'update') THEN
        v_bytes := octet_length(coalesce(p_mutation -> 'fields', '{}')::text);
    END IF;
    RETURN p_rows + 1 + (v_op = 'insert')::integer > p_max_rows OR p_bytes + v_bytes > p_max_bytes;
END
$$;

CREATE OR REPLACE FUNCTION public.sync_push(json) RETURNS jsonb
LANGUAGE sql SECURITY INVOKER
SET search_path = ''
AS $$
    SELECT private.sync_push($1)
$$;

-- sync_push runs as sync_writer. A function's new owner needs CREATE on its schema only while
-- it is given the function.
GRANT CREATE ON SCHEMA private TO sync_writer;
ALTER FUNCTION private.sync_push(json) OWNER TO sync_writer;
REVOKE CREATE ON SCHEMA private FROM sync_writer;

REVOKE ALL ON FUNCTION private.sync_push(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION private.sync_push(json) TO authenticated;
REVOKE ALL ON FUNCTION public.sync_push(json) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.sync_push(json) TO authenticated;
REVOKE ALL ON FUNCTION private.apply_mutation(uuid, text, text, jsonb, bigint[], jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION private.lock_usage(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION private.measure_account(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION private.certificate_problem(uuid, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION private.chapter_skills(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION private.apply_mutation(uuid, text, text, jsonb, bigint[], jsonb), private.lock_usage(uuid),
    private.measure_account(uuid), private.certificate_problem(uuid, jsonb),
    private.chapter_skills(uuid, jsonb) TO sync_writer;
