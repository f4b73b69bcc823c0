#!/usr/bin/env bash
# The whole test suite: a plain build and an ASan/UBSan build, each running
# every unit, scenario, CLI and corpus-replay test; then a short libFuzzer
# smoke run of every fuzz target (clang). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
passed=0
failed=0

count() { # meson testlog.json -> add to the totals
	local log=$1/meson-logs/testlog.json p f
	[ -f "$log" ] || { failed=$((failed + 1)); return; }
	p=$(grep -c '"result": "OK"' "$log" || true)
	f=$(grep -c '"result": "\(FAIL\|ERROR\|TIMEOUT\|UNEXPECTEDPASS\)"' "$log" || true)
	passed=$((passed + p))
	failed=$((failed + f))
}

run_build() { # dir, meson options...
	local dir=$1; shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; failed=$((failed + 1)); return; }
	fi
	if ! ninja -C "$dir" >"$dir.ninja.log" 2>&1; then
		tail -40 "$dir.ninja.log"
		failed=$((failed + 1))
		return
	fi
	meson test -C "$dir" --print-errorlogs --num-processes "$(nproc)" 2>&1 | tail -n 25
	count "$dir"
}

echo "== plain build"
run_build build
echo "== ASan/UBSan build"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	run_build build-asan -Db_sanitize=address,undefined -Db_lundef=false

if command -v clang >/dev/null && [ "$FUZZ_SECONDS" -gt 0 ]; then
	echo "== libFuzzer smoke (${FUZZ_SECONDS}s per target)"
	if [ ! -f build-fuzz/build.ninja ]; then
		CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
			-Dwerror=true >build-fuzz.setup.log 2>&1 || cat build-fuzz.setup.log
	fi
	if ninja -C build-fuzz >build-fuzz.ninja.log 2>&1; then
		for f in build-fuzz/tests/fuzz/fuzz_*; do
			[ -f "$f" ] && [ -x "$f" ] || continue
			name=${f##*/fuzz_}
			work=$(mktemp -d)
			cp -r "tests/fuzz/corpus/$name/." "$work/" 2>/dev/null || true
			if "$f" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -rss_limit_mb=2048 \
				-timeout=20 -print_final_stats=1 -artifact_prefix="$work/" "$work" >"$work.log" 2>&1; then
				echo "fuzz $name: ok ($(grep -o 'stat::number_of_executed_units: [0-9]*' "$work.log" | awk '{print $2}') runs)"
				passed=$((passed + 1))
			else
				echo "fuzz $name: FAILED"; tail -30 "$work.log"
				failed=$((failed + 1))
			fi
			rm -rf "$work" "$work.log"
		done
	else
		tail -40 build-fuzz.ninja.log
		failed=$((failed + 1))
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
