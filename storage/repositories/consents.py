"""Append-only facts kept for people: guardian consents, certificates, opt-in telemetry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storage.records import Certificate, GuardianConsent, TelemetryEvent, validated
from storage.repositories.base import Repository
from storage.repositories.profiles import DeviceSettings
from storage.tables import CERTIFICATES, GUARDIAN_CONSENTS, TELEMETRY_EVENTS


class ConsentRepository(Repository[GuardianConsent]):
    table = GUARDIAN_CONSENTS
    model = GuardianConsent

    def record(self, consent: GuardianConsent | Mapping[str, Any]) -> GuardianConsent:
        """Keep a consent (or its withdrawal, `consent_given=False`) as a new record."""
        return self._insert([consent])[0]

    def for_child(self, child_id: str) -> list[GuardianConsent]:
        return self._select(
            "child_id = ? AND deleted_at IS NULL", (child_id,), order="consented_at, id"
        )

    def has_consent(self, child_id: str) -> bool:
        """True if the latest record for the child gives consent."""
        records = self.for_child(child_id)
        return bool(records) and records[-1].consent_given


class CertificateRepository(Repository[Certificate]):
    table = CERTIFICATES
    model = Certificate

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
