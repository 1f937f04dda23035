"""Given names that are also ordinary words, so that redaction does not rewrite the testimony.

Many Azerbaijani given names are words: a witness named Azad says "azad olundum" ("I was
released"), Aydın "hər şey aydın idi" ("everything was clear"), Həyat "həyat yoldaşım" ("my
spouse"). Replacing those words changes what the witness said, and the odd gap ("W-7
olundum") points at the name it replaced. The redactor therefore treats a name part listed
here (or a word of the text whose root is listed here) as a name only where it is used as one:
beside another part of the name, or capitalised in the middle of a sentence. Elsewhere the hit
is *doubtful*: kept, and listed for the interviewer to decide.

The list also holds ordinary words that a name's transliteration reaches (``Emin`` is also
spelt ``Əmin``, and ``əmin`` means "sure"). Words are stored folded (lower case, dotless ``ı``
kept, ``İ`` as ``i``); compare with :func:`fold`.
"""

from __future__ import annotations

_AZERBAIJANI = """
    ağa almaz anar arif arzu aslan ay aydın aylin aynur azad azər bahar bənövşə bəxtiyar bəy
    bulud cahan cavid cəsarət cəmilə dəniz dilşad dövlət dünya elmi əmin əziz ədalət fərəh
    fikrət firuzə gözəl gül gülnar gülüş günay günəş hikmət hümmət hünər həyat ilham iman
    inci iqbal iradə ismət izzət kamal kəramət kərim laçın lalə ləyaqət mehriban məhəbbət
    məlahət mələk mərd mərhəmət mətanət mirvari mübariz murad nazlı nemət nərgiz nəcabət
    nəzakət nicat nur qartal qeyrət qələbə qəhrəman qismət qorxmaz qüdrət rahim rəhim sabir
    sadiq salam saleh səadət səbr sədaqət səxavət sevda sevinc şəfa şəfqət şərəf şirin şölə
    şükür sona tale tərlan təranə ulduz ülkər ümid ümman vəfa vətən vüqar vüsal xan xəyal
    yasəmən yaşar zəfər zümrüd əmir ülvi aqil alim fəxri elçin ədil dilarə nigar
"""
_RUSSIAN = """
    вера надежда любовь роза лилия слава лев мир виктория мила рада лада злата майя
    азад анар эмин ульдуз гюль лала
"""
_ENGLISH = """
    hope faith grace joy rose lily will bill mark frank may june april august dawn summer
    amber ruby pearl iris violet daisy holly ivy jasmine sky rain river sunny patience
    mercy victor earnest rich chase hunter art jack sue pat don guy ray dean drew gene glen
    miles wade cliff rocky lane reed rob nick star angel sonny honey hero king prince
    anarchy
"""


def fold(word: str) -> str:
    """The form words are compared in: lower case, ``İ`` → ``i``, ``I`` → ``ı`` only in
    Azerbaijani words is not guessed (both ``i`` forms are tried by :func:`is_common_word`)."""
    return word.replace("İ", "i").casefold().replace("i̇", "i")


COMMON_WORDS: frozenset[str] = frozenset(
    fold(w) for block in (_AZERBAIJANI, _RUSSIAN, _ENGLISH) for w in block.split()
)


def is_common_word(word: str) -> bool:
    """True when ``word`` (a name part, or the root of a word in the text) is also an
    ordinary word in Azerbaijani, Russian or English."""
    folded = fold(word)
    if folded in COMMON_WORDS:
        return True
    # "AYDIN" folds to "aydin" in Python; the Azerbaijani word has a dotless ı.
    return folded.replace("i", "ı") in COMMON_WORDS or folded.replace("ı", "i") in COMMON_WORDS
