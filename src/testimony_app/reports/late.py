"""Words a statement can say only once it is laid out: how many pages it has (the statement
of truth and the attestation name the number) and on which pages each annex is referred to
(the annex list).

They once cost a second layout of the whole statement: the story was laid out to learn them,
then laid out again to print them. Now it is laid out once. Where such words stand, a
:class:`Late` flowable lays out what they will most likely say (the references found so far
above it; the current page for the page count, and for an annex row's own page) and keeps
its place on the page. The canvas holds every page until the last one is done, as it must
anyway for "page X of Y" (:class:`~testimony_app.reports.layout.NumberedCanvas`); then each
:class:`Late` is laid out again with the true words and drawn into the place it kept,
exactly where and how it would have been drawn. When the true words need more or less room
than the guess (the page count gained a digit, an annex's list of pages wrapped onto one
more line), the place cannot hold them: nothing is written, and the statement is laid out
again knowing them, as the two passes did. Either way the file says what the pages show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable

Pages = dict[str, list[int]]
#: The pages recorded under a key (the page count is one page number, under its own key).
Lookup = Callable[[str], list[int]]

PAGES_KEY = "__pages__"  # where the number of pages is kept
OWN_PAGE = "list:"  # a key with this prefix: the page on which an item of a list itself fell

_ROOM = 0.01  # points: a place holds the true words when their height differs by less


@dataclass
class _Place:
    """Where a :class:`Late` was drawn, and the canvas's state there."""

    late: Late
    page: int
    index: int  # of the placeholder in the page's content
    width: float
    height: float
    state: dict[str, Any]
    guessed: Flowable
    final: Flowable | None = None


@dataclass
class LatePass:
    """What one layout pass knows and learns about pages.

    ``known`` is what an earlier pass learned (empty at first); ``found`` fills as the story
    is drawn (annex references, by :class:`~testimony_app.reports.layout.Anchor`); ``page``
    is the page being laid out. With ``last``, whatever does not fit its place is drawn as
    guessed, so that a statement is always produced.
    """

    known: Pages
    found: Pages
    page: int = 1
    last: bool = False
    settled: bool = True
    places: list[_Place] = field(default_factory=list)
    checks: list[Pages] = field(default_factory=list)  # what words drawn as guessed read

    def guess(self, key: str) -> list[int]:
        """What an earlier pass learned; else what this one found so far (references to an
        annex come before the annex list); else, for the page count and an item's own page,
        which are learned only at or after the point where they are printed, this page."""
        if key in self.known:
            return list(self.known[key])
        if key in self.found:
            return list(self.found[key])
        return [self.page] if key == PAGES_KEY or key.startswith(OWN_PAGE) else []

    def final(self, key: str) -> list[int]:
        return list(self.found.get(key, []))

    def settle(self, pages: int) -> bool:
        """Once every page is laid out (``pages`` of them): lay out each place's true words
        and say whether all of them fit where they go (else nothing may be written)."""
        self.found[PAGES_KEY] = [pages]
        for reads in self.checks:
            if any(self.final(key) != value for key, value in reads.items()):
                self.settled = False
        for place in self.places:
            final = place.late.make(self.final)
            _w, height = final.wrap(place.width, 1e6)
            if abs(height - place.height) < _ROOM:
                place.final = final
            elif self.last:
                place.final = place.guessed
            else:
                self.settled = False
        return self.settled or self.last

    def fill(self, canv: Any, page: int) -> None:
        """Draw the true words into their places on ``page``, whose content ``canv`` holds."""
        for place in self.places:
            if place.page != page or place.final is None:
                continue
            code = canv._code
            canv.push_state_stack()
            canv.__dict__.update(place.state)
            canv._code = []
            place.final.drawOn(canv, 0, 0)
            drawn = " ".join(canv._code)
            canv._code = code
            canv.pop_state_stack()
            code[place.index] = drawn


class Late(Flowable):  # type: ignore[misc]
    """Words that depend on pages not yet laid out: ``make(pages)`` builds the flowable that
    says them, given a lookup of the pages under a key (see the module's docstring)."""

    def __init__(self, make: Callable[[Lookup], Flowable], late: LatePass) -> None:
        super().__init__()
        self.make = make
        self.late = late
        self.guessed: Flowable | None = None
        self._reads: Pages = {}

    def _guess(self) -> Flowable:
        reads: Pages = {}

        def lookup(key: str) -> list[int]:
            reads[key] = self.late.guess(key)
            return reads[key]

        self.guessed = self.make(lookup)
        self._reads = reads
        return self.guessed

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # Guessed again at every wrap: the story may have moved on to another page.
        width, height = self._guess().wrap(availWidth, availHeight)
        self.width, self.height = availWidth, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # Cut across a page, the guessed words are drawn as they are: right only if the
        # guess was (checked at the end).
        guessed = self.guessed or self._guess()
        pieces: list[Flowable] = guessed.split(availWidth, availHeight)
        if pieces:
            self.late.checks.append(dict(self._reads))
        return pieces

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float((self.guessed or self._guess()).getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float((self.guessed or self._guess()).getSpaceAfter())

    def draw(self) -> None:
        canv = self.canv
        state = {name: canv.__dict__[name] for name in canv.STATE_ATTRIBUTES}
        state["_extgstate"] = canv._extgstate.pushCopy()
        canv._code.append("")  # the place, filled when the true words are known
        assert self.guessed is not None  # laid out before it is drawn
        self.late.places.append(_Place(self, canv.getPageNumber(), len(canv._code) - 1,
                                       self.width, self.height, state, self.guessed))
