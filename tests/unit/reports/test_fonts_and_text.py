"""Glyph coverage (ReportLab drops a glyph its font lacks without a word), labels, and
right-to-left text."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Iterator
from typing import Any

import pytest

from testimony_app.reports import fonts as rfonts
from testimony_app.reports import missing_glyphs
from testimony_app.reports.text import RTLParagraph, is_rtl, markup, visual
from testimony_app.words import LANGUAGES
from testkit.pdf_checks import all_labels
from testkit.pdf_checks import built as build_statement  # every statement built here is guarded
from testkit.reports_samples import (
    AZ_ALPHABET,
    AZ_PARAGRAPHS,
    EN_PARAGRAPHS,
    FA_TEXT,
    HY_TEXT,
    RU_TEXT,
    full_testimony,
    page_texts,
    request_for,
)

RESOURCES = importlib.resources.files("testimony_app.resources")


def _strings(value: Any) -> Iterator[str]:
    """Every string anywhere in a JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _json_strings(folder: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    base = RESOURCES / folder
    if not base.is_dir():
        return out
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            doc = json.loads(entry.read_text(encoding="utf-8"))
            out += [(f"{folder}/{entry.name}", s) for s in _strings(doc)]
    return out


@pytest.mark.slow
def test_every_vocabulary_and_demo_string_can_be_drawn() -> None:
    strings = _json_strings("vocabularies") + _json_strings("demo")
    assert strings, "no vocabulary or demo JSON found"
    problems = {(where, s): missing_glyphs(s) for where, s in strings if missing_glyphs(s)}
    assert problems == {}


@pytest.mark.slow
def test_every_label_and_sample_text_can_be_drawn() -> None:
    texts = [t for table in all_labels().values() for t in table.values()]
    texts += [*AZ_PARAGRAPHS, *EN_PARAGRAPHS, RU_TEXT, HY_TEXT, FA_TEXT, AZ_ALPHABET,
              "ՀԱՅԵՐԵՆ Երևան", "ქართული ენა ₾", "Ё ё Ъ ъ № « » „ “ — – … ’ ‘ • · ✓ ₼ € ‰",
              "پژوهش گزارش چهار ژاله یکی ک ی ۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ ، ؛ ؟ الله لا"]
    assert {t: missing_glyphs(t) for t in texts if missing_glyphs(t)} == {}


def test_missing_glyphs_reads_the_real_cmaps() -> None:
    assert missing_glyphs("漢字 and 𓀀") == {"漢", "字", "𓀀"}
    assert missing_glyphs("Məhərrəmov Магеррамов Մահառամով محرم‌اف") == set()
    assert missing_glyphs("line\nbreak\u200c") == set()


@pytest.mark.slow
def test_a_character_no_font_has_is_shown_as_a_replacement_mark() -> None:
    t = full_testimony()
    t.effects.physical = "Şahidin qeydi: 漢"
    text = " ".join(page_texts(build_statement(t, request_for(t))))
    assert "Şahidin qeydi: \ufffd" in text


def test_fonts_are_shipped_with_their_licences_and_stay_small() -> None:
    folder = RESOURCES / "fonts"
    names = {e.name for e in folder.iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
            "NotoNaskhArabic-Regular.ttf", "NotoSans-Regular.ttf", "LICENSE-DejaVu.txt",
            "LICENSE-OFL-Noto.txt"} <= names
    assert "SIL OPEN FONT LICENSE" in (folder / "LICENSE-OFL-Noto.txt").read_text().upper()
    assert "Bitstream" in (folder / "LICENSE-DejaVu.txt").read_text()
    total = sum(len((folder / n).read_bytes()) for n in names if n.endswith(".ttf"))
    assert total < 5 * 1024 * 1024


def test_label_tables_have_the_same_keys_and_placeholders() -> None:
    tables = all_labels()
    assert set(tables) == set(LANGUAGES)
    keys = set(tables["en"])
    for lang, table in tables.items():
        assert set(table) == keys, lang
        for key, text in table.items():
            assert text.strip(), (lang, key)
            assert _fields(text) == _fields(tables["en"][key]), (lang, key)


def _fields(text: str) -> set[str]:
    import string

    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_direction_detection() -> None:
    assert is_rtl(FA_TEXT)
    assert is_rtl("  «" + FA_TEXT)
    assert not is_rtl(AZ_PARAGRAPHS[0])
    assert not is_rtl("2020 " + RU_TEXT)


def test_visual_order_reshapes_and_drops_joiners() -> None:
    shown = visual("محرم‌اف ۱۳۹۹")
    assert "\u200c" not in shown
    assert "۱۳۹۹" in shown  # digits keep their order inside right-to-left text
    assert all(not ("\u0621" <= c <= "\u064a") for c in visual("نعمت"))  # presentation forms


def test_rtl_paragraph_wraps_in_logical_order_and_splits() -> None:
    from reportlab.lib.styles import ParagraphStyle

    rfonts.register()
    style = ParagraphStyle("x", fontName=rfonts.SANS, fontSize=10, leading=14)
    words = [f"کلمه{i}" for i in range(60)]
    para = RTLParagraph(" ".join(words), style)
    _, height = para.wrap(200, 1000)
    lines = para._lines
    assert len(lines) > 3
    assert " ".join(lines).split() == words  # nothing lost, order kept
    head, tail = para.split(200, height / 2)
    assert isinstance(head, RTLParagraph)
    assert isinstance(tail, RTLParagraph)
    # What the page will do next: wrap each piece. The head must stay within the space it
    # was cut for (it once re-wrapped the whole paragraph and ran off the page).
    _, head_height = head.wrap(200, height / 2)
    _, tail_height = tail.wrap(200, 1000)
    assert head_height <= height / 2
    assert head_height + tail_height == height
    assert head._lines + tail._lines == lines
    # A piece splits again the same way.
    first, rest = tail.split(200, tail_height / 2)
    first.wrap(200, 1000)
    rest.wrap(200, 1000)
    assert head._lines + first._lines + rest._lines == lines


def test_rtl_paragraph_split_never_returns_itself() -> None:
    """A table cell's split needs two pieces or none ([self] crashed _splitCell)."""
    from reportlab.lib.styles import ParagraphStyle

    rfonts.register()
    style = ParagraphStyle("x", fontName=rfonts.SANS, fontSize=10, leading=14)
    para = RTLParagraph(" ".join(f"کلمه{i}" for i in range(30)), style)
    _, height = para.wrap(200, 1000)
    assert para.split(200, 3) == []
    pieces = para.split(200, height + 50)
    assert len(pieces) == 2
    one_line = RTLParagraph("کلمه", style)
    one_line.wrap(200, 1000)
    assert one_line.split(200, 1000) == []


def test_rtl_paragraph_in_a_padded_cell_keeps_the_lines_it_was_wrapped_to() -> None:
    """A table cuts a cell with the column's full width but draws it inside its padding: a
    piece cut at the wider width grew when drawn and ran over the footer."""
    from reportlab.lib.styles import ParagraphStyle

    rfonts.register()
    style = ParagraphStyle("x", fontName=rfonts.SANS, fontSize=10, leading=14)
    para = RTLParagraph(" ".join(f"کلمه{i}" for i in range(80)), style)
    _, height = para.wrap(190, 1000)        # the cell's content width
    head, _tail = para.split(200, height / 2)  # the column's width
    _, head_height = head.wrap(190, 1000)
    assert head_height <= height / 2


@pytest.mark.parametrize(("logical", "shown"), [
    # Brackets and guillemets inside right-to-left text are drawn mirrored (UAX #9 L4).
    ("زدند (فلکه)", "(هکلف) دندز"),
    ("«مرا»", "«ارم»"),
    ("[الف]", "[فلا]"),
    # Brackets inside an embedded left-to-right run keep their shape.
    ("گفت (ABC) و", "و (ABC) تفگ"),
    # Numbers keep their order.
    ("سال ۱۳۹۹ بود", "دوب ۱۳۹۹ لاس"),
    ("پرونده 2017/417 است", "تسا 2017/417 هدنورپ"),
])
def test_display_order_mirrors_and_reorders(logical: str, shown: str) -> None:
    from testimony_app.reports.text import display_order

    assert display_order(logical, 1) == shown


def test_display_order_agrees_with_python_bidi_apart_from_mirroring() -> None:
    """The reordering is python-bidi's own (its levels); only rule L4 is added."""
    from bidi import get_display
    from bidi.mirror import MIRRORED

    from testimony_app.reports.text import display_order

    samples = [FA_TEXT, "محمد عبد الله، بغداد 2017 (شارع ٣) «نص» [x] ABC def 12.5%",
               "نام: Nemət Məhərrəmov، تاریخ ۱۴۰۱/۰۲/۰۳؛ پرونده #45-B."]
    for text in samples:
        ours = display_order(text, 1)
        theirs = str(get_display(text, base_dir="R"))
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs, strict=True):
            assert a == b or MIRRORED.get(b) == a, (text, ours, theirs)


def test_levels_fall_back_to_the_pure_python_algorithm(monkeypatch: pytest.MonkeyPatch) -> None:
    from testimony_app.reports import text as text_module

    expected = text_module.display_order("زدند (فلکه) و «این» 123", 1)
    monkeypatch.setattr(text_module, "_levels_fast", lambda _t, _b: None)
    assert text_module.display_order("زدند (فلکه) و «این» 123", 1) == expected


def test_short_rtl_phrase_inside_ltr_text_is_kept_together_and_shaped() -> None:
    out = markup("The witness wrote «نعمت محرم‌اف» on the wall.")
    assert rfonts.ARABIC in out
    assert "\u00a0" in out  # the phrase does not break across lines (it would reverse)
    assert "\u200c" not in out
    assert "The witness wrote" in out


@pytest.mark.slow
@pytest.mark.parametrize("text", [FA_TEXT, "Nemət محرم‌اف Məhərrəmov"])
def test_statement_with_arabic_script_builds(text: str) -> None:
    t = full_testimony()
    t.effects.psychological = text
    assert build_statement(t, request_for(t)).startswith(b"%PDF")


def test_font_runs_are_the_same_whether_or_not_the_letters_were_seen_before() -> None:
    """``font_runs`` remembers which letters the base font draws; that must not change a run."""
    from testimony_app.reports import fonts as fonts_module

    texts = [
        "Məhərrəmov Nemət İsmayıl oğlu, Tərtər",
        "Гасанов Эльчин — капитан, «Q-903»",
        "Հովհաննես Սարգսյան, Երևան",
        "محمد عبد الله، بغداد 2017",
        "Mixed: Həsənov / Гасанов / Հասանով / حسنوف \u200b\u2060 end",
        "Plain English only.",
    ]
    fresh = []
    for text in texts:
        fonts_module._plain.clear()
        fresh.append(list(fonts_module.font_runs(text)))
    for text, expected in zip(texts * 2, fresh * 2, strict=True):
        assert list(fonts_module.font_runs(text)) == expected, text
    assert fonts_module._plain  # the fast path has letters to use
