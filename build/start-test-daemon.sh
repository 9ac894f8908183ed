#!/usr/bin/env bash
# Starts the project's private test components, as root (see ../shared/docs/engine-api-notes.md):
#   - a dockerd (Debian's docker.io: Engine 20.10, API 1.41) on its own unix socket and data root,
#     without iptables or a bridge, vfs storage (works in a container, needs no kernel modules);
#   - a registry (Debian's docker-registry 2.8) on 127.0.0.1:5000 with htpasswd auth;
#   - a single-node swarm on that daemon, advertised on 127.0.0.1;
#   - an image dockerapigen/busybox:latest imported from the static busybox (nothing is pulled);
#   - through start-test-registries.sh, a registry with token auth on 127.0.0.1:5055 and one behind TLS on
#     127.0.0.1:5056 (their variables are added to $STATE/env).
# It never touches the system daemon or /var/run/docker.sock. Running it again is harmless.
# Everything lives in $DOCKERAPIGEN_TEST_STATE (default .test-daemon/, git-ignored); the variables
# other scripts need are written to $STATE/env (source it).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${DOCKERAPIGEN_TEST_STATE:-$repo/.test-daemon}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
SOCK="$STATE/docker.sock"
# Loopback ports; override them to run beside another instance.
REGISTRY_ADDR="${DOCKERAPIGEN_TEST_REGISTRY_ADDR:-127.0.0.1:5000}"
SWARM_PORT="${DOCKERAPIGEN_TEST_SWARM_PORT:-2377}"
REGISTRY_USER=testuser
REGISTRY_PASSWORD=testpassword

log() { echo "[test-daemon] $*"; }

# Waits up to $1 seconds for a command to succeed.
wait_for() {
  local seconds=$1; shift
  for _ in $(seq "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}

api() { curl -sS --fail --unix-socket "$SOCK" "$@"; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  [ -x /bin/busybox ] && file -L /bin/busybox 2>/dev/null | grep -q static || missing+=(busybox-static)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v curl >/dev/null || missing+=(curl)
  command -v file >/dev/null || missing+=(file)
  command -v ps >/dev/null || missing+=(procps) # /containers/{id}/top runs the host's ps
  # The ssh:// transport tests start their own sshd on loopback and connect with the ssh client.
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || missing+=(openssh-client)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_dockerd() {
  if [ -S "$SOCK" ] && api http://docker/_ping >/dev/null 2>&1; then
    log "dockerd already answers on $SOCK"
    return
  fi
  rm -f "$SOCK" "$STATE/docker.pid"
  log "starting dockerd (data root $STATE/data)"
  # --exec-root keeps containerd's and the daemon's runtime state out of /var/run, beside the data.
  nohup dockerd \
    --data-root "$STATE/data" --exec-root "$STATE/exec" \
    --host "unix://$SOCK" --pidfile "$STATE/docker.pid" \
    --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs \
    >"$STATE/dockerd.log" 2>&1 &
  if ! wait_for 60 api http://docker/_ping; then
    log "dockerd did not answer within 60 s; last lines of its log:"
    tail -n 30 "$STATE/dockerd.log" >&2
    exit 1
  fi
}

start_registry() {
  if curl -s -o /dev/null "http://$REGISTRY_ADDR/v2/"; then
    log "registry already answers on $REGISTRY_ADDR"
    return
  fi
  mkdir -p "$STATE/registry"
  htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$STATE/htpasswd"
  cat >"$STATE/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
auth:
  htpasswd:
    realm: dockerapigen-test
    path: $STATE/htpasswd
YAML
  log "starting registry on $REGISTRY_ADDR"
  nohup docker-registry serve "$STATE/registry.yml" >"$STATE/registry.log" 2>&1 &
  echo $! >"$STATE/registry.pid"
  # 401 is the answer we want: the registry runs and asks for credentials.
  if ! wait_for 30 sh -c "curl -s -o /dev/null -w '%{http_code}' http://$REGISTRY_ADDR/v2/ | grep -q 401"; then
    log "the registry did not answer within 30 s; last lines of its log:"
    tail -n 30 "$STATE/registry.log" >&2
    exit 1
  fi
}

init_swarm() {
  if api http://docker/v1.41/info | grep -q '"LocalNodeState":"active"'; then
    log "swarm already active"
    return
  fi
  log "initialising a single-node swarm"
  api -X POST -H 'Content-Type: application/json' \
    -d "{\"ListenAddr\":\"127.0.0.1:$SWARM_PORT\",\"AdvertiseAddr\":\"127.0.0.1:$SWARM_PORT\"}" \
    http://docker/v1.41/swarm/init >/dev/null
  wait_for 30 sh -c "curl -s --unix-socket '$SOCK' http://docker/v1.41/info | grep -q '\"LocalNodeState\":\"active\"'"
}

import_busybox() {
  if api http://docker/v1.41/images/dockerapigen/busybox:latest/json >/dev/null 2>&1; then
    log "image dockerapigen/busybox:latest present"
    return
  fi
  log "importing dockerapigen/busybox:latest from the static busybox"
  local rootfs="$STATE/busybox-rootfs"
  rm -rf "$rootfs"
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc" "$rootfs/root"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$rootfs/etc/passwd"
  echo 'root:x:0:' >"$rootfs/etc/group"
  tar -C "$rootfs" -cf "$STATE/busybox.tar" .
  api -X POST -H 'Content-Type: application/x-tar' --data-binary "@$STATE/busybox.tar" \
    "http://docker/v1.41/images/create?fromSrc=-&repo=dockerapigen/busybox&tag=latest" >/dev/null
}

install_packages
start_dockerd
start_registry
init_swarm
import_busybox
DOCKERAPIGEN_TEST_STATE="$STATE" bash "$repo/build/start-test-registries.sh"

# DOCKER_CONFIG keeps `docker login` credentials for the test registry out of ~/.docker.
mkdir -p "$STATE/docker-config"
cat >"$STATE/env" <<ENV
DOCKER_HOST=unix://$SOCK
DOCKER_CONFIG=$STATE/docker-config
DOCKERAPIGEN_TEST_REGISTRY=$REGISTRY_ADDR
DOCKERAPIGEN_TEST_REGISTRY_USER=$REGISTRY_USER
DOCKERAPIGEN_TEST_REGISTRY_PASSWORD=$REGISTRY_PASSWORD
export DOCKER_HOST DOCKER_CONFIG DOCKERAPIGEN_TEST_REGISTRY DOCKERAPIGEN_TEST_REGISTRY_USER DOCKERAPIGEN_TEST_REGISTRY_PASSWORD
ENV
cat "$STATE/registries.env" >>"$STATE/env"
log "ready; run: source $STATE/env"
echo "export DOCKER_HOST=unix://$SOCK"
