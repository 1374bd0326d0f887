"""What the Today page shows, gathered on the database thread in one job (`load_today`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from curriculum.syllabus import Syllabus
from progress.attention import Attention, attention
from progress.dashboard import skill_title
from storage.backup import list_backups
from storage.database import Store
from storage.today import (
    UnsavedMarks,
    WaitingSheet,
    class_members,
    sheet_count,
    unsaved_marks,
    waiting_sheets,
)


@dataclass(frozen=True)
class Practice:
    """What the builder opens with: for a child, their skills to practise ticked; for a class,
    an adaptive class set (each child's own progress chooses)."""

    child_id: str | None = None
    class_id: str | None = None
    subject: str | None = None
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChildDue:
    child_id: str
    name: str
    grade: int
    attention: Attention
    titles: dict[str, str]  # skill tag -> its title

    def practice(self) -> Practice:
        """The child's subject with the most skills to practise, and those skills ticked."""
        subjects = Counter(tag.split(".")[0] for tag in self.attention.skills)
        if not subjects:
            return Practice(child_id=self.child_id)
        subject = subjects.most_common(1)[0][0]
        skills = tuple(t for t in self.attention.skills if t.split(".")[0] == subject)
        return Practice(child_id=self.child_id, subject=subject, skills=skills)


@dataclass(frozen=True)
class ClassDue:
    class_id: str
    name: str
    grade: int
    size: int
    children: list[ChildDue]  # those who need practice

    def practice(self) -> Practice:
        return Practice(class_id=self.class_id)


@dataclass(frozen=True)
class WaitingGroup:
    """A sheet waiting to be graded, or a class set's sheets; `first` opens on the Grade page."""

    first: WaitingSheet
    count: int


@dataclass(frozen=True)
class TodayData:
    today: date
    teacher: bool
    unsaved: list[UnsavedMarks]
    waiting: list[WaitingGroup]
    classes: list[ClassDue]
    children: list[ChildDue]  # a teacher: those in no class; a parent: all
    counts: dict[str, int] = field(default_factory=dict)  # children, classes, sheets
    last_backup: datetime | None = None


def load_today(store: Store, today: date) -> TodayData:
    profile = store.profiles.current()
    teacher = profile is not None and profile.active_role == "teacher"
    children = {c.id or "": c for c in store.children.all()}
    syllabus = store.custom_content.syllabus()
    due = {child_id: _child_due(store, syllabus, child_id, today) for child_id in children}
    classes = _classes_due(store, due, today) if teacher else []
    in_class = _members(store, teacher)
    alone = [d for d in due.values() if d.child_id not in in_class and d.attention.needed(today)]
    return TodayData(
        today=today,
        teacher=teacher,
        unsaved=unsaved_marks(store),
        waiting=group_waiting(waiting_sheets(store)),
        classes=classes,
        children=sorted(alone, key=lambda d: d.name.casefold()),
        counts={
            "children": len(children),
            "classes": len(store.classes.all()),
            "sheets": sheet_count(store),
        },
        last_backup=_last_backup(store.path),
    )


def _child_due(store: Store, syllabus: Syllabus, child_id: str, today: date) -> ChildDue:
    child = store.children.get(child_id)
    found = attention(store.progress.mastery(child_id), store.attempts.for_child(child_id), today)
    titles = {tag: skill_title(syllabus, tag) for tag in found.skills}
    return ChildDue(child_id, child.name, child.grade, found, titles)


def _classes_due(store: Store, due: dict[str, ChildDue], today: date) -> list[ClassDue]:
    members = class_members(store)
    found = []
    for school_class in sorted(store.classes.all(), key=lambda c: c.name.casefold()):
        ids = [i for i in members.get(school_class.id or "", []) if i in due]
        needing = [due[i] for i in ids if due[i].attention.needed(today)]
        if needing:
            found.append(
                ClassDue(
                    school_class.id or "",
                    school_class.name,
                    school_class.grade,
                    len(ids),
                    sorted(needing, key=lambda d: d.name.casefold()),
                )
            )
    return found


def _members(store: Store, teacher: bool) -> set[str]:
    """Children a teacher sees through their classes (not listed again on their own)."""
    if not teacher:
        return set()
    return {child for ids in class_members(store).values() for child in ids}


def group_waiting(sheets: list[WaitingSheet]) -> list[WaitingGroup]:
    """A class set's sheets (same class, title and date) as one line; newest first."""
    groups: dict[tuple[str, ...], list[WaitingSheet]] = {}
    for sheet in sheets:
        key = (sheet.class_id, sheet.title, sheet.date) if sheet.class_id else (sheet.worksheet_id,)
        groups.setdefault(key, []).append(sheet)
    lines = [WaitingGroup(found[0], len(found)) for found in groups.values()]
    return lines[::-1]


def _last_backup(database: Path) -> datetime | None:
    backups = list_backups(database)
    return datetime.fromtimestamp(backups[0].stat().st_mtime) if backups else None
