#!/usr/bin/env bash
# Builds mfh-hub and runs the whole test suite: domain unit tests, storage
# tests, and end-to-end tests that start the real mfh-server and clients.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh
cd build
ctest --output-on-failure -j"${MFH_JOBS:-2}" --timeout 300
