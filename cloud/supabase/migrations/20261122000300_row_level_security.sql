-- Row Level Security: the only thing between one family's children and another's.
--
-- Every table in `public` has RLS on, so with no policy nothing is allowed. Then one policy per
-- operation, `TO authenticated` (an anon caller is turned away before any row is looked at),
-- comparing `(select auth.uid())` (evaluated once per statement, not once per row) with the
-- owner column, which leads an index on every table. UPDATE has WITH CHECK as well as USING, so
-- a row cannot be moved to another owner; INSERT has WITH CHECK, so nobody inserts for someone
-- else. Server-owned tables get a SELECT policy only: the service role (which bypasses RLS) is
-- the only writer. TRUNCATE ignores RLS, so the API roles may not truncate anything.

CREATE OR REPLACE FUNCTION private.create_owner_policies(
    p_table text, p_owner text, p_operations text[]
) RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    operation text;
    policy text;
    owner_test text := format('(SELECT auth.uid()) = %I', p_owner);
BEGIN
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', p_table);
    FOREACH operation IN ARRAY p_operations LOOP
        policy := format('%s_%s_own', p_table, lower(operation));
        CONTINUE WHEN EXISTS (
            SELECT FROM pg_policies
            WHERE schemaname = 'public' AND tablename = p_table AND policyname = policy
        );
        EXECUTE format(
            'CREATE POLICY %I ON public.%I FOR %s TO authenticated %s',
            policy, p_table, operation,
            CASE operation
                WHEN 'SELECT' THEN format('USING (%s)', owner_test)
                WHEN 'DELETE' THEN format('USING (%s)', owner_test)
                WHEN 'INSERT' THEN format('WITH CHECK (%s)', owner_test)
                WHEN 'UPDATE' THEN format('USING (%s) WITH CHECK (%s)', owner_test, owner_test)
            END
        );
    END LOOP;
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON public.%I FROM anon, authenticated', p_table);
END
$$;

-- Synced tables: the owner does everything with their own rows (sync_push runs as the user).
SELECT private.create_owner_policies(name, 'owner_id', ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'])
FROM private.sync_tables WHERE kind <> 'server_owned';

-- Server-owned tables: readable by their owner, written by the service role only.
SELECT private.create_owner_policies(name, 'user_id', ARRAY['SELECT'])
FROM private.sync_tables WHERE kind = 'server_owned';
REVOKE INSERT, UPDATE, DELETE ON public.user_subscriptions, public.payment_events
    FROM anon, authenticated;

-- Webhook logs have no owner: RLS on with no policy, and no grant to the API roles at all.
ALTER TABLE public.webhook_logs ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.webhook_logs FROM anon, authenticated;

REVOKE ALL ON FUNCTION private.create_owner_policies(text, text, text[]) FROM PUBLIC;
