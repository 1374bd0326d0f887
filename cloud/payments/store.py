"""The service's database: the `private.payments_*` functions, over a connection pool.

The service keeps no state of its own: orders, payments, the rate limit's counters and the
webhook log are all in PostgreSQL, so any number of copies can run behind a load balancer.
Each call is one statement in its own transaction (autocommit), and each function does its
effect and its record together under the order row's lock.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool, PoolTimeout

# The webhook answer must leave within Razorpay's 5 s: no statement may take longer than this.
STATEMENT_TIMEOUT_MS = 3000
CONNECTION_WAIT_S = 2.0
RECONCILE_LOCK = 0x50434E43  # "PCNC": one copy at a time reconciles

Connection = psycopg.AsyncConnection[dict[str, Any]]


class DatabaseUnavailable(Exception):
    """No connection, or the database failed the statement; worth trying again later."""


class UnknownPlan(Exception):
    """The price table has no such plan on sale."""


class UnknownAccount(Exception):
    """The token names a user the database does not have (a deleted account)."""


class TooManyOrders(Exception):
    """The account started more orders than the rate limit allows in one window."""


@dataclass(frozen=True)
class Quote:
    amount_paise: int
    currency: str
    months: int


@dataclass(frozen=True)
class CheckoutOrder:
    ref: uuid.UUID
    amount_paise: int
    currency: str
    plan: str | None
    status: str
    email: str | None


_REFUSALS = {"PCP01": UnknownPlan, "PCU01": UnknownAccount, "PCR01": TooManyOrders}


async def _configure(conn: Connection) -> None:
    await conn.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")


class Store:
    def __init__(self, database_url: str, size: int = 10) -> None:
        self._pool: AsyncConnectionPool[Connection] = AsyncConnectionPool(
            database_url,
            min_size=1,
            max_size=size,
            open=False,
            kwargs={
                "autocommit": True,
                "row_factory": dict_row,
                "application_name": "practicecraft-payments",
            },
            configure=_configure,
            connection_class=psycopg.AsyncConnection,
        )

    async def open(self) -> None:
        await self._pool.open(wait=False)

    async def close(self) -> None:
        await self._pool.close()

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[Connection]:
        try:
            async with self._pool.connection(timeout=CONNECTION_WAIT_S) as conn:
                yield conn
        except PoolTimeout as error:
            raise DatabaseUnavailable("no database connection free in time") from error
        except psycopg.Error as error:
            refusal = _REFUSALS.get(error.sqlstate or "")
            if refusal is not None:
                raise refusal(error.diag.message_primary or "") from error
            raise DatabaseUnavailable(f"database error: {error}") from error

    async def _one(self, query: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
        async with self._connection() as conn:
            cursor = await conn.execute(query.encode(), params)
            return await cursor.fetchone()

    async def _value(self, query: str, params: tuple[Any, ...]) -> Any:
        row = await self._one(query, params)
        return None if row is None else next(iter(row.values()))

    async def ping(self) -> None:
        await self._value("SELECT 1", ())

    async def quote(self, user: uuid.UUID, plan: str) -> Quote:
        """The plan's price, counting an order against the account's rate limit."""
        row = await self._one(
            "SELECT amount_paise, currency, months FROM private.payments_quote(%s, %s)",
            (user, plan),
        )
        assert row is not None  # the function raises rather than return nothing
        return Quote(row["amount_paise"], row["currency"], row["months"])

    async def record_order(
        self, ref: uuid.UUID, user: uuid.UUID, plan: str, amount: int, order: dict[str, Any]
    ) -> None:
        await self._value(
            "SELECT private.payments_record_order(%s, %s, %s, %s, %s)",
            (ref, user, plan, amount, Jsonb(order)),
        )

    async def checkout(self, order_id: str) -> CheckoutOrder | None:
        row = await self._one("SELECT * FROM private.payments_checkout(%s)", (order_id,))
        return None if row is None else CheckoutOrder(**row)

    async def order_of(self, ref: uuid.UUID) -> str | None:
        found: str | None = await self._value("SELECT private.payments_order_of(%s)", (ref,))
        return found

    async def capture(
        self,
        order_id: str,
        payment_id: str,
        amount: int | None,
        signature: str | None,
        payment: dict[str, Any],
    ) -> dict[str, Any]:
        return await self._outcome(
            "SELECT private.payments_capture(%s, %s, %s, %s, %s)",
            (order_id, payment_id, amount, signature, Jsonb(payment)),
        )

    async def fail(self, order_id: str, payment_id: str, payment: dict[str, Any]) -> dict[str, Any]:
        return await self._outcome(
            "SELECT private.payments_fail(%s, %s, %s)", (order_id, payment_id, Jsonb(payment))
        )

    async def refund(
        self, order_id: str, payment_id: str, refunded_paise: int, refund: dict[str, Any]
    ) -> dict[str, Any]:
        return await self._outcome(
            "SELECT private.payments_refund(%s, %s, %s, %s)",
            (order_id, payment_id, refunded_paise, Jsonb(refund)),
        )

    async def webhook(
        self, event_id: str, event_type: str, event: dict[str, Any]
    ) -> dict[str, Any]:
        """Log one verified delivery and, unless its event was applied already, apply it."""
        return await self._outcome(
            "SELECT private.payments_webhook(%s, %s, %s)", (event_id, event_type, Jsonb(event))
        )

    async def _outcome(self, query: str, params: tuple[Any, ...]) -> dict[str, Any]:
        outcome: dict[str, Any] = await self._value(query, params)
        return outcome

    async def log(
        self,
        source: str,
        event_id: str | None,
        event_type: str,
        payload: dict[str, Any],
        status: str,
        error: str | None,
    ) -> None:
        """A row in webhook_logs for what is not a verified webhook (see payments_log)."""
        await self._value(
            "SELECT private.payments_log(%s, %s, %s, %s, %s, %s)",
            (source, event_id, event_type, Jsonb(payload), status, error),
        )

    async def open_orders(self, within: timedelta) -> list[str]:
        async with self._connection() as conn:
            cursor = await conn.execute(
                b"SELECT order_id FROM private.payments_open_orders(%s)", (within,)
            )
            return [row["order_id"] for row in await cursor.fetchall()]

    async def expire(self) -> int:
        ended: int = await self._value("SELECT private.payments_expire()", ())
        return ended

    @asynccontextmanager
    async def reconcile_turn(self) -> AsyncIterator[bool]:
        """True while this copy holds the reconciliation lock; False if another copy has it."""
        async with self._connection() as conn:
            cursor = await conn.execute(
                b"SELECT pg_try_advisory_lock(%s) AS got", (RECONCILE_LOCK,)
            )
            row = await cursor.fetchone()
            got = bool(row and row["got"])
            try:
                yield got
            finally:
                if got:
                    await conn.execute(b"SELECT pg_advisory_unlock(%s)", (RECONCILE_LOCK,))
