"""C7 (security.md §5): an export to a medium that fails, or silently drops bytes.

Like KeePassXC's ``FailDevice``: the file the bundle writer writes through is wrapped so that
after ``N`` bytes it raises ``ENOSPC`` or ``EIO``, or goes on reporting success while keeping
nothing more (a dying USB stick, a lying driver). ``N`` is 0, inside the age header, inside
the payload; the ``fsync`` and the final rename fail too. Everything else is real: a vault
with a sealed testimony and a 1.5 MB recording, the enrolled organisation, the services'
export.

Pass: the export raises a :class:`UserFacingError` whose code names the failure (a sentence
in the reader's language, not a crash report); no file under the final name and no
``.tmp-*`` on the stick; nothing recorded as exported; and the same export succeeds once the
medium works again. The statement PDF is held to the same with a failing ``write`` under
:func:`testimony_app.paths.atomic_write`.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from testimony_app import words
from testimony_app.bundles import writer as writer_module
from testimony_app.errors import DiskFull, UserFacingError
from testimony_app.services.vault import VaultSession
from testkit import bundle_support

pytestmark = pytest.mark.slow


class FailingFile:
    """A writable file that takes ``budget`` bytes and then fails as ``failure`` says.

    ``enospc`` and ``eio`` raise after writing what fits; ``silent`` keeps what fits and
    reports every write as complete; ``zero`` reports that it took nothing.
    """

    def __init__(self, inner: Any, budget: int, failure: str) -> None:
        self._inner = inner
        self._left = budget
        self._failure = failure
        self.dropped = 0

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        fits = min(self._left, len(view))
        if fits:
            self._inner.write(view[:fits])
            self._left -= fits
        if fits == len(view):
            return len(view)
        if self._failure == "enospc":
            raise OSError(errno.ENOSPC, "No space left on device")
        if self._failure == "eio":
            raise OSError(errno.EIO, "Input/output error")
        if self._failure == "zero" and fits == 0:
            return 0
        self.dropped += len(view) - fits
        return len(view)  # silent: success reported, bytes lost

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()


@pytest.fixture
def device(tmp_path: Path) -> Iterator[VaultSession]:
    """A vault with one sealed Azerbaijani testimony and its recording, enrolled."""
    session = bundle_support.new_vault(tmp_path / "vault")
    bundle_support.enrol(session, bundle_support.org_keys(tmp_path))
    recording = tmp_path / "müsahibə.ogg"
    recording.write_bytes(os.urandom(1_500_000))
    bundle_support.sealed(session, bundle_support.azerbaijani("C7"), recording)
    yield session
    session.lock()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def _fail_writes(monkeypatch: pytest.MonkeyPatch, budget: int, failure: str) -> list[FailingFile]:
    made: list[FailingFile] = []
    real = writer_module._WritebackFile

    def wrapped(handle: Any) -> FailingFile:
        made.append(FailingFile(real(handle), budget, failure))
        return made[-1]

    monkeypatch.setattr(writer_module, "_WritebackFile", wrapped)
    return made


def _fail_call(
    monkeypatch: pytest.MonkeyPatch, name: str, stick: Path
) -> Callable[[], int]:
    """``os.<name>`` fails with EIO when it touches the stick; returns how often it did."""
    real = getattr(os, name)
    failed = [0]

    def touches_stick(*args: Any) -> bool:
        for arg in args:
            if isinstance(arg, int):
                arg = os.readlink(f"/proc/self/fd/{arg}")
            if str(arg).startswith(str(stick)):
                return True
        return False

    def fake(*args: Any, **kwargs: Any) -> Any:
        if touches_stick(*args[:1]):
            failed[0] += 1
            raise OSError(errno.EIO, "Input/output error")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)
    return lambda: failed[0]


def _assert_nothing_left(device: VaultSession, stick: Path) -> None:
    assert sorted(p.name for p in stick.iterdir()) == []  # no bundle, no .tmp-*
    assert device.bundles.exports() == []


def _assert_retry_works(device: VaultSession, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    report = device.bundles.export(stick, keep_doubtful=True)
    assert [p.name for p in stick.iterdir()] == [report.path.name]
    assert report.path.stat().st_size == report.size
    assert len(device.bundles.exports()) == 1


def _sentence(error: UserFacingError) -> dict[str, str]:
    return {lang: words.text(error.message, lang) for lang in ("en", "az", "ru")}


# The age header of one X25519 recipient is about 230 bytes; the payload is 1.5 MB.
@pytest.mark.parametrize("budget", [0, 100, 600_000], ids=["at-0", "mid-header", "mid-payload"])
@pytest.mark.parametrize("failure", ["enospc", "eio"])
def test_c7_medium_that_fails_after_n_bytes(
    device: VaultSession, stick: Path, monkeypatch: pytest.MonkeyPatch, budget: int, failure: str
) -> None:
    _fail_writes(monkeypatch, budget, failure)
    with pytest.raises(UserFacingError) as caught:
        device.bundles.export(stick, keep_doubtful=True)
    if failure == "enospc":
        assert isinstance(caught.value, DiskFull)
        assert caught.value.code == "bundle.disk_full"
    else:
        assert caught.value.code == "bundle.write_failed"
        texts = _sentence(caught.value)
        assert texts["en"].startswith("The bundle could not be written there (writing failed)")
        assert "Paketi oraya yazmaq mümkün olmadı" in texts["az"]
        assert "Пакет не удалось записать туда" in texts["ru"]
    _assert_nothing_left(device, stick)
    _assert_retry_works(device, stick, monkeypatch)


@pytest.mark.parametrize("budget", [100, 600_000], ids=["mid-header", "mid-payload"])
def test_c7_silent_truncation_is_caught_by_the_read_back(
    device: VaultSession, stick: Path, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    made = _fail_writes(monkeypatch, budget, "silent")
    with pytest.raises(UserFacingError) as caught:
        device.bundles.export(stick, keep_doubtful=True)
    assert made[0].dropped > 0  # the medium really lost bytes while reporting success
    assert caught.value.code == "bundle.readback_differs"
    _assert_nothing_left(device, stick)
    _assert_retry_works(device, stick, monkeypatch)


def test_c7_medium_that_takes_nothing_does_not_hang(
    device: VaultSession, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_writes(monkeypatch, 1000, "zero")
    with pytest.raises(UserFacingError) as caught:
        device.bundles.export(stick, keep_doubtful=True)
    assert caught.value.code == "bundle.write_failed"
    _assert_nothing_left(device, stick)


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_c7_fsync_or_final_rename_fails(
    device: VaultSession, stick: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    failures = _fail_call(monkeypatch, call, stick)
    with pytest.raises(UserFacingError) as caught:
        device.bundles.export(stick, keep_doubtful=True)
    assert failures() == 1
    assert caught.value.code == "bundle.write_failed"
    _assert_nothing_left(device, stick)
    _assert_retry_works(device, stick, monkeypatch)


# -- the statement PDF ---------------------------------------------------------------------


def _fail_pdf_writes(monkeypatch: pytest.MonkeyPatch, budget: int, failure: str) -> None:
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return FailingFile(real(fd, *args, **kwargs), budget, failure)

    monkeypatch.setattr(os, "fdopen", fdopen)  # what paths.atomic_write opens the file with


@pytest.mark.parametrize(
    ("budget", "failure"),
    [(0, "eio"), (5000, "enospc"), (5000, "silent")],
    ids=["eio-at-0", "enospc-mid-file", "silent-truncation"],
)
def test_c7_statement_pdf_to_a_failing_medium(
    device: VaultSession, stick: Path, monkeypatch: pytest.MonkeyPatch, budget: int, failure: str
) -> None:
    record_id = device.testimonies.list()[0].id
    dest = stick / "bəyanat.pdf"
    _fail_pdf_writes(monkeypatch, budget, failure)
    with pytest.raises(UserFacingError) as caught:
        device.statements.save(record_id, dest, language="az", redacted=True, keep_doubtful=True)
    assert caught.value.code == "statement.write_failed"
    assert list(stick.iterdir()) == []  # no statement, no temporary file
    monkeypatch.undo()
    digest = device.statements.save(
        record_id, dest, language="az", redacted=True, keep_doubtful=True
    )
    assert [p.name for p in stick.iterdir()] == [dest.name]
    assert dest.read_bytes().startswith(b"%PDF")
    assert len(digest) == 64
