#!/bin/bash
# Median time of the login form POST: unknown username vs known user with a wrong password, interleaved.
# Usage: benchmarks/idp-login-timing.sh BASE_URL [N]   (an IdP whose realm has bruteForceProtected false, so wrong passwords never lock)
# Prints the median time of each kind; they should be equal within noise (docs/identity-provider.md).
BASE=$1; N=${2:-40}
AUTH="$BASE/realms/realguard/protocol/openid-connect/auth?client_id=realguard-web&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A5080%2Fsignin-oidc&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
one() { # username
  jar=$(mktemp); page=$(curl -s -c $jar "$AUTH")
  action=$(echo "$page" | grep -o 'action="[^"]*"' | head -1 | sed 's/action="//;s/"$//;s/&amp;/\&/g')
  curl -s -o /dev/null -b $jar -w '%{time_total}\n' --data-urlencode "username=$1" --data-urlencode "password=wrong-password-123" "$BASE$action"
  rm -f $jar
}
one nobody-here >/dev/null; one bob >/dev/null # warm-up
for i in $(seq $N); do echo "unknown $(one nobody-here)"; echo "wrong-password $(one bob)"; done |
  sort -k1,1 -k2n | awk '{t[$1]=t[$1] " " $2} END {for (k in t) {n=split(t[k],a," "); printf "%s: median %.1f ms (n=%d)\n", k, a[int((n+1)/2)]*1000, n}}'
