#!/usr/bin/env bash
# Load tests (issue #18): starts the app with the sample municipality on a fresh data folder under
# engine/target/load-app/, waits for readiness, runs the Gatling simulations of load-tests/ against it (profile
# `load`, never part of `mvn verify`), stops the app. HTML reports: load-tests/target/gatling/*/index.html;
# a one-line verdict per simulation with the load average: load-tests/target/load-summary.txt.
#
#   samples/run-load-tests.sh                                  # all simulations with their default settings
#   SIMULATIONS="FormSessionSimulation" samples/run-load-tests.sh -Dload.users=10
#   LOAD_SCALE=12.5 samples/run-load-tests.sh                  # about 5,000 units (matching target)
#   LOAD_BASE_URL=http://127.0.0.1:8080 samples/run-load-tests.sh   # against an app that is already running
#
# Extra arguments go to every simulation (-Dload.users, -Dload.seconds, -Dload.thinkMs ... see each class).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PORT=${LOAD_PORT:-18080}
SCALE=${LOAD_SCALE:-1}
SIMULATIONS=${SIMULATIONS:-"FormSessionSimulation AnswerThroughputSimulation AnswerThroughputSimulation:get MatchingSimulation RegisterExportSimulation"}
MVN_OFFLINE=${MVN_OFFLINE:--o}
APP_PID=""

if [ -z "${LOAD_BASE_URL:-}" ]; then
  mvn -B -q $MVN_OFFLINE -pl engine compile dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt
  DATA=engine/target/load-app
  rm -rf "$DATA" && mkdir -p "$DATA"
  started=$(date +%s.%N)
  "$JAVA_HOME/bin/java" -Xmx1g -cp "engine/target/classes:$(cat engine/target/load-classpath.txt)" \
    se.placera.PlaceraApplication --server.port="$PORT" --placera.samples.enabled=true \
    --placera.samples.scale="$SCALE" --placera.embedded-db.data-dir="$DATA/db" >"$DATA/app.log" 2>&1 &
  APP_PID=$!
  trap 'kill "$APP_PID" 2>/dev/null || true' EXIT
  until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $DATA/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "app ready after $(echo "$(date +%s.%N) - $started" | bc) s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  # The sample municipality is loaded after readiness, in the background (docs/performance.md, start to ready).
  until curl -fs "http://127.0.0.1:$PORT/actuator/info" 2>/dev/null | grep -q '"samples":"loaded"'; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $DATA/app.log" >&2; exit 1; }
    curl -fs "http://127.0.0.1:$PORT/actuator/info" 2>/dev/null | grep -q '"samples":"failed"' \
      && { echo "sample data failed to load; see $DATA/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "sample data loaded after $(echo "$(date +%s.%N) - $started" | bc) s"
  LOAD_BASE_URL="http://127.0.0.1:$PORT"
fi

mkdir -p load-tests/target
summary=load-tests/target/load-summary.txt
: >"$summary"
status=0
for entry in $SIMULATIONS; do
  sim=${entry%%:*}
  extra=()
  [ "$entry" != "$sim" ] && extra=("-Dload.request=${entry#*:}")
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  if mvn -B $MVN_OFFLINE -P load -pl load-tests gatling:test -Dgatling.simulationClass="se.placera.load.$sim" \
      -Dload.baseUrl="$LOAD_BASE_URL" "${extra[@]}" "$@" >"load-tests/target/$sim${extra:+-get}.log" 2>&1; then
    verdict=PASS
  else
    verdict=FAIL
    status=1
  fi
  after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$verdict $entry (commit $(git rev-parse --short HEAD), load average before $before, after $after)" | tee -a "$summary"
  grep -E ": (true|false) \(actual" "load-tests/target/$sim${extra:+-get}.log" | sed 's/^/    /' | tee -a "$summary" || true
done
exit $status
