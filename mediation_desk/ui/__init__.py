"""The PySide6 user interface: windows, dialogs, table models and background tasks.

Widgets collect input, call a service and show the result or the error next to the field;
queries and business rules stay in `mediation_desk.services` and `mediation_desk.domain`.
"""
