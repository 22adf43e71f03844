"""Templates are compiled once a process, and never served stale."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from mock_court import create_app
from mock_court.core.template_code import ProcessBytecodeCache

LOGIN_PAGE = "/login/csologin/login.jsf"


def test_a_second_app_renders_a_page_without_compiling_its_templates(monkeypatch):
    first, second = create_app({"TESTING": True, "TEST_MODE": True}), create_app({"TESTING": True, "TEST_MODE": True})
    shown = first.test_client().get(LOGIN_PAGE)
    compiled: list[str] = []
    compile_ = second.jinja_env.compile
    monkeypatch.setattr(
        second.jinja_env,
        "compile",
        lambda source, name=None, *a, **k: compiled.append(name) or compile_(source, name, *a, **k),
    )
    shown_again = second.test_client().get(LOGIN_PAGE)
    assert shown_again.status_code == shown.status_code == 200
    assert compiled == []


def test_an_edited_template_is_compiled_anew():
    cache = ProcessBytecodeCache()
    before = Environment(loader=DictLoader({"page.html": "before {{ x }}"}), bytecode_cache=cache, autoescape=True)
    after = Environment(loader=DictLoader({"page.html": "after {{ x }}"}), bytecode_cache=cache, autoescape=True)
    assert before.get_template("page.html").render(x="<b>") == "before &lt;b&gt;"
    assert after.get_template("page.html").render(x="<b>") == "after &lt;b&gt;"
