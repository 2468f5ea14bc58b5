import datetime as dt
import math

from lagebild.merge import Report, same_event, score
from lagebild.merge.decide import block_keys
from lagebild.merge.reports import content_words, figures, trigger_family, trigger_head

D = dt.date


def rep(art="a", eid="v1", typ="ASSAULT", mod="asserted", actors=("Q801",), recips=("Q39760",), start=D(2009, 1, 3),
        end=None, pub=D(2009, 1, 3), place=None, lat=None, lon=None, text="", trigger="", language="en"):
    return Report(art, eid, typ, mod, frozenset(actors), frozenset(recips), place, lat, lon,
                  start.isoformat() if start else None, start, end or start, pub, 0, len(text), text, trigger, language,
                  words=content_words(text, language), head=trigger_head(trigger), family=trigger_family(trigger, language))


def test_the_same_strike_in_two_languages_with_different_type_words():
    de = rep("de", text="Israel startete am Samstag die Bodenoffensive in den Gazastreifen", trigger="startete", language="de",
             place="Gaza Strip", lat=31.4, lon=34.3)
    en = rep("en", text="Israel launched a ground offensive in Gaza on Saturday", trigger="launched", place="Gaza",
             lat=31.5, lon=34.45)
    assert same_event(de, en)


def test_two_strikes_by_the_same_actor_on_different_days_are_two():
    a = rep("a", start=D(2009, 1, 3), text="Israeli jets bombed Gaza")
    b = rep("b", start=D(2009, 1, 6), text="Israeli jets bombed Gaza")
    assert not same_event(a, b)
    assert score(a, b) < score(a, rep("c", start=D(2009, 1, 3), text="Israeli jets bombed Gaza"))


def test_dates_at_their_precision():
    day = rep("a", start=D(2025, 5, 20), actors=("Q458",), recips=("Q159",), typ="SANCTION")
    june = rep("b", start=D(2025, 6, 1), end=D(2025, 6, 30), actors=("Q458",), recips=("Q159",), typ="SANCTION")
    may = rep("c", start=D(2025, 5, 1), end=D(2025, 5, 31), actors=("Q458",), recips=("Q159",), typ="SANCTION")
    assert score(day, june) == -math.inf        # 20 May is not June
    assert score(day, may) > score(day, june)   # "in May" may be 20 May


def test_places_far_apart_are_not_the_same_event():
    a = rep("a", place="Gaza", lat=31.5, lon=34.45, text="air strike on a school")
    b = rep("b", place="Beirut", lat=33.89, lon=35.5, text="air strike on a school")
    c = rep("c", place="Gaza City", lat=31.52, lon=34.45, text="air strike on a school")
    d = rep("d", place="Kabul", lat=34.53, lon=69.17, text="air strike on a school")
    assert score(a, b) < score(a, c)
    assert same_event(a, c) and not same_event(a, d)


def test_unrelated_types_and_nothing_shared():
    assert score(rep("a"), rep("b", typ="AGREE")) == -math.inf
    lone = rep("b", actors=("Q1",), recips=("Q2",), trigger="zzz")
    assert not (block_keys(rep("a")) & block_keys(lone)) and score(rep("a"), lone) == -math.inf


def test_announced_is_not_done_unless_everything_else_agrees():
    done = rep("a", text="Israel attacked Gaza", trigger="attacked")
    planned = rep("b", mod="planned", text="Israel attacked Gaza", trigger="attacked")
    assert score(done, planned) < score(done, rep("c", text="Israel attacked Gaza", trigger="attacked"))


def test_figures_and_families():
    assert figures("Polizisten erschossen vier Demonstranten", "de") == {"demons": (4, "Demonstranten")}
    assert figures("at least 18 people were killed in 2016", "en") == {"people": (18, "people")}
    assert figures("three million people", "en") == {"people": (3_000_000, "people")}
    assert trigger_family("indictment", "en") == trigger_family("prosecute", "en") == "charge"
    assert trigger_family("Luftangriffe", "de") == trigger_family("bombardierten", "de") == "attack"
    assert trigger_family("xyzzy", "fr") == "xyzzy"  # no data for the language: the word's own stem
