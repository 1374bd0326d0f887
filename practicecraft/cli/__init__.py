"""The command line. Exit codes: 0 success, 2 bad input (one line on stderr), 1 other failures."""

from practicecraft.cli.main import main

__all__ = ["main"]
