"""Browser discovery and set-up choose Playwright's Chromium when installed, else the system's."""

import pytest

from e2e import browsers, provision


@pytest.fixture
def browsers_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))
    return tmp_path


def install_fake_playwright_chromium(folder):
    build = folder / f"chromium_headless_shell-{browsers.playwright_revisions()['chromium']}"
    build.mkdir()
    (build / "INSTALLATION_COMPLETE").touch()


def test_playwright_chromium_is_used_as_it_is(browsers_dir):
    install_fake_playwright_chromium(browsers_dir)
    assert browsers.launch_options() == {}


def test_system_chromium_runs_with_flags_for_a_closed_network(browsers_dir, monkeypatch):
    monkeypatch.setattr(browsers.shutil, "which", lambda name: "/usr/bin/chromium" if name == "chromium" else None)
    monkeypatch.setattr(browsers.os, "geteuid", lambda: 0)
    options = browsers.launch_options()
    assert options["executable_path"] == "/usr/bin/chromium"
    assert options["args"][0] == "--no-sandbox"
    for flag in ("--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"):
        assert flag in options["args"]


def test_no_sandbox_flag_only_as_root(browsers_dir, monkeypatch):
    monkeypatch.setattr(browsers.shutil, "which", lambda name: "/usr/bin/chromium" if name == "chromium" else None)
    monkeypatch.setattr(browsers.os, "geteuid", lambda: 1000)
    assert "--no-sandbox" not in browsers.launch_options()["args"]


def on_path(*names):
    return lambda name: f"/usr/bin/{name}" if name in names else None


@pytest.mark.parametrize(("headless", "expected"), [(True, "chromium-headless-shell"), (False, "chromium")])
def test_headless_runs_take_the_system_headless_shell_and_headed_runs_the_browser(
    browsers_dir, monkeypatch, headless, expected
):
    monkeypatch.setattr(browsers.shutil, "which", on_path("chromium", "chromium-headless-shell"))
    assert browsers.launch_options(headless)["executable_path"] == f"/usr/bin/{expected}"


def test_without_the_headless_shell_headless_runs_take_the_browser(browsers_dir, monkeypatch):
    monkeypatch.setattr(browsers.shutil, "which", on_path("chromium"))
    assert browsers.launch_options(headless=True)["executable_path"] == "/usr/bin/chromium"


def test_no_browser_at_all_says_what_to_install(browsers_dir, monkeypatch):
    monkeypatch.setattr(browsers.shutil, "which", lambda name: None)
    with pytest.raises(browsers.BrowserNotFound, match="playwright install chromium"):
        browsers.launch_options()


def test_setup_links_system_ffmpeg_where_playwright_looks(browsers_dir, monkeypatch, tmp_path_factory):
    fake_ffmpeg = tmp_path_factory.mktemp("bin") / "ffmpeg"
    fake_ffmpeg.write_text("#!/bin/sh\n")
    monkeypatch.setattr(provision.shutil, "which", lambda name: str(fake_ffmpeg))
    provision.provide_ffmpeg(browsers_dir)
    slot = browsers_dir / f"ffmpeg-{browsers.playwright_revisions()['ffmpeg']}" / "ffmpeg-linux"
    assert slot.resolve() == fake_ffmpeg
    provision.provide_ffmpeg(browsers_dir)  # a second run changes nothing
    assert slot.resolve() == fake_ffmpeg


def test_setup_stops_with_a_message_when_nothing_can_be_installed(browsers_dir, monkeypatch):
    monkeypatch.setattr(provision, "system_chromium", lambda: None)
    monkeypatch.setattr(provision, "try_playwright_install", lambda: False)
    monkeypatch.setattr(provision, "can_apt_install", lambda: False)
    monkeypatch.setattr(provision, "link_default_cache", lambda target: False)
    with pytest.raises(provision.ProvisionError, match="apt-get install chromium ffmpeg"):
        provision.provide_chromium(browsers_dir)


@pytest.mark.parametrize("apt_has_it", [True, False])
def test_setup_adds_the_headless_shell_where_apt_has_it(browsers_dir, monkeypatch, apt_has_it):
    installed: list[str] = []
    monkeypatch.setattr(provision, "system_chromium", lambda: "/usr/bin/chromium")
    shell = "/usr/bin/chromium-headless-shell"
    monkeypatch.setattr(provision, "system_headless_shell", lambda: shell if installed else None)
    monkeypatch.setattr(provision, "can_apt_install", lambda: True)
    monkeypatch.setattr(provision, "apt_knows", lambda package: apt_has_it)
    monkeypatch.setattr(provision, "apt_install", lambda *packages: installed.extend(packages) or True)
    found = provision.provide_chromium(browsers_dir)
    if apt_has_it:
        assert installed == ["chromium-headless-shell"]
        assert found == "system Chromium at /usr/bin/chromium, headless runs with /usr/bin/chromium-headless-shell"
    else:
        assert installed == []
        assert found == "system Chromium at /usr/bin/chromium"


def test_setup_prefers_an_installed_playwright_chromium(browsers_dir, monkeypatch):
    install_fake_playwright_chromium(browsers_dir)
    monkeypatch.setattr(provision, "try_playwright_install", lambda: pytest.fail("must not download"))
    assert provision.provide_chromium(browsers_dir) == "Playwright's Chromium"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([], {"browser": ["chromium"], "video": "on", "tracing": "retain-on-failure", "screenshot": "off"}),
        (
            ["--video", "off", "tests/e2e"],
            {"browser": ["chromium"], "tracing": "retain-on-failure", "screenshot": "off"},
        ),
        (["--tracing=on", "--browser", "firefox", "--screenshot=on"], {"video": "on"}),
    ],
)
def test_harness_settings_give_pytest_playwright_defaults_the_command_line_overrides(given, expected):
    from e2e.config import Settings, playwright_option_defaults

    settings = Settings(browser="chromium", video="on", tracing="retain-on-failure", screenshot="off")
    assert playwright_option_defaults(settings, given) == expected


@pytest.mark.parametrize(("tool", "package"), [(name, package) for name, (_, package) in provision.TOOLS.items()])
def test_a_missing_tool_is_installed_with_apt_get(monkeypatch, tool, package):
    installed: list[str] = []
    monkeypatch.setattr(provision.shutil, "which", lambda name: f"/usr/bin/{name}" if installed else None)
    monkeypatch.setattr(provision, "can_apt_install", lambda: True)
    monkeypatch.setattr(provision, "apt_install", lambda *packages: installed.extend(packages) or True)
    assert provision.provide_tool(tool).startswith(f"{tool}: /usr/bin/")
    assert installed == [package]


def test_a_tool_already_there_installs_nothing(monkeypatch):
    monkeypatch.setattr(provision.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(provision, "apt_install", lambda *packages: pytest.fail("nothing to install"))
    assert provision.provide_tool("ocr") == "ocr: /usr/bin/tesseract"


def test_a_tool_that_cannot_be_installed_is_named_with_its_package(monkeypatch):
    monkeypatch.setattr(provision.shutil, "which", lambda name: None)
    monkeypatch.setattr(provision, "can_apt_install", lambda: False)
    with pytest.raises(provision.ProvisionError, match=r"pdftotext, pdfinfo needed .*apt-get install poppler-utils"):
        provision.provide_tool("pdf-text")
