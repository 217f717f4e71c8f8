"""The window: PySide6 widgets over the core services. The only layer importing QtWidgets."""
