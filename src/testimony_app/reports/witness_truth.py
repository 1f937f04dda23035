"""The witness's statement of truth in languages the statement is not printed in.

The statement's own wording, in English, Azerbaijani and Russian, is in the reports gettext
catalogue (``resources/locale/<lang>/LC_MESSAGES/reports.po``, codes ``pdf.*``). A witness may
speak another language; so that they sign a text they can read, the declaration is also
printed in the language they spoke when this module has it. These are data about other
languages, not the program's interface, so they stay here rather than in a catalogue that
would need every one of the program's languages.
"""

from __future__ import annotations

#: The witness's statement of truth in languages the statement is not printed in, so that a
#: witness who spoke one of them signs a text they can read: language code → (the
#: language's own name, text with {name}, {pages}, {language}). Other languages get a line
#: saying the declaration was translated orally (``truth_oral``). These texts follow the
#: English one; have a native-speaking lawyer check a text before relying on it in court.
WITNESS_TRUTH: dict[str, tuple[str, str]] = {
    "fa": ("فارسی", (
        "اینجانب، {name}، اعلام می‌کنم که واقعیت‌های بیان‌شده در این اظهارنامه که {pages} صفحه "
        "است، درست است. این اظهارات را آزادانه و با کلمات خودم بیان کرده‌ام. متن آن به زبان "
        "{language}، که آن را می‌فهمم، برایم خوانده شد و فرصت داشتم آن را اصلاح کنم. می‌دانم که "
        "ممکن است در رسیدگی‌های حقوقی که به آن رضایت داده‌ام از آن استفاده شود و ممکن است از من "
        "خواسته شود درباره آن شهادت دهم."
    )),
    "ar": ("العربية", (
        "أنا، {name}، أُقرّ بأن الوقائع الواردة في هذه الإفادة، وعدد صفحاتها {pages}، صحيحة. "
        "أدليتُ بها بحرية وبكلماتي الخاصة. وقد قُرئت عليّ باللغة {language}، وهي لغة أفهمها، "
        "وأُتيحت لي فرصة تصحيحها. وأفهم أنه يجوز استخدامها في الإجراءات القانونية التي وافقتُ "
        "عليها، وأنه قد يُطلب مني الإدلاء بشهادتي بشأنها."
    )),
    "tr": ("Türkçe", (
        "Ben, {name}, {pages} sayfadan oluşan bu ifadede belirtilen olguların doğru olduğunu "
        "beyan ederim. Bu ifadeyi özgür irademle, kendi sözlerimle verdim. İfade bana "
        "anladığım bir dilde ({language}) okundu ve düzeltme imkânım oldu. Bu ifadenin onay "
        "verdiğim hukuki süreçlerde kullanılabileceğini ve bu konuda tanıklık etmem "
        "istenebileceğini anlıyorum."
    )),
    "uk": ("українська", (
        "Я, {name}, заявляю, що факти, викладені в цих показаннях на {pages} сторінках, "
        "відповідають дійсності. Я дав(ла) ці показання добровільно, своїми словами. Їх було "
        "зачитано мені зрозумілою мені мовою ({language}), і я мав(ла) можливість внести до "
        "них виправлення. Я розумію, що їх можуть використати в правових процедурах, на які я "
        "дав(ла) згоду, і що мене можуть попросити дати показання щодо їхнього змісту."
    )),
    "de": ("Deutsch", (
        "Ich, {name}, erkläre, dass die in dieser Aussage ({pages} Seiten) dargelegten "
        "Tatsachen wahr sind. Ich habe sie freiwillig und mit meinen eigenen Worten gemacht. "
        "Sie wurde mir in einer Sprache, die ich verstehe ({language}), vorgelesen, und ich "
        "hatte Gelegenheit, sie zu berichtigen. Mir ist bewusst, dass sie in den "
        "Rechtsverfahren verwendet werden kann, denen ich zugestimmt habe, und dass ich "
        "gebeten werden kann, dazu auszusagen."
    )),
    "fr": ("français", (
        "Je soussigné(e), {name}, déclare que les faits exposés dans la présente déclaration, "
        "qui comporte {pages} pages, sont exacts. Je l'ai faite librement, avec mes propres "
        "mots. Elle m'a été relue en {language}, langue que je comprends, et j'ai eu la "
        "possibilité de la corriger. Je comprends qu'elle peut être utilisée dans les "
        "procédures judiciaires auxquelles j'ai consenti et que je peux être appelé(e) à "
        "témoigner à son sujet."
    )),
}

