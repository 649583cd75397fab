CREATE OR REPLACE FUNCTION auth.uid()
RETURNS uuid
LANGUAGE sql
STABLE
AS $$
  -- The user id of the current request, as Supabase defines it: the "sub" claim of the JWT that
  -- PostgREST publishes per request, either as request.jwt.claim.sub or inside request.jwt.claims.
  -- NULL when there is no authenticated user (anon key, direct database connections).
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
