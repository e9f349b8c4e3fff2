#!/usr/bin/env bash
# The development/test/CI search node (an embedded OpenSearch 2.19 node, see README.md).
#   start.sh              build if needed, run in the foreground (Ctrl-C stops it)
#   start.sh --background build if needed, start, wait until _cluster/health is yellow, write the PID file
#   start.sh --stop       stop the node of the PID file (and only that process)
# Environment: SEARCH_NODE_PORT (9200), SEARCH_NODE_PIDFILE (target/node.pid), SEARCH_NODE_LOG
# (target/node.log), SEARCH_NODE_HEAP (512m), SEARCH_NODE_WAIT (seconds, 180), JAVA (java).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${SEARCH_NODE_PORT:-9200}"
pidfile="${SEARCH_NODE_PIDFILE:-$here/target/node.pid}"
logfile="${SEARCH_NODE_LOG:-$here/target/node.log}"
heap="${SEARCH_NODE_HEAP:-512m}"
url="http://127.0.0.1:$port"

stop() {
  [ -f "$pidfile" ] || { echo "search-node: no PID file $pidfile"; return 0; }
  local pid; pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "search-node: stopped (PID $pid)"
  fi
  rm -f "$pidfile"
}

build() {
  if ! command -v mvn >/dev/null || ! command -v "${JAVA:-java}" >/dev/null; then
    echo "search-node: installing Maven and a JDK 17 from Debian"
    SUDO=$( [ "$(id -u)" = 0 ] || echo sudo )
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq maven openjdk-17-jdk-headless >/dev/null
  fi
  # Rebuild when the build file or a source is newer than the last build.
  if [ ! -f "$here/target/classpath.txt" ] || [ -n "$(find "$here/pom.xml" "$here/src" -newer "$here/target/classpath.txt" -type f | head -1)" ]; then
    echo "search-node: building (mvn package; the first build downloads the OpenSearch jars into ~/.m2)"
    (cd "$here" && mvn -B -q package -DskipTests)
  fi
}

java_command() {
  # Heap capped (≤ 512 MB); serial GC: one small node on a 2-core machine.
  echo "${JAVA:-java}" "-Xms${heap}" "-Xmx${heap}" -XX:+UseSerialGC -Xss1m \
    -Dlog4j2.disable.jmx=true -Dio.netty.allocator.numDirectArenas=0 -Dio.netty.noUnsafe=true \
    "-Dsearch.node.port=$port" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
    vn.vungtau.searchnode.SearchNode
}

healthy() {
  curl -fsS "$url/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -Eq '"status":"(yellow|green)"'
}

case "${1:-}" in
  --stop) stop ;;
  --background)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "search-node: already running (PID $(cat "$pidfile"))"; exit 0
    fi
    if healthy; then echo "search-node: something already answers on $url; not starting another" >&2; exit 1; fi
    build
    mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
    started=$(date +%s%N)
    # shellcheck disable=SC2046
    nohup $(java_command) >"$logfile" 2>&1 </dev/null &
    echo $! >"$pidfile"
    for _ in $(seq 1 "$((${SEARCH_NODE_WAIT:-180} * 2))"); do
      if healthy; then
        echo "search-node: ready on $url (yellow) in $(( ($(date +%s%N) - started) / 1000000 )) ms, PID $(cat "$pidfile")"
        exit 0
      fi
      if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "search-node: the node exited; its log:" >&2; tail -40 "$logfile" >&2; rm -f "$pidfile"; exit 1
      fi
      sleep 0.5
    done
    echo "search-node: not ready after ${SEARCH_NODE_WAIT:-180} s; its log:" >&2; tail -40 "$logfile" >&2
    stop; exit 1 ;;
  "")
    build
    # shellcheck disable=SC2046
    exec $(java_command) ;;
  *) echo "usage: $0 [--background|--stop]" >&2; exit 2 ;;
esac
