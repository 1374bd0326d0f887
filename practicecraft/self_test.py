"""`practicecraft --self-test`: does this install work? Made for the frozen bundle, where a
library PyInstaller left out fails late or, worse, silently (without HarfBuzz, Hindi prints
unshaped and nothing complains).

In a temporary folder it opens a new database, adds a child, makes and prints a Maths worksheet
in English and in Hindi through the same path as `worksheet create`, proves the Hindi was
shaped (in the PDF itself and in a probe of known conjuncts), finds the keyring's backends
(registered through package metadata, which a bundle must carry), imports every command and
reads the English sheet with Qt's PDF module. Prints one line per check; exit 0 when all pass,
1 otherwise. Nothing outside the temporary folder is touched.
"""

from __future__ import annotations

import importlib
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from practicecraft import __version__

# Conjuncts HarfBuzz draws as one glyph each; unshaped, each is three codepoints.
CONJUNCTS = ("क्ष", "श्र", "त्त")
# Glyphs that no character maps to (conjuncts, half forms) get codes in the private use area
# when shaping draws them (worksheets.render.fonts.code_every_glyph): in a PDF's ToUnicode map,
# such a code is proof that shaped Devanagari was printed.
# The keyring backend each platform keeps the sign-in in (keyring's entry point names).
KEYRING_BACKENDS = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}
PRIVATE_USE = range(0xE000, 0xF900)
STREAM = re.compile(rb"stream\r?\n")
TO_UNICODE_ENTRY = re.compile(rb"<([0-9A-Fa-f]{2,4})>\s*<([0-9A-Fa-f]{4,})>")


class SelfTestFailed(Exception):
    """One check found this install broken; the message says what is wrong."""


@dataclass(frozen=True)
class Outcome:
    name: str
    passed: bool
    detail: str


Check = Callable[[Path], str]


def run_self_test(echo: Callable[[str], None] = click.echo) -> int:
    """Run every check, print one line each and a verdict; return the exit code."""
    started = time.perf_counter()
    echo(f"PracticeCraft {__version__} self-test ({_where()})")
    with tempfile.TemporaryDirectory(prefix="practicecraft-self-test-") as folder:
        outcomes = []
        for outcome in _outcomes(Path(folder)):
            echo(f"  {'ok  ' if outcome.passed else 'FAIL'} {outcome.name}: {outcome.detail}")
            outcomes.append(outcome)
    failed = [o.name for o in outcomes if not o.passed]
    seconds = time.perf_counter() - started
    if failed:
        echo(f"self-test FAILED ({', '.join(failed)}) in {seconds:.1f} s")
        return 1
    echo(f"self-test passed in {seconds:.1f} s")
    return 0


def _where() -> str:
    return "bundle" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"


def _outcomes(folder: Path) -> Iterator[Outcome]:
    """Each check in turn; a check whose groundwork failed is reported as not run."""
    checks: list[tuple[str, Check]] = [
        ("database and worksheets", _make_worksheets),
        ("Hindi shaping (probe)", lambda _folder: _probe_shaping()),
        ("Hindi shaping (printed sheet)", lambda f: _shaped_in_pdf(f / "hi.pdf")),
        ("keyring backends", lambda _folder: _keyring_backends()),
        ("commands", lambda _folder: _import_commands()),
        ("sync client", lambda _folder: _check_sync_client()),
        ("Qt", lambda f: _check_qt(f / "en.pdf")),
    ]
    for name, check in checks:
        yield _outcome(name, check, folder)


def _outcome(name: str, check: Check, folder: Path) -> Outcome:
    try:
        return Outcome(name, True, check(folder))
    # A self-test reports every failure as a failed check, whatever raised it: the point is
    # to name what a broken install lacks, not to stop at the first traceback.
    except Exception as error:  # noqa: BLE001
        return Outcome(name, False, f"{type(error).__name__}: {error}")


def _make_worksheets(folder: Path) -> str:
    """A new database with one child; a worksheet printed and saved in English and Hindi."""
    from storage.consent import ConsentBasis
    from storage.database import Store
    from storage.making import SheetOrder, make_worksheets, print_and_save
    from storage.records import Child

    store = Store.open(folder / "data" / "practicecraft.db", create=True)
    try:
        basis = ConsentBasis.guardian("Self-test parent", "Mother")
        with store.write():
            child = store.children.add(Child(name="Self-test child", grade=3), basis)
        sizes, saved = [], 0
        for language in ("en", "hi"):
            order = SheetOrder(subject="maths", chapters=(1,), count=10, language=language, seed=1)
            sheets = make_worksheets(store, order, child_id=child.id, today=date.today())
            pdf = folder / f"{language}.pdf"
            printed = print_and_save(store, sheets, pdf, folder / f"{language}-key.pdf")
            saved += len(printed.sheets)
            sizes.append(f"{language} {pdf.stat().st_size // 1024} KB")
    finally:
        store.close()
    return f"new database, {saved} worksheets saved and printed ({', '.join(sizes)})"


def _probe_shaping() -> str:
    """Each conjunct comes out of the renderer's shaping step as one glyph that is none of its
    letters (unshaped, it would be its three codepoints)."""
    from worksheets.render.fonts import font_set, glyphs

    fonts = font_set("bundled")
    for conjunct in CONJUNCTS:
        [run] = fonts.runs(conjunct, fonts.devanagari.regular)
        drawn = str(glyphs(run, 12))
        if len(drawn) != 1 or drawn in conjunct:
            raise SelfTestFailed(
                f"{conjunct} was drawn as {len(drawn)} glyph(s), not 1: HarfBuzz (uharfbuzz) "
                "is missing from this install, so Hindi prints unshaped"
            )
    return f"{', '.join(CONJUNCTS)} each drawn as one glyph (HarfBuzz {_harfbuzz_version()})"


def _harfbuzz_version() -> str:
    harfbuzz = importlib.import_module("uharfbuzz")  # untyped: not imported by name
    return str(getattr(harfbuzz, "__version__", "?"))


def _shaped_in_pdf(pdf: Path) -> str:
    """The Hindi sheet's fonts map some of their codes to shaped glyphs (private use codes)."""
    shaped = shaped_glyph_codes(pdf.read_bytes())
    if not shaped:
        raise SelfTestFailed(f"{pdf.name} prints no shaped Devanagari glyph: Hindi is unshaped")
    return f"{pdf.name} prints {len(shaped)} shaped glyph(s) (conjuncts, half forms)"


def shaped_glyph_codes(pdf: bytes) -> set[int]:
    """The private-use characters the PDF's ToUnicode maps point to: glyphs only shaping draws.

    reportlab writes each map as a Flate stream; streams that are not (fonts, images) are
    passed over."""
    codes: set[int] = set()
    for start in STREAM.finditer(pdf):
        try:
            text = zlib.decompressobj().decompress(pdf[start.end() :])
        except zlib.error:
            continue  # not a compressed stream
        if b"begincmap" in text:
            codes |= {int(target, 16) for _code, target in TO_UNICODE_ENTRY.findall(text)}
    return {code for code in codes if code in PRIVATE_USE}


def _keyring_backends() -> str:
    """keyring finds its backends through entry points in its package metadata: a bundle
    without that metadata has none, and signing in could not keep the refresh token. Whether
    a backend is usable here (a desktop session's Secret Service, say) is reported, not
    required: a build machine has none."""
    from importlib.metadata import entry_points

    from keyring.backend import get_all_keyring

    found = {point.name: point for point in entry_points(group="keyring.backends")}
    wanted = next((b for p, b in KEYRING_BACKENDS.items() if sys.platform.startswith(p)), None)
    if wanted is not None and wanted not in found:
        raise SelfTestFailed(f"keyring's {wanted} backend is not registered (metadata missing)")
    for point in found.values():
        point.load()  # a backend module left out of the install fails here
    usable = sorted(k.name for k in get_all_keyring() if k.priority > 0)
    return f"{', '.join(sorted(found))}; usable here: {', '.join(usable) or 'none'}"


def _import_commands() -> str:
    """The commands' modules are imported by name when a command runs (not seen by an import
    scan): each must be in the install."""
    from practicecraft.cli.main import COMMANDS

    modules = sorted({module for module, _name in COMMANDS.values()})
    for module in modules:
        importlib.import_module(module)
    return f"{len(COMMANDS)} commands in {len(modules)} modules import"


def _check_sync_client() -> str:
    from sync.self_check import check_client

    return check_client()


def _check_qt(pdf: Path) -> str:
    from desktop.self_check import check_qt

    return check_qt(pdf)
