#!/usr/bin/env bash
# Installs what is missing, then configures and builds mfh-hub in ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/setup.sh
launcher=()
# A machine that has ccache rebuilds from its cache; CI's clean one need not.
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE="${MFH_BUILD_TYPE:-RelWithDebInfo}" \
  -DMFH_TEST_HOOKS=ON "${launcher[@]}" >/dev/null
cmake --build build -j"${MFH_JOBS:-2}"
