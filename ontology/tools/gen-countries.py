#!/usr/bin/python3
"""Generate the COUNTRY lexicon (ontology/lexicon/countries.ttl).

Inputs (all local files; the script never touches the network):
  * ISO 3166-1 from Debian's iso-codes package
    (default /usr/share/iso-codes/json/iso_3166-1.json, LGPL-2.1+);
  * countries.json of the npm package world-countries (ODbL-1.0), given as
    the first argument;
  * countries-extra.json  (hand-curated overrides, next to this script);
  * country-qids.tsv      (alpha2 -> Wikidata QID, checked sources, next to
    this script).

The output is deterministic: entities, labels and places are sorted, so a
rerun on the same inputs is byte-identical.  A summary and any warnings go
to stderr.  See README-countries.md.

Usage:
  /usr/bin/python3 ontology/tools/gen-countries.py PATH/TO/world-countries/countries.json
      [--iso FILE] [--extra FILE] [--qids FILE] [-o OUT | -o -]
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_EXTRA = os.path.join(HERE, "countries-extra.json")
DEFAULT_QIDS = os.path.join(HERE, "country-qids.tsv")
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "lexicon", "countries.ttl"))

PREFIXES = """\
@prefix dt: <https://w3id.org/detente/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix dtc: <https://w3id.org/detente/id/country/> .
@prefix dtp: <https://w3id.org/detente/id/place/> .
"""

# Tokens that mark a name as being in a language other than English
# (articles, prepositions and the word for "republic", "kingdom", ... in the
# languages world-countries uses for native official names).  A source name
# containing one of them is not used as an English label.
FOREIGN_TOKENS = {
    # function words
    "a", "da", "de", "del", "des", "di", "do", "du", "dé", "e", "er", "et",
    "i", "la", "le", "na", "ng", "oa", "og", "ta", "wa", "y", "ya",
    "bilong", "blong",
    # state words
    "bailliage", "beluu", "bundesrepublik", "collectivité", "cumhuriyeti",
    "dawlat", "département", "estado", "estados", "federaalka", "fürstentum",
    "ganatantra", "grand-duché", "großherzogtum", "groussherzogtum",
    "independen", "jamhuri", "jamhuuriyadda", "jumhooriyya", "königreich",
    "koninkrijk", "kongeriget", "kongeriket", "konungariket", "land",
    "lefatshe", "lýðveldið", "malo", "mamallaqta", "mamlakat", "matanitu",
    "muso", "nainngandaw", "pais", "poblacht", "principat", "principauté",
    "raajjeyge", "ratcha", "reino", "repiblik", "repoblikan", "republica",
    "república", "republiek", "republik", "republika", "republiken",
    "république", "repubblica", "repubulika", "respublika", "respublikasy",
    "ripablik", "ripublik", "royaume", "rzeczpospolita", "sathalanalat",
    "stato", "suyu", "tasavalta", "teratri", "territoire", "tetã", "udzima",
    "umbuso", "vabariik",
    # transliterated native long forms
    "cumhuriyi", "çumhuriyi", "demokrátika", "ganrajya", "gônôprôjatôntri",
    "repoblikan'i", "repúblika", "ribaberiki", "ummuuno",
}
ENGLISH_LOWER = {"of", "the", "and"}
ASCII_PUNCT_OK = set(" -'.&")

EXTRA_COUNTRY_KEYS = {
    "iso", "prefLabel", "officialName", "altLabels_add", "altLabels_drop",
    "demonyms_add", "demonyms_drop", "capitals",
}
EXTRA_CAPITAL_KEYS = {"name", "alt", "metonym"}
EXTRA_SEAT_KEYS = {"name", "alt", "country"}

# letters that NFKD does not decompose
FOLD_SPECIAL = {
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ß": "ss", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ı": "i", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'",
}

warnings = []


def warn(msg):
    warnings.append(msg)


def nfc(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def fold(s):
    """ASCII form of s (diacritics stripped), or None if impossible."""
    s = "".join(FOLD_SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s if s.isascii() else None


def slugify(s):
    f = fold(s)
    if f is None:
        raise SystemExit("cannot make an ASCII slug of %r" % s)
    return re.sub(r"[^a-z0-9]+", "-", f.lower()).strip("-")


def latin1_text(s):
    """True if s uses only Latin-script letters of Latin-1, digits, and plain
    ASCII punctuation (drops other scripts and scholarly transliterations)."""
    for ch in s:
        if ch.isalpha():
            if ord(ch) > 0xFF or "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif ch.isdigit():
            if not ch.isascii():
                return False
        elif ch not in ASCII_PUNCT_OK and ch not in ",()":
            return False
    return True


def reject_reason(s, allow_comma=False):
    """Why a name taken from world-countries / iso-codes is not an English
    label; None if it is acceptable."""
    if len(s) < 2:
        return "too short"
    if re.fullmatch(r"[A-Z]{2}", s):
        return "2-letter code"
    if "," in s and not allow_comma:
        return "comma (inverted form)"
    if "(" in s or ")" in s:
        return "parenthetical"
    if not latin1_text(s):
        return "non-Latin script or transliteration"
    if not (s[0].isupper() or s[0].isdigit()):
        return "starts lower-case"
    for tok in s.replace(",", " ").split():
        for part in [tok] + tok.split("-"):
            if part.lower() in FOREIGN_TOKENS:
                return "not English (%s)" % part
        if tok[0].islower() and tok not in ENGLISH_LOWER and not re.match(r"d'[A-Z]", tok):
            return "lower-case word (%s)" % tok
    return None


def saint_forms(s):
    """'Saint Lucia' -> ['St. Lucia', 'St Lucia'] (news abbreviations)."""
    if s.startswith("Saint "):
        rest = s[len("Saint "):]
        return ["St. " + rest, "St " + rest]
    return []


def ttl_string(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def lit_en(s):
    return ttl_string(s) + "@en"


def label_key(s):
    return (s.casefold(), s)


def check_label(s, what):
    if len(s) < 2 or not (s[0].isupper() or s[0].isdigit()):
        raise SystemExit("bad %s %r (must be >= 2 chars and start upper-case)" % (what, s))


def plural(d, exceptions):
    if d in exceptions:
        return exceptions[d]
    if re.search(r"(ese|sh|ss|s|x|z)$", d):
        return None
    return d + "s"


def split_demonyms(s):
    return [p.strip() for p in re.split(r",| or ", s) if p.strip()]


def load_inputs(args):
    with open(args.iso, encoding="utf-8") as f:
        iso = {e["alpha_2"]: e for e in json.load(f)["3166-1"]}
    with open(args.world_countries, encoding="utf-8") as f:
        wc_list = json.load(f)
    wc = {}
    for c in wc_list:
        if c["cca2"] in wc:
            raise SystemExit("duplicate cca2 %s in world-countries" % c["cca2"])
        wc[c["cca2"]] = c
    wc_version = None
    pkg = os.path.join(os.path.dirname(os.path.abspath(args.world_countries)), "package.json")
    if os.path.exists(pkg):
        with open(pkg, encoding="utf-8") as f:
            wc_version = json.load(f).get("version")
    with open(args.extra, encoding="utf-8") as f:
        extra = json.load(f)
    qids = {}
    with open(args.qids, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["alpha2", "qid", "source"]:
            raise SystemExit("%s: unexpected header %r" % (args.qids, header))
        for n, line in enumerate(f, 2):
            line = line.rstrip("\n")
            if not line:
                continue
            a2, qid, src = line.split("\t")
            if not re.fullmatch(r"Q[1-9][0-9]*", qid):
                raise SystemExit("%s:%d: bad QID %r" % (args.qids, n, qid))
            if a2 in qids:
                raise SystemExit("%s:%d: duplicate code %s" % (args.qids, n, a2))
            qids[a2] = qid
    if len(set(qids.values())) != len(qids):
        raise SystemExit("%s: a QID is used for two codes" % args.qids)
    return iso, wc, wc_version, extra, qids


def build(iso, wc, extra, qids):
    ex_countries = extra.get("countries", {})
    fold_deny = set(extra.get("fold_deny", []))
    plural_exc = extra.get("demonym_plural", {})

    for code, ex in ex_countries.items():
        bad = set(ex) - EXTRA_COUNTRY_KEYS
        if bad:
            raise SystemExit("countries-extra: %s: unknown keys %s" % (code, sorted(bad)))
        if ex.get("iso") is False and code in iso:
            raise SystemExit("countries-extra: %s is an ISO code but has iso=false" % code)
        if code not in iso and code not in wc:
            if ex.get("iso") is not False or "prefLabel" not in ex:
                raise SystemExit("countries-extra: new entity %s needs iso=false and prefLabel" % code)
            if not re.fullmatch(r"[A-Z][A-Z0-9-]*[A-Z0-9]", code):
                raise SystemExit("countries-extra: bad code %r" % code)

    codes = sorted(set(iso) | set(wc) | set(ex_countries))
    ents = {}
    for code in codes:
        e_iso = iso.get(code, {})
        e_wc = wc.get(code, {})
        ex = ex_countries.get(code, {})
        ent = {"code": code, "iso": code in iso,
               "independent": bool(e_wc.get("independent"))}
        ent["a2"] = e_iso.get("alpha_2")
        ent["a3"] = e_iso.get("alpha_3")

        wc_name = e_wc.get("name", {})
        pref = ex.get("prefLabel") or wc_name.get("common") or e_iso.get("common_name") or e_iso.get("name")
        pref = nfc(pref)
        check_label(pref, "prefLabel")
        ent["pref"] = pref

        # official name
        if "officialName" in ex:
            official = ex["officialName"]
        else:
            official = None
            for cand in (wc_name.get("official"), e_iso.get("official_name")):
                if not cand:
                    continue
                cand = nfc(cand)
                if cand.startswith("the "):
                    cand = cand[4:]
                if reject_reason(cand, allow_comma=True) is None:
                    official = cand
                    break
        if official is not None:
            official = nfc(official)
            check_label(official, "officialName")
            if official == pref:
                official = None
        ent["official"] = official

        # alternative labels from the sources, filtered
        drops = {nfc(s) for s in ex.get("altLabels_drop", [])}
        used_drops = set()
        cands = []
        cands += [wc_name.get("common"), official]
        cands += e_wc.get("altSpellings", [])
        cands += [e_iso.get("name"), e_iso.get("official_name"), e_iso.get("common_name")]
        alts = set()
        for c in cands:
            if not c:
                continue
            c = nfc(c)
            if c.startswith("the "):
                c = c[4:]
            if c in drops:
                used_drops.add(c)
                continue
            if c == code or (e_wc and c in (e_wc.get("cca3"), e_wc.get("cioc"))):
                continue
            why = reject_reason(c)
            if why is None:
                alts.add(c)
        for c in ex.get("altLabels_add", []):
            c = nfc(c)
            check_label(c, "altLabel")
            alts.add(c)
        # derived forms: St./St abbreviations and ASCII folds
        base = {pref} | alts
        derived = set()
        for s in base:
            derived.update(saint_forms(s))
        for s in base | derived:
            f = fold(s)
            if f and f != s and f not in fold_deny:
                derived.add(f)
        alts |= derived
        for c in list(alts):
            if c in drops:
                used_drops.add(c)
                alts.discard(c)
        alts.discard(pref)
        for s in sorted(drops - used_drops):
            warn("%s: altLabels_drop %r matched nothing" % (code, s))
        ent["alts"] = alts

        # demonyms (singular forms here; plurals added after collision check)
        dems = []
        dem_src = e_wc.get("demonyms", {}).get("eng", {})
        for g in ("m", "f"):
            for d in split_demonyms(nfc(dem_src.get(g, ""))):
                if d not in dems:
                    dems.append(d)
        ddrops = {nfc(s) for s in ex.get("demonyms_drop", [])}
        for s in sorted(ddrops - set(dems)):
            warn("%s: demonyms_drop %r matched nothing" % (code, s))
        dems = [d for d in dems if d not in ddrops]
        added = []
        for d in ex.get("demonyms_add", []):
            d = nfc(d)
            check_label(d, "demonym")
            added.append(d)
            if d not in dems:
                dems.append(d)
        ent["dems"] = dems
        ent["dems_explicit"] = set(added)

        # capitals
        if "capitals" in ex:
            caps = ex["capitals"]
            for cap in caps:
                bad = set(cap) - EXTRA_CAPITAL_KEYS
                if bad:
                    raise SystemExit("countries-extra: %s capital: unknown keys %s" % (code, sorted(bad)))
        else:
            caps = [{"name": n} for n in e_wc.get("capital", [])]
        ent["caps"] = []
        for i, cap in enumerate(caps):
            name = nfc(cap["name"])
            check_label(name, "capital")
            calts = {nfc(a) for a in cap.get("alt", [])}
            calts.update(saint_forms(name))
            for s in [name] + sorted(calts):
                f = fold(s)
                if f and f != s and f not in fold_deny:
                    calts.add(f)
            calts.discard(name)
            ent["caps"].append({"name": name, "alts": calts,
                                "metonym": cap.get("metonym", i == 0)})

        ent["qid"] = qids.get(code)
        ents[code] = ent

    for code in sorted(set(qids) - set(ents)):
        warn("country-qids: %s is not a generated entity" % code)

    # demonym collisions: a demonym shared with an independent state is
    # dropped from dependent territories (e.g. "French" for TF), unless the
    # overrides file added it explicitly.
    claim = collections.defaultdict(list)
    for code, ent in ents.items():
        for d in ent["dems"]:
            claim[d].append(code)
    for d, cl in sorted(claim.items()):
        if len(cl) < 2:
            continue
        if any(ents[c]["independent"] for c in cl):
            for c in cl:
                if not ents[c]["independent"] and d not in ents[c]["dems_explicit"]:
                    ents[c]["dems"].remove(d)
        left = [c for c in cl if d in ents[c]["dems"]]
        if len(left) > 1:
            warn("demonym %r shared by %s" % (d, ", ".join(left)))
    for ent in ents.values():
        forms = []
        for d in sorted(ent["dems"], key=label_key):
            forms.append(d)
            p = plural(d, plural_exc)
            if p and p not in forms:
                forms.append(p)
        seen = set()
        ent["demonyms"] = [f for f in forms if not (f in seen or seen.add(f))]

    # places: capitals first (independent states first, so that they get the
    # plain slug when two capitals share a name), then government seats
    places = {}
    order = sorted(ents, key=lambda c: (not ents[c]["independent"], c))
    for code in order:
        ent = ents[code]
        ent["cap_slugs"] = []
        for cap in ent["caps"]:
            slug = slugify(cap["name"])
            if slug in places:
                slug = slug + "-" + code.lower()
                warn("place name %r reused: %s gets dtp:%s" % (cap["name"], code, slug))
            if slug in places:
                raise SystemExit("slug collision %s" % slug)
            places[slug] = {"kind": "City", "pref": cap["name"], "alts": cap["alts"],
                            "capitalOf": code,
                            "metonymFor": code if cap["metonym"] else None}
            ent["cap_slugs"].append(slug)
    for seat in extra.get("seats", []):
        bad = set(seat) - EXTRA_SEAT_KEYS
        if bad:
            raise SystemExit("countries-extra: seat %r: unknown keys %s" % (seat.get("name"), sorted(bad)))
        name = nfc(seat["name"])
        check_label(name, "seat")
        if seat["country"] not in ents:
            raise SystemExit("seat %s: unknown country %s" % (name, seat["country"]))
        slug = slugify(name)
        if slug in places:
            raise SystemExit("seat %s: slug dtp:%s already used" % (name, slug))
        salts = {nfc(a) for a in seat.get("alt", [])}
        for s in [name] + sorted(salts):
            f = fold(s)
            if f and f != s and f not in fold_deny:
                salts.add(f)
        salts.discard(name)
        places[slug] = {"kind": "GovernmentSeat", "pref": name, "alts": salts,
                        "capitalOf": None, "metonymFor": seat["country"]}

    # label collisions between different entities (reported, not fatal)
    owners = collections.defaultdict(set)
    for code, ent in ents.items():
        for s in {ent["pref"]} | ent["alts"]:
            owners[s].add("dtc:" + code)
    for slug, p in places.items():
        for s in {p["pref"]} | p["alts"]:
            owners[s].add("dtp:" + slug)
    for s, o in sorted(owners.items()):
        if len(o) > 1:
            countries_ = {x for x in o if x.startswith("dtc:")}
            places_ = o - countries_
            # a capital named like its own country is expected (Singapore)
            if len(countries_) == 1 and all(
                    places[x[4:]]["capitalOf"] == next(iter(countries_))[4:]
                    for x in places_):
                continue
            warn("label %r used by %s" % (s, ", ".join(sorted(o))))
    return ents, places


def render(ents, places, wc_version):
    out = []
    out.append("# countries.ttl -- the COUNTRY lexicon of detente.\n")
    out.append("# GENERATED by ontology/tools/gen-countries.py; do not edit by hand\n")
    out.append("# (see ontology/tools/README-countries.md to regenerate).\n")
    out.append("# Sources: ISO 3166-1 from Debian iso-codes (LGPL-2.1-or-later);\n")
    out.append("#   world-countries%s by Mohammed Le Doze (mledoze/countries),\n"
               % (" " + wc_version if wc_version else ""))
    out.append("#   made available under the Open Database License (ODbL) v1.0;\n")
    out.append("#   hand-curated ontology/tools/countries-extra.json;\n")
    out.append("#   Wikidata QIDs from ontology/tools/country-qids.tsv.\n")
    out.append("\n")
    out.append(PREFIXES)

    def objs(values):
        return " ,\n        ".join(values)

    for code in sorted(ents):
        ent = ents[code]
        lines = ["dtc:%s a dt:Country" % code]
        lines.append("skos:prefLabel " + lit_en(ent["pref"]))
        if ent["official"]:
            lines.append("dt:officialName " + lit_en(ent["official"]))
        if ent["alts"]:
            lines.append("skos:altLabel " + objs(lit_en(a) for a in sorted(ent["alts"], key=label_key)))
        if ent["demonyms"]:
            lines.append("dt:demonym " + objs(lit_en(d) for d in ent["demonyms"]))
        if ent["iso"]:
            lines.append("dt:iso3166Alpha2 " + ttl_string(ent["a2"]))
            lines.append("dt:iso3166Alpha3 " + ttl_string(ent["a3"]))
        if ent["cap_slugs"]:
            lines.append("dt:capital " + " , ".join("dtp:" + s for s in sorted(ent["cap_slugs"])))
        if ent["qid"]:
            lines.append("owl:sameAs wd:" + ent["qid"])
        out.append("\n" + " ;\n    ".join(lines) + " .\n")

    for slug in sorted(places):
        p = places[slug]
        lines = ["dtp:%s a dt:%s" % (slug, p["kind"])]
        lines.append("skos:prefLabel " + lit_en(p["pref"]))
        if p["alts"]:
            lines.append("skos:altLabel " + objs(lit_en(a) for a in sorted(p["alts"], key=label_key)))
        if p["capitalOf"]:
            lines.append("dt:capitalOf dtc:" + p["capitalOf"])
        if p["metonymFor"]:
            lines.append("dt:governmentMetonymFor dtc:" + p["metonymFor"])
        out.append("\n" + " ;\n    ".join(lines) + " .\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description="Generate ontology/lexicon/countries.ttl")
    ap.add_argument("world_countries", help="path to world-countries' countries.json")
    ap.add_argument("--iso", default=DEFAULT_ISO, help="iso-codes iso_3166-1.json (default: %(default)s)")
    ap.add_argument("--extra", default=DEFAULT_EXTRA, help="overrides file (default: countries-extra.json here)")
    ap.add_argument("--qids", default=DEFAULT_QIDS, help="alpha2->QID table (default: country-qids.tsv here)")
    ap.add_argument("-o", "--output", default=DEFAULT_OUT, help="output file, '-' for stdout (default: %(default)s)")
    args = ap.parse_args()

    iso, wc, wc_version, extra, qids = load_inputs(args)
    ents, places = build(iso, wc, extra, qids)
    text = render(ents, places, wc_version)

    if args.output == "-":
        sys.stdout.write(text)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, args.output)

    n_iso = sum(1 for e in ents.values() if e["iso"])
    n_caps = sum(1 for p in places.values() if p["kind"] == "City")
    n_seats = sum(1 for p in places.values() if p["kind"] == "GovernmentSeat")
    n_dem = sum(len(e["demonyms"]) for e in ents.values())
    n_qid = sum(1 for e in ents.values() if e["qid"])
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    print("countries: %d (%d ISO 3166-1, %d other); capitals: %d; seats: %d; "
          "demonym forms: %d; QIDs: %d; output: %s"
          % (len(ents), n_iso, len(ents) - n_iso, n_caps, n_seats, n_dem, n_qid, args.output),
          file=sys.stderr)


if __name__ == "__main__":
    main()
