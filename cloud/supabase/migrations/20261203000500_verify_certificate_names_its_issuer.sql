-- verify_certificate says who issued a certificate, and guessing codes is throttled.
--
-- Anyone holding a printed certificate may check its code: they learn the child's name, the
-- chapter (its syllabus title, or the title an account gave its own chapter, marked
-- own_syllabus), the date, and who issued it: the school or family name of the account's
-- profile. A certificate of an account that has given neither is not confirmed: a verifier
-- could not tell who stands behind it. Certificates get here only through sync_push's checks
-- (20261203000300), with a code the server made.
--
-- Checks are counted per caller in windows of ten minutes: a signed-in caller by user id,
-- anyone else by the address the gateway saw (cf-connecting-ip on Supabase's platform, else
-- the last address of x-forwarded-for, which the nearest proxy appends). Beyond
-- `verify_per_caller` checks in a window, or once `verify_misses` checks by everyone together
-- found nothing in a window, the answer is HTTP 429 until the window ends: the second bound
-- holds even for someone with many addresses. With 30^10 possible codes, it keeps guessing a
-- code of any of a million certificates a matter of years.

INSERT INTO private.limits (name, value, meaning) VALUES
    ('verify_per_caller', 30, 'certificate checks one caller may make in a window'),
    ('verify_misses', 1000, 'checks that found nothing, by everyone, in a window'),
    ('verify_window_seconds', 600, 'the length of a window of certificate checks')
ON CONFLICT (name) DO NOTHING;

CREATE TABLE IF NOT EXISTS private.certificate_checks (
    caller text NOT NULL,          -- 'user:<id>', 'ip:<address>', or '*' for everyone's misses
    window_start timestamptz NOT NULL,
    checks integer NOT NULL DEFAULT 0,
    misses integer NOT NULL DEFAULT 0,
    PRIMARY KEY (caller, window_start)
);
CREATE INDEX IF NOT EXISTS certificate_checks_window ON private.certificate_checks (window_start);
REVOKE ALL ON private.certificate_checks FROM PUBLIC, anon, authenticated;

-- Who is asking: the signed-in user, else the caller's address as the gateway passed it on.
CREATE OR REPLACE FUNCTION private.certificate_checker() RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = ''
AS $$
DECLARE
    v_headers jsonb;
BEGIN
    IF auth.uid() IS NOT NULL THEN
        RETURN 'user:' || auth.uid();
    END IF;
    v_headers := nullif(current_setting('request.headers', true), '')::jsonb;
    RETURN 'ip:' || coalesce(
        nullif(btrim(v_headers ->> 'cf-connecting-ip'), ''),
        nullif(btrim(split_part(v_headers ->> 'x-forwarded-for', ',', -1)), ''),
        'unknown');
END
$$;

-- Count this check against the caller and everyone; HTTP 429 beyond the limits.
CREATE OR REPLACE FUNCTION private.count_certificate_check() RETURNS timestamptz
LANGUAGE plpgsql
SET search_path = ''
AS $$
DECLARE
    v_seconds bigint := private.limit_of('verify_window_seconds');
    v_window timestamptz := to_timestamp(floor(extract(epoch FROM now()) / v_seconds) * v_seconds);
    v_checks integer;
BEGIN
    DELETE FROM private.certificate_checks WHERE window_start < v_window - interval '1 day';
    INSERT INTO private.certificate_checks AS c (caller, window_start, checks)
    VALUES (private.certificate_checker(), v_window, 1)
    ON CONFLICT (caller, window_start) DO UPDATE SET checks = c.checks + 1
    RETURNING c.checks INTO v_checks;
    IF v_checks > private.limit_of('verify_per_caller') THEN
        RAISE EXCEPTION 'too many certificate checks from here: try again in a few minutes'
            USING ERRCODE = 'PT429';
    END IF;
    IF (SELECT c.misses FROM private.certificate_checks AS c
        WHERE c.caller = '*' AND c.window_start = v_window) >= private.limit_of('verify_misses') THEN
        RAISE EXCEPTION 'certificate checks are paused for a few minutes: too many codes were wrong'
            USING ERRCODE = 'PT429';
    END IF;
    RETURN v_window;
END
$$;

-- A previous version returned three columns; a function's columns cannot change in place.
DROP FUNCTION IF EXISTS public.verify_certificate(text);
DROP FUNCTION IF EXISTS private.verify_certificate(text);

CREATE OR REPLACE FUNCTION private.verify_certificate(p_code text)
RETURNS TABLE (name text, chapter text, issued_on date, issued_by text, own_syllabus boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_window timestamptz := private.count_certificate_check();
BEGIN
    RETURN QUERY
    SELECT ch.name, coalesce(k.title, c.chapter_title),
           (c.issued_at AT TIME ZONE 'Asia/Kolkata')::date, issuer.name, k.title IS NULL
    FROM public.certificates AS c
    JOIN public.children AS ch ON ch.owner_id = c.owner_id AND ch.id = c.child_id
    LEFT JOIN private.chapters AS k ON k.chapter_key = c.chapter_key
    CROSS JOIN LATERAL (
        SELECT coalesce(nullif(btrim(p.school_name), ''), nullif(btrim(p.display_name), ''))
        FROM public.user_profiles AS p
        WHERE p.owner_id = c.owner_id AND p.deleted_at IS NULL
        ORDER BY p.updated_at DESC LIMIT 1
    ) AS issuer (name)
    WHERE c.verification_code = upper(regexp_replace(coalesce(p_code, ''), '[^A-Za-z0-9]', '', 'g'))
      AND c.deleted_at IS NULL AND ch.deleted_at IS NULL AND issuer.name IS NOT NULL;
    IF NOT FOUND THEN
        INSERT INTO private.certificate_checks AS c (caller, window_start, misses)
        VALUES ('*', v_window, 1)
        ON CONFLICT (caller, window_start) DO UPDATE SET misses = c.misses + 1;
    END IF;
END
$$;
REVOKE ALL ON FUNCTION private.verify_certificate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION private.verify_certificate(text) TO anon, authenticated, service_role;
REVOKE ALL ON FUNCTION private.count_certificate_check() FROM PUBLIC;

-- Volatile: it counts the check, so (as PostgREST runs GET calls read-only) it takes POST.
CREATE OR REPLACE FUNCTION public.verify_certificate(p_code text)
RETURNS TABLE (name text, chapter text, issued_on date, issued_by text, own_syllabus boolean)
LANGUAGE sql SECURITY INVOKER
SET search_path = ''
AS $$
    SELECT v.name, v.chapter, v.issued_on, v.issued_by, v.own_syllabus
    FROM private.verify_certificate(p_code) AS v
$$;
REVOKE ALL ON FUNCTION public.verify_certificate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.verify_certificate(text) TO anon, authenticated, service_role;
