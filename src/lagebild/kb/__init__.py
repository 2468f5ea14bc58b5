"""Knowledge base below the stages: the actor table, the gazetteer, name folding and the
toponym resolver. ``entities`` and ``places`` both use it; it imports neither."""
