#!/usr/bin/env bash
# Cold start of the production jar against a fresh, empty database (Liquibase and demo data included):
# seconds from `java -jar` to the first HTTP 200 on /login, over RUNS starts; prints each and the median.
# Usage: src/test/bench/cold-start.sh [RUNS]   (JAVA_HOME must point at a JDK >= 21)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
port=18099
mvn -q -B -Pproduction -DskipTests package   # the jar as deployed: production frontend bundle, no dev server
jar=$(ls target/rubrica-*.jar | head -1)
times=()
for run in $(seq 1 "$runs"); do
  db="rubrica_coldstart_$run"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  start=$(date +%s.%N)
  RUBRICA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" "$JAVA_HOME/bin/java" -jar "$jar" \
    --spring.profiles.active=demo --server.port=$port > "target/cold-start-$run.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:$port/login)" = "200" ]; do sleep 0.1; done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  t=$(echo "$end - $start" | bc)
  times+=("$t")
  printf 'run %d: %.2f s to first page (%s)\n' "$run" "$t" "$(grep -o 'Started RubricaApplication in [0-9.]* seconds' "target/cold-start-$run.log")"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.2f s\n", NR, (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
