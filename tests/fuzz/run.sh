#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (address and undefined-behaviour
# sanitizers on) in build-fuzz/, then runs each for SECONDS from the seeds
# of tests/fuzz/seeds/. See README.md.
#
#   tests/fuzz/run.sh SECONDS [HARNESS...]
#
# Exit 0 when no harness found a crash, a leak, undefined behaviour or a
# broken invariant; 1 otherwise, with the input that did it kept in
# build-fuzz/artifacts/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${MFH_FUZZ_BUILD:-$root/build-fuzz}
lock=${MFH_BUILD_LOCK:-/tmp/mfh-build.lock}
all=(time_fuzz policy_fuzz page_token_fuzz request_fuzz)

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
seconds=$1
shift
harnesses=("$@")
((${#harnesses[@]} > 0)) || harnesses=("${all[@]}")

"$root/deploy/setup.sh"
if ! command -v clang++ >/dev/null ||
  ! compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "run.sh: needs clang and libclang-rt-14-dev; run as root to install them" >&2
    exit 2
  fi
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
    clang libclang-rt-14-dev
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
flock "$lock" cmake -S "$root" -B "$build" -DMFH_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="$flags" "${launcher[@]}" >/dev/null
flock "$lock" cmake --build "$build" -j"${MFH_JOBS:-2}" \
  --target "${harnesses[@]}" >"$build/build.log" 2>&1 || {
  tail -40 "$build/build.log" >&2
  exit 2
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts"

# The requests' seeds are text protos named after their method; the harness
# reads "<method>\n<caller byte><request bytes>", so each seed is sent as
# every caller (five roles, no token, a wrong token).
seeds_of() {
  local harness=$1
  if [[ $harness != request_fuzz ]]; then
    echo "$here/seeds/${harness%_fuzz}"
    return
  fi
  local dir=$work/seeds/requests
  mkdir -p "$dir"
  local f method caller
  for f in "$here"/seeds/requests/*.textproto; do
    method=$(basename "$f" .textproto)
    for caller in 0 1 2 3 4 5 6; do
      {
        printf '%s\n' "$method"
        printf "\\x$(printf %02x "$caller")"
        protoc --encode="mfh.v1.${method}Request" -I "$root/proto" \
          "$root"/proto/mfh/v1/*.proto <"$f"
      } >"$dir/$method-$caller"
    done
  done
  echo "$dir"
}

failed=()
printf '%-16s %9s %9s %7s %7s  %s\n' harness runs exec/s corpus cover result
for harness in "${harnesses[@]}"; do
  corpus=$work/corpus/$harness
  mkdir -p "$corpus"
  log=$build/$harness.log
  result=clean
  # Each harness holds the lock while it runs: its figures are its own.
  if ! TMPDIR=$work flock "$lock" "$build/tests/fuzz/$harness" \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=30 \
    -rss_limit_mb=4096 -artifact_prefix="$build/artifacts/$harness-" \
    "$corpus" "$(seeds_of "$harness")" >"$log" 2>&1; then
    result="FOUND: see $log and $build/artifacts/"
    failed+=("$harness")
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cover=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%-16s %9s %9s %7s %7s  %s\n' "$harness" "${runs:--}" "${speed:--}" \
    "$(find "$corpus" -type f | wc -l)" "${cover:--}" "$result"
done

if ((${#failed[@]} > 0)); then
  echo "run.sh: ${failed[*]} found a failure" >&2
  exit 1
fi
