#!/usr/bin/env bash
# A mutation smoke test of the rules: applies each mutant of mutants.txt in
# turn, rebuilds its targets in build-mutants/, runs the tests that should
# kill it, and restores the file. See README.md.
#
#   tests/mutants/run.sh [--list] [REGEX]
#
# REGEX (bash ERE) picks mutants by name; --list prints them and stops.
# Exit 0 only when every mutant picked is killed; 1 when one survived; 2 on a
# setup error (a dirty file, a find text that no longer occurs exactly once,
# a baseline that does not build or pass).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mutants_file=${MFH_MUTANTS_FILE:-$here/mutants.txt}
build=${MFH_MUTANTS_BUILD:-$root/build-mutants}
lock=${MFH_BUILD_LOCK:-/tmp/mfh-build.lock}
jobs=${MFH_MUTANTS_JOBS:-2}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(dirname "$root")}

list_only=0
filter=""
for arg in "$@"; do
  case "$arg" in
    --list) list_only=1 ;;
    -h | --help)
      sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) filter=$arg ;;
  esac
done

die() {
  echo "run.sh: $*" >&2
  exit 2
}

# --- Read mutants.txt: blocks of "key value" lines, one block per mutant. ---
names=() abouts=() files=() finds=() replaces=() targets=() tests=()
add_mutant() {
  [[ -z ${m_name:-} ]] && return 0
  local key
  for key in m_file m_find m_replace m_targets m_tests; do
    [[ -n ${!key:-} ]] || die "$mutants_file: mutant $m_name has no ${key#m_}"
  done
  if [[ -z $filter || $m_name =~ $filter ]]; then
    names+=("$m_name") abouts+=("${m_about:-}") files+=("$m_file")
    finds+=("$m_find") replaces+=("$m_replace") targets+=("$m_targets")
    tests+=("$m_tests")
  fi
  m_name="" m_about="" m_file="" m_find="" m_replace="" m_targets="" m_tests=""
}
m_name=""
declare -A seen_names=()
while IFS= read -r line || [[ -n $line ]]; do
  [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
  [[ $line =~ ^([a-z]+)[[:space:]]+(.*)$ ]] ||
    die "$mutants_file: cannot read line: $line"
  key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
  case "$key" in
    mutant)
      add_mutant
      [[ -z ${seen_names[$value]:-} ]] || die "mutant $value is named twice"
      seen_names[$value]=1
      m_name=$value
      ;;
    about | file | find | replace | targets | tests)
      [[ -n $m_name ]] || die "$mutants_file: '$key' before any 'mutant'"
      printf -v "m_$key" '%s' "$value"
      ;;
    *) die "$mutants_file: unknown key '$key'" ;;
  esac
done <"$mutants_file"
add_mutant

total=${#names[@]}
((total > 0)) || die "no mutant matches '${filter}'"

if ((list_only)); then
  for ((i = 0; i < total; i++)); do
    printf '%-34s %s\n' "${names[i]}" "${abouts[i]}"
  done
  exit 0
fi

# --- Exact, single-occurrence replacement. find/replace take \n for a
# newline and \\ for a backslash. Mode "check" only counts. ---
mutate() {
  local mode=$1 path=$2 find=$3 replace=$4
  MFH_FIND=$find MFH_REPLACE=$replace perl -e '
    use strict;
    sub decode { my $s = shift; $s =~ s/\\(n|\\)/$1 eq "n" ? "\n" : "\\"/ge; $s }
    my ($mode, $path) = @ARGV;
    my $find = decode($ENV{MFH_FIND});
    my $replace = decode($ENV{MFH_REPLACE});
    open(my $in, "<:raw", $path) or die "cannot read $path: $!\n";
    my $text = do { local $/; <$in> };
    close $in;
    my ($count, $at, $from) = (0, -1, 0);
    while ((my $i = index($text, $find, $from)) >= 0) {
      $count++; $at = $i; $from = $i + 1;
    }
    die "the find text occurs $count times in $path (it must occur once)\n"
      unless $count == 1;
    die "the replacement equals the find text\n" if $find eq $replace;
    exit 0 if $mode eq "check";
    substr($text, $at, length $find) = $replace;
    open(my $out, ">:raw", $path) or die "cannot write $path: $!\n";
    print $out $text;
    close $out or die "cannot write $path: $!\n";
  ' "$mode" "$path"
}

cd "$root"
declare -A distinct_files=()
for ((i = 0; i < total; i++)); do
  [[ -f ${files[i]} ]] || die "mutant ${names[i]}: no file ${files[i]}"
  distinct_files[${files[i]}]=1
  mutate check "${files[i]}" "${finds[i]}" "${replaces[i]}" ||
    die "mutant ${names[i]}: fix its find text in $mutants_file"
done
if ! git diff --quiet HEAD -- "${!distinct_files[@]}"; then
  die "uncommitted changes to files it would mutate; commit or stash them:
$(git diff --stat HEAD -- "${!distinct_files[@]}")"
fi

# --- Restore whatever is mutated, however the script ends. The restored
# file gets a new mtime, so the next build recompiles it (from ccache). ---
scratch=$(mktemp -d)
current=""
restore() {
  if [[ -n $current ]]; then
    cat "$scratch/original" >"$current"
    current=""
  fi
}
trap 'restore; rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM HUP

logs=$build/mutants-logs
mkdir -p "$logs"
started=$(date +%s)

# Builds $1 (space-separated targets) and runs ctest on regex $2, under the
# shared lock; 0 all passed, 100 the build failed, 101 a test failed.
build_and_test() {
  flock "$lock" bash -c '
    build=$1 targets=$2 regex=$3 log=$4 jobs=$5
    echo "lock taken at $(date +%s)" >>"$log"
    # shellcheck disable=SC2086
    cmake --build "$build" -j"$jobs" --target $targets >>"$log" 2>&1 || exit 100
    ctest --test-dir "$build" -R "$regex" --no-tests=error --stop-on-failure \
      -j"$jobs" --timeout 300 --output-on-failure >>"$log" 2>&1 || exit 101
  ' _ "$build" "$1" "$2" "$3" "$jobs"
}

# --- Baseline: the unmutated tree builds and every mutant's tests pass. ---
declare -A all_targets=() all_regexes=()
for ((i = 0; i < total; i++)); do
  for t in ${targets[i]}; do all_targets[$t]=1; done
  all_regexes[${tests[i]}]=1
done
echo "baseline: building ${!all_targets[*]} in ${build#"$root"/}"
rc=0
flock "$lock" bash -c '
  root=$1 build=$2 targets=$3 log=$4 jobs=$5
  shift 5
  echo "lock taken at $(date +%s)" >"$log"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMFH_TEST_HOOKS=ON -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >>"$log" 2>&1 ||
    exit 100
  # shellcheck disable=SC2086
  cmake --build "$build" -j"$jobs" --target $targets >>"$log" 2>&1 || exit 100
  # One run per regex: CMake regexes take too few groups for their union.
  for r in "$@"; do
    echo "tests regex $r" >>"$log"
    ctest --test-dir "$build" -R "$r" --no-tests=error -j"$jobs" \
      --timeout 300 --output-on-failure >>"$log" 2>&1 || exit 101
  done
' _ "$root" "$build" "${!all_targets[*]}" "$logs/baseline.log" \
  "$jobs" "${!all_regexes[@]}" || rc=$?
case $rc in
  0) ;;
  100) die "the unmutated tree does not build; see $logs/baseline.log" ;;
  101) die "the unmutated tree fails a mutant's tests, or a tests regex" \
    "matches no test; see $logs/baseline.log" ;;
  *) die "baseline: unexpected status $rc; see $logs/baseline.log" ;;
esac
locked_at=$(sed -n "s/^lock taken at //p" "$logs/baseline.log")
busy=$(($(date +%s) - locked_at))
echo "baseline: ${#all_regexes[@]} test selections pass" \
  "($busy s, $((locked_at - started)) s waiting)"

# --- The mutants. ---
killed=0 by_build=0 survived=()
for ((i = 0; i < total; i++)); do
  name=${names[i]}
  log="$logs/$name.log"
  cp "${files[i]}" "$scratch/original"
  current=${files[i]}
  mutate apply "${files[i]}" "${finds[i]}" "${replaces[i]}"
  {
    echo "mutant $name: ${abouts[i]}"
    git diff -- "${files[i]}"
  } >"$log"
  t0=$(date +%s)
  rc=0
  build_and_test "${targets[i]}" "${tests[i]}" "$log" || rc=$?
  restore
  t1=$(date +%s)
  locked_at=$(sed -n "s/^lock taken at //p" "$log" | tail -1)
  locked_at=${locked_at:-$t0}
  seconds="$((t1 - locked_at)) s, $((locked_at - t0)) s waiting"
  busy=$((busy + t1 - locked_at))
  case $rc in
    101)
      killed=$((killed + 1))
      printf '[%2d/%d] killed           %-34s (%s; failing test: %s)\n' \
        $((i + 1)) "$total" "$name" "$seconds" \
        "$(sed -n 's/^[[:space:]]*[0-9]* - \([^ ]*\) (.*/\1/p' "$log" | head -1)"
      ;;
    100)
      killed=$((killed + 1)) by_build=$((by_build + 1))
      printf '[%2d/%d] did not compile  %-34s (%s)\n' \
        $((i + 1)) "$total" "$name" "$seconds"
      ;;
    0)
      survived+=("$name")
      printf '[%2d/%d] SURVIVED         %-34s (%s; log %s)\n' \
        $((i + 1)) "$total" "$name" "$seconds" "$log"
      ;;
    *) die "mutant $name: unexpected status $rc; see $log" ;;
  esac
done

elapsed=$(($(date +%s) - started))
echo
echo "$killed of $total mutants killed"
((by_build == 0)) || echo "($by_build of them by a build that did not compile)"
((${#survived[@]} == 0)) || echo "survived: ${survived[*]}"
printf 'took %dm%02ds, of which the mutants held the build lock %dm%02ds\n' \
  $((elapsed / 60)) $((elapsed % 60)) $((busy / 60)) $((busy % 60))
((${#survived[@]} == 0))
