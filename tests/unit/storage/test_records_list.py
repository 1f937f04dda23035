"""The list of testimonies: newest interview first, then the newest update, every record once.

The order is made in Python since issue 19 (SQLite's sort cost more than the query); it must
stay the order ``ORDER BY interview_date DESC, updated_at DESC`` gave, for partial dates,
undated records and non-ASCII text alike.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.domain import model
from testimony_app.domain.model import Status
from testimony_app.services.vault import VaultSession, create_vault


def _testimony(date: str, place: str) -> model.Testimony:
    return model.Testimony(
        title="[FICTIONAL] list order",
        fictional=True,
        interview=model.Interview(date=date, place=place),
        witness=model.Witness(pseudonym=f"W {place}"),
    )


def test_list_is_newest_interview_first_then_newest_update(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "v", "correct horse battery staple", kdf="test")
    try:
        dates = ["2017-03", "2017-03-05", "", "2018", "2017-03-05", "2016-12-31", ""]
        places = ["Tərtər", "Гянджа", "Bərdə", "Ağdam", "Երևան", "بردع", "Goranboy"]
        ids = [session.testimonies.create(_testimony(d, p)) for d, p in zip(dates, places,
                                                                           strict=True)]
        session.testimonies.save_draft(ids[1], _testimony("2017-03-05", "Гянджа, подвал"))
        listed = session.testimonies.list()
        assert sorted(s.id for s in listed) == sorted(ids)
        expected = sorted(listed, key=lambda s: (s.interview_date, s.updated_at), reverse=True)
        assert [s.id for s in listed] == [s.id for s in expected]
        assert [s.interview_date for s in listed][:4] == ["2018", "2017-03-05", "2017-03-05",
                                                        "2017-03"]
        same_day = [s.updated_at for s in listed if s.interview_date == "2017-03-05"]
        assert same_day == sorted(same_day, reverse=True)  # the newest update first
        assert [s.interview_date for s in listed][-2:] == ["", ""]
        db = session._vault.db
        by_sql = db.query(
            "SELECT interview_date, updated_at FROM records"
            " ORDER BY interview_date DESC, updated_at DESC"
        )  # records saved in the same second tie, in any order, as they did before
        assert [(s.interview_date, s.updated_at) for s in listed] == by_sql

        # The window's first screenful: its date column's first order, newest first with the
        # undated ones on top, the newest update first among equals (ui/list_loading.py).
        window = sorted(listed, key=lambda s: s.interview_date == "", reverse=True)
        for limit in (0, 1, 3, 7, 20):
            first, total = session.testimonies.first_screen(limit)
            assert total == 7
            assert [(s.interview_date, s.updated_at) for s in first] == [
                (s.interview_date, s.updated_at) for s in window[:limit]
            ]
            assert all(s in listed for s in first)
    finally:
        session.lock()


@pytest.mark.slow  # seals and amends in a real vault (about 1 s)
def test_list_summaries_match_each_record_in_every_status(
    session: VaultSession, kit: ModuleType
) -> None:
    """``list()`` reads every summary in one pass, its status worked out by SQLite, and makes
    the summaries without a Python call per field (issue 19): each must be exactly what
    ``summary()`` and ``info()`` say of the same record, whatever its status (handed over:
    tests/unit/services/test_handover.py)."""
    service, records = session.testimonies, session._vault.records
    ids: dict[Status, str] = {}
    for status in (Status.SEALED, Status.EXPORTED, Status.ACKNOWLEDGED, Status.AMENDED):
        ids[status] = service.create(kit.sample_testimony(status.value))
        service.seal(ids[status], backup=False)
    records.set_flags(ids[Status.EXPORTED], exported=True, action="exported",
                      payload_sha256="ab" * 32)
    records.set_flags(ids[Status.ACKNOWLEDGED], exported=True, acknowledged=True,
                      action="acknowledged", payload_sha256="cd" * 32)
    amended = ids[Status.AMENDED]
    service.begin_amendment(amended, "Şahid tarixi düzəltdi")
    during = next(s for s in service.list() if s.id == amended)
    assert (during.status, during.version) == (Status.DRAFT, 2)
    service.seal(amended, backup=False)
    draft = model.Testimony(
        title="Без методов",
        interview=model.Interview(place="Гянджа, подвал"),
        witness=model.Witness(pseudonym="Ş.Ə."),
        acts=[model.Act(methods=["", "falanga", ""])],  # an empty code is not listed
    )
    ids[Status.DRAFT] = service.create(draft)

    listed = {s.id: s for s in service.list()}
    assert len(listed) == 5
    for status, rid in ids.items():
        got = listed[rid]
        assert type(got) is model.TestimonySummary
        assert got.status is status is service.info(rid).status
        assert got == service.summary(rid)
        assert type(got.fictional) is bool
        assert type(got.version) is int
    assert listed[amended].version == 2
    assert listed[ids[Status.DRAFT]].methods == ("falanga",)
    assert (listed[ids[Status.DRAFT]].title, listed[ids[Status.DRAFT]].place) == (
        "Без методов", "Гянджа, подвал")
    sealed = listed[ids[Status.SEALED]]
    assert sealed.methods
    assert all(sealed.methods)
    assert sealed.place == kit.sample_testimony().interview.place
    assert sealed.witness_label == kit.sample_testimony().witness.display_name()
