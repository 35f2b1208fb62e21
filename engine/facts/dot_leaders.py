"""A printed record's dot leaders, the run of dots a form or an electronic record sets between a
label and its value ("Chiropractic ........ 20", "L knee arthroscopy .... NON-CERTIFIED by UR
06/06/17"). The dots would end sentences there and part the label from its value; they are read
as the colon they stand for. An ellipsis of three dots, as prose writes it, is left alone.

Only for a note read whole: places in the text move.
"""

from __future__ import annotations

import re

# Four dots or more between the label and the value on one line, with the spaces around them.
_LEADER = re.compile(r"(?<=\S)[ \t]*\.{4,}[ \t.]*(?=[^\s.])")


def leaders_as_colons(text: str) -> str:
    """The text with each dot leader between a label and its value read as a colon."""
    if "...." not in text:
        return text
    return _LEADER.sub(": ", text)
