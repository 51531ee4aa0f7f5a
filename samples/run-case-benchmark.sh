#!/usr/bin/env bash
# Case benchmark (issue #13, speed): a caseworker's task list on 20,000 cases and the event log of a case with 500
# events, through loopback HTTP; prints p50/p95/p99. Not part of the normal test run.
# Options: -Dbench.cases=20000 -Dbench.requests=500 -Dbench.warmup=100
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -pl engine test -Dtest=CaseWorkBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat engine/target/case-benchmark.txt
