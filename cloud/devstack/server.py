"""The devstack's HTTP server: Supabase's gateway, `/auth/v1` and `/rest/v1` in one app.

`create_app` builds the ASGI app over a database; `DevCloud` runs it with uvicorn on a thread
at 127.0.0.1 for tests and benchmarks. For development and tests only: production is Supabase.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from typing import Any, Protocol

import psycopg
import uvicorn
from psycopg.rows import dict_row
from starlette.applications import Starlette
from starlette.datastructures import Headers, QueryParams
from starlette.responses import JSONResponse
from starlette.routing import Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from cloud.devstack import keys
from cloud.devstack.auth import AuthService, AuthSettings
from cloud.devstack.rest import RestService

AUTH_ROLE = "supabase_auth_admin"
API_ROLE = "authenticator"


class Database(Protocol):
    """Where to connect as a given login role; `LocalPostgres` is one."""

    def dsn(self, user: str) -> str: ...


class PoolTimeout(TimeoutError):
    """Every connection of a pool stayed busy for the whole wait."""


class ConnectionPool:
    """A few autocommit connections as one role, shared by the request threads.

    A connection goes back to the pool only when it is idle and healthy; one left broken or in
    a transaction is closed, so the next request never inherits another's state.
    """

    def __init__(self, conninfo: str, size: int = 8, wait: float = 30.0) -> None:
        self._conninfo = conninfo
        self._slots = threading.BoundedSemaphore(size)
        self._wait = wait
        self._idle: list[psycopg.Connection[dict[str, Any]]] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextlib.contextmanager
    def connection(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        if not self._slots.acquire(timeout=self._wait):
            raise PoolTimeout(f"no free database connection within {self._wait:.0f} s")
        try:
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None:
                conn = psycopg.connect(self._conninfo, autocommit=True, row_factory=dict_row)
            try:
                yield conn
            finally:
                self._put_back(conn)
        finally:
            self._slots.release()

    def _put_back(self, conn: psycopg.Connection[dict[str, Any]]) -> None:
        idle = psycopg.pq.TransactionStatus.IDLE
        with self._lock:
            if not self._closed and not conn.closed and conn.info.transaction_status == idle:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


_NO_API_KEY = {
    "message": "No API key found in request",
    "hint": "No `apikey` request header or url param was found.",
}
_INVALID_API_KEY = {
    "message": "Invalid API key",
    "hint": "Double check your Supabase `anon` or `service_role` API key.",
}


class Gateway:
    """Supabase's API gateway in front of Auth and PostgREST.

    A request to `/auth/v1` or `/rest/v1` needs a valid API key (`apikey` header or query
    parameter: the anon or service_role key), else 401 in the gateway's words; a request with no
    Authorization of its own is passed on with `Bearer <api key>`. Like the gateway, it appends
    the caller's address to `X-Forwarded-For`, where the database can read it.
    """

    OPEN_PATHS = ("/auth/v1/health",)

    def __init__(self, app: ASGIApp, jwt_secret: str) -> None:
        self._app = app
        self._secret = jwt_secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        guarded = path.startswith(("/auth/v1/", "/rest/v1/")) and path not in self.OPEN_PATHS
        if scope["type"] != "http" or not guarded:
            await self._app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get("apikey") or QueryParams(scope.get("query_string", b"")).get("apikey")
        if not key:
            await JSONResponse(_NO_API_KEY, status_code=401)(scope, receive, send)
            return
        if keys.api_key_role(key, self._secret) is None:
            await JSONResponse(_INVALID_API_KEY, status_code=401)(scope, receive, send)
            return
        added = [(b"x-forwarded-for", _forwarded_for(headers, scope).encode())]
        if "authorization" not in headers:
            added.append((b"authorization", b"Bearer " + key.encode()))
        kept = [(k, v) for k, v in scope["headers"] if k.lower() != b"x-forwarded-for"]
        await self._app({**scope, "headers": [*kept, *added]}, receive, send)


def _forwarded_for(headers: Headers, scope: Scope) -> str:
    """The proxies' chain with this caller's address at its end, as a reverse proxy adds it."""
    client = scope.get("client")
    address = client[0] if client else "unknown"
    before = headers.get("x-forwarded-for")
    return f"{before}, {address}" if before else address


def create_app(
    database: Database,
    jwt_secret: str,
    public_url: str,
    access_token_lifetime: int = 3600,
    pool_size: int = 8,
    refresh_reuse_interval: float = 0.0,
) -> Starlette:
    """The devstack app: auth writes as `supabase_auth_admin`, RPCs as `authenticator`."""
    auth_pool = ConnectionPool(_named(database.dsn(user=AUTH_ROLE), "auth"), pool_size)
    api_pool = ConnectionPool(_named(database.dsn(user=API_ROLE), "rest"), pool_size)
    settings = AuthSettings(
        jwt_secret, f"{public_url}/auth/v1", access_token_lifetime, refresh_reuse_interval
    )

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            auth_pool.close()
            api_pool.close()

    app = Starlette(
        routes=[
            Mount("/auth/v1", routes=AuthService(auth_pool.connection, settings).routes()),
            Mount("/rest/v1", routes=RestService(api_pool.connection, jwt_secret).routes()),
        ],
        lifespan=lifespan,
    )
    app.add_middleware(Gateway, jwt_secret=jwt_secret)
    return app


def listening_socket(port: int) -> socket.socket:
    """A socket bound to 127.0.0.1:`port` (0: a free one) for uvicorn to serve on.

    The protocol is named explicitly: asyncio sets TCP_NODELAY only on sockets whose `proto`
    is IPPROTO_TCP, and without it every answer waits ~40 ms for the client's delayed ACK.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    return listener


def _named(dsn: str, part: str) -> str:
    """The DSN with an application_name, so the server's sessions are easy to tell apart."""
    return psycopg.conninfo.make_conninfo(dsn, application_name=f"practicecraft-devstack-{part}")


class DevCloud:
    """The devstack on a background thread at 127.0.0.1 and a free port, for tests and bench.

    `start()` returns once the server answers; `stop()` ends it and closes its connections.
    The database must already have Supabase's base and the migrations (`cloud.migrations`).
    """

    def __init__(
        self,
        database: Database,
        *,
        jwt_secret: str | None = None,
        port: int = 0,
        access_token_lifetime: int = 3600,
        refresh_reuse_interval: float = 0.0,
    ) -> None:
        self.jwt_secret = jwt_secret or keys.new_jwt_secret()
        self.anon_key = keys.anon_key(self.jwt_secret)
        self.service_key = keys.service_key(self.jwt_secret)
        self._database = database
        self._port = port
        self._lifetime = access_token_lifetime
        self._reuse_interval = refresh_reuse_interval
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def start(self, timeout: float = 15.0) -> DevCloud:
        listener = listening_socket(self._port)
        self.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        app = create_app(
            self._database,
            self.jwt_secret,
            self.url,
            self._lifetime,
            refresh_reuse_interval=self._reuse_interval,
        )
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, timeout_graceful_shutdown=5
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [listener]}, name="devcloud", daemon=True
        )
        self._thread.start()
        self._wait_until_answering(timeout)
        return self

    def _wait_until_answering(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._thread is None or not self._thread.is_alive():
                raise RuntimeError("the devstack server stopped while starting (see its log)")
            try:
                with urllib.request.urlopen(f"{self.url}/auth/v1/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"the devstack server did not answer at {self.url} in {timeout:.0f} s")

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout=10)

    def __enter__(self) -> DevCloud:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
