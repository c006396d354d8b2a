#!/usr/bin/env bash
# Runs every test of RealGuard: builds the solution once, runs each test project, prints one summary line.
set -euo pipefail
cd "$(dirname "$0")"

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet build RealGuard.sln -c Debug -nologo -clp:ErrorsOnly
status=0
# One test project at a time (-m:1): each starts whole stacks, and side by side they starve each other on small machines.
dotnet test RealGuard.sln -c Debug --no-build --nologo -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=$?

# One closing line for people and for CI: 'N passed, N failed, N skipped'.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("total", 0)) - int(counters.get("executed", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
