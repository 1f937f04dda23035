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

#: Bump whenever the corpus a seed gives changes: on-disk caches are keyed by it.
VERSION = 2

# Names are written once in Azerbaijani Latin and transliterated into Russian Cyrillic and
# English the way each script's writers commonly do (ə → а / a, x → х / kh, q → г / g,
# c → дж / j), so that one person appears in three scripts, as in real testimony.
_FIRST_AZ = [
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
    "Samir",
    "Elnur",
    "Kamran",
    "Vüsal",
    "Anar",
    "Əli",
    "Vəli",
    "Rauf",
    "Ramil",
    "Elçin",
    "Emin",
    "Fuad",
    "İlqar",
    "Xəyal",
    "Zaur",
    "Mahir",
    "Namiq",
    "Pərviz",
    "Ruslan",
    "Rövşən",
    "Sənan",
    "Şahin",
    "Teymur",
    "Tofiq",
    "Vaqif",
    "Yaşar",
    "Zakir",
    "Ceyhun",
    "Bəxtiyar",
    "Qəmbər",
    "Mübariz",
    "Nəsimi",
    "Oqtay",
    "Rasim",
    "Sərxan",
    "Tərlan",
    "Üzeyir",
    "Vidadi",
    "Xaqani",
    "Yusif",
    "Ağa",
    "Elşən",
    "İsmayıl",
    "Kənan",
]
_LAST_AZ = [
    "Məmmədov",
    "Həsənov",
    "Əliyev",
    "Quliyev",
    "Hüseynov",
    "Cəfərov",
    "Şükürov",
    "Rüstəmov",
    "Abbasov",
    "Babayev",
    "Bağırov",
    "Cavadov",
    "Dadaşov",
    "Əhmədov",
    "Fərzəliyev",
    "Qasımov",
    "Hacıyev",
    "İbrahimov",
    "İsmayılov",
    "Kərimov",
    "Mehdiyev",
    "Musayev",
    "Nəbiyev",
    "Orucov",
    "Paşayev",
    "Qafarov",
    "Rəhimov",
    "Səfərov",
    "Tağıyev",
    "Vəliyev",
    "Xəlilov",
    "Yusifov",
    "Zeynalov",
    "Allahverdiyev",
    "Bayramov",
    "Cəlilov",
    "Eyvazov",
    "Fətəliyev",
    "Heydərov",
    "Kazımov",
    "Lətifov",
    "Mirzəyev",
    "Novruzov",
    "Osmanov",
    "Pənahov",
    "Qənbərov",
    "Rzayev",
    "Sadıqov",
    "Talıbov",
    "Umudov",
    "Vahabov",
    "Xudiyev",
    "Yaqubov",
    "Zülfüqarov",
    "Əsgərov",
    "Ələkbərov",
    "Nağıyev",
    "Şirinov",
    "Təhməzov",
    "Salahov",
]
# Place names: a first part and a root, as many villages and towns are named.
_PLACE_HEAD_AZ = [
    "Qara",
    "Ağ",
    "Yeni",
    "Köhnə",
    "Aşağı",
    "Yuxarı",
    "Böyük",
    "Kiçik",
    "Qızıl",
    "Göy",
    "Dəmir",
    "Daş",
    "Qum",
    "Quzey",
    "Güney",
    "Orta",
    "Sarı",
    "Uzun",
    "Dərin",
    "Bəy",
]
_PLACE_ROOT_AZ = [
    "kənd",
    "bulaq",
    "dərə",
    "təpə",
    "yurd",
    "çay",
    "bağ",
    "qala",
    "oba",
    "düz",
    "yol",
    "bazar",
    "körpü",
    "meşə",
    "dağ",
    "göl",
    "qaya",
    "çəmən",
    "tala",
    "arx",
    "quyu",
    "bənd",
    "ocaq",
    "qışlaq",
    "sahil",
]
# The district towns of the old corpus stay: queries and reports name them.
_TOWNS = (
    ("Tərtər", "Тертер", "Tartar"),
    ("Bərdə", "Барда", "Barda"),
    ("Gəncə", "Гянджа", "Ganja"),
    ("Bakı", "Баку", "Baku"),
    ("Ağdam", "Агдам", "Aghdam"),
    ("Goranboy", "Горанбой", "Goranboy"),
)
_RU_DIGRAPHS = (("ya", "я"), ("yu", "ю"), ("ye", "е"), ("yo", "ё"))
_RU = str.maketrans(
    {
        "a": "а",
        "b": "б",
        "c": "дж",
        "ç": "ч",
        "d": "д",
        "e": "е",
        "ə": "а",
        "f": "ф",
        "g": "г",
        "ğ": "г",
        "h": "г",
        "x": "х",
        "ı": "ы",
        "i": "и",
        "j": "ж",
        "k": "к",
        "q": "г",
        "l": "л",
        "m": "м",
        "n": "н",
        "o": "о",
        "ö": "ё",
        "p": "п",
        "r": "р",
        "s": "с",
        "ş": "ш",
        "t": "т",
        "u": "у",
        "ü": "ю",
        "v": "в",
        "y": "й",
        "z": "з",
    }
)
_EN = str.maketrans(
    {
        "ç": "ch",
        "c": "j",
        "ə": "a",
        "ğ": "gh",
        "x": "kh",
        "ı": "i",
        "ö": "o",
        "q": "g",
        "ş": "sh",
        "ü": "u",
    }
)


def _script(word: str, lang: str) -> str:
    """``word`` (Azerbaijani Latin) as an ``lang`` testimony would write it."""
    if lang == "az":
        return word
    lower = word.replace("İ", "i").lower()
    if lang == "ru":
        for latin, cyrillic in _RU_DIGRAPHS:
            lower = lower.replace(latin, cyrillic)
        out = lower.translate(_RU)
    else:
        out = lower.translate(_EN)
    return out[:1].upper() + out[1:]


FIRST = {lang: [_script(n, lang) for n in _FIRST_AZ] for lang in ("az", "ru", "en")}
LAST = {lang: [_script(n, lang) for n in _LAST_AZ] for lang in ("az", "ru", "en")}
_PLACE_AZ = [t[0] for t in _TOWNS] + [
    f"{head}{root}" for head in _PLACE_HEAD_AZ for root in _PLACE_ROOT_AZ
]
PLACES = {
    "az": _PLACE_AZ,
    "ru": [t[1] for t in _TOWNS] + [_script(p, "ru") for p in _PLACE_AZ[len(_TOWNS) :]],
    "en": [t[2] for t in _TOWNS] + [_script(p, "en") for p in _PLACE_AZ[len(_TOWNS) :]],
}
#: Distinct officers: every first name with every surname, one person in three scripts.
OFFICERS = len(_FIRST_AZ) * len(_LAST_AZ)
RANKS = ("captain", "major", "lieutenant", "senior lieutenant", "colonel", "sergeant")
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


def officer(index: int, lang: str) -> Perpetrator:
    """Officer ``index`` (0 ≤ index < :data:`OFFICERS`) as a ``lang`` testimony names him:
    his rank and unit stay his own in every testimony that names him."""
    first = FIRST[lang][index % len(_FIRST_AZ)]
    last = LAST[lang][index // len(_FIRST_AZ)]
    return Perpetrator(
        name=f"{first} {last}", rank=RANKS[index % len(RANKS)], unit=f"N{100 + index % 900}"
    )


def _officer_index(rng: random.Random) -> int:
    """Skewed, as testimony is: a few officers are named by thousands of witnesses, most by
    a handful (index 0 by about one act in twenty-five); every one of them appears."""
    return min(OFFICERS - 1, int(OFFICERS * rng.random() ** 2.5))


def testimony(seed: int, index: int) -> Testimony:
    """The ``index``-th testimony of the corpus for ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    lang = LANGS[index % 3]
    name = f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"
    place = rng.choice(PLACES[lang])
    year = rng.choice([2017, 2017, 2017, 2018])
    acts = [
        Act(
            date=f"{year}-{rng.randint(2, 6):02d}-{rng.randint(1, 28):02d}",
            place=f"{rng.choice((place, rng.choice(PLACES[lang])))}, N{rng.randint(100, 999)}",
            methods=rng.sample(METHODS, rng.randint(1, 4)),
            description=rng.choice(SENTENCES[lang]),
            perpetrators=[officer(_officer_index(rng), lang)],
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
