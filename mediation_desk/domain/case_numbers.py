"""Case numbers (DOMAIN §4): （2026）潼调字第0001号, the year, the station's short name and
the year's serial."""

from __future__ import annotations


def format_case_number(year: int, short_name: str, serial: int) -> str:
    return f"（{year}）{short_name}调字第{serial:04d}号"
