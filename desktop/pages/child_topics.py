"""A child's topics to practise: the chapters of their grade, ticked per subject."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.people_widgets import (
    ID_ROLE,
    SUBJECT_TITLES,
    action_button,
    heading,
    hint,
    subject_title,
)
from desktop.tasks import Op
from storage.database import Store
from storage.records import Child

SUBJECT_ORDER = tuple(SUBJECT_TITLES)


@dataclass
class ChildTopics:
    """What the panel shows for one child: chapters per subject, and the ones chosen."""

    child: Child
    chapters: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key, title
    chosen: dict[str, set[str]] = field(default_factory=dict)


def load_topics(store: Store, child: Child) -> ChildTopics:
    """Runs on the worker: the chapters of the child's grade in each subject, and their ticks."""
    topics = ChildTopics(child)
    entries = store.custom_content.syllabus().entries(grade=child.grade)
    for subject, grade in sorted(entries, key=lambda entry: _subject_rank(entry[0])):
        topics.chapters[subject] = [(c.key, f"{c.number}. {c.title}") for c in grade.chapters]
    for preference in store.topic_preferences.for_child(child.id or ""):
        topics.chosen[preference.subject] = set(preference.selected_topics)
    return topics


def _subject_rank(subject: str) -> int:
    return SUBJECT_ORDER.index(subject) if subject in SUBJECT_ORDER else len(SUBJECT_ORDER)


class TopicsPanel(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.topics: ChildTopics | None = None
        self.child_id: str | None = None
        self.saved: dict[str, set[str]] = {}
        self.title = heading("Topics to practise")
        self.explain = hint("Choose a child to see the chapters of their grade.")
        self.subject = QComboBox()
        self.subject.currentIndexChanged.connect(self._show_subject)
        self.chapters = QListWidget()
        self.chapters.itemChanged.connect(self._ticked)
        self.save = action_button(self, "Save topics", "Ctrl+S", self.save_topics)
        self.save.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.subject)
        layout.addWidget(self.chapters, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save)
        layout.addLayout(row)
        layout.addStretch(0)  # keeps the text at the top while the list is hidden
        self.show_child(None)

    def show_child(self, child: Child | None) -> None:
        """Load the child's topics in the background (None: nobody chosen).

        Ticks not yet saved for the previous child are saved first, so none are lost.
        """
        self.save_topics()
        self.topics = None
        self.child_id = child.id if child else None
        self.subject.clear()
        self.chapters.clear()
        enabled = child is not None
        self.subject.setVisible(enabled)
        self.chapters.setVisible(enabled)
        self.save.setVisible(enabled)
        if child is None:
            self.title.setText("Topics to practise")
            self.explain.setText("Choose a child to tick the chapters they are working on.")
            return
        self.title.setText(f"Topics for {child.name}")
        Op(self.ctx, lambda store, _p: load_topics(store, child), self).success(self._loaded).run()

    def _loaded(self, topics: ChildTopics) -> None:
        if topics.child.id != self.child_id:
            return  # another child was chosen while this one loaded
        self.topics = topics
        self.saved = {s: set(keys) for s, keys in topics.chosen.items()}
        if not topics.chapters:
            self.explain.setText(
                f"There are no chapters for Class {topics.child.grade} in the syllabus yet."
            )
            self.subject.hide()
            self.chapters.hide()
            self.save.hide()
            return
        self.explain.setText(
            f"Tick the chapters {topics.child.name} is working on (Class {topics.child.grade})."
        )
        self.subject.blockSignals(True)
        for subject in topics.chapters:
            self.subject.addItem(subject_title(subject), subject)
        self.subject.blockSignals(False)
        self._show_subject()

    def _show_subject(self) -> None:
        self.chapters.blockSignals(True)
        self.chapters.clear()
        subject = self.subject.currentData()
        if self.topics is not None and subject:
            chosen = self.topics.chosen.get(subject, set())
            for key, title in self.topics.chapters[subject]:
                item = QListWidgetItem(title)
                item.setData(ID_ROLE, key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked
                item.setCheckState(ticked)
                self.chapters.addItem(item)
        self.chapters.blockSignals(False)
        self._update_save()

    def _ticked(self, item: QListWidgetItem) -> None:
        subject = self.subject.currentData()
        if self.topics is None or not subject:
            return
        chosen = self.topics.chosen.setdefault(subject, set())
        key = str(item.data(ID_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            chosen.add(key)
        else:
            chosen.discard(key)
        self._update_save()

    def unsaved(self) -> dict[str, list[str]]:
        """Subjects whose ticks changed since loading, with their chapter keys in book order."""
        if self.topics is None:
            return {}
        changed = {}
        for subject, chapters in self.topics.chapters.items():
            chosen = self.topics.chosen.get(subject, set())
            if chosen != self.saved.get(subject, set()):
                changed[subject] = [key for key, _title in chapters if key in chosen]
        return changed

    def _update_save(self) -> None:
        self.save.setEnabled(bool(self.unsaved()))

    def save_topics(self) -> None:
        if self.topics is None or not self.unsaved():
            return
        child, changes = self.topics.child, self.unsaved()
        Op(self.ctx, lambda store, _p: save_topics(store, child, changes), self).success(
            lambda _none: self._saved(child, changes)
        ).run()

    def _saved(self, child: Child, changes: dict[str, list[str]]) -> None:
        self.ctx.status(f"Saved the topics for {child.name}.")
        if child.id != self.child_id:
            return
        for subject, keys in changes.items():
            self.saved[subject] = set(keys)
        self._update_save()


def save_topics(store: Store, child: Child, changes: dict[str, list[str]]) -> None:
    """Runs on the worker: one topic list per changed subject, all or none."""
    with store.write():
        for subject, keys in changes.items():
            store.topic_preferences.set(child.id or "", subject, keys)
