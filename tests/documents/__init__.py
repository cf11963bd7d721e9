"""Tests of mediation_desk.documents.

A package, so that test_fonts.py here does not clash with tests/ui/test_fonts.py.
"""
