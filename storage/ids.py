"""Identifiers made on the device: UUIDv7 for new rows, name-based UUIDs for natural keys."""

from __future__ import annotations

import os
import random
import threading
import time
import uuid

# UUIDv7 needs uniqueness, not secrecy: a generator seeded from the OS is fast and good enough.
_random = random.Random(os.urandom(32))
_lock = threading.Lock()
_last_ms = 0
_last_seq = 0
_NAMESPACE = uuid.UUID("4b1d9a5e-6c0f-4f43-9d3e-0f6f2a7c8e51")


def _hyphenate(value: int) -> str:
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def uuid7() -> str:
    """A new UUIDv7 (RFC 9562) as text; increasing within a process even if the clock steps back."""
    global _last_ms, _last_seq
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms, _last_seq = ms, _random.getrandbits(11)
        else:  # same millisecond or clock stepped back: count on from the last one
            _last_seq += 1
            if _last_seq > 0xFFF:
                _last_ms, _last_seq = _last_ms + 1, 0
        ms, seq = _last_ms, _last_seq
    value = (ms << 80) | (0x7 << 76) | (seq << 64) | (0b10 << 62) | _random.getrandbits(62)
    return _hyphenate(value)


def natural_id(*parts: str) -> str:
    """The same id for the same natural key on every device (e.g. a child's place in a class).

    Two devices that both add Asha to class 3A while offline make the same row, so sync merges
    them instead of creating a duplicate.
    """
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def device_node() -> str:
    """A fresh node id for the hybrid logical clock: 16 hex digits."""
    return os.urandom(8).hex()
