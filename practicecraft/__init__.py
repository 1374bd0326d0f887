"""The app's front door: the `practicecraft` command (GUI with no arguments, CLI otherwise)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("practicecraft")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
