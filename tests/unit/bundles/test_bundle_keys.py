"""Organisation keys and recipients (security.md §5 D10)."""

from __future__ import annotations

import os
from pathlib import Path

import pyrage
import pytest

from testimony_app.bundles import (
    InvalidRecipient,
    OrganisationKeyError,
    OrganisationKeys,
    load_age_identities,
    load_signing_key,
    parse_recipient,
    parse_recipients,
    write_organisation_keys,
)
from testimony_app.bundles.keys import (
    AgeIdentity,
    bech32_decode,
    bech32_encode,
    file_is_private,
)

# The CCTV vectors' identity and the recipient age-keygen derives from it.
CCTV_IDENTITY = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0"


def test_bech32_round_trip_matches_age() -> None:
    recipient = str(pyrage.x25519.Identity.from_str(CCTV_IDENTITY).to_public())
    hrp, key = bech32_decode(recipient)
    assert hrp == "age"
    assert len(key) == 32
    assert bech32_encode("age", key) == recipient
    assert parse_recipient(recipient) == recipient


def test_every_single_character_typo_is_caught() -> None:
    recipient = OrganisationKeys.generate().recipient
    alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    for position in range(4, len(recipient)):
        for replacement in alphabet[:6]:
            if replacement == recipient[position]:
                continue
            typo = recipient[:position] + replacement + recipient[position + 1 :]
            with pytest.raises(InvalidRecipient):
                parse_recipient(typo)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("", "empty"),
        ("AGE1QQQQ", "lower case"),
        ("Age1abc", "lower case"),
        ("age1pq1" + "q" * 1900, "Post-quantum"),
        ("AGE1PQ1" + "Q" * 1900, "Post-quantum"),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "start with 'age1'"),
        ("age1 qqq", "typing error"),
        (" age1x", "start with"),
        ("age1", "typing error"),
        ("x" * 5000, "not an age key"),
        ("agé1qqq", "not an age key"),
    ],
)
def test_malformed_recipients(text: str, word: str) -> None:
    with pytest.raises(InvalidRecipient, match=word):
        parse_recipient(text)


def test_recipient_with_wrong_length_or_hrp() -> None:
    with pytest.raises(InvalidRecipient, match="not an X25519"):
        parse_recipient(bech32_encode("age", b"\x01" * 31))
    with pytest.raises(InvalidRecipient, match="start with"):
        parse_recipient(bech32_encode("agf", b"\x01" * 32))
    with pytest.raises(InvalidRecipient, match="usable"):
        parse_recipient(bech32_encode("age", bytes(32)))


def test_recipient_lists() -> None:
    a, b = OrganisationKeys.generate().recipient, OrganisationKeys.generate().recipient
    assert parse_recipients([a, b]) == (a, b)
    with pytest.raises(InvalidRecipient, match="twice"):
        parse_recipients([a, a])
    with pytest.raises(InvalidRecipient, match="mix"):
        parse_recipients([a, "age1pq1" + "q" * 1900])
    with pytest.raises(InvalidRecipient, match="at most"):
        parse_recipients([OrganisationKeys.generate().recipient for _ in range(17)])


def test_key_files(tmp_path: Path) -> None:
    keys = OrganisationKeys.generate()
    identity_path, signing_path = write_organisation_keys(tmp_path, keys)
    for path in (identity_path, signing_path):
        assert os.stat(path).st_mode & 0o777 == 0o600
        assert file_is_private(path)
    lines = identity_path.read_text().splitlines()
    assert lines[0].startswith("# created: ")
    assert lines[1] == f"# public key: {keys.recipient}"
    assert lines[2].startswith("AGE-SECRET-KEY-1")
    (loaded,) = load_age_identities(identity_path)
    assert loaded.recipient == keys.recipient
    signing = load_signing_key(signing_path)
    assert signing.public_key == keys.signing_public_key
    assert signing_path.read_text().count(keys.signing_public_key.fingerprint) == 1

    with pytest.raises(OrganisationKeyError, match="already exist"):
        write_organisation_keys(tmp_path, OrganisationKeys.generate())
    assert load_age_identities(identity_path)[0].recipient == keys.recipient
    with pytest.raises(OrganisationKeyError, match="does not exist"):
        write_organisation_keys(tmp_path / "missing", keys)


def test_identity_file_with_several_identities(tmp_path: Path) -> None:
    a, b = AgeIdentity.generate(), AgeIdentity.generate()
    path = tmp_path / "ids.txt"
    path.write_text(f"# public key: {a.recipient}\n{a.secret_text()}\n\n{b.secret_text()}\n")
    assert [i.recipient for i in load_age_identities(path)] == [a.recipient, b.recipient]


@pytest.mark.parametrize(
    ("content", "word"),
    [
        ("", "no identity"),
        ("# only a comment\n", "no identity"),
        ("AGE-SECRET-KEY-1QQQQ\n", "damaged or mistyped"),
        ("hello\n", "not an AGE-SECRET-KEY-1"),
        ("\xff\n", "not a text key file"),
    ],
)
def test_bad_identity_files(tmp_path: Path, content: str, word: str) -> None:
    path = tmp_path / "id.txt"
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(OrganisationKeyError, match=word):
        load_age_identities(path)


def test_identity_file_comment_must_match(tmp_path: Path) -> None:
    a, b = AgeIdentity.generate(), AgeIdentity.generate()
    path = tmp_path / "id.txt"
    path.write_text(f"# public key: {b.recipient}\n{a.secret_text()}\n")
    with pytest.raises(OrganisationKeyError, match="does not match"):
        load_age_identities(path)


def test_signing_key_file_checks(tmp_path: Path) -> None:
    keys, other = OrganisationKeys.generate(), OrganisationKeys.generate()
    _, signing_path = write_organisation_keys(tmp_path, keys)
    text = signing_path.read_text()
    swapped = tmp_path / "swapped.key"
    swapped.write_text(
        text.replace(keys.signing_public_key.to_text(), other.signing_public_key.to_text())
    )
    with pytest.raises(OrganisationKeyError, match="does not match"):
        load_signing_key(swapped)
    doubled = tmp_path / "doubled.key"
    secret_line = text.splitlines()[-1]
    doubled.write_text(secret_line + "\n" + secret_line + "\n")
    with pytest.raises(OrganisationKeyError, match="malformed"):
        load_signing_key(doubled)
    empty = tmp_path / "empty.key"
    empty.write_text("# nothing\n")
    with pytest.raises(OrganisationKeyError, match="no key"):
        load_signing_key(empty)
    huge = tmp_path / "huge.key"
    huge.write_bytes(b"#" * 70_000)
    with pytest.raises(OrganisationKeyError, match="too large"):
        load_signing_key(huge)


def test_secrets_stay_out_of_reprs_and_errors(tmp_path: Path) -> None:
    keys = OrganisationKeys.generate()
    secret = keys.age.secret_text()
    assert secret not in repr(keys)
    assert secret not in repr(keys.age)
    assert keys.recipient in repr(keys)
    mistyped = secret[:-1] + ("Q" if secret[-1] != "Q" else "P")
    with pytest.raises(OrganisationKeyError) as caught:
        AgeIdentity.from_secret(mistyped)
    assert mistyped not in str(caught.value)
    assert secret[20:40] not in str(caught.value)
