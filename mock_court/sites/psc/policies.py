"""The PACER Policies and Procedures shown at step 4, and their printable version (a PDF).

The wording is the mock's own summary, not the real document's text.
"""

from __future__ import annotations

import textwrap

TITLE = "PACER Policies and Procedures"

SECTIONS = (
    (
        "Access and fees",
        "PACER provides public access to federal court records. Access is charged at $0.10 per page, "
        "up to $3.00 for a document; there is no fee to register. If your fees for a quarter are "
        "$30 or less, they are waived.",
    ),
    (
        "Your account",
        "Your account is for your own use. Do not share your username and password. You are "
        "responsible for all use of your account and for keeping your contact information current.",
    ),
    (
        "Billing",
        "You are billed quarterly. A credit card on file is charged once a quarter for any fees due. "
        "Accounts with unpaid balances may be suspended.",
    ),
    (
        "Privacy",
        "Court records can contain personal information. Filers must redact personal identifiers "
        "as the federal rules require. Do not use information from PACER for unlawful purposes.",
    ),
    (
        "Not legal advice",
        "These are PACER-specific policies and procedures, not attorney filing procedures or local "
        "court rules. The PACER Service Center cannot give legal advice.",
    ),
    (
        "Help",
        "If you require assistance with your PACER account, contact the PACER Service Center at "
        "pacer@psc.uscourts.gov or (800) 676-6856.",
    ),
)

LINES_PER_PAGE = 48


def policies_text() -> list[str]:
    lines = [TITLE, ""]
    for heading, text in SECTIONS:
        lines += [heading.upper(), *textwrap.wrap(text, 88), ""]
    return lines


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def policies_pdf() -> bytes:
    """A plain one-font PDF of policies_text(), built by hand: no dependency needed."""
    lines = policies_text()
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for page in pages:
        stream = "BT /F1 11 Tf 14 TL 56 740 Td " + " ".join(f"({_escape(line)}) '" for line in page) + " ET"
        content = stream.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
