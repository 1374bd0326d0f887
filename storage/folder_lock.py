"""One writer per data folder: an operating-system lock on a file in it.

The process that writes a data folder (the window, or one command) holds the lock for as long
as it has the database open; a second would-be writer is refused at once and told who has the
folder, instead of racing it (two writers would issue the same clock stamps, import a roster
twice, or wait for SQLite and fail with "database is locked"). The operating system drops the
lock when its process ends however it ends, so a crash never leaves a folder locked.

POSIX uses `flock` (one lock per open file, so two opens in one process also exclude each
other); Windows locks one byte with `msvcrt.locking`, far past the text the holder writes, so
a refused process can still read who holds the folder.
"""

from __future__ import annotations

import errno
import os
import sys
from enum import Enum
from pathlib import Path

from storage.errors import DataFolderBusy, ReadOnlyStore, StorageError

LOCK_FILE = "practicecraft.lock"
_READ_ONLY_ERRORS = (errno.EACCES, errno.EPERM, errno.EROFS)


class Holder(Enum):
    """Who holds a folder: said to a process that is refused."""

    WINDOW = "window"
    COMMAND = "command"


BUSY = {
    Holder.WINDOW: (
        "PracticeCraft is open on this data folder in another window ({folder}); make the "
        "change there, or close that window first"
    ),
    Holder.COMMAND: (
        "another practicecraft command is using this data folder ({folder}); try again when "
        "it has finished"
    ),
}


def read_only_message(folder: Path) -> str:
    return (
        f"the data folder {folder} is read-only: its data can be shown but not changed; copy "
        "the folder somewhere you can write, or ask for write access"
    )


if sys.platform == "win32":
    import msvcrt

    _LOCKED_BYTE = 1 << 20

    def _try_lock(handle: int) -> bool:
        os.lseek(handle, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLOCK):
                return False
            raise
        return True

    def _unlock(handle: int) -> None:
        os.lseek(handle, _LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)


class FolderLock:
    """The held lock of one data folder. Release it (or let the process end) to free it."""

    def __init__(self, folder: Path, handle: int, holder: Holder) -> None:
        self.folder = folder
        self.holder = holder
        self._handle: int | None = handle

    @classmethod
    def acquire(cls, folder: Path, holder: Holder) -> FolderLock:
        """Take the folder's lock now, or raise DataFolderBusy naming who has it.

        Raises ReadOnlyStore if the lock file cannot be made (a read-only folder).
        """
        handle = _open_lock_file(folder)
        try:
            if not _try_lock(handle):
                raise DataFolderBusy(BUSY[_holder_in(handle)].format(folder=folder))
            _write_holder(handle, holder)
        except OSError as error:
            os.close(handle)
            raise StorageError(f"cannot lock the data folder {folder}: {error}") from error
        except BaseException:
            os.close(handle)
            raise
        return cls(folder, handle, holder)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        """Free the folder; safe to call twice."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            os.close(handle)  # closing frees the lock even if unlocking failed


def _open_lock_file(folder: Path) -> int:
    try:
        return os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        if error.errno in _READ_ONLY_ERRORS:
            raise ReadOnlyStore(read_only_message(folder)) from error
        raise StorageError(f"cannot use the data folder {folder}: {error.strerror}") from error


def _write_holder(handle: int, holder: Holder) -> None:
    """Say who holds the folder, for the process that will be refused."""
    os.ftruncate(handle, 0)
    os.lseek(handle, 0, os.SEEK_SET)
    os.write(handle, f"{holder.value} {os.getpid()}\n".encode())


def _holder_in(handle: int) -> Holder:
    os.lseek(handle, 0, os.SEEK_SET)
    words = os.read(handle, 64).decode("ascii", "replace").split()
    for holder in Holder:
        if words and words[0] == holder.value:
            return holder
    return Holder.COMMAND  # the holder has not written its name yet: a command, most likely
