"""The table lemmatizer and the Konjunktiv rules, on hand-built Docs (no trained model)."""
import spacy
from spacy.tokens import Doc

from lagebild.nlp import lemmatizer, morph_rules  # noqa: F401  (register the factories)
from lagebild.nlp.lemmatizer import fallback_lemma


def test_table_lemmatizer_uses_pos_then_form_then_fallback(tmp_path):
    nlp = spacy.blank("de")
    lem = nlp.add_pipe("lagebild_lemmatizer")
    lem.table = {"VERB sagte": "sagen", " ging": "gehen", "NOUN Häuser": "Haus"}
    doc = Doc(nlp.vocab, words=["Er", "sagte", "ging", "Häuser", "Unbekannte", "Schnell"],
              pos=["PRON", "VERB", "VERB", "NOUN", "NOUN", "ADV"])
    doc = lem(doc)
    assert [t.lemma_ for t in doc] == ["er", "sagen", "gehen", "Haus", "Unbekannte", "schnell"]
    lem.to_disk(tmp_path / "lem")
    other = nlp.add_pipe("lagebild_lemmatizer", name="other").from_disk(tmp_path / "lem")
    assert other.table == lem.table


def test_lookup_where_the_table_has_no_entry_and_only_where_it_fits_the_pos(tmp_path):
    nlp = spacy.blank("de")
    lem = nlp.add_pipe("lagebild_lemmatizer")
    lem.table = {"VERB sagte": "sagen", "~NOUN en": "1|", "~VERB te": "2|en"}
    lem.lookup = {"sagte": "sagte-lookup", "Bemühungen": "Bemühung", "ging": "gehen", "Ab": "ab",
                  "Abkommens": "Abkommen", "Berlins": "Berlin", "Besser": "gut"}
    words = ["sagte", "Bemühungen", "Ging", "Ab", "Abkommen", "Lagen", "Berlins", "wählte", "Besser"]
    pos = ["VERB", "NOUN", "VERB", "NOUN", "NOUN", "NOUN", "PROPN", "VERB", "ADJ"]
    doc = lem(Doc(nlp.vocab, words=words, pos=pos))
    assert [t.lemma_ for t in doc] == [
        "sagen",  # the table's own entry wins over the lookup
        "Bemühung",  # lookup
        "gehen",  # lookup by the lower-cased form for a word that is not a noun
        "Ab",  # lookup lemma 'ab' is no noun lemma: fallback
        "Abkommen",  # a lemma the lookup knows stays itself; the suffix rule would make 'Abkomme'
        "Lage",  # unknown to the lookup: suffix rule
        "Berlins",  # no lookup for names
        "wählen",  # unknown: suffix rule
        "gut",  # lookup by the form when the lower-cased form is absent
    ]
    lem.to_disk(tmp_path / "lem")
    assert (tmp_path / "lem" / "lookup.txt.gz").exists()
    other = nlp.add_pipe("lagebild_lemmatizer", name="other").from_disk(tmp_path / "lem")
    assert other.lookup == lem.lookup
    assert [t.lemma_ for t in other(Doc(nlp.vocab, words=words, pos=pos))] == [t.lemma_ for t in doc]


def test_fallback_keeps_case_of_nouns_only():
    assert fallback_lemma("Berlin", "PROPN") == "Berlin"
    assert fallback_lemma("Schnell", "ADV") == "schnell"


def _doc(nlp, words, pos, morphs, heads, deps):
    return Doc(nlp.vocab, words=words, pos=pos, morphs=morphs, heads=heads, deps=deps)


def test_konjunktiv_rules():
    nlp = spacy.blank("de")
    rules = nlp.add_pipe("lagebild_morph_rules")
    fin = "Mood=Ind|Person=3|VerbForm=Fin"
    # "Er sagte, sie habe es gewusst und es wurde spät."
    words = ["Er", "sagte", ",", "sie", "habe", "es", "gewusst", "und", "es", "wurde", "spät", "."]
    pos = ["PRON", "VERB", "PUNCT", "PRON", "AUX", "PRON", "VERB", "CCONJ", "PRON", "AUX", "ADJ", "PUNCT"]
    morphs = ["", fin, "", "", fin, "", "VerbForm=Part", "", "", fin, "", ""]
    heads = [1, 1, 1, 6, 6, 6, 1, 10, 10, 10, 6, 1]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "aux", "obj", "ccomp", "cc", "nsubj", "cop", "conj", "punct"]
    doc = rules(_doc(nlp, words, pos, morphs, heads, deps))
    moods = {t.text: t.morph.get("Mood") for t in doc if t.morph.get("VerbForm") == ["Fin"]}
    assert moods == {"sagte": ["Ind"], "habe": ["Sub"], "wurde": ["Ind"]}


def test_first_person_subject_blocks_the_suffix_rule_but_not_listed_forms():
    nlp = spacy.blank("de")
    rules = nlp.add_pipe("lagebild_morph_rules")
    fin = "Mood=Ind|VerbForm=Fin"
    doc = _doc(nlp, ["ich", "glaube", ",", "ich", "wäre", "froh"], ["PRON", "VERB", "PUNCT", "PRON", "AUX", "ADJ"],
               ["", fin, "", "", fin, ""], [1, 1, 1, 5, 5, 1], ["nsubj", "ROOT", "punct", "nsubj", "cop", "ccomp"])
    doc = rules(doc)
    assert doc[1].morph.get("Mood") == ["Ind"]
    assert doc[4].morph.get("Mood") == ["Sub"]


def test_verb_with_subject_is_finite():
    nlp = spacy.blank("de")
    rules = nlp.add_pipe("lagebild_morph_rules")
    doc = _doc(nlp, ["Sie", "verfügen", "über", "Geld", "zu", "verfügen"], ["PRON", "VERB", "ADP", "NOUN", "PART", "VERB"],
               ["", "VerbForm=Inf", "", "", "", "VerbForm=Inf"], [1, 1, 3, 1, 5, 1],
               ["nsubj", "ROOT", "case", "obl", "mark", "xcomp"])
    doc = rules(doc)
    assert doc[1].morph.get("VerbForm") == ["Fin"] and doc[1].morph.get("Mood") == ["Ind"]
    assert doc[5].morph.get("VerbForm") == ["Inf"] and not doc[5].morph.get("Mood")


def test_subject_of_auxiliary_is_found_on_its_head_and_overrides_person():
    nlp = spacy.blank("de")
    rules = nlp.add_pipe("lagebild_morph_rules")
    # "er habe nichts gewusst" with a wrongly predicted Person=1 on "habe"
    doc = _doc(nlp, ["er", "habe", "nichts", "gewusst"], ["PRON", "AUX", "PRON", "VERB"],
               ["", "Mood=Ind|Person=1|VerbForm=Fin", "", "VerbForm=Part"], [3, 3, 3, 3],
               ["nsubj", "aux", "obj", "ROOT"])
    assert rules(doc)[1].morph.get("Mood") == ["Sub"]
    doc = _doc(nlp, ["ich", "habe", "nichts", "gewusst"], ["PRON", "AUX", "PRON", "VERB"],
               ["", "Mood=Ind|Person=1|VerbForm=Fin", "", "VerbForm=Part"], [3, 3, 3, 3],
               ["nsubj", "aux", "obj", "ROOT"])
    assert rules(doc)[1].morph.get("Mood") == ["Ind"]
