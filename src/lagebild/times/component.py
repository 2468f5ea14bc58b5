"""spaCy component ``lagebild_times``: time expressions, normalised to TIMEX3 values.

The work is done by :class:`lagebild.times.tagger.TimeTagger` on plain text; this
component only feeds it the Doc's text, publication date and sentence offsets and
stores the resulting :class:`lagebild.records.Time` list in ``doc._.lb_times``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import LanguageData
from ..nlp.config import DEFAULT_SETTINGS
from ..records import Time
from ..settings import Settings
from .tagger import TimeTagger


class TimesComponent:
    def __init__(self, nlp: Language, name: str, settings: Settings | None = None) -> None:
        self.name = name
        self.settings = settings or Settings()
        self.tagger = TimeTagger(LanguageData(nlp.lang))

    def find(self, doc: Doc) -> list[Time]:
        published = doc._.lb_published if Doc.has_extension("lb_published") else None
        try:
            sentences = [(s.start_char, s.end_char) for s in doc.sents]
        except ValueError:  # no sentence boundaries set
            sentences = None
        return self.tagger.tag(doc.text, published, sentences)

    def set_annotations(self, doc: Doc, times: list[Time]) -> None:
        doc._.lb_times = times

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc


@Language.factory(
    "lagebild_times",
    requires=["doc.sents"],
    assigns=["doc._.lb_times"],
    default_config={"settings": DEFAULT_SETTINGS},
)
def make_times(nlp: Language, name: str, settings: Settings) -> TimesComponent:
    return TimesComponent(nlp, name, settings)
