"""The Qt for Python build the project pins must not leak references to `None`.

PySide6 6.12.0 on CPython 3.11 drops one reference to `None` on every Qt call that returns
nothing (`setText`, `setRowHidden`, ...). After enough of them CPython deallocates `None` and
aborts (`none_dealloc`): the window vanishes with nothing saved. A teacher with 1,000 children
reaches that in about 30 keystrokes in the Children search. CPython 3.12+ cannot show it (None is
immortal there), so on those versions the count simply stays put.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QTableWidget

CALLS = 1_000
ROWS = 10


def _label_set_text(qtbot: Any) -> Callable[[int], None]:
    label = QLabel()
    qtbot.addWidget(label)
    return lambda n: label.setText(f"{n} children")


def _line_edit_set_text(qtbot: Any) -> Callable[[int], None]:
    search = QLineEdit()
    qtbot.addWidget(search)
    return lambda n: search.setText(f"name {n}")


def _list_set_row_hidden(qtbot: Any) -> Callable[[int], None]:
    names = QListWidget()
    qtbot.addWidget(names)
    names.addItems([f"Child {row}" for row in range(ROWS)])
    return lambda n: names.setRowHidden(n % ROWS, n % 2 == 0)


def _table_set_row_hidden(qtbot: Any) -> Callable[[int], None]:
    table = QTableWidget(ROWS, 2)
    qtbot.addWidget(table)
    return lambda n: table.setRowHidden(n % ROWS, n % 2 == 0)


def _give_back_to_none(lost: int) -> None:
    """Re-add references a leaking binding took, so a failing run reports its failure instead
    of aborting the whole test session in `none_dealloc` when the interpreter shuts down."""
    for _ in range(lost):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))


@pytest.mark.parametrize(
    "make_call",
    [_label_set_text, _line_edit_set_text, _list_set_row_hidden, _table_set_row_hidden],
    ids=[
        "QLabel.setText",
        "QLineEdit.setText",
        "QListWidget.setRowHidden",
        "QTableWidget.setRowHidden",
    ],
)
def test_a_thousand_void_widget_calls_keep_every_reference_to_none(
    qtbot: Any, make_call: Callable[[Any], Callable[[int], None]]
) -> None:
    call = make_call(qtbot)
    before = sys.getrefcount(None)
    for n in range(CALLS):
        call(n)
    after = sys.getrefcount(None)
    _give_back_to_none(before - after)
    # Other code may take references meanwhile (never drop them): the count must not fall.
    assert after >= before, f"{before - after} references to None lost in {CALLS} calls"
