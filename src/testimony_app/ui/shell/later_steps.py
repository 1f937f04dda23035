"""The window's second stage in steps, so that the unlock page keeps answering while it runs.

Why steps: importing and building the list, the editor and what works on an open vault takes
about a second on a loaded machine (docs/performance.md), on the GUI thread. Done in one go
right after the first paint, a passphrase typed in that second appears only when it ends; done
as a few steps, one per turn of the event loop, the keys show between them. Each step is one
group of imports (the largest first); the last builds the pages
(:func:`~testimony_app.ui.shell.later_pages.build_later_pages`). Only module names are here:
importing this module imports none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from testimony_app.ui.main_window import MainWindow

#: One group of modules a step, each step about a third of the imports.
LATER_MODULES: tuple[tuple[str, ...], ...] = (
    ("testimony_app.services.bundles", "testimony_app.services.statements"),
    ("testimony_app.ui.editor",),
    ("testimony_app.ui.shell.record_dialogs", "testimony_app.ui.testimony_list"),
)


def later_steps(window: MainWindow) -> Iterator[None]:
    """Import each group of :data:`LATER_MODULES`, pausing after each; then build the pages."""
    for group in LATER_MODULES:
        for name in group:
            importlib.import_module(name)
        yield
    from testimony_app.ui.shell.later_pages import build_later_pages

    build_later_pages(window)


class SecondStage:
    """Runs :func:`later_steps` for ``window``: a step per turn of the event loop after the
    first paint (:meth:`step_later`), or whatever is left at once (:meth:`finish`: a vault
    opened, or a window built without deferring). ``finished`` is called once, at the end."""

    def __init__(self, window: MainWindow, finished: Callable[[], None]) -> None:
        self._steps = later_steps(window)
        self._finished = finished
        self.done = False

    def finish(self) -> None:
        """Every step left, now."""
        for _step in self._steps:
            pass
        self._end()

    def step_later(self) -> None:
        """The next step in the next turn of the event loop, and so on to the end."""
        QTimer.singleShot(0, self._step)

    def _step(self) -> None:
        if self.done:
            return
        try:
            next(self._steps)
        except StopIteration:
            self._end()
            return
        QTimer.singleShot(0, self._step)

    def _end(self) -> None:
        if not self.done:
            self.done = True
            self._finished()
