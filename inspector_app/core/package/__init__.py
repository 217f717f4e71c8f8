"""Assignment packages (format `inspector-package/1`): a round's assignments, the point
register, the catalogues in force and the centre's recipient, sent from the command centre
to one laptop: a signed bag like a bundle, encrypted to the inspector's own key. See
docs/PACKAGE.md."""
