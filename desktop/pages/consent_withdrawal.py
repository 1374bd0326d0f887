"""The question asked before consent is withdrawn: the notice, and erasure offered beside it."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from storage.consent import WITHDRAWAL_NOTICE

# Kept as who withdrew: the person at the computer speaks for the parent or the school.
WITHDRAWN_BY = "the person using PracticeCraft"


class Withdrawal(Enum):
    CANCELLED = "cancelled"
    WITHDRAW = "withdraw"
    WITHDRAW_AND_EXPORT = "withdraw_and_export"
    WITHDRAW_AND_ERASE = "withdraw_and_erase"


def ask_withdrawal(parent: QWidget, name: str) -> Withdrawal:
    """One dialog, as short as the one that gave consent: withdraw, withdraw and save the child's
    data (the export), withdraw and erase, or not.

    The notice shown is `WITHDRAWAL_NOTICE` word for word: its SHA-256 is kept on the record.
    """
    box = QMessageBox(parent)
    box.setWindowTitle(f"Withdraw consent for {name}?")
    box.setText(f"Withdraw consent for {name}?")
    box.setInformativeText(WITHDRAWAL_NOTICE)
    withdraw = box.addButton("Withdraw consent", QMessageBox.ButtonRole.AcceptRole)
    export = box.addButton("Withdraw and save their data…", QMessageBox.ButtonRole.ActionRole)
    erase = box.addButton("Withdraw and erase…", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is withdraw:
        return Withdrawal.WITHDRAW
    if clicked is export:
        return Withdrawal.WITHDRAW_AND_EXPORT
    if clicked is erase:
        return Withdrawal.WITHDRAW_AND_ERASE
    return Withdrawal.CANCELLED
