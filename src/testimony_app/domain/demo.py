"""Fictional demo testimonies, for trying the application and for tests, never for evidence.

Why they exist: trainers need realistic records to show the editor, the statement and the
bundle without exposing a real witness, and our own tests need data that exercises every
part of the model (several detentions, translations, Armenian and Persian script, refused
consent scopes, a relative's account of a death in custody, an unfinished draft).

Every name, unit and case number in them is invented. Each file says ``"fictional": true``
and its title begins with ``[FICTIONAL]``, so a demo record can never be mistaken for a
real one once it sits in a vault or a bundle.
"""

from __future__ import annotations

from importlib import resources

from testimony_app.domain import interchange
from testimony_app.domain.model import Testimony
from testimony_app.errors import BugError, InvalidRecord

FICTIONAL_PREFIX = "[FICTIONAL]"
"""How the title of every demo record begins."""


def demo_testimonies() -> list[Testimony]:
    """Every demo testimony, in the order of their file names (stable across runs).

    A demo file that does not parse or is not marked fictional is our bug and raises
    :class:`BugError`: shipping it would put an unmarked record in front of a user.
    """
    folder = resources.files("testimony_app.resources") / "demo"
    out: list[Testimony] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            testimony = interchange.loads(entry.read_bytes())
        except InvalidRecord as exc:
            raise BugError(f"Demo file {entry.name} is broken: {exc}") from exc
        if not testimony.fictional or not testimony.title.startswith(FICTIONAL_PREFIX):
            raise BugError(f"Demo file {entry.name} is not marked as fictional.")
        out.append(testimony)
    return out
