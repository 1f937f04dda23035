"""Times, durations and sizes as a statement prints them."""

from __future__ import annotations

import re

_TIME = re.compile(r"^(\d{1,2}):(\d{2})")
_ISO_T = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


def when(value: str) -> str:
    """An ISO timestamp as people write it: ``2026-03-14T12:55:00`` → ``2026-03-14 12:55:00``
    (so that a narrow column breaks between the date and the time, not inside the time)."""
    return _ISO_T.sub(r"\1 \2", value)


def duration_minutes(start: str, end: str) -> int | None:
    """Minutes from ``HH:MM`` to ``HH:MM`` (across midnight if need be), or None."""
    a, b = _TIME.match(start.strip()), _TIME.match(end.strip())
    if not a or not b:
        return None
    m1 = int(a.group(1)) * 60 + int(a.group(2))
    m2 = int(b.group(1)) * 60 + int(b.group(2))
    return (m2 - m1) % (24 * 60)


def size_text(size: int, unit: str) -> str:
    """``245 760 bytes (240 KiB)``: the exact count, and a size a reader can picture."""
    grouped = f"{size:,}".replace(",", "\u00a0")
    if size >= 1024 * 1024:
        return f"{grouped} {unit} ({size / (1024 * 1024):.1f}\u00a0MiB)"
    if size >= 1024:
        return f"{grouped} {unit} ({size / 1024:.0f}\u00a0KiB)"
    return f"{grouped} {unit}"
