"""A teacher's own syllabus: custom skills and the bank items that practise them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from curriculum.banks import BankItem
from curriculum.custom import with_custom
from curriculum.syllabus import Syllabus, builtin_syllabus
from storage.ids import natural_id
from storage.tables import BANK_ITEMS, CUSTOM_SKILLS


class CustomContentRepository:
    def __init__(self, store: Any) -> None:
        self.store = store

    def import_items(self, items: Sequence[BankItem], skills: Sequence[dict[str, Any]]) -> int:
        """Save new skills and items in one transaction; an item with a known id is replaced.

        Returns how many items were new.
        """
        known_items = {
            r["id"]: r["item"]
            for r in self.store.query("SELECT id, item FROM bank_items WHERE deleted_at IS NULL")
        }
        known_skills = {
            r["id"]
            for r in self.store.query("SELECT id FROM custom_skills WHERE deleted_at IS NULL")
        }
        added = 0
        with self.store.write() as writer:
            for skill in skills:
                row_id = natural_id("custom_skill", skill["skill_tag"])
                if row_id not in known_skills:
                    values = tuple(skill[c] for c in CUSTOM_SKILLS.columns)
                    writer.insert(CUSTOM_SKILLS, [values], [row_id])
            for item in items:
                row_id = natural_id("bank_item", item.id)
                document = item.model_dump(mode="json", exclude_defaults=True)
                if row_id not in known_items:
                    writer.insert(BANK_ITEMS, [(item.id, item.skill, document)], [row_id])
                    added += 1
                elif json.loads(known_items[row_id]) != document:
                    writer.update(BANK_ITEMS, row_id, {"skill_tag": item.skill, "item": document})
        return added

    def items(self) -> list[BankItem]:
        rows = self.store.query(
            "SELECT item FROM bank_items WHERE deleted_at IS NULL ORDER BY item_id"
        )
        return [BankItem.model_validate(json.loads(r["item"])) for r in rows]

    def skills(self) -> list[dict[str, Any]]:
        rows = self.store.query(
            "SELECT skill_tag, subject, grade, chapter_title, skill_title, concept "
            "FROM custom_skills WHERE deleted_at IS NULL ORDER BY grade, chapter_title, skill_tag"
        )
        return [dict(r) for r in rows]

    def syllabus(self) -> Syllabus:
        """The built-in syllabus with the teacher's own chapters added."""
        return with_custom(builtin_syllabus(), self.skills())
