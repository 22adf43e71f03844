"""`mock-court scan-secrets PATH...`: where the harness's secrets are written, never what they are."""

from __future__ import annotations

from pathlib import Path

import click

from e2e.personas_file import PersonasFileError, load_personas_file
from e2e.scrubbing.encodings import Matcher
from e2e.scrubbing.files import Leak, files_under, scan
from e2e.scrubbing.known import known_secrets, labelled


def leaks_in(paths: list[Path], extra: dict[str, str] | None = None) -> list[Leak]:
    return list(scan(paths, Matcher({**known_secrets(), **(extra or {})})))


@click.command("scan-secrets")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--personas",
    "personas_file",
    type=click.Path(path_type=Path),
    help="A live run's personas file: search for its secrets too.",
)
def scan_secrets(paths: tuple[Path, ...], personas_file: Path | None) -> None:
    """Search files, folders and archives (zip members too) for the personas' secrets in every
    encoding (plain, URL, JSON, HTML, base64); print each file and whose secret it holds, and exit 1
    when one is found (2 when a path does not exist or the personas file is bad)."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        click.echo(f"scan-secrets: no such file or folder: {', '.join(missing)}", err=True)
        raise SystemExit(2)
    extra = {}
    if personas_file is not None:
        try:
            extra = labelled((p["id"], p) for p in load_personas_file(personas_file))
        except PersonasFileError as error:
            click.echo(f"scan-secrets: {error}", err=True)
            raise SystemExit(2) from None
    leaks = leaks_in(list(paths), extra)
    for leak in leaks:
        click.echo(str(leak))
    files = sum(1 for _ in files_under(paths))
    if leaks:
        places = len({leak.where.split(":")[0] for leak in leaks})
        click.echo(f"{len(leaks)} secret(s) found in {places} of {files} file(s)", err=True)
        raise SystemExit(1)
    click.echo(f"No secrets in {files} file(s)", err=True)
