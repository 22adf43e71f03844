"""`python -m e2e.bench [--parts load,guides,...] [--full] [--quick] [--json PATH]` (or `make bench`)."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from e2e.bench import __doc__ as ABOUT
from e2e.bench.figures import Figure, failed, table, write_json
from e2e.bench.parts import DEFAULT_PARTS, PARTS, Options

RESULTS = Path("test-results")


def chosen_parts(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in PARTS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown part {', '.join(unknown) or '(none given)'}; the parts are {', '.join(PARTS)}"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m e2e.bench", description=(ABOUT or "").split("\n\n")[0])
    parser.add_argument(
        "--parts",
        type=chosen_parts,
        default=list(DEFAULT_PARTS),
        help=f"comma-separated parts to run, in this order (default {','.join(DEFAULT_PARTS)}; also: full)",
    )
    parser.add_argument("--full", action="store_true", help="time the whole `make test` too (long)")
    parser.add_argument("--quick", action="store_true", help="small runs: figures to check the bench, not targets")
    parser.add_argument("--json", type=Path, default=RESULTS / "bench.json", help="default test-results/bench.json")
    args = parser.parse_args(argv)
    # `make test` empties test-results/ as it starts (pytest-playwright's output folder): it goes first.
    parts = (["full"] if args.full else []) + [name for name in args.parts if not (args.full and name == "full")]
    work = RESULTS / "bench"
    work.mkdir(parents=True, exist_ok=True)
    options = Options(work=work, quick=args.quick, say=partial(print, flush=True))
    figures: list[Figure] = []
    for name in parts:
        figures += PARTS[name](options)
    print(table(figures), flush=True)
    write_json(figures, args.json)
    broken = failed(figures)
    for figure in broken:
        print(f"bench: {figure.name} is {figure.value:g}, must be {figure.target}", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
