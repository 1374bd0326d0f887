"""The free tier's monthly worksheets: the server's last word plus what this device made since."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from worksheets.quota import (
    FREE_MONTHLY_QUOTA,
    Entitlement,
    QuotaExceeded,
    allowance,
    check_quota,
    month_start,
)

NOW = datetime(2026, 12, 10, 6, 0, tzinfo=UTC)


def free(used: int, fetched: datetime = NOW, quota: int | None = 20) -> Entitlement:
    return Entitlement("free", None, used, quota, fetched)


def paid(until: datetime, fetched: datetime = NOW) -> Entitlement:
    return Entitlement("paid", until, 0, None, fetched)


def none_made(_moment: datetime) -> int:
    return 0


def test_signed_out_use_gets_the_free_quota_counted_on_this_device() -> None:
    made = allowance(None, lambda since: 5 if since == month_start(NOW) else 99, NOW)
    assert (made.tier, made.quota, made.used, made.left) == ("free", FREE_MONTHLY_QUOTA, 5, 15)


def test_the_servers_count_plus_the_sheets_made_since_its_answer() -> None:
    fetched = NOW - timedelta(hours=3)
    made = allowance(free(12, fetched), lambda since: 3 if since == fetched else 99, NOW)
    assert (made.used, made.left) == (15, 5)


def test_an_answer_from_last_month_counts_only_this_months_sheets() -> None:
    last_month = datetime(2026, 11, 28, tzinfo=UTC)
    made = allowance(
        free(19, last_month), lambda since: 2 if since == month_start(NOW) else 99, NOW
    )
    assert made.used == 2


def test_the_month_turns_at_midnight_in_india() -> None:
    assert month_start(datetime(2026, 11, 30, 18, 29, tzinfo=UTC)) == datetime(
        2026, 10, 31, 18, 30, tzinfo=UTC
    )
    assert month_start(datetime(2026, 11, 30, 18, 30, tzinfo=UTC)) == datetime(
        2026, 11, 30, 18, 30, tzinfo=UTC
    )


def test_making_past_the_quota_is_refused_with_a_friendly_reason() -> None:
    made = allowance(free(18), none_made, NOW)
    check_quota(2, made)
    with pytest.raises(QuotaExceeded, match="20 free worksheets") as refused:
        check_quota(3, made)
    assert refused.value.allowance.left == 2 and refused.value.wanted == 3


def test_a_paid_period_has_no_limit() -> None:
    made = allowance(paid(NOW + timedelta(days=20)), lambda _s: 500, NOW)
    assert made.quota is None
    check_quota(1000, made)


def test_a_paid_period_holds_offline_for_seven_days_after_its_end_then_stops() -> None:
    ended = NOW - timedelta(days=6, hours=23)
    assert allowance(paid(ended, ended - timedelta(days=30)), none_made, NOW).tier == "paid"
    ended = NOW - timedelta(days=7, hours=1)
    assert allowance(paid(ended, ended - timedelta(days=30)), none_made, NOW).tier == "free"


def test_a_downgrade_the_server_reported_applies_at_once() -> None:
    refunded = Entitlement("free", NOW + timedelta(days=20), 3, 20, NOW)
    assert allowance(refunded, none_made, NOW).tier == "free"


def test_the_servers_quota_wins_over_the_default() -> None:
    assert allowance(free(0, quota=50), none_made, NOW).quota == 50


def test_the_servers_answer_is_read_as_the_contract_says() -> None:
    answer = {
        "tier": "paid", "current_period_end": "2027-01-10T06:00:00+00:00",
        "worksheets_this_month": 4, "monthly_quota": None, "grace_days": 7,
        "plans": [{"plan": "monthly", "amount_paise": 29900, "currency": "INR", "months": 1}],
    }  # fmt: skip
    entitlement = Entitlement.from_server(answer, NOW)
    assert entitlement.plans[0].price == "₹299"
    assert allowance(entitlement, none_made, NOW).paid_until == datetime(2027, 1, 10, 6, tzinfo=UTC)
