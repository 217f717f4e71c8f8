"""The command centre's data generator, kept importable here for tests written before it
moved into the product (inspector_app/core/centre_demo.py)."""

from inspector_app.core.centre_demo import CentreData, build_centre_data

__all__ = ["CentreData", "build_centre_data"]
