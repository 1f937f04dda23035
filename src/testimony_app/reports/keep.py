"""Headings kept with the start of what they head.

A heading at the foot of a page with its section on the next is what a clerk sends back: the
heading seems to close a page it does not belong to. ReportLab's ``keepWithNext`` keeps a
heading with the *whole* next flowable, so a heading above a long table would move to a
new page with the table and leave the rest of the page empty; a ``CondPageBreak`` guesses
with a fixed height, and a table that will not cut its first row in a small space
(:class:`~testimony_app.reports.layout.LongTable`), an introductory note three lines long,
or a second guard after the heading (an episode's table) still left the heading alone.

Here the heading, with what stands between it and its content (an introductory note, a
subheading, spacing), is placed on a page only if the content's first piece goes there too:
its first lines, its first rows, or all of it. Otherwise all of it moves to the next page.
What is placed is laid out by the frame as if the group were not there (same spacing, same
splits), so statements that had no orphaned heading keep their pages exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer
from reportlab.platypus.doctemplate import FrameBreak

#: The attribute that marks a flowable as heading what follows it.
HEADS = "heads_next"


def heads(flowable: Flowable) -> Flowable:
    """Mark ``flowable`` (a heading, a subheading, a note introducing a table) as one that
    must not end a page without the start of what follows it."""
    setattr(flowable, HEADS, True)
    return flowable


def keep_headings(story: Sequence[Flowable]) -> list[Flowable]:
    """``story`` with every run of marked flowables (and the spacing between them) grouped
    with the flowable that follows them in a :class:`HeadWithStart`. A page-break guard
    inside such a run is dropped: the group does its work, better."""
    out: list[Flowable] = []
    head: list[Flowable] = []
    for f in story:
        if getattr(f, HEADS, False) or (head and isinstance(f, Spacer)
                                        and not isinstance(f, CondPageBreak)):
            head.append(f)
        elif head and isinstance(f, CondPageBreak):
            continue
        elif head:
            out.append(HeadWithStart(head, f))
            head = []
        else:
            out.append(f)
    return out + head


class HeadWithStart(KeepTogether):  # type: ignore[misc]
    """Heading flowables and the flowable they head, placed together or moved together.

    Like ReportLab's ``KeepTogether`` it is never drawn itself: asked to split, it hands its
    flowables back to the frame, behind a frame break when the heading and the first piece
    of its content do not both fit in what is left of this page.
    """

    def __init__(self, head: list[Flowable], body: Flowable) -> None:
        super().__init__([*head, body])
        self._head = head
        self._body = body

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # Never placed whole: asked to split, which decides.
        self._wrapInfo = availWidth, availHeight
        return availWidth, 0xFFFFFF

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        frame: Any = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        content = list(self._content)
        if at_top or self._starts_here(availWidth, availHeight):
            return content
        return [FrameBreak(), *content]

    def _starts_here(self, width: float, room: float) -> bool:
        """Whether the heading and the first piece of its content fit in ``room``, spaced
        as the frame spaces them (the larger of one's space after and the next's before)."""
        after = 0.0
        for i, f in enumerate(self._head):
            if i:
                room -= max(float(f.getSpaceBefore()) - after, 0.0)
            room -= f.wrap(width, room)[1]
            after = float(f.getSpaceAfter())
            room -= after
            if room <= 0:
                return False
        body = self._body
        room -= max(float(body.getSpaceBefore()) - after, 0.0)
        if room <= 0:
            return False
        if isinstance(body, KeepTogether):  # moves whole unless taller than a page
            body = body._content[0] if len(body._content) == 1 else body
            if isinstance(body, KeepTogether):
                return False
        if body.wrap(width, room)[1] <= room:
            return True
        return bool(body.split(width, room))
