#!/usr/bin/env bash
# Matching benchmark (issue #7, item 8): boots the app in memory with the sample municipality at scale 12.5
# (about 5,000 units), sends a bounded number of searches over loopback HTTP and prints p50/p95/p99.
# Not part of the normal test run. Options: -Dbench.requests=500 -Dbench.warmup=100 -Dbench.maxSeconds=180
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -pl engine test -Dtest=MatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat engine/target/matching-benchmark.txt
