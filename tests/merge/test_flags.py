import datetime as dt

from lagebild.merge.flags import event_flags

from .test_decide import rep

D = dt.date
TEXT = "Israeli jets struck the port of Gaza"


def kinds(flags):  # noqa: ANN001, ANN201
    return sorted(f.kind for f in flags)


def test_dates_differ_between_articles_not_within_one():
    a = rep("a", start=D(2009, 1, 3), pub=D(2009, 1, 5), text=TEXT, trigger="struck")
    b = rep("b", start=D(2009, 1, 4), pub=D(2009, 1, 5), text=TEXT, trigger="struck")
    assert kinds(event_flags("m1", [a, b])) == ["date"]
    same = rep("a", "v2", start=D(2009, 1, 4), pub=D(2009, 1, 5), text=TEXT, trigger="struck")
    assert kinds(event_flags("m1", [a, same])) == []


def test_the_time_of_reporting_is_no_date_claim():
    # each article dates the ongoing event to its own publication day: no contradiction
    a = rep("a", start=D(2016, 10, 3), pub=D(2016, 10, 3), text=TEXT, trigger="struck")
    b = rep("b", start=D(2016, 10, 4), pub=D(2016, 10, 4), text=TEXT, trigger="struck")
    assert kinds(event_flags("m1", [a, b])) == []
    # a date before the publication still contradicts another article's
    c = rep("c", start=D(2016, 10, 1), pub=D(2016, 10, 4), text=TEXT, trigger="struck")
    d = rep("d", start=D(2016, 10, 2), pub=D(2016, 10, 4), text=TEXT, trigger="struck")
    assert kinds(event_flags("m1", [c, d])) == ["date"]


def test_a_corrected_figure_within_one_article():
    first = rep("a", text="Police shot four protesters in Minsk", trigger="shot")
    later = rep("a", "v2", text="Police shot ten protesters in Minsk", trigger="shot")
    (flag,) = event_flags("m1", [first, later])
    assert flag.kind == "figure" and {flag.a_value, flag.b_value} == {"4 protesters", "10 protesters"}


def test_denial_and_blame():
    said = rep("a", text=TEXT, trigger="struck")
    denied = rep("b", mod="negated", text=TEXT, trigger="struck")
    unclear = rep("c", mod="uncertain", text=TEXT, trigger="struck")
    flags = event_flags("m1", [said, denied, unclear])
    assert kinds(flags) == ["modality", "modality"]
    assert {f.b_value for f in flags} == {"negated", "uncertain"} and all(f.a == (said,) for f in flags)
    hamas = rep("d", actors=("Q38072",), text=TEXT, trigger="struck")
    assert "actor" in kinds(event_flags("m1", [said, hamas]))
    assert event_flags("m1", [said]) == []


def test_flag_ids_do_not_depend_on_order():
    a = rep("a", text=TEXT, trigger="struck")
    b = rep("b", mod="negated", text=TEXT, trigger="struck")
    assert [f.id for f in event_flags("m1", [a, b])] == [f.id for f in event_flags("m1", [b, a])]


def test_a_denial_of_another_act_of_the_event_is_no_contradiction():
    # "Ryan calls for more investigation" and "the decision not to indict": one merged event, two acts
    called = rep("a", typ="ACCUSE", text="Ryan calls for more investigation of Clinton", trigger="investigation")
    not_indicted = rep("a", "v2", typ="ACCUSE", mod="negated", text="the decision not to indict Clinton", trigger="indict")
    assert called.family != not_indicted.family
    assert "modality" not in kinds(event_flags("m1", [called, not_indicted]))
    # the same act denied within the article still is, and so is another article's denial in other words
    not_called = rep("a", "v3", typ="ACCUSE", mod="negated", text="Ryan does not call for more investigation of Clinton",
                     trigger="investigation")
    assert kinds(event_flags("m1", [called, not_called])) == ["modality"]
    other = rep("b", typ="ACCUSE", mod="negated", text="Ryan did not call for more investigation of Clinton", trigger="call")
    assert other.family != called.family and kinds(event_flags("m1", [called, other])) == ["modality"]
