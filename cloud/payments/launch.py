"""The `practicecraft-payments` entry point: the service, or one line saying what is missing.

The service's packages are in the `cloud` dependency group, which the desktop's runtime
install leaves out; there the command still exists (it is declared with the project), so it
says what to do instead of ending in a traceback.
"""

from __future__ import annotations

import sys

# Import name -> distribution, for the packages the `cloud` group brings that the service uses.
CLOUD_PACKAGES = {
    "psycopg": "psycopg",
    "psycopg_pool": "psycopg-pool",
    "uvicorn": "uvicorn",
    "starlette": "starlette",
    "jwt": "pyjwt",
    "razorpay": "razorpay",
    "requests": "requests",
}


def main() -> None:
    try:
        from cloud.payments.__main__ import main as run
    except ModuleNotFoundError as error:
        missing = CLOUD_PACKAGES.get((error.name or "").split(".")[0])
        if missing is None:
            raise
        sys.exit(
            f"practicecraft-payments: error: the payments service needs {missing}, which is"
            " not installed here (the desktop install leaves it out); install the `cloud`"
            " dependency group (`uv sync --group cloud`) or run `uv run practicecraft-payments`"
            " from a checkout of PracticeCraft"
        )
    run()
