"""The spaCy pipeline, loaded once per process: `spacy.blank("en")` plus rule components.

Loading is cached (anti-pattern: building the pipeline per call); stage
functions take `nlp` as an argument and default to this loader.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import quantities, services

__all__ = ["load_nlp"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The process-wide pipeline: blank English tokenizer, services, quantities."""
    nlp = spacy.blank("en")
    nlp.add_pipe(services.FACTORY)
    nlp.add_pipe(quantities.FACTORY)
    return nlp
