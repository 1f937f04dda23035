"""Full-text search that finds Azerbaijani and Russian words however they were typed."""

from __future__ import annotations

from types import ModuleType

import pytest

from testimony_app.domain import folding, model
from testimony_app.services.vault import VaultSession


def _t(title: str, narrative: str, name: str = "") -> model.Testimony:
    t = model.Testimony(title=title)
    t.narrative.text = narrative
    t.witness.name = name
    return t


@pytest.fixture
def corpus(session: VaultSession) -> dict[str, str]:
    add = session.testimonies.create
    return {
        "mehər": add(_t("Bir", "Müstəntiq onu döydü.", name="Nemət Məhərrəmov")),
        "qirmizi": add(_t("İki", "Qırmızı divarlı otaqda saxladılar; işgəncə verdilər.")),
        "yolka": add(_t("Три", "Во дворе стояла ёлка, а следователь кричал.")),
        "other": add(_t("Dörd", "Heç nə olmadı, sadəcə sorğu-sual etdilər.")),
    }


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("Məhərrəmov", "mehər"),
        ("MƏHƏRRƏMOV", "mehər"),
        ("meherremov", "mehər"),
        ("maharramov", "mehər"),
        ("Məhərrəm", "mehər"),  # prefix
        ("MAHARRAM", "mehər"),
        ("qırmızı", "qirmizi"),
        ("QIRMIZI", "qirmizi"),
        ("qirmizi", "qirmizi"),
        ("QİRMİZİ", "qirmizi"),
        ("isgence", "qirmizi"),
        ("İŞGƏNCƏ", "qirmizi"),
        ("ёлка", "yolka"),
        ("ЁЛКА", "yolka"),
        ("елка", "yolka"),
        ("ЕЛКА", "yolka"),
        ("СЛЕДОВАТЕЛЬ", "yolka"),
    ],
)
@pytest.mark.slow
def test_folded_queries_find_the_word(
    session: VaultSession, corpus: dict[str, str], query: str, key: str
) -> None:
    hits = session.testimonies.search(query)
    assert [h.testimony_id for h in hits] == [corpus[key]], query


@pytest.mark.slow
def test_no_false_positive_and_empty_query(session: VaultSession, corpus: dict[str, str]) -> None:
    assert session.testimonies.search("Quliyev") == []
    assert session.testimonies.search("   ") == []
    assert session.testimonies.search('"*) OR (') == []  # FTS syntax is never passed through


@pytest.mark.slow
def test_every_query_term_must_match(session: VaultSession, corpus: dict[str, str]) -> None:
    hits = session.testimonies.search("qırmızı ёлка")
    assert hits == []
    hits = session.testimonies.search("qırmızı isgence")
    assert [h.testimony_id for h in hits] == [corpus["qirmizi"]]


@pytest.mark.slow
def test_snippet_marks_the_matched_word(session: VaultSession, corpus: dict[str, str]) -> None:
    (hit,) = session.testimonies.search("meherremov")
    assert "«Məhərrəmov»" in hit.snippet
    (hit,) = session.testimonies.search("ЕЛКА")
    assert "«ёлка»" in hit.snippet
    (hit,) = session.testimonies.search("isgence")
    assert "«işgəncə»" in hit.snippet


@pytest.mark.slow
def test_ranking_puts_the_more_relevant_first(session: VaultSession) -> None:
    filler = " ".join(["Sonra onu başqa otağa apardılar və uzun müddət gözlətdilər."] * 30)
    weak = session.testimonies.create(_t("Zəif", filler + " Məhərrəmov orada idi."))
    strong = session.testimonies.create(
        _t("Güclü", "Məhərrəmov vurdu. Məhərrəmov söydü. Məhərrəmov hədələdi.")
    )
    hits = session.testimonies.search("maharramov")
    assert [h.testimony_id for h in hits] == [strong, weak]
    assert hits[0].score > hits[1].score


@pytest.mark.slow
def test_index_follows_edits(session: VaultSession, kit: ModuleType) -> None:
    t = _t("Dəyişən", "Əvvəlcə Bakıda idi.")
    rid = session.testimonies.create(t)
    assert session.testimonies.search("bakida")
    t.narrative.text = "İndi Gəncədədir."
    session.testimonies.save_draft(rid, t)
    assert session.testimonies.search("bakida") == []
    assert [h.testimony_id for h in session.testimonies.search("gencede")] == [rid]


@pytest.mark.slow
def test_search_covers_every_field(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    for query in ("Щёкин", "щекин", "Петросян", "Պետրոսյան", "gulnare", "AZE", "tortured",
                  "casuslugu", "yuxusuzluq", "2017/ТТ"):
        hits = session.testimonies.search(query)
        if query == "Петросян":  # Armenian name is written in Armenian script only
            assert hits == []
            continue
        assert [h.testimony_id for h in hits] == [rid], query


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Məhərrəmov", "meherremov"),
        ("İSMAYILLI", "ismayilli"),
        ("ığşçöü", "igscou"),
        ("IĞDIR", "igdir"),
        ("Ёлка", "елка"),
        ("ЩЁЛОЧЬ", "щелочь"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert folding.fold(text) == folded


def test_index_text_adds_schwa_as_a_variant() -> None:
    indexed = folding.index_text("Nemət Məhərrəmov")
    assert "nemet meherremov" in indexed
    assert "maharramov" in indexed.split()
    assert "nemat" in indexed.split()  # only ə changes: e stays e


@pytest.mark.slow
def test_search_uses_the_same_statements_whatever_the_number_of_hits(
    session: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A statement text per hit count filled SQLite's statement cache; with memory security
    on, each eviction wiped and unlocked every allocation and searches slowed fourfold."""
    from testimony_app.storage.database import Database

    for i in range(12):
        word = "Tərtər" if i % 3 else "Tərtər Bərdə"
        session.testimonies.create(_t(f"Qeyd {i}", f"{word} hərbi hissəsi, otaq {i}."))
    seen: list[str] = []
    original = Database.query

    def query(self: Database, sql: str, params: object = ()) -> list[object]:
        seen.append(sql)
        return original(self, sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(Database, "query", query)
    shapes = []
    for text, limit in (("bərdə", 200), ("tərtər", 200), ("tərtər", 5), ("otaq 7", 200)):
        seen.clear()
        hits = session.testimonies.search(text, limit=limit)
        assert hits
        shapes.append((len(hits), tuple(seen)))
    assert len({count for count, _ in shapes}) >= 3  # different numbers of hits ...
    assert len({sql for _, sql in shapes}) == 1  # ... through the very same statements
