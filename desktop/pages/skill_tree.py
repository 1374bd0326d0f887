"""The chapters and skills of one class's book, to tick: ticking a chapter ticks its skills."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from curriculum.syllabus import Chapter, GradeSyllabus

TAG_ROLE = Qt.ItemDataRole.UserRole
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class SkillTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skillTree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAccessibleName("Chapters and skills")

    def show_book(self, book: GradeSyllabus | None) -> None:
        """Show the book's chapters, collapsed and unticked (nothing for no book)."""
        self.clear()
        for chapter in book.chapters if book else ():
            self.addTopLevelItem(_chapter_item(chapter))

    def chapters(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def tick_chapter(self, number: int, ticked: bool = True) -> None:
        self.chapters()[number - 1].setCheckState(0, CHECKED if ticked else UNCHECKED)

    def tick_skills(self, tags: tuple[str, ...]) -> None:
        """Tick exactly these skills, opening the chapters they are in."""
        for chapter in self.chapters():
            for skill in _skills(chapter):
                wanted = skill.data(0, TAG_ROLE) in tags
                skill.setCheckState(0, CHECKED if wanted else UNCHECKED)
            chapter.setExpanded(chapter.checkState(0) != UNCHECKED)

    def ticked_skills(self) -> tuple[str, ...]:
        """The tags of the ticked skills, in book order."""
        return tuple(
            str(skill.data(0, TAG_ROLE))
            for chapter in self.chapters()
            for skill in _skills(chapter)
            if skill.checkState(0) == CHECKED
        )

    def ticked_summary(self) -> str:
        skills = len(self.ticked_skills())
        if not skills:
            return "Nothing ticked yet"
        chapters = sum(1 for c in self.chapters() if c.checkState(0) != UNCHECKED)
        return f"{_plural(skills, 'skill')} from {_plural(chapters, 'chapter')} ticked"


def _chapter_item(chapter: Chapter) -> QTreeWidgetItem:
    """A chapter, saying when it is not confirmed against the book (or is our own grammar
    unit), with the reason as its tooltip."""
    text = f"{chapter.number}. {chapter.title}"
    if chapter.confirmation != "title_and_skills":
        text += f"  ({chapter.confirmation_label})"
    item = QTreeWidgetItem([text])
    item.setToolTip(0, chapter.note or chapter.confirmation_label.capitalize())
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
    )
    item.setCheckState(0, UNCHECKED)
    for skill in chapter.skills:
        child = QTreeWidgetItem([skill.title])
        child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        child.setCheckState(0, UNCHECKED)
        child.setData(0, TAG_ROLE, skill.tag)
        child.setToolTip(0, skill.concept)
        item.addChild(child)
    return item


def _skills(chapter: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    items = (chapter.child(i) for i in range(chapter.childCount()))
    return [item for item in items if item is not None]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
