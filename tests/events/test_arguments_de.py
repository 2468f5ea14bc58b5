"""German arguments without a parser (issue 14, third round): names inside hyphenated
compounds, judicial agents of nominal events, relative-clause antecedents."""
from __future__ import annotations

import datetime

import pytest
import spacy

from lagebild.events.component import EventsComponent
from lagebild.nlp.extensions import register_extensions
from lagebild.records import Actor, Entity, Mention
from lagebild.settings import Settings


@pytest.fixture(scope="module")
def de():
    register_extensions()
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp, EventsComponent(nlp, "lagebild_events", Settings(event_min_confidence=0.0))


def _entity(text: str, eid: str, surface: str, etype: str = "ORG", country: str | None = None,
            nth: tuple[int, ...] = (0,)) -> Entity:
    """An entity whose mentions are the ``nth`` occurrences of ``surface`` (others stay plain text)."""
    starts, i = [], text.find(surface)
    while i >= 0:
        starts.append(i)
        i = text.find(surface, i + 1)
    return Entity(id=eid, name=surface, type=etype, actor=Actor(country=country) if country else None,
                  mentions=[Mention(start=starts[k], end=starts[k] + len(surface), text=surface) for k in nth])


def _run(pair, text, entities):
    nlp, comp = pair
    doc = nlp(text)
    doc._.lb_published = datetime.date(2009, 7, 10)
    doc._.lb_entities = entities
    doc._.lb_times, doc._.lb_places, doc._.lb_attributions = [], [], []
    comp(doc)
    return doc._.lb_events


def test_name_in_a_hyphenated_compound_is_that_entity(de):
    # the recogniser found "G8" alone but not inside "G8-Staaten"
    text = "Die G8 tagte in Italien. In einer Erklärung verurteilten die G8-Staaten die Gewalt."
    evs = _run(de, text, [_entity(text, "e1", "G8")])
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert accuse and accuse[0].actor == ["e1"]


def test_hyphen_rule_needs_the_name_before_the_hyphen(de):
    text = "Die G8 tagte in Italien. In einer Erklärung verurteilten die Pro-G8-Staaten die Gewalt."
    evs = _run(de, text, [_entity(text, "e1", "G8")])
    assert not [e for e in evs if e.type == "ACCUSE" and e.actor == ["e1"]]


def test_agent_phrase_follows_its_noun(de):
    text = ("Die Erkenntnisse führten zur Einleitung eines Verfahrens durch den Generalbundesanwalt "
            "sowie zu Ermittlungen durch die Mainzer Polizei.")
    evs = _run(de, text, [_entity(text, "e1", "Generalbundesanwalt", "PER", "DEU"),
                          _entity(text, "e2", "Mainzer Polizei", "ORG", "DEU")])
    probe = next(e for e in evs if e.trigger.text == "Ermittlungen")
    assert probe.type == "ACCUSE" and probe.actor == ["e2"]


def test_name_after_a_prepositional_noun_is_no_subject(de):
    # "Auf Einladung von X", "Nach Angaben von X": X belongs to the phrase, not the clause
    text = "Nach Angaben von Obama griffen Unbekannte das Dorf an."
    evs = _run(de, text, [_entity(text, "e1", "Obama", "PER", "USA")])
    assert not [e for e in evs if "e1" in e.actor]


def test_judicial_persons_are_unnamed_participants():
    from spacy.tokens import Doc

    from lagebild.events.groups import GroupHeads
    from lagebild.lang import LanguageData

    spec = GroupHeads.of(LanguageData("de"))
    words = ["durch", "den", "Generalbundesanwalt", "und", "die", "Staatsanwältin"]
    doc = Doc(spacy.blank("de").vocab, words=words, pos=["ADP", "DET", "NOUN", "CCONJ", "DET", "NOUN"])
    assert spec.head_of(doc, doc[2]) == (2, "JUD")
    assert spec.head_of(doc, doc[5]) == (5, "JUD")


def test_merged_twins_keep_the_higher_confidence():
    # "wollen die G7-Staaten sich bei einem Gipfel treffen": the nominal "Gipfel" (weak) and the
    # verb "treffen" (strong) are one event; the kept one must not fall under the minimum
    from lagebild.records import Event, Evidence

    def ev(conf, start):
        return Event(id="v0", type="AGREE", modality="planned", actor=["e1"], evidence=Evidence(start=start, end=start + 5),
                     confidence=conf)

    merged = EventsComponent._merge_sentence([(None, ev(0.13, 40)), (None, ev(0.26, 60))])
    assert len(merged) == 1 and merged[0][1].confidence == 0.26


@pytest.mark.parametrize("text", [
    "Der Außenminister der Russischen Föderation Sergei Lawrow kritisierte die G7 scharf.",
    # the holder after a genitive country, the subject after the finite verb
    "Am Montag kritisierte der anwesende Außenminister der Russischen Föderation Sergei Lawrow die G7.",
])
def test_role_of_a_country_with_its_holder_named_after_it(de, text):
    evs = _run(de, text, [_entity(text, "e1", "Russischen Föderation", "LOC", "RUS"),
                          _entity(text, "e2", "Sergei Lawrow", "PER", "RUS"), _entity(text, "e3", "G7")])
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert accuse and accuse[0].actor == ["e2"]


def test_relative_clause_subject_is_its_antecedent(de):
    text = "Am Montag reiste Macron nach Russland, das die Stadt angriff."
    evs = _run(de, text, [_entity(text, "e1", "Macron", "PER", "FRA"), _entity(text, "e2", "Russland", "LOC", "RUS")])
    assault = [e for e in evs if e.type == "ASSAULT"]
    assert assault and assault[0].actor == ["e2"]


def test_passive_relative_clause_happens_to_its_antecedent(de):
    text = "Am Montag sprach Sarkozy über Reiss, die in Teheran festgenommen wurde."
    evs = _run(de, text, [_entity(text, "e1", "Sarkozy", "PER", "FRA"), _entity(text, "e2", "Reiss", "PER", "FRA"),
                          _entity(text, "e3", "Teheran", "LOC", "IRN")])
    arrest = [e for e in evs if e.type == "COERCE"]
    assert arrest and arrest[0].recipient == ["e2"] and arrest[0].actor == []


def test_genitive_of_a_patient_noun_suffers_the_event(de):
    # lexicon: Festnahme has possessor "recipient" (the arrested), Treffen keeps its owner as actor
    text = "Am Montag kam es zur Festnahme des Reporters Yücel. Am Dienstag folgte das Treffen der G7."
    evs = _run(de, text, [_entity(text, "e1", "Yücel", "PER", "DEU"), _entity(text, "e2", "G7")])
    arrest = [e for e in evs if e.type == "COERCE"]
    assert arrest and arrest[0].recipient == ["e1"] and arrest[0].actor == []
    meeting = [e for e in evs if e.type == "CONSULT"]
    assert meeting and meeting[0].actor == ["e2"]


def test_finite_subordinate_clause_has_a_subject_of_its_own(de):
    text = "Am Montag demonstrierte Mussawi in Teheran, obwohl die Regierung Versammlungen untersagt hatte."
    evs = _run(de, text, [_entity(text, "e1", "Mussawi", "PER", "IRN"), _entity(text, "e2", "Teheran", "LOC", "IRN")])
    assert not [e for e in evs if e.type == "COERCE" and "e1" in e.actor]


def test_infinitive_clause_shares_the_governing_subject(de):
    text = "Am Montag reiste Mussawi nach Teheran, um die Regierung zu kritisieren."
    evs = _run(de, text, [_entity(text, "e1", "Mussawi", "PER", "IRN"), _entity(text, "e2", "Teheran", "LOC", "IRN")])
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert accuse and accuse[0].actor == ["e1"]


def test_state_passive_with_sein_names_what_it_happened_to(de):
    text = "Seit Montag ist Karadžić wegen Völkermords angeklagt."
    evs = _run(de, text, [_entity(text, "e1", "Karadžić", "PER", "SRB")])
    charge = [e for e in evs if e.type == "ACCUSE"]
    assert charge and charge[0].actor == [] and charge[0].recipient == ["e1"]


def test_perfect_with_sein_stays_active(de):
    text = "Am Montag ist Russland in die Ukraine einmarschiert."
    evs = _run(de, text, [_entity(text, "e1", "Russland", "LOC", "RUS"), _entity(text, "e2", "Ukraine", "LOC", "UKR")])
    invasion = [e for e in evs if e.type == "ASSAULT"]
    assert invasion and invasion[0].actor == ["e1"]


def test_sein_and_haben_in_one_clause_is_an_active_perfect(de):
    text = "Am Montag waren Polizisten in das Haus vorgedrungen und hatten Müller festgenommen."
    evs = _run(de, text, [_entity(text, "e1", "Polizisten", "MISC"), _entity(text, "e2", "Müller", "PER", "DEU")])
    arrest = [e for e in evs if e.type == "COERCE"]
    assert arrest and arrest[0].actor == ["e1"]


def test_von_after_a_patient_noun_is_the_patient(de):
    text = "Am Montag meldete die Zeitung die Festnahme von Yücel. Am Dienstag folgte ein Angriff von Rebellen."
    evs = _run(de, text, [_entity(text, "e1", "Yücel", "PER", "DEU"), _entity(text, "e2", "Rebellen", "MISC")])
    arrest = [e for e in evs if e.type == "COERCE"]
    assert arrest and arrest[0].recipient == ["e1"] and arrest[0].actor == []
    attack = [e for e in evs if e.type == "ASSAULT"]
    assert attack and attack[0].actor == ["e2"]  # "Angriff" keeps its agent


def test_genitive_attribute_of_a_noun_is_no_subject(de):
    text = "Bei einem Schusswechsel in der Nähe der Ortschaft Ghadschar wurden zwei Soldaten verletzt."
    evs = _run(de, text, [_entity(text, "e1", "Ghadschar", "LOC", "LBN")])
    assert not [e for e in evs if "e1" in e.actor]


def test_genitive_owner_stops_at_its_head_and_at_prepositions(de):
    text = "Das Ziel sei die Zerstörung der Monarchie in Thailand. Am Dienstag begann ein Streik der Gewerkschaft Verdi."
    evs = _run(de, text, [_entity(text, "e1", "Thailand", "LOC", "THA"), _entity(text, "e2", "Verdi")])
    assert not [e for e in evs if "e1" in e.actor]
    strike = [e for e in evs if e.type == "PROTEST"]
    assert strike and strike[0].actor == ["e2"]  # "des Reporters Yücel", "der Gewerkschaft Verdi": apposition


def test_agent_phrase_ends_at_the_verb(de):
    text = "Von Seiten der Rebellen wurde Israel mit Raketen beschossen."
    evs = _run(de, text, [_entity(text, "e1", "Rebellen", "MISC"), _entity(text, "e2", "Israel", "LOC", "ISR")])
    shelling = [e for e in evs if e.type == "ASSAULT"]
    assert shelling and shelling[0].actor == ["e1"]  # not Israel, the passive's subject


def test_event_noun_after_ohne_is_negated(de):
    text = "Am Montag ergab sich Provenzano der Polizei ohne nennenswerten Widerstand."
    evs = _run(de, text, [_entity(text, "e1", "Provenzano", "PER", "ITA"), _entity(text, "e2", "Polizei", "ORG", "ITA")])
    refusal = [e for e in evs if e.type == "REJECT"]
    assert refusal and all(e.modality == "negated" for e in refusal)


def test_reporting_frame_is_not_absorbed_by_the_reported_clause(de):
    # "drohen" governs the clause after it, but not the frame of the report
    text = "Es drohe ein Wettrüsten, sagte Obama bei seinem Treffen mit Medwedew in Moskau."
    evs = _run(de, text, [_entity(text, "e1", "Obama", "PER", "USA"), _entity(text, "e2", "Medwedew", "PER", "RUS"),
                          _entity(text, "e3", "Moskau", "LOC", "RUS")])
    meeting = [e for e in evs if e.type == "CONSULT"]
    assert meeting and set(meeting[0].actor) == {"e1", "e2"}
