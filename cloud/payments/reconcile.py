"""Reconciliation: ask Razorpay about every order still open, and apply what it says.

Razorpay disables a webhook after a day of failures, and no callback arrives when the buyer
closes the browser, so a payment can happen without the service hearing of it. This looks at
each order still `created` or `failed` from the last days, fetches its payments from Razorpay
and applies each through the same functions as the webhooks: idempotent, so running it again,
or beside a webhook, changes nothing twice. Then paid tiers whose period has ended are written
back as free. One copy of the service reconciles at a time (an advisory lock).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta

from starlette.concurrency import run_in_threadpool

from cloud.payments.razorpay_api import Razorpay, RazorpayRefused, RazorpayUnavailable
from cloud.payments.service import log
from cloud.payments.store import DatabaseUnavailable, Store


@dataclass
class Report:
    orders_checked: int = 0
    upgraded: int = 0
    failed: int = 0
    refunded: int = 0
    expired: int = 0
    skipped: bool = False  # another copy was reconciling
    problems: list[str] = field(default_factory=list)


async def reconcile(store: Store, razorpay: Razorpay, within: timedelta) -> Report:
    report = Report()
    async with store.reconcile_turn() as mine:
        if not mine:
            report.skipped = True
            return report
        for order_id in await store.open_orders(within):
            try:
                await _reconcile_order(store, razorpay, order_id, report)
            except RazorpayRefused as refusal:
                report.problems.append(f"{order_id}: {refusal}")  # this order only
            except RazorpayUnavailable as failure:
                report.problems.append(f"{order_id}: {failure}")
                break  # Razorpay is down: the next run tries again
        report.expired = await store.expire()
    return report


async def _reconcile_order(store: Store, razorpay: Razorpay, order_id: str, report: Report) -> None:
    report.orders_checked += 1
    order = await run_in_threadpool(razorpay.order, order_id)
    if order.get("status") == "created":
        return  # nobody tried to pay it yet
    for payment in await run_in_threadpool(razorpay.order_payments, order_id):
        status, payment_id = payment.get("status"), str(payment.get("id", ""))
        if status == "captured":
            outcome = await store.capture(
                order_id, payment_id, payment.get("amount"), None, payment
            )
            report.upgraded += outcome["outcome"] == "upgraded"
        elif status == "refunded":
            refunded = int(payment.get("amount_refunded") or payment.get("amount") or 0)
            outcome = await store.refund(order_id, payment_id, refunded, {"payment": payment})
            report.refunded += outcome["outcome"] == "refunded"
        elif status == "failed":
            outcome = await store.fail(order_id, payment_id, payment)
            report.failed += outcome["outcome"] == "failed"


async def every(seconds: float, store: Store, razorpay: Razorpay, within: timedelta) -> None:
    """Reconcile every `seconds` until cancelled; a failed run is logged and tried again."""
    while True:
        await asyncio.sleep(seconds)
        try:
            report = await reconcile(store, razorpay, within)
        except DatabaseUnavailable as failure:
            log.warning("reconciliation failed: %s", failure)
            continue
        if report.upgraded or report.refunded or report.problems:
            log.info("reconciliation: %s", report)
