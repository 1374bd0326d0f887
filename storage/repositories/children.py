"""Children: add, edit, archive, erase."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storage.consent import ConsentBasis, require_basis
from storage.records import Child
from storage.repositories.base import Repository
from storage.tables import (
    ATTEMPT_EVENTS,
    CERTIFICATES,
    CHILDREN,
    CLASS_MEMBERS,
    TOPIC_PREFERENCES,
    WORKSHEETS,
    SyncedTable,
)
from storage.writer import utc_now

# What erasing a child tombstones with them. Consent records stay: they are the proof that
# the child's data was processed lawfully, and hold the guardian's words, not the child's data.
CHILD_OWNED: tuple[tuple[SyncedTable, str], ...] = (
    (CLASS_MEMBERS, "child_id"),
    (TOPIC_PREFERENCES, "child_id"),
    (WORKSHEETS, "child_id"),
    (ATTEMPT_EVENTS, "student_id"),
    (CERTIFICATES, "child_id"),
)


class ChildRepository(Repository[Child]):
    table = CHILDREN
    model = Child
    noun = "child"

    def add(self, child: Child | Mapping[str, Any], basis: ConsentBasis) -> Child:
        """Add a child with their consent record (written first), in one transaction."""
        return self.add_many([child], basis)[0]

    def add_many(
        self, children: Sequence[Child | Mapping[str, Any]], basis: ConsentBasis
    ) -> list[Child]:
        """Add all or none, each with a consent record on `basis`, in one transaction.

        No child is kept without a consent record: without a `ConsentBasis` this raises
        ConsentRequired and writes nothing.
        """
        basis = require_basis(basis)
        models = [self._with_id(child) for child in children]
        with self.store.write():
            self.store.consents.record_many(basis.records_for([m.id or "" for m in models]))
            self._insert(models)
        return models

    def add_with_consent(
        self,
        child: Child | Mapping[str, Any],
        consent: Mapping[str, Any],
        *,
        notice_text: str,
        app_version: str,
    ) -> Child:
        """Add a child together with the guardian's consent, in one transaction.

        `consent` holds guardian_name, relation, optional guardian_contact and notice_version;
        `notice_text` is the notice exactly as the guardian was shown it (its SHA-256 is kept).
        If either the child or the consent is invalid, neither is stored.
        """
        added = self._with_id(child)
        basis = ConsentBasis.guardian(
            consent.get("guardian_name", ""),
            consent.get("relation", ""),
            contact=consent.get("guardian_contact"),
            notice_text=notice_text,
            notice_version=consent.get("notice_version", ""),
            app_version=app_version,
        )
        return self.add(added, basis)

    def without_consent(self) -> list[Child]:
        """Children kept with no consent record at all (added by a version that allowed it)."""
        return self._select(
            "deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM guardian_consents g "
            "WHERE g.child_id = children.id AND g.deleted_at IS NULL)",
            order="name COLLATE NOCASE, id",
        )

    def all(self, include_archived: bool = False) -> list[Child]:
        where = "deleted_at IS NULL" + ("" if include_archived else " AND archived_at IS NULL")
        return self._select(where, order="name COLLATE NOCASE, id")

    def find_by_name(self, name: str) -> list[Child]:
        return self._select(
            "deleted_at IS NULL AND name = ? COLLATE NOCASE", (" ".join(name.split()),)
        )

    def update(self, child_id: str, **changes: Any) -> Child:
        return self._update(child_id, changes)

    def archive(self, child_id: str) -> Child:
        """Hide a child from lists without losing their history (e.g. they left the school)."""
        return self._update(child_id, {"archived_at": utc_now()})

    def unarchive(self, child_id: str) -> Child:
        return self._update(child_id, {"archived_at": None})

    def delete(self, child_id: str) -> None:
        """Erase a child: the child and everything kept about them become tombstones."""
        self.get(child_id)
        with self.store.write() as writer:
            for table, column in CHILD_OWNED:
                for row in self.store.query(
                    f"SELECT id FROM {table.name} WHERE {column} = ? AND deleted_at IS NULL",
                    (child_id,),
                ):
                    writer.delete(table, row["id"])
            writer.delete(CHILDREN, child_id)
            self.store.progress.forget(child_id)
            self.store.drafts.forget_child(child_id)
