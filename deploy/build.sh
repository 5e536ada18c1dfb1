#!/usr/bin/env bash
# Installs what is missing, then configures and builds mfh-hub in ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE="${MFH_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build build -j"${MFH_JOBS:-2}"
