"""Briefing documents: PDF and charts painted with QtGui (never QtWidgets), DOCX, XLSX."""
