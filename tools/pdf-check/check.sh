#!/usr/bin/env bash
# Checks PDFs against what Almanac claims: veraPDF PDF/A-2a and PDF/UA-1 (0 failed rules), the
# pdfua checker (no findings) and `qpdf --check`. Usage: tools/pdf-check/check.sh FILE.pdf...
# Prints the failed rules and exits non-zero when any check fails. Run setup.sh first.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools=$here/.tools
[ -f "$tools/jar-path" ] || bash "$here/setup.sh"
cp="$tools/classes:$(cat "$tools/jar-path")"
for j in jaxb-runtime jaxb-core istack-commons-runtime txw2 javax.activation jaxb-api; do cp="$cp:/usr/share/java/$j.jar"; done
status=0
for flavour in ${FLAVOURS:-2a ua1}; do
  java -Xss8m -cp "$cp" VeraCheck "$flavour" "$@" || status=1
done
# The pdfua checker (a machine-checkable subset of PDF/UA-1, pikepdf-based): its findings fail too.
log=$(mktemp); trap 'rm -f "$log"' EXIT
"$tools/venv/bin/pdfua" check "$@" > "$log" 2>&1 || { echo "pdfua found problems:"; grep -v '^\s*$' "$log" | grep -iv "pass\|not evaluated\|NOT a statement\|checked against" | head -20; status=1; }
for f in "$@"; do
  qpdf --check "$f" > /dev/null 2>&1 || { echo "$f: qpdf --check failed"; qpdf --check "$f" 2>&1 | tail -3; status=1; }
done
exit $status
