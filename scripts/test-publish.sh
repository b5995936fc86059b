#!/usr/bin/env bash
# The tests of the published executables (tests/DocGen.Tests/Publish/PublishedExecutableTests.cs), kept out of the default
# suite because publishing takes minutes of CPU per runtime: publishes linux-x64, linux-arm64 and win-x64 into a temporary
# folder (or uses DOCGEN_PUBLISHED if it names one already written by scripts/publish.sh) and runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ -z "${DOCGEN_PUBLISHED:-}" ]]; then
  DOCGEN_PUBLISHED="$(mktemp -d)"
  trap 'rm -rf "$DOCGEN_PUBLISHED"' EXIT
  bash scripts/publish.sh "$DOCGEN_PUBLISHED"
fi
export DOCGEN_PUBLISHED
dotnet build tests/DocGen.Tests -c Release --nologo -v q
dotnet test tests/DocGen.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~DocGen.Tests.Publish"
