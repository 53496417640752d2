#!/usr/bin/env bash
# Set up a fresh Debian machine (as root) or refresh an existing checkout: system packages,
# a virtualenv in .venv and the project with all extras. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# ghostscript: PDF/A conversion; tesseract-ocr-frk and -script-frak: Fraktur (--languages
# deu+frk); fonts-blankenburg: the blackletter face of the Fraktur sample; fonts-liberation
# and fonts-crosextra-carlito: the Arial/Times/Calibri-like faces of the sample generator;
# poppler-utils and qpdf: the archival-output tests read the PDFs with pdftotext and check them
# with qpdf; chromium and chromium-driver: the review tool's test runs in a real (headless)
# browser.
apt_packages=(tesseract-ocr tesseract-ocr-deu tesseract-ocr-frk tesseract-ocr-script-frak
              ghostscript fonts-blankenburg fonts-liberation fonts-crosextra-carlito
              poppler-utils qpdf postgresql python3-venv chromium chromium-driver)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
  fi
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e ".[dev,ocr,postgres,dask,archive,review]"
# The package's own bytecode, written once here: where PYTHONDONTWRITEBYTECODE is set, Python
# never caches what it compiles, and every command would compile the package again (~90 ms of
# each start). An edited module is simply compiled again in memory until the next run here.
.venv/bin/python -m compileall -q src
