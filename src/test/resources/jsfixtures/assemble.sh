#!/usr/bin/env bash
# Puts the fixture site together in one folder: the hand-made pages and data (site/) plus the theme's
# assets (themes/default/assets -> assets/), as `ova build` would lay them out. Usage: assemble.sh OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
out="${1:?usage: assemble.sh OUT_DIR}"
rm -rf "$out"
mkdir -p "$out"
cp -r "$here/site/." "$out/"
cp -r "$repo/themes/default/assets" "$out/assets"
echo "$out"
