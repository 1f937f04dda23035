"""Adversarial records for the redaction tests: 14 fictional people × 3 languages = 42 records.

Every person, phone number, document number and event here is invented. Each record writes
its witness and one person marked sensitive in the forms the statements review found leaking
(reviews-2026-12/pdf.md D3): initials with and without dots, a given name beside a surname
initial, an initial beside a surname, the name in another script and in Arabic script, the
phone number written another way than in the contact field, the date of birth in words, the
identifier with spaces, a file name, the title and the reason for an amendment. Beside them it
writes ordinary words that must survive (D4): given names that are also words, used as words,
another perpetrator's name, other dates and numbers.

:func:`corpus` returns the records with, for each, the strings the redacted PDF must not
contain (``forbidden``) and those it must still contain (``survive``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from testimony_app.domain.model import (
    Act,
    AttachmentInfo,
    Consent,
    Interview,
    Narrative,
    Perpetrator,
    Testimony,
    Witness,
)


@dataclass(frozen=True)
class Person:
    """One fictional person in four spellings."""

    az: tuple[str, str]            # given name, surname (Azerbaijani Latin)
    ru: tuple[str, str]            # as a Russian text writes them
    en: tuple[str, str]            # as an English translation writes them
    ar: str                        # the full name in Arabic script
    az_case: str                   # the surname with an Azerbaijani case ending
    ru_case: str                   # the surname in a Russian oblique case
    patronymic: str = ""


@dataclass(frozen=True)
class Profile:
    witness: Person
    sensitive: Person
    phone: tuple[str, str]         # as the contact field writes it; as the account writes it
    dob: str                       # ISO
    dob_words: dict[str, str]      # how each language writes it in words
    identifier: tuple[str, str]    # as the identifier field writes it; as the account writes it
    word_uses: tuple[str, ...] = ()  # the given name used as an ordinary word (must survive)


@dataclass
class Case:
    """One adversarial record and what its redacted statement must (not) contain."""

    name: str
    language: str
    testimony: Testimony
    amendment_reason: str
    forbidden: list[str] = field(default_factory=list)
    survive: list[str] = field(default_factory=list)


def _p(az: str, ru: str, en: str, ar: str, az_case: str, ru_case: str,
       patronymic: str = "") -> Person:
    return Person(tuple(az.split()), tuple(ru.split()), tuple(en.split()),  # type: ignore[arg-type]
                  ar, az_case, ru_case, patronymic)


# -- the people ----------------------------------------------------------------------------------

PEOPLE = [
    Profile(_p("Orxan Səfərli", "Орхан Сафарли", "Orkhan Safarli", "اورخان صفرلی",
               "Səfərlinin", "Сафарли", "Vüqar"),
            _p("Samir Bəşirov", "Самир Баширов", "Samir Bashirov", "سمیر بشیروف",
               "Bəşirova", "Баширова"),
            ("+994 50 123 45 67", "050-123-45-67"), "1996-02-11",
            {"az": "11 fevral 1996-cı ildə", "ru": "11 февраля 1996 года",
             "en": "11 February 1996"},
            ("AZE 10293847", "AZE10293847")),
    Profile(_p("Azad Məmmədov", "Азад Мамедов", "Azad Mammadov", "آزاد ممدوف",
               "Məmmədovun", "Мамедовым"),
            _p("Rəşad Quliyev", "Рашад Кулиев", "Rashad Guliyev", "رشاد قلیف",
               "Quliyevə", "Кулиеву"),
            ("0554443322", "+994 (55) 444-33-22"), "1988-07-03",
            {"az": "3 iyul 1988-ci il", "ru": "3-го июля 1988 г.", "en": "July 3rd, 1988"},
            ("FİN 7KD2M9Q", "7KD-2M9Q"),
            ("azad olundum", "azadlığa")),
    Profile(_p("Aydın Quliyev", "Айдын Кулиев", "Aydin Guliyev", "آیدین قلیف",
               "Quliyevin", "Кулиева"),
            _p("Lalə Həsənova", "Лала Гасанова", "Lala Hasanova", "لاله حسنوا",
               "Həsənovaya", "Гасановой"),
            ("+994 70 222 11 00", "070 222 11 00"), "1979-12-30",
            {"az": "30 dekabr 1979", "ru": "30 декабря 1979 г.", "en": "30th of December 1979"},
            ("C 04918273", "C04918273"),
            ("aydın idi",)),
    Profile(_p("Həyat Əliyeva", "Хаят Алиева", "Hayat Aliyeva", "حیات علیوا",
               "Əliyevanın", "Алиевой"),
            _p("Elşən Nəbiyev", "Эльшан Набиев", "Elshan Nabiyev", "الشن نبیف",
               "Nəbiyevi", "Набиевым"),
            ("+994 51 765 00 12", "(051) 765-00-12"), "1992-05-09",
            {"az": "9 may 1992-ci ildə", "ru": "9 мая 1992 года", "en": "May 9, 1992"},
            ("AA 5566778", "AA5566778"),
            ("həyat yoldaşım",)),
    Profile(_p("Ümid Həsənli", "Умид Гасанлы", "Umid Hasanli", "امید حسنلی",
               "Həsənliyə", "Гасанлы"),
            _p("Ceyhun Babayev", "Джейхун Бабаев", "Jeyhun Babayev", "جیحون بابایف",
               "Babayevin", "Бабаеве"),
            ("+994 77 310 20 40", "0773102040"), "1985-10-21",
            {"az": "21 oktyabr 1985", "ru": "21 октября 1985 г.", "en": "October 21st, 1985"},
            ("P 3300221", "P3300221"),
            ("ümidim qalmadı",)),
    Profile(_p("Anar Rzayev", "Анар Рзаев", "Anar Rzayev", "انار رضایف",
               "Rzayevə", "Рзаевым"),
            _p("Vüsal Kərimov", "Вусал Керимов", "Vusal Karimov", "وصال کریموف",
               "Kərimovun", "Керимова"),
            ("+994 50 909 08 07", "50 909 08 07"), "1990-01-15",
            {"az": "15 yanvar 1990-cı il", "ru": "15 января 1990 года",
             "en": "15 Jan. 1990"},
            ("AZE 55512345", "AZE55512345"),
            ("anarchy",)),
    Profile(_p("Kamran Hüseynbəyli", "Камран Гусейнбейли", "Kamran Huseynbeyli",
               "کامران حسین‌بیلی", "Hüseynbəylinin", "Гусейнбейли", "İlqar"),
            _p("Zaur Məlikov", "Заур Меликов", "Zaur Malikov", "زاور ملیکوف",
               "Məlikova", "Меликову"),
            ("+994 12 498 76 54", "012 498 76 54"), "1976-08-28",
            {"az": "28 avqust 1976", "ru": "28 августа 1976 г.", "en": "August 28, 1976"},
            ("AZE 98765432", "AZE-9876-5432")),
    Profile(_p("Zərifə Bəşirova", "Зарифа Баширова", "Zarifa Bashirova", "ظریفه بشیروا",
               "Bəşirovanın", "Башировой"),
            _p("Səbinə Hacıyeva", "Сабина Гаджиева", "Sabina Hajiyeva", "سبینه حاجیوا",
               "Hacıyevaya", "Гаджиевой"),
            ("+994 55 100 20 30", "055 100 20 30"), "1964-03-05",
            {"az": "5 mart 1964-cü ildə", "ru": "5 марта 1964 г.", "en": "5 March 1964"},
            ("AZE 11122233", "AZE11122233")),
    Profile(_p("Elvin Cəfərov", "Эльвин Джафаров", "Elvin Jafarov", "الوین جعفروف",
               "Cəfərovu", "Джафаровым"),
            _p("Tural Abbasov", "Турал Аббасов", "Tural Abbasov", "تورال عباسوف",
               "Abbasovun", "Аббасову"),
            ("+994 50 777 66 55", "0507776655"), "1997-11-02",
            {"az": "2 noyabr 1997", "ru": "2 ноября 1997 года", "en": "November 2nd, 1997"},
            ("AZE 44455566", "AZE 4445 5566")),
    Profile(_p("Nigar Şirinova", "Нигяр Ширинова", "Nigar Shirinova", "نگار شیرینوا",
               "Şirinovanın", "Шириновой"),
            _p("Rauf Şirinov", "Рауф Ширинов", "Rauf Shirinov", "رئوف شیرینوف",
               "Şirinovun", "Шириновым"),
            ("+994 70 333 44 55", "070-333-44-55"), "1979-04-02",
            {"az": "2 aprel 1979-cu il", "ru": "2 апреля 1979 г.", "en": "2 April 1979"},
            ("AZE 30303030", "AZE30303030")),
    Profile(_p("Tural Abbasov", "Турал Аббасов", "Tural Abbasov", "تورال عباسوف",
               "Abbasovun", "Аббасова"),
            _p("Fərid Mehdiyev", "Фарид Мехтиев", "Farid Mehdiyev", "فرید مهدیف",
               "Mehdiyevə", "Мехтиевым"),
            ("+994 55 212 12 12", "(055) 212-12-12"), "1994-06-17",
            {"az": "17 iyun 1994-cü ildə", "ru": "17 июня 1994 года", "en": "17 June 1994"},
            ("AZE 17171717", "AZE17171717")),
    Profile(_p("Leyla Rəhimova", "Лейла Рагимова", "Leyla Rahimova", "لیلا رحیموا",
               "Rəhimovaya", "Рагимовой"),
            _p("Kənan Əsgərov", "Канан Аскеров", "Kanan Asgarov", "کنعان عسگروف",
               "Əsgərovun", "Аскеровым"),
            ("+994 50 404 40 40", "0504044040"), "1983-09-19",
            {"az": "19 sentyabr 1983", "ru": "19 сентября 1983 г.",
             "en": "September 19, 1983"},
            ("AZE 19191919", "AZE 1919 1919")),
    Profile(_p("Rüfət Nəsibov", "Руфат Насибов", "Rufat Nasibov", "رفعت نسیبوف",
               "Nəsibovu", "Насибову"),
            _p("Günel Qasımova", "Гюнель Касумова", "Gunel Gasimova", "گونل قاسیموا",
               "Qasımovanın", "Касумовой"),
            ("+994 51 606 06 06", "051 606 06 06"), "1999-01-31",
            {"az": "31 yanvar 1999-cu ildə", "ru": "31 января 1999 года",
             "en": "January 31st, 1999"},
            ("AZE 31311999", "AZE31311999")),
    Profile(_p("Emin Talıbzadə", "Эмин Талыбзаде", "Emin Talibzade", "امین طالب‌زاده",
               "Talıbzadənin", "Талыбзаде"),
            _p("Ramil Hüseynov", "Рамиль Гусейнов", "Ramil Huseynov", "رامیل حسینوف",
               "Hüseynovu", "Гусейновым"),
            ("+994 55 818 18 18", "0558181818"), "1990-10-10",
            {"az": "10 oktyabr 1990", "ru": "10 октября 1990 г.", "en": "10 October 1990"},
            ("AZE 10101990", "AZE10101990"),
            ("əminəm",)),
]

# Ordinary text every record carries, which must survive redaction.
SURVIVE = {
    "az": ["Kapitan Cavadov bizi döydü", "12 oktyabr 2017", "Tərtər", "055 765 43 21",
           "hərbi hissənin zirzəmisinə"],
    "ru": ["Капитан Джавадов избивал нас", "12 октября 2017", "Тертер", "055 765 43 21",
           "в подвал воинской части"],
    "en": ["Captain Javadov beat us", "12 October 2017", "Tartar", "055 765 43 21",
           "basement of the military unit"],
}


def _initials(person: Person, script: str) -> str:
    given, surname = getattr(person, script)
    return f"{given[0]}. {surname[0]}."


def _texts(p: Profile, lang: str) -> tuple[str, list[str], list[str]]:
    """The account in ``lang`` and the strings it wrote for the protected people."""
    w, s = p.witness, p.sensitive
    g, sn = getattr(w, lang if lang != "ar" else "az")
    sg, ss = getattr(s, lang)
    init = _initials(w, lang)
    compact = init.replace(" ", "")
    phone, dob, ident = p.phone[1], p.dob_words[lang], p.identifier[1]
    ar = w.ar
    if lang == "az":
        text = (f"{g} {sn} {dob} anadan olub. Protokolda «{init}», bəzən «{compact}» "
                f"yazılıb. Onu {g} {sn[0]}. deyə çağırırdılar; {g[0]}. {w.az_case} ilə "
                f"danışdılar.\n\nTelefonu {phone} idi. Şəxsiyyət vəsiqəsi {ident}.\n\n"
                f"{sg} {ss[0]}. də orada idi; {s.az_case} sonra buraxdılar. İran sənədində "
                f"adı «{ar}» kimi yazılıb.\n\nKapitan Cavadov bizi döydü. 12 oktyabr 2017-ci "
                f"ildə Tərtər şəhərində hərbi hissənin zirzəmisinə apardılar. Növbətçinin "
                f"telefonu 055 765 43 21 idi.")
        written = [f"{g} {sn}", init, compact, f"{g} {sn[0]}.", f"{g[0]}. {w.az_case}",
                   w.az_case, phone, ident, dob, f"{sg} {ss[0]}.", s.az_case]
    elif lang == "ru":
        text = (f"{g} {sn} родился {dob}. В протоколе записано «{init}», иногда «{compact}». "
                f"Его звали {g} {sn[0]}.; с {g[0]}. {w.ru_case} говорили долго.\n\nТелефон "
                f"{phone}, паспорт {ident}.\n\n{sg} {ss[0]}. тоже был там; {s.ru_case} потом "
                f"отпустили. В иранском документе имя записано как «{ar}».\n\nКапитан "
                f"Джавадов избивал нас. 12 октября 2017 года в Тертере нас отвели в подвал "
                f"воинской части. Телефон дежурного 055 765 43 21.")
        written = [f"{g} {sn}", init, compact, f"{g} {sn[0]}.", f"{g[0]}. {w.ru_case}",
                   w.ru_case, phone, ident, dob, f"{sg} {ss[0]}.", s.ru_case]
    else:
        text = (f"{g} {sn} was born on {dob}. The record says “{init}”, sometimes “{compact}”. "
                f"They called him {g} {sn[0]}.; {g[0]}. {sn}'s cell was next to mine.\n\n"
                f"His phone was {phone}; passport {ident}.\n\n{sg} {ss[0]}. was there too; "
                f"{ss} was released later. An Iranian document writes the name as “{ar}”."
                f"\n\nCaptain Javadov beat us. On 12 October 2017 in Tartar they took us to "
                f"the basement of the military unit. The guard's phone was 055 765 43 21.")
        written = [f"{g} {sn}", init, compact, f"{g} {sn[0]}.", f"{g[0]}. {sn}", sn, phone,
                   ident, dob, f"{sg} {ss[0]}.", ss]
    uses = [u for u in p.word_uses if _fits(u, lang)]
    if uses:
        text += "\n\n" + _word_sentence(uses, lang)
    return text, [*written, w.ar.split()[0], w.ar.split()[1]], uses


_ENGLISH_USES = frozenset({"anarchy"})


def _fits(use: str, lang: str) -> bool:
    return (lang == "en") == (use in _ENGLISH_USES)


def _word_sentence(uses: list[str], lang: str) -> str:
    if lang == "en":
        return "There was " + " and ".join(uses) + " in the unit."
    return "Sonra dedilər ki, " + ", ".join(uses) + "."


def corpus() -> list[Case]:
    """The 42 records, each with what its redacted statement must and must not contain."""
    cases: list[Case] = []
    for n, p in enumerate(PEOPLE, 1):
        w, s = p.witness, p.sensitive
        full = " ".join(w.az)
        if w.patronymic:
            full = f"{w.az[0]} {w.patronymic} oğlu {w.az[1]}"
        for lang in ("az", "ru", "en"):
            text, written, uses = _texts(p, lang)
            if lang in ("ru", "en") and p.word_uses:
                # The Azerbaijani word uses in an Azerbaijani translation.
                az_uses = [u for u in p.word_uses if _fits(u, "az")]
                translation = _word_sentence(az_uses, "az") if az_uses else ""
                uses += az_uses
            else:
                translation = ""
            g, sn = w.en
            reason = (f"Corrected the spelling of {g} {sn[0]}.'s name and the number "
                      f"{p.phone[1]}; {_initials(w, 'en')} asked for it.")
            t = Testimony(
                title=f"{w.az[0]} {w.az[1][0]}. — Tərtər, 2017",
                fictional=True,
                interview=Interview(date="2024-03-14", place="Bakı", language=lang,
                                    interviewer="Gülnarə Əliyeva",
                                    interviewer_organisation="Demo Hüquq Mərkəzi",
                                    persons_present=[f"{full} (şahid)", "Gülnarə Əliyeva"]),
                consent=Consent(legal_proceedings=True, name_may_appear=False,
                                informed_of_purpose=True, no_coercion_confirmed=True),
                witness=Witness(name=full, pseudonym=f"W-{n:02d}", date_of_birth=p.dob,
                                contact=f"Telefon: {p.phone[0]}",
                                identifiers=f"Şəxsiyyət vəsiqəsi {p.identifier[0]}"),
                narrative=Narrative(text=text, translation=translation,
                                    translation_language="az" if translation else ""),
                acts=[Act(date="2017-10-12", place="Tərtər", methods=["beating"],
                          description=f"{w.az[0]} {w.az[1][0]}. döyüldü.",
                          perpetrators=[Perpetrator(name="Cavadov", rank="kapitan")])],
                attachments=[AttachmentInfo(
                    id=f"att-{n}", filename=f"{w.en[0]}_{w.en[1]}_musahibe_2024-03-14.m4a",
                    media_type="audio/mp4", size=1000, sha256="ab" * 32,
                    added_at="2024-03-14T12:00:00", kind="audio",
                    description=f"{w.az[0]} {w.az[1]} ilə müsahibə")],
                sensitive_names=[" ".join(s.az)],
            )
            forbidden = [full, *written, f"{w.en[0]}_{w.en[1]}", f"{w.az[0]} {w.az[1][0]}."]
            forbidden += [p.phone[0], p.identifier[0]]
            survive = [*SURVIVE[lang], *uses]
            cases.append(Case(f"{n:02d}-{lang}-{w.en[0]}", lang, t, reason, forbidden, survive))
    return cases
