"""Build the English generated trigger lexicon ``src/lagebild/lang/en/event_lexicon.json``.

Inputs
  ../shared/data/cameo/CAMEO.2.0.txt          PETRARCH2 CAMEO verb patterns (MIT, Open Event Data Alliance)
  ../shared/data/cameo/CAMEO2PLOVER-2021.txt  CAMEO code -> PLOVER type, mode, context (CC BY-SA 4.0, PLOVER project)
  src/lagebild/lang/en/event_concepts.json   hand-written curation: CAMEO verbs dropped or restricted,
                                             code and mode overrides, weights, nominalisations, nouns,
                                             phrases and per-lemma details

How a CAMEO verb becomes a trigger
  * its code (the verb's own code, else its block's) is mapped to PLOVER with the conversion table
    (primary reading: the first code of ``[a:b]``, the first PLOVER type of a line); codes the table
    does not map (01x public statements, 02x appeals, ``---``) give no type;
  * single-element object patterns of that verb (``- * CURFEW [1723]``, ``- * (INTO ALLEGATION) [090]``,
    ``- * &WEAPON [...]``) become ``objects`` entries (object lemma -> type/mode; ``[---]`` -> not an event);
    patterns with a subject part or several elements are too specific for a lemma lexicon and are skipped;
  * a verb without an event code is kept only through its object patterns (``"*": {"type": null}``);
  * the curation file then drops, restricts, re-types and weights verbs and adds what CAMEO lacks
    (nouns: CAMEO is verb-only).

Deterministic: sorted keys and lists; rerunning gives a byte-identical file.
Usage: .venv/bin/python scripts/build_event_lexicon_en.py [--check]
(--check: exit 1 if the committed file differs from what the inputs give)
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CAMEO_DIR = ROOT.parent / "shared" / "data" / "cameo"
LANG = ROOT / "src" / "lagebild" / "lang" / "en"
CONCEPTS = LANG / "event_concepts.json"
OUT = LANG / "event_lexicon.json"
NEEDED = ("CAMEO.2.0.txt", "CAMEO2PLOVER-2021.txt", "LICENSE.petrarch2")
PARTICLES = {"out", "off", "up", "down", "back", "away", "over", "in", "on", "forth", "through", "by", "into"}


class BuildError(Exception):
    pass


# ---------------------------------------------------------------------------- inputs
def read_table(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, table mode or None); the first line of a code wins."""
    out: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?", line)
        if not m or "," not in line:
            continue
        code, type_, mode = m.group(1), m.group(2), (m.group(3) or "").strip()
        out.setdefault(code, (type_, mode or None))
    return out


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    cur = None
    for line in lines:
        s = line.split("#")[0].strip()
        if s.startswith("&"):
            cur = sets.setdefault(s.split()[0], [])
        elif s.startswith("+") and cur is not None:
            cur.append(s[1:].split()[0])
        elif not s:
            continue
        else:
            cur = None
    return sets


def read_cameo(path: Path) -> tuple[list[dict], dict[str, list[str]]]:
    """Verb blocks: {"name", "code", "verbs": [(word, forms, code)], "patterns": [(text, code, verb)]}."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    cut = next((i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS")), None)
    if cut is None:
        raise BuildError(f"{path}: no VERB PATTERNS section")
    synsets = read_synsets(lines[:cut])
    blocks: list[dict] = []
    cur: dict | None = None
    for line in lines[cut + 1:]:
        if line.startswith("~"):
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m is None:
                raise BuildError(f"{path}: bad block line {line!r}")
            cur = {"name": m.group(1), "code": m.group(2), "verbs": [], "patterns": []}
            blocks.append(cur)
            continue
        body = line.split("#")[0].split(";")[0].rstrip()
        if not body.strip() or cur is None:
            continue
        if body.lstrip().startswith("-"):
            m = re.match(r"\s*-\s*(.*?)\[([^\]]*)\]", line)
            if m is None:
                continue
            comment = line.split("#", 1)[1] if "#" in line else ""
            verbs = [w.strip().lower() for w in comment.split(",") if re.fullmatch(r"\s*[A-Z_\-]+\s*", w)]
            cur["patterns"].append((m.group(1).strip(), m.group(2).strip(), verbs))
            continue
        m = re.match(r"\s*(\+?[A-Z_\-']+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", body)
        if m is None:
            raise BuildError(f"{path}: bad verb line {line!r}")
        forms = (m.group(2) or "{}").strip("{}").split()
        cur["verbs"].append((m.group(1), forms, (m.group(3) or "").strip("[]").strip()))
    return blocks, synsets


# ---------------------------------------------------------------------------- mapping
def plover(code: str, table: dict, concepts: dict) -> tuple[str, str | None] | None:
    """PLOVER (type, mode) of a CAMEO code ``a``, ``a:b`` or ``---``; None when not an event."""
    first = code.split(":")[0].strip()
    if not first or first.startswith("-"):
        return None
    over = concepts["code_overrides"].get(first)
    if over is not None:
        if not over:
            return None
        type_, _, mode = over.partition("/")
        return type_, mode or None
    if first[:2] in concepts["skip_code_prefixes"]:
        return None
    hit = table.get(first)
    if hit is None:
        return None
    type_, mode = hit
    mode = concepts["table_modes"].get(f"{type_}/{mode}", mode) if mode else None
    return type_, mode or None


def norm_word(w: str) -> str:
    return w.lstrip("+").strip("_").replace("_", " ").lower()


def singular(w: str) -> list[str]:
    """The word and a naive singular (object keys are matched on lemma and on the surface form)."""
    out = [w]
    if w.endswith(("is", "us", "ss")):
        return out
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    elif w.endswith(("ches", "shes", "sses", "xes")):
        out.append(w[:-2])
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    return out


def pattern_objects(text: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """Object lemmas of a single-element pattern ``* X``, ``* {A X}``, ``* &SET``, ``* (PREP X)``."""
    if not text.startswith("*"):
        return None  # a subject part: too specific
    rest = text[1:].strip().replace("$", "").replace("^", "").strip()
    if not rest:
        return None
    m = re.fullmatch(r"\((?:[A-Z]+)\s+(.+)\)", rest)  # (PREP X)
    if m:
        rest = m.group(1).strip()
    if re.fullmatch(r"\{[^{}]+\}", rest):
        words = rest.strip("{}").split()
        if len(words) > 3 or any(w.startswith("&") for w in words):
            return None
        rest = words[-1]
    if re.fullmatch(r"&[A-Z_]+", rest):
        members = synsets.get(rest)
        if not members:
            return None
        heads = [norm_word(x).split()[-1] for x in members]
    elif re.fullmatch(r"[A-Z][A-Z\-]*", rest):
        heads = [rest.lower()]
    else:
        return None
    heads = [h for h in heads if h.isascii() and re.fullmatch(r"[a-z][a-z\-]*", h)]
    if any(h in PARTICLES for h in heads):
        return None
    return sorted({s for h in heads for s in singular(h)})


def particle_phrase(text: str) -> str | None:
    """``* OFF`` -> ``off``: a phrasal verb with no object."""
    m = re.fullmatch(r"\*\s+([A-Z]+)", text.strip())
    if m and m.group(1).lower() in PARTICLES:
        return m.group(1).lower()
    return None


def cameo_verbs(blocks: list[dict], synsets: dict, table: dict, concepts: dict) -> dict[str, dict]:
    """lemma -> {"type": (type, mode) | None, "objects": {obj: (type, mode) | None},
    "phrases": {particle: (type, mode)}, "block": name, "forms": [...]}; first block of a lemma wins
    its default, object patterns of all its blocks are united (first pattern of an object wins)."""
    out: dict[str, dict] = {}
    for b in blocks:
        bcode = b["code"]
        names = [v[0] for v in b["verbs"]]
        for word, forms, own in b["verbs"]:
            lemma = norm_word(word)
            info = out.setdefault(lemma, {"type": None, "objects": {}, "phrases": {}, "block": b["name"],
                                          "forms": sorted({norm_word(f) for f in forms}), "coded": False})
            code = own or bcode
            if not info["coded"] and code and not code.startswith("-"):
                info["type"] = plover(code, table, concepts)
                info["coded"] = True
            elif own.startswith("-"):
                info["coded"] = True
            for text, pcode, pverbs in b["patterns"]:
                if pverbs and word.lower() not in pverbs and not (len(names) == 1):
                    continue  # the pattern was written for another verb of the block
                spec = plover(pcode, table, concepts)
                prt = particle_phrase(text)
                if prt is not None:
                    if spec is not None:
                        info["phrases"].setdefault(prt, spec)
                    continue
                objs = pattern_objects(text, synsets)
                if not objs:
                    continue
                for o in objs:
                    info["objects"].setdefault(o, spec)
    return out


# ---------------------------------------------------------------------------- build
def _split(type_mode: str) -> tuple[str, str | None]:
    t, _, m = type_mode.partition("/")
    return t, (m or None)


def _check_type(type_: str, mode: str | None, concepts: dict, what: str) -> None:
    modes = concepts["plover_modes"]
    if type_ not in modes:
        raise BuildError(f"{what}: unknown PLOVER type {type_!r}")
    if mode is not None and mode not in modes[type_]:
        raise BuildError(f"{what}: mode {mode!r} is not a PLOVER mode of {type_}")


def _spec(t: tuple[str, str | None] | None) -> dict:
    if t is None:
        return {"type": None}
    return {"type": t[0], **({"mode": t[1]} if t[1] else {})}


def _variants(phrase: str) -> list[str]:
    """A phrase and its variant with the last word singular (phrases match lemma sequences)."""
    words = phrase.split()
    out = [phrase]
    for s in singular(words[-1])[1:]:
        out.append(" ".join(words[:-1] + [s]))
    return out


def build(cameo_dir: Path, concepts: dict, curated: dict) -> dict:
    table = read_table(cameo_dir / "CAMEO2PLOVER-2021.txt")
    blocks, synsets = read_cameo(cameo_dir / "CAMEO.2.0.txt")
    verbs = cameo_verbs(blocks, synsets, table, concepts)
    drop = set(concepts["drop"])
    object_verbs = set(concepts["object_verbs"])
    objects_only = set(concepts["objects_only"])
    objects_drop = {k: set(v) for k, v in concepts["objects_drop"].items()}
    objects_keep = {k: set(v) for k, v in concepts["objects_keep"].items()}
    object_stop = set(concepts["object_stop"])
    retype = {k: _split(v) for k, v in concepts["retype"].items()}
    known = {(key, w) for key in ("verbs", "nouns", "adjectives", "phrases")
             for ws in curated.get(key, {}).values() for w in ws}

    lists: dict[str, dict[str, set[str]]] = {k: {} for k in ("verbs", "nouns", "adjectives", "phrases")}
    entries: dict[str, dict] = {}
    typed: dict[tuple[str, str], str] = {}

    def add(key: str, lemma: str, type_: str, mode: str | None, details: dict, what: str,
            strict: bool = False) -> None:
        """strict (the concepts file): a lemma with two readings is an error; CAMEO readings of a
        lemma the concepts file (or an earlier CAMEO block) already types are skipped."""
        _check_type(type_, mode, concepts, what)
        if (key, lemma) in known:
            return  # the curated events.json lists it: its reading wins
        tm = f"{type_}/{mode}" if mode else type_
        old = typed.get((key, lemma))
        if old is not None and old != tm:
            if strict:
                raise BuildError(f"{what}: {lemma!r} is both {old} and {tm}")
            return
        if old is not None and not strict and entries.get(f"{lemma}|VERB" if key == "verbs" else lemma):
            return
        typed[(key, lemma)] = tm
        lists[key].setdefault(tm, set()).add(lemma)
        for o, spec in details.get("objects", {}).items():
            if spec.get("type") is not None:
                _check_type(spec["type"], spec.get("mode"), concepts, f"{what} object {o!r}")
        if details:
            pos = {"verbs": "VERB", "nouns": "NOUN", "adjectives": "ADJ"}.get(key)
            entries[f"{lemma}|{pos}" if pos else lemma] = details

    for key, src, det in (("verbs", "verbs", "verb_entries"), ("nouns", "nouns", "noun_entries"),
                          ("phrases", "phrases", "phrase_entries")):
        for tm, words in sorted(concepts[src].items()):
            type_, mode = _split(tm)
            for w in words:
                d = dict(concepts[det].get(w, concepts["noun_entries"].get(w, {})))
                if " " in w:
                    d = {**concepts["phrase_entries"].get(w, {}), **d}
                    for v in _variants(w):
                        add("phrases", v, type_, mode, d, f"concepts {w}", strict=True)
                else:
                    add(key, w, type_, mode, d, f"concepts {w}", strict=True)
    for lemma in sorted(verbs):
        info = verbs[lemma]
        if lemma in drop or not re.fullmatch(r"[a-z][a-z\- ]*", lemma):
            continue
        words = lemma.split()
        if any(w in ("and", "or") for w in words):
            continue
        own = retype.get(lemma) or (None if lemma in objects_only else info["type"])
        objs: dict[str, dict] = {}
        if own is not None or lemma in object_verbs or lemma in objects_only:
            for o, spec in sorted(info["objects"].items()):
                if o in objects_drop.get(lemma, ()) or o in object_stop or (own is not None and spec == own):
                    continue
                if lemma in objects_keep and o not in objects_keep[lemma]:
                    continue
                if own is None and spec is None:
                    continue
                objs[o] = _spec(spec)
        details = dict(concepts["verb_entries"].get(lemma, {}))
        if own is None:
            events = [(s["type"], s.get("mode")) for s in objs.values() if s["type"] is not None]
            if not events:
                continue
            own = sorted(Counter(events).items(), key=lambda x: (-x[1], x[0][0], x[0][1] or ""))[0][0]
            objs["*"] = {"type": None}
        if objs:
            details["objects"] = {**objs, **details.get("objects", {})}
        if len(words) > 1:
            details.pop("objects", None)  # the trigger finder reads no objects for phrases
            for v in _variants(lemma):
                add("phrases", v, own[0], own[1], details, f"CAMEO {lemma}")
        else:
            add("verbs", lemma, own[0], own[1], details, f"CAMEO {lemma}")
        for prt, spec in sorted(info["phrases"].items()):
            ph = f"{lemma} {prt}"
            if ph in drop or ph in verbs:
                continue
            t = retype.get(ph) or spec
            add("phrases", ph, t[0], t[1], dict(concepts["phrase_entries"].get(ph, {})), f"CAMEO {ph}")
    # British spellings of -ize/-ization lemmas (curated ones too), with the same reading
    for key in ("verbs", "nouns"):
        pos = {"verbs": "VERB", "nouns": "NOUN"}[key]
        sources = [(tm, w, entries.get(f"{w}|{pos}", {})) for tm, ws in lists[key].items() for w in ws]
        cdet = curated.get("entries", {})
        sources += [(tm, w, cdet.get(f"{w}|{pos}", cdet.get(w, {})))
                    for tm, ws in curated.get(key, {}).items() for w in ws]
        for tm, w, det in sorted(sources, key=lambda x: (x[0], x[1])):
            for a, b in (("ization", "isation"), ("izations", "isations"), ("ize", "ise")):
                if w.endswith(a) and w not in ("seize", "size", "prize", "capsize", "baptize"):
                    v = w[: -len(a)] + b
                    if (key, v) not in typed:
                        t, m = _split(tm)
                        add(key, v, t, m, dict(det), f"spelling {w}")
    # hyphenated lemmas: the English tokenizer splits "cease-fire" into three tokens, so a
    # hyphenated lemma (curated or generated) also becomes the phrase "cease - fire"
    hyph = [(key, tm, w) for key in ("verbs", "nouns", "phrases") for tm, ws in lists[key].items() for w in ws]
    hyph += [(key, tm, w) for key in ("verbs", "nouns", "phrases") for tm, ws in curated.get(key, {}).items()
             for w in ws]
    cdet = curated.get("entries", {})
    for key, tm, w in sorted(hyph):
        if "-" not in w.strip("-"):
            continue
        pos = {"verbs": "VERB", "nouns": "NOUN"}.get(key)
        det = entries.get(f"{w}|{pos}" if pos else w) or cdet.get(f"{w}|{pos}", cdet.get(w, {}))
        det = {k: v for k, v in det.items() if k not in ("objects", "not_with")}
        t, m = _split(tm)
        add("phrases", " - ".join(x.strip() for x in w.split("-")), t, m, det, f"hyphen {w}")
    out: dict = {
        "_doc": ("GENERATED by scripts/build_event_lexicon_en.py from ../shared/data/cameo (PETRARCH2 CAMEO "
                 "verb dictionary, MIT, Copyright (c) 2014 Open Event Data; CAMEO2PLOVER-2021 conversion table, "
                 "CC BY-SA 4.0, PLOVER project) and lang/en/event_concepts.json; do not edit by hand. Same keys "
                 "as events.json; merged under it by events.lexicon.merge_lexicons (curated lemmas win). "
                 "See NOTICE."),
    }
    for key, by_type in lists.items():
        out[key] = {tm: sorted(ws) for tm, ws in sorted(by_type.items()) if ws}
    out["entries"] = {k: entries[k] for k in sorted(entries)}
    return out


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    missing = [n for n in NEEDED if not (CAMEO_DIR / n).is_file()]
    if missing:
        sys.stderr.write(f"ERROR: build_event_lexicon_en needs {', '.join(missing)} in {CAMEO_DIR} "
                         "(the shared CAMEO data); nothing was written.\n")
        return 2
    try:
        concepts = json.loads(CONCEPTS.read_text(encoding="utf-8"))
        curated = json.loads((LANG / "events.json").read_text(encoding="utf-8"))
        text = dumps(build(CAMEO_DIR, concepts, curated))
    except BuildError as err:
        sys.stderr.write(f"ERROR: {err}\n")
        return 1
    if "--check" in argv:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        sys.stdout.write(f"{OUT.relative_to(ROOT)}: {'up to date' if same else 'OUT OF DATE'}\n")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    n = {k: sum(len(v) for v in data[k].values()) for k in ("verbs", "nouns", "phrases")}
    sys.stdout.write(f"wrote {OUT.relative_to(ROOT)}: {n['verbs']} verbs, {n['nouns']} nouns, "
                     f"{n['phrases']} phrases, {len(data['entries'])} entries\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
