"""Children: add, edit, archive, erase."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from storage.consent import ConsentBasis, require_basis
from storage.erasure import (
    BackupRewrite,
    backups_holding,
    child_digest,
    compact,
    mark_for_compaction,
    queue_erasure,
    rewrite_backups,
    scrub_child,
)
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

    def erase(self, child_id: str) -> BackupRewrite:
        """Erase a child: every row about them goes from this database, its file and its
        backups, and an erasure request (naming the child only by a digest) is queued for the
        server, which removes them from the cloud and from every other device.

        The caller warns first: backups holding the child are rewritten without them (one that
        cannot be read is deleted). Raises NotFoundError for an unknown child.
        """
        self.get(child_id)
        self.store.conn.execute("PRAGMA secure_delete = ON")  # deleted cells are zeroed
        try:
            with self.store.write() as writer:
                scrub_child(self.store.conn, child_id)
                queue_erasure(self.store.conn, self.store, child_id)
                writer.stamped = True
                mark_for_compaction(self.store.conn)
        finally:
            self.store.conn.execute("PRAGMA secure_delete = OFF")
        compact(self.store)
        return rewrite_backups(self.store.path.parent, self.store.path, [child_digest(child_id)])

    def backups_holding(self, child_id: str) -> list[Path]:
        """The backups (and other database files of the folder) an erasure would rewrite."""
        return backups_holding(self.store.path.parent, self.store.path, [child_digest(child_id)])

    def delete(self, child_id: str) -> None:
        """Remove a child as a tombstone (synced as a deletion; rows kept until the server has
        it). This is not erasure: `erase` removes every copy of a child's data."""
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
