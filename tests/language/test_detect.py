from lagebild.language import LanguageDetector


def test_detects_supported_languages():
    d = LanguageDetector(("de", "en"), "en")
    assert d.detect("Der Kanzler sagte, dass die Regierung nicht zustimmen werde.") == "de"
    assert d.detect("The chancellor said that the government would not agree to it.") == "en"


def test_default_without_evidence():
    assert LanguageDetector(("de", "en"), "de").detect("12345 !!!") == "de"
