import datetime as dt

from lagebild.records import Article, Attribution, AttributionSource, Entity, Event, Evidence, Mention, Span, Time
from lagebild.store import Store, value_range


def make_article(aid="a1", modality="asserted"):
    text = "Trump called Zelenskyy on Friday, two officials said."
    return Article(
        id=aid, language="en", published="2025-07-05", text=text, sentences=[(0, len(text))],
        entities=[Entity(id="e1", name="Donald Trump", type="PER", mentions=[Mention(start=0, end=5, text="Trump")]),
                  Entity(id="e2", name="Volodymyr Zelenskyy", type="PER", mentions=[Mention(start=13, end=22, text="Zelenskyy")])],
        times=[Time(start=23, end=32, text="on Friday", value="2025-07-04")],
        attributions=[Attribution(id="a1", form="indirect", content=Span(start=0, end=32),
                                  cue=Span(start=47, end=51, text="said"),
                                  source=AttributionSource(kind="anonymous", text="two officials", count=2, start=33, end=46))],
        events=[Event(id="v1", type="CONSULT", mode="phone", actor=["e1"], recipient=["e2"], date="2025-07-04",
                      modality=modality, attribution="a1", evidence=Evidence(start=0, end=32), confidence=0.8)],
    )


def test_ingest_idempotent_and_replace(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        r = s.ingest([make_article()])
        assert (r.added, r.replaced, r.unchanged) == (1, 0, 0)
        r = s.ingest([make_article()])
        assert (r.added, r.replaced, r.unchanged) == (0, 0, 1)
        before = s.counts()
        r = s.ingest([make_article(modality="planned")])
        assert r.replaced == 1 and s.counts() == before
        row = s.con.execute("SELECT actor_names, recipient_names, source_kind, source_count, date_start, modality, "
                            "evidence_text FROM events").fetchone()
    assert row[0] == ["Donald Trump"] and row[1] == ["Volodymyr Zelenskyy"]
    assert row[2:6] == ("anonymous", 2, dt.date(2025, 7, 4), "planned")
    assert row[6] == "Trump called Zelenskyy on Friday"
    with Store(db, read_only=True) as s:
        assert s.article("a1").events[0].modality == "planned"


def test_value_range():
    assert value_range("2025-W28") == (dt.date(2025, 7, 7), dt.date(2025, 7, 13))
    assert value_range("2024-11") == (dt.date(2024, 11, 1), dt.date(2024, 11, 30))
    assert value_range("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert value_range("2025-Q3") == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    assert value_range("PAST_REF") is None and value_range(None) is None
