"""Append-only facts kept for people: guardian consents, certificates, opt-in telemetry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storage.consent import (
    SCHOOL_RELATION,
    WITHDRAWAL_NOTICE,
    WITHDRAWAL_NOTICE_VERSION,
    WITHDRAWAL_PURPOSE,
    ConsentBasis,
    ConsentWithdrawn,
    running_version,
)
from storage.records import (
    Certificate,
    GuardianConsent,
    TelemetryEvent,
    notice_sha256,
    validated,
)
from storage.repositories.base import Repository
from storage.repositories.profiles import DeviceSettings
from storage.tables import CERTIFICATES, GUARDIAN_CONSENTS, TELEMETRY_EVENTS
from storage.writer import utc_now


class ConsentRepository(Repository[GuardianConsent]):
    table = GUARDIAN_CONSENTS
    model = GuardianConsent
    noun = "consent record"

    def record(self, consent: GuardianConsent | Mapping[str, Any]) -> GuardianConsent:
        """Keep a consent (or its withdrawal, `consent_given=False`) as a new record."""
        return self._insert([consent])[0]

    def record_many(self, consents: Sequence[GuardianConsent]) -> list[GuardianConsent]:
        return self._insert(consents)

    def record_basis(self, child_ids: Sequence[str], basis: ConsentBasis) -> int:
        """Record `basis` for children already kept (e.g. from before consent was asked for).

        Returns how many records were written; unknown or erased children are refused.
        """
        for child_id in child_ids:
            self.store.children.get(child_id)
        self.record_many(basis.records_for(child_ids))
        return len(child_ids)

    def school_basis_of_class(self, class_id: str) -> ConsentBasis | None:
        """The school's basis confirmed for the class (its latest record for a member), which
        covers a child added to the class later; None if no one has confirmed it yet."""
        found = self._select(
            "deleted_at IS NULL AND consent_given = 1 AND relation = ? AND child_id IN "
            "(SELECT child_id FROM class_members WHERE class_id = ? AND deleted_at IS NULL)",
            (SCHOOL_RELATION, class_id),
            order="consented_at DESC, id DESC LIMIT 1",
        )
        return ConsentBasis.of(found[0]) if found else None

    def for_child(self, child_id: str) -> list[GuardianConsent]:
        return self._select(
            "child_id = ? AND deleted_at IS NULL", (child_id,), order="consented_at, id"
        )

    def has_consent(self, child_id: str) -> bool:
        """True if the latest record for the child gives consent."""
        records = self.for_child(child_id)
        return bool(records) and records[-1].consent_given

    def withdraw(self, child_id: str, by: str, notice_text: str = WITHDRAWAL_NOTICE) -> None:
        """Record that consent is withdrawn (a new record; the earlier ones stay as proof).

        From the next action on, the child gets no sheets and no grades, is left out of class
        sets, and nothing about them but this record is pushed (`withdrawn_children`).
        """
        self.store.children.get(child_id)  # NotFoundError for an unknown or erased child
        records = self.for_child(child_id)
        if records and not records[-1].consent_given:
            return  # already withdrawn: one click, one record
        relation = records[-1].relation if records else "Not recorded"
        self.record(
            {
                "child_id": child_id,
                "guardian_name": by,
                "relation": relation,
                "purpose": WITHDRAWAL_PURPOSE,
                "consent_given": False,
                "notice_version": WITHDRAWAL_NOTICE_VERSION,
                "notice_sha256": notice_sha256(notice_text),
                "consented_at": utc_now(),
                "app_version": running_version(),
            }
        )

    def withdrawn_children(self) -> set[str]:
        """Children whose latest consent record withdraws it: held back from sync and use."""
        rows = self.store.query(
            "SELECT child_id FROM (SELECT child_id, consent_given, row_number() OVER "
            "(PARTITION BY child_id ORDER BY consented_at DESC, id DESC) AS newest "
            "FROM guardian_consents WHERE deleted_at IS NULL) "
            "WHERE newest = 1 AND consent_given = 0"
        )
        return {str(row["child_id"]) for row in rows}

    def require_active(self, child_id: str) -> None:
        """ConsentWithdrawn unless the child may be processed (consent not withdrawn)."""
        if child_id in self.withdrawn_children():
            raise ConsentWithdrawn(self.store.children.get(child_id).name)


class CertificateRepository(Repository[Certificate]):
    table = CERTIFICATES
    model = Certificate
    noun = "certificate"

    def issue(self, certificate: Certificate | Mapping[str, Any]) -> Certificate:
        return self._insert([certificate])[0]

    def for_child(self, child_id: str) -> list[Certificate]:
        return self._select("child_id = ? AND deleted_at IS NULL", (child_id,), order="issued_at")


class TelemetryRepository(Repository[TelemetryEvent]):
    """Telemetry is kept only if the user opted in on this device; otherwise nothing is written."""

    table = TELEMETRY_EVENTS
    model = TelemetryEvent

    def record(self, event: TelemetryEvent | Mapping[str, Any]) -> bool:
        checked = validated(TelemetryEvent, dict(event) if isinstance(event, Mapping) else event)
        if not DeviceSettings(self.store).telemetry_enabled:
            return False
        self._insert([checked])
        return True
