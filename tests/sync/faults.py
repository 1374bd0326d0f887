"""Faults at the HTTP layer, between a device's sync client and the devstack.

`FaultyTransport` wraps httpx's real transport. Each request to the sync functions (or the auth
token endpoint) may be given a fault: dropped before the server sees it, its answer lost after
the server committed, a 401 as for an expired token, a 500, or a timeout. Faults are queued by
the test and consumed in order, so a run is reproducible and its trace readable.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

import httpx


class Fault(Enum):
    NONE = "no fault"  # lets a request through, so a later one gets the fault
    DROP_REQUEST = "request dropped before the server"
    DROP_RESPONSE = "response lost after the server committed"
    UNAUTHORIZED = "401 (token expired)"
    SERVER_ERROR = "500"
    TIMEOUT = "timeout before the server"


def affected(request: httpx.Request) -> bool:
    path = request.url.path
    return path.startswith("/rest/v1/rpc/sync_") or path.startswith("/auth/v1/token")


@dataclass
class FaultyTransport(httpx.BaseTransport):
    """httpx's transport with faults injected into the requests `affected` picks."""

    inner: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport)
    pending: deque[Fault] = field(default_factory=deque)
    offline: bool = False  # every request fails as if the network were down
    log: list[str] = field(default_factory=list)
    hook: Callable[[httpx.Request], None] | None = None  # called before each request is sent
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def inject(self, *faults: Fault) -> None:
        with self._lock:
            self.pending.extend(faults)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.hook is not None:
            self.hook(request)
        if self.offline:
            self.log.append(f"offline: {request.url.path}")
            raise httpx.ConnectError("network is unreachable", request=request)
        fault = self._next(request)
        if fault is Fault.UNAUTHORIZED and not request.url.path.startswith("/rest/"):
            fault = Fault.SERVER_ERROR  # the token endpoint itself: fail it as a busy server
        if fault is not None and fault is not Fault.NONE:
            self.log.append(f"{fault.value}: {request.url.path}")
        if fault is Fault.DROP_REQUEST:
            raise httpx.ConnectError("connection refused", request=request)
        if fault is Fault.TIMEOUT:
            raise httpx.ReadTimeout("timed out", request=request)
        if fault is Fault.SERVER_ERROR:
            body = {"code": "XX000", "message": "injected fault", "details": None, "hint": None}
            return httpx.Response(500, json=body, request=request)
        if fault is Fault.UNAUTHORIZED and request.url.path.startswith("/rest/"):
            body = {"code": "PGRST303", "message": "JWT expired", "details": None, "hint": None}
            return httpx.Response(401, json=body, request=request)
        response = self.inner.handle_request(request)
        if fault is Fault.DROP_RESPONSE:
            response.read()
            response.close()
            raise httpx.ReadError("connection reset after the server answered", request=request)
        return response

    def _next(self, request: httpx.Request) -> Fault | None:
        with self._lock:
            if not self.pending or not affected(request):
                return None
            return self.pending.popleft()

    def close(self) -> None:
        self.inner.close()
