"""Loading the list of testimonies: the first screenful at once, the rest when it comes.

Why: an organisation's vault holds 100,000 testimonies, and reading all their summaries takes
about half a second of the worker's time (more on a busy machine), after unlocking has already
made the person wait for the key. The rows the list shows first (newest interview first) come
from one scan of the records' dates in about 40 ms, so the window shows them at once and says
that the list is still loading; the whole list follows from the same worker (issue 19,
docs/performance.md). Nothing here is a widget: the list page says how to show each step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from testimony_app.domain.model import TestimonySummary
from testimony_app.ui.tasks import TaskRunner
from testimony_app.ui.testimony_table import Prepared

if TYPE_CHECKING:
    from PySide6.QtWidgets import QHeaderView, QWidget

    from testimony_app.services.vault import VaultSession

#: Rows read first: a tall window shows about 40, and the view's first scroll needs a few more.
FIRST_SCREEN_ROWS = 100

Rows = list[TestimonySummary]


class ListLoader:
    """One load of the list at a time; a newer load makes an older one's rows stale.

    A stale load's rows are never shown, but what its caller wanted done afterwards (select
    a record again) still runs, once the newest load has shown the whole list.
    """

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._seq = 0
        self._after: list[Callable[[], None]] = []

    def load(
        self,
        session: VaultSession,
        *,
        first_screen: bool,
        show_first: Callable[[Rows, int], None],
        show_all: Callable[[Prepared], None],
        prepare: Callable[[Rows], Prepared],
        on_done: Callable[[], None] | None = None,
    ) -> None:
        """Read the list; with ``first_screen``, show its first screenful before the rest.

        ``show_first(rows, total)`` gets the first rows and how many testimonies there are,
        on the GUI thread. The whole list goes through ``prepare`` on the worker (the model's
        index and order: sorting 100,000 rows would stop the window for 100-300 ms), then to
        ``show_all`` on the GUI thread; then ``on_done`` runs.
        """
        self._seq += 1
        seq = self._seq
        if on_done is not None:
            self._after.append(on_done)

        def whole(prepared: Prepared) -> None:
            if seq != self._seq:
                return
            show_all(prepared)
            after, self._after = self._after, []
            for callback in after:
                callback()

        def read_whole() -> None:
            self._runner.submit(lambda: prepare(session.testimonies.list()), whole)

        def first(result: tuple[Rows, int]) -> None:
            if seq != self._seq:
                return
            rows, total = result
            if len(rows) >= total:  # that was the whole list
                whole(Prepared(rows, None))
                return
            show_first(rows, total)
            read_whole()

        if first_screen:
            self._runner.submit(
                lambda: session.testimonies.first_screen(FIRST_SCREEN_ROWS), first
            )
        else:
            read_whole()

    def cancel(self) -> None:
        """Forget every load under way (the vault is locking): nothing more is shown."""
        self._seq += 1
        self._after = []


class Holding:
    """While only the first screenful is shown, the filters and the sorting wait: they would
    work on a part of the list as if it were the whole. The count says so meanwhile."""

    def __init__(self, widgets: tuple[QWidget, ...], header: QHeaderView) -> None:
        self._widgets = widgets
        self._header = header
        self.total: int | None = None  # how many testimonies the vault holds, while holding

    def set(self, total: int | None) -> None:
        """Hold while ``total`` testimonies are being read; ``None``: the whole list is shown."""
        self.total = total
        for widget in self._widgets:
            widget.setEnabled(total is None)
        self._header.setSectionsClickable(total is None)
