"""A teacher's own syllabus: custom skills and the bank items that practise them.

Rows are checked on the way in against exactly what reading them back needs (`CustomSkill`,
`BankItem`), so an import cannot store a row that breaks the syllabus. A database kept by an
older version may still hold such a row: reading skips it (and `unusable()` names it, for
`bank list` and `db check`) rather than failing every command; the teacher imports a corrected
file (which mends the row) or removes it with `bank remove`, a tombstone that syncs like any
other change. We do not repair such rows at open: cutting a teacher's text short without
asking would change their content on every device.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from curriculum.banks import BankItem, read_bank
from curriculum.custom import CustomSkill, new_custom_skills, with_custom
from curriculum.syllabus import Syllabus, builtin_syllabus
from curriculum.text_policy import STORED
from curriculum.wording import count, first_problem
from storage.errors import NotFoundError
from storage.ids import natural_id
from storage.tables import BANK_ITEMS, CUSTOM_SKILLS, SyncedTable
from storage.writer import Writer

LABELS = {"concept": "Remember note", "chapter_title": "chapter", "skill_title": "skill title"}


@dataclass(frozen=True)
class Unusable:
    """A stored skill or question that cannot be read back, and why."""

    kind: str  # "skill" or "question"
    name: str  # the skill's tag or the question's id
    problem: str


@dataclass(frozen=True)
class BankImport:
    added: int
    already: int
    skills: int
    backup: Path | None

    def describe(self) -> str:
        text = f"Imported {count(self.added, 'new question', 'new questions')}"
        text += f" ({self.already} already there)"
        text += f" and {count(self.skills, 'new skill', 'new skills')}." if self.skills else "."
        if self.backup is not None:
            text += f"\nYour data was backed up first, to {self.backup}"
        return text


@dataclass(frozen=True)
class Removal:
    items: int
    skills: int
    backup: Path | None

    def describe(self) -> str:
        text = f"Removed {count(self.items, 'question', 'questions')}"
        text += f" and {count(self.skills, 'skill', 'skills')}." if self.skills else "."
        if self.backup is not None:
            text += f"\nYour data was backed up first, to {self.backup}"
        return text


class CustomContentRepository:
    def __init__(self, store: Any) -> None:
        self.store = store

    def import_file(self, path: Path) -> BankImport:
        """Check every item of a bank file, back the database up, then save new skills and items
        in one transaction. A bad item raises DataFileError naming its line; nothing is kept."""
        lines = read_bank(path)
        items = [item for _, item in lines]
        known = {s["skill_tag"] for s in self.skills()}
        line_of = {item.id: line for line, item in lines}
        skills = new_custom_skills(items, builtin_syllabus(), known, str(path), line_of)
        backup = self.store.backup() if self._would_change(items, skills) else None
        added = self.import_items(items, skills)
        return BankImport(added, len(items) - added, len(skills), backup)

    def import_items(self, items: Sequence[BankItem], skills: Sequence[dict[str, Any]]) -> int:
        """Save new skills and items in one transaction; an item with a known id is replaced.

        Returns how many items were new.
        """
        checked = [CustomSkill.model_validate(skill) for skill in skills]
        live_items = self._live("bank_items", "item_id", "item")
        added = 0
        with self.store.write() as writer:
            for skill in checked:
                self._save_skill(writer, skill)
            for item in items:
                document = item.model_dump(mode="json", exclude_defaults=True)
                if item.id not in live_items:
                    row_id = self._fresh_id(BANK_ITEMS, "bank_item", item.id)
                    writer.insert(BANK_ITEMS, [(item.id, item.skill, document)], [row_id])
                    added += 1
                    continue
                row_id, stored = live_items[item.id]
                if json.loads(stored) != document:
                    writer.update(BANK_ITEMS, row_id, {"skill_tag": item.skill, "item": document})
        return added

    def _save_skill(self, writer: Writer, skill: CustomSkill) -> None:
        """Insert a new skill; a stored row with its tag is one that could not be read back
        (readable ones are not offered again), so it is mended with the new description."""
        values = {c: getattr(skill, c) for c in CUSTOM_SKILLS.columns}
        stored = self.store.query(
            "SELECT * FROM custom_skills WHERE skill_tag = ? AND deleted_at IS NULL",
            (skill.skill_tag,),
        )
        if not stored:
            row_id = self._fresh_id(CUSTOM_SKILLS, "custom_skill", skill.skill_tag)
            writer.insert(CUSTOM_SKILLS, [tuple(values.values())], [row_id])
            return
        changed = {c: v for c, v in values.items() if stored[0][c] != v}
        if changed:
            writer.update(CUSTOM_SKILLS, stored[0]["id"], changed)

    def items(self) -> list[BankItem]:
        """Every stored question that reads back (see `unusable` for the others)."""
        return [item for item in self._stored_items() if isinstance(item, BankItem)]

    def skills(self) -> list[dict[str, Any]]:
        """Every stored skill that reads back into the syllabus, as a `custom_skills` row."""
        return [s.model_dump() for s in self._stored_skills() if isinstance(s, CustomSkill)]

    def unusable(self) -> list[Unusable]:
        """Stored rows that cannot be read back (kept by a version that did not check them)."""
        found = [s for s in self._stored_skills() if isinstance(s, Unusable)]
        return found + [i for i in self._stored_items() if isinstance(i, Unusable)]

    def syllabus(self) -> Syllabus:
        """The built-in syllabus with the teacher's own chapters added."""
        return with_custom(builtin_syllabus(), self.skills())

    def remove(self, names: Sequence[str]) -> Removal:
        """Remove skills (by tag: a custom skill and its questions, or your questions for a
        built-in skill) and questions (by id), as tombstones that sync, in one transaction.
        A name that matches nothing raises NotFoundError and nothing is removed."""
        skill_rows, item_rows = self._matching(names)
        return self._tombstone(skill_rows, item_rows)

    def remove_file(self, path: Path) -> Removal:
        """Remove the questions a bank file lists, and the own skills left with no questions."""
        listed = {item.id for _, item in read_bank(path)}
        live = self._live("bank_items", "item_id", "skill_tag")
        removed = {live[item_id] for item_id in listed if item_id in live}  # (row id, tag)
        if not removed:
            raise NotFoundError(f"none of the questions in {path.name} are kept")
        still_used = {tag for item_id, (_, tag) in live.items() if item_id not in listed}
        emptied = {tag for _, tag in removed} - still_used
        skills = self._live("custom_skills", "skill_tag")
        skill_rows = {skills[tag][0] for tag in emptied if tag in skills}
        return self._tombstone(skill_rows, {row_id for row_id, _ in removed})

    # -- reading -------------------------------------------------------------------------

    def _stored_skills(self) -> Iterable[CustomSkill | Unusable]:
        rows = self.store.query(
            "SELECT skill_tag, subject, grade, chapter_title, skill_title, concept "
            "FROM custom_skills WHERE deleted_at IS NULL ORDER BY grade, chapter_title, skill_tag"
        )
        seen: set[str] = set()
        for row in rows:
            if row["skill_tag"] in seen:
                continue
            seen.add(row["skill_tag"])
            try:
                yield CustomSkill.model_validate(dict(row))
            except ValidationError as error:
                yield Unusable("skill", row["skill_tag"], first_problem(error, LABELS)[1])

    def _stored_items(self) -> Iterable[BankItem | Unusable]:
        rows = self.store.query(
            "SELECT item_id, item FROM bank_items WHERE deleted_at IS NULL ORDER BY item_id"
        )
        for row in rows:
            try:
                yield BankItem.model_validate(json.loads(row["item"]), context=STORED)
            except ValidationError as error:
                yield Unusable("question", row["item_id"], first_problem(error)[1])

    def _live(self, table: str, key: str, value: str = "id") -> dict[str, tuple[str, Any]]:
        """Live rows of `table` by `key`: (row id, the `value` column)."""
        rows = self.store.query(
            f"SELECT id AS row_id, {key} AS key, {value} AS value FROM {table} "
            "WHERE deleted_at IS NULL"
        )
        return {r["key"]: (r["row_id"], r["value"]) for r in rows}

    def _fresh_id(self, table: SyncedTable, kind: str, key: str) -> str:
        """The natural id of `key`, or, if a removed row still holds it, the next generation's
        (the same on every device, so two devices re-adding it offline make one row)."""
        row_id, generation = natural_id(kind, key), 1
        while self.store.query(f"SELECT 1 FROM {table.name} WHERE id = ?", (row_id,)):
            generation += 1
            row_id = natural_id(kind, key, str(generation))
        return row_id

    def _would_change(self, items: Sequence[BankItem], skills: Sequence[Any]) -> bool:
        live = self._live("bank_items", "item_id", "item")
        for item in items:
            document = item.model_dump(mode="json", exclude_defaults=True)
            if item.id not in live or json.loads(live[item.id][1]) != document:
                return True
        return bool(skills)

    # -- removing ------------------------------------------------------------------------

    def _matching(self, names: Sequence[str]) -> tuple[set[str], set[str]]:
        skills = self._live("custom_skills", "skill_tag")
        items = self.store.query(
            "SELECT id, item_id, skill_tag FROM bank_items WHERE deleted_at IS NULL"
        )
        skill_rows: set[str] = set()
        item_rows: set[str] = set()
        for name in (n.strip() for n in names):
            matched = {r["id"] for r in items if name in (r["item_id"], r["skill_tag"])}
            if name in skills:
                skill_rows.add(skills[name][0])
            elif not matched:
                raise NotFoundError(f"there is no skill or question of yours called {name!r}")
            item_rows |= matched
        return skill_rows, item_rows

    def _tombstone(self, skill_rows: set[str], item_rows: set[str]) -> Removal:
        backup = self.store.backup()
        with self.store.write() as writer:
            for row_id in sorted(item_rows):
                writer.delete(BANK_ITEMS, row_id)
            for row_id in sorted(skill_rows):
                writer.delete(CUSTOM_SKILLS, row_id)
        return Removal(len(item_rows), len(skill_rows), backup)
