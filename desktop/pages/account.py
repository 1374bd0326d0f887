"""Account & sync: connect to the server, sign up or in, see what sync is doing, sign out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import show_error
from desktop.pages import Page
from desktop.pages.account_state import describe, keep_signed_in_note
from desktop.pages.account_state import has_keyring as _has_keyring
from desktop.tasks import Op
from storage.database import Store
from sync.settings import load_account

BOX_WIDTH = 760  # forms stay readable on a wide screen


class AccountPage(Page):
    title = "Account & sync"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        layout = self.scrolled_layout()
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(QLabel(f"<h2>{self.title}</h2>"))
        intro = QLabel(
            "PracticeCraft works fully without an account. Sign in to keep the same children, "
            "worksheets and marks on several computers; they sync in the background."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.server = self._server_box()
        self.sign_in_box = self._sign_in_box()
        self.signed_in_box = self._signed_in_box()
        for box in (self.signed_in_box, self.sign_in_box, self.server):
            box.setMaximumWidth(BOX_WIDTH)
            layout.addWidget(box)
        layout.addStretch(1)
        if ctx.sync is not None:
            ctx.sync.status_changed.connect(self._on_status)

    # -- the three parts ------------------------------------------------------------------

    def _server_box(self) -> QGroupBox:
        box = QGroupBox("Sync server")
        form = QFormLayout(box)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://your-project.supabase.co")
        self.anon_key = QLineEdit()
        self.anon_key.setPlaceholderText("the project's anon (public) key")
        save = QPushButton("Save server")
        save.clicked.connect(self._connect)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addStretch(1)
        form.addRow("Address", self.url)
        form.addRow("Public key", self.anon_key)
        form.addRow("", _row_widget(row))
        return box

    def _sign_in_box(self) -> QGroupBox:
        box = QGroupBox("Sign in")
        form = QFormLayout(box)
        self.email = QLineEdit()
        self.email.setPlaceholderText("you@example.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox("Keep me signed in on this computer")
        note = QLabel(keep_signed_in_note())
        note.setWordWrap(True)
        note.setObjectName("soft")
        self.keep.setChecked(True)
        buttons = QHBoxLayout()
        self.sign_in_button = QPushButton("Sign in")
        self.sign_in_button.setDefault(True)
        self.sign_up_button = QPushButton("Create account")
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.sign_up_button)
        buttons.addStretch(1)
        self.sign_in_button.clicked.connect(lambda: self._sign_in(new=False))
        self.sign_up_button.clicked.connect(lambda: self._sign_in(new=True))
        self.password.returnPressed.connect(lambda: self._sign_in(new=False))
        form.addRow("Email", self.email)
        form.addRow("Password", self.password)
        form.addRow("", self.keep)
        form.addRow("", note)
        form.addRow("", _row_widget(buttons))
        return box

    def _signed_in_box(self) -> QGroupBox:
        box = QGroupBox("Your account")
        column = QVBoxLayout(box)
        self.who = QLabel()
        self.state = QLabel()
        self.state.setObjectName("sync-state")
        self.state.setWordWrap(True)
        self.figures = QLabel()
        buttons = QHBoxLayout()
        self.sync_now_button = QPushButton("Sync now")
        self.full_button = QPushButton("Full re-sync…")
        self.sign_out_button = QPushButton("Sign out…")
        for button in (self.sync_now_button, self.full_button, self.sign_out_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.sync_now_button.clicked.connect(lambda: self._sync(full=False))
        self.full_button.clicked.connect(self._full_resync)
        self.sign_out_button.clicked.connect(self._sign_out)
        self.notices = QListWidget()
        self.notices.setMaximumHeight(110)
        self.dismiss = QPushButton("Dismiss these notices")
        self.dismiss.clicked.connect(self._dismiss)
        self.notices_label = QLabel("Changes the server refused (they stay on this computer):")
        parts: tuple[QWidget, ...] = (self.who, self.state, self.figures, _row_widget(buttons),
                                      self.notices_label, self.notices, self.dismiss)  # fmt: skip
        for part in parts:
            column.addWidget(part)
        return box

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        state = load_account(self.ctx.data_dir)
        signed_in = bool(state.user_id)
        self.signed_in_box.setVisible(signed_in)
        self.sign_in_box.setVisible(not signed_in)
        self.url.setText(state.url or "")
        self.anon_key.setText(state.anon_key or "")
        self.server.setVisible(not signed_in)
        if signed_in:
            self.who.setText(f"Signed in as <b>{state.email}</b>")
            self._show_status()
            Op(self.ctx, _figures, self).success(self._show_figures).quietly().run()

    def _show_status(self) -> None:
        status = self.ctx.sync.status if self.ctx.sync else None
        self.state.setText(describe(status))

    def _show_figures(self, found: Any) -> None:
        pending, last, notices = found
        when = _when(last) if last else "never"
        self.figures.setText(f"Last sync: {when} · Waiting to send: {pending} change(s)")
        self.notices.clear()
        for notice in notices:
            self.notices.addItem(f"{notice.table}: {notice.reason}")
        for part in (self.notices_label, self.notices, self.dismiss):
            part.setVisible(bool(notices))
        self._notice_ids = [n.mutation_id for n in notices]

    def _on_status(self, status: Any) -> None:
        self.state.setText(describe(status))
        if status.error is not None and status.user_started:
            show_error(self, status.error)
        if status.state.name != "SYNCING" and self.isVisible():
            self.refresh()

    # -- acting ---------------------------------------------------------------------------

    def _connect(self) -> None:
        from sync.account import connect

        try:
            connect(self.ctx.data_dir, self.url.text(), self.anon_key.text())
        except ValueError as error:
            show_error(self, error)
            return
        self.ctx.status("Sync server saved.")

    def _sign_in(self, new: bool) -> None:
        email, password = self.email.text().strip(), self.password.text()
        if not email or not password:
            QMessageBox.information(self, "Sign in", "Type your email and password.")
            return
        if self.ctx.accounts is not None:
            self._busy(True)
            keep = "file" if self.keep.isChecked() and not _has_keyring() else None
            choice = keep if self.keep.isChecked() else "memory"
            self.ctx.accounts.sign_in(email, password, new, choice, self._signed_in)

    def _signed_in(self, error: BaseException | None) -> None:
        self._busy(False)
        self.password.clear()
        if error is not None:
            show_error(self, error)
            return
        self.refresh()

    def _busy(self, busy: bool) -> None:
        for button in (self.sign_in_button, self.sign_up_button):
            button.setEnabled(not busy)
        self.sign_in_button.setText("Signing in…" if busy else "Sign in")

    def _sync(self, full: bool) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.sync_now(full)

    def _full_resync(self) -> None:
        answer = QMessageBox.question(
            self,
            "Full re-sync",
            "Fetch everything from the server again and send anything it lacks? Changes "
            "waiting on this computer are kept. This can take a few minutes for a big account.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._sync(full=True)

    def _sign_out(self) -> None:
        answer = QMessageBox.question(
            self,
            "Sign out",
            "Sign out on this computer? Your account's data stays here for when you sign in "
            "again; until then PracticeCraft shows this computer's own (local) data.",
        )
        if answer == QMessageBox.StandardButton.Yes and self.ctx.accounts is not None:
            self.ctx.accounts.sign_out(self._signed_out)

    def _signed_out(self, error: BaseException | None) -> None:
        if error is not None:
            show_error(self, error)
        self.refresh()

    def _dismiss(self) -> None:
        ids = list(getattr(self, "_notice_ids", []))
        Op(self.ctx, lambda store, _p: store.sync.dismiss(ids), self).success(
            lambda _done: self.refresh()
        ).run()


def _figures(store: Store, _progress: object) -> tuple[int, str | None, list[Any]]:
    return store.sync.pending_count(), store.sync.last_success(), store.sync.notices()


def _row_widget(layout: QHBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def _when(stamp: str) -> str:
    """A UTC stamp as local time, e.g. 'today 10:42'."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    today = datetime.now().astimezone().date()
    day = "today" if moment.date() == today else moment.strftime("%d %b")
    return f"{day} {moment:%H:%M}"
