"""Stage: the web page and REST API over a read-only store (``lagebild serve``)."""
from .app import create_app

__all__ = ["create_app"]
