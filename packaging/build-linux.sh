#!/usr/bin/env bash
# Build Testimony for Linux: the frozen folder (PyInstaller) and a .deb made from it.
#
#   bash packaging/build-linux.sh                 # build, self-test, validate, make the .deb
#   bash packaging/build-linux.sh --install-test  # ... then dpkg -i it, run it, dpkg -r it
#
# Used by `make package` and CI. Needs the project venv (.venv, or $VENV) with the package
# installed, and a Debian/Ubuntu machine (dpkg-deb). What it does, in order:
#   1. installs PyInstaller into the venv if missing, and the Debian tools it needs;
#   2. generates the licence notices from the installed packages;
#   3. validates the .desktop file and the AppStream metainfo;
#   4. freezes the application (QT_QPA_PLATFORM=offscreen: no display needed);
#   5. runs the frozen binary's --self-test and --version, and starts its window offscreen;
#   6. builds dist/testimony-app_<version>_<arch>.deb with dpkg-deb --root-owner-group;
#   7. with --install-test: installs it, runs `testimony-app --version` and `--self-test`
#      from the installed copy, and removes it again.
# The only network use is pip (PyPI) and apt-get (Debian's archive), when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

INSTALL_TEST=0
for arg in "$@"; do
  case "$arg" in
    --install-test) INSTALL_TEST=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "build-linux.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

VENV=${VENV:-.venv}
PY=$VENV/bin/python
APP_ID=org.testimony.TestimonyApp
PKG=testimony-app
BUILD=build/package
DIST=dist
export QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1

step() { printf '\n== %s\n' "$*"; }
die() { echo "build-linux.sh: $*" >&2; exit 1; }

[ -x "$PY" ] || die "no virtual environment at $VENV: run 'make test' (or create it with python3 -m venv $VENV && $VENV/bin/pip install -e .) first."
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing: this script builds a .deb on Debian or Ubuntu."

# -- 1. tools ----------------------------------------------------------------------------------
step "Tools"
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  # Same pin as the 'package' extra in pyproject.toml.
  "$PY" -m pip install --quiet "pyinstaller>=6.10,<7"
fi
"$PY" -m PyInstaller --version | sed 's/^/pyinstaller /'
need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v readelf >/dev/null && command -v strip >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "Installing ${need[*]} from Debian's archive"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
# PEP 440 -> Debian: 0.1.0.dev0 -> 0.1.0~dev0 and 0.1.0rc1 -> 0.1.0~rc1 sort before 0.1.0.
DEB_VERSION=$("$PY" - "$VERSION" <<'EOF'
import sys
from packaging.version import Version
v = Version(sys.argv[1])
out = ".".join(str(n) for n in v.release)
if v.pre:
    out += f"~{v.pre[0]}{v.pre[1]}"
if v.dev is not None:
    out += f"~dev{v.dev}"
if v.post is not None:
    out += f"+post{v.post}"
print(out)
EOF
)
ARCH=$(dpkg --print-architecture)
echo "version $VERSION (Debian $DEB_VERSION), architecture $ARCH"

# -- 2. licences -------------------------------------------------------------------------------
step "Licence notices"
mkdir -p build/licenses
"$PY" packaging/licenses/generate.py -o build/licenses/THIRD-PARTY-NOTICES.txt
cp LICENSE build/licenses/LICENSE

# -- 3. metadata -------------------------------------------------------------------------------
step "Desktop entry and AppStream metainfo"
rm -rf "$BUILD"
mkdir -p "$BUILD"
"$PY" packaging/linux/metainfo.py -o "$BUILD/$APP_ID.metainfo.xml"
desktop-file-validate "packaging/linux/$APP_ID.desktop"
echo "desktop-file-validate: $APP_ID.desktop OK"
appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml"
appstreamcli validate --no-net "$BUILD/$APP_ID.metainfo.xml"

# -- 4. freeze ---------------------------------------------------------------------------------
step "Freezing with PyInstaller"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath build/pyinstaller packaging/pyinstaller/testimony.spec
FROZEN=$DIST/$PKG
[ -x "$FROZEN/$PKG" ] || die "PyInstaller did not produce $FROZEN/$PKG"

# -- 5. smoke test -----------------------------------------------------------------------------
step "Frozen self-test"
"$FROZEN/$PKG" --version
"$FROZEN/$PKG" --self-test

step "Frozen GUI starts (offscreen, 15 s, private HOME)"
# The self-test uses no Qt; this catches a missing Qt plugin or library. The window must
# still be waiting for the user when the timeout ends it (exit status 124).
SMOKE=$(mktemp -d)
set +e
HOME=$SMOKE XDG_DATA_HOME=$SMOKE/data XDG_CONFIG_HOME=$SMOKE/config XDG_CACHE_HOME=$SMOKE/cache \
  timeout 15 "$FROZEN/$PKG" --vault "$SMOKE/vault" > "$BUILD/gui-smoke.log" 2>&1
rc=$?
set -e
rm -rf "$SMOKE"
if [ "$rc" != 124 ] || grep -qE "Traceback|Could not load the Qt platform plugin|No QtMultimedia backends" "$BUILD/gui-smoke.log"; then
  cat "$BUILD/gui-smoke.log" >&2
  die "the frozen GUI did not start cleanly (exit status $rc)"
fi
echo "GUI started and waited for the user"

# -- 6. .deb -----------------------------------------------------------------------------------
step "Debian package"
STAGE=$BUILD/deb
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt/testimony" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/metainfo" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/$PKG"
cp -a "$FROZEN/." "$STAGE/opt/testimony/"
# A symlink, not a wrapper: the bootloader resolves /proc/self/exe to find its folder, and no
# shell sits between the desktop and the program.
ln -s "/opt/testimony/$PKG" "$STAGE/usr/bin/$PKG"
install -m 0644 "packaging/linux/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "$BUILD/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 0644 "packaging/linux/$APP_ID.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 LICENSE build/licenses/THIRD-PARTY-NOTICES.txt "$STAGE/usr/share/doc/$PKG/"
cat > "$STAGE/usr/share/doc/$PKG/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Testimony

Files: *
Copyright: Testimony developers
License: GPL-3.0-or-later
 The full text is in /usr/share/doc/$PKG/LICENSE and /usr/share/common-licenses/GPL-3.
 The program in /opt/testimony includes third-party components (Qt, PySide6, FFmpeg,
 SQLCipher, SQLite, OpenSSL, Python and others), each under its own licence: see
 /usr/share/doc/$PKG/THIRD-PARTY-NOTICES.txt.
EOF
if [ -f CHANGELOG.md ]; then gzip -9n -c CHANGELOG.md > "$STAGE/usr/share/doc/$PKG/changelog.gz"; fi
# Readable by all, writable by root only (files come out of PyInstaller with the umask).
chmod -R u+rwX,go+rX,go-w "$STAGE"

# Depends: the Debian packages owning every system library the folder links against
# (readelf + ldconfig + dpkg -S; see debian_depends.py), plus fonts for fontconfig.
"$PY" packaging/linux/debian_depends.py "$STAGE/opt/testimony" > "$BUILD/depends.txt"
# glibc >= 2.34: the PySide6 wheels are manylinux_2_34.
DEPENDS="libc6 (>= 2.34), fonts-dejavu-core"
while read -r dep; do [ -n "$dep" ] && DEPENDS="$DEPENDS, $dep"; done < "$BUILD/depends.txt"
INSTALLED_SIZE=$(du -sk --apparent-size "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $PKG
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: ${DEB_MAINTAINER:-Testimony developers <testimony@localhost>}
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Recommends: pulseaudio | pipewire-pulse, fonts-noto-core
Section: utils
Priority: optional
Description: offline, encrypted records of torture and detention testimony
 Testimony helps interviewers document torture and arbitrary detention without a
 network connection. Testimonies are kept in an encrypted vault opened with a
 passphrase; a sealed testimony can only be amended, with a reason; statements are
 printed for signing in Azerbaijani, Russian or English; and records are handed to
 a legal organisation as encrypted, signed bundles.
 .
 The vault does not protect a computer that is left unlocked or asleep: lock the
 program and shut the computer down before travelling, and use full-disk encryption.
EOF
echo "Depends: $DEPENDS"
DEB=$DIST/${PKG}_${DEB_VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB"
dpkg-deb --info "$DEB" | sed -n '1,12p'

step "Sizes"
echo "frozen folder $FROZEN: $(du -sh "$FROZEN" | cut -f1) ($(du -sb "$FROZEN" | cut -f1) bytes)"
echo "Debian package $DEB: $(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes)"

# -- 7. install test ---------------------------------------------------------------------------
if [ "$INSTALL_TEST" = 1 ]; then
  step "Install test (dpkg -i, run, dpkg -r)"
  [ "$(id -u)" = 0 ] || die "--install-test installs a package: run it as root (CI does)."
  if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q "install ok installed"; then
    die "$PKG is already installed on this machine; the install test would replace and then remove it."
  fi
  # What a user's apt would do first: bring in the Depends this machine lacks (a headless
  # CI machine has no Wayland client libraries, for instance). Then dpkg -i must succeed.
  missing=()
  for dep in $(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g'); do
    dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok installed" || missing+=("$dep")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing dependencies: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  trap 'dpkg -r "$PKG" >/dev/null 2>&1 || true' EXIT
  dpkg -i "$DEB"
  command -v testimony-app
  testimony-app --version
  testimony-app --self-test
  test -f "/usr/share/applications/$APP_ID.desktop"
  test -f "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
  dpkg -r "$PKG"
  trap - EXIT
  [ ! -e /opt/testimony ] || die "dpkg -r left /opt/testimony behind"
  echo "install test passed: installed, ran, removed"
fi

step "Done"
echo "$FROZEN"
echo "$DEB"
