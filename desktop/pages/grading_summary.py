"""What a saved grading did, in words: score, stars, mastery changes, achievements, certificates."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.pages.progress_levels import level_chip, level_word
from storage.repositories.progress import GradeOutcome


@dataclass(frozen=True)
class SavedGrading:
    """A grading as the summary shows it: the outcome with names and titles looked up."""

    outcome: GradeOutcome
    child_name: str
    sheet_title: str
    code: str
    skill_titles: dict[str, str] = field(default_factory=dict)
    chapter_titles: dict[str, str] = field(default_factory=dict)

    def skill(self, tag: str) -> str:
        return self.skill_titles.get(tag, tag)

    def chapter(self, key: str) -> str:
        return self.chapter_titles.get(key, key)


def score_line(outcome: GradeOutcome) -> str:
    score = f"Score: {outcome.correct}/{outcome.questions}"
    if outcome.questions:
        score += f" ({round(100 * outcome.correct / outcome.questions)}%)"
    if outcome.partial:
        score += f", {outcome.partial} partly right"
    if outcome.graded < outcome.questions:
        score += f", {outcome.questions - outcome.graded} not marked yet"
    return score


def stars_line(outcome: GradeOutcome) -> str:
    gained = outcome.stars_after - outcome.stars_before
    return f"Stars: {gained:+d} (total {outcome.stars_after})"


def change_line(saved: SavedGrading, change: tuple[str, str, str]) -> str:
    """ "Adding 3-digit numbers with carrying: learning → improving"."""
    tag, before, after = change
    return f"{saved.skill(tag)}: {level_word(before)} → {level_word(after)}"


class GradingSummary(QFrame):
    """Shown under the questions once the marks are saved."""

    certificate_requested = Signal(str, str)  # child id, chapter key

    def __init__(self, saved: SavedGrading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#summary { background: #f6faf6; border: 1px solid #b6e2b9; }")
        outcome = saved.outcome
        layout = QVBoxLayout(self)
        heading = QLabel(
            f"<b>Saved</b> — {escape(saved.child_name)}, {escape(saved.sheet_title)}"
            f" <span style='color:#5f6368'>({escape(saved.code)})</span>"
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if outcome.recorded == 0:
            layout.addWidget(QLabel("Nothing new: these marks were already saved."))
        self.score = QLabel(f"<span style='font-size:large'><b>{score_line(outcome)}</b></span>")
        self.stars = QLabel(f"★ {stars_line(outcome)}")
        layout.addWidget(self.score)
        layout.addWidget(self.stars)
        self.changes: list[str] = []
        for change in outcome.changes:
            layout.addWidget(self._change_row(saved, change))
        for achievement in outcome.unlocked:
            layout.addWidget(QLabel(f"★ New achievement: <b>{escape(achievement.title)}</b>"))
        for chapter in outcome.chapters_mastered:
            layout.addWidget(self._certificate_row(saved, chapter))

    def plain_text(self) -> str:
        """Everything the summary says, one label a line (to read it back, e.g. in tests)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))

    def _change_row(self, saved: SavedGrading, change: tuple[str, str, str]) -> QWidget:
        self.changes.append(change_line(saved, change))
        tag, before, after = change
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(f"{escape(saved.skill(tag))}:"))
        row.addWidget(level_chip(before))
        row.addWidget(QLabel("→"))
        row.addWidget(level_chip(after))
        row.addStretch(1)
        return box

    def _certificate_row(self, saved: SavedGrading, chapter: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        text = QLabel(
            f"Chapter mastered — <b>Certificate ready</b>: {escape(saved.chapter(chapter))}"
        )
        text.setWordWrap(True)
        row.addWidget(text, 1)
        button = QPushButton("Save certificate PDF…")
        button.setObjectName(f"certificate-{chapter}")
        child_id = saved.outcome.child_id
        button.clicked.connect(lambda: self.certificate_requested.emit(child_id, chapter))
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return box
