"""Read back what a viewer or a reader gets: the text on a video's frames (tesseract), a PDF's
pages and text (poppler's pdfinfo and pdftotext)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from e2e.walkthrough.video import frames

# What Playwright's action titles and locators look like, as OCR reads them.
CODE_LIKE = re.compile(
    r"get[\s_]?by[\s_]?(label|role|title|text|placeholder)|locator\s*\(|content[\s_]?frame|frame[\s_]?locator"
    r"|re\.compile|exact\s*=|\(r[\"']|\[id\s*=|\bnth\s*\(",
    re.I,
)


def frame_texts(video: Path, scratch: Path, per_second: float = 2) -> list[str]:
    """The text tesseract reads on each frame, `per_second` frames a second, in order."""
    pictures = frames(video, scratch, per_second)
    listing = scratch / "frames.txt"
    listing.write_text("\n".join(str(p) for p in pictures) + "\n")
    done = subprocess.run(
        ["tesseract", str(listing), "stdout", "--psm", "11"],
        capture_output=True,
        text=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        check=True,
    )
    pages = done.stdout.split("\f")
    return pages[: len(pictures)]


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)$", info, re.M)
    assert found, info
    return int(found.group(1))


def pdf_text(pdf: Path) -> list[str]:
    """The text of each page, as a reader selects it."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[: pdf_pages(pdf)]
