#!/usr/bin/env bash
# Records real JSON responses of the test daemon (Engine 20.10, API 1.41) as test data for the model
# tests: tests/DockerApiGen.Models.Tests/RealResponses/. It creates the objects it needs (containers,
# a volume, a network, a swarm service, a secret, a config), captures, and removes them again.
# Needs the test daemon: bash build/start-test-daemon.sh && source .test-daemon/env
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/tests/DockerApiGen.Models.Tests/RealResponses"
: "${DOCKER_HOST:?start the test daemon and source .test-daemon/env first}"
SOCK="${DOCKER_HOST#unix://}"
REGISTRY="${DOCKERAPIGEN_TEST_REGISTRY:-127.0.0.1:5000}"
mkdir -p "$out"

api() { curl -sS --fail-with-body --unix-socket "$SOCK" "$@"; }
post() { local path=$1; shift; api -X POST -H 'Content-Type: application/json' "$@" "http://docker/v1.41$path"; }
capture() { local name=$1 path=$2; api "http://docker/v1.41$path" | python3 -m json.tool --indent 2 >"$out/$name"; echo "captured $name"; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

cleanup() {
  set +e
  for c in capture-running capture-exited; do api -X DELETE "http://docker/v1.41/containers/$c?force=1&v=1" >/dev/null 2>&1; done
  api -X DELETE http://docker/v1.41/services/capture-service >/dev/null 2>&1
  api -X DELETE http://docker/v1.41/secrets/capture-secret >/dev/null 2>&1
  api -X DELETE http://docker/v1.41/configs/capture-config >/dev/null 2>&1
  api -X DELETE http://docker/v1.41/networks/capture-net >/dev/null 2>&1
  sleep 2
  api -X DELETE http://docker/v1.41/volumes/capture-vol >/dev/null 2>&1
}
trap cleanup EXIT
cleanup
since=$(date +%s)

post /volumes/create -d '{"Name":"capture-vol","Labels":{"purpose":"capture"}}' >/dev/null
post /networks/create -d '{"Name":"capture-net","Driver":"bridge","Labels":{"purpose":"capture"},"Options":{"com.docker.network.bridge.name":"capnet0"}}' >/dev/null

# A running container with most of the config a user sets.
post '/containers/create?name=capture-running' -d '{
  "Image": "dockerapigen/busybox:latest",
  "Cmd": ["sleep", "600"],
  "Env": ["GREETING=hello", "EMPTY="],
  "Labels": {"purpose": "capture", "com.example.tier": "test"},
  "ExposedPorts": {"80/tcp": {}, "53/udp": {}},
  "Volumes": {"/data": {}},
  "Healthcheck": {"Test": ["CMD", "true"], "Interval": 1000000000, "Timeout": 1000000000, "Retries": 3},
  "HostConfig": {
    "NetworkMode": "none",
    "Binds": ["capture-vol:/data"],
    "RestartPolicy": {"Name": "unless-stopped"},
    "Memory": 67108864
  }
}' >/dev/null
post /containers/capture-running/start >/dev/null
# A container that ran and exited.
post '/containers/create?name=capture-exited' -d '{"Image":"dockerapigen/busybox:latest","Cmd":["sh","-c","echo out; echo err >&2; exit 3"],"HostConfig":{"NetworkMode":"none"}}' >/dev/null
post /containers/capture-exited/start >/dev/null
post /containers/capture-exited/wait >/dev/null

exec_id=$(post /containers/capture-running/exec -d '{"Cmd":["touch","/tmp/changed"],"AttachStdout":true,"AttachStderr":true}' | json_field Id)
post "/exec/$exec_id/start" -d '{"Detach":false,"Tty":false}' >/dev/null
sleep 2 # let the health check run once

# A swarm service from the image pushed to the local registry, plus a secret and a config.
auth=$(printf '{"username":"%s","password":"%s","serveraddress":"%s"}' "${DOCKERAPIGEN_TEST_REGISTRY_USER:-testuser}" "${DOCKERAPIGEN_TEST_REGISTRY_PASSWORD:-testpassword}" "$REGISTRY" | base64 -w0 | tr '+/' '-_')
post "/images/dockerapigen/busybox:latest/tag?repo=$REGISTRY/dockerapigen/busybox&tag=latest" >/dev/null
api -X POST -H "X-Registry-Auth: $auth" "http://docker/v1.41/images/$REGISTRY/dockerapigen/busybox/push?tag=latest" >/dev/null
post /services/create -H "X-Registry-Auth: $auth" -d "{\"Name\":\"capture-service\",\"Labels\":{\"purpose\":\"capture\"},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"$REGISTRY/dockerapigen/busybox:latest\",\"Command\":[\"sleep\",\"600\"]}},\"Mode\":{\"Replicated\":{\"Replicas\":1}}}" >/dev/null
post /secrets/create -d '{"Name":"capture-secret","Labels":{"purpose":"capture"},"Data":"c2VjcmV0"}' >/dev/null
post /configs/create -d '{"Name":"capture-config","Labels":{"purpose":"capture"},"Data":"Y29uZmln"}' >/dev/null
for _ in $(seq 30); do
  api "http://docker/v1.41/tasks?filters=%7B%22service%22%3A%5B%22capture-service%22%5D%7D" | grep -q '"State":"running"' && break
  sleep 1
done

capture system-info.json /info
capture system-version.json /version
capture system-df.json /system/df
capture container-list.json '/containers/json?all=1&filters=%7B%22label%22%3A%5B%22purpose%3Dcapture%22%5D%7D'
capture container-inspect.json /containers/capture-running/json
capture container-top.json /containers/capture-running/top
capture container-changes.json /containers/capture-running/changes
capture container-stats.json '/containers/capture-running/stats?stream=false'
capture image-list.json /images/json
capture image-inspect.json /images/dockerapigen/busybox:latest/json
capture image-history.json /images/dockerapigen/busybox:latest/history
capture network-list.json /networks
capture network-inspect.json /networks/capture-net
capture volume-list.json /volumes
capture volume-inspect.json /volumes/capture-vol
capture swarm-inspect.json /swarm
# Join tokens admit nodes to the swarm: never record them.
sed -i -E 's/SWMTKN-1-[A-Za-z0-9-]+/SWMTKN-1-REDACTED/g' "$out/swarm-inspect.json"
capture node-list.json /nodes
capture service-list.json /services
capture service-inspect.json /services/capture-service
capture task-list.json /tasks
capture secret-list.json /secrets
capture config-list.json /configs
capture plugin-list.json /plugins
capture exec-inspect.json "/exec/$exec_id/json"
api "http://docker/v1.41/events?since=$since&until=$(date +%s)&filters=%7B%22type%22%3A%5B%22container%22%5D%7D" >"$out/events-sample.jsonl"
echo "captured events-sample.jsonl ($(wc -l <"$out/events-sample.jsonl") events)"
