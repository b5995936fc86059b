#!/usr/bin/env bash
# Takes today's rendering of the examples as the golden pages (tests/DocGen.Tests/Golden), after a layout change a person has
# looked at and intends. It runs the golden page tests, which leave every page that differs in tests/golden-mismatch/, and copies
# those pages (and the font list, when the fonts changed) over the golden ones; pages that are no more are removed. Never in CI:
# there a difference is a failure to look at, not something to accept.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${CI:-}" ]]; then
  echo "update-golden.sh: CI is set (CI=$CI): golden pages are updated only by a person who has looked at them, never in CI" >&2
  exit 2
fi
bash scripts/ensure-deps.sh --test
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/DocGen.Tests -c Release --nologo -v q
rm -rf tests/golden-mismatch
tests="FullyQualifiedName~DocGen.Tests.Golden.GoldenPageTests"
# Pages drawn with other fonts than the stand-ins ensure-deps.sh installs must not become golden: stop when the font test fails
# for any other reason than a changed font list (which it leaves in tests/golden-mismatch/fonts.txt to be taken).
if ! dotnet test tests/DocGen.Tests -c Release --no-build --nologo --filter "$tests.The_golden_pages_are_drawn" >/tmp/update-golden.log 2>&1 \
   && [[ ! -f tests/golden-mismatch/fonts.txt ]]; then
  grep -vE "^\s+Passed " /tmp/update-golden.log >&2
  echo "update-golden.sh: the fonts are not the stand-ins the golden pages are drawn with (above); nothing was changed" >&2
  exit 1
fi
dotnet test tests/DocGen.Tests -c Release --no-build --nologo --filter "$tests.Every_page_of_the_example" >/dev/null 2>&1 || true

golden=tests/DocGen.Tests/Golden
for dir in "$golden"/*/; do   # golden pages of an example that no longer exists
  [[ -d "$dir" ]] || continue
  example=$(basename "$dir")
  [[ -f "examples/$example.json" ]] || { rm -r "$dir"; echo "removed $dir (no examples/$example.json)"; }
done
changed=0
if [[ -d tests/golden-mismatch ]]; then
  for page in tests/golden-mismatch/*/page-*.actual.png; do
    [[ -e "$page" ]] || continue
    example=$(basename "$(dirname "$page")"); name=$(basename "$page" .actual.png)
    mkdir -p "$golden/$example"
    cp "$page" "$golden/$example/$name.png"; changed=$((changed + 1))
  done
  for gone in tests/golden-mismatch/*/page-*.gone; do
    [[ -e "$gone" ]] || continue
    rm -f "$golden/$(basename "$(dirname "$gone")")/$(basename "$gone" .gone).png"; changed=$((changed + 1))
  done
  if [[ -f tests/golden-mismatch/fonts.txt ]]; then mv tests/golden-mismatch/fonts.txt "$golden/fonts.txt"; fi
fi
echo "$changed golden pages replaced or removed; the differences are in tests/golden-mismatch/index.html."
echo "Look at the changed pages (git status $golden) before committing them."
