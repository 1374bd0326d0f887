-- The paid tier on the server: the price table, the free tier's monthly quota, what a user is
-- entitled to (get_entitlement), what an order row keeps, and what the device never sees of it.
-- Only the server changes a tier: through the payments service's functions (20261204000200).

-- -- The price table and the billing settings ---------------------------------------------------

CREATE TABLE IF NOT EXISTS private.plans (
    plan text PRIMARY KEY CHECK (plan ~ '^[a-z]{1,20}$'),
    amount_paise integer NOT NULL CHECK (amount_paise > 0),  -- integer paise: ₹299 = 29900
    currency text NOT NULL DEFAULT 'INR' CHECK (currency ~ '^[A-Z]{3}$'),
    months integer NOT NULL CHECK (months BETWEEN 1 AND 36),
    offered boolean NOT NULL DEFAULT true   -- a plan withdrawn from sale still extends old orders
);
INSERT INTO private.plans (plan, amount_paise, currency, months) VALUES
    ('monthly', 29900, 'INR', 1),
    ('yearly', 299000, 'INR', 12)
ON CONFLICT (plan) DO NOTHING;
GRANT SELECT ON private.plans TO authenticated;

CREATE TABLE IF NOT EXISTS private.billing_settings (
    name text PRIMARY KEY,
    value integer NOT NULL CHECK (value >= 0),
    meaning text NOT NULL
);
INSERT INTO private.billing_settings (name, value, meaning) VALUES
    ('free_worksheets_per_month', 20, 'worksheets a free account makes in one month (IST)'),
    ('grace_days', 7, 'days a device keeps a paid tier past its period end while offline'),
    ('orders_per_window', 10, 'orders one account may start in one window'),
    ('order_window_seconds', 600, 'the length of that window')
ON CONFLICT (name) DO NOTHING;
GRANT SELECT ON private.billing_settings TO authenticated;

CREATE OR REPLACE FUNCTION private.billing_setting(p_name text) RETURNS integer
LANGUAGE sql STABLE
SET search_path = ''
AS $$
    SELECT s.value FROM private.billing_settings AS s WHERE s.name = p_name
$$;

-- Calendar months in India: 31 January + 1 month is the end of February there.
CREATE OR REPLACE FUNCTION private.add_months_ist(p_at timestamptz, p_months integer)
RETURNS timestamptz
LANGUAGE sql IMMUTABLE
SET search_path = ''
AS $$
    SELECT ((p_at AT TIME ZONE 'Asia/Kolkata') + make_interval(months => p_months))
        AT TIME ZONE 'Asia/Kolkata'
$$;

-- -- What the server keeps of each order --------------------------------------------------------

-- One row per order: `created` when the service makes it, then `captured` (the period it
-- bought in period_start..period_end), `failed` (a payment attempt failed; the order stays
-- open) or `refunded`. `payload` keeps what Razorpay said ({"order", "payment", "refund"}).
ALTER TABLE public.payment_events ADD COLUMN IF NOT EXISTS plan text;
ALTER TABLE public.payment_events ADD COLUMN IF NOT EXISTS period_start timestamptz;
ALTER TABLE public.payment_events ADD COLUMN IF NOT EXISTS period_end timestamptz;
CREATE UNIQUE INDEX IF NOT EXISTS payment_events_one_row_per_order
    ON public.payment_events (razorpay_order_id);

-- Every delivery is counted; a delivery refused for its signature gets its own row (its event
-- id is not trusted, so it can never stand in for the genuine event's).
ALTER TABLE public.webhook_logs ADD COLUMN IF NOT EXISTS deliveries integer NOT NULL DEFAULT 1;
ALTER TABLE public.webhook_logs ADD COLUMN IF NOT EXISTS last_received_at timestamptz;

-- Orders started per account, for the service's rate limit (the service keeps no state).
CREATE TABLE IF NOT EXISTS private.order_requests (
    user_id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
    window_started_at timestamptz NOT NULL,
    requests integer NOT NULL
);
REVOKE ALL ON private.order_requests FROM PUBLIC;

-- -- The device never sees Razorpay's payload nor the signature ---------------------------------

-- Columns a table keeps on the server only: sync_pull leaves them out and the API roles may
-- not read them (so neither may PostgREST's table endpoints).
ALTER TABLE private.sync_tables
    ADD COLUMN IF NOT EXISTS server_only_columns text[] NOT NULL DEFAULT '{}';
UPDATE private.sync_tables SET server_only_columns = '{payload,razorpay_signature}'
WHERE name = 'payment_events';

DO $$
DECLARE
    v_readable text;
BEGIN
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO v_readable
    FROM pg_catalog.pg_attribute AS a
    WHERE a.attrelid = 'public.payment_events'::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname NOT IN ('payload', 'razorpay_signature');
    -- (A column added to payment_events later needs its own grant, or sync_pull fails.)
    REVOKE SELECT ON public.payment_events FROM anon, authenticated;
    EXECUTE format('GRANT SELECT (%s) ON public.payment_events TO authenticated', v_readable);
END
$$;

-- sync_pull as 20261203000700 made it, leaving out each table's server-only columns.
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
           AND NOT a.attisdropped AND a.attname NOT IN ('change_xid', 'change_seq')
           AND a.attname <> ALL (t.server_only_columns)),
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

-- -- get_entitlement: what the signed-in user may do, for the desktop ---------------------------

-- The effective tier ("paid" only while the period runs), this month's worksheets as the
-- server counted them (the count_worksheets trigger; a count whose month has passed is 0),
-- the quota (null = unlimited), when the month starts again, the grace a device may allow
-- offline, the plans on sale and the server's clock. SECURITY INVOKER: Row Level Security
-- shows the caller their own subscription only.
CREATE OR REPLACE FUNCTION public.get_entitlement() RETURNS json
LANGUAGE plpgsql STABLE SECURITY INVOKER
SET search_path = ''
AS $$
DECLARE
    v_uid uuid := auth.uid();
    v_sub record;
    v_paid boolean;
BEGIN
    IF v_uid IS NULL OR auth.role() IS DISTINCT FROM 'authenticated' THEN
        RAISE EXCEPTION 'sign in to see your plan' USING ERRCODE = '42501';
    END IF;
    SELECT s.current_period_end, s.worksheets_generated_this_month AS made, s.month_reset_at
    INTO v_sub FROM public.user_subscriptions AS s WHERE s.user_id = v_uid;
    v_paid := coalesce(v_sub.current_period_end > now(), false);
    RETURN json_build_object(
        'tier', CASE WHEN v_paid THEN 'paid' ELSE 'free' END,
        'current_period_end', v_sub.current_period_end,
        'worksheets_this_month', CASE WHEN v_sub.month_reset_at > now() THEN v_sub.made ELSE 0 END,
        'monthly_quota',
            CASE WHEN v_paid THEN NULL
                 ELSE private.billing_setting('free_worksheets_per_month') END,
        'month_resets_at',
            CASE WHEN v_sub.month_reset_at > now() THEN v_sub.month_reset_at
                 ELSE private.next_month_start(now()) END,
        'grace_days', private.billing_setting('grace_days'),
        'plans', (SELECT json_agg(json_build_object('plan', p.plan, 'amount_paise', p.amount_paise,
                                                    'currency', p.currency, 'months', p.months)
                                  ORDER BY p.months, p.plan)
                  FROM private.plans AS p WHERE p.offered),
        'server_time', now()
    );
END
$$;
REVOKE ALL ON FUNCTION public.get_entitlement() FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.get_entitlement() TO authenticated;
