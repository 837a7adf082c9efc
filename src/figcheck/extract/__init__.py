"""Extract stage: figures, bounds, units and date spans from a document's text."""

from figcheck.extract.quantities import Extraction, Mention, scanner

__all__ = ["Extraction", "Mention", "scanner"]
