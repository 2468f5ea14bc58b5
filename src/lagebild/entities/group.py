"""Group found mentions into entities: coreference, role phrases, metonymy, records."""
from __future__ import annotations

from datetime import date

from ..kb.gazetteer import Candidate
from ..kb.resolve import Context
from ..kb.toponyms import Toponym, Toponyms
from ..records import Actor, Entity, Mention
from .finder import Found
from .linker import Linker
from .matcher import words_of
from ..kb.names import fold, given_name, name_keys, surname


def _key(f: Found, text: str) -> str:
    if f.target:
        return f.target
    return f"{f.type}:{fold(text[f.start:f.end])}"


def corefer(text: str, found: list[Found], ln: Linker) -> list[Found]:
    """Surnames, given names and genitives of persons named in full elsewhere in the article."""
    persons: dict[str, set[str]] = {}
    givens: dict[str, set[str]] = {}
    for f in found:
        if f.type != "PER":
            continue
        key = _key(f, text)
        span = text[f.start:f.end]
        names = [span]
        rec = ln.table.get(f.target) if f.target else None
        if rec is not None:
            names.append(rec.name)
        for n in names:
            if " " in n.strip():
                persons.setdefault(key, set()).update(k for k in name_keys(surname(n)) if len(k) >= 3)
                g = given_name(n)
                if len(g) >= 5:
                    givens.setdefault(key, set()).update(name_keys(g))
    # unlinked single-word persons that are a known person's surname join that person
    for f in found:
        if f.type == "PER" and not f.target and " " not in text[f.start:f.end].strip():
            keys = name_keys(text[f.start:f.end])
            hits = [k for k, ks in persons.items() if keys & ks and k != _key(f, text)]
            if len(hits) == 1:
                f.target = hits[0] if not hits[0].startswith("PER:") else None
                if f.target is None:
                    f.kind = "surname:" + hits[0]
    taken = [(f.start, f.end) for f in found]
    extra: list[Found] = []
    unique_given = {}
    for key, ks in givens.items():
        for k in ks:
            unique_given[k] = key if k not in unique_given else None
    covered = bytearray(len(text) + 1)
    for a, b in taken:
        covered[a:b] = b"\x01" * (b - a)
    for s, e, w in words_of(text):
        if not w[:1].isupper() or covered[s] or fold(w) in ln.not_surnames:
            continue
        keys = name_keys(w)
        hits = [k for k, ks in persons.items() if keys & ks]
        if not hits:
            base = w[:-1] if w.endswith("s") and len(w) > 4 else None  # German genitive
            hits = [k for k, ks in persons.items() if base and name_keys(base) & ks]
        if len(hits) == 1:
            extra.append(_person(hits[0], s, e))
            continue
        g = [unique_given.get(k) for k in keys if unique_given.get(k)]
        if len(set(g)) == 1 and fold(w) not in ln.title_words:
            extra.append(_person(g[0], s, e))
    return sorted(found + extra, key=lambda f: f.start)


def _person(key: str, s: int, e: int) -> Found:
    if key.startswith("PER:"):
        return Found(s, e, None, "PER", "surname:" + key)
    return Found(s, e, key, "PER", "coref")


def resolve_roles(roles: list[Found], found: list[Found], ln: Linker, published: date | None) -> list[Found]:
    """Role phrases become mentions of the person who holds the role (in the article first)."""
    out = []
    for rf in roles:
        r = rf.role
        offices = set(r.offices)
        if "counterpart" in offices:
            offices = {"head_of_state", "head_of_government"}
        # adjacent name: "NATO-Generalsekretär Mark Rutte", "Russian President Vladimir Putin"
        nxt = next((f for f in found if f.start >= rf.end), None)
        if nxt is not None and nxt.type == "PER" and nxt.start - rf.end <= 2:
            nxt.role = r
            continue
        in_doc = []
        for f in found:
            rec = ln.table.get(f.target) if f.target else None
            if rec is not None and rec.type == "PER" and rec.holds(offices, r.country, published):
                in_doc.append((f.start < rf.start, f.start, f.target))
        target = None
        if in_doc:
            before = [x for x in in_doc if x[0]]
            target = (max(before)[2] if before else min(in_doc)[2])
        elif published is not None:
            holders = ln.table.holders(offices, r.country, published)
            if len(holders) == 1:
                target = holders[0].id
        if target is not None:
            out.append(Found(rf.start, rf.end, target, "PER", "role", role=r))
        elif r.country:  # no known holder: the office itself acts ("the US President")
            sector = ln.roles_sector(r.offices) or ""
            out.append(Found(rf.start, rf.end, f"group:{r.country}:{sector}", "PER", "role", role=r))
    return out


def metonymy(text: str, found: list[Found], ln: Linker) -> None:
    """A capital used for its government ("Washington warnte", "Waffen für Kiew") becomes
    a mention of the country; a capital as a place ("in Rom", "Moskau angreifen") stays."""
    words = words_of(text)
    index = {w[0]: i for i, w in enumerate(words)}
    for f in found:
        if f.geo is None or f.geo.feature != "PPLC" or f.kind not in ("place", "name") \
                or not (f.target or "").startswith("geo:"):
            continue
        i = index.get(f.start)
        if i is None:
            continue
        j = next((k for k in range(i, len(words)) if words[k][1] >= f.end), i)
        prev = fold(words[i - 1][2]) if i > 0 else ""
        after = [fold(w[2]) for w in words[j + 1:j + 4]]
        surface = text[f.start:f.end]
        if any(a in ln.target_after for a in after):
            continue
        genitive = surface.endswith("s") and not fold(surface) == fold(f.geo.name)
        start_of_sentence = i == 0 or text[words[i - 1][1]:f.start].strip()[-1:] in (".", "!", "?", ":", "„", "\"", "“")
        if not genitive and prev in ln.locative:
            continue
        if genitive or start_of_sentence or prev in ln.agentive_before or prev in ln.clause_before \
                or (after and (after[0] in ln.agentive_after or _verb_like(words[j + 1][2], ln))):
            iso3 = ln.gaz.iso3(f.geo.country)
            if iso3 and f"country:{iso3}" in ln.table.records:
                f.target, f.kind, f.type = f"country:{iso3}", "metonym", "LOC"


def _verb_like(word: str, ln: Linker) -> bool:
    return word[:1].islower() and len(word) > 4 and word.endswith(ln.agentive_suffixes) if ln.agentive_suffixes else False


def in_context(text: str, found: list[Found], ln: Linker) -> None:
    """Each place name resolved again with what the rest of the article says about where it
    is (its countries, states and other places); exonyms and renamed places stay."""
    contexts: dict[str, Context] = {}
    for f in found:
        surface = fold(text[f.start:f.end])
        if f.kind == "place" and f.geo is not None and f.target == f.geo.key and surface not in ln.fixed_names:
            if surface not in contexts:
                contexts[surface] = context_of(found, ln, text, exclude=surface)
            cand = ln.resolver.resolve(text[f.start:f.end], contexts[surface])
            if cand is not None:
                f.geo, f.target = cand, cand.key


def one_sense(text: str, found: list[Found]) -> None:
    """One place per name and article: where a name was resolved with the article's context
    ("London" beside St. Thomas is London, Ontario), the same name inside an organisation
    ("London Police") names that place too, and a use for the government ("London said") is
    no metonym unless that place is the capital."""
    resolved: dict[str, object] = {}
    for f in found:
        if f.kind == "place" and f.type == "LOC" and f.geo is not None and f.target == f.geo.key:
            resolved.setdefault(fold(text[f.start:f.end]), f.geo)
    for f in found:
        place = resolved.get(fold(text[f.start:f.end]))
        if place is None or f.geo is None or f.geo.key == place.key:
            continue
        if f.type == "EMBEDDED":
            f.geo, f.target = place, place.key
        elif f.kind == "metonym" and place.feature != "PPLC":
            f.geo, f.target, f.kind = place, place.key, "place"


def context_of(found: list[Found], ln: Linker, text: str = "", exclude: str | None = None) -> Context:
    """Countries and US states mentioned, actors' countries, and the article's other places
    (``exclude``: a folded name whose own first guesses must not vote for themselves)."""
    ctx = Context()
    for f in found:
        if exclude is not None and fold(text[f.start:f.end]) == exclude:
            continue  # nor does the name used for its government ("London police" -> GB)
        if f.target and f.target.startswith("country:"):
            cand = ln.gaz.country(f.target.split(":", 1)[1])
            if cand is not None:
                ctx.add(cand)
        elif f.geo is not None and f.geo.feature != "PCLI":
            ctx.add(f.geo, 0.5 if f.geo.feature != "ADM1" else 1.0)
        elif f.target and f.type in ("PER", "ORG"):
            rec = ln.table.get(f.target)
            country = ln.gaz.country(rec.country) if rec is not None and rec.country else None
            if country is not None:
                ctx.countries[country.country] += 0.5
    return ctx


def build(text: str, found: list[Found], ln: Linker) -> tuple[list[Entity], Toponyms]:
    """Entity records (ids in order of first mention) and the toponyms: each LOC entity's
    place and every toponym mention (an unresolved LOC mention without a candidate)."""
    groups: dict[str, list[Found]] = {}
    embedded: list = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        key = f.kind.split(":", 1)[1] if f.kind.startswith("surname:") else _key(f, text)
        if f.type in ("NORP", "PRODUCT"):
            continue
        if f.type == "EMBEDDED":
            if f.geo is not None:
                embedded.append(Toponym(f.start, f.end, "embedded", "EMBEDDED", None, f.geo))
            continue
        groups.setdefault(key, []).append(f)
    entities: list[Entity] = []
    places: dict[str, Candidate] = {}
    mention_geo: list[Toponym] = []
    for n, (key, fs) in enumerate(groups.items(), 1):
        eid = f"e{n}"
        rec = ln.table.get(key)
        mentions, seen = [], set()
        for f in fs:
            if (f.start, f.end) not in seen:
                seen.add((f.start, f.end))
                start = _with_determiner(text, f.start, ln)
                mentions.append(Mention(start=start, end=f.end, text=text[start:f.end]))
        geo = next((f.geo for f in fs if f.geo is not None), None)
        if rec is not None:
            name, typ, qid, actor = rec.name, rec.type, rec.qid, rec.actor
            if typ in ("WEAPON", "EVENT"):
                actor = None
            if typ == "LOC":
                geo = ln.gaz.country(rec.country)
                actor = Actor(country=rec.country) if rec.country else None
        else:
            typ = fs[0].type if fs[0].type in ("PER", "ORG", "LOC", "WEAPON", "EVENT", "MISC") else "MISC"
            qid, actor = (ln.gaz.qid(geo) if geo is not None else None), None
            name = geo.name if geo is not None else max((text[f.start:f.end] for f in fs), key=len)
            if key.startswith("group:"):
                name = text[fs[0].start:fs[0].end]  # as first named ("Iraqi troops", then "the Iraqi soldiers")
            if typ == "PER":
                role = next((f.role for f in fs if f.role is not None), None)
                if role is not None and role.country:
                    actor = Actor(country=role.country, sector=role.sector or ln.roles_sector(role.offices))
            elif key.startswith("group:"):  # "Iraqi troops": the country and the head's sector
                _, country, sector = key.split(":", 2)
                actor = Actor(country=country, sector=sector or None)
            elif typ == "ORG":
                actor = _org_actor(name, ln)
        for f in fs:
            g = f.geo if f.geo is not None else (geo if typ == "LOC" else None)
            if f.kind in ("people", "government", "group"):
                continue
            if g is not None:
                mention_geo.append(Toponym(f.start, f.end, f.kind, f.type, eid, g, own=f.geo is not None))
            elif typ == "LOC" and f.type == "LOC" and f.target is None:  # for places to locate
                mention_geo.append(Toponym(f.start, f.end, f.kind, f.type, eid, None))
        if typ == "LOC" and geo is not None:
            places[eid] = geo
        entities.append(Entity(id=eid, name=name, type=typ, qid=qid, actor=actor, mentions=mentions))
    return entities, Toponyms(sorted(mention_geo + embedded, key=lambda t: t.start), places)


def _with_determiner(text: str, start: int, ln: Linker) -> int:
    """Include a sentence-initial article in the mention ("Das Weiße Haus", "The Kremlin")."""
    head = text[max(0, start - 6):start]
    parts = head.rstrip().rsplit(None, 1)
    if not head.endswith(" ") or not parts:
        return start
    det = parts[-1]
    if not det[:1].isupper() or fold(det) not in ln.determiners:
        return start
    begin = start - len(head) + head.rfind(det)
    before = text[:begin].rstrip()
    if before == "" or before[-1] in ".!?:\n„“\"":
        return begin
    return start


def _org_actor(name: str, ln: Linker) -> Actor | None:
    sector = ln.org_sector(name)
    country = None
    for m in ln.matcher.find(name):
        rec = ln.table.get(m.entry.target)
        if rec is not None and rec.type == "LOC":
            country = rec.country
            break
    if sector is None and country is None:
        return None
    return Actor(country=country, sector=sector)
