"""The account's profile, each child's chosen topics, and this device's own settings."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from storage.ids import natural_id
from storage.records import TopicPreference, UserProfile, validated
from storage.repositories.base import Repository
from storage.tables import TOPIC_PREFERENCES, USER_PROFILES
from worksheets.render.fonts import DEFAULT_FONTS, FONT_CHOICES, FontChoice


class ProfileRepository(Repository[UserProfile]):
    """One profile per database (the database belongs to one account)."""

    table = USER_PROFILES
    model = UserProfile
    noun = "profile"

    def current(self) -> UserProfile | None:
        found = self._select("deleted_at IS NULL", order="created_at, id")
        return found[0] if found else None

    def save(self, profile: UserProfile | Mapping[str, Any]) -> UserProfile:
        """Create the profile, or change the fields that differ from the saved one."""
        record = validated(UserProfile, dict(profile) if isinstance(profile, Mapping) else profile)
        existing = self.current()
        if existing is None or existing.id is None:
            return self._insert([record])[0]
        return self._update(existing.id, record.model_dump(exclude={"id"}))


class TopicPreferenceRepository(Repository[TopicPreference]):
    table = TOPIC_PREFERENCES
    model = TopicPreference
    noun = "set of topics"

    def set(self, child_id: str, subject: str, topics: list[str]) -> TopicPreference:
        record = validated(
            TopicPreference, {"child_id": child_id, "subject": subject, "selected_topics": topics}
        )
        row_id = natural_id("topic_preferences", child_id, record.subject)
        if self._select("id = ? AND deleted_at IS NULL", (row_id,)):
            return self._update(row_id, {"selected_topics": record.selected_topics})
        return self._insert([record.model_copy(update={"id": row_id})])[0]

    def for_child(self, child_id: str) -> list[TopicPreference]:
        return self._select("child_id = ? AND deleted_at IS NULL", (child_id,), order="subject")


class DeviceSettings:
    """Settings of this device only (never synced). Values are JSON."""

    TELEMETRY = "telemetry.enabled"
    FONTS = "worksheets.fonts"

    def __init__(self, store: Any) -> None:
        self.store = store

    def get(self, key: str, default: Any = None) -> Any:
        rows = self.store.query("SELECT value FROM device_settings WHERE key = ?", (key,))
        return json.loads(rows[0]["value"]) if rows else default

    def set(self, key: str, value: Any) -> None:
        with self.store.write():
            self.store.conn.execute(
                "INSERT INTO device_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    @property
    def telemetry_enabled(self) -> bool:
        """Off unless the user turned it on."""
        return bool(self.get(self.TELEMETRY, False))

    @property
    def font_choice(self) -> FontChoice:
        """The fonts PDFs are printed in: the bundled ones unless this device chose "system"."""
        chosen = self.get(self.FONTS, DEFAULT_FONTS)
        return next((choice for choice in FONT_CHOICES if choice == chosen), DEFAULT_FONTS)
