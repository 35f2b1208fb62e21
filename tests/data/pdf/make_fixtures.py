"""Build the PDF fixtures in this folder from scratch: letter_aes.pdf, password.pdf, scanned.pdf.
The tests also draw PDFs of their own with it, at run time (`letter_pdf`): those need no pypdf.

The state publishes its IMR letters as PDFs with a text layer, AES-encrypted with an EMPTY user
password (128-bit AES, /V 4 /R 4, permission bits /P -1340). This script makes small look-alikes
with no outside files: it writes a plain PDF by hand (a Helvetica Type1 font, text drawn line by
line with BT/Tf/Td/Tj) and then encrypts it with pypdf the way the state does.

    letter_aes.pdf  letter.txt on two pages, AES-128, user password "" (opens like a real one)
    password.pdf    the same pages, AES-128, user password "s3cret" (must be refused)
    scanned.pdf     one page with drawn rectangles and no text at all, AES-128, user password ""
                    (a scan without OCR)

letter.txt is written in the style of the state's text exports: lines wrapped at about 95
characters and ending in a space, blank lines holding one space. A line that is completely EMPTY
(no space) marks the page break, as in the corpus exports; it must fall inside the second item's
rationale. Blank lines become half a line of space on the page, so the PDF text has no blank lines,
like the real PDFs.

Run it by hand whenever letter.txt or this script changes, then commit the PDFs it rewrites:

    pip install pypdf cryptography          # written against pypdf 7.1.0
    python tests/data/pdf/make_fixtures.py  # from anywhere; it writes next to itself

The output is deterministic: the PDF /ID and the AES initialisation vectors, which pypdf draws from
`secrets.token_bytes`, come from a seeded hash while this script runs, and no dates are written.
Re-running with the same pypdf gives byte-identical files (the content streams are deflated with
zlib, so another zlib build could in principle compress differently). Never reuse this trick for
real encryption: the fixtures only have to open, not to keep anything secret.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import secrets
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
LETTER = HERE / "letter.txt"

PAGE_WIDTH, PAGE_HEIGHT = 612, 792  # US Letter, in points
LEFT, TOP, BOTTOM = 54, 756, 54
FONT_SIZE = 9
LEADING = 11  # points from one baseline to the next; a blank line adds half of this
OWNER_PASSWORD = "imrcheck-fixtures-owner"
USER_PASSWORD = "s3cret"
# The state's letters carry /P -1340: print, accessibility extraction, high-quality print; copying
# text is NOT permitted (PDFium extracts it anyway). pypdf wants the same 32 bits unsigned.
STATE_PERMISSIONS = -1340 & 0xFFFFFFFF
MAX_FIXTURE_BYTES = 10 * 1024
# Where a line holds this character, the words either side of it are drawn apart by kerning and
# no space character is written between them, as some producers set text: the page shows a gap,
# and PDFium's text layer runs the words together ("is notmedically necessary", as in the state's
# 2013 notices). The gap is in thousandths of the font size: PDFium reads a wider one as a space.
GAP_WITHOUT_SPACE = "\x1f"
KERNED_GAP = 100


def pdf_string(text: str) -> bytes:
    """A PDF literal string: parentheses and backslashes escaped, WinAnsi (Latin-1) bytes."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def text_stream(lines: list[str]) -> bytes:
    """Content stream drawing `lines` top-down; whitespace-only lines leave half a line of space."""
    ops = [b"BT", b"/F1 %d Tf" % FONT_SIZE]
    x, y = LEFT, TOP
    previous_y = None
    gap = 0.0
    for line in lines:
        if not line.strip():
            gap += LEADING / 2
            continue
        if previous_y is None:
            ops.append(b"%d %d Td" % (x, y))
            previous_y = y
        else:
            step = LEADING + gap
            previous_y -= step
            ops.append(b"0 %s Td" % format_number(-step))
        gap = 0.0
        if previous_y < BOTTOM:
            raise SystemExit(f"page overflows: {line!r} would be drawn at y={previous_y}")
        ops.append(shown(line))
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def shown(line: str) -> bytes:
    """The operator drawing one line: its words kerned apart where it holds GAP_WITHOUT_SPACE."""
    if GAP_WITHOUT_SPACE not in line:
        return pdf_string(line) + b" Tj"
    parts = [pdf_string(part) for part in line.split(GAP_WITHOUT_SPACE)]
    return b"[" + (b" -%d " % KERNED_GAP).join(parts) + b"] TJ"


def letter_pdf(lines: list[str]) -> bytes:
    """An unencrypted PDF of a letter's lines, starting a new page wherever one is full."""
    pages: list[list[str]] = [[]]
    height = 0.0
    for line in lines:
        step = LEADING / 2 if not line.strip() else LEADING
        if height + step > TOP - BOTTOM and line.strip():
            pages.append([])
            height = 0.0
        pages[-1].append(line)
        height += step
    return build_pdf([text_stream(page) for page in pages], with_font=True)


def format_number(value: float) -> bytes:
    return (b"%d" % value) if value == int(value) else (b"%.1f" % value)


def rectangle_stream() -> bytes:
    """A grey frame and a filled box, as on a scanned page: no text operators at all."""
    return b"q 0.6 G 2 w 72 72 468 648 re S 0.9 g 108 600 396 96 re f Q\n"


def build_pdf(page_streams: list[bytes], with_font: bool) -> bytes:
    """A minimal PDF file: catalog, page tree, optional Helvetica font, one object per page
    and per content stream (deflated), a classic xref table and trailer."""
    objects: list[bytes] = []  # objects[i] is object number i + 1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages = add(b"")
    resources = b"<< >>"
    if with_font:
        font = add(
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        )
        resources = b"<< /Font << /F1 %d 0 R >> >>" % font
    kids = []
    for stream in page_streams:
        data = zlib.compress(stream, 9)
        contents = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s"
                b" /Contents %d 0 R >>" % (pages, PAGE_WIDTH, PAGE_HEIGHT, resources, contents)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


@contextlib.contextmanager
def seeded_token_bytes(seed: str) -> Iterator[None]:
    """Make `secrets.token_bytes` (used by pypdf for the /ID and the AES IVs) deterministic."""
    counter = 0
    original = secrets.token_bytes

    def token_bytes(nbytes: int | None = None) -> bytes:
        nonlocal counter
        out = b""
        while len(out) < (nbytes or 32):
            counter += 1
            out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        return out[: nbytes or 32]

    secrets.token_bytes = token_bytes
    try:
        yield
    finally:
        secrets.token_bytes = original


def encrypt(plain: bytes, user_password: str, seed: str) -> bytes:
    # pypdf is imported where it is used: the tests draw PDFs with the functions above and do not
    # install it.
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions

    with seeded_token_bytes(seed):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
        writer.pdf_header = "%PDF-1.6"  # AES needs PDF 1.6; the state's letters say 1.6 too
        writer.encrypt(
            user_password=user_password,
            owner_password=OWNER_PASSWORD,
            algorithm="AES-128",
            permissions_flag=UserAccessPermissions(STATE_PERMISSIONS),
        )
        buffer = io.BytesIO()
        writer.write(buffer)
    return buffer.getvalue()


def letter_pages(text: str) -> list[list[str]]:
    """Split letter.txt at its EMPTY lines (page breaks); drop the line ends."""
    pages: list[list[str]] = [[]]
    for line in text.removesuffix("\n").split("\n"):
        if line == "":
            pages.append([])
        else:
            pages[-1].append(line)
    return pages


def check(path: Path, password: str, expect_text: str | None) -> None:
    """Re-open a written fixture with pypdf: it must decrypt and hold (or lack) the text."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    assert reader.is_encrypted, path
    if password:
        assert not PdfReader(path).decrypt(""), f"{path.name}: opens without its password"
    assert reader.decrypt(password), f"{path.name}: password {password!r} refused"
    text = "".join(page.extract_text() for page in reader.pages)
    if expect_text is None:
        assert not text.strip(), f"{path.name}: unexpected text {text[:60]!r}"
    else:
        assert expect_text in text, f"{path.name}: {expect_text!r} not found"
    size = path.stat().st_size
    assert size < MAX_FIXTURE_BYTES, f"{path.name} is {size} bytes"
    print(f"wrote {path.relative_to(HERE.parents[2])}: {size} bytes, {len(reader.pages)} page(s)")


def main() -> int:
    pages = letter_pages(LETTER.read_text(encoding="utf-8"))
    if len(pages) != 2:
        raise SystemExit(
            f"{LETTER.name}: expected one page break (an empty line), found {len(pages) - 1}"
        )
    first, second = ("\n".join(lines) for lines in pages)
    if first.count("Decision rationale:") != 2 or "guideline:" in second:
        raise SystemExit(f"{LETTER.name}: the page break must fall inside the second rationale")
    letter = build_pdf([text_stream(lines) for lines in pages], with_font=True)
    scan = build_pdf([rectangle_stream()], with_font=False)

    outputs = {
        "letter_aes.pdf": (letter, "", "Case Number: CM16-9999001"),
        "password.pdf": (letter, USER_PASSWORD, "Case Number: CM16-9999001"),
        "scanned.pdf": (scan, "", None),
    }
    for name, (plain, password, expect_text) in outputs.items():
        path = HERE / name
        path.write_bytes(encrypt(plain, password, seed=name))
        check(path, password, expect_text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
