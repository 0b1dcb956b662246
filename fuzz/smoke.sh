#!/usr/bin/env bash
# Fuzz smoke for CI: builds every fuzz target (libFuzzer, no sanitizer, debug assertions on),
# replays the committed crash reproducers of fuzz/regressions/<target>/, then fuzzes each
# target for FUZZ_SECONDS (default 20) from the seed corpus. Exits nonzero if any build,
# reproducer or fuzz run fails (a crash, a panic, a timeout of one input > 10 s, or more
# than 2 GB of memory); crashing inputs are left in fuzz/artifacts/<target>/.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); installs it when it is missing unless
# FUZZ_NO_INSTALL=1. Runs on the stable toolchain (RUSTC_BOOTSTRAP=1 is set for libFuzzer's
# unstable flags). Usage: fuzz/smoke.sh [TARGET...]   (default: all targets)
set -uo pipefail
fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$fuzz_dir")
cd "$repo" || exit 2
export RUSTC_BOOTSTRAP=1
seconds=${FUZZ_SECONDS:-20}
all_targets=(document typed_roots saml_verify oauth_header cli_config)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

if ! cargo fuzz --version >/dev/null 2>&1; then
    if [ "${FUZZ_NO_INSTALL:-0}" = 1 ]; then
        echo "smoke.sh: cargo-fuzz is not installed; run: cargo install cargo-fuzz" >&2
        exit 2
    fi
    echo "smoke.sh: installing cargo-fuzz (cargo install cargo-fuzz --locked)"
    cargo install cargo-fuzz --locked || exit 2
fi

start=$(date +%s)
"$fuzz_dir/seed.sh" || exit 2
echo "== build (cargo fuzz build -s none)"
if ! cargo fuzz build -s none; then
    echo "smoke.sh: the fuzz targets do not build" >&2
    exit 1
fi
built=$(date +%s)

failed=()
for target in "${targets[@]}"; do
    reproducers=("$fuzz_dir/regressions/$target"/*)
    if [ -e "${reproducers[0]}" ]; then
        echo "== $target: replaying ${#reproducers[@]} reproducer(s) from fuzz/regressions/$target"
        if ! cargo fuzz run -s none "$target" "${reproducers[@]}" -- -runs=1 -timeout=10; then
            failed+=("$target (a committed reproducer fails again)")
            continue
        fi
    fi
    dict=()
    case $target in
    document | typed_roots) dict=(-dict="$fuzz_dir/dict/xml.dict") ;;
    esac
    echo "== $target: fuzzing for ${seconds}s"
    if ! cargo fuzz run -s none "$target" -- -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}"; then
        failed+=("$target (see fuzz/artifacts/$target/)")
    fi
done

end=$(date +%s)
echo "== fuzz smoke: build $((built - start)) s, runs $((end - built)) s, total $((end - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
    printf 'FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "all ${#targets[@]} targets passed"
