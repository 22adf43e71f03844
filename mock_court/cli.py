"""The `mock-court` command: serve the mock, list personas, record walkthroughs."""

from __future__ import annotations

import json

import click

from mock_court import create_app
from mock_court.faults import FaultSpecError, parse_spec


class FaultSpec(click.ParamType):
    name = "SPEC"

    def convert(self, value, param, ctx):
        try:
            return parse_spec(value)
        except FaultSpecError as error:
            self.fail(str(error), param, ctx)


@click.group()
def main() -> None:
    """A mock of the PACER and CM/ECF NextGen sites."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, help="0 picks a free port.")
@click.option("--db", "database", default=":memory:", show_default=True,
              help="SQLite file that keeps state across restarts.")
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
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


@main.command()
def personas() -> None:
    """Print the seeded personas as JSON (the same list as GET /_mock/personas)."""
    from fixtures.personas import build_personas

    click.echo(json.dumps(build_personas(), indent=2))


if __name__ == "__main__":
    main()
