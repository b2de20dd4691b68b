#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/, release, -sanitize=fuzzer,address) and runs each target, then prints one
# line per target: executions, seconds, corpus size, findings. Exits 1 when any target found something (the input
# is saved under .build/fuzz/findings/), 2 on a usage or build error.
#
#   Fuzz/fuzz.sh --runs 2000 [TARGET…]      a fixed number of executions per target (make test)
#   Fuzz/fuzz.sh --seconds 300 [TARGET…]    a fixed time per target (make fuzz)
#   Fuzz/fuzz.sh --replay FILE TARGET       runs one saved input (to reproduce a finding)
#
# Targets: bop packet digest json (all by default). The seeds in Fuzz/corpus/TARGET are only read; new inputs that
# reach new code go to .build/fuzz/corpus/TARGET, kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
ROOT=$PWD
OUT=$ROOT/.build/fuzz
ALL_TARGETS=(bop packet digest json)

mode=""; amount=""; replay=""
case "${1:-}" in
    --runs) mode=runs; amount=${2:?--runs needs a number}; shift 2 ;;
    --seconds) mode=seconds; amount=${2:?--seconds needs a number}; shift 2 ;;
    --replay) mode=replay; replay=${2:?--replay needs a file}; shift 2 ;;
    *) echo "usage: $0 --runs N | --seconds S | --replay FILE TARGET [TARGET…]" >&2; exit 2 ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")

# The binary of each target: json links the whole service (SwiftNIO, Hummingbird, BoringSSL), the others do not.
product() {
    case $1 in json) echo reachy-fuzz-json ;; *) echo reachy-fuzz ;; esac
}
# Sanitized release builds; -enable-testing lets the json harness reach the service's internal body models
# (@testable import), -parse-as-library because libFuzzer brings its own main.
flags=(--package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
    -Xswiftc -enable-testing)
bin_path=$($SWIFT build "${flags[@]}" --show-bin-path)
for name in $(for target in "${targets[@]}"; do product "$target"; done | sort -u); do
    build_start=$(date +%s)
    $SWIFT build "${flags[@]}" --product "$name" 2>&1 \
        | grep -v -E "warning: Cannot export local symbol|^\[[0-9]+/[0-9]+\] " || true
    [ -x "$bin_path/$name" ] || { echo "fuzz: the build did not produce $bin_path/$name" >&2; exit 2; }
    echo "fuzz: built $name in $(($(date +%s) - build_start)) s"
done

# The longest input per target: a program, a digest or a body of a few KiB covers what children and clients send.
max_len() {
    case $1 in bop) echo 4096 ;; packet) echo 2048 ;; digest) echo 16384 ;; json) echo 2048 ;; esac
}

common=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1)

if [ "$mode" = replay ]; then
    REACHY_FUZZ_TARGET=${targets[0]} "$bin_path/$(product "${targets[0]}")" "${common[@]}" "$replay"
    exit $?
fi

mkdir -p "$OUT/findings" "$OUT/logs"
status=0
printf '%-8s %12s %9s %8s %s\n' target executions seconds corpus findings
for target in "${targets[@]}"; do
    seeds=$ROOT/Fuzz/corpus/$target
    [ -d "$seeds" ] || { echo "fuzz: no target $target (no $seeds)" >&2; exit 2; }
    corpus=$OUT/corpus/$target
    mkdir -p "$corpus"
    limit=(-runs="$amount")
    [ "$mode" = seconds ] && limit=(-max_total_time="$amount")
    dict=()
    [ -f "$ROOT/Fuzz/$target.dict" ] && dict=(-dict="$ROOT/Fuzz/$target.dict")
    log=$OUT/logs/$target.log
    start=$(date +%s)
    set +e
    REACHY_FUZZ_TARGET=$target "$bin_path/$(product "$target")" "${common[@]}" "${limit[@]}" "${dict[@]}" -max_len="$(max_len "$target")" \
        -artifact_prefix="$OUT/findings/$target-" "$corpus" "$seeds" >"$log" 2>&1
    rc=$?
    set -e
    seconds=$(($(date +%s) - start))
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    size=$(find "$corpus" -type f | wc -l)
    if [ $rc -eq 0 ]; then
        findings=none
    else
        status=1
        findings="$(grep -m1 -E '^==[0-9]+==|SUMMARY|Fatal error|ERROR: libFuzzer' "$log" || echo "exit $rc")"
        findings="$findings; input: $(sed -n 's/.*Test unit written to //p' "$log" | tail -1) (log: $log)"
    fi
    printf '%-8s %12s %9s %8s %s\n' "$target" "${executions:-?}" "$seconds" "$size" "$findings"
done
exit $status
