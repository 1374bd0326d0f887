"""Access tokens: the project's HS256 secret, or its published signing keys (JWKS)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from cloud.payments.tokens import TokenRejected, TokenVerifier
from tests.cloud.payments.conftest import JWT_SECRET, access_token

KEY_ID = "practicecraft-test-key"


@pytest.fixture(scope="module")
def signing_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture(scope="module")
def jwks_url(signing_key: ec.EllipticCurvePrivateKey) -> Iterator[str]:
    """The project's /auth/v1/.well-known/jwks.json, served locally."""
    public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(signing_key.public_key()))
    document = json.dumps({"keys": [{**public, "kid": KEY_ID, "alg": "ES256", "use": "sig"}]})

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(document.encode())

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/auth/v1/.well-known/jwks.json"
    server.shutdown()


def es256_token(key: ec.EllipticCurvePrivateKey, user: str, **changes: Any) -> str:
    claims = {
        "sub": user,
        "role": "authenticated",
        "aud": "authenticated",
        "exp": int(time.time()) + 600,
        **changes,
    }
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": KEY_ID})


def test_a_token_signed_with_the_projects_secret_names_its_user() -> None:
    user = str(uuid.uuid4())
    found = TokenVerifier(secret=JWT_SECRET).user_id(f"Bearer {access_token(user)}")
    assert str(found) == user


def test_a_token_signed_with_a_published_key_names_its_user(
    signing_key: ec.EllipticCurvePrivateKey, jwks_url: str
) -> None:
    user = str(uuid.uuid4())
    found = TokenVerifier(jwks_url=jwks_url).user_id(f"Bearer {es256_token(signing_key, user)}")
    assert str(found) == user


def test_with_published_keys_an_unknown_key_or_a_shared_secret_token_is_refused(
    jwks_url: str,
) -> None:
    verifier = TokenVerifier(jwks_url=jwks_url)
    stranger = ec.generate_private_key(ec.SECP256R1())
    for token in (es256_token(stranger, str(uuid.uuid4())), access_token(str(uuid.uuid4()))):
        with pytest.raises(TokenRejected):
            verifier.user_id(f"Bearer {token}")


def test_an_expired_token_is_refused_as_expired(
    signing_key: ec.EllipticCurvePrivateKey, jwks_url: str
) -> None:
    token = es256_token(signing_key, str(uuid.uuid4()), exp=int(time.time()) - 10)
    with pytest.raises(TokenRejected, match="expired"):
        TokenVerifier(jwks_url=jwks_url).user_id(f"Bearer {token}")
