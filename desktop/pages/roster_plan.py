"""What importing a checked roster will do, in words, before anything is kept: how many
children are new, how many are already there, and rows whose grade is not the class's."""

from __future__ import annotations

from curriculum.wording import count
from storage.records import TeacherClass
from storage.roster import RosterPreview


def grade_mismatches(preview: RosterPreview, school_class: TeacherClass | None) -> str | None:
    """Why the rows cannot join the class (children of another grade), or None."""
    if school_class is None:
        return None
    wrong = [row for row in preview.rows if row.child.grade != school_class.grade]
    if not wrong:
        return None
    shown = "; ".join(
        f"line {row.line}: {row.child.name} is in Class {row.child.grade}" for row in wrong[:3]
    )
    more = f" and {len(wrong) - 3} more" if len(wrong) > 3 else ""
    return (
        f"{school_class.name} is a Class {school_class.grade} class, but {shown}{more}. "
        "Correct the grade in the file, choose their own class, or choose "
        "“Don't put them in a class”."
    )


def plan_text(size: int, already: int, class_name: str | None) -> str:
    """E.g. "2 new children will be added to 3A; 1 child is already there and is left as is"."""
    where = f" in {class_name}" if class_name else " in PracticeCraft"
    if already == size:
        everyone = "The child is" if size == 1 else "Both children are" if size == 2 else (
            f"All {size} children are")  # fmt: skip
        return f"{everyone} already{where}: nothing to import."
    if already == 0:
        ready = "1 child is" if size == 1 else f"{size} children are"
        into = f" into {class_name}" if class_name else ""
        return f"{ready} ready to import{into}."
    new = count(size - already, "new child", "new children")
    into = f" to {class_name}" if class_name else ""
    there = "1 child is" if already == 1 else f"{already} children are"
    return f"{new} will be added{into}; {there} already there and {_left(already)}."


def _left(already: int) -> str:
    return "is left as is" if already == 1 else "are left as they are"
