#!/usr/bin/env bash
# bench/run.sh: detente against its performance targets and its peers, in one run.
#
#   bench/run.sh [--mb 20] [--quick] [--no-peers] [--perf]
#
# Generates (or reuses, under bench/out/) the synthetic corpus of
# ../shared/bench/gen_news_corpus.py (seed 1), times detente (start-up,
# extraction alone, end to end to N-Quads with -j 1 and -j 2) and the peers of
# ../shared/bench/peers (wink-nlp, compromise) with /usr/bin/time -v, and
# writes two Markdown tables to standard output and bench/out/RESULTS-<mb>mb.md.
# See bench/README.md.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SHARED_BENCH=$(cd "$(dirname "$0")/../../shared/bench" && pwd)
OUT="$HERE/out"
DETENTE=${DETENTE:-"$ROOT/src/detente"}
LEXDIR=${DETENTE_DATADIR:-"$ROOT/ontology"}/lexicon
# the compiled lexicon cache of the measured binaries, apart from the user's
DETENTE_CACHE_DIR=${DETENTE_CACHE_DIR:-"$OUT/lexicon-cache"}
export DETENTE_CACHE_DIR

MB=20
QUICK=0
PEERS=1
PERF=0
while [ $# -gt 0 ]; do
    case "$1" in
    --mb) MB=$2; shift 2 ;;
    --mb=*) MB=${1#--mb=}; shift ;;
    --quick) QUICK=1; shift ;;
    --no-peers) PEERS=0; shift ;;
    --perf) PERF=1; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
case "$MB" in '' | *[!0-9]*) echo "run.sh: --mb takes a whole number of MiB" >&2; exit 2 ;; esac

[ -x "$DETENTE" ] || { echo "run.sh: $DETENTE not built (cd $ROOT && make -j2)" >&2; exit 2; }
# src/ may be rebuilt while we measure: time a snapshot of the binary taken now
# (it finds its lexicon through the source tree's ontology/ as before).
mkdir -p "$HERE/out"
cp "$DETENTE" "$HERE/out/detente.snapshot"
# detente runs detente-rdf, found next to itself, for Turtle and a lexicon
# cache miss (docs/startup.md): the snapshot gets its own copy beside it
RDF_SRC="$(dirname "$DETENTE")/detente-rdf"
rm -f "$HERE/out/detente-rdf"
[ -x "$RDF_SRC" ] && cp "$RDF_SRC" "$HERE/out/detente-rdf"
DETENTE_SRC=$DETENTE
DETENTE="$HERE/out/detente.snapshot"
[ -c /dev/null ] || { echo "run.sh: /dev/null is not a character device (restore it: rm /dev/null; mknod -m 666 /dev/null c 1 3)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "run.sh: needs python3" >&2; exit 2; }

# Runs per measurement: 3 (median) when cheap, 1 on big corpora or with --quick.
if [ "$QUICK" = 1 ] || [ "$MB" -gt 100 ]; then RUNS=1; else RUNS=3; fi
if [ "$QUICK" = 1 ]; then STARTUP_RUNS=5; else STARTUP_RUNS=20; fi

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- corpus --------------------------------------------------------------------
CORPUS="$OUT/corpus-${MB}mb"
JSONL="$CORPUS/news.jsonl"
mkdir -p "$OUT"
if [ -s "$JSONL" ] && grep -qx "seed=1 mb=$MB.0" "$CORPUS/STATS.txt" 2>/dev/null; then
    log "reusing $JSONL"
else
    log "generating the ${MB} MiB corpus (seed 1) in $CORPUS"
    rm -rf "$CORPUS"
    python3 "$SHARED_BENCH/gen_news_corpus.py" --out "$CORPUS" --mb "$MB" --seed 1 --no-files >&2
    rm -f "$CORPUS/news.txt" # only the JSON Lines file is used
fi
TEXT_BYTES=$(sed -n 's/^text_bytes=//p' "$CORPUS/STATS.txt")
ARTICLES=$(sed -n 's/^articles=//p' "$CORPUS/STATS.txt")
TINY="$OUT/tiny.jsonl"
head -n 1 "$JSONL" >"$TINY"
: >"$OUT/empty.jsonl"

# The peers read the whole file into memory and compromise runs at ~0.2 MB/s:
# on corpora above 20 MiB they get only the first 20 MiB of it.
PEER_INPUT=$JSONL
PEER_NOTE=""
PEER_ENV=""
if [ "$QUICK" = 1 ]; then
    PEER_ENV="ARTICLES=500"
    PEER_NOTE="first 500 articles only (--quick)"
elif [ "$MB" -gt 20 ]; then
    PEER_INPUT="$CORPUS/news-first20mb.jsonl"
    [ -s "$PEER_INPUT" ] || head -c $((20 * 1048576)) "$JSONL" | head -n -1 >"$PEER_INPUT"
    PEER_NOTE="first 20 MiB of the corpus only"
fi

# ---- bookkeeping ---------------------------------------------------------------
RUN="$OUT/runs-${MB}mb"
rm -rf "$RUN"
mkdir -p "$RUN"
MANIFEST="$RUN/manifest.tsv"
: >"$MANIFEST"
# manifest row: key, tool label, kind (detente|extract_only|peer|startup), corpus label, notes
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$MANIFEST"; }
CORPUS_LABEL="${MB} MiB ($ARTICLES art.)"

# timed KEY I CMD...: one run under /usr/bin/time -v; stdout kept in KEY.I.out
timed() {
    local key=$1 i=$2
    shift 2
    /usr/bin/time -v -o "$RUN/$key.$i.time" "$@" >"$RUN/$key.$i.out"
}
# timed_null KEY I CMD...: the same, stdout discarded.  Never `detente -o
# /dev/null`: -o writes a temporary file and renames it over the target, which
# replaces the /dev/null device with a regular file.
timed_null() {
    local key=$1 i=$2
    shift 2
    /usr/bin/time -v -o "$RUN/$key.$i.time" "$@" >/dev/null
    : >"$RUN/$key.$i.out"
}

{
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host_cpus=$(nproc)"
    echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "git=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (src/ modified)')"
    echo "binary=$DETENTE_SRC, $(date -r "$DETENTE_SRC" -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "version=$("$DETENTE" --version 2>/dev/null | head -n 1)"
    echo "mb=$MB"
    echo "text_bytes=$TEXT_BYTES"
    echo "articles=$ARTICLES"
    echo "runs=$RUNS"
    echo "startup_runs=$STARTUP_RUNS"
    echo "quick=$QUICK"
    echo "peer_note=$PEER_NOTE"
} >"$RUN/meta.txt"
# Other busy processes (not ours; we never stop them, we say they were there).
ps -eo pid,pcpu,args --sort=-pcpu | awk 'NR>1 && $2+0 >= 20' | head -n 5 | cut -c1-120 >"$RUN/busy-ps.txt" || true
[ -s "$RUN/busy-ps.txt" ] && log "busy processes while measuring: $(tr '\n' ';' <"$RUN/busy-ps.txt")"

# ---- start-up ------------------------------------------------------------------
log "start-up: $STARTUP_RUNS runs on a one-article file and on an empty file (N-Quads), and to Turtle"
# one untimed run writes the binary's compiled lexicon cache (a first run
# parses the Turtle, ~0.1 s): what is measured is every later start
"$DETENTE" extract -q -f nquads "$TINY" >/dev/null 2>&1 || true
# tiny, empty: N-Quads, streamed by detente itself; turtle: the same article
# to Turtle, which detente hands to detente-rdf (raptor, librdf: ~12 ms more)
for what in tiny empty turtle; do
    f="$OUT/$what.jsonl" fmt=nquads
    [ "$what" = turtle ] && f=$TINY fmt=turtle
    if command -v hyperfine >/dev/null; then
        hyperfine -N -w 3 -r "$STARTUP_RUNS" --export-json "$RUN/startup-$what.json" \
            "$DETENTE extract -q -f $fmt $f" >/dev/null 2>&1
    else
        for _ in $(seq "$STARTUP_RUNS"); do
            t0=$(date +%s%N)
            "$DETENTE" extract -q -f "$fmt" "$f" >/dev/null
            t1=$(date +%s%N)
            echo $(((t1 - t0) / 1000)) >>"$RUN/startup-$what.us"
        done
    fi
done
timed_null startup-rss 1 "$DETENTE" extract -q -f nquads "$TINY"
row startup "detente start-up" startup "1 article" "lexicon load + 1 article; median of $STARTUP_RUNS"

# ---- extraction alone -----------------------------------------------------------
EXTRACT_MODE=none
if "$DETENTE" extract --help 2>&1 | grep -q -- '--no-output'; then
    EXTRACT_MODE=flag
else
    # No flag: a 60-line driver linking src/libdetente.a (bench/extract_only.c)
    # runs the same stages without the writer.  Built fresh every time; if the
    # library's API moved, extraction alone is reported as not measurable.
    CFLAGS_X="-O2 -I/usr/include/raptor2 -I/usr/include/rasqal $(pkg-config --cflags glib-2.0 json-glib-1.0 2>/dev/null || true)"
    LIBS_X="-lrdf -lrasqal -lraptor2 $(pkg-config --libs json-glib-1.0 glib-2.0 2>/dev/null || true) -lm"
    # shellcheck disable=SC2086
    if [ -f "$ROOT/src/libdetente.a" ] &&
        ${CC:-cc} $CFLAGS_X -o "$OUT/extract_only" "$HERE/extract_only.c" "$ROOT/src/libdetente.a" $LIBS_X 2>"$RUN/extract_only.build.log"; then
        EXTRACT_MODE=driver
        # untimed: writes the driver's compiled lexicon cache
        "$OUT/extract_only" facts "$LEXDIR" "$TINY" >/dev/null 2>&1 || true
    else
        log "extract_only did not build (see $RUN/extract_only.build.log): extraction alone not measurable"
    fi
fi
echo "extract_mode=$EXTRACT_MODE" >>"$RUN/meta.txt"

# ---- detente, interleaved rounds so drift hits every configuration alike ------
log "detente: $RUNS round(s) on $JSONL (extraction mode: $EXTRACT_MODE)"
for i in $(seq "$RUNS"); do
    log "  round $i: end to end -j 1"
    timed_null e2e-j1 "$i" "$DETENTE" extract -q -f nquads -j 1 "$JSONL"
    log "  round $i: end to end -j 2"
    timed_null e2e-j2 "$i" "$DETENTE" extract -q -f nquads -j 2 "$JSONL"
    case $EXTRACT_MODE in
    flag)
        log "  round $i: extraction alone (--no-output)"
        timed x-facts "$i" "$DETENTE" extract -q -f nquads --no-output -j 1 "$JSONL"
        ;;
    driver)
        log "  round $i: extraction alone (bench/extract_only.c facts, graph)"
        timed x-facts "$i" "$OUT/extract_only" facts "$LEXDIR" "$JSONL"
        [ "$MB" -gt 100 ] || timed x-graph "$i" "$OUT/extract_only" graph "$LEXDIR" "$JSONL"
        ;;
    esac
done
row e2e-j1 "detente -j 1 -> N-Quads" detente "$CORPUS_LABEL" "end to end, stdout > /dev/null"
row e2e-j2 "detente -j 2 -> N-Quads" detente "$CORPUS_LABEL" "end to end, stdout > /dev/null"
case $EXTRACT_MODE in
flag) row x-facts "detente extraction alone" detente "$CORPUS_LABEL" "--no-output -j 1" ;;
driver)
    row x-facts "detente extraction alone" extract_only "$CORPUS_LABEL" "text -> facts (dt_extract), bench/extract_only.c"
    row x-graph "detente extraction + graph" extract_only "$CORPUS_LABEL" "+ N-Quads chunks in memory, no write"
    ;;
none) row x-facts "detente extraction alone" none "$CORPUS_LABEL" "not separately measurable" ;;
esac

# Triples: counted once, in an extra untimed -j 2 run (the timed runs write
# to /dev/null: a pipe into wc -l costs detente write time and wc a core).
# Small corpora: a real output file, then deleted (it is ~70x the input);
# big ones: streamed into wc -l, nothing on disk.
log "counting triples (one extra -j 2 run)"
if [ "$MB" -le 100 ]; then
    "$DETENTE" extract -q -f nquads -j 2 -o "$RUN/count.nq" "$JSONL"
    wc -l <"$RUN/count.nq" | tr -d ' ' >"$RUN/triples.txt"
    ls -l "$RUN/count.nq" | awk '{print $5}' >"$RUN/nquads-bytes.txt"
    rm -f "$RUN/count.nq"
else
    "$DETENTE" extract -q -f nquads -j 2 "$JSONL" |
        wc -lc | awk -v l="$RUN/triples.txt" -v b="$RUN/nquads-bytes.txt" '{print $1 >l; print $2 >b}'
fi

# ---- peers ---------------------------------------------------------------------
if [ "$PEERS" = 1 ]; then
    PEERDIR="$OUT/peers"
    if [ ! -d "$PEERDIR/node_modules" ]; then
        log "installing the peers in $PEERDIR (npm install, once)"
        rm -rf "$PEERDIR"
        cp -r "$SHARED_BENCH/peers" "$PEERDIR"
        chmod -R u+w "$PEERDIR"
        (cd "$PEERDIR" && npm install --no-audit --no-fund >&2)
    fi
    PEER_LABEL=$CORPUS_LABEL
    [ -n "$PEER_NOTE" ] && PEER_LABEL="$MB MiB: $PEER_NOTE"
    for i in $(seq "$RUNS"); do
        log "  round $i: wink-nlp, wink-nlp CER=1"
        timed wink "$i" env $PEER_ENV node "$PEERDIR/wink_bench.js" "$PEER_INPUT"
        timed wink-cer "$i" env $PEER_ENV CER=1 node "$PEERDIR/wink_bench.js" "$PEER_INPUT"
    done
    log "  compromise (one run: ~0.2 MB/s)"
    timed compromise 1 env $PEER_ENV node "$PEERDIR/compromise_bench.js" "$PEER_INPUT"
    row wink "wink-nlp (lite model)" peer "$PEER_LABEL" ""
    row wink-cer "wink-nlp + custom entities" peer "$PEER_LABEL" "CER=1"
    row compromise "compromise" peer "$PEER_LABEL" "1 run"
fi

# ---- profile (optional) --------------------------------------------------------
if [ "$PERF" = 1 ] && command -v perf >/dev/null; then
    log "perf record -g on detente -j 1"
    perf record -F 499 -g -o "$RUN/perf.data" -- "$DETENTE" extract -q -f nquads -j 1 "$JSONL" >/dev/null 2>&1
    perf report -i "$RUN/perf.data" --no-children --sort symbol --stdio 2>/dev/null |
        grep -E '^ +[0-9.]+%' | head -n 15 >"$RUN/perf-top.txt" || true
    perf report -i "$RUN/perf.data" --children --sort symbol --stdio -g none 2>/dev/null |
        grep -E '^ +[0-9.]+%' | head -n 30 >"$RUN/perf-children.txt" || true
fi

[ -c /dev/null ] || log "WARNING: /dev/null is no longer a character device (something ran -o /dev/null?)"

# ---- tables ---------------------------------------------------------------------
python3 "$HERE/report.py" "$RUN" | tee "$OUT/RESULTS-${MB}mb.md"
log "saved $OUT/RESULTS-${MB}mb.md (raw /usr/bin/time -v output in $RUN)"
