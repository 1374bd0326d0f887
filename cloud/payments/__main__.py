"""`practicecraft-payments`: run the payments service, or reconcile once.

    practicecraft-payments [--host H] [--port P]      serve (the default)
    practicecraft-payments serve [--host H] [--port P]
    practicecraft-payments reconcile [--within-days N]

Settings come from the environment (see README, "Payments"); one that is missing stops it at
start with a line naming it (exit 2).
"""

from __future__ import annotations

import asyncio
import sys
from datetime import timedelta

import click
import uvicorn

from cloud.payments.app import build_service, create_app
from cloud.payments.config import Settings, SettingsError, from_environment
from cloud.payments.reconcile import Report, reconcile
from cloud.payments.store import DatabaseUnavailable

PROG = "practicecraft-payments"


def _settings() -> Settings:
    try:
        return from_environment()
    except SettingsError as problem:
        click.echo(f"{PROG}: error: {problem}", err=True)
        sys.exit(2)


def _serve(host: str, port: int, access_log: bool = True) -> None:
    app = create_app(_settings())
    uvicorn.run(
        app, host=host, port=port, log_level="info", access_log=access_log, proxy_headers=True
    )


_host = click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 behind a load balancer).",
)
_port = click.option(
    "--port", default=8000, show_default=True, envvar="PORT", help="Port to listen on (or $PORT)."
)


@click.group(invoke_without_command=True)
@_host
@_port
@click.pass_context
def main(context: click.Context, host: str, port: int) -> None:
    """PracticeCraft's payments service (Razorpay)."""
    if context.invoked_subcommand is None:
        _serve(host, port)


@main.command()
@_host
@_port
@click.option(
    "--access-log/--no-access-log", default=True, show_default=True, help="Log a line per request."
)
def serve(host: str, port: int, access_log: bool) -> None:
    """Serve orders, checkout, callbacks and webhooks."""
    _serve(host, port, access_log)


@main.command("reconcile")
@click.option(
    "--within-days",
    default=None,
    type=click.IntRange(1, 365),
    help="How far back to look for open orders (default: RECONCILE_WITHIN_DAYS or 7).",
)
def reconcile_command(within_days: int | None) -> None:
    """Ask Razorpay about every open order once, apply what it says, and report."""
    settings = _settings()
    days = within_days or settings.reconcile_within_days
    try:
        report = asyncio.run(_reconcile_once(settings, timedelta(days=days)))
    except DatabaseUnavailable as failure:
        click.echo(f"{PROG}: error: {failure}", err=True)
        sys.exit(1)
    click.echo(_describe(report))
    if report.problems:
        sys.exit(1)


async def _reconcile_once(settings: Settings, within: timedelta) -> Report:
    service = build_service(settings)
    await service.store.open()
    try:
        return await reconcile(service.store, service.razorpay, within)
    finally:
        await service.store.close()


def _describe(report: Report) -> str:
    if report.skipped:
        return "another copy of the service is reconciling now; nothing done"
    lines = [
        f"orders checked: {report.orders_checked}",
        f"upgraded: {report.upgraded}, failed attempts: {report.failed}, "
        f"refunded: {report.refunded}, paid periods ended: {report.expired}",
    ]
    lines += [f"problem: {problem}" for problem in report.problems]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
