#!/bin/sh
# Update the Qt Linguist sources (.ts) from the interface code, then compile them (.qm).
#
#   resources/translations/build.sh            update the .ts files, then compile the .qm files
#   resources/translations/build.sh release    only compile (.ts -> .qm), e.g. after translating
#
# Translate with Qt Linguist (.venv/bin/pyside6-linguist resources/translations/testimony_az.ts)
# or any .ts editor. Commit both the .ts and the .qm files: the application loads the .qm ones.
# testimony_en.ts holds only the English plural forms ("1 testimony" / "2 testimonies").
# qt_az.ts holds Qt's own texts (OK, Cancel, the file dialog) in Azerbaijani: Qt has none;
# qt_ru.ts the few Qt 6 texts Qt's Russian lacks.
# Errors and service reasons are message codes in resources/locale (gettext), not here;
# see CONTRIBUTING.md, "Words".
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=${VENV:-$root/.venv}
lupdate=${LUPDATE:-$venv/bin/pyside6-lupdate}
lrelease=${LRELEASE:-$venv/bin/pyside6-lrelease}
languages="az ru en"

if [ "${1:-}" != "release" ]; then
    sources=$(cd "$root" && find src/testimony_app/ui -name "*.py" | LC_ALL=C sort && echo src/testimony_app/app.py)
    for lang in $languages; do
        # -locations none: no line numbers, so a moved line does not churn the diff.
        # -no-obsolete: a text the window no longer shows leaves the file (git keeps its old
        # translation); the errors and hints that became message codes live in resources/locale.
        (cd "$root" && "$lupdate" $sources -locations none -no-obsolete -source-language en \
            -target-language "$lang" -ts "resources/translations/testimony_$lang.ts")
    done
fi

for lang in $languages; do
    "$lrelease" "$here/testimony_$lang.ts" -qm "$here/testimony_$lang.qm"
done

# Qt's own buttons and dialogs where Qt ships no translation (Azerbaijani): kept by hand in
# qt_<lang>.ts, whose source texts are Qt's; lupdate does not touch it.
for ts in "$here"/qt_*.ts; do
    [ -e "$ts" ] && "$lrelease" "$ts" -qm "${ts%.ts}.qm"
done
