#!/usr/bin/env bash
# Starts the registries the registry tests need besides the htpasswd one that start-test-daemon.sh runs on :5000,
# each a Debian docker-registry 2.8 on loopback (see ../shared/docs/registry/token-auth-here.md for its quirks):
#   - 127.0.0.1:5055 with `auth: token`: it trusts tokens signed by a key this script makes, whose self-signed
#     certificate is its rootcertbundle. The tests run their own token server at the realm (127.0.0.1:5057) and
#     sign with that key (its path is in the env file). The registry never calls the realm itself.
#   - 127.0.0.1:5056 behind TLS, with a CA this script makes (server certificate for 127.0.0.1 and localhost) and the
#     same htpasswd login as :5000 (testuser/testpassword).
# start-test-daemon.sh runs this; it can also run alone. Running it again is harmless. State lives in
# $DOCKERAPIGEN_TEST_STATE (default .test-daemon/); the variables for the tests go to $STATE/registries.env.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${DOCKERAPIGEN_TEST_STATE:-$repo/.test-daemon}"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
TOKEN_ADDR="${DOCKERAPIGEN_TEST_TOKEN_REGISTRY_ADDR:-127.0.0.1:5055}"
TLS_ADDR="${DOCKERAPIGEN_TEST_TLS_REGISTRY_ADDR:-127.0.0.1:5056}"
TOKEN_REALM="${DOCKERAPIGEN_TEST_TOKEN_REALM:-http://127.0.0.1:5057/token}"
TOKEN_SERVICE=dockerapigen-token-registry
TOKEN_ISSUER=dockerapigen-test-token-server
REGISTRY_USER=testuser
REGISTRY_PASSWORD=testpassword

log() { echo "[test-registries] $*"; }

wait_for() {
  local seconds=$1; shift
  for _ in $(seq "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  return 1
}

install_packages() {
  local missing=()
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# True when the PEM certificate $1 exists and stays valid for at least a day.
cert_usable() { [ -f "$1" ] && openssl x509 -in "$1" -noout -checkend 86400 >/dev/null 2>&1; }

make_token_key() {
  local dir="$STATE/token-auth"
  mkdir -p "$dir"
  if cert_usable "$dir/signing-cert.pem" && [ -f "$dir/signing-key.pem" ]; then return; fi
  log "making the token signing key and certificate"
  # EC P-256: the registry takes ES256 with a raw r||s signature; the bundle must hold a certificate, not a bare key.
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/signing-key.pem" 2>/dev/null
  openssl req -x509 -new -key "$dir/signing-key.pem" -subj "/CN=$TOKEN_ISSUER" -days 365 -out "$dir/signing-cert.pem" 2>/dev/null
  chmod 600 "$dir/signing-key.pem"
}

make_tls_files() {
  local dir="$STATE/registry-tls"
  mkdir -p "$dir"
  if cert_usable "$dir/ca.pem" && cert_usable "$dir/server-cert.pem" && [ -f "$dir/server-key.pem" ]; then return; fi
  log "making the TLS registry's CA and server certificate"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca-key.pem" 2>/dev/null
  openssl req -x509 -new -key "$dir/ca-key.pem" -subj "/CN=DockerApiGen test registry CA" -days 365 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$dir/ca.pem" 2>/dev/null
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/server-key.pem" 2>/dev/null
  openssl req -new -key "$dir/server-key.pem" -subj "/CN=127.0.0.1" -out "$dir/server.csr" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca-key.pem" -CAcreateserial -days 365 \
    -extfile "$dir/server.ext" -out "$dir/server-cert.pem" 2>/dev/null
  chmod 600 "$dir/ca-key.pem" "$dir/server-key.pem"
}

# Starts `docker-registry serve $config` unless something answers $url already; $name labels pid and log files.
start_one() {
  local name=$1 config=$2 url=$3; shift 3
  if curl -s -o /dev/null "$@" "$url"; then
    # Only one started from this state folder will do: another one trusts another signing key or CA.
    if [ -f "$STATE/$name.pid" ] && kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; then
      log "$name already answers at $url"
      return
    fi
    log "something else answers at $url (not the $name of $STATE); stop it, or choose other ports with" >&2
    log "DOCKERAPIGEN_TEST_TOKEN_REGISTRY_ADDR / DOCKERAPIGEN_TEST_TLS_REGISTRY_ADDR" >&2
    exit 1
  fi
  log "starting $name at $url"
  nohup docker-registry serve "$config" >"$STATE/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
  # 401 is the answer we want: the registry runs and asks for authentication.
  if ! wait_for 30 sh -c "curl -s -o /dev/null -w '%{http_code}' $* '$url' | grep -q 401"; then
    log "$name did not answer within 30 s; last lines of its log:"
    tail -n 30 "$STATE/$name.log" >&2
    exit 1
  fi
}

install_packages
make_token_key
make_tls_files
[ -f "$STATE/htpasswd" ] || htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$STATE/htpasswd"

mkdir -p "$STATE/registry-token-data" "$STATE/registry-tls-data"
cat >"$STATE/registry-token.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry-token-data
  delete:
    enabled: true
http:
  addr: $TOKEN_ADDR
auth:
  token:
    realm: $TOKEN_REALM
    service: $TOKEN_SERVICE
    issuer: $TOKEN_ISSUER
    rootcertbundle: $STATE/token-auth/signing-cert.pem
YAML
cat >"$STATE/registry-tls.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry-tls-data
  delete:
    enabled: true
http:
  addr: $TLS_ADDR
  tls:
    certificate: $STATE/registry-tls/server-cert.pem
    key: $STATE/registry-tls/server-key.pem
auth:
  htpasswd:
    realm: dockerapigen-test-tls
    path: $STATE/htpasswd
YAML

start_one registry-token "$STATE/registry-token.yml" "http://$TOKEN_ADDR/v2/"
start_one registry-tls "$STATE/registry-tls.yml" "https://$TLS_ADDR/v2/" --cacert "$STATE/registry-tls/ca.pem"

cat >"$STATE/registries.env" <<ENV
DOCKERAPIGEN_TEST_TOKEN_REGISTRY=$TOKEN_ADDR
DOCKERAPIGEN_TEST_TOKEN_REALM=$TOKEN_REALM
DOCKERAPIGEN_TEST_TOKEN_SERVICE=$TOKEN_SERVICE
DOCKERAPIGEN_TEST_TOKEN_ISSUER=$TOKEN_ISSUER
DOCKERAPIGEN_TEST_TOKEN_KEY=$STATE/token-auth/signing-key.pem
DOCKERAPIGEN_TEST_TOKEN_CERT=$STATE/token-auth/signing-cert.pem
DOCKERAPIGEN_TEST_TLS_REGISTRY=$TLS_ADDR
DOCKERAPIGEN_TEST_TLS_CA=$STATE/registry-tls/ca.pem
DOCKERAPIGEN_TEST_TLS_REGISTRY_USER=$REGISTRY_USER
DOCKERAPIGEN_TEST_TLS_REGISTRY_PASSWORD=$REGISTRY_PASSWORD
export DOCKERAPIGEN_TEST_TOKEN_REGISTRY DOCKERAPIGEN_TEST_TOKEN_REALM DOCKERAPIGEN_TEST_TOKEN_SERVICE DOCKERAPIGEN_TEST_TOKEN_ISSUER
export DOCKERAPIGEN_TEST_TOKEN_KEY DOCKERAPIGEN_TEST_TOKEN_CERT DOCKERAPIGEN_TEST_TLS_REGISTRY DOCKERAPIGEN_TEST_TLS_CA
export DOCKERAPIGEN_TEST_TLS_REGISTRY_USER DOCKERAPIGEN_TEST_TLS_REGISTRY_PASSWORD
ENV
log "ready; run: source $STATE/registries.env"
