"""What the Settings page reads and writes; these functions run on the database worker.

The profile (role, name, language, paper) is the account's and syncs; large print, the logo,
the fonts and telemetry belong to this device only (`store.settings`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from storage.database import Store
from storage.errors import InvalidInput
from storage.records import Role, UserProfile
from worksheets.render.fonts import DEFAULT_FONTS, FontChoice

LARGE_PRINT = "worksheets.large_print"
LOGO = "worksheets.logo"
LOGO_FILE = "logo.png"
LOGO_MAX_SIDE = 800  # pixels; plenty for a header, small enough to keep the data folder light


@dataclass(frozen=True)
class SettingsValues:
    """Everything the page shows in its form, with the defaults of a new installation."""

    role: Role = "teacher"
    name: str = ""
    language: str = "en"
    paper: str = "A4"
    large_print: bool = False
    telemetry: bool = False
    logo: str | None = None
    fonts: FontChoice = DEFAULT_FONTS


def load_settings(store: Store) -> SettingsValues:
    profile = store.profiles.current()
    device = store.settings
    logo = device.get(LOGO)
    common: dict[str, Any] = {
        "large_print": bool(device.get(LARGE_PRINT, False)),
        "telemetry": device.telemetry_enabled,
        "logo": logo if isinstance(logo, str) and Path(logo).is_file() else None,
        "fonts": device.font_choice,
    }
    if profile is None:
        return SettingsValues(**common)
    return SettingsValues(
        role=profile.active_role,
        name=_profile_name(profile),
        language=profile.worksheet_language,
        paper=profile.paper_size,
        **common,
    )


def _profile_name(profile: UserProfile) -> str:
    if profile.active_role == "teacher":
        return profile.school_name or ""
    return profile.display_name or ""


def save_settings(
    store: Store, values: SettingsValues, new_logo: Path | None = None
) -> SettingsValues:
    """Save the form in one transaction: the profile's fields and this device's settings.

    A newly chosen logo is first copied into the data folder (beside the database).
    """
    if new_logo is not None:
        values = replace(values, logo=str(copy_logo(new_logo, store.path.parent)))
    with store.write():
        store.profiles.save(_profile_fields(store.profiles.current(), values))
        store.settings.set(LARGE_PRINT, values.large_print)
        store.settings.set(store.settings.TELEMETRY, values.telemetry)
        store.settings.set(LOGO, values.logo)
        store.settings.set(store.settings.FONTS, values.fonts)
    return load_settings(store)


def _profile_fields(current: UserProfile | None, values: SettingsValues) -> dict[str, Any]:
    """The saved profile with the form's changes; fields the page does not show are kept."""
    fields: dict[str, Any] = current.model_dump(exclude={"id"}) if current else {}
    fields.setdefault("role", values.role)
    name = values.name.strip() or None
    fields.update(
        active_role=values.role, worksheet_language=values.language, paper_size=values.paper
    )
    if values.role == "teacher":
        fields["school_name"] = name
    else:
        fields["display_name"] = name
    return fields


def copy_logo(source: Path, data_dir: Path) -> Path:
    """Copy an image into the data folder as `logo.png` (scaled down if large); its new path."""
    image = QImage(str(source))  # QImage (unlike QPixmap) may be used off the UI thread
    if image.isNull():
        raise InvalidInput(
            f"{source.name} is not a picture PracticeCraft can read; choose a PNG or JPEG file",
            field="logo",
        )
    if max(image.width(), image.height()) > LOGO_MAX_SIDE:
        image = image.scaled(
            LOGO_MAX_SIDE,
            LOGO_MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    target = data_dir / LOGO_FILE
    data_dir.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):  # PNG, from the file name
        raise OSError(f"could not write {target}")
    return target
