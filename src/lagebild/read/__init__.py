"""Stage 1: read articles from files and records into :class:`RawArticle` objects."""
from .article import RawArticle, ReadFailure, ReadWarning, article_id, parse_published
from .files import read_file, read_source
from .sources import Input, iter_articles, iter_inputs, read_input

__all__ = ["Input", "RawArticle", "ReadFailure", "ReadWarning", "article_id", "iter_articles", "iter_inputs",
           "parse_published", "read_file", "read_input", "read_source"]
