import spacy

from lagebild.nlp.tokenizer import apply_special_cases, word_prefixes


def _words(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


def test_hashtags_stay_one_token_in_german():
    nlp = apply_special_cases(spacy.blank("de"))
    assert _words(nlp, "Stau auf der #A100 bei #Dortmund: @BILD meldet.") == [
        "Stau", "auf", "der", "#A100", "bei", "#Dortmund", ":", "@BILD", "meldet", "."]


def test_lone_hash_is_still_split_off():
    nlp = apply_special_cases(spacy.blank("de"))
    assert _words(nlp, "(#) # Nr. 5") == ["(", "#", ")", "#", "Nr.", "5"]
    assert _words(nlp, "#,") == ["#", ","]


def test_word_prefixes_only_touch_listed_characters():
    out = word_prefixes(["#", r"\(", "§"], ["#"])
    assert out == [r"\#(?!\w)", r"\(", "§"]
