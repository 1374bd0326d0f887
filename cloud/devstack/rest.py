"""`/rest/v1/rpc/{fn}`: PostgREST's function calls, with PostgREST's roles and errors.

Each request runs in one transaction on a connection as `authenticator`, which switches with
`SET LOCAL ROLE` to the role the JWT names (only `anon`, `authenticated` or `service_role`)
and publishes the claims in `request.jwt.claims`, where `auth.uid()` reads them. So Row Level
Security and the function grants decide what a caller may do, exactly as on Supabase.
Arguments are named (`public.fn(p_x => ...)`) and converted from JSON by PostgreSQL itself
(`json_to_record` with the function's own argument types), as PostgREST does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from cloud.devstack import keys

Connection = psycopg.Connection[dict[str, Any]]
Connect = Callable[[], AbstractContextManager[Connection]]

API_ROLES = ("anon", "authenticated", "service_role")
_JSON = "application/json; charset=utf-8"

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


@dataclass(frozen=True)
class Function:
    """One overload of a function in schema `public`, as the schema cache would hold it."""

    arguments: list[tuple[str, str]]  # (name, type) of the input arguments, in order
    required: int  # how many leading arguments have no default
    returns_set: bool
    returns_void: bool

    def accepts(self, given: set[str]) -> bool:
        names = [name for name, _ in self.arguments]
        return set(names[: self.required]) <= given <= set(names)


_OVERLOADS = """
SELECT p.proretset AS returns_set, p.prorettype = 'void'::regtype AS returns_void,
       p.pronargs - p.pronargdefaults AS required,
       coalesce((
           SELECT json_agg(json_build_array(a.name, format_type(a.type, NULL)) ORDER BY a.n)
           FROM unnest(
               coalesce(p.proallargtypes, p.proargtypes::oid[]),
               coalesce(p.proargmodes, array_fill('i'::"char", ARRAY[p.pronargs])),
               p.proargnames
           ) WITH ORDINALITY AS a(type, mode, name, n)
           WHERE a.mode IN ('i', 'b', 'v')
       ), '[]') AS arguments
FROM pg_catalog.pg_proc AS p
WHERE p.pronamespace = 'public'::regnamespace AND p.proname = %s AND p.prokind = 'f'
"""


def find_function(conn: Connection, name: str, given: set[str]) -> Function:
    """The overload of `public.<name>` that takes exactly these named arguments."""
    found = [
        Function(
            arguments=[(arg_name or "", arg_type) for arg_name, arg_type in row["arguments"]],
            required=row["required"],
            returns_set=row["returns_set"],
            returns_void=row["returns_void"],
        )
        for row in conn.execute(_OVERLOADS, (name,)).fetchall()
    ]
    matching = [f for f in found if f.accepts(given)]
    if len(matching) == 1:
        return matching[0]
    listed = ", ".join(sorted(given))
    if not matching:
        raise RestError(
            404,
            "PGRST202",
            f"Could not find the function public.{name}({listed}) in the schema cache",
            f"Searched for the function public.{name} with parameters {listed or '(none)'}, "
            "but no matches were found in the schema cache.",
        )
    raise RestError(
        300, "PGRST203", f"Could not choose the best candidate function for public.{name}"
    )


def call_statement(name: str, function: Function, given: set[str]) -> sql.Composed:
    """`SELECT` the call's result as JSON text: the value, or an array for a set."""
    used = [(arg, arg_type) for arg, arg_type in function.arguments if arg in given]
    call = sql.SQL("public.{}({})").format(
        sql.Identifier(name),
        sql.SQL(", ").join(
            sql.SQL("{} => _args.{}").format(sql.Identifier(arg), sql.Identifier(arg))
            for arg, _ in used
        ),
    )
    # The argument types come from pg_catalog (format_type), not from the request.
    record = sql.SQL(", ").join(
        sql.SQL("{} {}").format(sql.Identifier(arg), sql.SQL(arg_type)) for arg, arg_type in used
    )
    args: sql.Composable = sql.SQL("")
    if used:
        args = sql.SQL(" FROM json_to_record(%(args)s::json) AS _args({})").format(record)
    if function.returns_set:
        source = sql.SQL(", LATERAL {} AS _result") if used else sql.SQL(" FROM {} AS _result")
        return sql.SQL("SELECT coalesce(json_agg(_result), '[]')::text{}{}").format(
            args, source.format(call)
        )
    if function.returns_void:
        return sql.SQL("SELECT {}, NULL::text{}").format(call, args)
    return sql.SQL("SELECT to_json({})::text{}").format(call, args)


class RestService:
    """The `/rest/v1` routes over `connect` (connections as `authenticator`)."""

    def __init__(self, connect: Connect, jwt_secret: str) -> None:
        self._connect = connect
        self._secret = jwt_secret

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/rpc/{function}", self._rpc, methods=["GET", "POST"]),
            Route("/{table}", self._not_served, methods=["GET", "POST", "PATCH", "DELETE"]),
        ]

    async def _not_served(self, request: Request) -> Response:
        return RestError(
            404,
            "PGRST205",
            f"Could not find the table 'public.{request.path_params['table']}' in the schema cache",
            hint="the PracticeCraft devstack serves only /rest/v1/rpc/<function>",
        ).response()

    async def _rpc(self, request: Request) -> Response:
        try:
            claims = self._claims(request)
            args = await _arguments(request)
            text = await run_in_threadpool(
                self._call, request.path_params["function"], args, claims, request
            )
        except RestError as error:
            return error.response()
        if text is None:
            return Response(status_code=204)
        return Response(text, media_type=_JSON)

    def _claims(self, request: Request) -> dict[str, Any]:
        """The verified claims of the bearer token (the gateway puts the API key there when a
        request has no Authorization of its own)."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return {"role": "anon"}
        try:
            claims = keys.decode(token.strip(), self._secret)
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

    def _call(
        self, name: str, args: dict[str, Any], claims: dict[str, Any], request: Request
    ) -> str | None:
        role = str(claims["role"])
        try:
            with self._connect() as conn, conn.transaction():
                if request.method == "GET":  # PostgREST runs GET calls read-only
                    conn.execute("SET TRANSACTION READ ONLY")
                function = find_function(conn, name, set(args))
                if request.method == "GET":
                    args = _parse_json_arguments(function, args)
                conn.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(role)))
                conn.execute(
                    "SELECT set_config('request.jwt.claims', %s, true), "
                    "set_config('request.method', %s, true), "
                    "set_config('request.path', %s, true)",
                    (json.dumps(claims), request.method, request.url.path),
                )
                row = conn.execute(
                    call_statement(name, function, set(args)), {"args": json.dumps(args)}
                ).fetchone()
        except psycopg.Error as error:
            raise database_error(error, role) from error
        except TimeoutError as error:  # every pooled connection stayed busy
            raise RestError(504, "PGRST003", str(error)) from error
        assert row is not None  # a SELECT without WHERE gives one row
        result: str | None = list(row.values())[-1]
        return None if function.returns_void else result


def _parse_json_arguments(function: Function, args: dict[str, Any]) -> dict[str, Any]:
    """A query string carries text: json and jsonb arguments are parsed, the rest are left
    for PostgreSQL to read as their types."""
    parsed = dict(args)
    for name, arg_type in function.arguments:
        if name in parsed and arg_type in ("json", "jsonb"):
            try:
                parsed[name] = json.loads(parsed[name])
            except ValueError as error:
                message = f"invalid input syntax for type {arg_type}"
                raise RestError(400, "22P02", message) from error
    return parsed


def _bearer_challenge(reason: str) -> str:
    return f'Bearer error="invalid_token", error_description="{reason}"'


async def _arguments(request: Request) -> dict[str, Any]:
    """Named arguments: the JSON object of a POST, or the query string of a GET."""
    if request.method == "GET":
        return dict(request.query_params)
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError as error:
        raise RestError(400, "PGRST102", "Empty or invalid json") from error
    if not isinstance(body, dict):
        raise RestError(400, "PGRST102", "Arguments must be a JSON object")
    return body
