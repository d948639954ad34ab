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
(umask 022; rm -f "$tmp/mode.ttl"; $bin extract -o "$tmp/mode.ttl" "$sample") &&
test "$(stat -c %a "$tmp/mode.ttl")" = 644; check "-o file readable as a plain create makes it (0666 less umask)" $?
chmod 640 "$tmp/mode.ttl" && $bin extract -o "$tmp/mode.ttl" "$sample" &&
test "$(stat -c %a "$tmp/mode.ttl")" = 640; check "-o keeps the mode of the file it replaces" $?
$bin extract -o "$tmp/no/such/dir/out.ttl" "$sample" 2> "$tmp/err"; rc=$?
test $rc -eq 1 && grep -q 'no/such/dir/out.ttl' "$tmp/err"; check "unwritable -o: exit 1 naming the file" $?
test ! -e "$tmp/no/such/dir/out.ttl"; check "unwritable -o: no output file" $?
if [ -c /dev/null ]; then
    $bin extract -o /dev/null "$sample"; rc=$?
    test $rc -eq 0 && test -c /dev/null; check "-o /dev/null stays a device" $?
fi
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

# corpus scale: folders, JSON Lines, N-Quads with one graph per article
mkdir -p "$tmp/corpus/sub"
cp "$sample" "$tmp/corpus/a.txt"
printf 'German Chancellor Friedrich Merz met French President Emmanuel Macron.\n' > "$tmp/corpus/sub/b.txt"
cat > "$tmp/corpus/more.jsonl" <<'JSONL'
{"id": "j1", "date": "2025-08-18", "text": "Russia rejected a ceasefire on Monday.", "url": "https://example.org/j1"}
{"id": "j2", "text": "Hungary did not agree to new sanctions.", "title": "Hungary says \"no\"", "source": "Meridian News", "url": "not a <url>"}

{"id": "j3", "text": "bad \u0000 is fine in JSON but
{"text": "no id here"}
{"id": "j4", "date": "2025-13-01", "text": "bad date"}
{"id": "j5", "text": "Ukraine proposed a prisoner exchange."}
JSONL
$bin extract -q -f nquads -o "$tmp/c.nq" "$tmp/corpus" 2> "$tmp/err"; rc=$?
test $rc -eq 1; check "corpus with bad JSON lines exits 1" $?
grep -q 'more.jsonl:4: invalid JSON' "$tmp/err"; check "invalid JSON line reported with file and line" $?
grep -q 'more.jsonl:5: no "id" string' "$tmp/err"; check "missing id reported with file and line" $?
grep -q 'more.jsonl:6: "date" is not YYYY-MM-DD' "$tmp/err"; check "bad date reported with file and line" $?
rapper -q -i nquads -c "$tmp/c.nq" >/dev/null 2>&1; check "N-Quads parse" $?
for g in a sub%2Fb j1 j2 j5; do
    grep -q "<https://w3id.org/detente/doc/$g> \.\$" "$tmp/c.nq" || { echo "no graph $g"; false; }
done; check "one named graph per article (folders and JSON Lines)" $?
grep -q '<https://w3id.org/detente/graph/entities> \.$' "$tmp/c.nq"; check "shared entities graph" $?
# a folder is read in name order: the graphs come out a, more.jsonl, sub/b
order=$(grep -o '<https://w3id.org/detente/doc/[^#> ]*> \.$' "$tmp/c.nq" | uniq | sed 's|.*/doc/||; s|> \.$||' | tr '\n' ' ')
test "$order" = "a j1 j2 j5 sub%2Fb "; check "a folder's files are read in name order ($order)" $?
# an unlisted body is an organization, never a schema:Country
printf 'The Commerce Ministry said on Monday that talks would go on.\n' | $bin extract -f ntriples - 2>/dev/null |
    grep 'commerce-ministry> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>' > "$tmp/org-types.nt"
grep -q 'org#Organization' "$tmp/org-types.nt" && ! grep -q 'schema.org/Country' "$tmp/org-types.nt"
check "an unlisted body is typed org:Organization only" $?
grep -q '^<https://w3id.org/detente/doc/j1> <http://schema.org/url> <https://example.org/j1> ' "$tmp/c.nq" &&
grep -q '^<https://w3id.org/detente/doc/j2> <http://purl.org/dc/terms/title> "Hungary says \\"no\\"" ' "$tmp/c.nq" &&
grep -q '^<https://w3id.org/detente/doc/j2> <http://purl.org/dc/terms/publisher> "Meridian News" ' "$tmp/c.nq" &&
grep -q '^<https://w3id.org/detente/doc/j2> <http://schema.org/url> "not a <url>" ' "$tmp/c.nq"
check "JSON Lines url, title and source on the article (a URL that is no IRI as text)" $?
n=$(grep -c '^<https://w3id.org/detente/id/country/RU> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/detente/ontology#Country> <https://w3id.org/detente/graph/entities> \.$' "$tmp/c.nq")
test "$n" -eq 1; check "an entity is described once in a corpus" $?
$bin extract -q -f nquads -j 2 -o "$tmp/c2.nq" "$tmp/corpus" 2>/dev/null
sort -u "$tmp/c.nq" > "$tmp/s1"; sort -u "$tmp/c2.nq" > "$tmp/s2"
cmp -s "$tmp/s1" "$tmp/s2"; check "-j 2 gives the same graph as one thread" $?
# shards: articles split over two runs, concatenated, give the same graph
$bin extract -q -f nquads "$tmp/corpus/a.txt" "$tmp/corpus/sub" > "$tmp/shard1.nq" 2>/dev/null
$bin extract -q -f nquads "$tmp/corpus/more.jsonl" > "$tmp/shard2.nq" 2>/dev/null
cat "$tmp/shard1.nq" "$tmp/shard2.nq" | sort -u > "$tmp/s3"
$bin extract -q -f nquads "$tmp/corpus/a.txt" "$tmp/corpus/sub" "$tmp/corpus/more.jsonl" 2>/dev/null | sort -u > "$tmp/s4"
cmp -s "$tmp/s3" "$tmp/s4" && test -s "$tmp/s3"; check "shards concatenated equal one run" $?

# SPARQL over files and a store
$bin query -f csv "$top/ontology/queries/stances.rq" "$tmp/c.nq" > "$tmp/q.csv"; rc=$?
test $rc -eq 0 && head -1 "$tmp/q.csv" | grep -q 'actor,stance,kind'; check "query CSV header" $?
grep -q 'Russia,.*rejects,.*Ceasefire' "$tmp/q.csv"; check "query finds a stance from JSON Lines" $?
$bin query -e 'SELECT ?name WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name }' "$tmp/a.ttl" | grep -q 'Vladimir Putin'; check "query -e over Turtle, table output" $?
$bin query -f json -e 'ASK { ?s ?p ?o }' "$tmp/a.ttl" | grep -q 'true'; check "ASK as JSON" $?
$bin query -e 'SELEC nonsense' "$tmp/a.ttl" >/dev/null 2>&1; test $? -eq 2; check "bad SPARQL exits 2" $?
# proposal roles: who would provide it, what a concession gives up
printf 'Trump said the United States would provide security guarantees to Ukraine. Putin demanded that Ukraine cede five key Ukrainian regions.\n' |
    $bin extract -f ntriples - > "$tmp/roles.nt" 2>/dev/null
grep -q '#provider> <https://w3id.org/detente/id/country/US>' "$tmp/roles.nt" &&
    grep -q '#concerns> "five key Ukrainian regions"' "$tmp/roles.nt"; check "proposal provider and what a concession concerns" $?
# an unlisted dateline in capitals is a place named in title case
printf 'PUTRAJAYA, July 28 \xe2\x80\x94 Thailand and Cambodia agreed to a ceasefire.\n' | $bin extract - 2>/dev/null |
    grep -q 'rdfs:label "Putrajaya"'; check "dateline place in title case" $?
# a body named in a dateline in capitals keeps its own case; an acronym is kept
printf 'UNITED NATIONS (AP) \xe2\x80\x94 The talks began.\n' | $bin extract - > "$tmp/shout.ttl" 2>/dev/null
grep -q 'rdfs:label "United Nations"' "$tmp/shout.ttl" && ! grep -q 'rdfs:label "UNITED NATIONS"' "$tmp/shout.ttl" &&
    grep -q 'rdfs:label "AP"' "$tmp/shout.ttl"; check "a body in a dateline in capitals is labelled in its own case" $?
# events come in the order the article first tells them, not by label
printf 'Macron said in an interview with LCI on Tuesday that he had doubts.\nZelensky held a video call with Starmer on Tuesday.\nTrump said in a television interview with Fox News on Tuesday that troops would not go.\n' |
    $bin extract --date 2025-09-04 - > "$tmp/order.ttl" 2>/dev/null
$bin query -f csv "$top/ontology/queries/events.rq" "$tmp/order.ttl" | tail -n +2 | cut -d, -f1 | uniq > "$tmp/order.txt"
printf 'interview with Emmanuel Macron on 2025-09-02\ncall with Volodymyr Zelenskyy and Keir Starmer on 2025-09-02\ninterview with Donald Trump on 2025-09-02\n' |
    cmp -s - "$tmp/order.txt"; check "events in the order the text tells them" $?
$bin load -q --store "$tmp/store" "$tmp/c.nq"; check "load into a store" $?
q='SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
n1=$($bin query -f csv --store "$tmp/store" -e "$q" | tail -1)
$bin load -q --store "$tmp/store" "$tmp/c.nq"
n2=$($bin query -f csv --store "$tmp/store" -e "$q" | tail -1)
test -n "$n1" && test "$n1" = "$n2"; check "loading twice does not duplicate ($n1 = $n2)" $?
$bin query --store "$tmp/store" "$top/ontology/queries/persons.rq" | grep -q 'Friedrich Merz'; check "competency query through the store" $?
$bin query --store "$tmp/nostore" -e "$q" >/dev/null 2>&1; test $? -eq 1; check "query of a missing store exits 1" $?
# an article loaded again with new text replaces its graph
printf '"We will never sign this text," Viktor Orban said.\n' > "$tmp/v.txt"
$bin extract -q -f nquads --id versioned "$tmp/v.txt" > "$tmp/v1.nq"
printf '"We have agreed to everything," Viktor Orban said.\n' > "$tmp/v.txt"
$bin extract -q -f nquads --id versioned "$tmp/v.txt" > "$tmp/v2.nq"
$bin load -q --store "$tmp/store" "$tmp/v1.nq" && $bin load -q --store "$tmp/store" "$tmp/v2.nq"
$bin query -f csv --store "$tmp/store" "$top/ontology/queries/quotes.rq" > "$tmp/vq.csv"
grep -q 'We have agreed' "$tmp/vq.csv" && ! grep -q 'We will never sign' "$tmp/vq.csv"; check "reloading an article replaces its graph" $?

# the compiled lexicon cache: written on the first run, used on the next,
# never changes the output; a damaged one is ignored; DETENTE_CACHE_DIR=''
# turns it off
cdir=$tmp/cache
DETENTE_CACHE_DIR=$cdir $bin extract -f nquads --date 2025-08-17 "$sample" > "$tmp/k1.nq"
ls "$cdir"/lexicon-*.img >/dev/null 2>&1; check "lexicon cache written" $?
DETENTE_CACHE_DIR=$cdir $bin extract -f nquads --date 2025-08-17 "$sample" > "$tmp/k2.nq"
DETENTE_CACHE_DIR= $bin extract -f nquads --date 2025-08-17 "$sample" > "$tmp/k0.nq"
cmp -s "$tmp/k1.nq" "$tmp/k2.nq" && cmp -s "$tmp/k0.nq" "$tmp/k2.nq"; check "output the same with and without the cache" $?
for f in "$cdir"/lexicon-*.img; do head -c 3000 "$f" > "$f.cut" && mv "$f.cut" "$f"; done
DETENTE_CACHE_DIR=$cdir $bin extract -f nquads --date 2025-08-17 "$sample" > "$tmp/k3.nq"
cmp -s "$tmp/k0.nq" "$tmp/k3.nq"; check "a truncated cache is ignored" $?

# two programs (docs/startup.md): detente links no RDF library and streams
# N-Quads itself from a warm lexicon cache; it relays Turtle, query and a
# cache miss to detente-rdf.  A copy of detente with a detente-rdf beside it
# that notes each relay shows which runs go through it.
if command -v readelf >/dev/null; then
    ! readelf -d "$bin" | grep NEEDED | grep -Eiq 'raptor|librdf|rasqal|curl'
    check "detente needs no raptor, librdf, rasqal or libcurl (readelf -d)" $?
fi
if command -v ldd >/dev/null; then
    ! ldd "$bin" | grep -Eiq 'raptor|librdf|rasqal|curl'
    check "detente loads no raptor, librdf, rasqal or libcurl (ldd)" $?
fi
mkdir "$tmp/lean"
cp "$bin" "$tmp/lean/detente"
rdf=$(cd "$(dirname "$bin")" && pwd)/detente-rdf
printf '#!/bin/sh\necho "$*" >> "%s"\nexec "%s" "$@"\n' "$tmp/relayed" "$rdf" > "$tmp/lean/detente-rdf"
chmod +x "$tmp/lean/detente-rdf"
lean=$tmp/lean/detente
ldir=$tmp/lean-cache
DETENTE_CACHE_DIR=$ldir $lean extract -q -f nquads --date 2025-08-17 "$sample" > "$tmp/l1.nq" &&
    test -s "$tmp/relayed" && ls "$ldir"/lexicon-*.img >/dev/null 2>&1
check "a lexicon cache miss is relayed to detente-rdf, which writes the cache" $?
rm -f "$tmp/relayed"
DETENTE_CACHE_DIR=$ldir $lean extract -q -f nquads --date 2025-08-17 "$sample" > "$tmp/l2.nq" &&
    test ! -e "$tmp/relayed" && cmp -s "$tmp/l1.nq" "$tmp/l2.nq" && cmp -s "$tmp/k0.nq" "$tmp/l2.nq"
check "with the cache written, N-Quads are streamed without detente-rdf, the same" $?
DETENTE_CACHE_DIR=$ldir $lean extract -q -f nquads -j 2 --date 2025-08-17 "$sample" > "$tmp/l3.nq" &&
    test ! -e "$tmp/relayed" && cmp -s "$tmp/k0.nq" "$tmp/l3.nq"
check "-j 2 without detente-rdf, the same" $?
DETENTE_CACHE_DIR=$ldir $lean extract --date 2025-08-17 "$sample" > "$tmp/l.ttl" &&
    grep -q -- "--date 2025-08-17" "$tmp/relayed" && cmp -s "$tmp/a.ttl" "$tmp/l.ttl"
check "Turtle through detente: relayed, the same output" $?
ls "$ldir"/lexicon-*.img | wc -l | grep -qx 1
check "detente-rdf shares detente's lexicon cache" $?
rm -f "$tmp/relayed"
DETENTE_CACHE_DIR=$ldir $lean query -f csv -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' "$tmp/l2.nq" > "$tmp/lq.csv" &&
    grep -q '^query ' "$tmp/relayed" && test "$(sed -n 2p "$tmp/lq.csv" | tr -d '\r')" = "$(wc -l < "$tmp/l2.nq" | tr -d ' ')"
check "query through detente: relayed, counts every quad" $?
DETENTE_CACHE_DIR=$ldir $lean extract -f nonsense "$sample" > /dev/null 2>&1; test $? -eq 2
check "an unknown format through detente still exits 2" $?
rm -f "$tmp/lean/detente-rdf"
DETENTE_CACHE_DIR=$ldir $lean extract -q -f nquads --date 2025-08-17 "$sample" > "$tmp/l4.nq" && cmp -s "$tmp/k0.nq" "$tmp/l4.nq"
check "N-Quads from a warm cache need no detente-rdf at all" $?

# every ontology term the output and the lexicon use is declared with a label and a comment
rapper -q -i turtle -o ntriples "$top/ontology/detente.ttl" > "$tmp/onto.nt"
{ cat "$tmp/c.nq"; for f in "$top"/ontology/lexicon/*.ttl; do rapper -q -i turtle -o ntriples "$f"; done; } |
    grep -o '<https://w3id.org/detente/ontology#[A-Za-z0-9_]*>' | sort -u > "$tmp/used.txt"
missing=0
while read -r iri; do
    grep -q "^$iri <http://www.w3.org/2000/01/rdf-schema#label>" "$tmp/onto.nt" &&
        grep -q "^$iri <http://www.w3.org/2000/01/rdf-schema#comment>" "$tmp/onto.nt" ||
        { echo "undeclared: $iri"; missing=$((missing + 1)); }
done < "$tmp/used.txt"
test "$missing" -eq 0 && test -s "$tmp/used.txt"; check "every dt: term used is declared with label and comment" $?

echo "$passes passed, $fails failed"
test $fails -eq 0
