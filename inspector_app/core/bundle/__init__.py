"""Evidence bundles (format `inspector-bundle/1`): BagIt in a stored zip, signed with
minisign's prehashed Ed25519, optionally encrypted with age. See docs/BUNDLE.md."""
