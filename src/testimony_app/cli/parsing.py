"""argparse's own words (``usage:``, the section titles, ``-h``, its error messages) in the
reader's language, like everything else the command line says.

argparse asks for each of its sentences through gettext's ``_`` (its module global), which is
how a program is meant to translate it. Rather than a second catalogue for argparse's English
message ids, each one we let a person see is mapped here to one of our codes, so translators
keep one workflow (CONTRIBUTING.md, "Words"). The texts keep argparse's ``%``-placeholders, for
argparse fills them in; ``tests/cli/test_cli_language_commands.py`` checks that every
translation keeps them. A message id not listed here (one a user cannot cause, or one a later
Python adds) stays English.

Only while the command line builds its parser and reads the arguments (:func:`argparse_words`):
the rest of the process, and any other program's use of argparse, are untouched.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator

from testimony_app import words
from testimony_app.words import Message

ARGPARSE_MESSAGES: dict[str, Message] = {
    "usage: ": Message("cli.help.usage"),
    "positional arguments": Message("cli.help.positionals"),
    "options": Message("cli.help.options"),
    "show this help message and exit": Message("cli.help.help"),
    "%(prog)s: error: %(message)s\n": Message("cli.argparse.error"),
    "the following arguments are required: %s": Message("cli.argparse.required"),
    "one of the arguments %s is required": Message("cli.argparse.one_required"),
    "unrecognized arguments: %s": Message("cli.argparse.unrecognized"),
    "argument %(argument_name)s: %(message)s": Message("cli.argparse.argument"),
    "invalid choice: %(value)r (choose from %(choices)s)": Message("cli.argparse.invalid_choice"),
    "invalid %(type)s value: %(value)r": Message("cli.argparse.invalid_value"),
    "expected one argument": Message("cli.argparse.expected_one"),
    "expected at most one argument": Message("cli.argparse.expected_at_most_one"),
    "expected at least one argument": Message("cli.argparse.expected_at_least_one"),
    "not allowed with argument %s": Message("cli.argparse.not_allowed_with"),
    "ignored explicit argument %r": Message("cli.argparse.ignored_explicit"),
    "ambiguous option: %(option)s could match %(matches)s": Message("cli.argparse.ambiguous"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": Message("cli.argparse.unknown_parser"),
}
"""argparse's English message id → our code (its text keeps argparse's placeholders)."""


def argparse_says(msgid: str) -> str:
    """What argparse says for ``msgid``, in the current language (English when unlisted)."""
    message = ARGPARSE_MESSAGES.get(msgid)
    return words.text(message) if message is not None else msgid


@contextlib.contextmanager
def argparse_words() -> Iterator[None]:
    """argparse speaks the current language inside this block (see the module docstring)."""
    module = vars(argparse)
    saved: Callable[[str], str] = module["_"]
    module["_"] = argparse_says
    try:
        yield
    finally:
        module["_"] = saved
