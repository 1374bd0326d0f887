"""`/auth/v1`: the part of Supabase Auth (GoTrue) PracticeCraft uses, with GoTrue's answers.

Email and password only, and every sign-up is confirmed at once (`mailer_autoconfirm`). It
writes the `auth` schema through its own connections as `supabase_auth_admin`, never as a
superuser, as GoTrue does on Supabase.

Refresh tokens are single-use: exchanging one revokes it, and presenting a revoked one again
fails with `refresh_token_already_used` and revokes every token of its session (GoTrue's reuse
detection), so a stolen token that raced its owner ends the session for both. By default there
is no reuse interval, stricter than GoTrue. With `refresh_reuse_interval` set (GoTrue's
`refresh_token_reuse_interval`, 10 s on Supabase), a token revoked less than that long ago is
answered with the session's active token rotated once more, as GoTrue lets a client whose
refresh answer was lost try again. (GoTrue hands back the active token itself; the devstack
keeps only digests, so it rotates it instead.) Logout deletes sessions, and their refresh
tokens with them.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.types.json import Jsonb
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from cloud.devstack import keys

_log = logging.getLogger(__name__)
Connection = psycopg.Connection[dict[str, Any]]
Connect = Callable[[], AbstractContextManager[Connection]]

API_VERSION_HEADER = "x-supabase-api-version"
API_VERSION = "2024-01-01"
ADMIN_ROLES = ("service_role", "supabase_admin")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_VERSION = re.compile(r"^2\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_USER_COLUMNS = (
    "id, aud, role, email, encrypted_password, email_confirmed_at, last_sign_in_at, "
    "raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until, is_anonymous"
)


class AuthError(Exception):
    """An answer GoTrue would give: HTTP status, its `error_code` and its message."""

    def __init__(
        self, status: int, error_code: str, message: str, reasons: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error_code = error_code
        self.message = message
        self.reasons = reasons


def error_response(request: Request, error: AuthError) -> JSONResponse:
    """GoTrue's error body: `{code, message}` for clients that ask for API version 2024-01-01
    or later (supabase-py does), else the older `{code: <status>, error_code, msg}`."""
    asked = request.headers.get(API_VERSION_HEADER, "")
    headers: dict[str, str] = {}
    body: dict[str, Any]
    if _VERSION.match(asked) and asked >= API_VERSION:
        headers[API_VERSION_HEADER] = API_VERSION
        body = {"code": error.error_code, "message": error.message}
    else:
        body = {"code": error.status, "error_code": error.error_code, "msg": error.message}
    if error.reasons is not None:
        body["weak_password"] = {"reasons": error.reasons}
    return JSONResponse(body, status_code=error.status, headers=headers)


@dataclass(frozen=True)
class AuthSettings:
    jwt_secret: str
    issuer: str  # "<public url>/auth/v1", the `iss` of every access token
    access_token_lifetime: int = 3600
    refresh_reuse_interval: float = 0.0  # seconds a revoked token may still be exchanged


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def user_json(user: dict[str, Any]) -> dict[str, Any]:
    """A user as GoTrue shows one, with its single email identity."""
    user_id = str(user["id"])
    confirmed = _iso(user["email_confirmed_at"])
    identity = {
        "identity_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"email:{user_id}")),
        "id": user_id,
        "user_id": user_id,
        "identity_data": {
            "email": user["email"],
            "email_verified": confirmed is not None,
            "phone_verified": False,
            "sub": user_id,
        },
        "provider": "email",
        "last_sign_in_at": _iso(user["last_sign_in_at"]),
        "created_at": _iso(user["created_at"]),
        "updated_at": _iso(user["updated_at"]),
        "email": user["email"],
    }
    return {
        "id": user_id,
        "aud": user["aud"],
        "role": user["role"],
        "email": user["email"],
        "email_confirmed_at": confirmed,
        "phone": "",
        "confirmed_at": confirmed,
        "last_sign_in_at": _iso(user["last_sign_in_at"]),
        "app_metadata": user["raw_app_meta_data"],
        "user_metadata": user["raw_user_meta_data"],
        "identities": [identity],
        "created_at": _iso(user["created_at"]),
        "updated_at": _iso(user["updated_at"]),
        "is_anonymous": user["is_anonymous"],
    }


def _email(body: dict[str, Any]) -> str:
    email = str(body.get("email") or "").strip().lower()
    if not email:
        raise AuthError(400, "validation_failed", "An email address is required")
    if len(email) > 255 or not _EMAIL.match(email):
        message = "Unable to validate email address: invalid format"
        raise AuthError(400, "validation_failed", message)
    return email


def _new_password(body: dict[str, Any]) -> str:
    password = body.get("password")
    if not isinstance(password, str) or not password:
        raise AuthError(422, "validation_failed", "Signup requires a valid password")
    if len(password) < 6:
        raise AuthError(
            422, "weak_password", "Password should be at least 6 characters.", ["length"]
        )
    return password


def _banned(user: dict[str, Any]) -> bool:
    until: datetime | None = user["banned_until"]
    return until is not None and until.timestamp() > time.time()


class AuthService:
    """The `/auth/v1` routes over `connect` (connections as `supabase_auth_admin`)."""

    def __init__(self, connect: Connect, settings: AuthSettings) -> None:
        self._connect = connect
        self._settings = settings

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/health", self._health, methods=["GET"]),
            Route("/settings", self._settings_page, methods=["GET"]),
            Route("/.well-known/jwks.json", self._jwks, methods=["GET"]),
            Route("/signup", self._answer(self._signup), methods=["POST"]),
            Route("/token", self._answer(self._token), methods=["POST"]),
            Route("/user", self._answer(self._user), methods=["GET"]),
            Route("/logout", self._answer(self._logout), methods=["POST"]),
            Route("/admin/users", self._answer(self._admin_create), methods=["POST"]),
            Route(
                "/admin/users/{user_id}",
                self._answer(self._admin_user),
                methods=["GET", "DELETE"],
            ),
        ]

    # -- HTTP plumbing -------------------------------------------------------------------------

    def _answer(
        self, work: Callable[[Request, dict[str, Any]], tuple[int, Any]]
    ) -> Callable[[Request], Any]:
        """An endpoint that reads the JSON body, runs `work` on a worker thread (it blocks on
        the database and on password hashing) and turns an AuthError into GoTrue's answer."""

        async def endpoint(request: Request) -> Response:
            try:
                body = await _json_body(request)
                status, payload = await run_in_threadpool(work, request, body)
            except AuthError as error:
                return error_response(request, error)
            except (psycopg.Error, TimeoutError) as error:
                _log.exception("auth request %s failed", request.url.path)
                failure = AuthError(500, "unexpected_failure", f"Unexpected failure: {error}")
                return error_response(request, failure)
            if status == 204:
                return Response(status_code=204)
            return JSONResponse(payload, status_code=status)

        return endpoint

    async def _health(self, _request: Request) -> Response:
        description = "PracticeCraft devstack: a stand-in for Supabase Auth, not for production"
        return JSONResponse({"version": "devstack", "name": "GoTrue", "description": description})

    async def _settings_page(self, _request: Request) -> Response:
        return JSONResponse(
            {
                "external": {"email": True, "phone": False, "anonymous_users": False},
                "disable_signup": False,
                "mailer_autoconfirm": True,
                "phone_autoconfirm": False,
                "sms_provider": "",
                "saml_enabled": False,
            }
        )

    async def _jwks(self, _request: Request) -> Response:
        return JSONResponse({"keys": []})  # HS256: no public keys to publish

    # -- tokens ------------------------------------------------------------------------------

    def _access_token(
        self, user: dict[str, Any], session_id: str, signed_in_at: int, now: int
    ) -> str:
        claims = {
            "iss": self._settings.issuer,
            "sub": str(user["id"]),
            "aud": user["aud"],
            "exp": now + self._settings.access_token_lifetime,
            "iat": now,
            "email": user["email"],
            "phone": "",
            "app_metadata": user["raw_app_meta_data"],
            "user_metadata": user["raw_user_meta_data"],
            "role": user["role"],
            "aal": "aal1",
            "amr": [{"method": "password", "timestamp": signed_in_at}],
            "session_id": session_id,
            "is_anonymous": user["is_anonymous"],
        }
        return keys.sign(claims, self._settings.jwt_secret)

    def _issue_session(
        self,
        conn: Connection,
        user: dict[str, Any],
        session_id: str | None = None,
        parent: str | None = None,
    ) -> dict[str, Any]:
        """A new refresh token (in a new session unless `session_id`) and an access token."""
        if session_id is None:
            session_id = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO auth.sessions (id, user_id) VALUES (%s, %s)", (session_id, user["id"])
            )
        started = conn.execute(
            "SELECT created_at FROM auth.sessions WHERE id = %s", (session_id,)
        ).fetchone()
        assert started is not None  # made above, or locked by the refresh that names it
        refresh_token = keys.new_refresh_token()
        conn.execute(
            "INSERT INTO auth.refresh_tokens (token, user_id, session_id, parent) "
            "VALUES (%s, %s, %s, %s)",
            (keys.refresh_token_digest(refresh_token), user["id"], session_id, parent),
        )
        signed_in_at, now = int(started["created_at"].timestamp()), int(time.time())
        lifetime = self._settings.access_token_lifetime
        return {
            "access_token": self._access_token(user, session_id, signed_in_at, now),
            "token_type": "bearer",
            "expires_in": lifetime,
            "expires_at": now + lifetime,
            "refresh_token": refresh_token,
            "user": user_json(user),
        }

    def _signup(self, _request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        email, password = _email(body), _new_password(body)
        hashed = keys.hash_password(password)
        metadata = body.get("data") if isinstance(body.get("data"), dict) else {}
        with self._connect() as conn, conn.transaction():
            user = conn.execute(
                "INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at, "
                "last_sign_in_at, raw_user_meta_data) VALUES (%s, %s, %s, now(), now(), %s) "
                f"ON CONFLICT ((lower(email))) DO NOTHING RETURNING {_USER_COLUMNS}",
                (str(uuid.uuid4()), email, hashed, Jsonb(metadata)),
            ).fetchone()
            if user is None:
                raise AuthError(422, "user_already_exists", "User already registered")
            return 200, self._issue_session(conn, user)

    def _token(self, request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        grant = request.query_params.get("grant_type")
        if grant == "password":
            return 200, self._password_grant(body)
        if grant == "refresh_token":
            return 200, self._refresh_grant(body)
        raise AuthError(400, "validation_failed", f"unsupported_grant_type: {grant}")

    def _password_grant(self, body: dict[str, Any]) -> dict[str, Any]:
        email, password = str(body.get("email") or "").strip(), body.get("password")
        with self._connect() as conn:
            user = conn.execute(
                f"SELECT {_USER_COLUMNS} FROM auth.users WHERE lower(email) = lower(%s)", (email,)
            ).fetchone()
        # Hashing happens with no connection held: it is the slow part, on purpose.
        stored = user["encrypted_password"] if user else None
        if not keys.verify_password(str(password or ""), stored) or user is None:
            raise AuthError(400, "invalid_credentials", "Invalid login credentials")
        if user["email_confirmed_at"] is None:
            raise AuthError(400, "email_not_confirmed", "Email not confirmed")
        if _banned(user):
            raise AuthError(400, "user_banned", "User is banned")
        with self._connect() as conn, conn.transaction():
            signed_in = conn.execute(
                f"UPDATE auth.users SET last_sign_in_at = now() WHERE id = %s "
                f"RETURNING {_USER_COLUMNS}",
                (user["id"],),
            ).fetchone()
            if signed_in is None:
                raise AuthError(400, "invalid_credentials", "Invalid login credentials")
            return self._issue_session(conn, signed_in)

    def _refresh_grant(self, body: dict[str, Any]) -> dict[str, Any]:
        token = body.get("refresh_token")
        if not isinstance(token, str) or not token:
            raise AuthError(400, "validation_failed", "refresh_token required")
        digest = keys.refresh_token_digest(token)
        with self._connect() as conn, conn.transaction():
            found = conn.execute(
                "SELECT t.id, t.revoked, t.session_id, t.user_id, "
                "extract(epoch FROM now() - t.updated_at) AS revoked_for "
                "FROM auth.refresh_tokens AS t "
                "JOIN auth.sessions AS s ON s.id = t.session_id "
                "WHERE t.token = %s FOR UPDATE OF t, s",
                (digest,),
            ).fetchone()
            if found is not None and not found["revoked"]:
                return self._rotate(conn, found, digest)
            if found is not None and found["revoked_for"] <= self._settings.refresh_reuse_interval:
                active = self._active_token(conn, found["session_id"])
                if active is not None:
                    return self._rotate(conn, active, active["token"])
            if found is not None:  # reuse: revoke the family, then answer (after commit)
                conn.execute(
                    "UPDATE auth.refresh_tokens SET revoked = true, updated_at = now() "
                    "WHERE session_id = %s",
                    (found["session_id"],),
                )
        if found is None:
            raise AuthError(
                400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found"
            )
        raise AuthError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used")

    @staticmethod
    def _active_token(conn: Connection, session_id: Any) -> dict[str, Any] | None:
        """The session's token not yet revoked (the one a lost refresh answer carried)."""
        row: dict[str, Any] | None = conn.execute(
            "SELECT id, token, session_id, user_id FROM auth.refresh_tokens "
            "WHERE session_id = %s AND NOT revoked ORDER BY id DESC LIMIT 1 FOR UPDATE",
            (session_id,),
        ).fetchone()
        return row

    def _rotate(self, conn: Connection, token: dict[str, Any], digest: str) -> dict[str, Any]:
        user = conn.execute(
            f"SELECT {_USER_COLUMNS} FROM auth.users WHERE id = %s", (token["user_id"],)
        ).fetchone()
        if user is None or _banned(user):
            raise AuthError(400, "user_banned", "User is banned")
        conn.execute(
            "UPDATE auth.refresh_tokens SET revoked = true, updated_at = now() WHERE id = %s",
            (token["id"],),
        )
        conn.execute(
            "UPDATE auth.sessions SET updated_at = now() WHERE id = %s", (token["session_id"],)
        )
        return self._issue_session(conn, user, str(token["session_id"]), parent=digest)

    # -- the signed-in user ----------------------------------------------------------------------

    def _claims(self, request: Request) -> dict[str, Any]:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token")
        try:
            return keys.decode(token.strip(), self._settings.jwt_secret)
        except keys.InvalidToken as error:
            raise AuthError(
                403, "bad_jwt", f"invalid JWT: unable to parse or verify signature, {error}"
            ) from error

    def _signed_in(self, conn: Connection, claims: dict[str, Any]) -> dict[str, Any]:
        """The user a token speaks for, while its session lasts."""
        if not claims.get("sub"):
            raise AuthError(403, "bad_jwt", "invalid claim: missing sub claim")
        session_id = claims.get("session_id")
        live = "SELECT 1 FROM auth.sessions WHERE id = %s"
        if session_id and conn.execute(live, (session_id,)).fetchone() is None:
            raise AuthError(
                403, "session_not_found", "Session from session_id claim in JWT does not exist"
            )
        user = conn.execute(
            f"SELECT {_USER_COLUMNS} FROM auth.users WHERE id = %s", (claims["sub"],)
        ).fetchone()
        if user is None:
            raise AuthError(403, "user_not_found", "User from sub claim in JWT does not exist")
        return user

    def _user(self, request: Request, _body: dict[str, Any]) -> tuple[int, Any]:
        claims = self._claims(request)
        with self._connect() as conn:
            return 200, user_json(self._signed_in(conn, claims))

    def _logout(self, request: Request, _body: dict[str, Any]) -> tuple[int, Any]:
        claims = self._claims(request)
        scope = request.query_params.get("scope", "global")
        where = {
            "global": "user_id = %(user)s",
            "local": "id = %(session)s",
            "others": "user_id = %(user)s AND id IS DISTINCT FROM %(session)s",
        }.get(scope)
        if where is None:
            raise AuthError(400, "validation_failed", f'Unsupported logout scope "{scope}"')
        with self._connect() as conn, conn.transaction():
            user = self._signed_in(conn, claims)
            conn.execute(
                f"DELETE FROM auth.sessions WHERE {where}",
                {"user": user["id"], "session": claims.get("session_id")},
            )
        return 204, None

    # -- admin -----------------------------------------------------------------------------

    def _require_admin(self, request: Request) -> None:
        if self._claims(request).get("role") not in ADMIN_ROLES:
            raise AuthError(403, "not_admin", "User not allowed")

    def _admin_create(self, request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        self._require_admin(request)
        email = _email(body)
        hashed = keys.hash_password(_new_password(body)) if body.get("password") else None
        app_metadata = {"provider": "email", "providers": ["email"]}
        app_metadata.update(body.get("app_metadata") or {})
        with self._connect() as conn, conn.transaction():
            user = conn.execute(
                "INSERT INTO auth.users (id, email, encrypted_password, email_confirmed_at, "
                "raw_app_meta_data, raw_user_meta_data, role) "
                "VALUES (%s, %s, %s, CASE WHEN %s THEN now() END, %s, %s, %s) "
                f"ON CONFLICT ((lower(email))) DO NOTHING RETURNING {_USER_COLUMNS}",
                (
                    str(uuid.uuid4()),
                    email,
                    hashed,
                    bool(body.get("email_confirm")),
                    Jsonb(app_metadata),
                    Jsonb(body.get("user_metadata") or {}),
                    str(body.get("role") or "authenticated"),
                ),
            ).fetchone()
        if user is None:
            raise AuthError(
                422, "email_exists", "A user with this email address has already been registered"
            )
        return 200, user_json(user)

    def _admin_user(self, request: Request, _body: dict[str, Any]) -> tuple[int, Any]:
        self._require_admin(request)
        try:
            user_id = str(uuid.UUID(request.path_params["user_id"]))
        except ValueError as error:
            raise AuthError(404, "user_not_found", "User not found") from error
        with self._connect() as conn, conn.transaction():
            if request.method == "DELETE":
                user = conn.execute(
                    f"DELETE FROM auth.users WHERE id = %s RETURNING {_USER_COLUMNS}", (user_id,)
                ).fetchone()
            else:
                user = conn.execute(
                    f"SELECT {_USER_COLUMNS} FROM auth.users WHERE id = %s", (user_id,)
                ).fetchone()
        if user is None:
            raise AuthError(404, "user_not_found", "User not found")
        return 200, ({} if request.method == "DELETE" else user_json(user))


async def _json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = await request.json()
    except ValueError as error:
        raise AuthError(400, "bad_json", "Could not parse request body as JSON") from error
    if not isinstance(body, dict):
        raise AuthError(400, "bad_json", "Could not parse request body as JSON: not an object")
    return body
