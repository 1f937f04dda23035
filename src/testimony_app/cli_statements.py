"""Command-line sub-command for signed statements: the organisation's check.

    verify-statement FILE [--vault DIR] [--json]     exit 0 only if every check passed

Without ``--vault`` the signatures, their coverage and the device key's attestation are
checked, and the device's fingerprint is printed to compare with the one the organisation
knows. With ``--vault`` (the organisation's vault) the device must also be one the vault has
registered, with the same key. ``pdf --sign`` (in ``cli.py``) makes the signed statements.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from testimony_app.cli import _EXTENSIONS, EXIT_DAMAGED, EXIT_OK, _emit, _open, command
from testimony_app.services.statement_signing import (
    NOT_CHECKED,
    StatementVerification,
    verify_statement,
)


def describe(report: StatementVerification) -> list[str]:
    """The report as lines a person reads (shared by ``verify-statement`` and ``pdf --sign``)."""
    lines = [f"Statement {report.path}", f"SHA-256:  {report.sha256}  ({report.size} bytes)"]
    if report.unsigned_length:
        lines.append(
            f"Unsigned statement: its first {report.unsigned_length} bytes,"
            f" SHA-256 {report.unsigned_sha256}"
        )
    for number, sig in enumerate(report.signatures, start=1):
        lines.append(f"Signature {number} ({sig.field_name}), signed {sig.signed_at_claimed}"
                     " by the laptop's clock")
        mark = {True: "ok  ", False: "FAIL"}
        lines.append(f"  [{mark[sig.sound]}] the signature matches the bytes it covers"
                     + (f" ({sig.key})" if sig.key else ""))
        if sig.whole_file:
            lines.append("  [ok  ] it covers the whole file")
        else:
            lines.append(f"  [{mark[sig.later_changes_acceptable]}] it covers its revision;"
                         f" later: {sig.later_changes}")
        if sig.vouched:
            lines.append(f"  [ok  ] vouched for by device {sig.device_id}")
            lines.append(f"         device key {sig.device_fingerprint} ({sig.device_key})")
            if sig.registration == NOT_CHECKED:
                lines.append("  [--  ] not checked against a vault: compare the fingerprint"
                             " with the device's (or give --vault)")
            else:
                ok = sig.registration in ("registered", "this vault's own device")
                lines.append(f"  [{mark[ok]}] device {sig.registration} in this vault")
        else:
            lines.append("  [FAIL] not vouched for by a Testimony device key")
        lines.append(f"         certificate SHA-256 {sig.certificate_sha256}")
    lines += [f"Problem: {p}" for p in report.problems]
    lines.append("All checks passed." if report.ok else "Verification failed.")
    return lines


@command("verify-statement")
def cmd_verify_statement(args: argparse.Namespace) -> int:
    """Check a signed statement; exit 0 only if every check passed."""
    path = Path(args.file)
    if args.vault:
        session = _open(args)
        try:
            report = session.statements.verify(path)
        finally:
            session.lock()
    else:
        report = verify_statement(path)
    _emit(args, asdict(report), "\n".join(describe(report)))
    return EXIT_OK if report.ok else EXIT_DAMAGED


def _add_parsers(sub: Any, common: argparse.ArgumentParser, out: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "verify-statement",
        help="check a signed statement (exit 0 only if every check passed)",
        parents=[common, out],
    )
    p.add_argument("file", metavar="FILE.pdf")


_EXTENSIONS.append(_add_parsers)
