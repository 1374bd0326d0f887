"""`practicecraft syllabus|questions|bank`: the syllabus, questions for a skill, teachers' banks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from curriculum.banks import load_bank
from curriculum.custom import new_custom_skills
from curriculum.engine import NotEnoughQuestions, generate, has_source
from curriculum.generators import UnknownSkill, get_generator
from curriculum.question import QUESTION_TYPES, Question
from curriculum.sourcefile import DataFileError
from curriculum.syllabus import Syllabus, builtin_syllabus
from practicecraft.cli.context import App, echo_json, pass_app


def full_syllabus(app: App) -> Syllabus:
    return app.reader.custom_content.syllabus()


@click.group()
def syllabus() -> None:
    """The syllabus: classes, subjects, chapters and skills."""


@syllabus.command("list")
@click.option("--grade", type=click.IntRange(1, 12), default=None, help="Only this class.")
@click.option("--subject", default=None, help="maths, english, evs or custom.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def list_syllabus(app: App, grade: int | None, subject: str | None, as_json: bool) -> None:
    """List chapters and their skills."""
    entries = full_syllabus(app).entries(grade, subject.lower() if subject else None)
    if not entries:
        raise click.ClickException("nothing in the syllabus matches that class and subject")
    documents = [_grade_document(name, grade_syllabus) for name, grade_syllabus in entries]
    if as_json:
        echo_json(documents)
        return
    for document in documents:
        click.echo(f"{document['subject'].upper()} Class {document['grade']} — {document['book']}")
        for chapter in document["chapters"]:
            click.echo(f"  {chapter['number']:>2}. {chapter['title']}")
            for skill in chapter["skills"]:
                click.echo(f"        {skill['tag']}  {skill['title']}  [{skill['source']}]")


def _grade_document(subject: str, grade: Any) -> dict[str, Any]:
    return {
        "subject": subject,
        "grade": grade.grade,
        "book": grade.book,
        "chapters": [
            {
                "number": c.number,
                "key": c.key,
                "title": c.title,
                "confirmation": c.confirmation,
                "skills": [
                    {
                        "tag": s.tag,
                        "title": s.title,
                        "title_hi": s.title_hi,
                        "source": _source(s.tag),
                    }
                    for s in c.skills
                ],
            }
            for c in grade.chapters
        ],
    }


def _source(tag: str) -> str:
    try:
        get_generator(tag)
        return "generator"
    except UnknownSkill:
        return "bank" if has_source(tag) else "own"


@click.command()
@click.option(
    "--skill", "skill_tag", required=True, help="Skill tag, e.g. maths.c3.add_3digit_regroup."
)
@click.option("--count", type=click.IntRange(1, 200), default=10, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same questions.")
@click.option("--difficulty", type=click.IntRange(1, 3), default=None, help="1 easy – 3 hard.")
@click.option(
    "--types",
    "qtypes",
    multiple=True,
    type=click.Choice(QUESTION_TYPES),
    help="Question types to mix (repeat the option).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON with answers and solutions.")
@pass_app
def questions(
    app: App,
    skill_tag: str,
    count: int,
    seed: int,
    difficulty: int | None,
    qtypes: tuple[str, ...],
    as_json: bool,
) -> None:
    """Print questions for a skill, with their answers."""
    try:
        made = generate(
            skill_tag,
            count,
            seed,
            difficulty=difficulty,
            qtypes=qtypes,  # type: ignore[arg-type]
            extra_items=app.reader.custom_content.items(),
        )
    except (UnknownSkill, NotEnoughQuestions) as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        echo_json([q.model_dump(mode="json") for q in made])
        return
    for number, question in enumerate(made, start=1):
        click.echo(_as_text(number, question))


def _as_text(number: int, question: Question) -> str:
    lines = [f"{number}. {question.prompt.en}"]
    lines += [
        f"   {'abcd'[i]}) {option}"
        for i, option in enumerate(question.options)
        if question.qtype != "match"
    ]
    lines += [
        f"   {i + 1}. {p.left.en}    {'abcd'[i]}) {p.right}" for i, p in enumerate(question.pairs)
    ]
    lines.append(f"   Answer: {question.answer}")
    return "\n".join(lines)


@click.group()
def bank() -> None:
    """Your own questions (item banks)."""


@bank.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@pass_app
def import_bank(app: App, file: Path) -> None:
    """Import questions from a .csv or .jsonl file (format: resources/banks/README.md).

    Every item is checked first; a malformed one is reported with its line and nothing is
    imported. Items for your own skills use tags like custom.c3.my_topic.
    """
    try:
        items = load_bank(file)
        known = {s["skill_tag"] for s in app.store.custom_content.skills()}
        skills = new_custom_skills(items, builtin_syllabus(), known, str(file))
    except DataFileError as error:
        raise click.ClickException(str(error) + " — nothing was imported") from None
    added = app.store.custom_content.import_items(items, skills)
    click.echo(
        f"Imported {added} new questions ({len(items) - added} already there)"
        + (f" and {len(skills)} new skills." if skills else ".")
    )
