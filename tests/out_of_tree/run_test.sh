#!/usr/bin/env bash
# Installs the SDK from the build tree into a temporary prefix, builds the example plugin out of
# tree with find_package(LogGardener), and runs it in a pipeline through the installed executable.
set -euo pipefail
build_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build_dir" --prefix "$tmp/sdk" > "$tmp/install.log"
cmake -S "$here/plugin" -B "$tmp/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$tmp/sdk" \
  > "$tmp/configure.log" || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/build" > "$tmp/build.log" || { cat "$tmp/build.log"; exit 1; }
cat > "$tmp/pipeline.toml" <<TOML
[pipeline]
name = "out-of-tree"
[sources.in]
type = "stdin"
format = "text"
[sinks.count]
type = "line_count"
inputs = ["in"]
path = "$tmp/count.txt"
TOML
"$tmp/sdk/bin/log-gardener" --plugin-path "$tmp/build/plugins" plugins list | grep -q "line_count"
printf 'first line\nsecond line\nthird line\n' |
  "$tmp/sdk/bin/log-gardener" --plugin-path "$tmp/build/plugins" run "$tmp/pipeline.toml" --no-state \
    --since 1h
read -r lines clusters not_clustered < "$tmp/count.txt"
if [ "$lines" != 3 ] || [ "$not_clustered" != 3 ]; then
  echo "expected 3 lines read and 3 not clustered, got: $lines $clusters $not_clustered"
  exit 1
fi
echo "out-of-tree plugin ran: $lines lines read"
