"""Pausing Python's cycle collector while a bulk read builds many objects.

Why: the organisation's window keeps its 100,000 list rows alive. Reading the 2,000 testimonies
of a corroboration then makes about 100,000 new objects (parsed JSON, the model's dataclasses),
enough to start several full collections, each of which walks every live object of the
program: a third of the corroboration's CPU at 100,000 testimonies (568-702 ms against 417-438
ms paused; docs/performance.md, issue 19). Reading the list itself makes 300,000 tuples: beside
600,000 other objects, 1,429 collections and 1.92 s of CPU for two lists and the work after
them with the collector running, 572 and 1.78-1.82 s with it paused while the lists are made.

What such an operation makes holds no reference cycles, so reference counting frees it whether
the collector runs or not; the collector is only put off until the operation ends, and then
runs as usual. Pause a whole operation, not a part of it: what survives the pause is what the
next collection walks, so a pause saves most where the operation drops what it made before it
ends (a corroboration), less where its result is kept (the list), and nothing around a part of
an operation whose objects live on (the parsing inside a corroboration alone). Pauses nest and
may overlap across threads (the collector is one per process): it comes back on when the last
pause ends, and never if it was off before the first.

``gc.freeze()`` after the list is made saved another 0.3 s, but it keeps whatever cyclic garbage
exists at that moment (testimony text included) until the program ends: not used.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """Keep the cycle collector off for the duration of the block (see the module doc)."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def pausing(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, run with the collector paused (for a whole bulk operation: what it made
    and dropped is freed before the collector comes back, so nothing is left for it)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return function(*args, **kwargs)

    return run
