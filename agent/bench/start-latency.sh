#!/usr/bin/env bash
# Benchmark (prints figures, asserts nothing): start command -> container running over 50 servers, and the
# agent's heap and RSS with 50 servers running. Needs a container engine: run from the repository root with
#   line=$(../shared/tools/container-engine) && export "$line" && agent/bench/start-latency.sh [servers]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck disable=SC2012 # the JDK layout STACK.md prescribes
export JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* 2>/dev/null | head -1)}"
[ -n "$JAVA_HOME" ] || { echo "no JDK 25 found: set JAVA_HOME" >&2; exit 1; }
[ -n "${DOCKER_HOST:-}" ] || { echo "set DOCKER_HOST (../shared/tools/container-engine)" >&2; exit 1; }
./mvnw -q -pl agent -DskipTests package
./mvnw -q -pl agent dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec "$JAVA_HOME/bin/java" -cp "agent/target/test-classes:agent/target/classes:$(cat agent/target/bench-classpath.txt)" \
  io.lormas.agent.StartLatencyBenchmark "$@"
