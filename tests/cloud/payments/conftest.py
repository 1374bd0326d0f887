"""The payments service run for real: uvicorn on loopback, the stand-in Razorpay, real Postgres.

The service connects as `payments_tester`, a login role whose only rights are those of
`payments_service` (calling the `private.payments_*` functions), as a deployment would.
Access tokens are the devstack's: HS256 JWTs with Supabase's claims, signed with a secret the
service is given as SUPABASE_JWT_SECRET.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import psycopg
import pytest
import uvicorn

from cloud.devstack import keys
from cloud.devstack.postgres import LocalPostgres
from cloud.devstack.server import listening_socket
from cloud.payments.app import create_app
from cloud.payments.config import Settings
from tests.cloud.conftest import new_user
from tests.cloud.payments.standin import RazorpayStandIn

SERVICE_LOGIN = "payments_tester"


@pytest.fixture(scope="session")
def service_dsn(postgres: LocalPostgres) -> str:
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'payments_tester') "
            "THEN CREATE ROLE payments_tester LOGIN IN ROLE payments_service; END IF; END $$"
        )
    return postgres.url(user=SERVICE_LOGIN)


@pytest.fixture(scope="session")
def razorpay_account() -> Iterator[RazorpayStandIn]:
    """One Razorpay account for the session, as production has: it knows every order made."""
    standin = RazorpayStandIn().start()
    try:
        yield standin
    finally:
        standin.stop()


@pytest.fixture
def razorpay(razorpay_account: RazorpayStandIn) -> Iterator[RazorpayStandIn]:
    """The account, answering normally again after each test."""
    try:
        yield razorpay_account
    finally:
        razorpay_account.fail_creates_with = None
        razorpay_account.delay = 0.0


class RunningService:
    """The payments app under uvicorn on a thread at 127.0.0.1 and a free port."""

    def __init__(self, settings: Settings) -> None:
        self._listener = listening_socket(0)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.settings = replace(settings, public_url=self.url)
        config = uvicorn.Config(
            create_app(self.settings),
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._listener]}, daemon=True
        )

    def start(self, ready_status: int = 200) -> RunningService:
        """Started once /v1/health answers `ready_status` (503: its database is away)."""
        self._thread.start()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/v1/health", timeout=5) as answer:
                    if answer.status == ready_status:
                        return self
            except urllib.error.HTTPError as answer:
                if answer.code == ready_status:
                    return self
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        raise RuntimeError("the payments service did not start")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def settings_for(razorpay: RazorpayStandIn, dsn: str, **changes: Any) -> Settings:
    settings = Settings(
        key_id=razorpay.key_id,
        key_secret=razorpay.key_secret,
        webhook_secret=razorpay.webhook_secret,
        database_url=dsn,
        public_url="http://replaced-when-started",
        jwt_secret=JWT_SECRET,
        razorpay_base_url=razorpay.url,
        razorpay_timeout=2.0,
        reconcile_every=0,
    )
    return replace(settings, **changes)


JWT_SECRET = keys.new_jwt_secret()


def access_token(user_id: str, lifetime: int = 3600, secret: str = JWT_SECRET) -> str:
    """A Supabase access token for `user_id`, as the devstack's auth service makes one."""
    now = int(time.time())
    claims = {
        "sub": user_id,
        "role": "authenticated",
        "aud": "authenticated",
        "iat": now,
        "exp": now + lifetime,
        "email": f"{user_id[:8]}@example.test",
        "aal": "aal1",
        "session_id": user_id,
        "is_anonymous": False,
    }
    return keys.sign(claims, secret)


@pytest.fixture
def service(razorpay: RazorpayStandIn, service_dsn: str) -> Iterator[RunningService]:
    running = RunningService(settings_for(razorpay, service_dsn)).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def postgres_dsn(postgres: LocalPostgres) -> str:
    return postgres.dsn()


@pytest.fixture
def buyer(db: psycopg.Connection[dict[str, Any]]) -> str:
    """A signed-up user on the free tier."""
    return new_user(db)
