"""The consent options shared by `child add`, `child import`, `child consent` and
`class consent`: whose consent (or whose confirmation of the school's basis), the notice shown
on the terminal, and the question that must be answered yes (or `--yes`, for scripts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from storage.consent import PARENT_NOTICE, SCHOOL_NOTICE, ConsentBasis

F = TypeVar("F", bound=Callable[..., Any])
NO_BASIS = (
    "a child is kept only with a consent record: give --guardian NAME --relation RELATION "
    "(a parent's or guardian's consent), or --school-basis NAME (the school's basis, confirmed "
    "by the person responsible)"
)

GUARDIAN_OPTIONS = (
    click.option("--guardian", default=None, help="Parent's or guardian's name: they agree."),
    click.option("--relation", default=None, help="Their relation to the child, e.g. Mother."),
    click.option("--contact", default=None, help="Their phone or email (optional)."),
)
SCHOOL_OPTION = click.option(
    "--school-basis",
    "school_basis",
    default=None,
    metavar="NAME",
    help="Keep the children on the school's basis, confirmed by NAME, the person responsible.",
)
YES_OPTION = click.option(
    "--yes", is_flag=True, help="The notice was shown and agreed to (for scripts): do not ask."
)


def guardian_or_school(command: F) -> F:
    """The options that choose a parent's consent or the school's basis."""
    for option in reversed((*GUARDIAN_OPTIONS, SCHOOL_OPTION, YES_OPTION)):
        command = option(command)
    return command


def school_only(command: F) -> F:
    """The options that confirm the school's basis (rosters, classes)."""
    return SCHOOL_OPTION(YES_OPTION(command))


def chosen_basis(
    guardian: str | None,
    relation: str | None,
    contact: str | None,
    school_basis: str | None,
    yes: bool,
) -> ConsentBasis | None:
    """The basis the options give, after the notice was shown and agreed to; None if none."""
    if school_basis is not None and (guardian or relation):
        raise click.UsageError("give --guardian and --relation, or --school-basis, not both")
    if school_basis is not None:
        return school_basis_agreed(school_basis, yes)
    if guardian is None and relation is None:
        if contact is not None:
            raise click.UsageError("--contact goes with --guardian and --relation")
        return None
    if not guardian or not relation:
        raise click.UsageError("--guardian and --relation go together: give both")
    basis = ConsentBasis.guardian(guardian, relation, contact=contact)
    _agree(PARENT_NOTICE, f"Does {basis.guardian_name} agree to this notice?", yes)
    return basis


def school_basis_agreed(responsible: str, yes: bool) -> ConsentBasis:
    basis = ConsentBasis.school(responsible)
    question = f"Do you, {basis.guardian_name}, confirm this basis for the school?"
    _agree(SCHOOL_NOTICE, question, yes)
    return basis


def _agree(notice: str, question: str, yes: bool) -> None:
    """Show the notice word for word and ask; anything but yes stops here (exit 1)."""
    if yes:
        return
    click.echo(notice + "\n", err=True)
    click.confirm(question, abort=True, err=True)
