"""The cloud's sync functions over HTTP: `POST /rest/v1/rpc/sync_push | sync_pull | sync_counts`.

Requests carry the project's anon key and the signed-in user's access token, exactly as
supabase-py's `rpc()` sends them, on the same httpx client the auth client uses. A 401 renews
the token (through the session's single-flight refresher) and retries the step once. Failures
become the typed errors of `sync.errors`: the engine decides per kind what to keep and retry.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from sync.errors import Offline, ProtocolError, ServerBusy, SyncError, UpdateRequired
from sync.session import AuthSession
from sync.settings import Connection

SCHEMA_VERSION = 1  # the sync protocol this version speaks (the server accepts a range)
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


@dataclass(frozen=True)
class ServerClock:
    """The server's time as its `Date` header gave it, and how long the question took."""

    server_ms: int
    local_ms: int  # our wall clock half-way through the request
    round_trip_ms: int

    @property
    def offset_ms(self) -> int:
        """How far this device's clock is ahead of the server's (negative: behind)."""
        return self.local_ms - self.server_ms


@dataclass(frozen=True)
class PullPage:
    changes: list[dict[str, Any]]
    cursor: str
    has_more: bool
    size_bytes: int


class CloudApi:
    """The three sync functions and the clock, for one signed-in session."""

    def __init__(
        self,
        connection: Connection,
        session: AuthSession,
        http: httpx.Client,
        wall_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        self.connection = connection
        self.session = session
        self.http = http
        self._wall_ms = wall_ms
        self.bytes_sent = 0
        self.bytes_received = 0

    def server_clock(self) -> ServerClock:
        """Ask the auth server's health endpoint for the time (one cheap GET)."""
        before = self._wall_ms()
        response = self._send("GET", "/auth/v1/health", None, signed=False)
        after = self._wall_ms()
        date = response.headers.get("date")
        if not date:
            raise ProtocolError("the server sent no Date header to compare clocks with")
        server_ms = int(parsedate_to_datetime(date).timestamp() * 1000)
        # A Date header has whole seconds: count its middle, so the error is at most ±0.5 s.
        return ServerClock(server_ms + 500, (before + after) // 2, after - before)

    def push(self, device_id: str, mutations: list[dict[str, Any]]) -> dict[str, Any]:
        params = {"p_device_id": device_id, "p_schema_version": SCHEMA_VERSION,
                  "p_mutations": mutations}  # fmt: skip
        answer = self._rpc("sync_push", params)
        if not isinstance(answer, dict) or not isinstance(answer.get("results"), list):
            raise ProtocolError("sync_push answered without results")
        return answer

    def pull(self, cursor: str, limit: int) -> PullPage:
        response = self._call_rpc("sync_pull", {"p_cursor": cursor, "p_limit": limit})
        answer = _json(response)
        if not isinstance(answer, dict) or not isinstance(answer.get("changes"), list):
            raise ProtocolError("sync_pull answered without changes")
        return PullPage(
            answer["changes"], str(answer["cursor"]), bool(answer["has_more"]),
            len(response.content),
        )  # fmt: skip

    def counts(self) -> dict[str, dict[str, int]]:
        answer = self._rpc("sync_counts", {})
        if not isinstance(answer, dict):
            raise ProtocolError("sync_counts answered oddly")
        return answer

    def get_entitlement(self) -> dict[str, Any] | None:
        """The account's tier and quota (None from a server without payments yet)."""
        try:
            answer = self._rpc("get_entitlement", {})
        except NotFound:
            return None
        if not isinstance(answer, dict):
            raise ProtocolError("get_entitlement answered oddly")
        return answer

    def _rpc(self, function: str, params: dict[str, Any]) -> Any:
        return _json(self._call_rpc(function, params))

    def _call_rpc(self, function: str, params: dict[str, Any]) -> httpx.Response:
        body = json.dumps(params, ensure_ascii=False, separators=(",", ":")).encode()
        return self._send("POST", f"/rest/v1/rpc/{function}", body, signed=True)

    def _send(self, method: str, path: str, body: bytes | None, signed: bool) -> httpx.Response:
        asked = time.monotonic()
        token = self.session.access_token() if signed else None
        response = self._request(method, path, body, token)
        if response.status_code == 401 and token is not None:
            response = self._request(method, path, body, self.session.renew(since=asked))
        _raise_for(response)
        return response

    def _request(
        self, method: str, path: str, body: bytes | None, token: str | None
    ) -> httpx.Response:
        headers = {"apikey": self.connection.anon_key, "Accept": "application/json"}
        headers["Authorization"] = f"Bearer {token or self.connection.anon_key}"
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            response = self.http.request(
                method, self.connection.url + path, content=body, headers=headers, timeout=TIMEOUT
            )
        except httpx.TransportError as error:
            raise Offline(f"could not reach the sync server ({type(error).__name__})") from error
        self.bytes_sent += len(body or b"")
        self.bytes_received += len(response.content)
        return response


class NotFound(SyncError):
    """The server does not have this function (an older server)."""


def _raise_for(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    message = _message(response)
    if status == 426:
        raise UpdateRequired(
            "this version of PracticeCraft can no longer sync: please update it "
            "(your work stays saved on this computer)"
        )
    if status >= 500 or status in (408, 429):
        raise ServerBusy(f"the sync server had a problem ({status}): {message}")
    if status == 401:
        raise ServerBusy(f"the sync server refused the sign-in token twice: {message}")
    if status == 404:
        raise NotFound(f"the sync server has no such function ({status}): {message}")
    raise SyncError(f"the sync server refused the request ({status}): {message}")


def _message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        return str(body.get("message") or body.get("msg") or body)[:300]
    return str(body)[:300]


def _json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError as error:
        raise ProtocolError(f"the sync server sent something that is not JSON: {error}") from error
