#!/usr/bin/env bash
# Builds mfh-hub and runs the whole test suite: domain unit tests, storage
# tests, and end-to-end tests that start the real mfh-server and clients.
# MFH_SANITIZE=1 builds and runs it under AddressSanitizer (leaks included)
# and UndefinedBehaviorSanitizer, where any report fails the test.
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/build.sh
build=build
if [[ ${MFH_SANITIZE:-0} == 1 ]]; then
  build=build-sanitize
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=suppressions=$PWD/deploy/lsan.supp:print_suppressions=0
fi
cd "$build"
ctest --output-on-failure -j"${MFH_JOBS:-2}" --timeout "${MFH_TEST_TIMEOUT:-300}"
