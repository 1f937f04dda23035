"""Fictional testimonies for the statement tests, in real Azerbaijani, Russian, Armenian and
Persian, so that glyph, extraction and redaction checks meet the scripts the app must print.

Every person, unit and event here is invented.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata

import pypdf

from testimony_app.domain import interchange
from testimony_app.domain.model import (
    Act,
    AttachmentInfo,
    BodyMark,
    Consent,
    DetentionEpisode,
    Effects,
    Interview,
    Narrative,
    Perpetrator,
    Testimony,
    Witness,
)
from testimony_app.reports import StatementRequest

AZ_PARAGRAPHS = [
    "2020-ci il oktyabrın 12-də məni hərbi hissədən çağırıb dedilər ki, komandir "
    "görüşmək istəyir. Maşına mindirib gözlərimi bağladılar.",
    "Bizi Tərtərdəki hərbi hissənin zirzəmisinə apardılar. Orada artıq Elvin Məhərrəmov və "
    "başqa əsgərlər var idi. Məhərrəmovun üzü qan içində idi.",
    "Məni üç gün yatmağa qoymadılar. Dəyənəklə ayaqlarımın altına vururdular və "
    "“Vətən xaini olduğunu boynuna al” deyirdilər.",
    "Sonra mənə hazır yazılmış ifadəni imzalatdılar. Oxumağa icazə vermədilər, vəkil yox idi.",
    "Hərbi prokurorluğun müstəntiqi mayor Rəşad Quliyev deyirdi ki, ailəmə də zərər "
    "verəcəklər. Şahid olaraq Nemət Məhərrəmovun adını çəkdilər.",
]

EN_PARAGRAPHS = [
    "On 12 October 2020 I was summoned from the military unit and told that the commander "
    "wanted to see me. They put me in a car and blindfolded me.",
    "We were taken to the basement of the military unit in Tartar. Elvin Maharramov and other "
    "soldiers were already there. Maharramov's face was covered in blood.",
    "For three days they did not let me sleep. They beat the soles of my feet with a baton "
    "and said: “Admit that you are a traitor to the homeland.”",
    "Then they made me sign a statement that had already been written. They did not let me "
    "read it; there was no lawyer.",
    "The investigator of the military prosecutor's office, Major Rashad Guliyev, said they "
    "would harm my family too. They mentioned Nemat Maharramov as a witness.",
]

RU_TEXT = (
    "Меня задержали 12 октября 2020 года. Следователь сказал, что Магеррамова уже допросили, "
    "и требовал подписать признание в государственной измене."
)
AZ_ALPHABET = "Əlifba: Ə ə Ğ ğ I ı İ i Ö ö Ş ş Ç ç Ü ü; Çəmənli, ÇƏMƏNLİ, Ağdərə"
HY_TEXT = "Ականատեսը պատմեց, որ 2020 թվականի հոկտեմբերին նրան ծեծել են։"
FA_TEXT = "نعمت محرم‌اف در سال ۱۳۹۹ بازداشت شد و گفت: «مرا شکنجه کردند.»"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def full_testimony() -> Testimony:
    """A testimony with every field filled in, an interpreter and a translation."""
    return Testimony(
        id="T-2026-0042",
        title="Tərtər işi: hərbi hissənin zirzəmisi",
        fictional=True,
        interview=Interview(
            date="2026-03-14",
            start_time="10:05",
            end_time="12:50",
            place="Bakı, Nəsimi rayonu, hüquq bürosu",
            setting="Ayrıca otaq, qapı bağlı; yalnız müsahibəçi və tərcüməçi",
            interviewer="Leyla Hüseynova",
            interviewer_organisation="Tərtər Hüquq Müdafiə Mərkəzi",
            interpreter="Анна Петросян",
            language="az",
            translation_language="en",
            persons_present=["Leyla Hüseynova (müsahibəçi)", "Анна Петросян (переводчик)"],
            restrictions="Şahid iki saatdan artıq danışa bilmədi; fasilə verildi.",
            recording="Səs yazısı və əl ilə qeydlər",
        ),
        consent=Consent(
            legal_proceedings=True,
            organisations=["Tərtər Hüquq Müdafiə Mərkəzi", "Council of Europe CPT"],
            publication=False,
            name_may_appear=None,
            audio_recording=True,
            follow_up_contact=True,
            refusals="Dərc olunmasına razı deyil: ailəsinə təhlükə.",
            no_coercion_confirmed=True,
            informed_of_purpose=True,
            recorded_at="2026-03-14T10:10",
        ),
        witness=Witness(
            name="Nemət Məhərrəmov",
            pseudonym="Şahid A",
            date_of_birth="1994-06-02",
            gender="kişi",
            nationality="Azərbaycan",
            identifiers="Şəxsiyyət vəsiqəsi AZE12345678; FİN 5XK7L2P",
            contact="+994 50 123 45 67, nemet.m@example.az",
            role="victim",
            status_now="released",
            occupation="hərbçi",
            military_rank="baş leytenant",
            military_unit="N saylı hərbi hissə",
            relation_to_victim="qardaşı",
            victim_name="Elvin Məhərrəmov",
        ),
        narrative=Narrative(
            text="\n\n".join(AZ_PARAGRAPHS),
            translation="\n\n".join(EN_PARAGRAPHS),
            translation_language="en",
        ),
        detentions=[
            DetentionEpisode(
                start_date="2020-10-12",
                start_precision="day",
                end_date="2020-11",
                end_precision="month",
                place="Tərtər, hərbi hissənin zirzəmisi",
                place_description="Pəncərəsiz, nəm zirzəmi; 3×4 metr",
                authority="Hərbi prokurorluq",
                detention_type="held_in_military_unit",
                arrest_circumstances="Komandirin yanına çağırıldı, gözləri bağlandı",
                transfers="Noyabrda Bakıya, istintaq təcridxanasına aparıldı",
                outside_contact=["family_not_informed", "location_concealed"],
                legal_counsel=["lawyer_requested_refused", "lawyer_after_signing"],
                statements_signed=["confession_under_torture", "signed_without_reading"],
                how_signed="Gecə, döyüldükdən sonra, oxumadan",
                medical_attention=["requested_refused"],
                conditions="Yemək gündə bir dəfə; soyuq",
                court="Bakı Hərbi Məhkəməsi",
                case_number="1(101)-77/2021",
                notes=RU_TEXT,
            )
        ],
        acts=[
            Act(
                date="2020-10-13",
                date_precision="approximate",
                place="Tərtər, zirzəmi",
                episode=0,
                methods=["beating", "falanga"],
                methods_other="yuxusuz saxlama",
                description="Üç gün ərzində hər gecə döyüldü.",
                duration="3 gün",
                frequency="hər gecə",
                perpetrators=[
                    Perpetrator(
                        name="Rəşad Quliyev",
                        rank="mayor",
                        position="müstəntiq",
                        unit="Hərbi prokurorluq",
                        description="hündürboy, bığlı",
                        involvement="gave_orders",
                    ),
                    Perpetrator(name="", rank="əsgər", description="maskalı",
                                involvement="carried_out"),
                ],
                demands="Vətənə xəyanəti etiraf etmək və başqalarının adını vermək",
                witnesses_present="Elvin Məhərrəmov",
                injuries="Ayaqlarda şişkinlik, qabırğada ağrı",
            ),
            Act(
                date="2020-10-20",
                place="Tərtər",
                methods=["threats_against_family"],
                description=HY_TEXT,
                injuries=AZ_ALPHABET,
            ),
        ],
        effects=Effects(
            physical="Yeriyəndə ayaqlarda ağrı; yuxusuzluq",
            psychological="Qorxu, kabuslar",
            medical_treatment="2021-ci ildə xəstəxanada müalicə",
            body_marks=[
                BodyMark(side="front", x=0.61, y=0.96, note="Sol ayağın altı: şişkinlik"),
                BodyMark(side="back", x=0.62, y=0.30, note="Qabırğa: ağrı"),
                BodyMark(side="front", x=0.5, y=0.08, note="Baş: zərbə"),
            ],
        ),
        attachments=[
            AttachmentInfo(
                id="att-2", filename="tibbi-arayis.pdf", media_type="application/pdf",
                size=245_760, sha256=_sha(b"medical"), added_at="2026-03-15T09:00:00",
                description="Xəstəxananın arayışı", kind="medical_report",
            ),
            AttachmentInfo(
                id="att-1", filename="musahibe.ogg", media_type="audio/ogg",
                size=18_874_368, sha256=_sha(b"audio"), added_at="2026-03-14T12:55:00",
                description="Müsahibənin səs yazısı", kind="audio",
            ),
            AttachmentInfo(
                id="att-3", filename="hokm.pdf", media_type="application/pdf",
                size=512, sha256=_sha(b"verdict"), added_at="2026-03-16T11:00:00",
                description="Məhkəmə hökmü", kind="court_decision",
            ),
        ],
        sensitive_names=["Rəşad Quliyev", "Анна Петросян"],
        interviewer_notes="internal",
    )


def persian_testimony() -> Testimony:
    """A testimony given in Persian, with an English translation."""
    t = full_testimony()
    t.interview.language = "fa"
    t.narrative = Narrative(
        text=FA_TEXT + "\n\n" + "من را به زیرزمین بردند. " * 12,
        translation="Nemat Maharramov was detained in 2020 and said: “They tortured me.”"
        "\n\nThey took me to the basement.",
        translation_language="en",
    )
    return t


def long_testimony(paragraphs: int = 300, acts: int = 40) -> Testimony:
    """A long record: many paragraphs, many acts, some cells far longer than a page."""
    t = full_testimony()
    giant = " ".join(["Uzun izahat, hər cümlə bir az fərqli, nömrə " + str(i) + "."
                      for i in range(700)])
    text = [f"{i}. {AZ_PARAGRAPHS[i % len(AZ_PARAGRAPHS)]}" for i in range(paragraphs)]
    text[150] = giant
    trans = [f"{i}. {EN_PARAGRAPHS[i % len(EN_PARAGRAPHS)]}" for i in range(paragraphs)]
    t.narrative = Narrative(text="\n\n".join(text), translation="\n\n".join(trans),
                            translation_language="en")
    base = t.acts[0]
    t.acts = []
    for i in range(acts):
        a = Act(**{**base.__dict__})
        a.description = (giant if i == 7 else base.description + f" ({i})")
        t.acts.append(a)
    t.effects.physical = giant
    return t


def request_for(t: Testimony, **overrides: object) -> StatementRequest:
    """A sealed request for ``t`` with the real content hash."""
    values: dict[str, object] = {
        "record_id": t.id,
        "version": 2,
        "content_sha256": hashlib.sha256(interchange.canonical_bytes(t)).hexdigest(),
        "sealed": True,
        "sealed_at": "2026-03-16T12:00:00+04:00",
        "language": "en",
        "redacted": False,
        "amendment_reason": "",
    }
    values.update(overrides)
    return StatementRequest(**values)  # type: ignore[arg-type]


def norm(text: str) -> str:
    """NFKC and single spaces: how extracted text is compared."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def page_texts(pdf: bytes) -> list[str]:
    """The normalised text of each page, read back with pypdf."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [norm(page.extract_text()) for page in reader.pages]


# Right-to-left narratives: sentences in Persian and Arabic with what trips a layout engine
# (digits, a Latin case number, brackets, quotation marks, a joiner), every person and event
# invented.
_SENTENCES = {
    "fa": [
        "در تاریخ ۱۲ مهر ۱۳۹۹ مرا از خانه بردند و به ساختمانی در حومهٔ شهر منتقل کردند.",
        "پروندهٔ شمارهٔ 2017/417 را نشان دادند و گفتند باید امضا کنم.",
        "بازجو فریاد زد: «اعتراف کن!» و با کابل به کف پاهایم زدند (فلکه).",
        "سه شب نگذاشتند بخوابم؛ در سلولی بی‌پنجره، دو متر در سه متر، نگه‌داشته شدم.",
        "نام افسر را نمی‌دانم، اما درجهٔ سروان داشت و سبیل پرپشتی داشت.",
        "پس از آزادی، پزشک در بیمارستان گفت که دو دنده‌ام شکسته است.",
    ],
    "ar": [
        "في ١٢ تشرين الأول ٢٠٢٠ أخذوني من البيت إلى مبنى في ضواحي المدينة.",
        "أروني الملف رقم 2017/417 وقالوا إن عليّ أن أوقّع.",
        "صرخ المحقق: «اعترف!» وضربوا باطن قدميّ بالكابل (الفلقة).",
        "لم يدعوني أنام ثلاث ليالٍ؛ احتُجزتُ في زنزانة بلا نافذة، مترين في ثلاثة أمتار.",
        "لا أعرف اسم الضابط، لكنه كان برتبة نقيب وله شارب كثيف.",
        "بعد الإفراج عني قال الطبيب في المستشفى إن ضلعين من أضلاعي مكسوران.",
    ],
}
_TRANSLATIONS = [
    "On 12 October 2020 they took me from home to a building on the edge of the city.",
    "They showed me case file 2017/417 and said I had to sign.",
    "The interrogator shouted: “Confess!” and they beat the soles of my feet with a cable "
    "(falanga).",
    "For three nights they did not let me sleep; I was held in a windowless cell, two metres "
    "by three.",
    "I do not know the officer's name, but he was a captain and had a thick moustache.",
    "After my release a doctor at the hospital said that two of my ribs were broken.",
]


def rtl_paragraph(script: str, i: int) -> str:
    """Paragraph ``i`` (from 0): from one sentence to more than a page of them."""
    pool = _SENTENCES[script]
    count = 1 + (i * 7) % 11 if i % 17 != 16 else 90  # now and then longer than a page
    return " ".join(pool[(i + k) % len(pool)] for k in range(count))


def rtl_testimony(script: str = "fa", paragraphs: int = 12, translated: bool = False,
                  witness_language: str | None = None) -> Testimony:
    """A testimony whose narrative is in Persian (``fa``) or Arabic (``ar``)."""
    t = full_testimony()
    t.interview.language = witness_language or script
    text = [rtl_paragraph(script, i) for i in range(paragraphs)]
    translation = []
    if translated:
        for i in range(paragraphs):
            count = len(text[i].split(".")) - 1 or 1
            translation.append(" ".join(_TRANSLATIONS[(i + k) % len(_TRANSLATIONS)]
                                        for k in range(count)))
    t.narrative = Narrative(text="\n\n".join(text), translation="\n\n".join(translation),
                            translation_language="en" if translated else "")
    return t
