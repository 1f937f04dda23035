"""Our own age v1 implementation (:mod:`.age_stream` behind :mod:`.age_io`) against the others.

It replaced pyrage on the bulk data path, so it must interoperate both ways with the ``age``
command-line tool and with pyrage at every chunk and block boundary, classify every failure
as the CCTV vectors do, and release only plaintext that authenticated. The hostile files
here are forged with our own knowledge of the file key, as a sender (who has it) could.
All crypto is real; nothing is mocked.
"""

from __future__ import annotations

import base64
import hashlib
import io
import random
import shutil
import subprocess
import zlib
from collections.abc import Sequence
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from testimony_app.bundles import age_io, age_stream
from testimony_app.bundles.age_header import AgeFailure, AgeRejected, parse_header
from testimony_app.bundles.age_io import (
    PLAINTEXT_RING,
    PROGRESS_STEP_BYTES,
    CiphertextDigest,
    Progress,
    check_recipients_usable,
    decrypt_stream,
    encrypt_stream,
)
from testimony_app.bundles.age_stream import (
    CHUNK_BYTES,
    PAYLOAD_NONCE_BYTES,
    PLAIN_BLOCK_BYTES,
    SEALED_CHUNK_BYTES,
    StreamSealer,
    build_header,
    payload_key,
    unwrap_file_key,
)
from testimony_app.bundles.keys import AgeIdentity, bech32_encode
from testimony_app.errors import OperationCancelled

REPO = Path(__file__).resolve().parents[3]
CCTV = REPO / "tests" / "data" / "age-cctv"
AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="the age CLI is not installed")

K = CHUNK_BYTES
# Every chunk boundary and every block boundary (16 chunks are sealed and read at a time).
SIZES = [
    0,
    1,
    K - 1,
    K,
    K + 1,
    2 * K,
    PLAIN_BLOCK_BYTES - 1,
    PLAIN_BLOCK_BYTES,
    PLAIN_BLOCK_BYTES + 1,
    2 * PLAIN_BLOCK_BYTES,
    3 * PLAIN_BLOCK_BYTES + 12_345,
]


def _data(size: int, seed: int = 0) -> bytes:
    return random.Random(size * 7919 + seed).randbytes(size)


class _Source:
    """A plaintext source that hands out at most ``step`` bytes per call, like a real one may."""

    def __init__(self, data: bytes, step: int = 300_001) -> None:
        self._data = memoryview(data)
        self._step = step
        self.calls_after_end = 0
        self._ended = False

    def readinto(self, buffer: memoryview) -> int:
        if self._ended:
            self.calls_after_end += 1
        take = min(len(buffer), self._step, len(self._data))
        buffer[:take] = self._data[:take]
        self._data = self._data[take:]
        self._ended = take == 0
        return take


def _ours(data: bytes, recipients: Sequence[str]) -> bytes:
    out = io.BytesIO()
    source = _Source(data)
    digest = encrypt_stream(source, out, recipients)
    assert source.calls_after_end == 0
    assert digest == CiphertextDigest(
        len(out.getvalue()), hashlib.sha256(out.getvalue()).hexdigest()
    )
    return out.getvalue()


def _open(
    data: bytes,
    identities: Sequence[AgeIdentity],
    *,
    progress: Progress | None = None,
    allow_unknown_stanzas: bool = False,
) -> tuple[bytes, AgeRejected | None]:
    """Decrypt like a bundle; return (released plaintext, the rejection or None)."""
    released = bytearray()
    try:
        _, digest = decrypt_stream(
            io.BytesIO(data),
            len(data),
            identities,
            released.extend,
            progress=progress,
            allow_unknown_stanzas=allow_unknown_stanzas,
        )
    except AgeRejected as exc:
        return bytes(released), exc
    assert digest == CiphertextDigest(len(data), hashlib.sha256(data).hexdigest())
    return bytes(released), None


def _class(error: AgeRejected | None) -> AgeFailure | None:
    return None if error is None else error.failure


def _identity_file(tmp_path: Path, *identities: AgeIdentity) -> Path:
    path = tmp_path / "identity.txt"
    path.write_text("".join(i.secret_text() + "\n" for i in identities), encoding="ascii")
    return path


def _age(*args: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
    assert AGE is not None
    return subprocess.run([AGE, *args], input=data, capture_output=True, check=False)


@pytest.fixture(scope="module")
def alice() -> AgeIdentity:
    return AgeIdentity.generate()


@pytest.fixture(scope="module")
def bob() -> AgeIdentity:
    return AgeIdentity.generate()


# --- Keys ------------------------------------------------------------------------------------


def test_secret_bytes_are_the_identity_pyrage_and_age_keygen_know(tmp_path: Path) -> None:
    """The raw scalar we decode from the Bech32 text gives back the same public key."""
    identities = [AgeIdentity.generate() for _ in range(20)]
    if shutil.which("age-keygen") is not None:
        made = subprocess.run(["age-keygen"], capture_output=True, text=True, check=True).stdout
        line = next(x for x in made.splitlines() if x.startswith("AGE-SECRET-KEY-1"))
        identities.append(AgeIdentity.from_secret(line))
    for identity in identities:
        raw = identity.secret_bytes()
        assert len(raw) == 32
        public = X25519PrivateKey.from_private_bytes(raw).public_key().public_bytes_raw()
        assert bech32_encode("age", public) == identity.recipient
        assert check_recipients_usable([identity.recipient]) == [public]


def test_a_low_order_recipient_is_refused_before_anything_is_written() -> None:
    """u = 1 has order 4: every shared secret with it is zero, so the file key would leak."""
    low_order = bech32_encode("age", b"\x01" + bytes(31))
    out = io.BytesIO()
    with pytest.raises(AgeRejected) as caught:
        encrypt_stream(_Source(b"secret"), out, [low_order])
    assert caught.value.failure is AgeFailure.HEADER
    assert out.getvalue() == b""
    with pytest.raises(AgeRejected):
        check_recipients_usable(["age1notbech32"])


# --- Interoperability ------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_ours_opens_with_pyrage_and_ourselves(size: int, alice: AgeIdentity) -> None:
    data = _data(size)
    sealed = _ours(data, [alice.recipient])
    header = parse_header(sealed)
    assert [s.type for s in header.stanzas] == ["X25519"]
    chunks = max(1, -(-size // K))
    assert len(sealed) == header.length + PAYLOAD_NONCE_BYTES + size + 16 * chunks
    assert pyrage.decrypt(sealed, [pyrage.x25519.Identity.from_str(alice.secret_text())]) == data
    assert _open(sealed, [alice]) == (data, None)


@pytest.mark.parametrize("size", SIZES)
def test_pyrage_files_open_with_ours(size: int, alice: AgeIdentity) -> None:
    data = _data(size, seed=1)
    sealed = pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(alice.recipient)])
    assert _open(sealed, [alice]) == (data, None)


@needs_age
@pytest.mark.parametrize("size", SIZES)
def test_ours_and_the_age_cli_open_each_other(
    size: int, alice: AgeIdentity, tmp_path: Path
) -> None:
    data = _data(size, seed=2)
    identity = _identity_file(tmp_path, alice)
    opened = _age("-d", "-i", str(identity), data=_ours(data, [alice.recipient]))
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout == data
    made = _age("-r", alice.recipient, data=data)
    assert made.returncode == 0, made.stderr
    assert _open(made.stdout, [alice]) == (data, None)


@needs_age
def test_several_recipients(alice: AgeIdentity, bob: AgeIdentity, tmp_path: Path) -> None:
    carol = AgeIdentity.generate()
    data = _data(3 * K + 5, seed=3)
    sealed = _ours(data, [alice.recipient, bob.recipient, carol.recipient])
    assert sum(s.type == "X25519" for s in parse_header(sealed).stanzas) == 3
    for who in (alice, bob, carol):
        assert _open(sealed, [who]) == (data, None)
        assert pyrage.decrypt(sealed, [pyrage.x25519.Identity.from_str(who.secret_text())]) == data
        keyfile = tmp_path / f"{who.recipient[-8:]}.txt"
        keyfile.write_text(who.secret_text() + "\n", encoding="ascii")
        opened = _age("-d", "-i", str(keyfile), data=sealed)
        assert (opened.returncode, opened.stdout) == (0, data)
    stranger = AgeIdentity.generate()
    assert _open(sealed, [stranger, carol]) == (data, None)

    made = _age("-r", alice.recipient, "-r", bob.recipient, data=data)
    assert _open(made.stdout, [bob]) == (data, None)
    assert _open(made.stdout, [stranger, bob]) == (data, None)


def test_every_file_has_fresh_keys(alice: AgeIdentity) -> None:
    """Same plaintext, same recipient: the share, file key and payload nonce all differ."""
    first, second = _ours(b"same", [alice.recipient]), _ours(b"same", [alice.recipient])
    assert parse_header(first).x25519_shares != parse_header(second).x25519_shares
    assert first[-PAYLOAD_NONCE_BYTES - 20 :] != second[-PAYLOAD_NONCE_BYTES - 20 :]


# --- Failures, classified and released as age would ------------------------------------------


def test_an_identity_that_does_not_match(alice: AgeIdentity, bob: AgeIdentity) -> None:
    released, error = _open(_ours(_data(K + 1), [alice.recipient]), [bob])
    assert released == b""
    assert _class(error) is AgeFailure.NO_MATCH
    assert error is not None
    assert error.code == "bundle.not_for_this_key"
    assert str(error) == "The bundle was not encrypted to this organisation's key."


def test_a_flipped_mac_byte_is_an_hmac_failure(alice: AgeIdentity) -> None:
    sealed = bytearray(_ours(_data(10), [alice.recipient]))
    mac_at = sealed.index(b"\n--- ") + 5
    sealed[mac_at] = ord("B") if sealed[mac_at] != ord("B") else ord("C")
    released, error = _open(bytes(sealed), [alice])
    assert released == b""
    assert _class(error) is AgeFailure.HMAC
    assert error is not None
    assert error.code == "bundle.header_altered"


def test_an_inserted_stanza_is_an_hmac_failure(alice: AgeIdentity) -> None:
    """A grease stanza passes the pre-check, but it is covered by the MAC."""
    sealed = _ours(_data(10), [alice.recipient])
    version_end = sealed.index(b"\n") + 1
    forged = sealed[:version_end] + b"-> x-grease abc\nZm9v\n" + sealed[version_end:]
    released, error = _open(forged, [alice])
    assert released == b""
    assert _class(error) is AgeFailure.HMAC


def _payload_start(sealed: bytes | bytearray) -> int:
    return parse_header(bytes(sealed)).length + PAYLOAD_NONCE_BYTES


@pytest.mark.parametrize("chunk", [0, 1, 2, 17, 40])
def test_a_flipped_payload_byte_releases_only_the_chunks_before_it(
    chunk: int, alice: AgeIdentity
) -> None:
    data = _data(40 * K + 999, seed=4)
    sealed = bytearray(_ours(data, [alice.recipient]))
    sealed[_payload_start(sealed) + chunk * SEALED_CHUNK_BYTES + 100] ^= 0x20
    released, error = _open(bytes(sealed), [alice])
    assert _class(error) is AgeFailure.PAYLOAD
    assert error is not None
    assert error.code == "bundle.payload_damaged"
    assert released == data[: chunk * K]


@pytest.mark.parametrize(
    ("size", "cut", "kept_chunks"),
    [
        (3 * K + 10, 1, 3),  # inside the short final chunk
        (3 * K + 10, 26, 3),  # the whole final chunk (and its tag) is gone
        (3 * K + 10, 26 + 100, 2),  # inside the third chunk, which becomes "the final one"
        (2 * K, SEALED_CHUNK_BYTES, 1),  # a full final chunk is gone: no final chunk at all
        (40 * K, SEALED_CHUNK_BYTES * 4 + 7, 35),  # in the third block
    ],
)
def test_a_truncated_file_releases_only_authenticated_chunks(
    size: int, cut: int, kept_chunks: int, alice: AgeIdentity
) -> None:
    data = _data(size, seed=5)
    sealed = _ours(data, [alice.recipient])
    released, error = _open(sealed[:-cut], [alice])
    assert _class(error) is AgeFailure.PAYLOAD
    assert released == data[: kept_chunks * K]


@pytest.mark.parametrize(
    ("size", "extra", "released_all"),
    [
        (3 * K + 10, b"\x00", False),  # the short final chunk no longer authenticates
        (2 * K, b"\x00", True),  # a full final chunk authenticates, then trailing data
        (2 * K, bytes(SEALED_CHUNK_BYTES), True),
        (16 * K, b"x", True),  # the final chunk ends a block exactly
    ],
)
def test_appended_bytes_are_a_payload_failure(
    size: int, extra: bytes, released_all: bool, alice: AgeIdentity
) -> None:
    data = _data(size, seed=6)
    released, error = _open(_ours(data, [alice.recipient]) + extra, [alice])
    assert _class(error) is AgeFailure.PAYLOAD
    assert released == (data if released_all else data[: size // K * K])


def _forge(recipient: str, chunks: Sequence[tuple[bytes, bool]]) -> bytes:
    """A file whose chunks and last-chunk flags we choose, with a file key we know."""
    file_key = bytes(range(16))
    nonce = bytes(range(100, 116))
    header = build_header(file_key, check_recipients_usable([recipient]))
    aead = ChaCha20Poly1305(payload_key(file_key, nonce))
    body = b"".join(
        aead.encrypt(counter.to_bytes(11, "big") + bytes([last]), plain, None)
        for counter, (plain, last) in enumerate(chunks)
    )
    return header + nonce + body


FULL = bytes(range(256)) * (K // 256)


@pytest.mark.parametrize(
    ("name", "chunks", "released"),
    [
        ("empty final chunk after a full chunk", [(FULL, False), (b"", True)], FULL),
        ("empty final chunk after two", [(FULL, False), (FULL, False), (b"", True)], FULL * 2),
        ("no final chunk", [(FULL, False), (FULL, False)], FULL * 2),
        ("a final chunk in the middle", [(FULL, True), (FULL, False), (b"z", True)], FULL),
        ("an empty middle chunk", [(FULL, False), (b"", False), (b"z", True)], FULL),
        ("a short middle chunk", [(b"short", False), (b"z", True)], b""),
        ("an empty non-final only chunk", [(b"", False)], b""),
    ],
)
def test_forged_streams_are_refused(
    name: str, chunks: list[tuple[bytes, bool]], released: bytes, alice: AgeIdentity, tmp_path: Path
) -> None:
    forged = _forge(alice.recipient, chunks)
    got, error = _open(forged, [alice])
    assert _class(error) is AgeFailure.PAYLOAD, name
    assert got == released, name
    if AGE is not None:  # the reference tool refuses them too
        opened = _age("-d", "-i", str(_identity_file(tmp_path, alice)), data=forged)
        assert opened.returncode != 0, name


def test_forged_but_valid_streams_open(alice: AgeIdentity) -> None:
    """The same forging helper, used correctly, gives files that open: the refusals are real."""
    for chunks, plain in [
        ([(b"", True)], b""),
        ([(FULL, True)], FULL),
        ([(FULL, False), (FULL, True)], FULL * 2),
        ([(FULL, False), (b"z", True)], FULL + b"z"),
    ]:
        forged = _forge(alice.recipient, chunks)
        assert _open(forged, [alice]) == (plain, None)


def test_a_missing_or_short_nonce_is_a_header_failure(alice: AgeIdentity) -> None:
    sealed = _ours(b"", [alice.recipient])
    for cut in (PAYLOAD_NONCE_BYTES + 16, 16 + 5):
        released, error = _open(sealed[:-cut], [alice])
        assert _class(error) is AgeFailure.HEADER
        assert released == b""


def test_a_file_that_changes_while_read(alice: AgeIdentity) -> None:
    """A file longer or shorter than the size measured before opening it is refused as such."""
    sealed = _ours(_data(3 * K), [alice.recipient])
    for source, size in [
        (io.BytesIO(sealed + b"more"), len(sealed)),
        (io.BytesIO(sealed[:-100]), len(sealed)),
        (io.BytesIO(sealed[:-100]), len(sealed) + 5),
    ]:
        with pytest.raises(AgeRejected) as caught:
            decrypt_stream(source, size, [alice], lambda _: None)
        assert caught.value.failure is AgeFailure.PAYLOAD
        assert "changed while it was being read" in str(caught.value)


# --- The streaming contract ------------------------------------------------------------------


def test_pieces_are_batched_and_stay_intact_for_the_ring(alice: AgeIdentity) -> None:
    """About a MiB per piece; a piece's bytes stay unchanged until the sink has returned from
    PLAINTEXT_RING - 1 further calls (the reader's helper thread relies on it), and the ring's
    buffers are reused after that, not allocated afresh."""
    data = _data(9 * PLAIN_BLOCK_BYTES + 3, seed=7)
    sealed = _ours(data, [alice.recipient])
    views: list[memoryview] = []
    copies: list[bytes] = []

    def sink(piece: memoryview) -> None:
        # Every piece still held from the last PLAINTEXT_RING - 1 calls is what it was.
        for view, copy in list(zip(views, copies, strict=True))[-(PLAINTEXT_RING - 1) :]:
            assert view == copy
        views.append(piece)
        copies.append(bytes(piece))

    decrypt_stream(io.BytesIO(sealed), len(sealed), [alice], sink)
    assert len(copies) == 10
    assert all(len(c) <= PLAIN_BLOCK_BYTES for c in copies)
    assert b"".join(copies) == data
    # Reused: the first piece's buffer now holds a later block, not the first.
    assert views[0] != copies[0]
    assert len({id(v.obj) for v in views}) == PLAINTEXT_RING


def test_progress_once_per_mib_and_at_the_end(alice: AgeIdentity) -> None:
    sealed = _ours(_data(5 * PLAIN_BLOCK_BYTES + 3), [alice.recipient])
    seen: list[tuple[int, int]] = []
    released, error = _open(sealed, [alice], progress=lambda d, t: seen.append((d, t)))
    assert error is None
    assert len(released) == 5 * PLAIN_BLOCK_BYTES + 3
    assert seen[-1] == (len(sealed), len(sealed))
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert len(seen) <= len(sealed) // PROGRESS_STEP_BYTES + 3


def test_cancelling_stops_within_a_mib(alice: AgeIdentity) -> None:
    data = _data(6 * PLAIN_BLOCK_BYTES, seed=8)
    sealed = _ours(data, [alice.recipient])
    polls = 0
    released = bytearray()

    def cancelled() -> bool:
        nonlocal polls
        polls += 1
        return polls == 3

    with pytest.raises(OperationCancelled):
        decrypt_stream(
            io.BytesIO(sealed), len(sealed), [alice], released.extend, cancelled=cancelled
        )
    assert polls == 3
    assert len(released) <= 2 * PLAIN_BLOCK_BYTES
    assert released == data[: len(released)]


def test_a_sink_error_is_raised_unchanged_and_the_sink_is_not_called_again(
    alice: AgeIdentity,
) -> None:
    sealed = bytearray(_ours(_data(4 * PLAIN_BLOCK_BYTES), [alice.recipient]))
    calls = 0

    class Refused(Exception):
        pass

    def sink(_: memoryview) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise Refused

    with pytest.raises(Refused):
        decrypt_stream(io.BytesIO(bytes(sealed)), len(sealed), [alice], sink)
    assert calls == 2

    # A payload failure hands over what authenticated first; a sink refusing that wins.
    sealed[_payload_start(bytes(sealed)) + 5 * SEALED_CHUNK_BYTES] ^= 1
    calls = 1
    with pytest.raises(Refused):
        decrypt_stream(io.BytesIO(bytes(sealed)), len(sealed), [alice], sink)
    assert calls == 2


def test_a_source_error_is_raised_unchanged_and_the_source_is_not_called_again(
    alice: AgeIdentity,
) -> None:
    data = memoryview(_data(5 * PLAIN_BLOCK_BYTES))
    calls = 0

    class Failing:
        def readinto(self, buffer: memoryview) -> int:
            nonlocal calls, data
            calls += 1
            if calls == 3:
                raise OperationCancelled("The export was cancelled; no bundle was written.")
            take = min(len(buffer), len(data))
            buffer[:take], data = data[:take], data[take:]
            return take

    out = io.BytesIO()
    with pytest.raises(OperationCancelled):
        encrypt_stream(Failing(), out, [alice.recipient])
    assert calls == 3


def test_no_bulk_data_through_pyrage() -> None:
    """pyrage stays for keys only: the data path modules do not import it."""
    for module in (age_io, age_stream):
        text = Path(str(module.__file__)).read_text(encoding="utf-8")
        assert "import pyrage" not in text


def test_no_secret_in_any_failure(alice: AgeIdentity, bob: AgeIdentity) -> None:
    """Failures are one of our sentences; the key never appears, whatever the class."""
    sealed = _ours(_data(K + 1), [alice.recipient])
    broken = bytearray(sealed)
    broken[-1] ^= 1
    for data, who in [(sealed, bob), (bytes(broken), alice)]:
        _, error = _open(data, [who])
        assert error is not None
        assert error.code in {
            "bundle.header_malformed", "bundle.not_for_this_key", "bundle.header_altered",
            "bundle.payload_damaged",
        }
        for secret in (alice.secret_text(), bob.secret_text()):
            assert secret.lower() not in repr(error.args).lower()


# --- Byte-exact against the CCTV vectors -----------------------------------------------------


def _cctv_success() -> list[tuple[str, dict[str, str], bytes]]:
    vectors = []
    for path in sorted(CCTV.iterdir()):
        if path.suffix == ".md":
            continue
        head, _, body = path.read_bytes().partition(b"\n\n")
        fields = dict(
            line.split(": ", 1) for line in head.decode("utf-8").splitlines() if ": " in line
        )
        if fields.get("compressed") == "zlib":
            body = zlib.decompress(body)
        identity = fields.get("identity", "")
        wanted = fields.get("expect") == "success" and "armored" not in fields
        if wanted and identity.startswith("AGE-SECRET-KEY-1"):
            vectors.append((path.name, fields, body))
    return vectors


@pytest.mark.parametrize("vector", _cctv_success(), ids=lambda v: v[0])
def test_cctv_success_vectors_reseal_byte_for_byte(
    vector: tuple[str, dict[str, str], bytes],
) -> None:
    """The reference file key comes out of the header, and sealing the payload again with it
    and the file's nonce gives the reference ciphertext exactly (README: STREAM round trip)."""
    name, fields, body = vector
    header = parse_header(body, allow_unknown_stanzas=True)
    identity = X25519PrivateKey.from_private_bytes(
        AgeIdentity.from_secret(fields["identity"]).secret_bytes()
    )
    file_key = unwrap_file_key(header, body[: header.length], [identity])
    assert file_key.hex() == fields["file key"], name
    nonce = body[header.length : header.length + PAYLOAD_NONCE_BYTES]
    payload = body[header.length + PAYLOAD_NONCE_BYTES :]
    released, error = _open(
        body, [AgeIdentity.from_secret(fields["identity"])], allow_unknown_stanzas=True
    )
    assert error is None, name
    assert hashlib.sha256(released).hexdigest() == fields["payload"]
    sealer = StreamSealer(payload_key(file_key, nonce))
    out = bytearray()
    plain = memoryview(released)
    buffer = memoryview(bytearray(age_stream.SEALED_BLOCK_BYTES))
    while True:
        block, plain = plain[:PLAIN_BLOCK_BYTES], plain[PLAIN_BLOCK_BYTES:]
        final = not plain
        out += buffer[: sealer.seal(block, buffer, final=final)]
        if final:
            break
    assert bytes(out) == payload, name


def test_stanza_body_lines_follow_the_spec(alice: AgeIdentity) -> None:
    stanza = age_stream.x25519_stanza(bytes(16), check_recipients_usable([alice.recipient])[0])
    lines = stanza.split(b"\n")
    assert lines[0].startswith(b"-> X25519 ")
    assert len(lines[0]) == len(b"-> X25519 ") + 43
    assert len(lines[1]) == 43  # 32 bytes: one line, shorter than 64 columns
    assert lines[2] == b""
    assert base64.b64decode(lines[1] + b"=")  # canonical unpadded base64
