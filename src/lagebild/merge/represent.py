"""Which report stands for a merged event: the surest, then the earliest published, then the
earliest dated (ties by article and event id, so the choice is the same on every run).

An SQL ORDER BY over the events table's columns, used when merging (``merged_events.rep_*``)
and by ``serve`` when it picks the best report among those matching a filter.
"""
REPRESENTATIVE = "confidence DESC, published ASC NULLS LAST, date_start ASC NULLS LAST, article_id, id"
