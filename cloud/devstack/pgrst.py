"""What every `/rest/v1` request shares: PostgREST's roles, request settings and errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import psycopg
from psycopg import sql
from starlette.requests import Request
from starlette.responses import JSONResponse

from cloud.devstack import keys

Connection = psycopg.Connection[dict[str, Any]]
Connect = Callable[[], AbstractContextManager[Connection]]

API_ROLES = ("anon", "authenticated", "service_role")
JSON_TYPE = "application/json; charset=utf-8"

# PostgREST's table of SQLSTATE to HTTP status; the first matching prefix wins. Note that a
# serialization failure (40001) or deadlock (40P01) is a 500 there, not a 409.
_STATUS_BY_SQLSTATE = [
    ("23503", 409), ("23505", 409), ("25006", 405), ("53400", 500), ("P0001", 400),
    ("42883", 404), ("42P01", 404), ("42P17", 500),
    ("08", 503), ("09", 500), ("0L", 403), ("0P", 403), ("25", 500), ("28", 403),
    ("2D", 500), ("38", 500), ("39", 500), ("3B", 500), ("40", 500), ("53", 503),
    ("54", 500), ("55", 500), ("57", 500), ("58", 500), ("F0", 500), ("HV", 500),
    ("P0", 500), ("XX", 500),
]  # fmt: skip


class RestError(Exception):
    """An answer in PostgREST's shape: `{code, message, details, hint}` with a status."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: str | None = None,
        hint: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details, self.hint, self.headers = details, hint, headers or {}

    def response(self) -> JSONResponse:
        body = {"code": self.code, "details": self.details, "hint": self.hint,
                "message": self.message}  # fmt: skip
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def http_status(sqlstate: str, role: str) -> int:
    """The status PostgREST answers a database error with."""
    if sqlstate == "42501":
        return 401 if role == "anon" else 403
    if sqlstate.startswith("PT") and sqlstate[2:].isdigit():
        return int(sqlstate[2:])
    for prefix, status in _STATUS_BY_SQLSTATE:
        if sqlstate.startswith(prefix):
            return status
    return 400


def database_error(error: psycopg.Error, role: str) -> RestError:
    diag = error.diag
    if not error.sqlstate:  # the connection itself failed
        return RestError(503, "PGRST001", f"Database client error: {error}")
    return RestError(
        http_status(error.sqlstate, role),
        error.sqlstate,
        diag.message_primary or str(error),
        diag.message_detail,
        diag.message_hint,
    )


def request_claims(request: Request, secret: str) -> dict[str, Any]:
    """The verified claims of the bearer token (the gateway puts the API key there when a
    request has no Authorization of its own)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return {"role": "anon"}
    try:
        claims = keys.decode(token.strip(), secret)
    except keys.InvalidToken as error:
        raise RestError(
            401,
            "PGRST301",
            str(error),
            headers={"WWW-Authenticate": _bearer_challenge(str(error))},
        ) from error
    role = claims.get("role", "anon")
    if role not in API_ROLES:
        raise RestError(403, "42501", f'permission denied to set role "{role}"')
    return claims


# The impersonated role's own settings (ALTER ROLE ... SET), for this transaction only: this is
# how PostgREST gives `authenticated` its statement_timeout although it logs in as authenticator.
_ROLE_SETTINGS = """
SELECT set_config(split_part(s.setting, '=', 1),
                  substr(s.setting, strpos(s.setting, '=') + 1), true)
FROM pg_catalog.pg_db_role_setting AS d
CROSS JOIN LATERAL unnest(d.setconfig) AS s(setting)
WHERE d.setrole = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = %(role)s)
  AND d.setdatabase IN (0, (SELECT oid FROM pg_catalog.pg_database
                            WHERE datname = current_database()))
ORDER BY d.setdatabase
"""


def impersonate(conn: Connection, claims: dict[str, Any], request: Request) -> None:
    """Become the request's role in the open transaction, as PostgREST does before each query."""
    role = str(claims["role"])
    conn.execute(_ROLE_SETTINGS, {"role": role})
    conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(role)))
    headers = {name.lower(): value for name, value in request.headers.items()}
    conn.execute(
        "SELECT set_config('request.jwt.claims', %s, true), "
        "set_config('request.headers', %s, true), "
        "set_config('request.method', %s, true), "
        "set_config('request.path', %s, true)",
        (json.dumps(claims), json.dumps(headers), request.method, request.url.path),
    )


def _bearer_challenge(reason: str) -> str:
    return f'Bearer error="invalid_token", error_description="{reason}"'
