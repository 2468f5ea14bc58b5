"""Build src/lagebild/lang/de/event_lexicon.json from the hand-written concepts.

Input: src/lagebild/lang/de/event_concepts.json (type by type and mode by mode from the
PLOVER manual) and, at build time only, the MIT-licensed lemma table ``de_lemma_lookup``
of spacy-lookups-data (``pip install -e ".[build]"``), inverted from lemma to forms.
Forms the table lacks come from regular rules (weak verbs, noun suffixes, compound heads).
The output has the keys of lang/de/events.json and is merged under it at run time
(events/lexicon.py: merge_lexicons). Deterministic: a rerun writes a byte-identical file.

    .venv/bin/python scripts/build_event_lexicon_de.py [--check]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG = ROOT / "src" / "lagebild" / "lang" / "de"
CONCEPTS = LANG / "event_concepts.json"
CURATED = LANG / "events.json"
OUT = LANG / "event_lexicon.json"
POS_KEYS = {"verbs": "VERB", "nouns": "NOUN", "adjectives": "ADJ", "phrases": "PHRASE"}
# separable particles, longest first (a verb counts as separable only when the rest is a verb)
PARTICLES = sorted(["ab", "an", "auf", "aus", "bei", "ein", "fest", "frei", "fort", "her", "heraus", "herbei",
                    "hin", "hinaus", "los", "mit", "nach", "nieder", "statt", "teil", "vor", "vorbei", "weg",
                    "weiter", "zu", "zurück", "zusammen", "entgegen", "gegenüber", "bereit", "kund", "fern",
                    "hoch", "dar", "nahe", "gut", "lahm", "schuldig", "überein", "um", "unter", "raus", "sicher", "zurecht"],
                   key=lambda p: (-len(p), p))
NOT_SEPARABLE_PREFIX = ("um", "unter")  # only via separable_override (umzingeln, unterdrücken are not)
# particles sure enough to split a verb the lemma table does not know (abblocken, abfackeln)
SURE = ("ab", "auf", "aus", "fest", "frei", "los", "mit", "nach", "nieder", "vor", "weg", "weiter", "zurück",
        "zusammen", "raus", "sicher", "hinaus", "heraus", "herbei", "fort")
INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "hinter", "wider", "über", "unter",
               "durch", "um")
ADJ_ENDINGS = ("e", "em", "en", "er", "es")
SHORT_SZ = re.compile(r"(?<![aeiouäöü])([eiouä])ß")
"""ß after a single short-vowel letter: the table has the spelling before the 1996 reform
("schloß", "beschloß", "läßt"); news writes "schloss", "beschloss", "lässt"."""
FEMININE = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "ur", "enz", "anz", "ie", "ade")


def die(msg: str) -> None:
    print(f"build_event_lexicon_de: ERROR: {msg}", file=sys.stderr)
    sys.exit(2)


def load_table() -> dict[str, list[str]]:
    """Lemma -> forms, from spacy-lookups-data's de_lemma_lookup (MIT)."""
    try:
        import spacy_lookups_data  # noqa: PLC0415
    except ImportError:
        die("spacy-lookups-data is not installed: pip install -e '.[build]' (build-time input, MIT)")
    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"
    if not path.exists():
        die(f"{path} is missing")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    inv: dict[str, list[str]] = defaultdict(list)
    for form, lemma in table.items():
        inv[lemma].append(form)
    return inv


class Morph:
    def __init__(self, table: dict[str, list[str]], concepts: dict, stop: set[str]) -> None:
        self.table = table
        self.pp_over = concepts.get("participles", {})
        self.sep_over = concepts.get("separable_override", {})
        self.plural_over = concepts.get("nouns_plural", {})
        self.stop = stop
        self.missing: list[str] = []

    # ---- verbs
    def split(self, verb: str) -> tuple[str | None, str]:
        if verb in self.sep_over:
            p = self.sep_over[verb]
            return p, verb[len(p):]
        for p in PARTICLES:
            if p in NOT_SEPARABLE_PREFIX:
                continue
            rest = verb[len(p):]
            known = rest in self.table or rest in self.pp_over or (p in SURE and rest.endswith("en"))
            if verb.startswith(p) and len(rest) >= 4 and known:
                return p, rest
        return None, verb

    @staticmethod
    def stem(verb: str) -> str:
        return verb[:-1] if verb.endswith(("eln", "ern")) else verb[:-2] if verb.endswith("en") else verb[:-1]

    @staticmethod
    def _e(stem: str) -> str:
        """``öffnen`` -> ``öffnet``, ``melden`` -> ``meldet``: an e before t/st endings."""
        if stem.endswith(("d", "t")) or (len(stem) > 2 and stem[-1] in "mn" and stem[-2] not in "lrhmnaeiouäöü"):
            return stem + "e"
        return stem

    def no_ge(self, verb: str) -> bool:
        return verb.endswith("ieren") or any(verb.startswith(p) and len(verb) - len(p) >= 4 for p in INSEPARABLE)

    def weak(self, verb: str) -> list[str]:
        s = self.stem(verb)
        e = self._e(s)
        return [s + "e", e + "st", e + "t", verb, e + "te", e + "test", e + "ten", e + "tet", s + "est", s + "et"]

    def participle(self, verb: str) -> str | None:
        """From the override list, else the table (weak ``ge-t``, strong ``ge-en``), else the
        weak rule; ``None`` for a strong verb without ``ge-`` (``beschossen``): list it."""
        if verb in self.pp_over:
            return self.pp_over[verb]
        forms = set(self.table.get(verb, []))
        e = self._e(self.stem(verb))
        weak = self.is_weak(verb)
        if "ge" + e + "t" in forms:
            return "ge" + e + "t"
        if self.no_ge(verb):
            return e + "t" if weak else None
        strong = sorted(f for f in forms if f.endswith("en") and f != verb and f.startswith("ge"))
        if strong:
            return strong[0]
        return "ge" + e + "t" if weak else None

    def is_weak(self, verb: str) -> bool:
        forms = set(self.table.get(verb, []))
        return not forms or self._e(self.stem(verb)) + "te" in forms

    def finite(self, verb: str) -> set[str]:
        """Finite forms without the bare imperative (``trotz``, ``dank`` are other words)."""
        out = {f for f in self.table.get(verb, []) if f.islower() and not f.endswith("end") and f != self.stem(verb)}
        if self.is_weak(verb):
            out |= set(self.weak(verb))
        out.add(verb)
        pp = self.participle(verb)
        out.discard(pp)
        return {f for f in out if not f.startswith("zu") or verb.startswith("zu")}

    def verb(self, verb: str) -> dict:
        """forms / separable / participles of one verb."""
        particle, base = self.split(verb)
        pp = self.participle(base)
        if pp is None:
            self.missing.append(base)
            pp_forms: list[str] = []
        else:
            pp_forms = [pp] + [pp + x for x in ADJ_ENDINGS] if not pp.endswith("e") else [pp]
        fin = self.finite(base)
        fin |= {SHORT_SZ.sub(r"\1ss", f) for f in fin}
        pp_forms += [v for v in (SHORT_SZ.sub(r"\1ss", f) for f in pp_forms) if v not in pp_forms]
        if particle:
            joined = {particle + f for f in fin} | {particle + f for f in pp_forms} | {particle + "zu" + base, verb}
            return {"forms": [], "separable": {"particle": particle, "finite": sorted(fin - self.stop),
                                               "joined": sorted(joined)},
                    "pp": [particle + pp] if pp else [], "pp_forms": sorted(particle + f for f in pp_forms[1:])}
        forms = (fin | set(pp_forms)) - self.stop
        return {"forms": sorted(forms), "separable": None, "pp": [pp] if pp else [], "pp_forms": sorted(pp_forms[1:])}

    # ---- nouns
    def noun(self, noun: str) -> list[str]:
        forms = {noun} | {f for f in self.table.get(noun, []) if f[:1].isupper()}
        forms |= set(self.plural_over.get(noun, []))
        head = self._head(noun)
        if head and len(forms) == 1:
            prefix = noun[: len(noun) - len(head)]
            hf = {f for f in self.table.get(head, []) if f[:1].isupper()} | set(self.plural_over.get(head, []))
            forms |= {prefix + f.lower() for f in hf}
        if len(forms) == 1:
            low = noun.lower()
            if low.endswith(FEMININE):
                forms.add(noun + "en")
            elif low.endswith("e"):
                forms.add(noun + "n")
            elif low.endswith("nis"):
                forms |= {noun + "se", noun + "ses", noun + "sen"}
            elif low.endswith(("s", "ß", "x", "z", "sch")):
                forms.add(noun + "es")
            else:
                forms.add(noun + "s")
        plural = {f for f in forms if f.endswith(("e", "el", "er")) and f != noun}
        forms |= {f + "n" for f in plural if not f.endswith("n")}
        return sorted(forms)

    def _head(self, noun: str) -> str | None:
        low = noun.lower()
        for cut in range(2, len(low) - 3):
            cap = low[cut:][:1].upper() + low[cut + 1:]
            if cap in self.table or cap in self.plural_over:
                return cap
        return None


def phrase_variants(phrase: str, m: Morph) -> list[str]:
    """``in Aussicht stellen`` -> also ``in Aussicht stellte``, ``gestellt``, ``zu stellen``."""
    words = phrase.split()
    last = words[-1]
    if not (last.islower() and last.endswith("en") and last in m.table):
        return [phrase]
    pre = " ".join(words[:-1])
    forms = m.finite(last) | set(filter(None, [m.participle(last)]))
    return sorted({phrase} | {f"{pre} {f}" for f in forms} | {f"{pre} zu {last}"})


def build(concepts: dict, curated: dict, table: dict[str, list[str]], stop: set[str]) -> dict:
    m = Morph(table, concepts, stop)
    modes = concepts["modes"]
    out: dict = {k: {} for k in POS_KEYS} | {"entries": {}, "forms": {}, "separable": {}}
    seen: dict[tuple[str, str], str] = {}
    cur = {(POS_KEYS[k], w): tm.partition("/")[0] for k in POS_KEYS for tm, ws in curated.get(k, {}).items() for w in ws}
    pps: set[str] = set()
    pp_forms: set[str] = set()
    errors = []
    for tm, spec in concepts["concepts"].items():
        t, _, mode = tm.partition("/")
        if t not in modes or (mode and mode not in modes[t]):
            errors.append(f"{tm}: not a PLOVER type/mode")
        for key, pos in POS_KEYS.items():
            for w in spec.get(key, []):
                if (pos, w) in seen and seen[(pos, w)] != tm:
                    errors.append(f"{w} ({pos}) under {seen[(pos, w)]} and {tm}")
                if (pos, w) in cur and cur[(pos, w)] != t:
                    errors.append(f"{w} ({pos}) is {cur[(pos, w)]} in events.json, {t} here")
                if pos == "VERB" and not w.islower() or pos == "NOUN" and not w[:1].isupper():
                    errors.append(f"{w}: verbs lower case, nouns capitalised")
                seen[(pos, w)] = tm
                out[key].setdefault(tm, set()).add(w)
                det: dict = {}
                tdet = concepts["type_details"]
                for k in (t, tm):
                    det.update(tdet.get(k, {}).get(pos, {}))
                det.update(concepts["details"].get(f"{w}|{pos}", concepts["details"].get(w, {})))
                if det:
                    out["entries"][w] = det
                if pos == "VERB":
                    v = m.verb(w)
                    if v["separable"]:
                        out["separable"][w] = v["separable"]
                    else:
                        out["forms"][w] = v["forms"]
                    pps.update(v["pp"])
                    pp_forms.update(v["pp_forms"])
                elif pos == "NOUN":
                    out["forms"][w] = m.noun(w)
                elif pos == "ADJ":
                    out["forms"][w] = sorted({w} | {w + x for x in ADJ_ENDINGS})
    extra = []
    for key in list(out["phrases"]):
        words = set()
        for p in out["phrases"][key]:
            words.update(phrase_variants(p, m))
        extra.append((key, words))
    for key, words in extra:
        out["phrases"][key] = words
    if errors:
        die("; ".join(sorted(set(errors))))
    if m.missing:
        die("no past participle known for " + ", ".join(sorted(set(m.missing))) + " (add to 'participles')")
    heads = set()
    for n in concepts.get("no_compound_heads", []):
        heads.update(out["forms"].get(n) or m.noun(n))
    res = {
        "_doc": "GENERATED by scripts/build_event_lexicon_de.py from event_concepts.json and spacy-lookups-data's "
                "de_lemma_lookup (MIT); do not edit by hand. Merged under events.json (curated entries win).",
        "verbs": {k: sorted(v) for k, v in out["verbs"].items()},
        "nouns": {k: sorted(v) for k, v in out["nouns"].items()},
        "adjectives": {k: sorted(v) for k, v in out["adjectives"].items()},
        "phrases": {k: sorted(v) for k, v in out["phrases"].items()},
        "entries": out["entries"], "forms": out["forms"], "separable": out["separable"],
        "past_participles": sorted(pps), "participle_forms": sorted(pp_forms),
        "no_compound_heads": sorted(heads),
    }
    return res


def stop_words(curated: dict) -> set[str]:
    """Function words no generated verb form may be (``trotz``, ``einige``, ``dank``)."""
    stop = {w.strip() for w in (LANG / "stopwords.txt").read_text(encoding="utf-8").split() if w.strip()}
    for key in ("determiners", "prepositions", "conjunctions", "subordinators", "relative_words", "temporal_preps",
                "location_preps", "subject_pronouns"):
        stop |= {w.lower() for w in curated.get(key, [])}
    return stop


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = ap.parse_args(argv)
    concepts = json.loads(CONCEPTS.read_text(encoding="utf-8"))
    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    stop = stop_words(curated)
    res = build(concepts, curated, load_table(), stop)
    text = json.dumps(res, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("event_lexicon.json is " + ("up to date" if same else "STALE: rerun the build"))
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    n = sum(len(v) for k in POS_KEYS for v in res[k].values())
    print(f"wrote {OUT.relative_to(ROOT)}: {n} lemmas/phrases, {sum(map(len, res['forms'].values()))} forms, "
          f"{len(res['separable'])} separable verbs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
