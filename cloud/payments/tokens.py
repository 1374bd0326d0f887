"""Who is paying: the caller's Supabase access token, verified here.

With SUPABASE_JWT_SECRET the token is an HS256 JWT signed with the project's secret (legacy
JWT secret, and the devstack); with SUPABASE_JWKS_URL it is checked against the project's
published signing keys (asymmetric keys). Either way its audience must be "authenticated",
its role "authenticated" and it must not have expired.
"""

from __future__ import annotations

import uuid
from typing import Any

import jwt

AUDIENCE = "authenticated"
ASYMMETRIC = ["RS256", "ES256", "EdDSA"]


class TokenRejected(Exception):
    """No usable access token: missing, malformed, wrongly signed, expired or not a user's."""


class TokenVerifier:
    def __init__(self, secret: str | None = None, jwks_url: str | None = None) -> None:
        if not secret and not jwks_url:
            raise ValueError("a JWT secret or a JWKS URL is needed")
        self._secret = secret
        self._jwks = jwt.PyJWKClient(jwks_url, cache_keys=True, timeout=5) if jwks_url else None

    def user_id(self, authorization: str | None) -> uuid.UUID:
        """The signed-in user named by an `Authorization: Bearer <token>` header.

        May fetch the JWKS over the network (once, then cached): call it off the event loop.
        """
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenRejected("no access token")
        claims = self._claims(token.strip())
        if claims.get("role") != "authenticated":
            raise TokenRejected("not a signed-in user's token")
        try:
            return uuid.UUID(str(claims.get("sub")))
        except ValueError as error:
            raise TokenRejected("the token names no user") from error

    def _claims(self, token: str) -> dict[str, Any]:
        try:
            if self._jwks is not None:
                key = self._jwks.get_signing_key_from_jwt(token).key
                algorithms = ASYMMETRIC
            else:
                key, algorithms = self._secret or "", ["HS256"]
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=AUDIENCE,
                options={"require": ["exp", "sub"]},
            )
        except jwt.ExpiredSignatureError as error:
            raise TokenRejected("the access token has expired") from error
        except (jwt.InvalidTokenError, jwt.PyJWKClientError) as error:
            raise TokenRejected(f"invalid access token: {error}") from error
        return claims
