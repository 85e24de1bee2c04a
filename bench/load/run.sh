#!/usr/bin/env bash
# The load test (bench/load/README.md): gunicorn on 127.0.0.1 against a prepared database, then
# locust's mixed traffic for a bounded time and number of requests; prints throughput, p50/p95/p99
# latency and errors, stops the server and exits non-zero when a request failed.
#
#   bench/load/run.sh [--prepare]      --prepare: migrate and (re)seed the demo first
#
# Environment (defaults in brackets):
#   LOAD_DATABASE_URL  the prepared database [$DATABASE_URL]; never the one you work in if
#                      you mind new hours entries and a re-saved draft in it
#   LOAD_WORKERS [3]   gunicorn workers     LOAD_PORT [8765]
#   LOAD_USERS [8]     simulated people     LOAD_SPAWN_RATE [4]   people started per second
#   LOAD_RUN_TIME [60s]  LOAD_MAX_REQUESTS [20000]  (whichever comes first ends the test)
#   LOAD_VOLUNTEERS, LOAD_COORDINATORS, LOAD_APPLICANTS, LOAD_PASSWORD, LOAD_MUNICIPALITY:
#                      the accounts and municipality (see bench/load/locustfile.py)
set -euo pipefail
cd "$(dirname "$0")/../.."

export DATABASE_URL=${LOAD_DATABASE_URL:-${DATABASE_URL:?set LOAD_DATABASE_URL or DATABASE_URL}}
PORT=${LOAD_PORT:-8765}
MUNICIPALITY=${LOAD_MUNICIPALITY:-3434}
WORKERS=${LOAD_WORKERS:-3}
export LOAD_MAX_REQUESTS=${LOAD_MAX_REQUESTS:-20000}

# The server as in production (DEBUG off: no SQL kept per request, no debug pages), but:
# - plain HTTP on loopback, so no redirect to HTTPS (the client sends the Secure cookies anyway);
# - REQUIRE_MFA_FOR_STAFF off: with it on, a coordinator must pass a TOTP code before the
#   registry; the load test measures the pages, not a second factor it cannot type.
export DEBUG=false SECRET_KEY=${SECRET_KEY:-load-test-only-not-secret} SECURE_SSL_REDIRECT=false \
  ALLOWED_HOSTS=127.0.0.1 REQUIRE_MFA_FOR_STAFF=false

if [[ "${1:-}" == "--prepare" ]]; then
  .venv/bin/python manage.py migrate --noinput
  .venv/bin/python manage.py load_municipalities
  .venv/bin/python manage.py seed_demo >/dev/null
fi
# Pages name the hashed static files (DEBUG off); collecting and compressing them takes a
# minute on a busy machine, so only when something in static/ is newer than the manifest.
manifest=staticfiles/staticfiles.json
if [[ ! -f $manifest || -n $(find static -newer "$manifest" -print -quit) ]]; then
  .venv/bin/python manage.py collectstatic --noinput >/dev/null
fi

log=$(mktemp -t samspill-gunicorn.XXXXXX)
# --no-control-socket: gunicorn 23+ would open one socket per user (~/.gunicorn/gunicorn.ctl),
# which a second run on the same machine would take over.
.venv/bin/gunicorn coordination.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
  --preload --error-logfile "$log" --no-control-socket --graceful-timeout 5 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 300); do  # a minute at most: booting on a busy machine is slow
  curl -fs -m 5 "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
# Warm up: each worker's first pages compile templates and load translations.
for _ in $(seq $((WORKERS * 3))); do
  for page in "activities/$MUNICIPALITY/" "activities/$MUNICIPALITY/calendar/" accounts/login/; do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/$page" || true
  done
done
echo "gunicorn: $WORKERS workers on 127.0.0.1:$PORT (log: $log); $(uptime | sed 's/.*load/load/')"

status=0
.venv/bin/locust -f bench/load/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  --users "${LOAD_USERS:-8}" --spawn-rate "${LOAD_SPAWN_RATE:-4}" \
  --run-time "${LOAD_RUN_TIME:-60s}" --stop-timeout 10 --only-summary --loglevel WARNING \
  || status=$?
if grep -q "Traceback" "$log"; then
  echo "The server logged errors:"; grep -A3 "Traceback" "$log" | head -40; status=1
fi
exit "$status"
