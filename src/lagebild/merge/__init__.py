"""Stage: one real-world event however many report it, stories over days, and flags where reports disagree.

- :mod:`.reports`: an event as one article reports it, with what the decision reads;
- :mod:`.decide`: the same-event decision (entities, places, dates at their precision, type, modality, text);
- :mod:`.events`: merged events, with ids that stay stable as articles arrive;
- :mod:`.represent`: which report stands for a merged event;
- :mod:`.stories`: articles and events following one matter;
- :mod:`.flags`: contradictions between the reports of one merged event;
- :mod:`.run`: all of it, incrementally, on a store.
"""
from .decide import same_event, score
from .events import assign
from .reports import Report
from .run import merge_store

__all__ = ["Report", "assign", "merge_store", "same_event", "score"]
