#!/usr/bin/env bash
# Round trip through Virtuoso: articles -> `detente extract -f nquads` ->
# `detente push` (Graph Store HTTP Protocol, one named graph per article) ->
# every competency query in ontology/queries/*.rq run by Virtuoso and by
# `detente query -f csv` over the same N-Quads; the two row multisets must be
# equal.  Virtuoso answers over one graph holding a copy of all the pushed
# graphs (their RDF merge, as SPARQL defines a dataset's merged default
# graph), and its answer over the union of the graphs (no FROM) must hold
# the same distinct rows: Virtuoso's union is a bag, so a triple two
# articles share (a person's label) would otherwise multiply rows.
#
# This script installs nothing.  CI installs the Debian packages first:
#   virtuoso-opensource (virtuoso-t, isql-vt), curl, python3 (json/csv only)
# It starts its own Virtuoso on 127.0.0.1 only, from a scratch directory, on
# ports 1111/8890 or free ones, and always stops it and removes the directory
# when it ends (also on failure or Ctrl-C).
#
# Usage: DETENTE=path/to/detente tests/virtuoso/run.sh [ARTICLE.txt...]
#   default articles: tests/data/articles/*.txt, plus ../shared/corpus/dev/*.txt
#   when present (same-named files counted once).
# Environment: DETENTE (default: src/detente of this tree), DETENTE_DATADIR
#   (default: ontology/ of this tree), DT_QUERIES (folder of .rq files),
#   VIRTUOSO_WAIT (seconds to wait for the server, default 60), QUERY_TIMEOUT
#   (seconds per query and engine, default 600), KEEP_TMP=1 keeps the scratch
#   directory; for development: DETENTE_PUSH (a binary with `push`),
#   LOCAL_ENGINE=roqet (rasqal's roqet instead of `detente query`; also used
#   when `detente query` does not exist).
# Output: "ok - QUERY (N rows)" or "not ok - QUERY" plus a diff, per query.
# Exit status: 0 when every query matched and at least one returned rows,
#   1 when something differed or failed, 2 when a tool is missing.
set -u
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
DETENTE=${DETENTE:-$top/src/detente}
DETENTE_DATADIR=${DETENTE_DATADIR:-$top/ontology}
export DETENTE_DATADIR
queries=${DT_QUERIES:-$top/ontology/queries}
wait_s=${VIRTUOSO_WAIT:-60}
PYTHON=${PYTHON:-python3}
[ -x /usr/bin/python3 ] && [ "$PYTHON" = python3 ] && PYTHON=/usr/bin/python3

die() { echo "virtuoso round trip: $*" >&2; exit 2; }
for tool in virtuoso-t isql-vt curl "$PYTHON"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (CI installs virtuoso-opensource, curl, python3)"
done
[ -x "$DETENTE" ] || die "DETENTE=$DETENTE is not an executable"
ini_src=/usr/share/virtuoso-opensource-7/virtuoso.ini # the package's pristine copy
[ -r "$ini_src" ] || ini_src=/etc/virtuoso-opensource-7/virtuoso.ini
[ -r "$ini_src" ] || die "no virtuoso.ini in /usr/share or /etc (package virtuoso-opensource)"

# ---- articles ---------------------------------------------------------------
articles=()
if [ $# -gt 0 ]; then
    articles=("$@")
else
    declare -A seen=()
    for f in "$top"/tests/data/articles/*.txt "$top"/../shared/corpus/dev/*.txt; do
        [ -f "$f" ] || continue
        b=$(basename "$f")
        [ -n "${seen[$b]:-}" ] && continue
        seen[$b]=1
        articles+=("$f")
    done
fi
[ ${#articles[@]} -gt 0 ] || die "no articles"

# ---- scratch directory and the server's lifetime ----------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/detente-virtuoso.XXXXXX") || die "mktemp failed"
vpid=
isql_port=
stop_server() {
    [ -n "$vpid" ] || return 0
    if kill -0 "$vpid" 2>/dev/null; then
        timeout 30 isql-vt "127.0.0.1:$isql_port" dba dba exec="shutdown;" >/dev/null 2>&1
        for _ in $(seq 1 30); do kill -0 "$vpid" 2>/dev/null || break; sleep 1; done
        if kill -0 "$vpid" 2>/dev/null; then
            echo "# virtuoso did not shut down: killing $vpid" >&2
            kill -TERM "$vpid" 2>/dev/null
            sleep 3
            kill -KILL "$vpid" 2>/dev/null
        fi
    fi
    wait "$vpid" 2>/dev/null
    vpid=
}
child=
bg() { # runs a command in the background and waits, so that a signal's trap runs at once
    "$@" &
    child=$!
    wait "$child"
    local rc=$?
    child=
    return $rc
}
cleanup() {
    [ -n "$child" ] && kill "$child" 2>/dev/null
    stop_server
    if [ "${KEEP_TMP:-0}" = 1 ]; then echo "# kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() { # preferred port, or a free one
    local p=$1 i
    port_busy "$p" || { echo "$p"; return; }
    for i in $(seq 1 50); do
        p=$((20000 + RANDOM % 40000))
        port_busy "$p" || { echo "$p"; return; }
    done
    return 1
}
isql_port=$(pick_port 1111) || die "no free port for Virtuoso"
http_port=$(pick_port 8890) || die "no free port for Virtuoso's HTTP server"
[ "$isql_port" != "$http_port" ] || http_port=$(pick_port $((isql_port + 1)))

# ---- start Virtuoso ------------------------------------------------------------
virt=$tmp/virt
mkdir -p "$virt/db" "$virt/data"
# (ResultSetMaxRows and MaxQueryExecutionTime would cut results silently)
sed -e "s#/var/lib/virtuoso-opensource-7/db/#$virt/db/#g" \
    -e "s#^DirsAllowed[[:space:]]*=.*#DirsAllowed = ., $virt/data, /usr/share/virtuoso-opensource-7/vad#" \
    -e "/^\[Parameters\]/,/^\[/ s#^ServerPort[[:space:]]*=.*#ServerPort = 127.0.0.1:$isql_port#" \
    -e "/^\[HTTPServer\]/,/^\[/ s#^ServerPort[[:space:]]*=.*#ServerPort = 127.0.0.1:$http_port#" \
    -e "/^\[SPARQL\]/,/^\[/ s#^ResultSetMaxRows[[:space:]]*=.*#ResultSetMaxRows = 10000000#" \
    -e "/^\[SPARQL\]/,/^\[/ s#^MaxQueryExecutionTime[[:space:]]*=.*#MaxQueryExecutionTime = 3600#" \
    "$ini_src" > "$virt/virtuoso.ini"
[ "$(grep -c -e "^ServerPort = 127.0.0.1:" -e "^ResultSetMaxRows = 10000000" \
     -e "^MaxQueryExecutionTime = 3600" -e "^DatabaseFile[[:space:]]*=[[:space:]]*$virt/db/" \
     "$virt/virtuoso.ini")" = 6 ] || die "could not rewrite $ini_src"
grep -q /var/lib/virtuoso-opensource-7/db "$virt/virtuoso.ini" && die "$ini_src: paths left in /var/lib"
(cd "$virt" && exec virtuoso-t +configfile "$virt/virtuoso.ini" +foreground) \
    > "$virt/stdout.log" 2>&1 &
vpid=$!
sparql=http://127.0.0.1:$http_port/sparql
gsp=http://127.0.0.1:$http_port/sparql-graph-crud-auth
up=0
for _ in $(seq 1 "$wait_s"); do
    kill -0 "$vpid" 2>/dev/null || break
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$sparql")
    if [ "$code" = 200 ]; then up=1; break; fi
    sleep 1
done
if [ $up != 1 ]; then
    echo "not ok - virtuoso did not answer on $sparql within ${wait_s}s"
    tail -20 "$virt/stdout.log" "$virt/db/virtuoso.log" 2>/dev/null
    exit 1
fi
echo "# virtuoso up (pid $vpid, isql 127.0.0.1:$isql_port, http 127.0.0.1:$http_port)"

# ---- result normalisation (SPARQL JSON or CSV -> sorted rows) ---------------------
cat > "$tmp/norm.py" <<'EOF'
# norm.py json|csv FILE: prints "vars: a,b,c" then one line per row, sorted:
# values tab-separated; IRIs and literals as their plain string (language
# tags and datatypes dropped), blank nodes as "_:", unbound as empty.
import csv, io, json, sys

def esc(v):
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")

def term_json(t):
    if t is None:
        return ""
    if t.get("type") == "bnode":
        return "_:"
    return t.get("value", "")

def term_csv(v):
    return "_:" if v.startswith("_:") else v

kind, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8", newline="") as f:
    text = f.read()
if kind == "json":
    doc = json.loads(text)
    names = doc["head"]["vars"]
    rows = [[term_json(b.get(n)) for n in names] for b in doc["results"]["bindings"]]
else:
    records = list(csv.reader(io.StringIO(text)))
    if not records:
        sys.exit("empty CSV (no header line)")
    names, rows = records[0], [[term_csv(v) for v in r] for r in records[1:]]
    for r in rows:
        if len(r) != len(names):
            sys.exit("CSV row with %d fields under a header of %d: %r" % (len(r), len(names), r))
print("vars: " + ",".join(names))
for line in sorted("\t".join(esc(v) for v in r) for r in rows):
    print(line)
EOF

# ---- extract ---------------------------------------------------------------------
echo "# extracting ${#articles[@]} articles"
if ! bg "$DETENTE" extract -q -f nquads -o "$tmp/corpus.nq" "${articles[@]}" 2> "$tmp/extract.err"; then
    echo "not ok - detente extract"
    cat "$tmp/extract.err"
    exit 1
fi
# Until `extract -f nquads` writes named graphs, build one per article, as
# it will: <https://w3id.org/detente/doc/ID> (statements seen in an earlier
# article are kept once, as the shared entity descriptions will be).
named=$("$PYTHON" - "$tmp/corpus.nq" <<'EOF'
import re, sys
term = re.compile(r'<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?')
print(sum(1 for line in open(sys.argv[1], encoding="utf-8") if len(term.findall(line)) == 4))
EOF
)
if [ "${named:-0}" = 0 ]; then
    echo "# note: extract -f nquads wrote no named graphs; building one per article (development fallback)"
    : > "$tmp/corpus.nq"
    : > "$tmp/seen.nt"
    for f in "${articles[@]}"; do
        id=$(basename "$f" .txt)
        bg "$DETENTE" extract -q -f ntriples "$f" > "$tmp/one.nt" || { echo "not ok - detente extract $f"; exit 1; }
        "$PYTHON" - "$tmp/one.nt" "$tmp/seen.nt" "https://w3id.org/detente/doc/$id" >> "$tmp/corpus.nq" <<'EOF'
import sys
one, seen_path, graph = sys.argv[1:4]
seen = set(open(seen_path, encoding="utf-8").read().splitlines())
new = []
for line in open(one, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.strip() and line not in seen:
        seen.add(line)
        new.append(line)
        print(line[:line.rstrip().rfind(" .")] + " <%s> ." % graph)
with open(seen_path, "a", encoding="utf-8") as f:
    f.writelines(l + "\n" for l in new)
EOF
    done
fi
quads=$(grep -c . "$tmp/corpus.nq")
echo "# corpus.nq: $quads statements"

# ---- push --------------------------------------------------------------------------
PUSH=${DETENTE_PUSH:-$DETENTE} # DETENTE_PUSH: another binary with `push`, for development
if ! bg "$PUSH" push --endpoint "$gsp" --user dba --password dba "$tmp/corpus.nq" > "$tmp/push.out" 2>&1; then
    echo "not ok - detente push"
    cat "$tmp/push.out"
    exit 1
fi
echo "ok - detente push: $(sed "s#^$tmp/##" "$tmp/push.out")"
# pushing twice must replace, not duplicate
bg "$PUSH" push --quiet --endpoint "$gsp" --user dba --password dba "$tmp/corpus.nq" > "$tmp/push.out" 2>&1 ||
    { echo "not ok - detente push (second time)"; cat "$tmp/push.out"; exit 1; }
count_q='SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/detente/")) }'
stored=$(curl -sS -G "$sparql" --data-urlencode "query=$count_q" --data-urlencode 'format=text/csv' | tail -n 1)
fails=0
if [ "$stored" = "$quads" ]; then
    echo "ok - virtuoso holds $stored statements after two pushes"
else
    echo "not ok - virtuoso holds '$stored' statements after two pushes, the file $quads"
    fails=$((fails + 1))
fi

# Virtuoso's default graph without FROM is the union of all graphs as a bag:
# a triple held by two graphs (a person's label in two articles) matches
# twice, and rows multiply.  SPARQL's merge of the graphs, which `detente
# query` evaluates, is a set; so the graphs are also copied into one graph,
# which answers the queries (default-graph-uri), and the union's distinct
# rows are checked against it.
merged=urn:detente:test:merged
timeout 120 isql-vt "127.0.0.1:$isql_port" dba dba \
    exec="SPARQL INSERT { GRAPH <$merged> { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/detente/')) };" \
    > "$tmp/isql.out" 2>&1
if grep -q 'Error' "$tmp/isql.out"; then
    echo "not ok - copying the graphs into <$merged>"
    sed 's/^/#   /' "$tmp/isql.out"
    exit 1
fi
unique=$(curl -sS -G "$sparql" --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' \
    --data-urlencode "default-graph-uri=$merged" --data-urlencode 'format=text/csv' | tail -n 1)
echo "# merged graph: $unique distinct statements"

# ---- queries ----------------------------------------------------------------------
if [ "${LOCAL_ENGINE:-}" != roqet ] && "$DETENTE" query --help >/dev/null 2>&1; then
    local_engine="detente query"
else
    # development fallback until `detente query` exists: rasqal over the
    # union of the graphs
    command -v roqet >/dev/null 2>&1 && command -v rapper >/dev/null 2>&1 ||
        die "neither 'detente query' nor roqet/rapper available"
    local_engine="roqet (fallback)"
    rapper -q -i nquads -o ntriples "$tmp/corpus.nq" > "$tmp/corpus.all.nt" || die "rapper failed on corpus.nq"
    sort -u "$tmp/corpus.all.nt" > "$tmp/corpus.nt" # the merge of the graphs is a set
fi
echo "# local engine: $local_engine"
qtimeout=${QUERY_TIMEOUT:-600}
run_local() { # query file -> CSV on stdout
    if [ "$local_engine" = "detente query" ]; then
        bg timeout "$qtimeout" "$DETENTE" query -f csv "$1" "$tmp/corpus.nq"
    else
        bg timeout "$qtimeout" roqet -W 0 -q -i sparql -D "$tmp/corpus.nt" -r csv "$1"
    fi
}
virtuoso() { # query file, output file, [default graph] -> HTTP status on stdout
    local dg=()
    [ $# -gt 2 ] && dg=(--data-urlencode "default-graph-uri=$3")
    curl -sS -m "$qtimeout" -o "$2" -w '%{http_code}' -H 'Accept: application/sparql-results+json' \
        --data-urlencode "query@$1" "${dg[@]}" "$sparql" 2> "$tmp/v.err"
}

total_rows=0
nq=0
for q in "$queries"/*.rq; do
    [ -f "$q" ] || continue
    nq=$((nq + 1))
    name=$(basename "$q")
    code=$(virtuoso "$q" "$tmp/v.json" "$merged")
    [ "$code" = 200 ] && code=$(virtuoso "$q" "$tmp/u.json")
    if [ "$code" != 200 ]; then
        echo "not ok - $name"
        echo "#   virtuoso: HTTP $code: $(head -c 300 "$tmp/v.json" "$tmp/u.json" "$tmp/v.err" 2>/dev/null | tr '\n' ' ')"
        fails=$((fails + 1)); continue
    fi
    if ! run_local "$q" > "$tmp/d.csv" 2> "$tmp/d.err"; then
        echo "not ok - $name"
        echo "#   $local_engine failed: $(head -c 300 "$tmp/d.err" | tr '\n' ' ')"
        fails=$((fails + 1)); continue
    fi
    if ! "$PYTHON" "$tmp/norm.py" json "$tmp/v.json" > "$tmp/v.rows" 2> "$tmp/n.err" ||
       ! "$PYTHON" "$tmp/norm.py" json "$tmp/u.json" > "$tmp/u.rows" 2>> "$tmp/n.err" ||
       ! "$PYTHON" "$tmp/norm.py" csv "$tmp/d.csv" > "$tmp/d.rows" 2>> "$tmp/n.err"; then
        echo "not ok - $name"
        echo "#   cannot read the results: $(head -c 300 "$tmp/n.err" | tr '\n' ' ')"
        fails=$((fails + 1)); continue
    fi
    rows=$(($(wc -l < "$tmp/v.rows") - 1))
    if ! diff -u --label "virtuoso/$name" --label "$local_engine/$name" "$tmp/v.rows" "$tmp/d.rows" > "$tmp/diff"; then
        echo "not ok - $name (virtuoso $rows rows, $local_engine $(($(wc -l < "$tmp/d.rows") - 1)))"
        head -60 "$tmp/diff" | sed 's/^/#   /'
        fails=$((fails + 1))
    elif ! diff -u --label "virtuoso-merged/$name" --label "virtuoso-union/$name" \
            <(uniq "$tmp/v.rows") <(uniq "$tmp/u.rows") > "$tmp/diff"; then
        echo "not ok - $name (union of the graphs: distinct rows differ from the merged graph)"
        head -60 "$tmp/diff" | sed 's/^/#   /'
        fails=$((fails + 1))
    else
        echo "ok - $name ($rows rows)"
        total_rows=$((total_rows + rows))
    fi
done

if [ $nq = 0 ]; then
    echo "not ok - no queries in $queries"
    fails=$((fails + 1))
elif [ $total_rows = 0 ]; then
    echo "not ok - no query returned rows"
    fails=$((fails + 1))
fi
echo "# $nq queries, $fails failures, $total_rows rows matched"
[ $fails = 0 ]
