"""Certificates for mastered chapters: issued once per child and chapter, printed as often as asked.

The command line and the desktop app both issue and print through here, so a certificate is the
same whichever of them made it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from curriculum.syllabus import Chapter
from progress.attempts import SCHOOL_TIME
from progress.engagement import CHAPTER_PREFIX
from storage.errors import InvalidInput
from storage.records import Certificate
from worksheets.assembly import SUBJECT_NAMES, printed_date
from worksheets.codes import verification_code
from worksheets.render.certificate import CertificateView, render_certificate

if TYPE_CHECKING:
    from storage.database import Store


def issue_certificate(
    store: Store, child_id: str, chapter_key: str, today: date | None = None
) -> Certificate:
    """The child's certificate for a chapter they have mastered; the one already issued if any.

    Raises InvalidInput for an unknown chapter or one not mastered yet.
    """
    child = store.children.get(child_id)
    chapter = _chapter(store, chapter_key)
    for existing in store.certificates.for_child(child_id):
        if existing.chapter_key == chapter_key:
            return existing
    earned = {a.key for a in store.progress.achievements(child_id)}
    if CHAPTER_PREFIX + chapter_key not in earned:
        mastery = store.progress.mastery(child_id)
        missing = [
            s.tag
            for s in chapter.skills
            if s.tag not in mastery or mastery[s.tag].level != "mastered"
        ]
        raise InvalidInput(
            f"{child.name} has not mastered {chapter.title} yet ({len(missing)} skill(s) to go)"
        )
    day = today or datetime.now(SCHOOL_TIME).date()
    return store.certificates.issue(
        {
            "child_id": child_id,
            "chapter_key": chapter_key,
            "chapter_title": chapter.title,
            "certificate_number": f"PC-{day.year}-{verification_code()[:6]}",
            "verification_code": verification_code(),
            "issued_at": day.isoformat(),
        }
    )


def print_certificate(store: Store, certificate: Certificate, out: Path) -> None:
    """Write the certificate as a one-page PDF (the same bytes every time it is printed)."""
    render_certificate(certificate_view(store, certificate), out, store.settings.font_choice)


def certificate_view(store: Store, certificate: Certificate) -> CertificateView:
    child = store.children.get(certificate.child_id)
    subject, grade = certificate.chapter_key.split(".")[:2]
    profile = store.profiles.current()
    return CertificateView(
        child_name=child.name,
        chapter_title=certificate.chapter_title,
        subject_line=f"{SUBJECT_NAMES.get(subject, subject)}, Class {grade.removeprefix('c')}",
        issued_on=printed_date(certificate.issued_at),
        number=certificate.certificate_number,
        verification_code=certificate.verification_code,
        school_name=(profile.school_name or "") if profile else "",
    )


def _chapter(store: Store, chapter_key: str) -> Chapter:
    syllabus = store.custom_content.syllabus()
    for _, grade in syllabus.entries():
        for chapter in grade.chapters:
            if chapter.key == chapter_key:
                return chapter
    raise InvalidInput(f"no chapter {chapter_key} (see `practicecraft syllabus list`)")
