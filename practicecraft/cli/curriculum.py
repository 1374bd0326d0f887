"""`practicecraft syllabus|questions|bank`: the syllabus, questions for a skill, teachers' banks
(import, list, remove)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import click

from curriculum.engine import NotEnoughQuestions, has_source, make_questions
from curriculum.generators import UnknownSkill, get_generator
from curriculum.question import QUESTION_TYPES, Question
from curriculum.sourcefile import DataFileError
from curriculum.syllabus import Syllabus
from curriculum.wording import count
from practicecraft.cli.context import App, echo_json, pass_app
from worksheets.notes import shortfall_notes


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
            click.echo(f"  {chapter['number']:>2}. {chapter['title']}  ({chapter['checked']})")
            if chapter["note"] and chapter["confirmation"] != "title_and_skills":
                click.echo(f"        note: {chapter['note']}")
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
                "checked": c.confirmation_label,
                "note": c.note,
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
        batch = make_questions(
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
        echo_json([q.model_dump(mode="json") for q in batch.questions])
    else:
        for number, question in enumerate(batch.questions, start=1):
            click.echo(_as_text(number, question))
    syllabus = full_syllabus(app)
    for note in shortfall_notes(batch.shortfalls, syllabus, qtypes, difficulty):  # type: ignore[arg-type]
        click.echo(f"practicecraft: note: {note}", err=True)


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
    imported. Items for your own skills use tags like custom.c3.my_topic. The database is
    backed up before anything is written.
    """
    try:
        result = app.store.custom_content.import_file(file)
    except DataFileError as error:
        raise click.ClickException(str(error) + " — nothing was imported") from None
    click.echo(result.describe())


@bank.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def list_bank(app: App, as_json: bool) -> None:
    """Your own skills and questions, and any that cannot be used."""
    content = app.reader.custom_content
    per_skill = Counter(item.skill for item in content.items())
    skills = [
        {
            "tag": s["skill_tag"],
            "grade": s["grade"],
            "chapter": s["chapter_title"],
            "title": s["skill_title"],
            "questions": per_skill.pop(s["skill_tag"], 0),
        }
        for s in content.skills()
    ]
    unusable = [{"kind": u.kind, "name": u.name, "problem": u.problem} for u in content.unusable()]
    if as_json:
        echo_json({"skills": skills, "other_skills": dict(per_skill), "unusable": unusable})
        return
    _print_bank(skills, per_skill, unusable)


def _print_bank(
    skills: list[dict[str, Any]], others: Counter[str], unusable: list[dict[str, str]]
) -> None:
    if not (skills or others or unusable):
        click.echo("No questions of your own yet: add some with `practicecraft bank import`.")
    for s in skills:
        questions = count(s["questions"], "question", "questions")
        click.echo(f"{s['tag']}  Class {s['grade']}  {s['chapter']} › {s['title']}  {questions}")
    for tag, n in sorted(others.items()):
        click.echo(f"{tag}  (built-in skill)  {count(n, 'question', 'questions')} of your own")
    if unusable:
        click.echo(
            "\nThese cannot be used: import a corrected bank file, or remove them with "
            "`practicecraft bank remove NAME`:"
        )
    for u in unusable:
        click.echo(f"  {u['kind']} {u['name']}: {u['problem']}")


@bank.command("remove")
@click.argument("names", nargs=-1)
@click.option(
    "--file",
    "bank_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Remove every question this bank file lists (and own skills left with none).",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def remove_bank(app: App, names: tuple[str, ...], bank_file: Path | None, yes: bool) -> None:
    """Remove own skills (by tag, with their questions) or questions (by id), on every device.

    The database is backed up first.
    """
    if not names and bank_file is None:
        raise click.UsageError("name the skills or questions to remove, or give --file BANK")
    if names and bank_file is not None:
        raise click.UsageError("give either names or --file, not both")
    what = str(bank_file) if bank_file else ", ".join(names)
    if not yes:
        click.confirm(f"Remove {what} from this computer and every synced device?", abort=True)
    content = app.store.custom_content
    try:
        removed = content.remove_file(bank_file) if bank_file else content.remove(names)
    except DataFileError as error:
        raise click.ClickException(str(error)) from None
    click.echo(removed.describe())
