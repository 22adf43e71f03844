"""The `mock-court` command: serve the mock and list its personas here; other commands come from
the packages that register them under the entry-point group `mock_court.commands` (the
client's `walkthrough` and `guides`, see pyproject.toml), so that the mock never imports them.
"""

from __future__ import annotations

import contextlib
import json
from importlib.metadata import EntryPoint, entry_points

import click

from mock_court import create_app
from mock_court.core.faults import FaultSpecError, parse_spec


class FaultSpec(click.ParamType):
    name = "SPEC"

    def convert(self, value, param, ctx):
        try:
            return parse_spec(value)
        except FaultSpecError as error:
            self.fail(str(error), param, ctx)


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
@click.option("--test-mode", is_flag=True, help="Enable the control API under /_mock/.")
def serve(host: str, port: int, database: str, faults: dict, test_mode: bool) -> None:
    """Start the mock and print the URL it listens on."""
    from werkzeug.serving import make_server

    app = create_app({"DATABASE": database, "FAULTS": faults or {}, "TEST_MODE": test_mode})
    server = make_server(host, port, app, threaded=True)
    click.echo(f"Mock court listening on http://{host}:{server.server_port}/", err=False)
    if test_mode:
        click.echo(f"Control API: http://{host}:{server.server_port}/_mock/")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


@main.command()
def personas() -> None:
    """Print the seeded personas as JSON (the same list as GET /_mock/personas)."""
    from fixtures.personas import build_personas

    click.echo(json.dumps(build_personas(), indent=2))


if __name__ == "__main__":
    main()
