"""Stage 1: read articles from files and records into :class:`RawArticle` objects."""
from .article import RawArticle, ReadFailure, ReadWarning, article_id, parse_published
from .files import iter_articles, read_file, read_source

__all__ = ["RawArticle", "ReadFailure", "ReadWarning", "article_id", "iter_articles", "parse_published",
           "read_file", "read_source"]
