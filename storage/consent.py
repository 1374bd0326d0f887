"""The basis on which a child's data is kept, and the notices shown before it is recorded.

Every child has a consent record (`guardian_consents`, append-only) of one of two kinds:

- a parent's or guardian's consent to `PARENT_NOTICE` (a family, or a teacher adding one child
  with the parent present);
- the school's own basis, confirmed once per class by the person responsible (the teacher or
  the head) after reading `SCHOOL_NOTICE`: India's DPDP Rules exempt educational institutions
  from verifiable parental consent for processing restricted to their educational activities.
  It is stored like any consent, one record per child: who confirmed it, `SCHOOL_RELATION`,
  `SCHOOL_PURPOSE`, the notice's version and SHA-256, the time and the app's version.

`ChildRepository` refuses to add a child without a `ConsentBasis`, in the same transaction.
A notice shown to people is kept word for word: any change to its text needs a new version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from storage.errors import InvalidInput
from storage.records import GuardianConsent, notice_sha256, validated
from storage.writer import utc_now

PARENT_NOTICE_VERSION = "2026-11"
PARENT_NOTICE = (
    "PracticeCraft keeps this child's name, class, roll number, answers and progress on this "
    "computer. They are used only to make practice worksheets and to show how the child is "
    "doing. They are never sold and never shown to advertisers. Nothing leaves this computer "
    "unless you sign in to sync it to your own account.\n\n"
    "The parent or guardian can ask for everything kept about the child to be erased at any "
    "time: Children → Erase."
)
PARENT_PURPOSE = "practice worksheets and progress tracking"

SCHOOL_NOTICE_VERSION = "school-2026-12"
SCHOOL_NOTICE = (
    "PracticeCraft keeps these children's names, classes, roll numbers, answers and progress on "
    "this computer for the school's own educational activities: making practice worksheets and "
    "following how each child is doing. They are never sold, never shown to advertisers and "
    "not used for anything else. Nothing leaves this computer unless the school signs in to "
    "sync it to its own account.\n\n"
    "The school keeps this data as an educational institution: under rule 12 and the Fourth "
    "Schedule of India's Digital Personal Data Protection Rules, an educational institution "
    "need not ask each parent for consent when a child's data is processed only for its "
    "educational activities. The person named below confirms this basis for the school. A "
    "parent or guardian can ask the school to erase everything kept about their child at any "
    "time: Children → Erase."
)
SCHOOL_RELATION = "School (educational institution)"
SCHOOL_PURPOSE = (
    "the school's educational activities: practice worksheets and progress tracking "
    "(educational institution: DPDP Rules, rule 12 and Fourth Schedule)"
)


# Shown before a withdrawal is recorded; kept like the other notices (its SHA-256 is stored on
# the withdrawal record, so what the person was told can always be shown again).
WITHDRAWAL_NOTICE_VERSION = "withdraw-2026-12"
WITHDRAWAL_NOTICE = (
    "Withdrawing consent stops PracticeCraft using this child's data: no new worksheets, no "
    "grading, no place in class sets, and nothing more about the child is sent to your "
    "account's other computers. What is already kept stays until you erase it: you can still "
    "export it, or erase the child now (Children → Erase). Giving consent again starts "
    "everything as before."
)
WITHDRAWAL_PURPOSE = "consent withdrawn: no further processing"


class ConsentRequired(InvalidInput):
    """A child was to be kept without a consent record; nothing was written."""


class ConsentWithdrawn(InvalidInput):
    """The child's consent was withdrawn: their data may be exported or erased, nothing else."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"consent for {name} was withdrawn, so their data is no longer used: record consent "
            "again to carry on, or export or erase their data"
        )


def running_version() -> str:
    """The app's version, kept with every consent record."""
    try:
        return version("practicecraft")
    except PackageNotFoundError:
        return "0.0.0+source"


@dataclass(frozen=True)
class ConsentBasis:
    """Who agreed (or confirmed the school's basis) to which notice: one record per child."""

    guardian_name: str
    relation: str
    purpose: str
    notice_version: str
    notice_sha256: str
    app_version: str
    guardian_contact: str | None = None

    @classmethod
    def guardian(
        cls,
        name: str,
        relation: str,
        *,
        contact: str | None = None,
        notice_text: str = PARENT_NOTICE,
        notice_version: str = PARENT_NOTICE_VERSION,
        app_version: str | None = None,
    ) -> ConsentBasis:
        """A parent's or guardian's consent to the notice they were shown (checked now)."""
        return cls._checked(
            name, relation, PARENT_PURPOSE, notice_text, notice_version, app_version, contact
        )

    @classmethod
    def school(
        cls,
        responsible: str,
        *,
        notice_text: str = SCHOOL_NOTICE,
        notice_version: str = SCHOOL_NOTICE_VERSION,
        app_version: str | None = None,
    ) -> ConsentBasis:
        """The school's basis, confirmed by the person responsible after reading the notice."""
        return cls._checked(
            responsible, SCHOOL_RELATION, SCHOOL_PURPOSE, notice_text, notice_version, app_version
        )

    @classmethod
    def of(cls, record: GuardianConsent, app_version: str | None = None) -> ConsentBasis:
        """The basis of an existing record, for another child it covers (a class's basis)."""
        return cls(
            record.guardian_name,
            record.relation,
            record.purpose,
            record.notice_version,
            record.notice_sha256,
            app_version or running_version(),
            record.guardian_contact,
        )

    @property
    def is_school(self) -> bool:
        return self.relation == SCHOOL_RELATION

    def record_for(self, child_id: str) -> GuardianConsent:
        return self.records_for([child_id])[0]

    def records_for(self, child_ids: Sequence[str]) -> list[GuardianConsent]:
        """One record per child, stamped now. The record is validated once, then copied per
        child (a class of 40 is one check, not 40)."""
        if not child_ids:
            return []
        template = validated(
            GuardianConsent,
            {
                "child_id": child_ids[0],
                "guardian_name": self.guardian_name,
                "guardian_contact": self.guardian_contact,
                "relation": self.relation,
                "purpose": self.purpose,
                "consent_given": True,
                "notice_version": self.notice_version,
                "notice_sha256": self.notice_sha256,
                "consented_at": utc_now(),
                "app_version": self.app_version,
            },
        )
        return [template.model_copy(update={"child_id": child_id}) for child_id in child_ids]

    @classmethod
    def _checked(
        cls,
        name: str,
        relation: str,
        purpose: str,
        notice_text: str,
        notice_version: str,
        version_: str | None,
        contact: str | None = None,
    ) -> ConsentBasis:
        """Validate through the record model now, so a bad name is refused before any child."""
        record = validated(
            GuardianConsent,
            {
                "child_id": "-",
                "guardian_name": name,
                "guardian_contact": contact or None,
                "relation": relation,
                "purpose": purpose,
                "notice_version": notice_version,
                "notice_sha256": notice_sha256(notice_text),
                "consented_at": utc_now(),
                "app_version": version_ or running_version(),
            },
        )
        return cls.of(record, record.app_version)


def require_basis(basis: object) -> ConsentBasis:
    """`basis`, or ConsentRequired: the storage-level rule that no child is kept without one."""
    if not isinstance(basis, ConsentBasis):
        raise ConsentRequired(
            "a child is kept only with a consent record: a parent's or guardian's consent, "
            "or the school's basis for its class"
        )
    return basis
