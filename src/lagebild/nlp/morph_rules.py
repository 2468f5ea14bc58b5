"""Rule-based corrections of morphological features, from a language's ``morph_rules.json``.

Each rule, in order, sets the features in ``set`` on tokens of the given ``pos`` that
carry the ``requires`` features (and one set of ``requires_any``), lack the
``requires_missing`` ones and have a child in
``requires_child_deps``; with ``forms``/``suffixes`` the lower-cased form must also be
listed, or end in one of ``suffixes`` but in none of ``not_suffixes``, not be in
``not_forms``, have none of the ``not_features`` and no subject in
``first_person_subjects`` (the subject of an auxiliary is its head's; a subject found
overrides the ``subject_overrides`` features, such as a wrongly predicted ``Person``). German uses it for finite verbs the morphologizer took for
infinitives, and for the Konjunktiv (``Mood=Sub``), rare in the training trees.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lang import LanguageData


class _Rule:
    def __init__(self, spec: dict) -> None:
        self.set = dict(spec["set"])
        self.pos = frozenset(spec.get("pos", ()))
        self.requires = dict(spec.get("requires", {}))
        self.requires_missing = tuple(spec.get("requires_missing", ()))
        self.requires_any = [dict(d) for d in spec.get("requires_any", ())]
        self.child_deps = frozenset(spec.get("requires_child_deps", ()))
        self.forms = frozenset(spec.get("forms", ()))
        self.suffixes = tuple(spec.get("suffixes", ()))
        self.not_suffixes = tuple(spec.get("not_suffixes", ()))
        self.not_forms = frozenset(spec.get("not_forms", ()))
        self.first_person = frozenset(spec.get("first_person_subjects", ()))
        self.subject_deps = frozenset(spec.get("subject_deps", ()))
        self.not_features = dict(spec.get("not_features", {}))
        self.subject_overrides = frozenset(spec.get("subject_overrides", ()))
        self.aux_deps = frozenset(spec.get("aux_deps", ()))

    def _subjects(self, token: Token) -> list[Token]:
        """Subjects of the token, or of its head when it is an auxiliary or copula."""
        holders = [token, token.head] if token.dep_ in self.aux_deps and token.head is not token else [token]
        return [c for h in holders for c in h.children if c.dep_ in self.subject_deps]

    def applies(self, token: Token) -> bool:
        if self.pos and token.pos_ not in self.pos:
            return False
        feats = token.morph.to_dict()
        if any(feats.get(k) != v for k, v in self.requires.items()):
            return False
        if any(k in feats for k in self.requires_missing):
            return False
        if self.requires_any and not any(all(feats.get(k) == v for k, v in d.items()) for d in self.requires_any):
            return False
        if self.child_deps and not any(c.dep_ in self.child_deps for c in token.children):
            return False
        lower = token.lower_
        if lower in self.forms:
            return True
        if lower in self.not_forms:
            return False
        if self.suffixes and (not lower.endswith(self.suffixes) or lower.endswith(self.not_suffixes)):
            return False
        if self.forms and not self.suffixes:
            return False
        subjects = self._subjects(token) if self.subject_deps else []
        blocking = {k: v for k, v in self.not_features.items() if not (subjects and k in self.subject_overrides)}
        if any(feats.get(k) == v for k, v in blocking.items()):
            return False
        return not any(c.lower_ in self.first_person for c in subjects)


class MorphRules:
    def __init__(self, nlp: Language, name: str, data: str = "morph_rules") -> None:
        self.name = name
        self.rules = [_Rule(spec) for spec in LanguageData(nlp.lang).json(data)["rules"]]

    def __call__(self, doc: Doc) -> Doc:  # rules apply in order: a later one sees an earlier one's result
        for rule in self.rules:
            self.set_annotations(doc, [(t.i, rule.set) for t in doc if rule.applies(t)])
        return doc

    def find(self, doc: Doc) -> list[tuple[int, dict]]:
        return [(t.i, r.set) for t in doc for r in self.rules if r.applies(t)]

    def set_annotations(self, doc: Doc, found: list[tuple[int, dict]]) -> None:
        for i, changes in found:
            token = doc[i]
            feats = token.morph.to_dict()
            feats.update(changes)
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())))

    def to_disk(self, path, exclude=tuple()) -> None:  # rules live in the language data
        pass

    def from_disk(self, path, exclude=tuple()) -> "MorphRules":
        return self


@Language.factory("lagebild_morph_rules", assigns=["token.morph"], requires=["token.pos", "token.morph"],
                  default_config={"data": "morph_rules"})
def make_morph_rules(nlp: Language, name: str, data: str) -> MorphRules:
    return MorphRules(nlp, name, data)
