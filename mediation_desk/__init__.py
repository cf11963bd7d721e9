"""Mediation Desk: the dispute mediation room's desk program for a police station."""

__version__ = "0.1.0"
