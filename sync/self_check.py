"""The sync half of `practicecraft --self-test`: the Supabase client packages load and make a
client (in a bundle, proof that PyInstaller collected them). Nothing is sent anywhere."""

from __future__ import annotations

import httpx
from supabase import __version__ as supabase_version

from sync.session import auth_client
from sync.settings import Connection

# A server address on this computer that is never asked: making a client sends nothing.
NOWHERE = Connection.checked("http://127.0.0.1:9", "self-test-anon-key-never-sent")


def check_client() -> str:
    """Make the sign-in client the app uses; returns a one-line note."""
    with httpx.Client() as http:
        client = auth_client(NOWHERE, http)
        client.auth.get_session()  # in memory only: no request
    return f"supabase {supabase_version}: the sign-in client is made (nothing sent)"
