"""`practicecraft progress` and `report`: where a child or a class stands, and a report to keep."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from curriculum.syllabus import Syllabus
from curriculum.wording import count
from practicecraft.cli.context import App, echo_json, pass_app
from progress.attempts import school_today
from progress.dashboard import ChildDashboard, ClassDashboard, skill_title
from storage.child_export import write_progress_report
from worksheets.assembly import printed_date
from worksheets.render.fonts import FontNotFound
from worksheets.render.report import ReportNotWritten

LEVEL_WORDS = {
    "unknown": "not started",
    "learning": "learning",
    "improving": "improving",
    "mastered": "mastered",
}
GRID_MARKS = {"unknown": "·", "learning": "L", "improving": "I", "mastered": "M"}


@click.command("progress")
@click.option("--child", "child_id", default=None, help="One child's progress (id).")
@click.option("--class", "class_name", default=None, help="A class at a glance (name).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def progress(app: App, child_id: str | None, class_name: str | None, as_json: bool) -> None:
    """Progress of a child or a class; with neither, how worksheets are being used."""
    if child_id and class_name:
        raise click.UsageError("give --child or --class, not both")
    analytics, syllabus = app.reader.analytics, app.reader.custom_content.syllabus()
    if child_id:
        child = analytics.child(child_id, school_today())
        if not _emit(child, as_json):
            _show_child(child, syllabus)
    elif class_name:
        school_class = analytics.school_class(class_name, school_today())
        if not _emit(school_class, as_json):
            _show_class(school_class, syllabus)
    else:
        usage = _usage(app)
        if not _emit(usage, as_json):
            _show_usage(usage, syllabus)


def _emit(board: Any, as_json: bool) -> bool:
    """Print the board as JSON if asked; says whether it did."""
    if as_json:
        echo_json(board if isinstance(board, dict) else dataclasses.asdict(board))
    return as_json


def _show_child(board: ChildDashboard, syllabus: Syllabus) -> None:
    e = board.engagement
    click.echo(f"{board.name} (Class {board.grade})")
    click.echo(
        f"Stars: {e.total_stars}   Streak: {board.current_streak} day(s), longest "
        f"{e.longest_streak}   Worksheets done: {e.worksheets_completed}"
    )
    if not board.skills:
        click.echo("No answers graded yet: grade a worksheet with `practicecraft grade`.")
        return
    chapter = None
    for row in board.skills:
        if row.chapter_title != chapter:
            chapter = row.chapter_title
            click.echo(f"\n{chapter or 'Other skills'}")
        due = f", review by {printed_date(row.review_due)}" if row.review_due else ""
        known = f"{round(100 * (row.p_known or 0))}% sure"
        click.echo(
            f"  {row.title}: {LEVEL_WORDS[row.level]} — {row.correct}/{row.attempts} right, "
            f"streak {row.streak}, {known}{due}"
        )
    _show_next_steps(board, syllabus)


def _show_next_steps(board: ChildDashboard, syllabus: Syllabus) -> None:
    if board.practise_next:
        click.echo(
            "\nPractise next: " + "; ".join(skill_title(syllabus, t) for t in board.practise_next)
        )
    for achievement in board.achievements:
        click.echo(f"Achievement: {achievement.title} ({printed_date(achievement.unlocked_at)})")
    for chapter in board.chapters_mastered:
        if chapter.certificate_id:
            click.echo(f"Certificate: {chapter.title} (id {chapter.certificate_id})")
        else:
            click.echo(
                f"Certificate ready for {chapter.title}: practicecraft certificate --child "
                f"{board.child_id} --chapter {chapter.chapter_key} --out certificate.pdf"
            )


def _show_class(board: ClassDashboard, syllabus: Syllabus) -> None:
    click.echo(
        f"{board.name} (Class {board.grade}): {count(len(board.children), 'child', 'children')}"
    )
    if not board.skills:
        click.echo("No answers graded yet.")
        return
    click.echo(
        "Skills: "
        + ", ".join(f"{i + 1} {skill_title(syllabus, t)}" for i, t in enumerate(board.skills))
    )
    click.echo("· not started  L learning  I improving  M mastered")
    width = max(len(c.name) for c in board.children) if board.children else 4
    click.echo(" " * width + "  " + " ".join(f"{i + 1:>2}" for i in range(len(board.skills))))
    for child in board.children:
        levels = board.grid.get(child.child_id, {})
        marks = " ".join(f"{GRID_MARKS[levels.get(t, 'unknown')]:>2}" for t in board.skills)
        click.echo(f"{child.name:<{width}}  {marks}   ★{child.total_stars} {child.current_streak}d")
    if board.struggling:
        click.echo("\nMost of the class finds these hard:")
    for skill in board.struggling:
        click.echo(
            f"  {skill_title(syllabus, skill.skill_tag)}: {skill.struggling} of "
            f"{count(skill.attempted, 'child', 'children')} still learning, "
            f"{round(100 * skill.accuracy)}% right"
        )


def _usage(app: App) -> dict[str, Any]:
    analytics = app.reader.analytics
    return {
        "worksheets_by_month": analytics.worksheets_by_month(),
        "worksheets_by_child": analytics.worksheets_by_child(),
        "topics": analytics.topics(),
    }


def _show_usage(usage: dict[str, Any], syllabus: Syllabus) -> None:
    by_month = usage["worksheets_by_month"]
    click.echo(f"Worksheets made: {sum(n for _, n in by_month)}")
    for month, n in by_month:
        click.echo(f"  {month}: {n}")
    if usage["worksheets_by_child"]:
        click.echo("By child:")
    for _, name, n in usage["worksheets_by_child"]:
        click.echo(f"  {name}: {n}")
    if usage["topics"]:
        click.echo("Most practised skills (questions set):")
    for tag, n in usage["topics"][:10]:
        click.echo(f"  {skill_title(syllabus, tag)}: {n}")


@click.command("report")
@click.option("--child", "child_id", required=True, help="Whose report (id).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--paper",
    type=click.Choice(["A4", "Letter"]),
    default=None,
    help="Paper size (default: the one chosen in the profile, else A4).",
)
@pass_app
def report(app: App, child_id: str, out: Path, paper: str | None) -> None:
    """A one-page progress report PDF for a parent to keep."""
    try:
        write_progress_report(app.reader, child_id, out, paper)
    except (FontNotFound, ReportNotWritten) as error:
        raise click.ClickException(str(error)) from None
    click.echo(out)
