"""The shared libraries a Linux ELF file asks for (its DT_NEEDED entries), read in pure Python.

Used at start-up to learn what Qt's platform plugin needs without running `ldd` (which a user
may not have, and which would run the file's own loader). Only the section headers, the dynamic
section and its string table are read, so it costs a few small reads.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ELF_MAGIC = b"\x7fELF"
SHT_DYNAMIC = 6
DT_NULL, DT_NEEDED = 0, 1


class NotAnElfFile(ValueError):
    """The file is not an ELF object this reader understands."""


@dataclass(frozen=True)
class _Layout:
    """Where the fields this reader needs sit, for 32- or 64-bit files of either byte order."""

    order: str  # struct byte order: "<" or ">"
    address: str  # struct code of an offset: "I" or "Q"
    section_table_at: int  # e_shoff
    section_sizes_at: int  # e_shentsize, then e_shnum
    section: str
    dynamic_entry: str


@dataclass(frozen=True)
class _Section:
    kind: int
    offset: int
    size: int
    link: int


def needed_libraries(path: Path) -> list[str]:
    """The sonames `path` names as DT_NEEDED, in file order; [] if it has no dynamic section."""
    with path.open("rb") as elf:
        header = elf.read(64)
        layout = _layout(header)
        sections = _sections(elf, header, layout)
        dynamic = next((s for s in sections if s.kind == SHT_DYNAMIC), None)
        if dynamic is None or dynamic.link >= len(sections):
            return []
        strings = _read(elf, sections[dynamic.link])
        entries = _read(elf, dynamic)
    return [_c_string(strings, value) for value in _needed_offsets(entries, layout)]


def _layout(header: bytes) -> _Layout:
    if len(header) < 52 or not header.startswith(ELF_MAGIC) or header[4] not in (1, 2):
        raise NotAnElfFile("not an ELF file")
    order = {1: "<", 2: ">"}.get(header[5])
    if order is None:
        raise NotAnElfFile("unknown ELF byte order")
    if header[4] == 1:
        return _Layout(order, "I", 0x20, 0x2E, "IIIIIIIIII", "iI")
    return _Layout(order, "Q", 0x28, 0x3A, "IIQQQQIIQQ", "qQ")


def _sections(elf: BinaryIO, header: bytes, layout: _Layout) -> list[_Section]:
    (start,) = struct.unpack_from(layout.order + layout.address, header, layout.section_table_at)
    entry_size, count = struct.unpack_from(layout.order + "HH", header, layout.section_sizes_at)
    if start == 0 or entry_size < struct.calcsize(layout.order + layout.section):
        return []  # no section headers (or a format we do not know): nothing to report
    elf.seek(start)
    table = elf.read(entry_size * count)
    sections = []
    for index in range(len(table) // entry_size):
        fields = struct.unpack_from(layout.order + layout.section, table, index * entry_size)
        sections.append(_Section(kind=fields[1], offset=fields[4], size=fields[5], link=fields[6]))
    return sections


def _read(elf: BinaryIO, section: _Section) -> bytes:
    elf.seek(section.offset)
    return elf.read(section.size)


def _needed_offsets(entries: bytes, layout: _Layout) -> list[int]:
    entry = struct.Struct(layout.order + layout.dynamic_entry)
    offsets = []
    for tag, value in entry.iter_unpack(entries[: len(entries) // entry.size * entry.size]):
        if tag == DT_NULL:
            break
        if tag == DT_NEEDED:
            offsets.append(value)
    return offsets


def _c_string(table: bytes, offset: int) -> str:
    end = table.find(b"\0", offset)
    return table[offset : end if end >= 0 else len(table)].decode("utf-8", "replace")
