"""The Today page's building blocks: a titled section of lines, each with its action buttons,
and the words each line says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.pages.today_data import ChildDue, ClassDue, WaitingGroup
from progress.attention import IDLE_AFTER_DAYS
from storage.today import UnsavedMarks

WARNING_STYLE = "color: #9a3412"  # a dark orange that reads on light and dark backgrounds

Action = tuple[str, Callable[[], None]]  # button text, what it does


class Line(QWidget):
    """One thing to do: what it is, and a button or two that do it."""

    def __init__(self, text: str, actions: tuple[Action, ...], warning: bool = False) -> None:
        super().__init__()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if warning:
            self.label.setStyleSheet(WARNING_STYLE)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.addWidget(self.label, 1)
        for caption, act in actions:
            button = QPushButton(caption)
            button.clicked.connect(lambda _=False, act=act: act())
            self.buttons.append(button)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

    @property
    def text(self) -> str:
        return self.label.text()


class Section(QGroupBox):
    """A heading and its lines; `lines` is what it shows now."""

    def __init__(self, title: str, name: str) -> None:
        super().__init__(title)
        self.setObjectName(name)
        self.lines: list[Line] = []
        self._layout = QVBoxLayout(self)

    def clear(self) -> None:
        for line in self.lines:
            self._layout.removeWidget(line)
            line.deleteLater()
        self.lines = []

    def add(self, text: str, *actions: Action, warning: bool = False) -> Line:
        line = Line(text, actions, warning)
        self.lines.append(line)
        self._layout.addWidget(line)
        return line


# --- the words -------------------------------------------------------------------------------


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def unsaved_line(marks: UnsavedMarks) -> str:
    whose = marks.child_name or "A class sheet (whose is not chosen yet)"
    return f"{whose} — {marks.title} ({marks.code}): marks typed but not saved yet."


def waiting_line(group: WaitingGroup) -> str:
    sheet = group.first
    made = f", {sheet.date}" if sheet.date else ""
    if group.count > 1:
        return f"Class {sheet.class_name} — {sheet.title}{made}: {group.count} sheets to grade."
    who = sheet.child_name or f"Class {sheet.class_name}"
    return f"{who} — {sheet.title} ({sheet.code}{made})."


def child_line(due: ChildDue, today: date) -> str:
    return f"{due.name} (Class {due.grade}): {child_reasons(due, today)}."


def child_reasons(due: ChildDue, today: date) -> str:
    found = due.attention
    reasons = []
    if found.stuck:
        reasons.append("stuck on " + _titles(found.stuck, due.titles))
    if found.due:
        reasons.append(
            f"{plural(len(found.due), 'skill')} due for review ({_titles(found.due, due.titles)})"
        )
    idle = found.idle_days(today)
    if idle is None:
        reasons.append("no worksheet graded yet")
    elif idle >= IDLE_AFTER_DAYS:
        reasons.append(f"no practice for {idle} days")
    return "; ".join(reasons)


def _titles(tags: tuple[str, ...], titles: dict[str, str]) -> str:
    named = [titles.get(tag, tag) for tag in tags[:2]]
    more = f" and {len(tags) - 2} more" if len(tags) > 2 else ""
    return ", ".join(named) + more


def class_line(due: ClassDue, today: date) -> str:
    def count(test: Callable[[ChildDue], bool]) -> int:
        return sum(1 for child in due.children if test(child))

    never = count(lambda c: c.attention.last_practised is None)
    idle = count(lambda c: (c.attention.idle_days(today) or 0) >= IDLE_AFTER_DAYS)
    parts = [
        (count(lambda c: bool(c.attention.stuck)), "is stuck on a skill", "are stuck on a skill"),
        (
            count(lambda c: bool(c.attention.due)),
            "has skills due for review",
            "have skills due for review",
        ),
        (idle, "has not practised for a week", "have not practised for a week"),
        (never, "has had no worksheet graded yet", "have had no worksheet graded yet"),
    ]
    said = [
        f"{plural(n, 'child', 'children')} {one if n == 1 else many}" for n, one, many in parts if n
    ]
    return f"Class {due.name} ({plural(due.size, 'child', 'children')}): " + "; ".join(said) + "."


def backup_line(made: datetime | None, now: datetime) -> tuple[str, bool]:
    """What to say of the last backup, and whether it is a warning (none, or a week old)."""
    if made is None:
        return (
            "No backup yet. A backup keeps the children's marks safe if this computer breaks "
            "or is lost.",
            True,
        )
    days = (now.date() - made.date()).days
    when = f"{made:%a} {made.day} {made:%b %Y}, {made.hour % 12 or 12}:{made:%M} " + (
        "am" if made.hour < 12 else "pm"
    )
    if days >= IDLE_AFTER_DAYS:
        return (
            f"The last backup was {days} days ago ({when}). Back up now to keep the marks "
            "given since then safe.",
            True,
        )
    ago = {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")
    return f"Last backup: {when} ({ago}).", False
