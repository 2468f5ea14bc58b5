"""Stage 1: read articles from files and records into :class:`RawArticle` objects."""
from .article import RawArticle, ReadFailure, article_id, parse_published
from .files import iter_articles, read_file

__all__ = ["RawArticle", "ReadFailure", "article_id", "iter_articles", "parse_published", "read_file"]
