-- sync_pull pages bounded in bytes as well as rows: one user pulled a 73 MB page (a thousand
-- big rows). A page now ends before the row that would take it past the `page_bytes` limit
-- (20261203000200), but always holds one row, and every row is smaller than a page. The rest
-- of the function is as 20261122000400 made it.

-- One page of the rows this user may see that changed after p_cursor ('' or NULL: from the
-- start), oldest change first, tombstones included: at most p_limit rows (at most 5,000) and
-- at most the `page_bytes` limit of JSON, though always at least one row, so a page never
-- grows past what a device can hold (every row is smaller than a page).
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
