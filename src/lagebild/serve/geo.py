"""Country outlines for the offline map, from the shapes the ``countryinfo`` package ships.

``countryinfo`` (MIT, already a dependency) carries a low-resolution GeoJSON outline
for 173 countries. We turn them into SVG path data in an equirectangular frame
(x = lon + 180, y = 90 - lat, so the world is 360 × 180 units); the page's own script
draws them. No tile server, nothing fetched.
"""
from __future__ import annotations

import functools


def _ring(coords: list) -> str:
    pts = []
    last = None
    for lon, lat, *_ in coords:
        p = (round(lon + 180, 2), round(90 - lat, 2))
        if p != last:
            pts.append(p)
            last = p
    if len(pts) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z"


@functools.cache
def world_outlines() -> list[dict]:
    """[{"id": ISO alpha-3, "name", "d": SVG path}] for every country with a shape; [] if none ship."""
    try:
        from countryinfo import CountryInfo
    except ImportError:  # pragma: no cover - the package is a dependency
        return []
    out = []
    for info in CountryInfo.all().values():
        geo = info.get("geoJSON") or {}
        for feature in geo.get("features", []):
            geom = feature.get("geometry") or {}
            polys = [geom.get("coordinates", [])] if geom.get("type") == "Polygon" else geom.get("coordinates", [])
            d = "".join(_ring(ring) for poly in polys for ring in poly)
            if d:
                out.append({"id": feature.get("id") or info.get("ISO", {}).get("alpha3"), "name": info.get("name"), "d": d})
    return sorted(out, key=lambda c: c["name"] or "")
