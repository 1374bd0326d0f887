-- The server keeps its own rules: a signed-in user writes synced tables only through sync_push.
--
-- Supabase exposes every table through PostgREST's table endpoints, which run plain INSERT,
-- UPDATE and DELETE as `authenticated`. With the owner policies alone, a user could so stamp a
-- row in the year 2286 (no device could ever edit it again), rewrite a consent record or a
-- certificate, hard-delete rows without a tombstone, or plant an "applied" answer in
-- sync_mutations so that a real push wrote nothing. So:
--   * anon and authenticated may only read these tables (Row Level Security still decides
--     which rows);
--   * the one writer is `sync_writer`, a role nobody logs in as: sync_push runs as it (a
--     SECURITY DEFINER function in the unexposed `private` schema, see the next migrations).
--     It is a member of `authenticated`, so the same owner policies apply to every row it
--     touches, with `auth.uid()` read from the caller's own JWT claims;
--   * even sync_writer may not DELETE (tombstones only), may change only the tombstone of an
--     append-only row, and never an id, owner or creation time (column grants below, and the
--     guard trigger for every writer, the service role included);
--   * ids are unique per account: the primary key is (owner_id, id), so one account's ids say
--     nothing about, and can never collide with, another's (ARCHITECTURE §4).
-- Also: the API roles get Supabase's statement timeouts (anon 3 s, authenticated 8 s), which
-- PostgREST applies to each request as the impersonated role's settings.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'sync_writer') THEN
        CREATE ROLE sync_writer NOLOGIN INHERIT;
    END IF;
    -- On Supabase the migrations run as `postgres`, which is no superuser: it must be able to
    -- act as the role to make it own functions.
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT sync_writer TO %I', current_user);
    END IF;
END
$$;
GRANT authenticated TO sync_writer;

ALTER ROLE anon SET statement_timeout = '3s';
ALTER ROLE authenticated SET statement_timeout = '8s';

-- Which columns sync_writer may set on an existing row: every own column of an editable row,
-- only the tombstone (and the clock stamp that goes with it) of an append-only one.
CREATE OR REPLACE FUNCTION private.grant_writes(p_table text, p_kind text) RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    v_columns text;
BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON public.%I FROM anon, authenticated', p_table);
    EXECUTE format('REVOKE ALL ON public.%I FROM sync_writer', p_table);
    EXECUTE format('GRANT INSERT ON public.%I TO sync_writer', p_table);
    IF p_kind = 'editable' THEN
        SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum) INTO v_columns
        FROM pg_catalog.pg_attribute AS a
        WHERE a.attrelid = ('public.' || p_table)::regclass AND a.attnum > 0
          AND NOT a.attisdropped
          AND a.attname NOT IN ('id', 'owner_id', 'created_at', 'updated_at', 'change_seq', 'change_xid');
    ELSE
        v_columns := 'deleted_at, hlc';
    END IF;
    EXECUTE format('GRANT UPDATE (%s) ON public.%I TO sync_writer', v_columns, p_table);
END
$$;
REVOKE ALL ON FUNCTION private.grant_writes(text, text) FROM PUBLIC;

-- The rules every writer keeps, whoever it is: a clock stamp at most a day ahead of the
-- server's clock; an id, owner and creation time that never change; a tombstone never lifted.
CREATE OR REPLACE FUNCTION private.guard_synced_row() RETURNS trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
    IF left(NEW.hlc, 13)::bigint > (extract(epoch FROM now()) * 1000)::bigint + 86400000 THEN
        RAISE EXCEPTION 'the clock stamp % is more than a day ahead of the server', NEW.hlc
            USING ERRCODE = '23514';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.id, NEW.owner_id, NEW.created_at) IS DISTINCT FROM (OLD.id, OLD.owner_id, OLD.created_at) THEN
            RAISE EXCEPTION 'a row keeps its id, owner and creation time' USING ERRCODE = '23514';
        END IF;
        IF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
            RAISE EXCEPTION 'a deleted row stays deleted' USING ERRCODE = '23514';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

-- The primary key (owner_id, id): ids are unique per account.
CREATE OR REPLACE FUNCTION private.key_by_owner(p_table text) RETURNS void
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    v_key text[];
    v_name text;
BEGIN
    SELECT array_agg(a.attname::text ORDER BY k.n), c.conname INTO v_key, v_name
    FROM pg_catalog.pg_constraint AS c
    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
    WHERE c.conrelid = ('public.' || p_table)::regclass AND c.contype = 'p'
    GROUP BY c.conname;
    IF v_key IS DISTINCT FROM ARRAY['owner_id', 'id'] THEN
        EXECUTE format('ALTER TABLE public.%I DROP CONSTRAINT %I', p_table, v_name);
        EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I PRIMARY KEY (owner_id, id)',
                       p_table, p_table || '_pkey');
    END IF;
END
$$;
REVOKE ALL ON FUNCTION private.key_by_owner(text) FROM PUBLIC;

SELECT private.grant_writes(name, kind), private.key_by_owner(name)
FROM private.sync_tables WHERE kind <> 'server_owned';

DO $$
DECLARE
    v_table text;
BEGIN
    FOR v_table IN SELECT name FROM private.sync_tables WHERE kind <> 'server_owned' LOOP
        EXECUTE format(
            'CREATE OR REPLACE TRIGGER guard_synced_row BEFORE INSERT OR UPDATE ON public.%I '
            'FOR EACH ROW EXECUTE FUNCTION private.guard_synced_row()', v_table);
    END LOOP;
END
$$;

-- The answers sync_push gives: read by their owner, written only by sync_push.
REVOKE INSERT, UPDATE, DELETE ON public.sync_mutations FROM anon, authenticated;
REVOKE ALL ON public.sync_mutations FROM sync_writer;
GRANT INSERT ON public.sync_mutations TO sync_writer;
