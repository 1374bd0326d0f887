"""The service's settings, all from the environment; a missing one stops it at start."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

RAZORPAY_API = "https://api.razorpay.com"

# Name -> what it is, for the message that names a missing one.
REQUIRED = {
    "RAZORPAY_KEY_ID": "the Razorpay key id (Dashboard > Account & Settings > API keys)",
    "RAZORPAY_KEY_SECRET": "the Razorpay key secret that goes with RAZORPAY_KEY_ID",
    "RAZORPAY_WEBHOOK_SECRET": "the secret set on the Razorpay webhook (not the key secret)",
    "DATABASE_URL": "the PostgreSQL URL the service connects with",
    "PUBLIC_URL": "the address browsers and Razorpay reach this service at",
}
JWT_SETTINGS = ("SUPABASE_JWT_SECRET", "SUPABASE_JWKS_URL")


class SettingsError(Exception):
    """A setting is missing or unusable; the message names it."""


@dataclass(frozen=True)
class Settings:
    key_id: str
    key_secret: str
    webhook_secret: str
    database_url: str
    public_url: str
    jwt_secret: str | None = None
    jwks_url: str | None = None
    razorpay_base_url: str = RAZORPAY_API
    razorpay_timeout: float = 10.0
    reconcile_every: float = 300.0  # seconds; 0 turns the timer off
    reconcile_within_days: int = 7
    pool_size: int = 10


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError as error:
        raise SettingsError(f"{name} must be a number, not {text!r}") from error
    if value < 0:
        raise SettingsError(f"{name} must not be negative")
    return value


def from_environment(env: Mapping[str, str] | None = None) -> Settings:
    """The settings in `env` (default: os.environ); raises SettingsError naming what is wrong."""
    env = os.environ if env is None else env
    for name, meaning in REQUIRED.items():
        if not env.get(name, "").strip():
            raise SettingsError(f"{name} is not set: {meaning}")
    if not any(env.get(name, "").strip() for name in JWT_SETTINGS):
        raise SettingsError(
            "SUPABASE_JWT_SECRET (the project's JWT secret) or SUPABASE_JWKS_URL (its JWKS "
            "address) must be set, to check who is paying"
        )
    return Settings(
        key_id=env["RAZORPAY_KEY_ID"].strip(),
        key_secret=env["RAZORPAY_KEY_SECRET"].strip(),
        webhook_secret=env["RAZORPAY_WEBHOOK_SECRET"].strip(),
        database_url=env["DATABASE_URL"].strip(),
        public_url=env["PUBLIC_URL"].strip().rstrip("/"),
        jwt_secret=env.get("SUPABASE_JWT_SECRET", "").strip() or None,
        jwks_url=env.get("SUPABASE_JWKS_URL", "").strip() or None,
        razorpay_base_url=(env.get("RAZORPAY_BASE_URL", "").strip() or RAZORPAY_API).rstrip("/"),
        razorpay_timeout=_number(env, "RAZORPAY_TIMEOUT_SECONDS", 10.0),
        reconcile_every=_number(env, "RECONCILE_INTERVAL_SECONDS", 300.0),
        reconcile_within_days=int(_number(env, "RECONCILE_WITHIN_DAYS", 7)),
        pool_size=max(1, int(_number(env, "DATABASE_POOL_SIZE", 10))),
    )
