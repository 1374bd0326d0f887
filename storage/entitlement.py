"""The account's entitlement as this device last heard it, and the sheets made since.

Sync stores the server's `get_entitlement()` answer here after each pull (and the Upgrade page
after a payment); `allowance` combines it with the worksheets made on this device since, so
the quota holds offline. A local-only database never has an answer: the free quota applies.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from worksheets.quota import Allowance, Entitlement, allowance

if TYPE_CHECKING:
    from storage.database import Store

KEY = "entitlement"


def remember(store: Store, answer: dict[str, Any], fetched_at: datetime) -> Entitlement:
    """Keep the server's answer (checked first: a malformed one changes nothing)."""
    entitlement = Entitlement.from_server(answer, fetched_at)
    with store.write():
        store.set_state(KEY, json.dumps({"answer": answer, "fetched_at": fetched_at.isoformat()}))
    return entitlement


def cached(store: Store) -> Entitlement | None:
    text = store.state(KEY)
    if not text:
        return None
    kept = json.loads(text)
    return Entitlement.from_server(kept["answer"], datetime.fromisoformat(kept["fetched_at"]))


def made_since(store: Store, moment: datetime) -> int:
    """Worksheets this device holds that were made since `moment` (tombstones too: the server
    counted every sheet it received)."""
    text = moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    (count,) = store.conn.execute(
        "SELECT count(*) FROM worksheets WHERE created_at >= ?", (text,)
    ).fetchone()
    return int(count)


def current(store: Store, now: datetime | None = None) -> Allowance:
    """What this device may make now."""
    return allowance(cached(store), lambda moment: made_since(store, moment), now or _now())


def _now() -> datetime:
    return datetime.now(UTC)
