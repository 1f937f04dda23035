"""A synthetic, deterministic corpus of realistic testimonies for benchmarks.

Narratives of 3–8 KB in Azerbaijani, Russian and English are assembled from sentence pieces
typical of detention testimony, with invented names, places and units, so that search and
layout costs resemble the real thing. Same seed, same corpus, byte for byte.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from testimony_app.domain.model import (
    Act,
    Consent,
    DetentionEpisode,
    Interview,
    Narrative,
    Perpetrator,
    Testimony,
    Witness,
)

FIRST = {
    "az": [
        "Elvin",
        "Rəşad",
        "Tural",
        "Ülvi",
        "Səbuhi",
        "Nicat",
        "Fərid",
        "Cavid",
        "Orxan",
        "İlkin",
    ],
    "ru": ["Алексей", "Руслан", "Тимур", "Игорь", "Эльдар", "Денис", "Артём", "Олег", "Фуад"],
    "en": ["Samir", "Javid", "Orkhan", "Rashad", "Tural", "Elnur", "Kamran", "Vusal", "Anar"],
}
LAST = {
    "az": [
        "Məmmədov",
        "Həsənov",
        "Əliyev",
        "Quliyev",
        "Hüseynov",
        "Cəfərov",
        "Şükürov",
        "Rüstəmov",
    ],
    "ru": ["Мамедов", "Гасанов", "Алиев", "Кулиев", "Гусейнов", "Джафаров", "Рустамов"],
    "en": ["Mammadov", "Hasanov", "Aliyev", "Guliyev", "Huseynov", "Jafarov", "Rustamov"],
}
PLACES = {
    "az": ["Tərtər", "Bərdə", "Gəncə", "Bakı", "Ağdam", "Goranboy"],
    "ru": ["Тертер", "Барда", "Гянджа", "Баку", "Агдам", "Горанбой"],
    "en": ["Tartar", "Barda", "Ganja", "Baku", "Aghdam", "Goranboy"],
}
SENTENCES = {
    "az": [
        "Məni gecə saat ikidə evdən apardılar və heç bir sənəd göstərmədilər.",
        "Hərbi hissənin zirzəmisində gözlərimi bağladılar.",
        "Dəyənəklə ayaqlarımın altına vurdular, sonra elektrik cərəyanı verdilər.",
        "Vətənə xəyanət etdiyimi etiraf etməyimi tələb edirdilər.",
        "Vəkil istədim, dedilər ki, burada vəkil yoxdur.",
        "Üç gün mənə su və çörək vermədilər.",
        "Kameranın yanında başqa məhbusların qışqırıqlarını eşidirdim.",
        "Oxumadığım kağızları imzalamağa məcbur etdilər.",
        "Ailəmə mənim harada olduğumu demədilər.",
        "İndi də gecələr yata bilmirəm, başım ağrıyır.",
    ],
    "ru": [
        "Меня забрали из дома в два часа ночи и не показали никаких документов.",
        "В подвале воинской части мне завязали глаза.",
        "Били дубинками по ступням, потом пытали электрическим током.",
        "Требовали, чтобы я признался в государственной измене.",
        "Я просил адвоката, мне сказали, что здесь адвокатов нет.",
        "Три дня мне не давали ни воды, ни хлеба.",
        "Из соседней камеры я слышал крики других задержанных.",
        "Меня заставили подписать бумаги, которые я не читал.",
        "Моей семье не сказали, где я нахожусь.",
        "До сих пор я не могу спать по ночам, у меня болит голова.",
    ],
    "en": [
        "They took me from my home at two in the morning and showed no warrant.",
        "In the basement of the military unit they blindfolded me.",
        "They beat the soles of my feet with truncheons, then used electric shocks.",
        "They demanded that I confess to treason.",
        "I asked for a lawyer and was told there were no lawyers here.",
        "For three days they gave me neither water nor bread.",
        "From the next cell I could hear other detainees screaming.",
        "They forced me to sign papers I had not read.",
        "My family was not told where I was.",
        "Even now I cannot sleep at night and my head aches.",
    ],
}
METHODS = [
    "beating",
    "beating_truncheon",
    "falanga",
    "electric_shock",
    "asphyxiation_dry",
    "stress_positions",
    "threat_of_rape",
    "sleep_deprivation",
    "food_deprivation",
    "death_threats",
    "mock_execution",
    "blindfolding",
    "prolonged_isolation",
]
LANGS = ("az", "ru", "en")


def _narrative(rng: random.Random, lang: str, name: str) -> str:
    target = rng.randint(3000, 8000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        sentences = [rng.choice(SENTENCES[lang]) for _ in range(rng.randint(3, 7))]
        if rng.random() < 0.3:
            sentences.insert(0, name + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def testimony(seed: int, index: int) -> Testimony:
    """The ``index``-th testimony of the corpus for ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    lang = LANGS[index % 3]
    name = f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"
    place = rng.choice(PLACES[lang])
    year = rng.choice([2017, 2017, 2017, 2018])
    officer = f"{rng.choice(LAST[lang])}"
    acts = [
        Act(
            date=f"{year}-{rng.randint(2, 6):02d}-{rng.randint(1, 28):02d}",
            place=f"{place}, N{rng.randint(100, 999)}",
            methods=rng.sample(METHODS, rng.randint(1, 4)),
            description=rng.choice(SENTENCES[lang]),
            perpetrators=[
                Perpetrator(name=officer, rank="captain", unit=f"N{rng.randint(100, 999)}")
            ],
        )
        for _ in range(rng.randint(1, 5))
    ]
    return Testimony(
        title=f"[FICTIONAL] Benchmark {index}",
        fictional=True,
        interview=Interview(
            date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            place=place,
            interviewer="Benchmark Interviewer",
            language=lang,
        ),
        consent=Consent(
            legal_proceedings=True,
            name_may_appear=rng.random() < 0.5,
            informed_of_purpose=True,
            no_coercion_confirmed=True,
        ),
        witness=Witness(name=name, pseudonym=f"W-{index:05d}"),
        narrative=Narrative(text=_narrative(rng, lang, name)),
        detentions=[
            DetentionEpisode(
                start_date=f"{year}-02-{rng.randint(1, 28):02d}",
                place=place,
                authority="Military unit",
            )
            for _ in range(rng.randint(1, 3))
        ],
        acts=acts,
    )


def corpus(seed: int, count: int) -> Iterator[Testimony]:
    """``count`` testimonies, deterministic for ``seed``."""
    for index in range(count):
        yield testimony(seed, index)


def queries(seed: int, count: int) -> list[str]:
    """A mix of name, place, method-word and two-word queries in the three languages."""
    rng = random.Random(seed)
    pool: list[str] = []
    for lang in LANGS:
        pool += LAST[lang] + PLACES[lang]
        for sentence in SENTENCES[lang]:
            words = [w.strip(".,") for w in sentence.split() if len(w) > 4]
            pool += words
    picks = []
    for _ in range(count):
        if rng.random() < 0.25:
            picks.append(f"{rng.choice(pool)} {rng.choice(pool)}")
        elif rng.random() < 0.2:
            picks.append(rng.choice(pool)[:5])
        else:
            picks.append(rng.choice(pool))
    return picks
