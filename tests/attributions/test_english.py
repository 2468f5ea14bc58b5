"""English attribution rules (parser-based frames need en_core_web_sm)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _text(text, span):
    return text[span.start:span.end]


def test_reported_clause_after_said(en):
    text = "Three people familiar with the talks said the ceasefire would hold."
    (a,) = en(text)
    assert a.form == "indirect"
    assert a.source.kind == "anonymous" and a.source.count == 3
    assert "familiar with the talks" in a.source.description
    assert _text(text, a.content) == "the ceasefire would hold"


def test_direct_quote_then_cue(en):
    text = "“We will not back down,” the minister said on Monday."
    (a,) = en(text)
    assert a.form == "direct"
    assert _text(text, a.content).startswith("“We will not back down")
    assert a.source.text == "the minister"


def test_according_to(en):
    text = "According to the ministry, four soldiers were killed."
    (a,) = en(text)
    assert a.cue.text == "According to"
    assert a.source.text == "the ministry" and a.source.kind == "institution"
    assert _text(text, a.content) == "four soldiers were killed"


def test_no_comment(en):
    text = "The White House did not respond to a request for comment."
    (a,) = en(text)
    assert a.form == "no_comment"
    assert a.source.text == "The White House"


def test_posted_on_x_is_social_media(en):
    text = "“This is a disgrace,” Medvedev wrote on X."
    (a,) = en(text)
    assert a.medium == "social_media"
    assert a.source.text == "Medvedev"


def test_plain_sentence_has_no_attribution(en):
    assert en("The bridge was destroyed in the night.") == []


def test_rules_work_without_a_parser(en_blank):
    text = "The bridge was closed, a senior official said."
    (a,) = en_blank(text)
    assert a.source.text == "a senior official"
    assert a.source.kind == "anonymous" and a.source.count == 1
    assert _text(text, a.content) == "The bridge was closed"


def test_a_run_of_quotes_is_one_attribution(en):
    text = "“We will win,” the senator said. “Nobody can stop us now, not even the polls.”"
    (a,) = en(text)
    assert a.form == "direct"
    assert a.content.spans is not None and len(a.content.spans) == 2


def test_quote_signed_with_a_dash(en_blank):
    text = "“He is ignorant of our culture.” ― Pamela Padilla\n“He scares me.” ― Krystal Correa."
    atts = en_blank(text)
    assert [(a.form, a.source.text, a.cue.text) for a in atts] == [
        ("direct", "Pamela Padilla", "―"), ("direct", "Krystal Correa", "―")]
    assert _text(text, atts[1].content) == "“He scares me.”"


def test_called_for_takes_the_prepositional_object(en):
    text = "The NAACP called for a moratorium on charter schools."
    (a,) = en(text)
    assert a.form == "reported" and a.cue.text == "called for"
    assert a.source.text == "The NAACP"
    assert _text(text, a.content) == "a moratorium on charter schools"


def test_nominal_cue_with_a_possessive_holder(en):
    text = "Trump's claim that the election was rigged angered voters."
    (a,) = en(text)
    assert a.cue.text == "claim" and a.source.text == "Trump's"
    assert a.form == "indirect"
    assert _text(text, a.content).startswith("that the election was rigged")


def test_nominal_cue_with_a_by_phrase_and_a_preposition(en):
    text = "The claim by the ministry that the troops had left was false."
    (a,) = en(text)
    assert a.source.text == "the ministry" and _text(text, a.content) == "that the troops had left"
    text = "His support for the plan is growing."
    (a,) = en(text)
    assert a.cue.text == "support for" and a.source.text == "His"
    assert _text(text, a.content) == "the plan"


def test_a_cue_inside_reported_content_is_a_nested_attribution(en):
    # the announcement is reported by the senator: its own attribution, according to the senator
    # (PolNeAR annotates only the outer one; eval/quotes_en.py leaves nested ones out)
    text = "The senator said the governor announced new taxes."
    outer, inner = sorted(en(text), key=lambda a: a.cue.start)
    assert outer.cue.text == "said" and outer.source.text == "The senator"
    assert _text(text, outer.content) == "the governor announced new taxes"
    assert inner.cue.text == "announced" and inner.source.text == "the governor"
    assert inner.according_to == outer.id and outer.according_to is None


def test_communication_verbs_beyond_say(en):
    text = "The senator discussed the budget with reporters."
    (a,) = en(text)
    assert a.form == "reported" and a.cue.text == "discussed"
    assert a.source.text == "The senator"


def test_transcript_speaker_label(en):
    text = "PENCE: Well, I think Hillary Clinton said the debate would be decisive."
    found = sorted(en(text), key=lambda x: x.cue.start)
    a, clinton = found[0], found[-1]
    assert a.cue.text == ":" and a.source.text == "PENCE" and a.according_to is None
    assert _text(text, a.content).startswith("Well, I think")
    by_id = {x.id: x for x in found}
    chain = [clinton]
    while chain[-1].according_to is not None:
        chain.append(by_id[chain[-1].according_to])
    assert clinton.source.text == "Hillary Clinton" and chain[-1] is a  # as Pence tells it


def test_adverb_before_the_cue_is_not_the_source(en):
    text = "Marc Morial, the head of the league, forcefully told a young woman that voting matters."
    (a,) = en(text)
    assert a.cue.text == "forcefully told"
    assert "Morial" in a.source.text


def test_subject_with_a_prepositional_phrase(en):
    text = "But in recent days, advisers to Mr. Obama say, the president has grown exasperated."
    (a,) = en(text)
    assert a.source.text == "advisers to Mr. Obama"


def test_a_plural_group_can_speak_without_a_reported_clause(en):
    text = "World leaders and diplomats expressed outrage over the nuclear test."
    (a,) = en(text)
    assert a.form == "reported" and a.source.text == "World leaders and diplomats"
    assert _text(text, a.content).startswith("outrage over")


def test_object_and_its_predicate_are_the_content(en):
    text = "South Korea accused the North's leader of fanatic recklessness."
    (a,) = en(text)
    assert a.cue.text == "accused" and a.source.text == "South Korea"
    assert _text(text, a.content) == "the North's leader of fanatic recklessness"
    text = "The Europeans derided the deal as toothless."
    (a,) = en(text)
    assert _text(text, a.content) == "the deal as toothless"


def test_who_can_speak_without_a_reported_clause(en):
    text = "Demonstrators filled the streets, and their leader, who called for calm, met the mayor."
    atts = en(text)
    assert any(a.source.text == "who" and a.cue.text == "called for" for a in atts)


def test_nominal_cue_after_a_light_verb(en):
    text = "Sanders made the following comment about the economy."
    (a,) = en(text)
    assert a.source.text == "Sanders" and a.cue.text.startswith("made") and a.cue.text.endswith("comment about")
    assert _text(text, a.content) == "the economy"


def test_a_person_noun_can_speak_without_a_reported_clause(en):
    text = "The actor criticized the new tax plan."
    (a,) = en(text)
    assert a.source.text == "The actor" and a.source.kind == "person"
    assert _text(text, a.content) == "the new tax plan"


def test_reported_act_content_is_the_rest_of_its_clause(en_blank):
    text = "Senator Smith criticized the plan, and the vote was delayed."
    (a,) = en_blank(text)
    assert a.form == "reported" and a.source.text == "Senator Smith"
    assert _text(text, a.content) == "the plan"


def test_a_passive_later_in_the_clause_does_not_hide_the_speaker(en):
    text = "Trump said after the convention he would not accept the endorsement if it were offered."
    (a,) = en(text)
    assert a.source.text == "Trump" and a.cue.text == "said"


def test_a_clause_before_a_colon_is_not_the_content(en):
    text = "The news set off a round of fireworks on Friday: Republicans said the investigation was mishandled."
    atts = en(text)
    a = next(a for a in atts if a.cue.text == "said")
    assert a.source.text == "Republicans"
    assert _text(text, a.content) == "the investigation was mishandled"


def test_passive_with_a_by_agent(en):
    text = "The registration issue was first reported by The Washington Post."
    (a,) = en(text)
    assert a.source.text == "The Washington Post" and a.form == "reported"
    assert _text(text, a.content) == "The registration issue"


def test_gerund_in_a_prepositional_phrase_takes_the_clause_subject(en):
    text = "She started off by emphasizing economic fairness."
    (a,) = en(text)
    assert a.cue.text == "emphasizing" and a.source.text == "She"
    assert _text(text, a.content) == "economic fairness"


def test_object_content_stops_before_a_relative_clause(en):
    text = "He cited criticism of Matt Lauer, who took heat for his questions."
    (a,) = en(text)
    assert a.cue.text == "cited" and _text(text, a.content) == "criticism of Matt Lauer"


def test_an_ad_is_a_document_source(en):
    text = "The ad criticized the senator's record on taxes."
    (a,) = en(text)
    assert a.source.text == "The ad" and a.source.kind == "document"


def test_stance_adjective_after_a_copula_with_a_preposition(en):
    text = "Senator Cruz was critical of the trade deal."
    (a,) = en(text)
    assert a.source.text == "Senator Cruz" and a.cue.text == "was critical of"
    assert _text(text, a.content) == "the trade deal"


def test_stance_adjective_with_a_clause(en):
    text = "Campaign aides are confident that the governor will win the primary."
    (a,) = en(text)
    assert a.source.text == "Campaign aides" and a.cue.text.startswith("are confident")
    assert _text(text, a.content).endswith("the governor will win the primary")


def test_an_adjective_that_is_no_stance_is_no_cue(en):
    assert en("The senator was tired after the long flight.") == []


def test_light_verb_noun_cue_no_secret_of(en):
    text = "The governor has made no secret of his ambitions."
    (a,) = en(text)
    assert a.source.text == "The governor" and a.cue.text.endswith("secret of")
    assert _text(text, a.content) == "his ambitions"


def test_phrasal_cue_with_a_preposition_after_the_particle(en):
    text = "Rubio fired back at Christie over the budget."
    (a,) = en(text)
    assert a.source.text == "Rubio" and a.cue.text == "fired back at"
    assert _text(text, a.content).startswith("Christie")


def test_according_to_a_document_by_its_author(en):
    text = "According to an analysis by the Pew Research Center, turnout fell sharply."
    (a,) = en(text)
    assert a.source.text == "an analysis by the Pew Research Center"
    assert _text(text, a.content) == "turnout fell sharply"


def test_a_share_of_a_group_can_speak_without_a_reported_clause(en):
    text = "Sixty percent opposed the new tax plan."
    (a,) = en(text)
    assert a.source.text == "Sixty percent" and a.form == "reported"
    assert _text(text, a.content) == "the new tax plan"


def test_agent_noun_after_a_copula(en):
    text = "Senator Warren is an outspoken supporter of the new bill."
    (a,) = en(text)
    assert a.source.text == "Senator Warren" and a.cue.text.endswith("supporter of")
    assert _text(text, a.content) == "the new bill"


def test_agent_noun_in_apposition(en):
    text = "Mayor Smith, a longtime critic of the project, spoke at the meeting."
    atts = en(text)
    a = next(a for a in atts if a.cue.text.endswith("critic of"))
    assert a.source.text == "Mayor Smith" and _text(text, a.content) == "the project"


def test_a_clause_only_cue_without_a_clause_is_no_attribution(en):
    assert en("The governor maintains a vacation home in Florida.") == []
    text = "The governor maintains that the budget is balanced."
    (a,) = en(text)
    assert a.source.text == "The governor" and _text(text, a.content).endswith("the budget is balanced")


def test_the_object_of_in_after_a_cue_is_no_content(en):
    atts = en("The senator spoke in the East Room.")
    assert all(a.cue.text == "spoke" for a in atts)  # not "spoke in" with "the East Room" as what was said


def test_the_subject_of_an_agentless_passive_is_not_the_source(en):
    text = "The senator was lambasted as a moderate."
    (a,) = en(text)
    assert "lambasted" in a.cue.text and a.source.text is None
    assert "a moderate" in _text(text, a.content)


def test_quoted_as_saying_keeps_its_subject_as_source(en):
    text = "The minister was quoted as saying that the talks had failed."
    atts = en(text)
    assert any(a.source.text == "The minister" for a in atts)


def test_reportedly_does_not_take_the_previous_speaker(en):
    text = "Smith said the market was weak. The company will reportedly cut 500 jobs."
    atts = en(text)
    a = next(a for a in atts if a.cue.text == "reportedly")
    assert a.source.text is None


def test_a_fronted_survey_is_the_source_of_its_clause(en):
    text = "In the latest CBS News poll, Clinton leads Sanders by ten points."
    (a,) = en(text)
    assert a.cue.text == "In" and a.source.text == "the latest CBS News poll"
    assert _text(text, a.content) == "Clinton leads Sanders by ten points"


def test_a_survey_before_a_cue_verb_is_left_to_the_verb(en):
    text = "In a new survey, most voters said the economy was the top issue."
    atts = en(text)
    assert not any(a.cue.text == "In" for a in atts)


def test_a_name_before_a_number_is_no_statement(en):
    assert en("CLINTON: 1,769") == []  # a speaker label needs words after it


def test_speaking_to_reporters_sets_the_scene_of_the_cue(en):
    text = "Speaking to reporters on Monday, Trump said the wall would be built."
    (a,) = en(text)
    assert a.cue.text == "said" and a.source.text == "Trump"
