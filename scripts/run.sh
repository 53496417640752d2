#!/usr/bin/env bash
# Quick start, part 1: set up, then convert every sample into out/ (JSON files + out/vorlagen.sqlite).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/vorlagenparser batch samples --out out "$@"
