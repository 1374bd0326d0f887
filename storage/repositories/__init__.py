"""One repository per aggregate: the only way the rest of the app reads and writes its tables."""

from storage.repositories.analytics import AnalyticsRepository
from storage.repositories.attempts import AttemptRepository
from storage.repositories.children import ChildRepository
from storage.repositories.classes import ClassRepository
from storage.repositories.consents import (
    CertificateRepository,
    ConsentRepository,
    TelemetryRepository,
)
from storage.repositories.custom import CustomContentRepository
from storage.repositories.profiles import (
    DeviceSettings,
    ProfileRepository,
    TopicPreferenceRepository,
)
from storage.repositories.progress import ProgressRepository
from storage.repositories.sync import SyncRepository
from storage.repositories.worksheets import WorksheetRepository

__all__ = [
    "AnalyticsRepository",
    "AttemptRepository",
    "CertificateRepository",
    "ChildRepository",
    "ClassRepository",
    "ConsentRepository",
    "CustomContentRepository",
    "DeviceSettings",
    "ProfileRepository",
    "ProgressRepository",
    "SyncRepository",
    "TelemetryRepository",
    "TopicPreferenceRepository",
    "WorksheetRepository",
]
