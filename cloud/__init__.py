"""What runs in the cloud: Supabase migrations (SQL, RLS, RPC), payments service, devstack."""
