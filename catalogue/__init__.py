"""The clause catalogue of the Addis Ababa communique: load, validate, render, publish.

Plain Python with no engine import, in layers (domain → validate → sources → render → publish →
tools; tests/test_layers.py), so the site can move to another engine: the MkDocs hooks (hooks/)
only call `load`, the renderers and `publish.finish.finish`.
"""

from catalogue.sources.load import load
from catalogue.domain.model import Catalogue, Language
from catalogue.domain.problems import Problem

__all__ = ["Catalogue", "Language", "Problem", "load"]
