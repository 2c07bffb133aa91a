# bench/lib.sh — what the bench scripts share: a session of a demo user.
# Sourced; expects BASE (the stack's URL), PW (the demo password) and a
# die() function.

login() { # USER → "cookie csrf"
	local hdr body cookie csrf
	hdr=$(mktemp)
	body=$(curl -s -D "$hdr" --max-time 10 -H 'Content-Type: application/json' -H "Origin: $BASE" \
		-d "{\"gebruikersnaam\":\"$1\",\"wachtwoord\":\"$PW\"}" "$BASE/api/v1/sessies")
	cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' "$hdr" | tr -d '\r' | head -n 1)
	rm -f "$hdr"
	csrf=$(printf '%s' "$body" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
	{ [ -n "$cookie" ] && [ -n "$csrf" ]; } || die "cannot log in as $1"
	printf '%s %s\n' "$cookie" "$csrf"
}
