"""What of a testimony may leave the laptop: the witness's consent, and the redacted record.

An export (``services/bundles.py``) and a hand-over (``services/handover.py``) decide by these
two rules, and the window's export list shows their reasons before anything is written:

* :func:`consent_problem` — a record whose witness did not consent to legal proceedings, or
  named other organisations, is withheld with a one-sentence reason (a services message);
* :func:`strip_identity` — when the witness's name may not appear, the record JSON loses the
  name and identifiers, by the same redactor as the redacted statement, so the JSON never says
  more about the witness than the PDF beside it.
"""

from __future__ import annotations

import copy

from testimony_app.domain import folding
from testimony_app.domain.model import Testimony
from testimony_app.domain.redaction_review import EMPTY, ReviewChoices
from testimony_app.reports.redaction import Redactor, redact_testimony
from testimony_app.words import Message

__all__ = ["PLACEHOLDER", "consent_problem", "redact_own_identity", "strip_identity"]

#: What replaces the witness's own identifying details in a redacted record's JSON.
PLACEHOLDER = "[withheld]"


def _names_match(a: str, b: str) -> bool:
    """Organisation names compared folded (case, diacritics, ə/e, punctuation)."""
    left, right = folding.tokens(a), folding.tokens(b)
    return bool(left) and left == right


def consent_problem(testimony: Testimony, organisation: str) -> Message | None:
    """Why the witness's consent does not cover sending this record, or ``None``."""
    consent = testimony.consent
    if consent.legal_proceedings is None:
        return Message("export.consent_not_recorded")
    if consent.legal_proceedings is not True:
        return Message("export.consent_refused")
    named = [n for n in consent.organisations if n.strip()]
    if named:
        if not organisation.strip():
            return Message("export.consent_names_unknown_org")
        if not any(_names_match(n, organisation) for n in named):
            return Message("export.consent_other_orgs", organisation=organisation)
    return None


def strip_identity(testimony: Testimony, choices: ReviewChoices = EMPTY) -> Testimony:
    """The record as it may leave the laptop when the witness's name may not appear.

    The witness's name, identifiers, contact details and date of birth are removed, and their
    occurrences anywhere in the text replaced by ``[withheld]``, by the same redactor as the
    redacted statement (inflections, transliterations, initials, phone numbers however
    written), so the JSON never says more about the witness than the PDF beside it. The
    pseudonym field stays. Other people's names are the witness's evidence and stay, except
    where they share the witness's own name parts. The replacement is a neutral marker,
    not the pseudonym: a perpetrator who shares the witness's surname must not turn into
    the witness in the text.
    """
    own = _own_identity_only(testimony)
    # The interviewer's review of the redacted statement applies here too (a false hit kept,
    # a doubtful word or one more word hidden), so JSON and PDF agree.
    clone = redact_testimony(own, PLACEHOLDER, PLACEHOLDER, choices)
    witness = clone.witness
    witness.name = ""
    witness.identifiers = ""
    witness.contact = ""
    witness.date_of_birth = ""
    witness.pseudonym = testimony.witness.pseudonym
    witness.victim_name = redact_own_identity(
        testimony, testimony.witness.victim_name, choices=choices
    )
    clone.sensitive_names = [
        redact_own_identity(testimony, n, choices=choices) for n in testimony.sensitive_names
    ]
    return clone


def _own_identity_only(testimony: Testimony) -> Testimony:
    """A copy whose redaction rules target the witness alone (no marked or victim names)."""
    own = copy.deepcopy(testimony)
    own.sensitive_names = []
    own.witness.victim_name = ""
    return own


def redact_own_identity(
    testimony: Testimony, text: str, where: str = "", choices: ReviewChoices = EMPTY
) -> str:
    """``text`` with the witness's own identifying details replaced, as in the record JSON."""
    if not text:
        return text
    own = _own_identity_only(Testimony(witness=testimony.witness))
    return Redactor(own, PLACEHOLDER, PLACEHOLDER, choices)(text, where)
