#!/bin/sh
# Write the README's screen captures (home, preparation, form, conversation,
# summary, history, timeline at 100x30) from the real binary: the test
# tests/readme_screens.rs runs the flow in tmux with the clock held still,
# and with LEIDRAAD_WRITE_README set it writes what it saw into README.md
# between the `<!-- screen: NAME -->` markers. Without it (as in `cargo
# test`) it fails when the README is not current. Needs tmux.
set -eu
cd "$(dirname "$0")/.."
LEIDRAAD_WRITE_README=1 cargo test --test readme_screens
git --no-pager diff --stat README.md
