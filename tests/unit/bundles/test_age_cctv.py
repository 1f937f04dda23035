"""D9: the C2SP CCTV age vectors through our age layer, pre-check included.

Every vector is classified and must meet its expectation:

* **X25519, binary** (67): decrypted by ``decrypt_stream`` exactly as a bundle is (our header
  pre-check, then our own age v1 implementation, :mod:`.age_stream`, which replaced pyrage on
  the data path). ``success`` must return and release exactly the
  payload with the expected SHA-256; every failure must raise :class:`AgeRejected` with the
  expected failure class, having released only the plaintext the vector allows. Three
  ``success`` vectors use stanza types other than X25519 and grease, and one ``no match``
  vector uses a lower-case ``x25519`` stanza type: our policy refuses unknown stanza types,
  so these four are listed in :data:`STRICTER` and must be refused by the pre-check instead.
  With ``allow_unknown_stanzas=True`` (the specification's rule) all 67 must match exactly:
  that shows the pre-check's grammar is the specification's, and the four differences are
  policy only.
* **scrypt / passphrase** (24, plus ``empty``): refused by the pre-check, before any key work,
  each in under 100 ms (``scrypt_work_factor_23`` took ~40 s in bare pyrage).
* **post-quantum hybrid** (18): refused by the pre-check (we implement X25519 only).
* **armored** (33): refused by the pre-check; bundles are binary.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from testimony_app.bundles import age_io, age_stream
from testimony_app.bundles.age_header import AgeRejected, parse_header
from testimony_app.bundles.age_io import decrypt_stream
from testimony_app.bundles.keys import AgeIdentity

# Vendored from C2SP/CCTV (0BSD / CC0 / Unlicense), see tests/data/age-cctv/SOURCE.md.
VECTORS = Path(__file__).resolve().parents[2] / "data" / "age-cctv"

# Vectors our policy deliberately refuses although the specification accepts them (or
# classifies them later): unknown recipient stanza types (security.md §4.7 step 2).
STRICTER = {
    "stanza_empty_body": "success with an unknown stanza type 'empty'",
    "stanza_empty_last_line": "success with an unknown stanza type 'stanza'",
    "stanza_valid_characters": "success with unknown stanza types made of punctuation",
    "x25519_lowercase": "no match via a stanza typed 'x25519' (lower case), unknown to us",
}


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    payload: str | None
    identities: tuple[str, ...]
    passphrases: tuple[str, ...]
    armored: bool
    body: bytes

    @property
    def kind(self) -> str:
        if self.armored:
            return "armored"
        if any(i.startswith("AGE-SECRET-KEY-PQ-") for i in self.identities):
            return "pq"
        if self.identities:
            return "x25519"
        return "passphrase"


def _load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(
        name=path.name,
        expect=fields["expect"][0],
        payload=fields.get("payload", [None])[0],
        identities=tuple(fields.get("identity", [])),
        passphrases=tuple(fields.get("passphrase", [])),
        armored=fields.get("armored") == ["yes"],
        body=body,
    )


ALL = sorted(
    (_load(p) for p in VECTORS.iterdir() if p.is_file() and not p.name.endswith(".md")),
    key=lambda v: v.name,
)
BY_KIND: dict[str, list[Vector]] = {}
for _vector in ALL:
    BY_KIND.setdefault(_vector.kind, []).append(_vector)


def _run(vector: Vector, *, allow_unknown: bool) -> tuple[str, bytes]:
    """Decrypt like a bundle; return (result class, released plaintext)."""
    identities = [AgeIdentity.from_secret(i) for i in vector.identities]
    released = bytearray()
    try:
        decrypt_stream(
            io.BytesIO(vector.body),
            len(vector.body),
            identities,
            released.extend,
            allow_unknown_stanzas=allow_unknown,
        )
    except AgeRejected as exc:
        return exc.failure.value, bytes(released)
    return "success", bytes(released)


def test_inventory() -> None:
    """143 vectors: 67 X25519, 25 passphrase (24 scrypt + 'empty'), 18 PQ, 33 armored."""
    counts = Counter(v.kind for v in ALL)
    assert len(ALL) == 143
    assert counts == {"x25519": 67, "passphrase": 25, "pq": 18, "armored": 33}


@pytest.mark.parametrize("vector", BY_KIND["x25519"], ids=lambda v: v.name)
def test_x25519_vectors(vector: Vector) -> None:
    result, released = _run(vector, allow_unknown=False)
    if vector.name in STRICTER:
        assert result == "header failure", STRICTER[vector.name]
        with pytest.raises(AgeRejected):
            parse_header(vector.body)
        assert released == b""
        return
    assert result == vector.expect
    if vector.payload is not None:
        assert hashlib.sha256(released).hexdigest() == vector.payload
    else:
        assert released == b""


@pytest.mark.parametrize("vector", BY_KIND["x25519"], ids=lambda v: v.name)
def test_x25519_vectors_spec_mode(vector: Vector) -> None:
    """With the specification's rule for unknown stanzas, all 67 match exactly."""
    result, released = _run(vector, allow_unknown=True)
    assert result == vector.expect
    if vector.payload is not None:
        assert hashlib.sha256(released).hexdigest() == vector.payload


@pytest.mark.parametrize(
    "vector",
    BY_KIND["passphrase"] + BY_KIND["pq"] + BY_KIND["armored"],
    ids=lambda v: v.name,
)
def test_refused_before_any_key_work(vector: Vector, monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt, post-quantum and armored vectors never reach any key work.

    Checked by what runs, not by how long it takes (a timing bound failed under load): the
    whole decryption a bundle goes through is run with an identity, and the unwrapping of the
    file key and the X25519 exchange fail the test if they are reached at all.
    """

    def no_key_work(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("key work on a header that should have been refused")

    monkeypatch.setattr(age_stream, "_exchange", no_key_work)
    monkeypatch.setattr(age_io, "unwrap_file_key", no_key_work)
    released = bytearray()
    with pytest.raises(AgeRejected):
        decrypt_stream(
            io.BytesIO(vector.body), len(vector.body), [AgeIdentity.generate()], released.extend
        )
    assert not released
    with pytest.raises(AgeRejected) as caught:
        parse_header(vector.body)
    assert caught.value.failure.value == "header failure"
    if vector.kind == "armored":  # one vector's armor line is itself broken ("----- BEGIN")
        assert "armored" in str(caught.value) or "not an age" in str(caught.value)
    if vector.name.startswith("scrypt") and vector.name not in ("scrypt_uppercase",):
        assert "passphrase" in str(caught.value)


def test_precheck_catches_what_bare_pyrage_missed() -> None:
    """security.md §2.6: stanza_missing_body/_final_line decrypted in bare pyrage."""
    for name in ("stanza_missing_body", "stanza_missing_final_line", "scrypt_work_factor_23"):
        (vector,) = [v for v in ALL if v.name == name]
        with pytest.raises(AgeRejected):
            parse_header(vector.body)
        with pytest.raises(AgeRejected):
            parse_header(vector.body, allow_unknown_stanzas=True)


@pytest.mark.slow
def test_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Counts for the report (run with -s to see them)."""
    x25519 = BY_KIND["x25519"]
    exact = sum(_run(v, allow_unknown=False)[0] == v.expect for v in x25519)
    header_failures = [v for v in x25519 if v.expect == "header failure"]
    by_precheck = 0
    for v in header_failures:
        try:
            parse_header(v.body)
        except AgeRejected:
            by_precheck += 1
    with capsys.disabled():
        print(
            f"\nCCTV: {len(ALL)} vectors; X25519 binary {len(x25519)}: {exact} exact + "
            f"{len(STRICTER)} refused by policy (spec mode {len(x25519)}/{len(x25519)}); "
            f"X25519 header failures caught by our pre-check {by_precheck}/"
            f"{len(header_failures)}; refused before key work: "
            f"{len(BY_KIND['passphrase'])} passphrase, {len(BY_KIND['pq'])} PQ, "
            f"{len(BY_KIND['armored'])} armored"
        )
    assert exact + len(STRICTER) == len(x25519)
