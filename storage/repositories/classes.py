"""Teachers' classes and their rosters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storage.errors import InvalidInput, NotFoundError
from storage.ids import natural_id
from storage.records import Child, TeacherClass, from_row, validated
from storage.repositories.base import Repository
from storage.tables import CHILDREN, CLASS_MEMBERS, TEACHER_CLASSES
from storage.writer import Writer, utc_now


class ClassRepository(Repository[TeacherClass]):
    table = TEACHER_CLASSES
    model = TeacherClass
    noun = "class"

    def add(self, school_class: TeacherClass | Mapping[str, Any]) -> TeacherClass:
        record = validated(
            TeacherClass, dict(school_class) if isinstance(school_class, Mapping) else school_class
        )
        if self._select("deleted_at IS NULL AND name = ? COLLATE NOCASE", (record.name,)):
            raise InvalidInput(f"a class named {record.name!r} already exists", field="name")
        return self._insert([record])[0]

    def all(self, include_archived: bool = False) -> list[TeacherClass]:
        where = "deleted_at IS NULL" + ("" if include_archived else " AND archived_at IS NULL")
        return self._select(where, order="grade, name COLLATE NOCASE")

    def by_name(self, name: str) -> TeacherClass:
        found = self._select("deleted_at IS NULL AND name = ? COLLATE NOCASE", (name.strip(),))
        if not found:
            raise NotFoundError(f"there is no class named {name.strip()!r}")
        return found[0]

    def update(self, class_id: str, **changes: Any) -> TeacherClass:
        return self._update(class_id, changes)

    def add_member(self, class_id: str, child_id: str, roll_number: str | None = None) -> None:
        with self.store.write() as writer:
            self.join(writer, class_id, child_id, roll_number)

    def join(
        self, writer: Writer, class_id: str, child_id: str, roll_number: str | None = None
    ) -> None:
        """Put a child on a class roster inside the caller's transaction (idempotent)."""
        member_id = natural_id("class_member", class_id, child_id)
        rows = self.store.query(
            "SELECT roll_number, left_at FROM class_members WHERE id = ? AND deleted_at IS NULL",
            (member_id,),
        )
        if not rows:
            writer.insert(CLASS_MEMBERS, [(class_id, child_id, roll_number, None)], [member_id])
            return
        changes: dict[str, Any] = {"left_at": None} if rows[0]["left_at"] else {}
        if roll_number is not None and roll_number != rows[0]["roll_number"]:
            changes["roll_number"] = roll_number
        if changes:
            writer.update(CLASS_MEMBERS, member_id, changes)

    def remove_member(self, class_id: str, child_id: str) -> None:
        """Take a child off the roster; they can rejoin later."""
        member_id = natural_id("class_member", class_id, child_id)
        if not self.store.query(
            "SELECT 1 FROM class_members WHERE id = ? AND deleted_at IS NULL",
            (member_id,),
        ):
            raise NotFoundError("that child is not in this class")
        with self.store.write() as writer:
            writer.update(CLASS_MEMBERS, member_id, {"left_at": utc_now()})

    def members(self, class_id: str) -> list[Child]:
        columns = ", ".join(f"c.{name}" for name in ("id", *CHILDREN.columns))
        rows = self.store.query(
            f"SELECT {columns} FROM class_members m JOIN children c ON c.id = m.child_id "
            "WHERE m.class_id = ? AND m.left_at IS NULL AND m.deleted_at IS NULL "
            "AND c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE, c.id",
            (class_id,),
        )
        return [from_row(Child, dict(row)) for row in rows]

    def roll_numbers(self, class_id: str) -> dict[str, str]:
        """Each current member's roll number in this class (or the child's own), by child id."""
        rows = self.store.query(
            "SELECT m.child_id, COALESCE(m.roll_number, c.roll_number) AS roll "
            "FROM class_members m JOIN children c ON c.id = m.child_id WHERE m.class_id = ? "
            "AND m.left_at IS NULL AND m.deleted_at IS NULL AND c.deleted_at IS NULL",
            (class_id,),
        )
        return {row["child_id"]: row["roll"] for row in rows if row["roll"]}

    def of_child(self, child_id: str) -> list[TeacherClass]:
        """The classes a child is in now."""
        return self._select(
            "deleted_at IS NULL AND id IN (SELECT class_id FROM class_members WHERE child_id = ? "
            "AND left_at IS NULL AND deleted_at IS NULL)",
            (child_id,),
            order="grade, name COLLATE NOCASE",
        )
