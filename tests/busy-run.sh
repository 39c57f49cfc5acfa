#!/usr/bin/env bash
# Runs the timing-sensitive tests (browser, PNG, notebooks, faults, hostile page) on a deliberately busy
# machine: two CPU-bound processes run beside them the whole time. Each run's pass/fail counts and wall time
# are printed; the script exits non-zero if any run fails. Build first (dotnet build); runs use --no-build.
#   tests/busy-run.sh [runs]        default 3 runs; CI=true is set so browser tests cannot skip
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
filter='FullyQualifiedName~Browser|FullyQualifiedName~Png|FullyQualifiedName~Notebooks|FullyQualifiedName~Faults|FullyQualifiedName~Hostile'

hogs=()
stop_hogs() { for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null; done; wait "${hogs[@]}" 2>/dev/null; }
trap stop_hogs EXIT
for _ in 1 2; do
  sh -c 'while :; do :; done' &
  hogs+=("$!")
done
echo "hogs: ${hogs[*]}; $(uptime)"

failed_runs=0
for run in $(seq 1 "$runs"); do
  log="$(mktemp)"
  start=$(date +%s)
  CI=true dotnet test tests/Pipeline.Tests --no-build --filter "$filter" >"$log" 2>&1
  status=$?
  wall=$(( $(date +%s) - start ))
  summary="$(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | tail -1 | sed 's/^ *//')"
  echo "run $run: exit $status, ${wall} s wall; ${summary:-no summary}; $(uptime | sed 's/.*load/load/')"
  if [ "$status" -ne 0 ]; then
    failed_runs=$((failed_runs + 1))
    grep -E '^\s+Failed ' "$log" | head -20
  fi
  rm -f "$log"
done
echo "$failed_runs of $runs runs failed"
[ "$failed_runs" -eq 0 ]
