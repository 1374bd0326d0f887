"""The free tier's monthly worksheets, decided on the device from the server's last word.

The server is the source of truth (`get_entitlement`): the tier, the paid period's end, how
many sheets it has counted this month (India's calendar month) and the monthly quota. The
device keeps its last answer and adds the sheets it made since, so it works offline: a paid
period holds until its end plus the grace days; with no answer at all (signed out, or never
synced) the free quota applies to the sheets made here this month.

Only making new sheets is ever limited. Printing, re-printing, grading and viewing work
already made never ask this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

IST = timezone(timedelta(hours=5, minutes=30))
FREE_MONTHLY_QUOTA = 20  # until the server says otherwise
GRACE_DAYS = 7
DEFAULT_PLANS = (("monthly", 29_900, 1), ("yearly", 299_000, 12))


class QuotaExceeded(RuntimeError):
    """This month's free worksheets are made; says how many and what the paid tier gives."""

    def __init__(self, allowance: Allowance, wanted: int) -> None:
        self.allowance = allowance
        self.wanted = wanted
        left = allowance.left or 0
        if left:
            verb = "is" if left == 1 else "are"
            said = (
                f"only {left} of this month's {allowance.quota} free worksheets {verb} left, "
                f"and {wanted} were asked for"
            )
        else:
            said = f"this month's {allowance.quota} free worksheets are made"
        super().__init__(f"{said}; the paid tier makes as many as you like")


@dataclass(frozen=True)
class Plan:
    plan: str
    amount_paise: int
    months: int
    currency: str = "INR"

    @property
    def price(self) -> str:
        rupees, paise = divmod(self.amount_paise, 100)
        return f"₹{rupees:,}" + (f".{paise:02d}" if paise else "")


@dataclass(frozen=True)
class Entitlement:
    """The server's answer, as last received."""

    tier: str
    current_period_end: datetime | None
    worksheets_this_month: int
    monthly_quota: int | None  # None: unlimited
    fetched_at: datetime
    grace_days: int = GRACE_DAYS
    plans: tuple[Plan, ...] = field(default_factory=tuple)

    @classmethod
    def from_server(cls, answer: dict[str, Any], fetched_at: datetime) -> Entitlement:
        """`get_entitlement()`'s JSON; raises ValueError/KeyError if it is not that."""
        end = answer.get("current_period_end")
        plans = tuple(
            Plan(str(p["plan"]), int(p["amount_paise"]), int(p["months"]), str(p["currency"]))
            for p in answer.get("plans") or ()
        )
        quota = answer.get("monthly_quota")
        return cls(
            tier=str(answer["tier"]),
            current_period_end=datetime.fromisoformat(end) if end else None,
            worksheets_this_month=int(answer["worksheets_this_month"]),
            monthly_quota=None if quota is None else int(quota),
            fetched_at=fetched_at,
            grace_days=int(answer.get("grace_days", GRACE_DAYS)),
            plans=plans,
        )


@dataclass(frozen=True)
class Allowance:
    """What may be made now: `quota` None means unlimited (a paid period)."""

    tier: str  # "paid" | "free"
    quota: int | None
    used: int
    paid_until: datetime | None = None

    @property
    def left(self) -> int | None:
        return None if self.quota is None else max(0, self.quota - self.used)


def month_start(moment: datetime) -> datetime:
    """The start of `moment`'s calendar month in India, as a UTC instant."""
    local = moment.astimezone(IST)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def allowance(
    entitlement: Entitlement | None,
    made_since: Callable[[datetime], int],
    now: datetime,
) -> Allowance:
    """What this device may make now.

    `made_since(moment)` counts the sheets made here since a UTC instant: those the server has
    not counted yet (made after its answer), or all of this month's when the answer is from an
    earlier month or there is none.
    """
    if entitlement is not None and _paid(entitlement, now):
        return Allowance("paid", None, 0, entitlement.current_period_end)
    this_month = month_start(now)
    if entitlement is None:
        return Allowance("free", FREE_MONTHLY_QUOTA, made_since(this_month))
    quota = entitlement.monthly_quota or FREE_MONTHLY_QUOTA
    if month_start(entitlement.fetched_at) < this_month:
        return Allowance("free", quota, made_since(this_month))
    counted = entitlement.worksheets_this_month
    return Allowance("free", quota, counted + made_since(entitlement.fetched_at))


def _paid(entitlement: Entitlement, now: datetime) -> bool:
    """A paid period holds until its end, and offline for the grace days after it."""
    end = entitlement.current_period_end
    if end is None or entitlement.tier != "paid":
        return False
    return now < end + timedelta(days=entitlement.grace_days)


def check_quota(wanted: int, allowed: Allowance) -> None:
    """Allow making `wanted` more sheets, or raise QuotaExceeded (never for paid periods)."""
    if wanted < 0:
        raise ValueError("cannot make a negative number of worksheets")
    if allowed.quota is not None and allowed.used + wanted > allowed.quota:
        raise QuotaExceeded(allowed, wanted)


def plans_of(entitlement: Entitlement | None) -> tuple[Plan, ...]:
    if entitlement is not None and entitlement.plans:
        return entitlement.plans
    return tuple(Plan(name, amount, months) for name, amount, months in DEFAULT_PLANS)
