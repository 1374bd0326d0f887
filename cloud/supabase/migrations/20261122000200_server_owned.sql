-- Tables only the server writes: the user's subscription, Razorpay payments and webhook logs.
-- Their owners may read them (and devices pull copies); only the service role writes them.

CREATE TABLE IF NOT EXISTS public.user_subscriptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL UNIQUE REFERENCES auth.users (id) ON DELETE CASCADE,
    tier text NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'paid')),
    current_period_end timestamptz,
    -- Derived on the server from the worksheets it receives (see count_worksheets below);
    -- never a counter a client sends.
    worksheets_generated_this_month integer NOT NULL DEFAULT 0
        CHECK (worksheets_generated_this_month >= 0),
    month_reset_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);

CREATE TABLE IF NOT EXISTS public.payment_events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    razorpay_order_id text NOT NULL,
    razorpay_payment_id text,
    razorpay_signature text,
    status text NOT NULL CHECK (status IN ('created', 'captured', 'failed', 'refunded')),
    amount_paise integer NOT NULL CHECK (amount_paise >= 0),
    plan_tier text NOT NULL DEFAULT 'paid',
    payload jsonb NOT NULL DEFAULT '{}',      -- the full Razorpay payload, for the audit trail
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    change_seq bigint NOT NULL,
    change_xid xid8 NOT NULL
);
CREATE INDEX IF NOT EXISTS payment_events_order ON public.payment_events (razorpay_order_id);
CREATE UNIQUE INDEX IF NOT EXISTS payment_events_payment
    ON public.payment_events (razorpay_payment_id) WHERE razorpay_payment_id IS NOT NULL;

-- Every webhook delivery, once: Razorpay retries for a day with the same event id.
CREATE TABLE IF NOT EXISTS public.webhook_logs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    source text NOT NULL DEFAULT 'razorpay',
    event_id text NOT NULL UNIQUE,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    status text NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'processed', 'ignored', 'failed')),
    error text,
    received_at timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz
);

INSERT INTO private.sync_tables (name, kind, owner_column) VALUES
    ('user_subscriptions', 'server_owned', 'user_id'),
    ('payment_events', 'server_owned', 'user_id')
ON CONFLICT (name) DO NOTHING;

SELECT private.track_changes(name, owner_column) FROM private.sync_tables
WHERE kind = 'server_owned';

-- The start of the next month in India, when the monthly worksheet count starts again.
CREATE OR REPLACE FUNCTION private.next_month_start(at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE
SET search_path = ''
AS $$
    SELECT (date_trunc('month', at AT TIME ZONE 'Asia/Kolkata') + interval '1 month')
        AT TIME ZONE 'Asia/Kolkata'
$$;

-- Every new user gets a free subscription row ("auto-created via trigger").
-- SECURITY DEFINER because the auth service, not the user, inserts auth.users rows; it lives in
-- the unexposed `private` schema with an empty search_path.
CREATE OR REPLACE FUNCTION private.create_subscription() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    INSERT INTO public.user_subscriptions (user_id, month_reset_at)
    VALUES (NEW.id, private.next_month_start(now()))
    ON CONFLICT (user_id) DO NOTHING;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION private.create_subscription() FROM PUBLIC;

CREATE OR REPLACE TRIGGER create_subscription AFTER INSERT ON auth.users
FOR EACH ROW EXECUTE FUNCTION private.create_subscription();

-- worksheets_generated_this_month counts the worksheets the server received this month (IST),
-- whatever the device says: a statement trigger, so a batch of a class set costs one update.
CREATE OR REPLACE FUNCTION private.count_worksheets() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
BEGIN
    UPDATE public.user_subscriptions AS s
    SET worksheets_generated_this_month = CASE
            WHEN s.month_reset_at IS NULL OR s.month_reset_at <= now() THEN made.n
            ELSE s.worksheets_generated_this_month + made.n
        END,
        month_reset_at = CASE
            WHEN s.month_reset_at IS NULL OR s.month_reset_at <= now()
                THEN private.next_month_start(now())
            ELSE s.month_reset_at
        END
    FROM (SELECT owner_id, count(*)::integer AS n FROM inserted GROUP BY owner_id) AS made
    WHERE s.user_id = made.owner_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION private.count_worksheets() FROM PUBLIC;

CREATE OR REPLACE TRIGGER count_worksheets AFTER INSERT ON public.worksheets
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION private.count_worksheets();
