#!/usr/bin/env bash
# Installs the Lormas node agent as a systemd service on a Linux host with Docker or podman.
#
#   sudo ./install.sh --jar lormas-agent.jar --url https://panel.example.com --token <registration token>
#
# Options:
#   --jar PATH          the runnable jar (agent/target/lormas-agent.jar)            [required]
#   --url URL           the gateway; with --token, registers the node (once)
#   --token TOKEN       the node's one-time registration token
#   --data-root DIR     where server data lives             (default /var/lib/lormas/servers)
#   --docker-host URI   the engine API                      (default: the Docker or podman socket found)
#   --java PATH         a Java 25+ binary                   (default: JAVA_HOME, then /usr/lib/jvm/*)
#   --heap SIZE         the agent's -Xmx                    (default 128m)
#   --no-start          install and register, but do not enable and start the service
# Environment: LORMAS_INSTALL_ROOT=DIR installs below DIR and skips systemctl (for trying the script out).
set -euo pipefail

die() { echo "install.sh: $*" >&2; exit 1; }

jar="" url="" token="" data_root="/var/lib/lormas/servers" docker_host="" java="" heap="128m" start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="${2:?--jar needs a path}"; shift 2 ;;
    --url) url="${2:?--url needs a value}"; shift 2 ;;
    --token) token="${2:?--token needs a value}"; shift 2 ;;
    --data-root) data_root="${2:?--data-root needs a directory}"; shift 2 ;;
    --docker-host) docker_host="${2:?--docker-host needs a URI}"; shift 2 ;;
    --java) java="${2:?--java needs a path}"; shift 2 ;;
    --heap) heap="${2:?--heap needs a size}"; shift 2 ;;
    --no-start) start=0; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

root="${LORMAS_INSTALL_ROOT:-}"
here="$(cd "$(dirname "$0")" && pwd)"
[ -n "$jar" ] || die "--jar is required"
[ -f "$jar" ] || die "no such jar: $jar"
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then die "run as root (the agent needs the engine socket)"; fi
if [ -n "$url" ] && [ -z "$token" ] || [ -z "$url" ] && [ -n "$token" ]; then die "--url and --token go together"; fi

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_java() {
  local candidate
  for candidate in "$java" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    if [ -z "$candidate" ] || [ ! -x "$candidate" ]; then continue; fi
    local major; major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}
java="$(find_java)" || die "no Java 25 or newer found: install one (e.g. Temurin 25) and pass --java /path/to/bin/java"

if [ -z "$docker_host" ]; then
  for socket in /var/run/docker.sock /run/podman/podman.sock /run/lormas/podman.sock; do
    if [ -S "$socket" ]; then docker_host="unix://$socket"; break; fi
  done
  [ -n "$docker_host" ] || { docker_host="unix:///var/run/docker.sock"; echo "install.sh: no engine socket found; assuming $docker_host" >&2; }
fi

echo "installing the Lormas agent (java: $java, engine: $docker_host, data: $data_root)"
install -d -m 0755 "$root/opt/lormas-agent" "$root/etc/systemd/system"
install -d -m 0750 "$root/etc/lormas"
install -m 0644 "$jar" "$root/opt/lormas-agent/lormas-agent.jar"
[ -f "$here/../../agent/README.md" ] && install -m 0644 "$here/../../agent/README.md" "$root/opt/lormas-agent/README.md"
ln -sfn "$java" "$root/opt/lormas-agent/java"
install -d -m 0700 "$root/var/lib/lormas/agent"
install -d -m 0711 "$root$data_root"

env_file="$root/etc/lormas/agent.env"
if [ ! -f "$env_file" ]; then
  umask 077
  cat > "$env_file" <<ENV
# Lormas agent settings; every key of agent/README.md can be set here as an environment variable.
JAVA_OPTS=-Xmx$heap -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError
DOCKER_HOST=$docker_host
LORMAS_AGENT_STATE_DIR=/var/lib/lormas/agent
LORMAS_AGENT_DATA_ROOT=$data_root
ENV
  chmod 0600 "$env_file"
else
  echo "keeping the existing $env_file"
fi
install -m 0644 "$here/lormas-agent.service" "$root/etc/systemd/system/lormas-agent.service"

if [ -n "$url" ]; then
  if [ -f "$root/var/lib/lormas/agent/credentials.json" ]; then
    echo "already registered ($root/var/lib/lormas/agent/credentials.json); not registering again"
  else
    LORMAS_AGENT_STATE_DIR="$root/var/lib/lormas/agent" LORMAS_AGENT_DATA_ROOT="$root$data_root" \
      "$java" -jar "$root/opt/lormas-agent/lormas-agent.jar" register --url "$url" --token "$token"
  fi
fi

if [ -n "$root" ]; then
  echo "installed below $root (LORMAS_INSTALL_ROOT): systemctl skipped"
  exit 0
fi
systemctl daemon-reload
if [ "$start" -eq 1 ]; then
  [ -f /var/lib/lormas/agent/credentials.json ] || die "not registered: run again with --url and --token"
  systemctl enable --now lormas-agent.service
  echo "started: systemctl status lormas-agent; journalctl -u lormas-agent -f; curl -s 127.0.0.1:8095/health"
else
  echo "installed; start with: systemctl enable --now lormas-agent"
fi
