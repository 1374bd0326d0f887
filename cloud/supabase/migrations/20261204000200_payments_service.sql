-- The payments service's functions (cloud/payments). The service connects with DATABASE_URL as
-- a login role that is a member of `payments_service`, which may do nothing but call these:
-- each is SECURITY DEFINER in the unexposed `private` schema, takes the row locks it needs, and
-- does its effect and its record in one transaction, so a payment seen twice (the checkout
-- callback and a webhook, or one webhook delivered five times) upgrades once. The price table,
-- the settings and the columns they use are in 20261204000100.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'payments_service') THEN
        CREATE ROLE payments_service NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA private TO payments_service;

-- The price of `p_plan` for an order `p_user` is starting, counting the order against the
-- account's rate limit. Raises PCP01 (no such plan), PCU01 (no such user), PCR01 (too many).
CREATE OR REPLACE FUNCTION private.payments_quote(p_user uuid, p_plan text)
RETURNS TABLE (amount_paise integer, currency text, months integer)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_window interval := make_interval(secs => private.billing_setting('order_window_seconds'));
    v_requests integer;
BEGIN
    RETURN QUERY SELECT p.amount_paise, p.currency, p.months
        FROM private.plans AS p WHERE p.plan = p_plan AND p.offered;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no plan called %', left(p_plan, 40) USING ERRCODE = 'PCP01';
    END IF;
    IF NOT EXISTS (SELECT FROM auth.users AS u WHERE u.id = p_user) THEN
        RAISE EXCEPTION 'no account %', p_user USING ERRCODE = 'PCU01';
    END IF;
    INSERT INTO private.order_requests AS r (user_id, window_started_at, requests)
    VALUES (p_user, now(), 1)
    ON CONFLICT (user_id) DO UPDATE SET
        requests = CASE WHEN r.window_started_at <= now() - v_window THEN 1 ELSE r.requests + 1 END,
        window_started_at = CASE WHEN r.window_started_at <= now() - v_window
                                 THEN now() ELSE r.window_started_at END
    RETURNING r.requests INTO v_requests;
    IF v_requests > private.billing_setting('orders_per_window') THEN
        RAISE EXCEPTION 'too many orders' USING ERRCODE = 'PCR01';
    END IF;
END
$$;

-- The order Razorpay made, as a `created` row with our id `p_id`.
CREATE OR REPLACE FUNCTION private.payments_record_order(
    p_id uuid, p_user uuid, p_plan text, p_amount integer, p_order jsonb
) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = ''
AS $$
    INSERT INTO public.payment_events
        (id, user_id, razorpay_order_id, status, amount_paise, plan, payload)
    VALUES (p_id, p_user, p_order ->> 'id', 'created', p_amount, p_plan,
            jsonb_build_object('order', p_order))
$$;

-- What the checkout page needs for an order, with the buyer's email for Razorpay's form.
CREATE OR REPLACE FUNCTION private.payments_checkout(p_order_id text)
RETURNS TABLE (ref uuid, amount_paise integer, currency text, plan text, status text, email text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT e.id, e.amount_paise, coalesce(e.payload -> 'order' ->> 'currency', 'INR'), e.plan,
           e.status, u.email::text
    FROM public.payment_events AS e JOIN auth.users AS u ON u.id = e.user_id
    WHERE e.razorpay_order_id = p_order_id
$$;

-- The order a checkout callback names by our reference (the row id in its URL), so the
-- signature is checked against the order id we stored, never one the browser sent.
CREATE OR REPLACE FUNCTION private.payments_order_of(p_ref uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT e.razorpay_order_id FROM public.payment_events AS e WHERE e.id = p_ref
$$;

-- A payment captured for an order: the one place a tier goes up. Under the order row's lock,
-- so the callback and a webhook for one payment (or five deliveries of one webhook) take
-- turns and only the first changes anything; the subscription is extended in the same
-- transaction as the row is marked captured. p_amount (when the caller knows it) must be the
-- amount we asked for. Answers {"outcome", "user_id"?, "period_end"?}.
CREATE OR REPLACE FUNCTION private.payments_capture(
    p_order_id text, p_payment_id text, p_amount integer, p_signature text, p_payment jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_row public.payment_events;
    v_current timestamptz;
    v_start timestamptz;
    v_end timestamptz;
BEGIN
    SELECT * INTO v_row FROM public.payment_events AS e
    WHERE e.razorpay_order_id = p_order_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'unknown_order');
    ELSIF v_row.status = 'captured' THEN
        RETURN jsonb_build_object(
            'outcome', CASE WHEN v_row.razorpay_payment_id = p_payment_id
                            THEN 'already_captured' ELSE 'second_payment' END,
            'user_id', v_row.user_id, 'period_end', v_row.period_end);
    ELSIF v_row.status = 'refunded' THEN
        RETURN jsonb_build_object('outcome', 'already_refunded', 'user_id', v_row.user_id);
    ELSIF p_amount IS DISTINCT FROM NULL AND p_amount <> v_row.amount_paise THEN
        RETURN jsonb_build_object('outcome', 'amount_mismatch', 'user_id', v_row.user_id);
    ELSIF EXISTS (SELECT FROM public.payment_events AS e
                  WHERE e.razorpay_payment_id = p_payment_id AND e.id <> v_row.id) THEN
        RETURN jsonb_build_object('outcome', 'payment_of_another_order');
    END IF;

    INSERT INTO public.user_subscriptions (user_id, month_reset_at)
    VALUES (v_row.user_id, private.next_month_start(now()))
    ON CONFLICT (user_id) DO NOTHING;
    SELECT s.current_period_end INTO v_current FROM public.user_subscriptions AS s
    WHERE s.user_id = v_row.user_id FOR UPDATE;
    v_start := greatest(now(), coalesce(v_current, now()));
    v_end := private.add_months_ist(
        v_start, coalesce((SELECT p.months FROM private.plans AS p WHERE p.plan = v_row.plan), 1));

    UPDATE public.user_subscriptions SET tier = 'paid', current_period_end = v_end
    WHERE user_id = v_row.user_id;
    UPDATE public.payment_events SET
        status = 'captured', razorpay_payment_id = p_payment_id,
        razorpay_signature = coalesce(p_signature, razorpay_signature),
        period_start = v_start, period_end = v_end,
        payload = payload || jsonb_build_object('payment', coalesce(p_payment, '{}'))
    WHERE id = v_row.id;
    RETURN jsonb_build_object('outcome', 'upgraded', 'user_id', v_row.user_id, 'period_end', v_end);
END
$$;

-- A payment attempt failed. The order stays open (the buyer may try again); a failure that
-- arrives after the capture (events come in any order) changes nothing.
CREATE OR REPLACE FUNCTION private.payments_fail(
    p_order_id text, p_payment_id text, p_payment jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_row public.payment_events;
BEGIN
    SELECT * INTO v_row FROM public.payment_events AS e
    WHERE e.razorpay_order_id = p_order_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'unknown_order');
    ELSIF v_row.status IN ('captured', 'refunded') THEN
        RETURN jsonb_build_object('outcome', 'already_' || v_row.status);
    ELSIF EXISTS (SELECT FROM public.payment_events AS e
                  WHERE e.razorpay_payment_id = p_payment_id AND e.id <> v_row.id) THEN
        RETURN jsonb_build_object('outcome', 'payment_of_another_order');
    END IF;
    UPDATE public.payment_events SET
        status = 'failed', razorpay_payment_id = p_payment_id,
        payload = payload || jsonb_build_object('payment', coalesce(p_payment, '{}'))
    WHERE id = v_row.id;
    RETURN jsonb_build_object('outcome', 'failed', 'user_id', v_row.user_id);
END
$$;

-- A refund processed for a payment. A full refund takes back the period the payment bought:
-- the period end moves back by its length, so refunding the current period ends the paid
-- tier now, and refunding a period already used up changes nothing. A partial refund (a
-- goodwill gesture) leaves the tier. A refund seen before its capture marks the order
-- refunded, so the late capture cannot upgrade.
CREATE OR REPLACE FUNCTION private.payments_refund(
    p_order_id text, p_payment_id text, p_refunded_paise integer, p_refund jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_row public.payment_events;
    v_end timestamptz;
BEGIN
    SELECT * INTO v_row FROM public.payment_events AS e
    WHERE e.razorpay_order_id = p_order_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'unknown_order');
    ELSIF v_row.status = 'refunded' THEN
        RETURN jsonb_build_object('outcome', 'already_refunded');
    ELSIF v_row.status = 'captured' AND v_row.razorpay_payment_id IS DISTINCT FROM p_payment_id THEN
        RETURN jsonb_build_object('outcome', 'refund_of_another_payment');
    ELSIF coalesce(p_refunded_paise, 0) < v_row.amount_paise THEN
        UPDATE public.payment_events
        SET payload = payload || jsonb_build_object('refund', coalesce(p_refund, '{}'))
        WHERE id = v_row.id;
        RETURN jsonb_build_object('outcome', 'partial_refund', 'user_id', v_row.user_id);
    END IF;

    IF v_row.status = 'captured' AND v_row.period_end > now() THEN
        UPDATE public.user_subscriptions AS s
        SET current_period_end = s.current_period_end - (v_row.period_end - v_row.period_start)
        WHERE s.user_id = v_row.user_id
        RETURNING s.current_period_end INTO v_end;
        UPDATE public.user_subscriptions
        SET tier = CASE WHEN v_end > now() THEN 'paid' ELSE 'free' END
        WHERE user_id = v_row.user_id;
    END IF;
    UPDATE public.payment_events SET
        status = 'refunded', razorpay_payment_id = coalesce(razorpay_payment_id, p_payment_id),
        payload = payload || jsonb_build_object('refund', coalesce(p_refund, '{}'))
    WHERE id = v_row.id;
    RETURN jsonb_build_object('outcome', 'refunded', 'user_id', v_row.user_id,
                              'period_end', v_end);
END
$$;

-- One webhook delivery, verified by the service: counted in webhook_logs and, the first time
-- its event id is seen (or again after a delivery that failed), applied, all in the caller's
-- transaction. Answers {"duplicate": bool, "outcome"}.
CREATE OR REPLACE FUNCTION private.payments_webhook(
    p_event_id text, p_event_type text, p_event jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_status text;
    v_payment jsonb := p_event #> '{payload,payment,entity}';
    v_refund jsonb := p_event #> '{payload,refund,entity}';
    v_order jsonb := p_event #> '{payload,order,entity}';
    v_result jsonb;
    v_done boolean;
BEGIN
    INSERT INTO public.webhook_logs AS w (source, event_id, event_type, payload)
    VALUES ('razorpay', p_event_id, p_event_type, p_event)
    ON CONFLICT (event_id) DO UPDATE SET deliveries = w.deliveries + 1, last_received_at = now()
    RETURNING w.status INTO v_status;
    IF v_status NOT IN ('received', 'failed') THEN
        RETURN jsonb_build_object('duplicate', true, 'outcome', v_status);
    END IF;

    IF p_event_type IN ('payment.captured', 'order.paid') THEN
        v_result := private.payments_capture(
            coalesce(v_order ->> 'id', v_payment ->> 'order_id'), v_payment ->> 'id',
            (v_payment ->> 'amount')::integer, NULL, v_payment);
    ELSIF p_event_type = 'payment.failed' THEN
        v_result := private.payments_fail(v_payment ->> 'order_id', v_payment ->> 'id', v_payment);
    ELSIF p_event_type = 'refund.processed' THEN
        v_result := private.payments_refund(
            v_payment ->> 'order_id', coalesce(v_refund ->> 'payment_id', v_payment ->> 'id'),
            coalesce((v_payment ->> 'amount_refunded')::integer, (v_refund ->> 'amount')::integer),
            v_refund);
    ELSE
        v_result := jsonb_build_object('outcome', 'not_handled');
    END IF;
    v_done := v_result ->> 'outcome' IN ('upgraded', 'failed', 'refunded', 'partial_refund');
    UPDATE public.webhook_logs SET
        status = CASE WHEN v_done THEN 'processed' ELSE 'ignored' END,
        error = CASE WHEN v_done THEN NULL ELSE v_result ->> 'outcome' END,
        processed_at = now()
    WHERE event_id = p_event_id;
    RETURN jsonb_build_object('duplicate', false) || v_result;
END
$$;

-- Anything else worth keeping in webhook_logs: refused deliveries (bad signature, under a
-- fresh id: their event id is not trusted), failed checkouts, and deliveries whose
-- processing failed (so that a retry is processed again).
CREATE OR REPLACE FUNCTION private.payments_log(
    p_source text, p_event_id text, p_event_type text, p_payload jsonb, p_status text,
    p_error text
) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = ''
AS $$
    INSERT INTO public.webhook_logs AS w
        (source, event_id, event_type, payload, status, error, processed_at)
    VALUES (p_source, coalesce(p_event_id, p_source || ':' || gen_random_uuid()),
            left(coalesce(p_event_type, 'unknown'), 100), p_payload, p_status,
            left(p_error, 1000), now())
    ON CONFLICT (event_id) DO UPDATE SET
        deliveries = w.deliveries + 1, last_received_at = now(),
        status = CASE WHEN w.status IN ('processed', 'ignored') THEN w.status ELSE p_status END,
        error = CASE WHEN w.status IN ('processed', 'ignored') THEN w.error ELSE left(p_error, 1000) END
$$;

-- Orders still open (created, or with a failed attempt) made in the last `p_within`: what
-- reconciliation asks Razorpay about.
CREATE OR REPLACE FUNCTION private.payments_open_orders(p_within interval)
RETURNS TABLE (order_id text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
    SELECT e.razorpay_order_id FROM public.payment_events AS e
    WHERE e.status IN ('created', 'failed') AND e.created_at > now() - p_within
    ORDER BY e.created_at
$$;

-- Paid tiers whose period has ended are written back as free (get_entitlement already says
-- so; this keeps the synced copy plain). Returns how many.
CREATE OR REPLACE FUNCTION private.payments_expire() RETURNS integer
LANGUAGE sql SECURITY DEFINER
SET search_path = ''
AS $$
    WITH ended AS (
        UPDATE public.user_subscriptions SET tier = 'free'
        WHERE tier = 'paid' AND (current_period_end IS NULL OR current_period_end <= now())
        RETURNING 1
    )
    SELECT count(*)::integer FROM ended
$$;

CREATE INDEX IF NOT EXISTS payment_events_open ON public.payment_events (created_at)
    WHERE status IN ('created', 'failed');

DO $$
DECLARE
    v_function regprocedure;
BEGIN
    FOR v_function IN
        SELECT p.oid::regprocedure FROM pg_catalog.pg_proc AS p
        WHERE p.pronamespace = 'private'::regnamespace AND p.proname LIKE 'payments\_%'
    LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', v_function);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO payments_service', v_function);
    END LOOP;
END
$$;
