# Sourced by the perf scripts that drive the app in tmux ($TM: the tmux
# command with its socket).

# Wait until the pane shows $1, for at most $2 seconds (default 5); else
# print the screen and fail.
wait_for() {
    local deadline=$(( $(date +%s%N) + ${2:-5} * 1000000000 ))
    while [ "$(date +%s%N)" -lt "$deadline" ]; do
        $TM capture-pane -p 2>/dev/null | grep -q -- "$1" && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$1' on screen:" >&2
    $TM capture-pane -p >&2 || true
    return 1
}

# Dutch notes of about $1 bytes (whole sentences, a blank line after every
# fourth), as a consultant types them.
notes_of() {
    python3 - "$1" <<'EOF'
import sys
s = ["De school wil de leerlingen meer eigenaarschap geven over hun culturele ontwikkeling.",
     "Het kernteam heeft dit jaar drie pilots gedraaid, waarvan twee met een externe partner.",
     "Leerlingen gaven aan dat ze vaker zelf willen kiezen welke discipline ze verdiepen.",
     "De docent van buiten het kernteam merkte op dat de planning nog erg strak is."]
out, i = "", 0
while len(out.encode()) < int(sys.argv[1]):
    out += s[i % 4] + ("\n\n" if i % 4 == 3 else " ")
    i += 1
print(out.rstrip(), end="")
EOF
}
