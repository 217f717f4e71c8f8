"""The domain core: storage, catalogue, points, inspections, photos, audit. Never imports Qt."""
