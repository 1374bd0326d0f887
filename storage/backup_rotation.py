"""Which automatic backups to keep: one a day, one a week before that, and the newest few.

Kept, of the backups in the folder (dated by the time in their name, in this computer's time
zone): the newest backup of each of the last `KEEP_DAILY` days that have one, the newest of each
of the `KEEP_WEEKLY` weeks before those, and the `KEEP_NEWEST` newest whatever their day, so a
backup made on quit right after a mistake never pushes out the one made earlier that day.
Days and weeks are counted among those that have backups, so a computer left unused for a month
still keeps its older history. A file whose name carries no date is never removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_NEWEST = 3
_STAMP = re.compile(r"-(\d{8}-\d{6})(?:-(\d{6}))?\.sqlite3$")


def made_at(backup: Path) -> datetime | None:
    """When the backup was made, from its name (`...-20261203-154500-123456.sqlite3`, UTC)."""
    found = _STAMP.search(backup.name)
    if found is None:
        return None
    try:
        made = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None
    return made.replace(microsecond=int(found.group(2) or 0))


def backups_to_remove(backups: Sequence[Path], zone: tzinfo | None = None) -> list[Path]:
    """The backups rotation lets go of (`zone`: whose days and weeks; default: this computer's)."""
    dated = sorted(
        ((made, path) for path in backups if (made := made_at(path)) is not None), reverse=True
    )
    local = [(made.astimezone(zone), path) for made, path in dated]
    daily = _newest_per(local, lambda made: made.date(), KEEP_DAILY)
    first_day = min((made.date() for made, path in local if path in daily), default=None)
    earlier = [(made, path) for made, path in local if first_day and made.date() < first_day]
    weekly = _newest_per(earlier, lambda made: made.isocalendar()[:2], KEEP_WEEKLY)
    keep = daily | weekly | {path for _, path in local[:KEEP_NEWEST]}
    return [path for _, path in local if path not in keep]


def _newest_per(
    newest_first: Iterable[tuple[datetime, Path]],
    period: Callable[[datetime], Hashable],
    how_many: int,
) -> set[Path]:
    """The newest backup of each of the `how_many` most recent periods that have one."""
    chosen: dict[Hashable, Path] = {}
    for made, path in newest_first:
        key = period(made)
        if key not in chosen:
            if len(chosen) == how_many:
                break
            chosen[key] = path
    return set(chosen.values())
