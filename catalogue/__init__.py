"""The clause catalogue of the Addis Ababa communique: load, validate, render.

Plain Python with no MkDocs import, so the site can move to another engine:
MkDocs hooks (hooks/) only call `load` and the renderers.
"""

from catalogue.sources.load import load
from catalogue.domain.model import Catalogue, Language
from catalogue.domain.problems import Problem

__all__ = ["Catalogue", "Language", "Problem", "load"]
