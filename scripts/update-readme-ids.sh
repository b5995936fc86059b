#!/usr/bin/env bash
# Regenerates README.md's tables of exit codes (src/DocGen.Cli/ExitCodes.cs) and diagnostic ids (src/DocGen.Model/DiagnosticCatalog.cs) (the test
# DiagnosticCatalogTests.The_readme_id_table_is_the_catalog fails until this has been run and committed).
# A maintainer's step: it refuses to run in CI, where the README must be checked, never rewritten.
set -euo pipefail
if [[ -n "${CI:-}" ]]; then
  echo "update-readme-ids.sh: refusing to rewrite README.md in CI (CI=$CI); run it on your machine and commit the result" >&2
  exit 1
fi
cd "$(dirname "$0")/.."
dotnet run --project src/DocGen.Cli -c Release -- diagnostics --update-readme README.md
