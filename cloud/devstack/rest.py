"""`/rest/v1`: PostgREST's function calls (and, in `tables`, its table endpoints).

Each request runs in one transaction on a connection as `authenticator`, which switches with
`SET LOCAL ROLE` to the role the JWT names (only `anon`, `authenticated` or `service_role`),
applies that role's own settings (its `statement_timeout`, as PostgREST applies an impersonated
role's settings), and publishes the claims in `request.jwt.claims`, where `auth.uid()` reads
them, and the request's headers in `request.headers`. So Row Level Security, the grants and the
role's limits decide what a caller may do, exactly as on Supabase.
Arguments are named (`public.fn(p_x => ...)`) and converted from JSON by PostgreSQL itself
(`json_to_record` with the function's own argument types), as PostgREST does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from cloud.devstack.pgrst import (
    JSON_TYPE,
    Connect,
    Connection,
    RestError,
    database_error,
    http_status,
    impersonate,
    request_claims,
)
from cloud.devstack.tables import TableService

__all__ = ["RestService", "http_status"]


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

    @property
    def takes_body(self) -> bool:
        """One unnamed json parameter: PostgREST passes it a POST's body whole."""
        return len(self.arguments) == 1 and self.arguments[0] in (("", "json"), ("", "jsonb"))


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


def find_function(conn: Connection, name: str, given: set[str], post: bool = True) -> Function:
    """The overload of `public.<name>` that takes exactly these named arguments, else the one
    that takes a POST's body whole."""
    found = [
        Function(
            arguments=[(arg_name or "", arg_type) for arg_name, arg_type in row["arguments"]],
            required=row["required"],
            returns_set=row["returns_set"],
            returns_void=row["returns_void"],
        )
        for row in conn.execute(_OVERLOADS, (name,)).fetchall()
    ]
    matching = [f for f in found if f.accepts(given) and not f.takes_body]
    if not matching and post:
        matching = [f for f in found if f.takes_body]
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
    if function.takes_body:
        body = sql.SQL("public.{}(%(args)s::{})").format(
            sql.Identifier(name), sql.SQL(function.arguments[0][1])
        )
        return sql.SQL("SELECT to_json({})::text").format(body)
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
        tables = TableService(self._connect, self._secret)
        return [
            Route("/rpc/{function}", self._rpc, methods=["GET", "POST"]),
            Route("/{table}", tables.handle, methods=["GET", "POST", "PATCH", "DELETE"]),
        ]

    async def _rpc(self, request: Request) -> Response:
        try:
            claims = request_claims(request, self._secret)
            args = await _arguments(request)
            text = await run_in_threadpool(
                self._call, request.path_params["function"], args, claims, request
            )
        except RestError as error:
            return error.response()
        if text is None:
            return Response(status_code=204)
        return Response(text, media_type=JSON_TYPE)

    def _call(
        self, name: str, args: dict[str, Any], claims: dict[str, Any], request: Request
    ) -> str | None:
        role = str(claims["role"])
        try:
            with self._connect() as conn, conn.transaction():
                if request.method == "GET":  # PostgREST runs GET calls read-only
                    conn.execute("SET TRANSACTION READ ONLY")
                function = find_function(conn, name, set(args), request.method == "POST")
                if request.method == "GET":
                    args = _parse_json_arguments(function, args)
                impersonate(conn, claims, request)
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
