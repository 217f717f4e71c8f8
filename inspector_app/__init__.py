"""Inspector: civilized-city field inspections with signed photo evidence."""

__version__ = "0.1.0"
