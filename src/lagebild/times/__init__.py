"""Time expressions: finding, normalising (TIMEX3 values) and anchoring.

- :mod:`.tagger`: :class:`TimeTagger`, plain-text tagger compiled once from
  ``lang/<code>/times.json``.
- :mod:`.resolve`: helpers for later stages (:func:`resolve.event_date`).
- :mod:`.component`: the spaCy factory ``lagebild_times``.
"""
