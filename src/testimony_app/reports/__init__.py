"""Statements as PDF: a testimony in, bytes out. The only package that uses ReportLab.

Callers (``services``) need only this module's names: :class:`StatementRequest` says which
version to print and how, :func:`build_statement` returns the PDF bytes (written to disk by the
caller, atomically, where the user chose), :func:`redaction_terms` lists what a redacted
statement must not contain, and :func:`missing_glyphs` tells, before printing, which
characters of a text the embedded fonts cannot draw. :func:`build_corroboration_report` makes
the annex of the testimonies that corroborate one registry entry
(:class:`CorroborationReportRequest`); :func:`corroboration_hits` lists what its redacted
variant hides, for the interviewer's review.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from testimony_app.reports.corroboration import (
        CorroborationReportRequest,
        build_corroboration_report,
        corroboration_hits,
    )
    from testimony_app.reports.fonts import missing_glyphs
    from testimony_app.reports.redaction import redaction_terms
    from testimony_app.reports.statement import StatementRequest, build_statement

# Loaded on first use (PEP 562): ReportLab and the fonts take most of a second to import,
# and the window must be on screen before that (the redaction modules, which the services
# use without ReportLab, come in without them).
_WHERE = {
    "CorroborationReportRequest": "corroboration",
    "build_corroboration_report": "corroboration",
    "corroboration_hits": "corroboration",
    "missing_glyphs": "fonts",
    "redaction_terms": "redaction",
    "StatementRequest": "statement",
    "build_statement": "statement",
}

__all__ = [
    "CorroborationReportRequest",
    "StatementRequest",
    "build_corroboration_report",
    "build_statement",
    "corroboration_hits",
    "missing_glyphs",
    "redaction_terms",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
