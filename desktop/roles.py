"""Each role sees what it uses: a parent at home has no classes, rosters or roll numbers."""

from __future__ import annotations

from storage.database import Store

TEACHER_ONLY_PAGES = ("Classes",)  # page titles a parent does not see


def current_role(store: Store) -> str:
    """Runs on the worker: the role in use ("teacher" before the first-run wizard)."""
    profile = store.profiles.current()
    return profile.active_role if profile is not None else "teacher"


def shows_page(role: str, title: str) -> bool:
    return role != "parent" or title not in TEACHER_ONLY_PAGES
