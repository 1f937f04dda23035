<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt 6 texts that Qt's own qtbase_ru lacks (its file dialog labels gained mnemonics).
     Loaded after qtbase_ru, so these win; compiled by build.sh to qt_ru.qm. -->
<TS version="2.1" language="ru" sourcelanguage="en">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Перейти к:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Типы файлов:</translation>
        </message>
    </context>
</TS>
