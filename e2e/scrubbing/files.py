"""Scrubbing and scanning files: folders, zip archives (member by member) and plain files.

A file that is not text (a video, a picture, a font) is left as it is and not searched: text
secrets cannot be found in its bytes, and the harness keeps them off the screen instead.
Scrubbing a Playwright trace keeps every member's name, order and compression, so the archive
stays a trace that `playwright show-trace` opens.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from e2e.scrubbing.encodings import Matcher

_SNIFF = 8192


@dataclass(frozen=True)
class Leak:
    where: str  # a file, or "archive.zip:member"
    label: str  # whose secret: "returning-user password"
    encoding: str

    def __str__(self) -> str:
        return f"{self.where}: {self.label} ({self.encoding})"


def is_text(data: bytes) -> bool:
    return b"\0" not in data[:_SNIFF]


def is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def files_under(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            yield path


def scan_bytes(data: bytes, where: str, matcher: Matcher) -> Iterator[Leak]:
    if is_zip(data):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            archive = None
        if archive is not None:
            with archive:
                for info in archive.infolist():
                    yield from scan_bytes(archive.read(info), f"{where}:{info.filename}", matcher)
            return
    if is_text(data):
        for found in matcher.find(data):
            yield Leak(where, found.label, found.encoding)


def scan(paths: Iterable[Path], matcher: Matcher) -> Iterator[Leak]:
    """Every secret written in the files, folders and archives given."""
    for path in files_under(paths):
        yield from scan_bytes(path.read_bytes(), str(path), matcher)


def scrub_bytes(data: bytes, matcher: Matcher) -> tuple[bytes, int]:
    if is_zip(data):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            return data, 0
        with archive:
            members = [(info, *scrub_bytes(archive.read(info), matcher)) for info in archive.infolist()]
        count = sum(n for _, _, n in members)
        if not count:
            return data, 0
        rewritten = io.BytesIO()
        with zipfile.ZipFile(rewritten, "w") as target:
            for info, member, _ in members:
                target.writestr(info, member)
        return rewritten.getvalue(), count
    if is_text(data):
        return matcher.mask(data)
    return data, 0


def scrub_file(path: Path, matcher: Matcher) -> int:
    """Mask every secret in a file or archive in place (all or nothing); how many were masked."""
    data, count = scrub_bytes(path.read_bytes(), matcher)
    if count:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as written:
            written.write(data)
        os.replace(written.name, path)
    return count


def scrub_tree(paths: Iterable[Path], matcher: Matcher) -> int:
    """Mask every secret in every file under the folders (and files) given; how many were masked."""
    return sum(scrub_file(path, matcher) for path in files_under(paths))
