"""Freeing a large list a few thousand items per turn of the event loop.

Why: when the organisation's list of 100,000 testimonies is read again (after an import, a
save), showing the new one lets go of the old: 100,000 summaries and their strings, freed in one
C loop that held the GUI thread for 61-64 ms (a window that stops answering for longer than
50 ms feels stuck; issue 19). Given to :func:`release`, the old list is emptied
:data:`PIECE` items per turn of the event loop instead (about 2 ms each), and the window answers
between the pieces.

Only a list that nothing else refers to is cut: one that something still holds is simply let
go (freed, whole, when its last holder drops it), so no holder ever sees a list shrink.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QTimer

PIECE = 4096

_waiting: list[list[Any]] = []


def _references_when_alone() -> int:
    """What ``sys.getrefcount`` says of a list held only by :data:`_waiting`, measured as
    :func:`_step` measures (the count's meaning varies between Python versions)."""
    _waiting.append([])
    try:
        return sys.getrefcount(_waiting[-1])
    finally:
        _waiting.pop()


_ALONE = _references_when_alone()


def release(items: list[Any]) -> None:
    """Let go of ``items``: emptied piece by piece if nothing else holds it (see the module doc).

    The caller must drop its own references before the event loop turns again. A list of one
    piece or less is simply let go. Call it on the GUI thread only (the pieces are freed by a
    timer of its event loop).
    """
    if len(items) <= PIECE:
        return
    _waiting.append(items)
    if len(_waiting) == 1:
        QTimer.singleShot(0, _step)


def waiting() -> int:
    """How many lists are still being freed (for tests)."""
    return len(_waiting)


def _step() -> None:
    while _waiting:
        if sys.getrefcount(_waiting[0]) != _ALONE:
            del _waiting[0]  # someone else holds it: theirs to free
            continue
        del _waiting[0][-PIECE:]
        if not _waiting[0]:
            del _waiting[0]
        break
    if _waiting:
        QTimer.singleShot(0, _step)
