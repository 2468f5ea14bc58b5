"""Stage: merge the same event reported by many articles into one cluster."""
from .cluster import cluster_events, same_event

__all__ = ["cluster_events", "same_event"]
