#!/usr/bin/env bash
# Installs what DocGen needs on a fresh Debian machine with the .NET 10 SDK, only when it is missing.
#   scripts/ensure-deps.sh          fonts for the PDF (rendering)
#   scripts/ensure-deps.sh --test   also poppler-utils, qpdf, LibreOffice and Chromium (the test suite's checkers)
set -euo pipefail

need=()
font_pkgs=(fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-microhei fonts-wqy-zenhei fonts-liberation2)
# chromium: the browser the `docgen serve` tests drive through Playwright (launched by its path, /usr/bin/chromium).
test_pkgs=(poppler-utils qpdf libreoffice-writer-nogui fontconfig fonts-urw-base35 chromium)

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

for p in "${font_pkgs[@]}"; do have_pkg "$p" || need+=("$p"); done
if [[ "${1:-}" == "--test" ]]; then
  for p in "${test_pkgs[@]}"; do have_pkg "$p" || need+=("$p"); done
fi

if ((${#need[@]} > 0)); then
  if [[ "${DOCGEN_LAUNCHER_ENGLISH:-0}" == 1 || "${DOCGEN_LANG:-}" == en ]]; then
    echo "docgen: installing ${need[*]} with apt-get (about a minute, once)…" >&2
  else
    echo "docgen：正在用 apt-get 安装 ${need[*]}（约 1 分钟，只需一次）…" >&2
  fi
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
      echo "docgen: please install as root: apt-get install ${need[*]}" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
