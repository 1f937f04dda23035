"""Matching scored against mentions whose true grouping is known, in three scripts.

Every pair of mentions is compared; a pair scoring at least ``matching.STRONG`` counts as
"same person". Precision matters more than recall: a wrong link puts a name beside an act.
The hard negatives are real Azerbaijani surname pairs that differ by a letter or two.
"""

from __future__ import annotations

import itertools

from testimony_app.domain import matching
from testimony_app.domain.matching import Mention

# (group, name, rank, unit, date)
FIXTURE: list[tuple[str, str, str, str, str]] = [
    ("hasanov", "Elçin Həsənov", "kapitan", "Q-903 saylı hərbi hissə", "2017-05-18"),
    ("hasanov", "Гасанов Эльчин", "капитан", "часть Q-903", "2017-05-21"),
    ("hasanov", "Elchin Hasanov", "Capt.", "Unit Q-903", "2017-05"),
    ("hasanov", "Gasanov", "captain", "", "2017-05-26"),
    ("huseynov", "Elçin Hüseynov", "mayor", "", "2017-06-02"),
    ("huseynov", "Гусейнов Эльчин", "майор", "", ""),
    ("huseynov", "Elchin Huseynov", "", "", ""),
    ("mammadov", "Rauf Məmmədov", "", "", ""),
    ("mammadov", "Рауф Мамедов", "", "", ""),
    ("mammadov", "Rauf Mammadov", "", "", ""),
    ("mammadov", "Rauf Mamedov", "", "", ""),
    ("mahammadov", "Rauf Məhəmmədov", "", "", ""),
    ("mahammadov", "Рауф Магамедов", "", "", ""),
    ("mahammadov", "Rauf Mahammadov", "", "", ""),
    ("aliyev", "Vüqar Əliyev", "mayor", "", "2017-05"),
    ("aliyev", "Вугар Алиев", "майор", "", ""),
    ("aliyev", "Vugar Aliyev", "Major", "", ""),
    ("aliyev", "Vugar Aliev", "", "", ""),
    ("guliyev", "Nicat Quliyev", "", "", ""),
    ("guliyev", "Ниджат Гулиев", "", "", ""),
    ("guliyev", "Nijat Guliyev", "", "", ""),
    ("jafarov", "Ramil Cəfərov", "leytenant", "", ""),
    ("jafarov", "Рамиль Джафаров", "ст. лейтенант", "", ""),
    ("jafarov", "Ramil Jafarov", "Lt.", "", ""),
    ("khalilov", "Şahin Xəlilov", "serjant", "", ""),
    ("khalilov", "Шахин Халилов", "сержант", "", ""),
    ("khalilov", "Shahin Khalilov", "Sgt.", "", ""),
    ("jalilov", "Şahin Cəlilov", "", "", ""),
    ("jalilov", "Shahin Jalilov", "", "", ""),
    ("abbasov", "Tural Abbasov", "", "", ""),
    ("abbasov", "Турал Аббасов", "", "", ""),
    ("abasov", "Кирилл Абасов", "", "", ""),
    ("abasov", "Kirill Abasov", "", "", ""),
    ("safarli", "Orxan Səfərli", "", "", ""),
    ("safarli", "Орхан Сафарли", "", "", ""),
    ("safarli", "Orkhan Safarli", "", "", ""),
    ("talibzade", "Emin Talıbzadə", "", "", ""),
    ("talibzade", "Эмин Талыбзаде", "", "", ""),
    ("talibzade", "Emin Talibzade", "", "", ""),
]


def _mentions() -> list[tuple[str, Mention]]:
    return [
        (group, Mention(f"m{i}", "person", name, rank=rank, unit=unit,
                        dates=(date,) if date else ()))
        for i, (group, name, rank, unit, date) in enumerate(FIXTURE)
    ]


def precision_recall(threshold: float) -> tuple[float, float, int, int, int]:
    """Pairwise precision and recall at ``threshold``, with TP, FP and FN counts."""
    tp = fp = fn = 0
    for (ga, a), (gb, b) in itertools.combinations(_mentions(), 2):
        same = matching.score(a, matching.candidate_from(b, "e")).score >= threshold
        if same and ga == gb:
            tp += 1
        elif same:
            fp += 1
        elif ga == gb:
            fn += 1
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def test_fixture_size() -> None:
    assert len(FIXTURE) >= 30
    assert len({g for g, *_ in FIXTURE}) >= 10


def test_precision_and_recall_at_the_strong_threshold() -> None:
    precision, recall, tp, fp, fn = precision_recall(matching.STRONG)
    print(f"precision={precision:.3f} recall={recall:.3f} tp={tp} fp={fp} fn={fn}")
    assert precision >= 0.98
    assert recall >= 0.85


def test_hard_negatives_stay_below_the_strong_threshold_even_in_the_same_unit() -> None:
    pairs = [
        ("Elçin Həsənov", "Elçin Hüseynov"),
        ("Rauf Məmmədov", "Rauf Məhəmmədov"),
        ("Shahin Khalilov", "Shahin Jalilov"),
        ("Tural Abbasov", "Kirill Abasov"),
        ("Гасанов", "Гусейнов"),
    ]
    for a, b in pairs:
        assert matching.name_similarity(a, b) < matching.STRONG, (a, b)
        left = Mention("m", "person", a, rank="kapitan", unit="Q-903", dates=("2017-05-20",))
        right = matching.Candidate("e", "person", b, rank="капитан", unit="часть Q-903",
                                   dates=("2017-05-21",))
        assert matching.score(left, right).score < matching.STRONG, (a, b)


def test_precision_figures_across_thresholds() -> None:
    """Precision never falls as the threshold rises; recall never rises."""
    figures = [precision_recall(t)[:2] for t in (0.6, 0.7, 0.8, 0.9)]
    precisions = [p for p, _ in figures]
    recalls = [r for _, r in figures]
    assert precisions == sorted(precisions)
    assert recalls == sorted(recalls, reverse=True)


def test_suggest_ranks_the_true_entry_first() -> None:
    entries = [
        matching.Candidate("e-hasanov", "person", "Elçin Həsənov", rank="kapitan",
                           unit="Q-903 saylı hərbi hissə"),
        matching.Candidate("e-huseynov", "person", "Elçin Hüseynov", rank="mayor"),
        matching.Candidate("e-place", "place", "Q-903 hərbi hissəsi, Tərtər"),
    ]
    mention = Mention("acts[0].perpetrators[0]", "person", "Гасанов", rank="капитан",
                      unit="воинская часть Q-903")
    found = matching.suggest(mention, entries)
    assert [s.entry_id for s in found] == ["e-hasanov"]
    assert "same rank" in found[0].reasons
    assert "same unit" in found[0].reasons
