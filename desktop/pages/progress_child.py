"""One child's progress: stars and streaks, charts, mastery per skill by chapter, what next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.charts import level_counts_by_day, months_chart, skills_chart
from desktop.pages.progress_levels import TEXT_COLOUR, fill, legend, level_word
from progress.dashboard import ChapterMastered, ChildDashboard, SkillRow, skill_title
from storage.database import Store
from worksheets.assembly import printed_date

SKILL_COLUMNS = ("Skill", "Level", "Right / tried", "Confidence", "Review by")
MIN_SHEETS_FOR_CONFIDENCE = 2


@dataclass(frozen=True)
class ChildProgress:
    """What the view shows: the dashboard with titles looked up."""

    board: ChildDashboard
    practise_titles: list[str]
    class_names: str
    today: date


def load_child(store: Store, child_id: str, today: date) -> ChildProgress:
    board = store.analytics.child(child_id, today)
    syllabus = store.custom_content.syllabus()
    return ChildProgress(
        board,
        [skill_title(syllabus, tag) for tag in board.practise_next],
        ", ".join(c.name for c in store.classes.of_child(child_id)),
        today,
    )


def skill_cells(row: SkillRow, today: date) -> tuple[str, ...]:
    return (row.title, level_word(row.level), f"{row.correct} / {row.attempts}",
            confidence(row), review_date(row, today))  # fmt: skip


def confidence(row: SkillRow) -> str:
    """How sure the app is that the skill is known; one sheet is too little to say."""
    if row.p_known is None:
        return "—"
    if row.sheets < MIN_SHEETS_FOR_CONFIDENCE:
        return f"after {MIN_SHEETS_FOR_CONFIDENCE} sheets"
    return f"{round(100 * row.p_known)}% sure"


def review_date(row: SkillRow, today: date) -> str:
    review = printed_date(row.review_due) if row.review_due else "—"
    if row.review_due and row.review_due <= today.isoformat():
        review += " (due)"
    return review


class ChildProgressView(QScrollArea):
    """Emits `report_requested` and `certificate_requested(chapter key)` for the page to act on."""

    report_requested = Signal()
    certificate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.data: ChildProgress | None = None
        self.skills_chart = skills_chart({}, date.today())
        self.months_chart = months_chart([])
        self._body()

    def _body(self) -> None:
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.layout_.addLayout(self._header())
        self.tiles = QLabel()
        self.tiles.setTextFormat(Qt.TextFormat.RichText)
        self.layout_.addWidget(self.tiles)
        self.charts = QHBoxLayout()
        self.layout_.addLayout(self.charts)
        self.first_day = QLabel()
        self.first_day.setObjectName("first-day")
        self.first_day.setWordWrap(True)
        self.layout_.addWidget(self.first_day)
        self.no_answers = QLabel(
            "No answers graded yet. Grade a worksheet on the Grade page and the charts and "
            "skills appear here."
        )
        self.no_answers.setWordWrap(True)
        self.layout_.addWidget(self.no_answers)
        self.skills_title = QLabel("<h3>Skills, chapter by chapter</h3>")
        self.layout_.addWidget(self.skills_title)
        self.legend = legend()
        self.layout_.addWidget(self.legend)
        self.skills = self._skills_tree()
        self.layout_.addWidget(self.skills)
        self.lists = QGridLayout()
        self.layout_.addLayout(self.lists)
        self.layout_.addStretch(1)
        self.setWidget(body)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        row.addWidget(self.heading, 1)
        self.report_button = QPushButton("Progress report PDF… (Ctrl+P)")
        self.report_button.setObjectName("report")
        self.report_button.clicked.connect(self.report_requested)
        row.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _skills_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("skills")
        tree.setColumnCount(len(SKILL_COLUMNS))
        tree.setHeaderLabels(SKILL_COLUMNS)
        tree.setRootIsDecorated(False)
        tree.setStyleSheet("QTreeWidget::item { padding: 2px 4px; }")
        tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        return tree

    # -- showing -----------------------------------------------------------------------------

    def show_progress(self, data: ChildProgress) -> None:
        self.data = data
        board = data.board
        classes = f" · {escape(data.class_names)}" if data.class_names else ""
        self.heading.setText(f"<h2>{escape(board.name)}</h2>Class {board.grade}{classes}")
        e = board.engagement
        self.tiles.setText(
            f"<span style='font-size:large'>★ <b>{e.total_stars}</b> stars"
            f" &nbsp;&nbsp; Streak: <b>{_days(board.current_streak)}</b>"
            f" (longest {_days(e.longest_streak)})"
            f" &nbsp;&nbsp; Worksheets done: <b>{e.worksheets_completed}</b></span>"
        )
        has_answers = bool(board.skills)
        self._show_charts(data, has_answers)
        self.no_answers.setVisible(not has_answers)
        for widget in (self.skills_title, self.legend, self.skills):
            widget.setVisible(has_answers)
        self._fill_skills(board.skills, data.today)
        self._fill_lists(data)

    def _show_charts(self, data: ChildProgress, has_answers: bool) -> None:
        for old in (self.skills_chart, self.months_chart):
            self.charts.removeWidget(old)
            old.deleteLater()
        self.skills_chart = skills_chart(data.board.timeline, data.today)
        self.months_chart = months_chart(data.board.months)
        self.charts.addWidget(self.skills_chart, 3)
        self.charts.addWidget(self.months_chart, 2)
        days = level_counts_by_day(data.board.timeline)
        over_time = len(days) >= 2  # one day's levels make a chart with nothing to read
        self.skills_chart.setVisible(has_answers and over_time)
        self.months_chart.setVisible(has_answers)
        self.first_day.setVisible(has_answers and not over_time)
        if days and not over_time:
            self.first_day.setText(first_day_text(days[-1][1]))

    def _fill_skills(self, rows: list[SkillRow], today: date) -> None:
        self.skills.clear()
        chapter: QTreeWidgetItem | None = None
        for row in rows:
            title = row.chapter_title or "Other skills"
            if chapter is None or chapter.text(0) != title:
                chapter = QTreeWidgetItem(self.skills, [title])
                chapter.setFirstColumnSpanned(True)
                font = chapter.font(0)
                font.setBold(True)
                chapter.setFont(0, font)
            item = QTreeWidgetItem(chapter, list(skill_cells(row, today)))
            item.setData(0, Qt.ItemDataRole.UserRole, row.skill_tag)
            item.setBackground(1, fill(row.level))
            item.setForeground(1, QColor(TEXT_COLOUR))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(0, row.skill_tag)
        self.skills.expandAll()
        self._fit_skills()

    def _fit_skills(self) -> None:
        """Tall enough for every row: the page scrolls, not the table inside it."""
        rows = 0
        height = self.skills.header().sizeHint().height() + 2 * self.skills.frameWidth()
        for index in range(self.skills.topLevelItemCount()):
            chapter = self.skills.topLevelItem(index)
            rows += 1 + (chapter.childCount() if chapter is not None else 0)
        row_height = self.skills.sizeHintForRow(0) if rows else 0
        self.skills.setFixedHeight(height + rows * max(row_height, 1) + 4)

    def _fill_lists(self, data: ChildProgress) -> None:
        while self.lists.count():
            taken = self.lists.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        board = data.board
        practise = [escape(t) for t in data.practise_titles] or ["Nothing yet."]
        achievements = [
            f"★ {escape(a.title)} <span style='color:#5f6368'>{printed_date(a.unlocked_at)}</span>"
            for a in board.achievements
        ] or ["None yet: the first comes with the first graded sheet."]
        self.lists.addWidget(_list_box("Practise next", practise), 0, 0)
        self.lists.addWidget(_list_box("Achievements", achievements), 0, 1)
        self.lists.addWidget(self._certificates(board.chapters_mastered), 0, 2)
        for column in range(3):
            self.lists.setColumnStretch(column, 1)

    def _certificates(self, chapters: list[ChapterMastered]) -> QWidget:
        box = _list_box("Certificates", [] if chapters else ["A chapter mastered earns one."])
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        for chapter in chapters:
            text = QLabel(
                f"<b>{escape(chapter.title)}</b><br><span style='color:#5f6368'>mastered "
                f"{printed_date(chapter.mastered_at)}</span>"
            )
            text.setWordWrap(True)
            issued = chapter.certificate_id is not None
            button = QPushButton("Print again…" if issued else "Save certificate PDF…")
            button.setObjectName(f"certificate-{chapter.chapter_key}")
            key = chapter.chapter_key
            button.clicked.connect(lambda _=False, k=key: self.certificate_requested.emit(k))
            layout.insertWidget(layout.count() - 1, text)
            layout.insertWidget(layout.count() - 1, button, 0, Qt.AlignmentFlag.AlignLeft)
        return box


def first_day_text(levels: dict[str, int]) -> str:
    """What one day of graded work shows: how many skills are at each level, in words."""
    parts = [
        f"{n} {'skill' if n == 1 else 'skills'} {level_word(level)}"
        for level, n in levels.items()
        if n
    ]
    return (
        f"<b>Skills so far:</b> {', '.join(parts) or 'none yet'}. A chart of skills over "
        "time appears after work graded on a second day."
    )


def _list_box(title: str, lines: list[str]) -> QWidget:
    box = QFrame()
    box.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(box)
    layout.addWidget(QLabel(f"<b>{title}</b>"))
    for text in lines:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(label)
    layout.addStretch(1)
    return box


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"
