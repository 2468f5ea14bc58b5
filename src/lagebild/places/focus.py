"""The local focus of an article: where a place the gazetteer lacks (a street, a school,
a village) most likely lies, given the places the article does name.

Every city, county or state mention is a candidate point. A candidate is scored by
- how often it is named (a mention in the first lines, where datelines sit, counts double;
  a toponym inside an organisation name, "Winnipeg Fire Paramedic Service", half);
- the mentions of its state or province (a state votes for its cities: "Iowa" makes
  "Des Moines" the focus, and the state itself counts less once a city of it is named);
- the other places within 150 km (a cluster of suburbs outweighs one distant city; rivers,
  mountains and islands nearby count half);
- the share of the article's mentions in its country;
- when asked for one mention, how close in the text the candidate is named (an article
  that moves from Liverpool to Rome places the hospital in Rome where it talks of Rome).
The weights were measured on GeoWebNews and checked on TR-News (docs/decisions.md).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..kb.gazetteer import distance_km

_LOCAL = ("PPL", "PPLC", "ADM1", "ADM2")  # candidate points
_CITY = ("PPL", "PPLC", "ADM2")
_TOO_LARGE = ("PCLI", "CONT", "RGN", "OCN", "TERR", "APPROX")  # vouch for no point
_F = {"lead_chars": 300, "lead": 2.0, "embedded": 0.5, "city": 0.1,
      "state_votes": 2.0,  # a city gets this times the weight of its state's mentions
      "state_with_city": 0.5,  # a state's own weight once a city of it is a candidate
      "near_km": 150.0, "neighbour": 1.0, "feature": 0.5,
      "country": 3.0,  # times the share of the article's mentions in the candidate's country
      "country_name": 0.5, "demonym": 0.25,  # what a country name / demonym adds to that share
      "text": 4.0, "text_chars": 100.0}  # closeness in the text to the mention asked about


def _within_state(state, city) -> bool:
    if state.country != city.country:
        return False
    a, b = getattr(state, "admin1", None), getattr(city, "admin1", None)
    if a is not None and b is not None:
        return a == b
    return distance_km(state.lat, state.lon, city.lat, city.lon) <= 400.0


def focus_place(mentions: Iterable[tuple[int, object, str]], at: int | None = None):
    """The place that is the article's local focus, from its place mentions ``(start, place,
    kind)`` (places have ``lat``, ``lon``, ``feature``, ``country`` and optionally ``admin1``;
    ``kind`` is how the mention was found: ``embedded``, ``demonym``, ...). Without any city,
    county or state, the country it names most, else None. With ``at`` (a character offset),
    the focus for the mention there."""
    weight: dict[tuple[float, float], float] = {}
    place: dict[tuple[float, float], object] = {}
    near: dict[tuple[float, float], float] = {}
    share: Counter = Counter()
    features: list[tuple[object, float]] = []
    countries: dict[str, object] = {}
    for start, p, kind in mentions:
        if p.lat is None or p.feature == "APPROX":
            continue
        base = _F["lead"] if start < _F["lead_chars"] else 1.0
        if kind == "embedded":
            base *= _F["embedded"]
        if p.country:
            share[p.country] += base * (_F["country_name"] if p.feature == "PCLI"
                                        else _F["demonym"] if kind == "demonym" else 1.0)
        if p.feature == "PCLI" and p.country:
            countries[p.country] = p
        if p.feature not in _LOCAL:
            if p.feature not in _TOO_LARGE:
                features.append((p, base))
            continue
        key = (p.lat, p.lon)
        weight[key] = weight.get(key, 0.0) + base + (_F["city"] if p.feature in _CITY else 0.0)
        place.setdefault(key, p)
        if at is not None:
            near[key] = max(near.get(key, 0.0), 1.0 / (1.0 + abs(at - start) / _F["text_chars"]))
    if not weight:  # no city, county or state: the country the article names most
        named = [c for c in countries if share.get(c)]
        return countries[max(named, key=share.get)] if named else None
    total = sum(share.values()) or 1.0
    states = [(k, w) for k, w in weight.items() if place[k].feature == "ADM1"]
    cities = [k for k in weight if place[k].feature in _CITY]

    def score(k: tuple[float, float]) -> float:
        p = place[k]
        s = weight[k]
        if p.feature == "ADM1" and any(_within_state(p, place[c]) for c in cities):
            s *= _F["state_with_city"]
        if p.feature in _CITY:
            s += _F["state_votes"] * sum(w for ks, w in states if _within_state(place[ks], p))
        s += _F["neighbour"] * sum(w for k2, w in weight.items()
                                   if k2 != k and distance_km(k[0], k[1], k2[0], k2[1]) <= _F["near_km"])
        s += _F["feature"] * sum(w for f, w in features if distance_km(k[0], k[1], f.lat, f.lon) <= _F["near_km"])
        s += _F["country"] * share.get(p.country, 0.0) / total
        return s + _F["text"] * near.get(k, 0.0)

    return place[max(weight, key=score)]
