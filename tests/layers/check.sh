#!/bin/sh
#
# tests/layers/check.sh — the layers of src/ run one way.
#
# Each folder may include only the folders listed for it below; an include
# of anything else (a lower layer reaching up, or two pure modules
# reaching sideways) fails the test with the file and the include. The map
# is README's "how the code is laid out", as data.
#
#   bin      -> server handlers ops store db domain tmpl doc chart http core
#   server   -> http store db domain tmpl core         (the gate)
#   handlers -> http ops store db domain tmpl doc chart core
#   http     -> domain tmpl core
#   ops      -> store db domain doc chart core
#   store    -> db domain core
#   db       -> core
#   domain, tmpl, doc, chart -> core                   (pure)
#   core     -> (nothing)
set -u

src=${1:-$(dirname "$0")/../../src}
status=0

allowed() {
	case $1 in
	bin)      echo "server handlers ops store db domain tmpl doc chart http core" ;;
	server)   echo "http store db domain tmpl core" ;;
	handlers) echo "http ops store db domain tmpl doc chart core" ;;
	http)     echo "domain tmpl core" ;;
	ops)      echo "store db domain doc chart core" ;;
	store)    echo "db domain core" ;;
	db)       echo "core" ;;
	domain|tmpl|doc|chart) echo "core" ;;
	core)     echo "" ;;
	*)        echo "?" ;;
	esac
}

for dir in "$src"/*/; do
	from=$(basename "$dir")
	ok=$(allowed "$from")
	if [ "$ok" = "?" ]; then
		echo "layers: src/$from/ is in no layer (add it to tests/layers/check.sh)"
		status=1
		continue
	fi
	for f in "$dir"*.c "$dir"*.h; do
		[ -f "$f" ] || continue
		grep -o '^#include "[a-z_]*/[^"]*"' "$f" | sed 's/^#include "//; s/"$//' |
		while read -r inc; do
			to=${inc%%/*}
			[ "$to" = "$from" ] && continue
			case " $ok " in
			*" $to "*) ;;
			*) echo "layers: src/$from/$(basename "$f") includes $inc:" \
			    "src/$from/ may use only: ${ok:-nothing}"
			   echo x >&3 ;;
			esac
		done 3>>"${TMPDIR:-/tmp}/layers.$$"
	done
done
if [ -s "${TMPDIR:-/tmp}/layers.$$" ]; then
	status=1
fi
rm -f "${TMPDIR:-/tmp}/layers.$$"
[ $status -eq 0 ] && echo "layers: every include of src/ runs one way"
exit $status
