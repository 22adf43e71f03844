"""A bench figure, its target, and the table and JSON they are reported in."""

from __future__ import annotations

import json
import operator
from dataclasses import asdict, dataclass
from pathlib import Path

COMPARE = {"<=": operator.le, ">=": operator.ge, "==": operator.eq}


@dataclass(frozen=True)
class Target:
    op: str  # one of COMPARE
    value: float

    def met_by(self, value: float) -> bool:
        return COMPARE[self.op](value, self.value)

    def __str__(self) -> str:
        return f"{self.op} {self.value:g}"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    target: Target | None = None
    note: str = ""  # what a reader needs to read the value: a failed run, the page measured
    # A correctness figure (failed tests, wrong answers): missing its target fails the bench.
    # A timing figure missing its target is reported, not a failure.
    required: bool = False

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.target.met_by(self.value)

    def as_dict(self) -> dict:
        found = asdict(self)
        found["met"] = self.met
        return found


def shown(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() or abs(value) >= 100 else f"{value:.2f}"


def table(figures: list[Figure]) -> str:
    """One row a figure: name, value and unit, target, met (yes/NO/-), note."""
    rows: list[tuple[str, ...]] = [("figure", "value", "target", "met", "note")]
    for figure in figures:
        met = {None: "-", True: "yes", False: "NO"}[figure.met]
        target = f"{figure.target} {figure.unit}".strip() if figure.target else "-"
        rows.append((figure.name, f"{shown(figure.value)} {figure.unit}".strip(), target, met, figure.note))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    rows.insert(1, tuple("-" * width for width in [*widths, 4]))

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)) + "  " + row[-1]

    return "\n".join(line(row).rstrip() for row in rows)


def failed(figures: list[Figure]) -> list[Figure]:
    return [figure for figure in figures if figure.required and figure.met is False]


def write_json(figures: list[Figure], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"figures": [figure.as_dict() for figure in figures]}, indent=2) + "\n")
