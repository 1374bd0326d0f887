"""`/rest/v1/<table>`: PostgREST's table endpoints, which Supabase exposes for every table.

The app never uses them, but every signed-in user can: so the devstack serves them too, and the
tests see what production exposes. Served: GET (read), POST (insert, upsert with
`Prefer: resolution=merge-duplicates|ignore-duplicates` and `on_conflict`), PATCH (update) and
DELETE, each as one statement in the request's transaction, as the request's role with its
claims (see `pgrst.impersonate`), so grants and Row Level Security decide, as on Supabase.
Understood: `select=` (a list of columns, or `*`), filters `col=op.value` with eq, neq, gt, gte,
lt, lte, like, ilike, is, in (and `not.`), `order=`, `limit=`, `offset=`, `columns=`,
`Prefer: return=minimal|representation` and `count=exact`, and
`Accept: application/vnd.pgrst.object+json` for one object. Not served: embedded resources,
renamed or cast columns, `or=`/`and=` trees. Unknown tables and columns get PostgREST's codes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from cloud.devstack.pgrst import (
    JSON_TYPE,
    Connect,
    Connection,
    RestError,
    database_error,
    impersonate,
    request_claims,
)

_RESERVED = frozenset({"select", "order", "limit", "offset", "columns", "on_conflict", "apikey"})
_COMPARISONS = {"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<=",
                "like": "LIKE", "ilike": "ILIKE"}  # fmt: skip
_IS_VALUES = {"null": "NULL", "true": "TRUE", "false": "FALSE", "unknown": "UNKNOWN"}
_ORDER = re.compile(r"^(?P<col>[^.]+)(\.(?P<dir>asc|desc))?(\.(?P<nulls>nullsfirst|nullslast))?$")
_SINGLE = "application/vnd.pgrst.object+json"

_COLUMNS = """
SELECT a.attname AS name, coalesce(a.attnum = ANY(i.indkey), false) AS key
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
LEFT JOIN pg_catalog.pg_index AS i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relnamespace = 'public'::regnamespace AND c.relname = %s
  AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""


@dataclass
class Query:
    """What a request asks of one table, parsed from its URL, headers and body."""

    table: str
    method: str
    params: list[tuple[str, str]]
    prefer: set[str]
    single: bool
    body: Any = None
    columns: list[str] = field(default_factory=list)  # of the table, from the catalog
    primary_key: list[str] = field(default_factory=list)

    def prefers(self, name: str, default: str) -> str:
        for item in self.prefer:
            key, _, value = item.partition("=")
            if key == name:
                return value
        return default

    def param(self, name: str) -> str | None:
        return next((value for key, value in self.params if key == name), None)


class TableService:
    """The table routes over `connect` (connections as `authenticator`)."""

    def __init__(self, connect: Connect, jwt_secret: str) -> None:
        self._connect = connect
        self._secret = jwt_secret

    async def handle(self, request: Request) -> Response:
        try:
            claims = request_claims(request, self._secret)
            query = Query(
                table=request.path_params["table"],
                method=request.method,
                params=list(request.query_params.multi_items()),
                prefer=_prefer(request.headers.getlist("prefer")),
                single=_SINGLE in request.headers.get("accept", ""),
                body=await _body(request),
            )
            rows, count = await run_in_threadpool(self._run, query, claims, request)
        except RestError as error:
            return error.response()
        return _answer(query, rows, count)

    def _run(
        self, query: Query, claims: dict[str, Any], request: Request
    ) -> tuple[list[dict[str, Any]], int | None]:
        role = str(claims["role"])
        try:
            with self._connect() as conn, conn.transaction():
                if query.method == "GET":  # PostgREST reads in read-only transactions
                    conn.execute("SET TRANSACTION READ ONLY")
                found = conn.execute(_COLUMNS, (query.table,)).fetchall()
                query.columns = [r["name"] for r in found]
                query.primary_key = [r["name"] for r in found if r["key"]]
                if not query.columns:
                    raise RestError(
                        404,
                        "PGRST205",
                        f"Could not find the table 'public.{query.table}' in the schema cache",
                    )
                statement, params = build(query)
                impersonate(conn, claims, request)
                rows = [r["row"] for r in conn.execute(statement, params)]
                count = _exact_count(conn, query) if query.prefers("count", "") else None
        except psycopg.Error as error:
            raise database_error(error, role) from error
        except TimeoutError as error:  # every pooled connection stayed busy
            raise RestError(504, "PGRST003", str(error)) from error
        return rows, count


def build(query: Query) -> tuple[sql.Composed, dict[str, Any]]:
    """The one statement a request runs; each row comes back as JSON in the column `row`."""
    params: dict[str, Any] = {}
    where = _where(query, params)
    table = sql.SQL("public.{}").format(sql.Identifier(query.table))
    returned = sql.SQL("SELECT to_json(_r) AS row FROM (SELECT {} FROM _changed) AS _r").format(
        _selected(query)
    )
    if query.method == "GET":
        statement = sql.SQL("SELECT to_json(_r) AS row FROM (SELECT {} FROM {} {} {} {}) AS _r")
        return statement.format(
            _selected(query), table, where, _order(query), _limit(query)
        ), params
    if query.method == "DELETE":
        change = sql.SQL("DELETE FROM {} {} RETURNING *").format(table, where)
    elif query.method == "PATCH":
        change = _update(query, table, where, params)
    else:
        change = _insert(query, table, params)
    return sql.SQL("WITH _changed AS ({}) {}").format(change, returned), params


def _insert(query: Query, table: sql.Composable, params: dict[str, Any]) -> sql.Composed:
    rows = query.body if isinstance(query.body, list) else [query.body]
    if not all(isinstance(row, dict) for row in rows):
        raise RestError(400, "PGRST102", "All object keys must match")
    named = query.param("columns")
    keys = _names(named) if named else list(dict.fromkeys(k for row in rows for k in row))
    names = _known(query, keys)
    params["body"] = json.dumps(rows)
    statement = sql.SQL(
        "INSERT INTO {} ({}) SELECT {} FROM json_populate_recordset(NULL::{}, %(body)s::json)"
    ).format(table, names, names, table)
    resolution = query.prefers("resolution", "")
    if resolution in ("merge-duplicates", "ignore-duplicates"):
        conflict = query.param("on_conflict")
        target = _names(conflict) if conflict else query.primary_key
        statement += sql.SQL(" ON CONFLICT ({}) ").format(_known(query, target))
        if resolution == "ignore-duplicates":
            statement += sql.SQL("DO NOTHING")
        else:
            statement += sql.SQL("DO UPDATE SET {}").format(
                sql.SQL(", ").join(
                    sql.SQL("{} = EXCLUDED.{}").format(sql.Identifier(k), sql.Identifier(k))
                    for k in dict.fromkeys(keys)
                )
            )
    return statement + sql.SQL(" RETURNING *")


def _update(
    query: Query, table: sql.Composable, where: sql.Composable, params: dict[str, Any]
) -> sql.Composed:
    if not isinstance(query.body, dict):
        raise RestError(400, "PGRST102", "Empty or invalid json")
    if not query.body:
        # PostgREST answers an empty PATCH without touching anything.
        return sql.SQL("SELECT * FROM {} WHERE false").format(table)
    _known(query, list(query.body))
    params["body"] = json.dumps(query.body)
    assignments = sql.SQL(", ").join(
        sql.SQL("{} = _p.{}").format(sql.Identifier(k), sql.Identifier(k)) for k in query.body
    )
    return sql.SQL(
        "UPDATE {} SET {} FROM json_populate_record(NULL::{}, %(body)s::json) AS _p {} "
        "RETURNING {}.*"
    ).format(table, assignments, table, where, table)


def _names(listed: str) -> list[str]:
    """`a,"b",c` as PostgREST's clients write column lists."""
    return [name.strip().strip('"') for name in listed.split(",") if name.strip()]


def _known(query: Query, names: list[str]) -> sql.Composed:
    for name in names:
        if name not in query.columns:
            raise RestError(
                400,
                "PGRST204",
                f"Could not find the '{name}' column of '{query.table}' in the schema cache",
            )
    return sql.SQL(", ").join(map(sql.Identifier, names))


def _selected(query: Query) -> sql.Composable:
    chosen = query.param("select") or "*"
    if chosen.strip() == "*":
        return sql.SQL("*")
    names = _names(chosen)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise RestError(400, "PGRST100", f'"failed to parse select parameter ({chosen})"')
    return sql.SQL(", ").join(map(sql.Identifier, names))


def _where(query: Query, params: dict[str, Any]) -> sql.Composable:
    tests = []
    for column, condition in query.params:
        if column in _RESERVED:
            continue
        tests.append(_test(sql.Identifier(query.table, column), condition, params))
    if not tests:
        return sql.SQL("")
    return sql.SQL("WHERE ") + sql.SQL(" AND ").join(tests)


def _test(target: sql.Identifier, condition: str, params: dict[str, Any]) -> sql.Composable:
    negated = condition.startswith("not.")
    operator, dot, value = condition.removeprefix("not.").partition(".")
    name = f"p{len(params)}"
    if not dot:
        raise RestError(400, "PGRST100", f'"failed to parse filter ({condition})"')
    if operator in _COMPARISONS:
        if operator in ("like", "ilike"):
            value = value.replace("*", "%")
        params[name] = value
        test = sql.SQL("{} {} {}").format(
            target, sql.SQL(_COMPARISONS[operator]), sql.Placeholder(name)
        )
    elif operator == "is" and value.lower() in _IS_VALUES:
        test = sql.SQL("{} IS {}").format(target, sql.SQL(_IS_VALUES[value.lower()]))
    elif operator == "in" and value.startswith("(") and value.endswith(")"):
        params[name] = [part.strip().strip('"') for part in value[1:-1].split(",") if part]
        test = sql.SQL("{} = ANY({})").format(target, sql.Placeholder(name))
    else:
        raise RestError(400, "PGRST100", f'"failed to parse filter ({condition})"')
    return sql.SQL("NOT ({})").format(test) if negated else test


def _order(query: Query) -> sql.Composable:
    wanted = query.param("order")
    if not wanted:
        return sql.SQL("")
    terms = []
    for part in wanted.split(","):
        match = _ORDER.match(part.strip())
        if not match:
            raise RestError(400, "PGRST100", f'"failed to parse order ({wanted})"')
        term = sql.Identifier(match["col"]) + sql.SQL(" DESC" if match["dir"] == "desc" else "")
        if match["nulls"]:
            term += sql.SQL(" NULLS FIRST" if match["nulls"] == "nullsfirst" else " NULLS LAST")
        terms.append(term)
    return sql.SQL("ORDER BY ") + sql.SQL(", ").join(terms)


def _limit(query: Query) -> sql.Composable:
    clause: sql.Composable = sql.SQL("")
    for name in ("limit", "offset"):
        value = query.param(name)
        if value is None:
            continue
        if not value.isdigit():
            raise RestError(400, "PGRST100", f'"failed to parse {name} parameter ({value})"')
        clause += sql.SQL(f" {name.upper()} ") + sql.Literal(int(value))
    return clause


def _exact_count(conn: Connection, query: Query) -> int:
    """The rows the filters match (GET) or the rows changed, for `Prefer: count=exact`."""
    if query.method != "GET":
        return -1  # filled in by the caller from the rows themselves
    params: dict[str, Any] = {}
    statement = sql.SQL("SELECT count(*) AS row FROM public.{} {}").format(
        sql.Identifier(query.table), _where(query, params)
    )
    found = conn.execute(statement, params).fetchone()
    return int(found["row"]) if found else 0


def _answer(query: Query, rows: list[dict[str, Any]], count: int | None) -> Response:
    total = len(rows) if count == -1 else count
    headers = {"Content-Range": _content_range(query, len(rows), total)}
    representation = query.method == "GET" or query.prefers("return", "minimal") == (
        "representation"
    )
    status = 201 if query.method == "POST" else 200
    if not representation:
        return Response(status_code=201 if query.method == "POST" else 204, headers=headers)
    if query.single:
        if len(rows) != 1:
            return RestError(
                406,
                "PGRST116",
                "JSON object requested, multiple (or no) rows returned",
                f"The result contains {len(rows)} rows",
            ).response()
        return Response(json.dumps(rows[0]), status, headers, JSON_TYPE)
    return Response(json.dumps(rows), status, headers, JSON_TYPE)


def _content_range(query: Query, returned: int, total: int | None) -> str:
    offset = int(query.param("offset") or 0) if query.method == "GET" else 0
    span = f"{offset}-{offset + returned - 1}" if returned else "*"
    return f"{span}/{'*' if total is None else total}"


def _prefer(values: list[str]) -> set[str]:
    return {item.strip() for value in values for item in value.split(",") if item.strip()}


async def _body(request: Request) -> Any:
    if request.method in ("GET", "DELETE"):
        return None
    raw = await request.body()
    try:
        return json.loads(raw) if raw.strip() else {}
    except ValueError as error:
        raise RestError(400, "PGRST102", "Empty or invalid json") from error
