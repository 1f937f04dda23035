"""The body outline figure: where the witness says they were hurt.

Each :class:`~testimony_app.domain.model.BodyMark` has ``(x, y)`` in ``[0, 1]²`` of its
outline's box, with ``(0, 0)`` at the top left, as the editor's figure records it (screen
convention), and the silhouette is the editor's own, so a mark falls on the same part of the
body on paper as on screen. The outline is drawn with plain vector paths, so it prints sharply
at any size and needs no image file; the marks are numbered dots that the legend explains.
The figure is a picture of what the witness said, not of a medical examination, and the
caption says so (Istanbul Protocol 2022, ¶356(iii): body diagrams are for clinicians).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable

from testimony_app.domain.model import BodyMark, BodySide
from testimony_app.reports import fonts

# The silhouette of the editor's figure (``ui/body_outline.py``), in its 100 x 220 grid with y
# downwards: the same shapes, so that a mark lands on the same place of the body on screen and
# on paper. Keep the two in step.
GRID_W, GRID_H = 100.0, 220.0
_HEAD = (50.0, 17.0, 11.0, 14.0)  # centre x, centre y, radius x, radius y
_NECK = (45.0, 28.0, 10.0, 10.0)  # x, y, width, height
_POLYGONS: tuple[tuple[tuple[float, float], ...], ...] = (
    ((29, 38), (71, 38), (75, 46), (70, 78), (67, 106), (70, 124), (30, 124), (33, 106),
     (30, 78), (25, 46)),
    ((29, 38), (22, 42), (17, 74), (13, 104), (9, 126), (8, 136), (13, 140), (17, 134),
     (19, 126), (22, 106), (27, 78), (30, 56)),
    ((71, 38), (78, 42), (83, 74), (87, 104), (91, 126), (92, 136), (87, 140), (83, 134),
     (81, 126), (78, 106), (73, 78), (70, 56)),
    ((30, 122), (49, 122), (48, 160), (46, 200), (47, 212), (36, 214), (35, 208), (36, 200),
     (33, 160)),
    ((70, 122), (51, 122), (52, 160), (54, 200), (53, 212), (64, 214), (65, 208), (64, 200),
     (67, 160)),
)

MARK_COLOUR = colors.Color(0.70, 0.08, 0.08)


class BodyFigure(Flowable):  # type: ignore[misc]
    """Front and back outlines side by side, with numbered marks; numbers run in the order
    of ``marks`` so that the legend can list them."""

    def __init__(
        self,
        marks: list[BodyMark],
        front_label: str,
        back_label: str,
        right_mark: str = "R",
        left_mark: str = "L",
        figure_height: float = 230.0,
    ) -> None:
        super().__init__()
        self.marks = marks
        self.front_label = front_label
        self.back_label = back_label
        self.right_mark = right_mark
        self.left_mark = left_mark
        self.fig_h = figure_height
        self.fig_w = figure_height * GRID_W / GRID_H
        self.gap = 40.0
        self.label_h = 16.0
        self.margin = 14.0  # room for the R / L letters outside each figure
        self.width = 2 * self.fig_w + self.gap + 2 * self.margin
        self.height = self.fig_h + self.label_h

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def _draw_outline(self, canv: Any, x0: float, back: bool) -> None:
        w, h = self.fig_w, self.fig_h
        base = self.label_h
        sx, sy = w / GRID_W, h / GRID_H

        def pt(gx: float, gy: float) -> tuple[float, float]:
            return x0 + gx * sx, base + h - gy * sy

        def shapes(stroke: int, fill: int) -> None:
            cx, cy = pt(_HEAD[0], _HEAD[1])
            canv.ellipse(cx - _HEAD[2] * sx, cy - _HEAD[3] * sy, cx + _HEAD[2] * sx,
                         cy + _HEAD[3] * sy, stroke=stroke, fill=fill)
            nx, ny = pt(_NECK[0], _NECK[1] + _NECK[3])
            canv.rect(nx, ny, _NECK[2] * sx, _NECK[3] * sy, stroke=stroke, fill=fill)
            for polygon in _POLYGONS:
                path = canv.beginPath()
                path.moveTo(*pt(*polygon[0]))
                for p in polygon[1:]:
                    path.lineTo(*pt(*p))
                path.close()
                canv.drawPath(path, stroke=stroke, fill=fill)

        # The shapes overlap (arms on shoulders, legs on hips). Stroking them all with a wide
        # pen and then filling them all again leaves only the outer edge of their union.
        fill = colors.Color(0.945, 0.929, 0.902)
        canv.setStrokeColor(colors.Color(0.42, 0.42, 0.42))
        canv.setFillColor(fill)
        canv.setLineWidth(1.8)
        canv.setLineJoin(1)
        shapes(stroke=1, fill=1)
        shapes(stroke=0, fill=1)
        if back:
            # The spine, so that front and back cannot be confused at a glance.
            canv.setStrokeColor(colors.Color(0.71, 0.68, 0.64))
            canv.setLineWidth(0.8)
            canv.setDash(3, 2)
            canv.line(*pt(50, 40), *pt(50, 118))
            canv.setDash()
        # Which side is the witness's right: on the front view it is the viewer's left.
        left, right = (self.right_mark, self.left_mark) if not back else (
            self.left_mark, self.right_mark)
        canv.setFillColor(colors.Color(0.54, 0.54, 0.54))
        canv.setFont(fonts.SANS_BOLD, 8)
        y = base + h - 0.2 * h - 8
        canv.drawRightString(x0 - 3, y, left)
        canv.drawString(x0 + w + 3, y, right)
        label = self.back_label if back else self.front_label
        canv.setFillColor(colors.black)
        canv.setFont(fonts.SANS_BOLD, 9)
        canv.drawCentredString(x0 + w / 2, 3, label)

    def draw(self) -> None:
        canv: Any = self.canv
        canv.saveState()
        front_x, back_x = 0.0, self.fig_w + self.gap
        self._draw_outline(canv, self.margin + front_x, back=False)
        self._draw_outline(canv, self.margin + back_x, back=True)
        for number, mark in enumerate(self.marks, start=1):
            x0 = back_x if mark.side == BodySide.BACK.value else front_x
            ux = min(max(mark.x, 0.0), 1.0)
            uy = min(max(mark.y, 0.0), 1.0)
            x = self.margin + x0 + ux * self.fig_w
            y = self.label_h + (1.0 - uy) * self.fig_h
            canv.setFillColor(MARK_COLOUR)
            canv.setStrokeColor(colors.white)
            canv.setLineWidth(0.8)
            radius = 6.0 if number < 10 else 7.0
            canv.circle(x, y, radius, stroke=1, fill=1)
            canv.setFillColor(colors.white)
            canv.setFont(fonts.SANS_BOLD, 7 if number < 10 else 6.5)
            canv.drawCentredString(x, y - 2.4, str(number))
        canv.restoreState()
