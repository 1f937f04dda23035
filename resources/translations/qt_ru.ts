<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt 6 texts that Qt's own qtbase_ru lacks (its file dialog labels gained mnemonics; the
     kind of a file in the file dialog, "Folder", moved to QAbstractFileIconProvider).
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
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Drive</source>
            <translation>Диск</translation>
        </message>
        <message>
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>Папка</translation>
        </message>
        <message>
            <source>File Folder</source>
            <comment>Match Windows Explorer</comment>
            <translation>Папка с файлами</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <comment>All other platforms</comment>
            <translation>Ярлык</translation>
        </message>
        <message>
            <source>Alias</source>
            <comment>macOS Finder</comment>
            <translation>Псевдоним</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Неизвестный</translation>
        </message>
    </context>
</TS>
