"""The one place the free tier's worksheet quota is checked (billing plugs in here later)."""

from __future__ import annotations


class QuotaExceeded(RuntimeError):
    """The account has used this month's free worksheets."""


def check_quota(worksheets_wanted: int, tier: str = "free", used_this_month: int = 0) -> None:
    """Allow or refuse making `worksheets_wanted` more sheets. Everything is allowed for now:
    the limits arrive with payments, and only this function will change."""
    if worksheets_wanted < 0:
        raise ValueError("cannot make a negative number of worksheets")
