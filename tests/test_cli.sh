#!/bin/sh
# Command-line contract: exit codes, messages naming the file and offset,
# atomic -o output, bad inputs skipped while the others are processed,
# formats, determinism.
set -u
LC_ALL=C
export LC_ALL
top=${DT_TOP_SRCDIR:-.}
bin=${DT_TOP_BUILDDIR:-.}/src/detente
data=$top/tests/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
passes=0

check() { # name, condition result (0 = ok)
    if [ "$2" -eq 0 ]; then passes=$((passes + 1)); echo "ok - $1"
    else fails=$((fails + 1)); echo "not ok - $1"; fi
}

sample=$data/articles/alaska-summit.txt

# --version, --help, misuse
$bin --version | grep -q '^detente [0-9]'; check "--version" $?
$bin --help | grep -q 'extract'; check "--help" $?
$bin extract --help | grep -q 'Examples'; check "extract --help has examples" $?
$bin >/dev/null 2>&1; test $? -eq 2; check "no command exits 2" $?
$bin frobnicate >/dev/null 2>&1; test $? -eq 2; check "unknown command exits 2" $?
$bin extract >/dev/null 2>&1; test $? -eq 2; check "extract without file exits 2" $?
$bin extract --date 2025-13-45 "$sample" >/dev/null 2>&1; test $? -eq 2; check "bad --date exits 2" $?
$bin extract -f nonsense "$sample" >/dev/null 2>&1; test $? -eq 2; check "unknown format exits 2" $?

# success, formats
$bin extract --date 2025-08-17 "$sample" > "$tmp/a.ttl"; check "sample exits 0" $?
rapper -q -i turtle -c "$tmp/a.ttl" >/dev/null 2>&1; check "turtle parses in rapper" $?
for f in ntriples nquads rdfxml dot; do
    $bin extract -f $f "$sample" > "$tmp/a.$f" && test -s "$tmp/a.$f"; check "format $f" $?
done
rapper -q -i ntriples -c "$tmp/a.ntriples" >/dev/null 2>&1; check "ntriples parses" $?
rapper -q -i rdfxml -c "$tmp/a.rdfxml" >/dev/null 2>&1; check "rdfxml parses" $?
$bin extract --date 2025-08-17 "$sample" > "$tmp/b.ttl"; cmp -s "$tmp/a.ttl" "$tmp/b.ttl"; check "byte-identical reruns" $?
$bin extract --date 2025-08-17 - < "$sample" | grep -q 'doc/stdin'; check "stdin as -" $?
$bin extract --id my-article "$sample" | grep -q 'doc/my-article'; check "--id" $?
$bin extract --base http://example.org/kg/ "$sample" | grep -q 'http://example.org/kg/doc/alaska-summit'; check "--base" $?

# atomic -o
$bin extract -o "$tmp/out.ttl" "$sample"; check "-o exits 0" $?
test -s "$tmp/out.ttl" && ! ls "$tmp"/out.ttl.tmp-* >/dev/null 2>&1; check "-o leaves no temp file" $?
$bin extract -o "$tmp/no/such/dir/out.ttl" "$sample" 2> "$tmp/err"; rc=$?
test $rc -eq 1 && grep -q 'no/such/dir/out.ttl' "$tmp/err"; check "unwritable -o: exit 1 naming the file" $?
test ! -e "$tmp/no/such/dir/out.ttl"; check "unwritable -o: no output file" $?
if [ -w /dev/full ]; then
    $bin extract "$sample" > /dev/full 2>/dev/null; test $? -eq 1; check "write error on stdout exits 1" $?
fi

# bad inputs: message with file (and offset), exit 1, others still processed
$bin extract -o "$tmp/mixed.ttl" "$data/bad/invalid-utf8.txt" "$sample" 2> "$tmp/err"; rc=$?
test $rc -eq 1; check "invalid UTF-8 exits 1" $?
grep -q 'invalid-utf8.txt: invalid UTF-8 at byte offset 30' "$tmp/err"; check "invalid UTF-8 message names file and offset" $?
grep -q 'doc/alaska-summit' "$tmp/mixed.ttl"; check "the good input of the run is still written" $?
! grep -q 'doc/invalid-utf8' "$tmp/mixed.ttl"; check "the bad input adds nothing" $?
$bin extract "$data/bad/nul-byte.txt" > /dev/null 2> "$tmp/err"; rc=$?
test $rc -eq 1 && grep -q 'nul-byte.txt: NUL byte at byte offset 25' "$tmp/err"; check "NUL byte" $?
$bin extract "$data/bad/empty.txt" > /dev/null 2> "$tmp/err"; rc=$?
test $rc -eq 1 && grep -q 'empty.txt: no text' "$tmp/err"; check "empty file" $?
$bin extract "$data/bad/whitespace-only.txt" > /dev/null 2> "$tmp/err"; test $? -eq 1; check "white space only" $?
$bin extract "$tmp/missing.txt" > /dev/null 2> "$tmp/err"; rc=$?
test $rc -eq 1 && grep -q 'missing.txt' "$tmp/err"; check "missing file" $?
head -c 70000000 /dev/zero | tr '\0' 'a' > "$tmp/huge.txt"
$bin extract "$tmp/huge.txt" > /dev/null 2> "$tmp/err"; rc=$?
test $rc -eq 1 && grep -q 'huge.txt: .*limit' "$tmp/err"; check "huge file refused with a message" $?

# odd but valid inputs are processed
$bin extract "$data/odd/unbalanced-quotes.txt" > "$tmp/u.ttl"; rc=$?
test $rc -eq 0 && rapper -q -i turtle -c "$tmp/u.ttl" >/dev/null 2>&1; check "unbalanced quotes" $?
grep -q 'Friedrich Merz' "$tmp/u.ttl"; check "unbalanced quotes: later text still read" $?
$bin extract "$data/odd/turtle-lookalike.txt" > "$tmp/t.ttl"; rc=$?
test $rc -eq 0 && rapper -q -i turtle -c "$tmp/t.ttl" >/dev/null 2>&1; check "Turtle-looking text is escaped" $?
if command -v serdi >/dev/null; then
    serdi -i turtle -o ntriples "$tmp/t.ttl" > /dev/null 2>&1; check "serdi accepts Turtle-looking text" $?
    serdi -i turtle -o ntriples "$tmp/a.ttl" > /dev/null 2>&1; check "serdi accepts the sample" $?
fi

echo "$passes passed, $fails failed"
test $fails -eq 0
