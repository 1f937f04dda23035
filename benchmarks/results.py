"""What a benchmark case reports, and the two files a run writes (JSON and a markdown table).

Every number carries what it needs to be judged on a shared machine: the spread of its
samples, the baseline measured in the same minutes, and the machine's load average while the
case ran (``/proc/loadavg``), so that a reader can tell a slow minute from a slow program.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

Better = Literal["lower", "higher"]


@dataclass(frozen=True)
class Target:
    """What a case must reach: ``ratio`` or ``value`` compared with ``limit``."""

    on: Literal["ratio", "value"]
    limit: float
    strict: bool = False  # "<" instead of "<="
    higher: bool = False  # ">=" (throughputs)

    def __str__(self) -> str:
        sign = ">=" if self.higher else ("<" if self.strict else "≤")
        return f"{self.on} {sign} {self.limit:g}"

    def met(self, value: float | None) -> bool | None:
        """Whether ``value`` (the ratio or the value) meets the target."""
        if value is None:
            return None
        if self.higher:
            return value >= self.limit
        return value < self.limit if self.strict else value <= self.limit


@dataclass(frozen=True)
class Result:
    """One line of ``results.json``."""

    name: str
    value: float
    unit: str
    baseline: str | None
    baseline_value: float | None
    #: Lowest and highest of our samples (the value is their median, or a p95, as the case says).
    spread: tuple[float, float] | None = None
    baseline_spread: tuple[float, float] | None = None
    samples: int = 1
    #: The 1-minute load average when the case started and when it ended.
    load: tuple[float, float] | None = None
    target: Target | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Ours divided by the baseline."""
        if self.baseline_value in (None, 0):
            return None
        return self.value / self.baseline_value  # type: ignore[operator]

    @property
    def met(self) -> bool | None:
        """Whether the target is met (``None``: no target)."""
        if self.target is None:
            return None
        return self.target.met(self.ratio if self.target.on == "ratio" else self.value)

    def as_dict(self) -> dict[str, object]:
        """The JSON object for this result."""

        def rounded(pair: tuple[float, float] | None) -> list[float] | None:
            return None if pair is None else [round(pair[0], 4), round(pair[1], 4)]

        return {
            "name": self.name,
            "value": round(self.value, 4),
            "unit": self.unit,
            "baseline": self.baseline,
            "baseline_value": None
            if self.baseline_value is None
            else round(self.baseline_value, 4),
            # Four significant digits: import ratios of 0.005 must not round to 0.005 exactly.
            "ratio": None if self.ratio is None else float(f"{self.ratio:.4g}"),
            "spread": rounded(self.spread),
            "baseline_spread": rounded(self.baseline_spread),
            "samples": self.samples,
            "load": rounded(self.load),
            "target": None if self.target is None else str(self.target),
            "met": self.met,
            "note": self.note,
            "extra": {k: round(v, 4) for k, v in self.extra.items()},
        }


def median_result(
    name: str,
    ours: Sequence[float],
    unit: str,
    baseline: str | None = None,
    base: Sequence[float] = (),
    *,
    scale: float = 1.0,
    target: Target | None = None,
    note: str = "",
) -> Result:
    """A result from samples: medians compared, min–max kept as the spread."""
    return Result(
        name,
        statistics.median(ours) * scale,
        unit,
        baseline,
        statistics.median(base) * scale if base else None,
        spread=(min(ours) * scale, max(ours) * scale),
        baseline_spread=(min(base) * scale, max(base) * scale) if base else None,
        samples=len(ours),
        target=target,
        note=note,
    )


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def load_now() -> float:
    """The 1-minute load average."""
    return os.getloadavg()[0]


def with_load(results: list[Result], start: float, end: float) -> list[Result]:
    """``results`` with the load during their case, where the case did not set it."""
    return [r if r.load is not None else replace(r, load=(start, end)) for r in results]


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}" if value else "0"
    return f"{text} {unit}".strip()


def markdown(results: Sequence[Result], header: str) -> str:
    """The results as the table ``docs/performance.md`` shows."""
    lines = [
        header,
        "",
        "| case | ours (median; spread) | baseline (median; spread) | ratio | target | met"
        " | load |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ours = _fmt(r.value, r.unit)
        if r.spread is not None and r.samples > 1:
            ours += f" ({_fmt(r.spread[0])}–{_fmt(r.spread[1])}, n={r.samples})"
        base = "—"
        if r.baseline_value is not None:
            base = f"{_fmt(r.baseline_value, r.unit)}"
            if r.baseline_spread is not None and r.samples > 1:
                base += f" ({_fmt(r.baseline_spread[0])}–{_fmt(r.baseline_spread[1])})"
            base += f": {r.baseline}"
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}"
        met = {True: "yes", False: "**no**", None: ""}[r.met]
        load = "—" if r.load is None else f"{r.load[0]:.1f}–{r.load[1]:.1f}"
        name = f"`{r.name}`" + (f" ({r.note})" if r.note else "")
        target = "" if r.target is None else str(r.target)
        lines.append(f"| {name} | {ours} | {base} | {ratio} | {target} | {met} | {load} |")
    return "\n".join(lines) + "\n"
