"""Logging that never carries testimony content.

Loggers are named per layer. Messages are fixed strings with codes; arguments are dropped by
:class:`RedactingFilter` unless they are numbers, so a careless ``log.info("%s", record)`` cannot
leak a witness's name.
"""

from __future__ import annotations

import logging

_SAFE_TYPES = (int, float, bool, type(None))


class RedactingFilter(logging.Filter):
    """Replace every non-numeric log argument with a placeholder."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place and keep it."""
        if isinstance(record.args, tuple):
            record.args = tuple(
                a if isinstance(a, _SAFE_TYPES) else "<redacted>" for a in record.args
            )
        elif isinstance(record.args, dict):
            record.args = {
                k: v if isinstance(v, _SAFE_TYPES) else "<redacted>" for k, v in record.args.items()
            }
        return True


def get_logger(name: str) -> logging.Logger:
    """A logger under ``testimony_app`` with the redacting filter attached."""
    logger = logging.getLogger(f"testimony_app.{name}")
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
    return logger
