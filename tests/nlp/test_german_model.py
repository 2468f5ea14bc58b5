"""The shipped German model (src/lagebild/models/de_lagebild) loads offline and analyses German."""
import pytest
import spacy

from lagebild.nlp import lemmatizer, morph_rules, sentences  # noqa: F401  (register factories)
from lagebild.nlp.loader import shipped_model_path

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    path = shipped_model_path("de_lagebild")
    assert (path / "config.cfg").exists(), "the German model is package data and must be shipped"
    return spacy.load(path)


def test_pipeline_components(nlp):
    for name in ("lagebild_sentences", "morphologizer", "parser", "lagebild_lemmatizer", "ner"):
        assert name in nlp.pipe_names


def test_konjunktiv_one_in_reported_speech(nlp):
    doc = nlp("Der Minister sagte am Montag, er habe von dem Vorfall nichts gewusst.")
    by_text = {t.text: t for t in doc}
    assert by_text["habe"].morph.get("Mood") == ["Sub"]
    assert by_text["sagte"].morph.get("Mood") == ["Ind"]
    assert by_text["sagte"].pos_ == "VERB"
    assert by_text["Minister"].pos_ == "NOUN"
    assert by_text["sagte"].lemma_ == "sagen"


def test_konjunktiv_two(nlp):
    doc = nlp("Ohne die Hilfe der Nachbarn wäre das Haus abgebrannt.")
    assert {t.text: t for t in doc}["wäre"].morph.get("Mood") == ["Sub"]


def test_case_and_number_on_nouns(nlp):
    doc = nlp("Die Soldaten verließen gestern die Stadt.")
    soldaten = {t.text: t for t in doc}["Soldaten"]
    assert soldaten.morph.get("Number") == ["Plur"]
    assert soldaten.morph.get("Case") == ["Nom"]


def test_quote_with_speaker_stays_one_sentence(nlp):
    doc = nlp("„Wir werden das nicht hinnehmen“, sagte Dr. Müller am 4. Juli in St. Gallen. Danach reiste er ab.")
    assert len(list(doc.sents)) == 2


def test_entities(nlp):
    doc = nlp("Bundeskanzlerin Angela Merkel traf am Dienstag in Paris den französischen Präsidenten Emmanuel Macron.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Angela Merkel", "PER") in ents
    assert ("Paris", "LOC") in ents
    assert ("Emmanuel Macron", "PER") in ents


def test_parse_has_one_root_per_sentence(nlp):
    doc = nlp("Die Polizei nahm den Mann fest. Er wurde verhört.")
    for sent in doc.sents:
        assert sum(1 for t in sent if t.dep_ == "ROOT") == 1


def test_shipped_tokenizer_keeps_hashtags_and_guillemets_are_punct(nlp):
    doc = nlp("Stau auf der A1 bei #Dortmund, meldet @BILD. «Es geht nicht», sagte er.")
    words = [t.text for t in doc]
    assert "#Dortmund" in words and "@BILD" in words
    assert all(t.pos_ == "PUNCT" for t in doc if t.text in ("«", "»", ",", "."))


def test_shipped_lemmatizer_has_the_lookup_offline(nlp):
    lem = nlp.get_pipe("lagebild_lemmatizer")
    assert len(lem.lookup) > 300_000  # spacy-lookups-data's German table, copied into the model
    doc = nlp("Die Verhandlungsführerinnen verschoben die Abstimmungen.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Abstimmungen"] == "Abstimmung"
    assert lemmas["verschoben"] == "verschieben"
