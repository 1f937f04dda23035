"""Our age keys are pyrage's (and age's) keys, bit for bit, both ways.

``bundles/keys.py`` generates and parses X25519 identities and recipients with
``cryptography`` and its own Bech32; pyrage, which did it before, is only a test dependency
now, kept for this pin: a key made by either side reads the same on the other.
"""

from __future__ import annotations

import pyrage
import pytest

from testimony_app.bundles.keys import AgeIdentity, OrganisationKeyError, parse_recipient


def test_our_identities_read_the_same_in_pyrage() -> None:
    for _ in range(50):
        ours = AgeIdentity.generate()
        theirs = pyrage.x25519.Identity.from_str(ours.secret_text())
        assert str(theirs) == ours.secret_text()
        assert str(theirs.to_public()) == ours.recipient
        assert parse_recipient(ours.recipient) == ours.recipient
        pyrage.x25519.Recipient.from_str(ours.recipient)


def test_pyrage_identities_read_the_same_here() -> None:
    for _ in range(50):
        theirs = pyrage.x25519.Identity.generate()
        ours = AgeIdentity.from_secret(str(theirs))
        assert ours.secret_text() == str(theirs)
        assert ours.recipient == str(theirs.to_public())
        assert parse_recipient(str(theirs.to_public())) == ours.recipient


def test_a_file_encrypted_by_pyrage_to_our_key_opens_with_pyrage_and_our_key_text() -> None:
    ours = AgeIdentity.generate()
    recipient = pyrage.x25519.Recipient.from_str(ours.recipient)
    sealed = pyrage.encrypt("Tərtər — ёлка".encode(), [recipient])
    identity = pyrage.x25519.Identity.from_str(ours.secret_text())
    assert pyrage.decrypt(sealed, [identity]).decode() == "Tərtər — ёлка"


@pytest.mark.parametrize(
    "broken",
    [
        lambda s: s.lower(),  # age-keygen writes upper case; Bech32 is one case throughout
        lambda s: s[:-1] + ("Q" if s[-1] != "Q" else "P"),  # checksum
        lambda s: s[:20] + s[21:],  # a character lost
        lambda s: s.replace("AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1Q", 1),
    ],
)
def test_damaged_secrets_are_refused_as_pyrage_refuses_them(broken: object) -> None:
    text = AgeIdentity.generate().secret_text()
    damaged = broken(text)  # type: ignore[operator]
    with pytest.raises(OrganisationKeyError) as caught:
        AgeIdentity.from_secret(damaged)
    assert damaged not in str(caught.value)
    if damaged.startswith("AGE-SECRET-KEY-1") and damaged == damaged.upper():
        with pytest.raises(pyrage.IdentityError):
            pyrage.x25519.Identity.from_str(damaged)
