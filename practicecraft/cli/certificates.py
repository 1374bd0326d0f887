"""`practicecraft certificate`: issue a certificate for a mastered chapter, or print one again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from practicecraft.cli.context import App, pass_app
from practicecraft.cli.curriculum import full_syllabus
from progress.engagement import CHAPTER_PREFIX
from storage.errors import InvalidInput
from storage.records import Certificate
from worksheets.assembly import SUBJECT_NAMES as SUBJECTS
from worksheets.assembly import printed_date
from worksheets.codes import verification_code
from worksheets.render.certificate import CertificateView, render_certificate


@click.command()
@click.argument("certificate_id", required=False)
@click.option("--child", "child_id", default=None, help="Issue a new one for this child...")
@click.option(
    "--chapter", "chapter_key", default=None, help="...and this chapter, e.g. maths.c3.ch12."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_app
def certificate(
    app: App, certificate_id: str | None, child_id: str | None, chapter_key: str | None, out: Path
) -> None:
    """Print a certificate by its id, or issue one when a child has mastered a chapter."""
    store = app.store
    if certificate_id:
        found = store.certificates.get(certificate_id)
    elif child_id and chapter_key:
        found = _issue(app, child_id, chapter_key)
    else:
        raise click.UsageError("give a certificate id, or --child and --chapter")
    child = store.children.get(found.child_id)
    subject, grade = found.chapter_key.split(".")[:2]
    profile = store.profiles.current()
    render_certificate(
        CertificateView(
            child_name=child.name,
            chapter_title=found.chapter_title,
            subject_line=f"{SUBJECTS.get(subject, subject)}, Class {grade.removeprefix('c')}",
            issued_on=printed_date(found.issued_at),
            number=found.certificate_number,
            verification_code=found.verification_code,
            school_name=(profile.school_name or "") if profile else "",
        ),
        out,
    )
    click.echo(found.id)


def _issue(app: App, child_id: str, chapter_key: str) -> Certificate:
    store = app.store
    child = store.children.get(child_id)
    chapter = next(
        (c for _, g in full_syllabus(app).entries() for c in g.chapters if c.key == chapter_key),
        None,
    )
    if chapter is None:
        raise InvalidInput(f"no chapter {chapter_key} (see `practicecraft syllabus list`)")
    for existing in store.certificates.for_child(child_id):
        if existing.chapter_key == chapter_key:
            return existing
    earned = {a.key for a in store.progress.achievements(child_id)}
    if CHAPTER_PREFIX + chapter_key not in earned:
        mastery = store.progress.mastery(child_id)
        missing = [
            s.tag
            for s in chapter.skills
            if s.tag not in mastery or (mastery[s.tag].level != "mastered")
        ]
        raise InvalidInput(
            f"{child.name} has not mastered {chapter.title} yet ({len(missing)} skill(s) to go)"
        )
    today = date.today()
    number = f"PC-{today.year}-{verification_code()[:6]}"
    return store.certificates.issue(
        {
            "child_id": child_id,
            "chapter_key": chapter_key,
            "chapter_title": chapter.title,
            "certificate_number": number,
            "verification_code": verification_code(),
            "issued_at": today.isoformat(),
        }
    )
