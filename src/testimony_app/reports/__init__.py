"""Statements as PDF: a testimony in, bytes out. The only package that uses ReportLab.

Callers (``services``) need only this module's names: :class:`StatementRequest` says which
version to print and how, :func:`build_statement` returns the PDF bytes (written to disk by the
caller, atomically, where the user chose), :func:`redaction_terms` lists what a redacted
statement must not contain, and :func:`missing_glyphs` tells, before printing, which
characters of a text the embedded fonts cannot draw.
"""

from testimony_app.reports.fonts import missing_glyphs
from testimony_app.reports.redaction import redaction_terms
from testimony_app.reports.statement import StatementRequest, build_statement

__all__ = ["StatementRequest", "build_statement", "missing_glyphs", "redaction_terms"]
