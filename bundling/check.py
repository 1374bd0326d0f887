"""`python -m bundling.check dist/practicecraft`: hold a built bundle to what it must be.

Checks, in order: no server key or payment secret anywhere in it; none of what the desktop
never loads (bundling.contents) got in; its unpacked size (target < 250 MB); then runs its
`practicecraft --self-test` and, offscreen, opens its window once (`--quit-after-first-paint`),
timing both. Prints one line per check and a JSON summary; exit 1 if any check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bundling.contents import NOT_THE_DESKTOP, is_left_out

SIZE_TARGET_MB = 250
TIMEOUT_S = 300
# What must never ship: a Supabase service-role key (a JWT whose payload says so, or the new
# `sb_secret_` keys), a Razorpay key secret or webhook secret assigned a value.
SECRETS = {
    "Supabase service-role key": re.compile(
        rb"eyJ[A-Za-z0-9_-]{10,}\.(?:[A-Za-z0-9_-]*?)(?:InNlcnZpY2Vfcm9sZS|JzZXJ2aWNlX3JvbGUi|"
        rb"ic2VydmljZV9yb2xlI)[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+"
    ),
    "Supabase secret key": re.compile(rb"sb_secret_[A-Za-z0-9_-]{16,}"),
    "Razorpay key or webhook secret": re.compile(
        rb"(?i)razorpay_(?:key|webhook)_secret[\"']?\s*[:=]\s*[\"'][A-Za-z0-9]{12,}[\"']"
    ),
}


class BundleCheckFailed(Exception):
    """The bundle is not what it must be; the message says how."""


def files_of(bundle: Path) -> Iterator[Path]:
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def secrets_in(data: bytes) -> list[str]:
    """The kinds of secret found in `data`."""
    return [kind for kind, pattern in SECRETS.items() if pattern.search(data)]


def find_secrets(bundle: Path) -> list[str]:
    found = []
    for path in files_of(bundle):
        for kind in secrets_in(path.read_bytes()):
            found.append(f"{kind} in {path.relative_to(bundle)}")
    return found


def unwanted_files(bundle: Path) -> list[str]:
    """Files of what the desktop never loads: unused Qt parts, server and development
    packages (as folders or modules at the top of the bundle's Python tree)."""
    internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    found = []
    for path in files_of(internal):
        relative = path.relative_to(internal).as_posix()
        top = relative.split("/", 1)[0].split(".", 1)[0]
        if is_left_out(relative) or top in NOT_THE_DESKTOP:
            found.append(relative)
    return found


def size_mb(bundle: Path) -> float:
    return sum(path.stat().st_size for path in files_of(bundle)) / 1e6


def executable(bundle: Path) -> Path:
    name = "practicecraft.exe" if sys.platform == "win32" else "practicecraft"
    return bundle / name


def timed_run(
    command: list[str], env: dict[str, str]
) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    return time.perf_counter() - started, done


def clean_env(home: Path) -> dict[str, str]:
    """Offscreen, with a home of its own: the bundle must not lean on the checkout's Python."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen")
    env.pop("PRACTICECRAFT_DATA_DIR", None)
    return env


def run_checks(bundle: Path) -> dict[str, object]:
    """Every check; raises BundleCheckFailed naming every failure after all have run."""
    failures: list[str] = []
    secrets = find_secrets(bundle)
    failures += [f"secret: {s}" for s in secrets]
    unwanted = unwanted_files(bundle)
    failures += [f"should be left out: {u}" for u in unwanted[:20]]
    size = size_mb(bundle)
    if size >= SIZE_TARGET_MB:
        failures.append(f"{size:.0f} MB unpacked, target < {SIZE_TARGET_MB} MB")
    with tempfile.TemporaryDirectory() as home:
        env = clean_env(Path(home))
        self_test_s, done = timed_run([str(executable(bundle)), "--self-test"], env)
        print(done.stdout, done.stderr, sep="", end="")
        if done.returncode != 0:
            failures.append(f"--self-test exited {done.returncode}")
        window = [str(executable(bundle)), "--data-dir", str(Path(home) / "app"), "--create"]
        window_s, opened = timed_run([*window, "--quit-after-first-paint"], env)
        if opened.returncode != 0:
            failures.append(f"the window did not open offscreen: {opened.stderr.strip()[-300:]}")
    summary: dict[str, object] = {
        "size_mb": round(size, 1),
        "files": sum(1 for _ in files_of(bundle)),
        "self_test_s": round(self_test_s, 2),
        "first_window_s": round(window_s, 2),
        "secrets": len(secrets),
        "left_out_but_present": len(unwanted),
    }
    print(json.dumps(summary))
    if failures:
        raise BundleCheckFailed("; ".join(failures))
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bundling.check", description=__doc__)
    parser.add_argument("bundle", type=Path, help="the one-folder bundle, e.g. dist/practicecraft")
    args = parser.parse_args(argv)
    if not executable(args.bundle).is_file():
        print(f"bundling.check: error: no bundle at {args.bundle}", file=sys.stderr)
        return 1
    try:
        run_checks(args.bundle)
    except BundleCheckFailed as error:
        print(f"bundling.check: FAILED: {error}", file=sys.stderr)
        return 1
    print("bundle checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
