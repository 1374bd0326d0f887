"""The ASGI app: routes, and the lifespan that opens the pool and runs the reconcile timer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cloud.payments import checkout, orders, reconcile, webhooks
from cloud.payments.config import Settings
from cloud.payments.razorpay_api import Razorpay
from cloud.payments.service import Service, error
from cloud.payments.store import DatabaseUnavailable, Store
from cloud.payments.tokens import TokenVerifier

Handler = Callable[[Service, Request], Awaitable[Response]]


def build_service(settings: Settings) -> Service:
    return Service(
        settings=settings,
        store=Store(settings.database_url, settings.pool_size),
        razorpay=Razorpay(
            settings.key_id,
            settings.key_secret,
            settings.razorpay_base_url,
            settings.razorpay_timeout,
        ),
        tokens=TokenVerifier(settings.jwt_secret, settings.jwks_url),
    )


async def health(service: Service, _request: Request) -> Response:
    try:
        await service.store.ping()
    except DatabaseUnavailable:
        return error(503, "The database is unreachable.")
    return JSONResponse({"status": "ok"})


def create_app(settings: Settings) -> Starlette:
    service = build_service(settings)

    def route(path: str, handler: Handler, method: str) -> Route:
        async def endpoint(request: Request) -> Response:
            return await handler(service, request)

        return Route(path, endpoint, methods=[method])

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await service.store.open()
        timer = None
        if settings.reconcile_every > 0:
            within = timedelta(days=settings.reconcile_within_days)
            timer = asyncio.create_task(
                reconcile.every(settings.reconcile_every, service.store, service.razorpay, within)
            )
        try:
            yield
        finally:
            if timer is not None:
                timer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await timer
            await service.store.close()

    app = Starlette(
        routes=[
            route("/v1/orders", orders.create_order, "POST"),
            route("/v1/checkout/callback", checkout.checkout_callback, "POST"),
            route("/v1/checkout/{order_id}", checkout.checkout_page, "GET"),
            route("/v1/webhooks/razorpay", webhooks.receive, "POST"),
            route("/v1/health", health, "GET"),
        ],
        lifespan=lifespan,
    )
    app.state.service = service
    return app
