"""The curated actor table (``lagebild/data/actors.jsonl``) and its aliases in one language.

Each record: ``id``, ``qid``, canonical English ``name``, ``type``, PLOVER ``country`` and
``sector``, optional ``roles`` (office, country, from, to). Countries come from the
gazetteer (every GeoNames country, canonical English name) and take their QID from the
table's ``country:<ISO3>`` records. Aliases per language live in ``lang/<code>/actors.json``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from ..errors import DataFileError
from ..lang import LanguageData
from .gazetteer import Gazetteer
from ..records import Actor


@dataclass
class ActorRecord:
    id: str
    name: str
    type: str
    qid: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[dict] = field(default_factory=list)

    @property
    def actor(self) -> Actor | None:
        if self.country is None and self.sector is None:
            return None
        return Actor(country=self.country, sector=self.sector)

    def holds(self, offices: set[str], country: str | None, when: date | None) -> bool:
        """Whether this person held one of ``offices`` (of ``country``) on ``when``."""
        for role in self.roles:
            if role["office"] not in offices or (country and role.get("country") != country):
                continue
            if when is None:
                return True
            start, end = role.get("from"), role.get("to")
            if (start is None or start <= when.isoformat()) and (end is None or when.isoformat() < end):
                return True
        return False


def _read_table() -> list[dict]:
    path = resources.files("lagebild") / "data" / "actors.jsonl"
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise DataFileError(f"actors.jsonl line {n}: {err}", path=str(path)) from err
    return rows


class ActorTable:
    """Actors by id, with the names each is known by in one language."""

    def __init__(self, lang: LanguageData, gazetteer: Gazetteer) -> None:
        self.records: dict[str, ActorRecord] = {}
        self.aliases: dict[str, list[str]] = {}  # actor id -> names (canonical first)
        country_qids: dict[str, str] = {}
        places = lang.json("places") if lang.has("places.json") else {}
        translation = places.get("countryinfo_translation")
        for row in _read_table():
            if row["id"].startswith("country:"):
                if row.get("qid"):
                    country_qids[row["country"]] = row["qid"]
                continue
            rec = ActorRecord(row["id"], row["name"], row["type"], row.get("qid"), row.get("country"),
                              row.get("sector"), row.get("roles", []))
            self.records[rec.id] = rec
            self.aliases[rec.id] = [rec.name]
        for iso2, cand in gazetteer.countries.items():
            iso3 = gazetteer.iso3(iso2)
            if not iso3:
                continue
            cid = f"country:{iso3}"
            self.records[cid] = ActorRecord(cid, cand.name, "LOC", country_qids.get(iso3), iso3, None)
            names = [cand.name]
            info = gazetteer.country_info.get(iso2, {})
            translated = (info.get("translations") or {}).get(translation) if translation else None
            if translated:
                names.append(translated)
            self.aliases[cid] = names
        extra = lang.json("actors").get("aliases", {}) if lang.has("actors.json") else {}
        for aid, names in extra.items():
            if aid in self.aliases:
                self.aliases[aid].extend(n for n in names if n not in self.aliases[aid])
        for name, iso3 in places.get("countries", {}).items():
            cid = f"country:{iso3}"
            if cid in self.aliases and name not in self.aliases[cid]:
                self.aliases[cid].append(name)

    def get(self, actor_id: str) -> ActorRecord | None:
        return self.records.get(actor_id)

    def holders(self, offices: set[str], country: str | None, when: date | None) -> list[ActorRecord]:
        return [r for r in self.records.values() if r.roles and r.holds(offices, country, when)]
