#!/usr/bin/env bash
# Installs what is missing, then configures and builds mfh-hub in ./build.
# MFH_SANITIZE=1 builds in ./build-sanitize instead, with AddressSanitizer
# and UndefinedBehaviorSanitizer, for ./deploy/test.sh to run the suite under.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/setup.sh
launcher=()
# A machine that has ccache rebuilds from its cache; CI's clean one need not.
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
build=build
sanitize=()
if [[ ${MFH_SANITIZE:-0} == 1 ]]; then
  # clang: GCC 12's UBSan rejects constexpr string_views of constants.
  if ! command -v clang++ >/dev/null; then
    apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends clang
  fi
  build=build-sanitize
  flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  sanitize=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$flags"
    -DCMAKE_EXE_LINKER_FLAGS="$flags")
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${MFH_BUILD_TYPE:-RelWithDebInfo}" \
  -DMFH_TEST_HOOKS=ON "${launcher[@]}" "${sanitize[@]}" >/dev/null
cmake --build "$build" -j"${MFH_JOBS:-2}"
