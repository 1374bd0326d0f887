"""The bundle's checks find a server key, and pass what a release build may carry."""

from __future__ import annotations

import json
from pathlib import Path

import jwt
import pytest

from bundling.check import secrets_in, unwanted_files

SIGNING_KEY = "a-test-signing-key-of-thirty-two-bytes!"


def _key(role: str, **claims: object) -> bytes:
    token = jwt.encode({"iss": "supabase", "role": role, **claims}, SIGNING_KEY, "HS256")
    return token.encode()


@pytest.mark.parametrize("ref", ["abc", "abcd", "abcde"])  # every base64 alignment of the role
def test_a_service_role_key_is_found(ref: str) -> None:
    assert secrets_in(b'{"key": "' + _key("service_role", ref=ref) + b'"}') == [
        "Supabase service-role key"
    ]


@pytest.mark.parametrize("ref", ["abc", "abcd", "abcde"])
def test_an_anon_key_is_not_a_secret(ref: str) -> None:
    cloud = json.dumps({"url": "https://x.supabase.co", "anon_key": _key("anon", ref=ref).decode()})
    assert secrets_in(cloud.encode()) == []


def test_a_supabase_secret_key_is_found() -> None:
    assert secrets_in(b"SUPABASE_KEY=sb_secret_0123456789abcdefXYZ") == ["Supabase secret key"]


def test_a_razorpay_key_secret_with_its_value_is_found() -> None:
    found = secrets_in(b'RAZORPAY_KEY_SECRET = "Zq8mXk2PpL0aTe1sQw9"')
    assert found == ["Razorpay key or webhook secret"]


def test_the_name_of_the_razorpay_setting_alone_is_not_a_secret() -> None:
    assert secrets_in(b"read RAZORPAY_KEY_SECRET from the environment") == []


def test_a_bundled_web_engine_or_server_package_is_unwanted(tmp_path: Path) -> None:
    for name in (
        "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "_internal/psycopg/__init__.pyc",
        "_internal/practicecraft/__init__.pyc",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert unwanted_files(tmp_path) == [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "psycopg/__init__.pyc",
    ]
