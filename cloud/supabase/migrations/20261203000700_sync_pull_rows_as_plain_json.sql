-- sync_pull builds each row's JSON with row_to_json over the row's own columns instead of
-- to_jsonb(row) minus the change columns: the same JSON object (the device reads it by column
-- name), made without building a jsonb value first. Measured with `bench sync` (30,000 rows,
-- SQL alone): 1,000-row pages 1.57 s -> 0.86 s. The rest of the function is as
-- 20261203000600 made it.

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
        '(SELECT row_to_json(r) FROM (SELECT %s) AS r) AS row FROM public.%I AS x '
        'WHERE x.%I = $1 AND (x.change_xid, x.change_seq) > ($2, $3) AND x.change_xid < $4 '
        'ORDER BY x.change_xid, x.change_seq LIMIT $5 + 1)',
        t.name,
        (SELECT string_agg(format('x.%I', a.attname), ', ' ORDER BY a.attnum)
         FROM pg_catalog.pg_attribute AS a
         WHERE a.attrelid = ('public.' || t.name)::regclass AND a.attnum > 0
           AND NOT a.attisdropped AND a.attname NOT IN ('change_xid', 'change_seq')),
        t.name, t.owner_column) ORDER BY t.name)
    INTO v_parts
    FROM private.sync_tables AS t;

    v_sql := format(
        'WITH ahead AS (SELECT * FROM (%s) AS u ORDER BY change_xid, change_seq LIMIT $5 + 1), '
        'sized AS (SELECT a.*, row_number() OVER w AS n, '
        '  sum(octet_length(a.row::text)) OVER w AS upto FROM ahead AS a '
        '  WINDOW w AS (ORDER BY a.change_xid, a.change_seq)), '
        'page AS (SELECT * FROM sized WHERE n <= $5 AND (n = 1 OR upto <= $6)) '
        'SELECT coalesce(json_agg(json_build_object(''table'', tbl, ''row'', row) '
        'ORDER BY change_xid, change_seq), ''[]''), '
        '(SELECT count(*) FROM ahead) > count(*), '
        '(SELECT p.change_xid::text || '':'' || p.change_seq FROM page AS p '
        ' ORDER BY p.change_xid DESC, p.change_seq DESC LIMIT 1) FROM page',
        array_to_string(v_parts, ' UNION ALL ')
    );
    EXECUTE v_sql INTO v_changes, v_more, p_cursor
    USING v_uid, v_after_xid, v_after_seq, v_horizon, v_limit, private.limit_of('page_bytes');

    RETURN json_build_object(
        'changes', v_changes,
        'cursor', coalesce(p_cursor, v_after_xid::text || ':' || v_after_seq),
        'has_more', v_more
    );
END
$$;
