"""Hostile files for tests and benchmarks: what an archive of letters may hold that would stop a
run that trusts its input. Not a pipeline stage: nothing in the pipeline imports this module.
"""

from __future__ import annotations

import zlib

# One filled square, drawn again and again: PDFium keeps each drawing as an object of its own of a
# few hundred bytes, so a page of them takes many times its content in memory (64 MiB of content
# took 1.8 GB and 8 s to read here), where a page of spaces costs no more than its content.
SQUARE = b"0 0 1 1 re f\n"


def decompression_bomb_pdf(inflated_mib: int, copies: int = 16) -> bytes:
    """A PDF of one page, a few kilobytes, whose content inflates to `inflated_mib` MiB of drawing
    operators: one Flate stream of `inflated_mib / copies` MiB, which the page draws `copies`
    times. A well-formed file: PDFium opens it at once, and runs out of memory reading its text."""
    stream_bytes = inflated_mib * 2**20 // copies
    block = SQUARE * (2**20 // len(SQUARE))
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(block) for _ in range(stream_bytes // len(block)))
    packed += packer.flush()
    contents = b" ".join(b"4 0 R" for _ in range(copies))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + contents + b"] >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table_at = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % table_at
    return bytes(pdf)
