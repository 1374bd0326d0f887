"""The devstack's secrets: JWTs signed with one HS256 secret, password hashes, refresh tokens.

As on a Supabase project with a legacy JWT secret, one secret signs everything: the long-lived
`anon` and `service_role` API keys (made here, deterministically, so the same secret always
gives the same keys) and each user's access token (made by the auth service). PostgREST's side
checks the same signature. Passwords are stored only as scrypt hashes; refresh tokens only as
SHA-256 digests, so a copy of the database gives no way to sign in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Any

import jwt

ALGORITHM = "HS256"
KEY_ISSUER = "practicecraft-devstack"
API_KEY_ROLES = ("anon", "service_role")
# Fixed times make a secret's API keys the same on every start: 2025-01-01 to 2045-01-01.
_KEY_ISSUED_AT = 1_735_689_600
_KEY_EXPIRES_AT = 2_366_841_600

# scrypt at 16 MiB and about 50 ms a hash: slow for a guesser, fine for a sign-in.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_SCRYPT_PREFIX = "$scrypt$"


class InvalidToken(Exception):
    """A JWT that is malformed, wrongly signed or otherwise unusable; the message says why."""


class ExpiredToken(InvalidToken):
    """A well-signed JWT whose `exp` has passed."""


def new_jwt_secret() -> str:
    """A fresh random secret, as long as Supabase's (at least 32 characters)."""
    return secrets.token_urlsafe(48)


def sign(claims: dict[str, Any], secret: str) -> str:
    return jwt.encode(claims, secret, algorithm=ALGORITHM, headers={"typ": "JWT"})


def decode(token: str, secret: str) -> dict[str, Any]:
    """The claims of a token signed with `secret`; `exp` is checked when present, `aud` is not
    (PostgREST on Supabase does not check it either)."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"verify_aud": False}
        )
    except jwt.ExpiredSignatureError as error:
        raise ExpiredToken("JWT expired") from error
    except jwt.InvalidSignatureError as error:
        raise InvalidToken("JWSError JWSInvalidSignature") from error
    except jwt.InvalidTokenError as error:
        raise InvalidToken(f"invalid JWT: {error}") from error
    return claims


def api_key(secret: str, role: str) -> str:
    """The long-lived API key for `role` ("anon" or "service_role")."""
    if role not in API_KEY_ROLES:
        raise ValueError(f"API keys exist for {', '.join(API_KEY_ROLES)}, not {role!r}")
    claims = {"iss": KEY_ISSUER, "role": role, "iat": _KEY_ISSUED_AT, "exp": _KEY_EXPIRES_AT}
    return sign(claims, secret)


def anon_key(secret: str) -> str:
    return api_key(secret, "anon")


def service_key(secret: str) -> str:
    return api_key(secret, "service_role")


def api_key_role(token: str, secret: str) -> str | None:
    """The role of a valid API key, or None: a user's access token is not an API key."""
    try:
        role = decode(token, secret).get("role")
    except InvalidToken:
        return None
    return role if role in API_KEY_ROLES else None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str) -> str:
    """`$scrypt$ln=14,r=8,p=1$<salt>$<hash>`: salted, slow, never the password itself."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    params = f"ln={_SCRYPT_N.bit_length() - 1},r={_SCRYPT_R},p={_SCRYPT_P}"
    return f"{_SCRYPT_PREFIX}{params}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether `password` matches `stored`; a missing or foreign hash never matches.

    With no stored hash it still spends one hash's time, so the answer's timing does not
    tell whether the account exists.
    """
    if not stored or not stored.startswith(_SCRYPT_PREFIX):
        hash_password(password)
        return False
    params_text, salt, expected = stored[len(_SCRYPT_PREFIX) :].split("$")
    params = dict(part.split("=") for part in params_text.split(","))
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=_unb64(salt),
        n=2 ** int(params["ln"]),
        r=int(params["r"]),
        p=int(params["p"]),
        dklen=32,
    )
    return hmac.compare_digest(digest, _unb64(expected))


def new_refresh_token() -> str:
    return secrets.token_urlsafe(24)


def refresh_token_digest(token: str) -> str:
    """What `auth.refresh_tokens.token` holds: the token's SHA-256, not the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
