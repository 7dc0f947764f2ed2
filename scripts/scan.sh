#!/usr/bin/env bash
# Security scans of a running portal, signed in as the demo admin: wapiti (crawl + attack modules) and
# sqlmap (the search parameters and the sign-in form). Not part of CI (it takes minutes and attacks a
# database it then leaves behind); run it before closing a release:
#   scripts/scan.sh                 starts `npm start` on SCAN_PORT (3320) with a fresh SCAN_DATABASE
#   SCAN_URL=http://host:port scripts/scan.sh    scans a portal that is already running (demo seed)
# Needs Debian's wapiti and sqlmap (apt-get install wapiti sqlmap). Results go to bench/scans/; the script
# prints the findings by severity and fails when anything is medium or above.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wapiti >/dev/null || { echo "wapiti is missing: apt-get install wapiti" >&2; exit 1; }
command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install sqlmap" >&2; exit 1; }

OUT=bench/scans
mkdir -p "$OUT"
PORT=${SCAN_PORT:-3320}
BASE=${SCAN_URL:-http://127.0.0.1:$PORT}
SERVER_PID=

cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ -z "${SCAN_URL:-}" ]; then
  DB=${SCAN_DATABASE:-atlas_scan}
  SERVER=${SCAN_PG:-postgresql://postgres@127.0.0.1:5432}
  psql -q "$SERVER/postgres" -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""
  # The attacks sign in thousands of times from one address: lift the throttle for this instance only.
  # node directly (not npm), so the PID is start.mjs's, which stops its server on SIGTERM.
  DATABASE_URL="$SERVER/$DB" PORT=$PORT HOST=127.0.0.1 LOGIN_MAX_FAILURES=1000 node scripts/start.mjs > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "The portal exited; see $OUT/server.log" >&2; exit 1; }
    curl -sf -o /dev/null "$BASE/api/health" && break
    sleep 1
  done
  curl -sf -o /dev/null "$BASE/api/health" || { echo "The portal did not start; see $OUT/server.log" >&2; exit 1; }
fi

# Sign in as the demo admin through next-auth's credentials endpoint; keep the session cookie.
JAR=$(mktemp)
CSRF=$(curl -s -c "$JAR" "$BASE/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST "$BASE/api/auth/callback/credentials" -H "Origin: $BASE" \
  --data-urlencode "csrfToken=$CSRF" --data-urlencode "email=admin@atlas.test" --data-urlencode "password=atlas-admin-demo" \
  --data-urlencode "callbackUrl=$BASE/en/account" --data-urlencode "json=true"
SESSION=$(awk '$6 ~ /next-auth.session-token$/ {print $6"="$7}' "$JAR")
CSRF_COOKIE=$(awk '$6 ~ /next-auth.csrf-token$/ {print $6"="$7}' "$JAR")
[ -n "$SESSION" ] || { echo "Could not sign in as admin@atlas.test at $BASE" >&2; exit 1; }
curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $SESSION" "$BASE/en/admin/reviews" | grep -q 200 || { echo "The admin session does not open /en/admin/reviews" >&2; exit 1; }
echo "[scan] signed in as admin@atlas.test"

# wapiti: crawl /en/ as the admin (sign-out is outside that folder, and a client-side call, so the session
# lasts), every attack module that works offline (ssrf and xxe need wapiti's internet endpoint). No -x:
# Debian's wapiti 3.0.4 crashes on exclusions under Python 3.11 ("global flags not at the start").
echo "[scan] wapiti…"
# /en/ itself redirects to /en (outside the folder), so the crawl starts from pages inside it.
START=()
for p in organizations institutions "organizations?q=silk" account account/new account/profile admin/reviews admin/institutions admin/organizations admin/users admin/history admin/outbox login; do
  START+=(-s "$BASE/en/$p")
done
wapiti -u "$BASE/en/" --scope folder "${START[@]}" -H "Cookie: $SESSION" \
  -m "sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,csrf,methods,htaccess,backup,cookieflags,csp,http_headers" \
  -d 3 --max-links-per-page 40 --max-scan-time "${WAPITI_MAX_SECONDS:-900}" --max-attack-time 120 -t 15 \
  --flush-session --no-bugreport -v 0 -f json -o "$OUT/wapiti.json" > "$OUT/wapiti.log" 2>&1 || true
[ -s "$OUT/wapiti.json" ] || { echo "wapiti wrote no report; see $OUT/wapiti.log" >&2; exit 1; }

# sqlmap: the search and filter parameters of the public lists, and the sign-in form (with a valid CSRF
# pair, so each attempt reaches the password check; a refused sign-in answers 401, which is not an error here).
echo "[scan] sqlmap…"
# The database is known (PostgreSQL), which spares sqlmap the payloads of every other one.
SQLMAP=(sqlmap --batch --level 2 --risk 1 --dbms=PostgreSQL --flush-session --disable-coloring --output-dir "$OUT/sqlmap")
: > "$OUT/sqlmap.log"
"${SQLMAP[@]}" -H "Cookie: $SESSION" -u "$BASE/en/organizations?q=silk&kind=ALLIANCE&page=1" -p "q,kind,page" >> "$OUT/sqlmap.log" 2>&1 || true
"${SQLMAP[@]}" -H "Cookie: $SESSION" -u "$BASE/en/institutions?q=nanjing&country=CN&page=1" -p "q,country,page" >> "$OUT/sqlmap.log" 2>&1 || true
"${SQLMAP[@]}" -u "$BASE/api/auth/callback/credentials" --method POST --cookie "$CSRF_COOKIE" -H "Origin: $BASE" \
  --data "csrfToken=$CSRF&email=admin%40atlas.test&password=guess&json=true" -p "email,password" --ignore-code=401 >> "$OUT/sqlmap.log" 2>&1 || true

STILL=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $SESSION" "$BASE/en/admin/reviews")
echo "[scan] the admin session at the end: /en/admin/reviews answered $STILL (200: the scan stayed signed in)"

# Summary by severity; fails on anything medium or above (see scripts/scan-summary.mjs for how wapiti's
# CSRF findings on server-action forms are checked rather than waved through).
SCAN_SESSION="$SESSION" node scripts/scan-summary.mjs "$OUT/wapiti.json" "$OUT/sqlmap.log" "$BASE"
