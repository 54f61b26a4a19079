#!/bin/sh
# Build a release archive for a machine without Rust:
#   target/dist/leidraad-VERSION-TARGET.tar.gz
# holding the release binary, its man page (leidraad.1 in English, nl/leidraad.1
# in Dutch, whatever language the person releasing uses), shell completions
# (completions/), README.md, CHANGELOG.md and docs/. The guides are compiled
# into the binary. Install: see the README ("Install and run").
set -eu
cd "$(dirname "$0")/.."
cargo build --release --locked
bin=$(scripts/release-dir)/leidraad
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
target=$(rustc -vV | sed -n 's/^host: //p')
name="leidraad-$version-$target"
out="target/dist/$name"
rm -rf "$out"
mkdir -p "$out/completions" "$out/nl"
cp "$bin" README.md CHANGELOG.md "$out/"
cp -r docs "$out/docs"
"$bin" --lang en man > "$out/leidraad.1"
"$bin" --lang nl man > "$out/nl/leidraad.1"
for shell in bash zsh fish elvish powershell; do
    "$bin" completions "$shell" > "$out/completions/leidraad.$shell"
done
tar -C target/dist -czf "target/dist/$name.tar.gz" "$name"
echo "target/dist/$name.tar.gz"
