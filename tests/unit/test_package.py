"""The server package stands alone: serving the mock needs neither Playwright nor the client code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import mock_court

CLIENT_PACKAGES = ("playwright", "e2e")


def test_the_app_and_the_serve_command_work_with_playwright_blocked():
    blocked = "; ".join(f"sys.modules[{name!r}] = None" for name in CLIENT_PACKAGES)
    code = (
        f"import sys; {blocked}\n"
        "from click.testing import CliRunner\n"
        "from mock_court import create_app\n"
        "from mock_court.cli import main\n"
        "assert create_app().test_client().get('/pacer/register-account').status_code == 200\n"
        "result = CliRunner().invoke(main, ['serve', '--help'])\n"
        "assert result.exit_code == 0, result.output\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_no_module_of_the_mock_imports_the_client():
    package = Path(mock_court.__file__).parent
    found = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [f"{path.relative_to(package)}: {n}" for n in names if n.split(".")[0] in CLIENT_PACKAGES]
    assert found == []
