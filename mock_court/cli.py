"""The `mock-court` command: serve the mock and list its personas here; other commands come from
the packages that register them under the entry-point group `mock_court.commands` (the
client's `walkthrough` and `guides`, see pyproject.toml), so that the mock never imports them.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from importlib.metadata import EntryPoint, entry_points

import click

from mock_court import create_app
from mock_court.core.faults import FaultSpecError, parse_spec
from mock_court.core.server import SWITCH_INTERVAL_S, THREADS, LiveServer


class FaultSpec(click.ParamType):
    name = "SPEC"

    def convert(self, value, param, ctx):
        try:
            return parse_spec(value)
        except FaultSpecError as error:
            self.fail(str(error), param, ctx)


class BadDatabase(click.ClickException):
    """A --db file that is not a usable database: one line, exit status 2 as for any bad option."""

    exit_code = 2


PLUGINS = "mock_court.commands"


class PluginGroup(click.Group):
    """Its own commands, then the plugins' commands, each imported only when asked for: a plugin
    that fails to import (Playwright missing, say) breaks its own command, not the others."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *plugins()})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        plugin = plugins().get(name)
        if command is not None or plugin is None:
            return command
        try:
            return plugin.load()
        except ImportError as error:
            return unavailable(plugin, error)


def plugins() -> dict[str, EntryPoint]:
    return {plugin.name: plugin for plugin in entry_points(group=PLUGINS)}


def unavailable(plugin: EntryPoint, error: ImportError) -> click.Command:
    """Stands in for a plugin's command that cannot be imported, saying why whatever it is given."""
    reason = f"`mock-court {plugin.name}` is unavailable: {plugin.value} cannot be imported ({error})"

    def fail(args: tuple[str, ...]) -> None:
        raise click.ClickException(reason)

    return click.Command(
        plugin.name,
        callback=fail,
        help=reason,
        short_help="unavailable (run it to see why)",
        params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)],
        context_settings={"ignore_unknown_options": True},
        add_help_option=False,
    )


@click.group(cls=PluginGroup)
def main() -> None:
    """A mock of the PACER and CM/ECF NextGen sites."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, help="0 picks a free port.")
@click.option(
    "--db", "database", default=":memory:", show_default=True, help="SQLite file that keeps state across restarts."
)
@click.option("--faults", type=FaultSpec(), default="", help="e.g. captcha=challenge,http500=psc.user_information")
@click.option("--test-mode", is_flag=True, help="Enable the control API under /_mock/ (and seed the personas).")
@click.option("--seed", is_flag=True, help="Seed the personas without test mode.")
@click.option(
    "--threads",
    default=THREADS,
    show_default=True,
    type=click.IntRange(1, 256),
    help="Worker threads: one answers at a time; the others let answers a fault holds back wait meanwhile.",
)
@click.option(
    "--secret-key-file",
    type=click.File("r"),
    help="Read the signing key from this file (default: MOCK_COURT_SECRET_KEY, else random per process).",
)
def serve(
    host: str, port: int, database: str, faults: dict, test_mode: bool, seed: bool, threads: int, secret_key_file
) -> None:
    """Start the mock and print the URL it listens on."""
    config = {"DATABASE": database, "TEST_MODE": test_mode, "SEED": seed}
    if secret_key_file is not None:
        config["SECRET_KEY"] = secret_key_file.read().strip()
    try:
        config["FAULTS"] = {**parse_spec(os.environ.get("MOCK_COURT_FAULTS", "")), **faults}
        app = create_app(config)
    except sqlite3.DatabaseError as error:
        raise BadDatabase(f"--db {database}: {error}") from None
    except FaultSpecError as error:
        raise click.BadParameter(error.message, param_hint="--faults") from None
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    server = LiveServer(app, host, port, threads)
    click.echo(f"Mock court listening on {server.url}/")
    if test_mode:
        click.echo(f"Control API: {server.url}/_mock/")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


@main.command()
def personas() -> None:
    """Print the seeded personas as JSON (the same list as GET /_mock/personas)."""
    from fixtures.personas import build_personas

    click.echo(json.dumps(build_personas(), indent=2))


if __name__ == "__main__":
    main()
