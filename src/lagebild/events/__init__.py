"""Event coding: PLOVER type, mode, context, actors, date, modality, attribution."""
