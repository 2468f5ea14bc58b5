"""The spaCy side of the pipeline: per-language ``Language`` objects and Doc extensions."""
from .config import stage_config
from .extensions import register_extensions
from .loader import STAGES, build_nlp, load_base, register_components

__all__ = ["STAGES", "build_nlp", "load_base", "register_components", "register_extensions", "stage_config"]
