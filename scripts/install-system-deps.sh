#!/usr/bin/env bash
# Install the Debian/Ubuntu packages Testimony needs, only those that are missing.
#   Qt (offscreen and on screen), QtMultimedia's audio, the age tool for bundle checks,
#   poppler (pdftoppm) for looking at statements, qpdf for checking their structure, strace
#   for the syscall canary test (A2), python3-venv; Apache PDFBox Preflight with a headless
#   Java (and the two Java libraries its validator needs on Java 11+) to check that
#   sealed statements are PDF/A-1b; and for the recorder's test a PulseAudio server (started by
#   the test itself, with a null sink) and sox.
# apt's own output goes to a log file: one line says what is being installed.
set -euo pipefail

packages=(
  python3-venv
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libpulse0 libxrandr2 fonts-dejavu-core
  age poppler-utils qpdf strace
  default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
  pulseaudio pulseaudio-utils sox
  desktop-file-utils appstream binutils
)
if [ "${WITH_XVFB:-0}" = 1 ]; then packages+=(xvfb xauth); fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${packages[*]}" >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages (about a minute): ${missing[*]}…"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
log=$(mktemp "${TMPDIR:-/tmp}/testimony-apt.XXXXXX.log")
if ! { $SUDO apt-get update -qq \
       && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
            "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "apt-get failed: the whole output is in $log" >&2
  exit 1
fi
rm -f "$log"
