"""Finding and masking secrets in every encoding, in files and archives, and the scanner."""

from __future__ import annotations

import base64
import html
import json
import zipfile
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from click.testing import CliRunner

from e2e.scrubbing.command import scan_secrets
from e2e.scrubbing.encodings import MASK, Matcher
from e2e.scrubbing.files import scan, scrub_file
from e2e.scrubbing.known import known_secrets, secret_fields
from fixtures.personas import build_personas
from fixtures.registrants import new_registrant
from mock_court.cli import main

SECRET = 'Str "ong/&pa ss#4<2>!z'
LABEL = "someone password"


@pytest.fixture
def matcher():
    return Matcher({SECRET: LABEL})


def lower_hex(text: str) -> str:
    return "".join(f"%{b:02x}" if not chr(b).isalnum() else chr(b) for b in text.encode())


def json_unicode(text: str) -> str:
    return "".join(c if c.isalnum() else f"\\u{ord(c):04X}" for c in text)


def html_numeric(text: str) -> str:
    return "".join(c if c.isalnum() else (f"&#{ord(c)};" if ord(c) % 2 else f"&#x{ord(c):x};") for c in text)


ENCODERS = {
    "plain": lambda s: s,
    "url, %XX upper": lambda s: quote(s, safe=""),
    "url, + for space": lambda s: quote_plus(s),
    "url, %xx lower": lower_hex,
    "url, twice": lambda s: quote(quote(s, safe=""), safe=""),
    "json": lambda s: json.dumps(s)[1:-1],
    "json, \\u escapes": json_unicode,
    "html": lambda s: html.escape(s),
    "html, numeric": html_numeric,
    "base64": lambda s: base64.b64encode(s.encode()).decode(),
    "base64 of a url-encoded body": lambda s: base64.b64encode(f"a=1&password={quote_plus(s)}&b=2".encode()).decode(),
    "base64 of a json body": lambda s: base64.b64encode(json.dumps({"password": s}).encode()).decode(),
    "url-safe base64": lambda s: base64.urlsafe_b64encode(f"~~{s}~~".encode()).decode().rstrip("="),
    "base64 of base64": lambda s: base64.b64encode(base64.b64encode(f"x={s}".encode())).decode(),
}


@pytest.mark.parametrize("encode", ENCODERS.values(), ids=ENCODERS.keys())
def test_every_encoding_is_found_and_masked(matcher, encode):
    data = f'{{"before": 1, "body": "{encode(SECRET)}", "after": 2}}'.encode()
    assert [f.label for f in matcher.find(data)] == [LABEL]
    masked, count = matcher.mask(data)
    assert count == 1
    assert matcher.find(masked) == []


@pytest.mark.parametrize("offset", [0, 1, 2])
def test_base64_finds_the_secret_at_each_byte_offset_of_a_larger_body(matcher, offset):
    body = "x" * offset + f"password={quote_plus(SECRET)}&more=text of the form"
    data = b"data:text/plain;base64," + base64.b64encode(body.encode()) + b'"'
    assert [f.encoding for f in matcher.find(data)] == ["base64"]
    masked, _ = matcher.mask(data)
    assert MASK in base64.b64decode(masked[len(b"data:text/plain;base64,") : -1])


def test_masked_json_stays_valid_json(matcher):
    document = json.dumps({"password": SECRET, "nested": [{"answer": SECRET}], "ascii": json.dumps(SECRET)})
    masked, count = matcher.mask(document.encode())
    assert count == 3
    assert json.loads(masked)["password"] == MASK.decode()


def test_a_short_secret_counts_only_as_a_whole_value():
    matcher = Matcher({"Lee": "stale-cookies-filer security_answers[1]"})
    assert matcher.find(b'<option value="Lee County">Lee County</option> Sleep Leeds') == []
    assert len(matcher.find(b"answer1=Lee&answer2=x")) == 1
    assert len(matcher.find(b'<input value="Lee">')) == 1


def test_a_secret_is_a_whole_word_not_part_of_a_longer_one():
    matcher = Matcher({"4111111111111111": "card"})
    assert matcher.find(b"id=41111111111111119") == []
    assert len(matcher.find(b"cardNumber=4111111111111111&x")) == 1


def test_secret_fields_are_collected_by_name_even_those_yet_to_come():
    persona = {
        "id": "p",
        "username": "not-a-secret",
        "password": "pw-1",
        "security_answers": ["a1", "a2"],
        "otp_secret": "JBSWY3DPEHPK3PXP",
        "backup_codes": ["1111-2222", "3333-4444"],
        "card": {"number": "4111111111111111", "security_code": "123", "holder": "P"},
    }
    assert dict(secret_fields(persona)) == {
        "password": "pw-1",
        "security_answers[0]": "a1",
        "security_answers[1]": "a2",
        "otp_secret": "JBSWY3DPEHPK3PXP",
        "backup_codes[0]": "1111-2222",
        "backup_codes[1]": "3333-4444",
        "card.number": "4111111111111111",
        "card.security_code": "123",
    }
    registrant = new_registrant("registrant-mad")
    assert {"password", "answers[0]", "answers[1]", "card.number"} <= dict(secret_fields(registrant)).keys()


def test_the_harness_knows_every_personas_secrets():
    known = known_secrets()
    for persona in build_personas():
        assert persona["password"] in known
        assert all(answer in known for answer in persona["security_answers"])
        if persona.get("otp_secret"):
            assert persona["otp_secret"] in known


def write_archive(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_scrubbing_an_archive_keeps_its_members_and_masks_each_one(tmp_path, matcher):
    trace = tmp_path / "trace.zip"
    members = {
        "trace.trace": (json.dumps({"type": "before", "params": {"value": SECRET}}) + "\n").encode(),
        "trace.network": (json.dumps({"url": f"/x?p={quote(SECRET)}"}) + "\n").encode(),
        "resources/abc.dat": f"password={quote_plus(SECRET)}".encode(),
        "resources/page.png": b"\x89PNG\r\n\x1a\n\0\0" + SECRET.encode(),  # a picture is left alone
    }
    write_archive(trace, members)
    assert scrub_file(trace, matcher) == 3
    with zipfile.ZipFile(trace) as archive:
        assert archive.namelist() == list(members)
        for name in ("trace.trace", "trace.network"):
            for line in archive.read(name).splitlines():
                json.loads(line)
        assert archive.read("resources/page.png") == members["resources/page.png"]
    assert [leak.where for leak in scan([tmp_path], matcher)] == []


def test_a_file_without_secrets_is_left_untouched(tmp_path, matcher):
    page = tmp_path / "index.html"
    page.write_text("<p>nothing here</p>")
    before = page.stat().st_mtime_ns
    assert scrub_file(page, matcher) == 0
    assert page.stat().st_mtime_ns == before


def test_scan_secrets_is_a_mock_court_command():
    assert "scan-secrets" in main.list_commands(None)


def test_scan_secrets_says_where_and_whose_but_never_what(tmp_path):
    persona = next(p for p in build_personas() if p["id"] == "returning-user")
    results = tmp_path / "results"
    (results / "t1").mkdir(parents=True)
    body = f"password={quote_plus(persona['password'])}".encode()
    write_archive(results / "t1" / "trace.zip", {"resources/a.dat": body})
    (results / "report.json").write_text(json.dumps({"error": f"typed {persona['security_answers'][0]}"}))
    (results / "clean.txt").write_text("nothing")
    run = CliRunner().invoke(scan_secrets, [str(results)])
    assert run.exit_code == 1
    assert f"{results / 't1' / 'trace.zip'}:resources/a.dat: returning-user password (url-encoded)" in run.output
    assert f"{results / 'report.json'}: returning-user security_answers[0] (plain)" in run.output
    assert persona["password"] not in run.output
    assert persona["security_answers"][0] not in run.output


def test_scan_secrets_exits_0_on_clean_files_and_2_on_a_missing_path(tmp_path):
    (tmp_path / "clean.txt").write_text("nothing")
    assert CliRunner().invoke(scan_secrets, [str(tmp_path)]).exit_code == 0
    missing = CliRunner().invoke(scan_secrets, [str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
    assert missing.output.strip() == f"scan-secrets: no such file or folder: {tmp_path / 'nowhere'}"


def test_scan_secrets_finds_the_secrets_of_a_live_runs_personas_file(tmp_path):
    personas = tmp_path / "personas.yaml"
    personas.write_text("- {id: court-clerk, username: clerk, password: 'Deployment#Only42'}\n")
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "log.txt").write_text("signed on with Deployment%23Only42")
    run = CliRunner().invoke(scan_secrets, [str(tmp_path / "results"), "--personas", str(personas)])
    assert run.exit_code == 1
    assert "log.txt: court-clerk password (url-encoded)" in run.output
    assert "Deployment" not in run.output
    bad = CliRunner().invoke(scan_secrets, [str(tmp_path / "results"), "--personas", str(tmp_path / "none.json")])
    assert bad.exit_code == 2
    assert f"personas file {tmp_path / 'none.json'}: no such file" in bad.output
