"""`practicecraft-devcloud`: run the devstack in the foreground, for development and tests only.

Without `--database-url` it keeps its own PostgreSQL cluster in a persistent data folder, so
accounts and synced rows survive a restart; with one, it uses that database, whose
`authenticator` and `supabase_auth_admin` roles must be able to log in without a password from
here (as on a local trust-auth server). Either way it applies Supabase's base and our migrations
first. The JWT secret comes from `--jwt-secret`, else PRACTICECRAFT_DEVCLOUD_JWT_SECRET, else a
random one kept in the data folder, so the printed API keys stay the same from run to run.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import click
import platformdirs
import psycopg
import uvicorn

from cloud.devstack import keys
from cloud.devstack.postgres import LocalPostgres, PostgresError
from cloud.devstack.server import Database, create_app, listening_socket
from cloud.migrations import prepare

SECRET_ENV = "PRACTICECRAFT_DEVCLOUD_JWT_SECRET"


class UrlDatabase:
    """A database named by URL; the devstack's roles log in to it with the URL's other parts."""

    def __init__(self, url: str) -> None:
        self.url = url

    def dsn(self, user: str) -> str:
        params = psycopg.conninfo.conninfo_to_dict(self.url)
        params.pop("password", None)  # the URL's password belongs to the URL's own user
        params["user"] = user
        return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})


def default_data_dir() -> Path:
    """The user's data folder; as root, a system folder, because the PostgreSQL server then
    runs as `nobody`, who cannot pass through root's home."""
    if os.geteuid() == 0:
        return Path("/var/lib/practicecraft-devcloud")
    return Path(platformdirs.user_data_dir("practicecraft-devcloud"))


def prepare_data_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    # Private to its owner; as root, others may pass through (not list) to reach the cluster.
    folder.chmod(0o711 if os.geteuid() == 0 else 0o700)
    return folder


def load_jwt_secret(given: str | None, folder: Path) -> str:
    """The secret from the option or environment, else the one kept in `folder` (made once)."""
    if given:
        return given
    stored = folder / "jwt_secret"
    if stored.exists():
        return stored.read_text(encoding="utf-8").strip()
    secret = keys.new_jwt_secret()
    descriptor = os.open(stored, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(secret + "\n")
    return secret


def banner(url: str, secret: str) -> str:
    return "\n".join(
        [
            "PracticeCraft devcloud: a stand-in for Supabase, for development and tests only.",
            "Production is Supabase; never point a release build here.",
            f"  API URL:     {url}",
            f"  anon key:    {keys.anon_key(secret)}",
            f"  service key: {keys.service_key(secret)}",
        ]
    )


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@click.command()
@click.option("--database-url", help="Use this PostgreSQL (a superuser URL) instead of our own.")
@click.option("--port", default=54321, show_default=True, help="Port on 127.0.0.1.")
@click.option("--jwt-secret", envvar=SECRET_ENV, help=f"HS256 secret (else ${SECRET_ENV}).")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_data_dir,
    show_default="the user data folder",
    help="Where our own cluster and the stored JWT secret live.",
)
def main(database_url: str | None, port: int, jwt_secret: str | None, data_dir: Path) -> None:
    """Serve Supabase's auth and RPC API over PostgreSQL: for development and tests only."""
    folder = prepare_data_dir(data_dir)
    secret = load_jwt_secret(jwt_secret, folder)
    cluster: LocalPostgres | None = None
    database: Database
    if database_url:
        prepare(database_url)
        database = UrlDatabase(database_url)
    else:
        try:
            cluster = LocalPostgres(folder / "postgres", fast=False).start()
        except PostgresError as error:
            raise click.ClickException(f"{error} (choose another --data-dir)") from error
        prepare(cluster.dsn())
        database = cluster
    try:
        listener = listening_socket(port)
        url = f"http://127.0.0.1:{port}"
        click.echo(banner(url, secret))
        app = create_app(database, secret, url)
        # uvicorn shuts down gracefully on SIGTERM, then raises the signal again for the
        # handler it found: make that handler end us through `finally`, so our cluster stops.
        signal.signal(signal.SIGTERM, _exit_on_signal)
        uvicorn.Server(uvicorn.Config(app, log_level="info")).run(sockets=[listener])
    except KeyboardInterrupt:
        click.echo("stopped")  # Ctrl-C is how a foreground server is meant to end
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
