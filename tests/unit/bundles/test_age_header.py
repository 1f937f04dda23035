"""The age header pre-validator on its own: grammar, caps and bounded time."""

from __future__ import annotations

import base64
import time

import pytest

from testimony_app.bundles.age_header import (
    MAX_HEADER_BYTES,
    MAX_STANZAS,
    AgeFailure,
    AgeRejected,
    parse_header,
)

V1 = b"age-encryption.org/v1\n"
SHARE = base64.b64encode(b"\x11" * 32).rstrip(b"=")
BODY = base64.b64encode(b"\x22" * 32).rstrip(b"=")
MAC = b"--- " + base64.b64encode(b"\x33" * 32).rstrip(b"=") + b"\n"
X25519 = b"-> X25519 " + SHARE + b"\n" + BODY + b"\n"


def test_minimal_header() -> None:
    data = V1 + X25519 + MAC + b"payload"
    header = parse_header(data)
    assert header.length == len(data) - len(b"payload")
    assert header.x25519_shares == (b"\x11" * 32,)
    assert header.mac == b"\x33" * 32


def test_grease_is_tolerated_and_capped() -> None:
    grease = b"-> 5%-grease a b c\n" + b"A" * 64 + b"\n" + b"AAAA\n"
    assert len(parse_header(V1 + grease + X25519 + MAC).stanzas) == 2
    fat = b"-> x-grease\n" + (b"A" * 64 + b"\n") * 30 + b"\n"
    with pytest.raises(AgeRejected, match="too large"):
        parse_header(V1 + fat + X25519 + MAC)


def test_stanza_count_cap() -> None:
    grease = b"-> g-grease\n\n"
    parse_header(V1 + grease * (MAX_STANZAS - 1) + X25519 + MAC)
    with pytest.raises(AgeRejected, match="too many"):
        parse_header(V1 + grease * MAX_STANZAS + X25519 + MAC)


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (V1 + MAC, "names no recipient"),
        (V1 + b"-> g-grease\n\n" + MAC, "not encrypted to any X25519"),
        (V1 + b"-> X25519 " + SHARE + b"\n" + BODY + b"A\n" + MAC, "malformed"),
        (V1 + b"-> X25519 " + SHARE + b"=\n" + BODY + b"\n" + MAC, "X25519 stanza"),
        (V1 + b"-> X25519 " + SHARE + b" extra\n" + BODY + b"\n" + MAC, "X25519 stanza"),
        (V1 + b"-> X25519 " + SHARE[:-1] + b"B\n" + BODY + b"\n" + MAC, "non-canonical"),
        (V1 + b"-> X25519 " + SHARE + b"\n" + BODY[:-1] + b"B\n" + MAC, "non-canonical"),
        (V1 + b"-> X25519 " + SHARE + b"\n" + MAC, "missing or malformed body"),
        (V1 + b"-> X25519  " + SHARE + b"\n" + BODY + b"\n" + MAC, "stanza line"),
        (V1 + b"-> X25519 " + SHARE + b"\r\n" + BODY + b"\n" + MAC, "stanza line"),
        (V1 + X25519 + MAC[:-2] + b"B\n", "non-canonical"),
        (V1 + X25519 + b"---  " + MAC[4:], "MAC line"),
        (V1 + X25519 + MAC[:-1], "incomplete"),
        (V1 + X25519, "incomplete"),
        (V1[:-1] + b"\r\n" + X25519 + MAC, "version"),
        (b"\n" + V1 + X25519 + MAC, "not an age"),
        (b"age-encryption.org/v11\n", "version"),
        (b"-----BEGIN AGE ENCRYPTED FILE-----\n", "armored"),
        (b"", "empty"),
    ],
)
def test_malformed(data: bytes, word: str) -> None:
    with pytest.raises(AgeRejected, match=word) as caught:
        parse_header(data)
    assert caught.value.failure is AgeFailure.HEADER


def test_hostile_sizes_are_bounded_in_time() -> None:
    cases = [
        V1 + b"-> " + b"a" * (MAX_HEADER_BYTES * 4),
        V1 + b"-> g-grease\n" + (b"A" * 64 + b"\n") * 5000,
        V1 + (b"-> g-grease\n\n" * 10_000),
        V1 + b"-> scrypt c2FsdHNhbHRzYWx0c2FsdA 255\n" + BODY + b"\n" + MAC,
        b"\x00" * (10 * MAX_HEADER_BYTES),
    ]
    for data in cases:
        # CPU time of this thread, which other work on the machine does not inflate; a
        # quadratic parse of these inputs would take seconds.
        started = time.thread_time()
        with pytest.raises(AgeRejected):
            parse_header(data)
        assert time.thread_time() - started < 0.5
