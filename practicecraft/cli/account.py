"""`practicecraft account ...` and `practicecraft sync`: connect, sign in or up, sign out, sync."""

from __future__ import annotations

import sys
from typing import Any

import click

from practicecraft.cli.context import App, echo_json, pass_app
from storage.errors import NoDataFound
from storage.paths import ensure_private_dir
from sync import account as accounts
from sync.engine import PULL_PAGE, PUSH_BATCH, SyncEngine, SyncReport
from sync.errors import SyncError
from sync.settings import SESSION_STORES, connection, session_store_choice, update_account
from sync.tokens import keyring_available


@click.group("account")
def account() -> None:
    """Your PracticeCraft account: connect to the server, sign in, sign out."""


@account.command("connect")
@click.option("--url", required=True, help="The Supabase project's URL (https://....supabase.co).")
@click.option("--anon-key", required=True, help="The project's public anon key.")
@pass_app
def connect(app: App, url: str, anon_key: str) -> None:
    """Set the sync server for this data folder."""
    ensure_private_dir(app.data_dir)  # connecting is setting the folder up for an account
    checked = accounts.connect(app.data_dir, url, anon_key)
    click.echo(f"Sync server set: {checked.url}")


def _password(from_stdin: bool, confirm: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=confirm)
    if not password:
        raise click.BadParameter("the password is empty", param_hint="password")
    return password


def _remember(app: App, choice: str | None) -> None:
    """Save how the session is remembered; warn when it will not be."""
    if choice:
        update_account(app.data_dir, session_store=choice)
    if session_store_choice(app.data_dir) is None and not keyring_available():
        click.echo(
            "This computer has no keyring, so the session ends when PracticeCraft closes. "
            "To keep it in a private file in the data folder, sign in with --remember file.",
            err=True,
        )


def _sign_in(app: App, email: str, password: str, new: bool) -> None:
    signed = accounts.sign_in(app.data_dir, email, password, new=new)
    app.close()
    path, adopted = accounts.prepare_database(app.data_dir, signed)
    app.use_database(path)
    app.create = True  # the account's own database, made here on its first sign-in
    app.store.sync.adopt(signed.user_id)
    if adopted:
        click.echo(f"Signed in as {signed.email}. The data on this computer is now this account's.")
    else:
        click.echo(f"Signed in as {signed.email}.")
    click.echo("Run `practicecraft sync` (or open the app) to sync.")


_email = click.option("--email", required=True, help="Your email address.")
_stdin = click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
_remember_option = click.option(
    "--remember",
    type=click.Choice(SESSION_STORES),
    default=None,
    help="Where to keep the session: the OS keyring (default if there is one), a private "
    "file in the data folder, or memory only.",
)


@account.command("signup")
@_email
@_stdin
@_remember_option
@pass_app
def signup(app: App, email: str, password_stdin: bool, remember: str | None) -> None:
    """Make a new account and sign in to it."""
    connection(app.data_dir)
    _remember(app, remember)
    _sign_in(app, email, _password(password_stdin, confirm=True), new=True)


@account.command("signin")
@_email
@_stdin
@_remember_option
@pass_app
def signin(app: App, email: str, password_stdin: bool, remember: str | None) -> None:
    """Sign in to your account on this computer."""
    connection(app.data_dir)
    _remember(app, remember)
    _sign_in(app, email, _password(password_stdin, confirm=False), new=False)


@account.command("signout")
@pass_app
def signout(app: App) -> None:
    """Sign out on this computer. Your data stays here for when you sign in again."""
    app.close()
    signed = accounts.sign_out(app.data_dir)
    if signed is None:
        click.echo("Not signed in.")
        return
    click.echo(f"Signed out {signed.email}. Its data stays on this computer.")


@account.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def status(app: App, as_json: bool) -> None:
    """Which server and account this data folder uses, and what waits to sync."""
    signed = accounts.signed_in_account(app.data_dir)
    try:
        url: str | None = connection(app.data_dir).url
    except SyncError:
        url = None
    report: dict[str, Any] = {
        "server": url,
        "email": signed.email if signed else None,
        "user_id": signed.user_id if signed else None,
        **_waiting(app),
    }
    if as_json:
        echo_json(report)
        return
    click.echo(f"server: {url or 'not set (account connect)'}")
    click.echo(f"account: {signed.email if signed else 'not signed in'}")
    click.echo(f"waiting to sync: {report['pending']} change(s)")
    click.echo(f"last sync: {report['last_sync'] or 'never'}")
    for notice in report["notices"]:
        click.echo(
            f"refused by the server: {notice['table']} {notice['row_id']}: {notice['reason']}"
        )


def _waiting(app: App) -> dict[str, Any]:
    """What the open database holds for sync (nothing yet where there is no data here)."""
    try:
        store = app.reader
    except NoDataFound:
        return {"database": None, "pending": 0, "last_sync": None, "notices": []}
    return {
        "database": str(store.path),
        "pending": store.sync.pending_count(),
        "last_sync": store.sync.last_success(),
        "notices": [n.__dict__ for n in store.sync.notices()],
    }


@click.command("sync")
@click.option(
    "--full", is_flag=True, help="Pull everything again and re-send what the server lacks."
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--push-batch", type=click.IntRange(1, 1000), default=PUSH_BATCH, hidden=True)
@click.option("--pull-page", type=click.IntRange(1, 5000), default=PULL_PAGE, hidden=True)
@pass_app
def sync_now(app: App, full: bool, as_json: bool, push_batch: int, pull_page: int) -> None:
    """Send this computer's changes and receive the account's other devices' changes."""
    cloud = accounts.open_cloud(app.data_dir)
    store = app.store
    engine = SyncEngine(
        cloud.api, lambda work: work(store), push_batch=push_batch, pull_page=pull_page
    )
    report = engine.run(full=full, progress=None if as_json else _progress)
    if as_json:
        echo_json(report.as_json())
    else:
        _print_report(report)


def _progress(what: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        shown = f"{done}/{total}" if total else str(done)
        click.echo(f"\r{what}… {shown}   ", err=True, nl=False)


def _print_report(report: SyncReport) -> None:
    pushed = report.pushed
    click.echo(
        f"Sent {pushed.applied + pushed.superseded} change(s), received {report.pulled} "
        f"in {report.seconds:.1f} s."
    )
    for reason in pushed.reasons:
        click.echo(f"Refused by the server: {reason}")
    if report.mismatched:
        click.echo("The server and this computer hold different numbers of rows:")
        for line in report.mismatched:
            click.echo(f"  {line}")
        click.echo("Run `practicecraft sync --full` to compare everything again.")
