#!/usr/bin/env bash
# Builds mfh-hub and serves a fictional demo borough on 127.0.0.1:7443 from a
# fresh embedded SQLite database, until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh
data="${MFH_DEMO_DIR:-/var/tmp/mfh-demo}"
mkdir -p "$data"
rm -f "$data/hub.db" "$data/hub.db-wal" "$data/hub.db-shm"
echo "demo database: $data/hub.db"
./build/services/server/mfh-server serve --db "$data/hub.db" \
    --listen 127.0.0.1:7443 --demo |
  while IFS= read -r line; do
    echo "$line"
    if [[ $line =~ ^[0-9a-f]{64}$ ]]; then
      echo
      echo "Try, in another terminal:"
      echo "  export MFH_SERVER=127.0.0.1:7443 MFH_TOKEN=$line"
      echo "  ./build/clients/cli/mfh agenda"
      echo "  ./build/clients/cli/mfh rhi list"
      echo
    fi
  done
