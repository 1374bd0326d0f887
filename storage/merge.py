"""The merge rule, the one definition the device uses (the cloud's `apply_mutation` is its twin).

Editable rows merge field by field: each field keeps the value written with the greater clock
stamp (last writer wins, per field), and a tombstone beats every edit. The cloud keeps a stamp
per field (`field_hlcs`); the device's own unsent stamps are its queued outbox mutations. So
when a pulled row meets a row with queued local changes, a field keeps the local value only if
a queued mutation wrote it with a stamp greater than the cloud's stamp for that field — exactly
the test the cloud will make when those mutations arrive. tests/sync/test_merge_rule.py runs the
same cases through both and checks they agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Queued:
    """One outbox mutation of the row: its stamp, operation and the fields it wrote."""

    hlc: str
    op: str  # insert | update | delete
    fields: frozenset[str] | None  # None: every field (an append-only insert)


def wins(stamp: str | None, over: str | None) -> bool:
    """Whether a write stamped `stamp` replaces one stamped `over` (None: never written)."""
    return stamp is not None and stamp > (over or "")


def local_stamps(queued: Sequence[Queued], columns: Sequence[str]) -> dict[str, str]:
    """For each field, the newest stamp among the queued writes to it."""
    stamps: dict[str, str] = {}
    for mutation in queued:
        if mutation.op == "delete":
            continue
        written = columns if mutation.fields is None else mutation.fields
        for name in written:
            if wins(mutation.hlc, stamps.get(name)):
                stamps[name] = mutation.hlc
    return stamps


def merge_row(
    columns: Sequence[str],
    local: Mapping[str, Any],
    remote: Mapping[str, Any],
    remote_stamps: Mapping[str, str],
    queued: Sequence[Queued],
) -> dict[str, Any]:
    """The row to keep when a pulled `remote` row meets a `local` one with `queued` changes.

    `local` and `remote` map every column (sync columns included) to a value; the result does
    too. With nothing queued the cloud's row is taken whole: it already holds every change this
    device had pushed.
    """
    if not queued or remote.get("deleted_at") is not None:
        return dict(remote)  # nothing of ours pending, or the tombstone beats every edit
    merged = dict(remote)
    if any(mutation.op == "delete" for mutation in queued):
        merged["deleted_at"] = local.get("deleted_at")  # our tombstone is on its way
    ours = local_stamps(queued, columns)
    for name, stamp in ours.items():
        if wins(stamp, remote_stamps.get(name)):
            merged[name] = local[name]
    merged["hlc"] = max(str(remote["hlc"]), *(m.hlc for m in queued))
    return merged
