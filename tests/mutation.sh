#!/usr/bin/env bash
# Mutation testing of the inference core with the pinned dotnet-stryker (see .config/dotnet-tools.json):
# deliberate bugs are planted in the files below, one at a time, and the Intensity, Properties and Reports
# tests are run against each. Prints the score per file and every surviving mutant (file:line, mutator).
# Usage: tests/mutation.sh [glob ...]   (default: the files issue 14 names). Takes 20-60 minutes on 2 cores.
# MUTATION_CONFIG=stryker-config.unit.json picks the fast config: only the deterministic Intensity tests (no
# calibration suite, whose ~2 minutes per mutant make a run take hours on a loaded 2-core machine); a mutant it
# lets survive may still be killed by the full set, so its scores are lower bounds of the default config's.
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("**/Intensity/EventStudy.cs" "**/Intensity/PlaceboInference.cs" "**/Intensity/Coverage.cs" "**/Intensity/Bins.cs" "**/Intensity/IntensityCalculator.cs")
fi
mutate_args=()
for f in "${files[@]}"; do mutate_args+=(-m "$f"); done
dotnet tool run dotnet-stryker -- -f "${MUTATION_CONFIG:-stryker-config.json}" "${mutate_args[@]}" --output StrykerOutput/latest
/usr/bin/python3 - StrykerOutput/latest/reports/mutation-report.json <<'PY'
import json, sys
from collections import Counter
report = json.load(open(sys.argv[1]))
total = Counter()
for path, f in sorted(report["files"].items()):
    c = Counter(m["status"] for m in f["mutants"])
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    if valid == 0:
        continue
    total.update(c)
    print(f"{path.split('/src/')[-1]}: {100 * detected / valid:.1f}% ({detected} of {valid} detected; {c['Survived']} survived, {c['NoCoverage']} not covered)")
    for m in f["mutants"]:
        if m["status"] in ("Survived", "NoCoverage"):
            print(f"    {m['status']:10} line {m['location']['start']['line']:4}  {m['mutatorName']}: {m.get('replacement', '')[:70]!r}")
detected = total["Killed"] + total["Timeout"]
valid = detected + total["Survived"] + total["NoCoverage"]
print(f"total: {100 * detected / valid:.1f}% ({detected} of {valid})")
PY
