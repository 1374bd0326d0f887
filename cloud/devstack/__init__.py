"""A stand-in for the part of Supabase PracticeCraft uses, for development and tests only.

Production is Supabase. Where Supabase's own services cannot run (no Docker), the devstack
serves the same HTTP API subset over a local PostgreSQL with Supabase's roles, JWT claims and
error shapes: Auth (`/auth/v1`: sign-up, password and refresh-token grants, user, logout, the
admin user calls) and PostgREST's `/rest/v1/rpc`. The official `supabase` client talks to it
unchanged, so the contract tests can run against it and against a real project alike.
"""
