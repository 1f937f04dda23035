"""The cycle collector is put off during the bulk reads, and always comes back (issue 19).

With the organisation's 100,000 list rows alive, the full collections a corroboration's 2,000
parsed testimonies started cost a third of its time. The reads now pause the collector; these
tests check that it is off while a corroboration parses its testimonies and on again
afterwards, also after an error, when pauses nest or overlap on two threads, and that a
collector someone else turned off stays off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app import gc_pause
from testimony_app.domain import interchange, model
from testimony_app.services.vault import VaultSession, create_vault
from testkit.vault_kit import sample_testimony

PW = "gc pause passphrase"


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_off_inside_on_after() -> None:
    with gc_pause.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_paused_function_keeps_its_name_and_result() -> None:
    @gc_pause.pausing
    def count_witnesses(names: list[str], *, unique: bool) -> int:
        assert not gc.isenabled()
        return len(set(names)) if unique else len(names)

    assert count_witnesses(["Nemət", "Nemət", "Аяз"], unique=True) == 2
    assert count_witnesses.__name__ == "count_witnesses"
    assert gc.isenabled()


def test_on_again_after_an_error() -> None:
    with pytest.raises(ValueError), gc_pause.paused():
        raise ValueError("a damaged record")
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outer_one() -> None:
    with gc_pause.paused():
        with gc_pause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_elsewhere_stays_off() -> None:
    gc.disable()
    with gc_pause.paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_on_two_threads() -> None:
    """The first thread's pause ends while the second's runs: the collector stays off until
    the second ends too."""
    inside, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other() -> None:
        with gc_pause.paused():
            inside.set()
            release.wait(10)
            seen.append(gc.isenabled())

    with gc_pause.paused():
        worker = threading.Thread(target=other)
        worker.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other thread's pause still runs
    release.set()
    worker.join(10)
    assert seen == [False]
    assert gc.isenabled()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[VaultSession]:
    s = create_vault(tmp_path / "vault", PW, kdf="test")
    yield s
    s.lock()


def test_corroboration_parses_with_the_collector_off(
    vault: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [vault.testimonies.create(sample_testimony(tag)) for tag in ("1", "2")]
    path = "acts[0].perpetrators[0]"
    entry = vault.registry.link(ids[0], path, new_entry=True).entry_id
    vault.registry.link(ids[1], path, entry)
    parsed: list[bool] = []
    real = interchange.loads

    def loads(text: str | bytes) -> model.Testimony:
        parsed.append(gc.isenabled())
        return real(text)

    monkeypatch.setattr(interchange, "loads", loads)
    result = vault.registry.corroborate(entry)
    assert len(result.items) == 2
    assert parsed == [False, False]  # both testimonies parsed inside the pause
    assert gc.isenabled()


def test_the_list_is_read_with_the_collector_off(
    vault: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list's own pause is the same one (it used a second, non-nesting copy before)."""
    from testimony_app.storage import summaries

    vault.testimonies.create(sample_testimony())
    during: list[bool] = []
    real = summaries.summaries_of

    def summaries_of(rows: list[object]) -> list[model.TestimonySummary]:
        during.append(gc.isenabled())
        return real(rows)

    monkeypatch.setattr(summaries, "summaries_of", summaries_of)
    assert [s.witness_label for s in vault.testimonies.list()] == ["Şahid-Ə7"]
    assert during == [False]
    assert gc.isenabled()
