"""Printed documents: ReportLab only, plain values (service DTOs) in, PDF bytes out.

Nothing here imports PySide6 or SQLAlchemy. ReportLab keeps module-level state (its font
registry, among others), so fonts are registered once by `documents.fonts` and PDFs are
built on the single worker thread the UI uses for background work, never the GUI thread.
"""
