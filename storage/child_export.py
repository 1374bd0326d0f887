"""Everything kept about one child, in one zip a parent or school can take away.

`data.json` holds every row about the child from every table of the database (found by their
`child_id` / `student_id` column, so a table added later is exported without a change here),
and the sync bookkeeping of those rows (changes waiting to be sent, notices of refused ones);
`attempts.csv` the answers, each cell made safe for spreadsheets (`csv_cell`); and
`progress-report.pdf` the one-page report. The zip is private (0600) from its first byte and
appears under its name only once complete.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curriculum.text_policy import csv_cell
from progress.attempts import school_today
from progress.report import report_view
from storage.errors import StorageError
from storage.telemetry import app_version
from worksheets.assembly import printed_date
from worksheets.render.report import render_report

if TYPE_CHECKING:
    from storage.database import Store

CHILD_COLUMNS = ("child_id", "student_id")
BOOKKEEPING = ("outbox", "sync_notices", "sync_seen")  # rows that name another row by row_id


class ExportNotWritten(StorageError):
    """The export file could not be written (missing folder, no permission, disk full)."""


def rows_about_child(store: Store, child_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every row about the child, by table (NotFoundError for an unknown or erased child)."""
    store.children.get(child_id)
    found = {"children": _rows(store, "SELECT * FROM children WHERE id = ?", (child_id,))}
    for table, column in _child_tables(store):
        found[table] = _rows(store, f'SELECT * FROM "{table}" WHERE "{column}" = ?', (child_id,))
    kept = {(table, row["id"]) for table, rows in found.items() for row in rows if "id" in row}
    for table in BOOKKEEPING:
        found[table] = [
            row
            for row in _rows(store, f'SELECT * FROM "{table}"', ())
            if (row["table_name"], row["row_id"]) in kept
        ]
    return found


def _child_tables(store: Store) -> list[tuple[str, str]]:
    """(table, column) for every table with a column naming a child."""
    names = [
        row["name"]
        for row in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    found = []
    for name in names:
        columns = {row["name"] for row in store.query(f'PRAGMA table_info("{name}")')}
        column = next((c for c in CHILD_COLUMNS if c in columns), None)
        if column is not None:
            found.append((name, column))
    return found


def _rows(store: Store, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [dict(row) for row in store.query(sql, params)]


def attempts_csv(attempts: list[dict[str, Any]]) -> str:
    """The child's answers as CSV; every cell that a spreadsheet would run is neutralised."""
    out = io.StringIO()
    columns = list(attempts[0]) if attempts else ["answered_at", "skill_tag", "given_answer"]
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    ordered = sorted(attempts, key=lambda row: (str(row.get("answered_at")), str(row.get("id"))))
    for row in ordered:
        writer.writerow([csv_cell("" if row[c] is None else str(row[c])) for c in columns])
    return out.getvalue()


def write_progress_report(store: Store, child_id: str, out: Path, paper: str | None = None) -> None:
    """The one-page report a parent keeps: `practicecraft report`, the Progress page and the
    export all write it here. On `paper` if given, else the paper the profile chose."""
    today = school_today()
    profile = store.profiles.current()
    view = report_view(
        store.analytics.child(child_id, today),
        store.custom_content.syllabus(),
        school_name=(profile.school_name or "") if profile else "",
        class_names=", ".join(c.name for c in store.classes.of_child(child_id)),
        printed_on=printed_date(today.isoformat()),
    )
    chosen = paper or (profile.paper_size if profile else "A4")
    render_report(view, out, chosen, fonts=store.settings.font_choice)


def export_child(store: Store, child_id: str, out: Path) -> Path:
    """Write the child's zip to `out` (replacing a file there only once the new one is whole)."""
    rows = rows_about_child(store, child_id)
    document = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": app_version(),
        "child_id": child_id,
        "tables": rows,
    }
    with tempfile.TemporaryDirectory(prefix="practicecraft-export-") as folder:
        report = Path(folder) / "progress-report.pdf"
        write_progress_report(store, child_id, report)
        members: dict[str, str | bytes] = {
            "data.json": json.dumps(document, ensure_ascii=False, indent=2, default=_hex),
            "attempts.csv": "\ufeff" + attempts_csv(rows.get("attempt_events", [])),
            "progress-report.pdf": report.read_bytes(),
        }
        _write_zip(out, members)
    return out


def _hex(value: object) -> str:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot export a {type(value).__name__}")


def _write_zip(out: Path, members: dict[str, str | bytes]) -> None:
    partial = out.with_name(f".{out.name}.partial")
    try:
        _remove(partial)  # left by an export that was cut short
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, content in members.items():
                    archive.writestr(name, content)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, out)
    except (OSError, sqlite3.Error) as error:
        _remove(partial)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ExportNotWritten(f"cannot write {out}: {reason}; nothing was written") from error


def _remove(partial: Path) -> None:
    if partial.is_file() or partial.is_symlink():
        partial.unlink()
