"""A steroid injection of a joint already given, and whether it helped: ODG keeps hyaluronic acid
and PRP at the knee for patients in whom aspiration and a steroid injection have failed
(odg.knee.hyaluronic_acid, odg.prp). Read of the part the clause names (`parts`), so that a
failed shoulder injection says nothing of the knee. An injection planned or asked for is none
given.
"""

from __future__ import annotations

import re

from engine.facts.mentions import lasted_briefly
from engine.facts.parts import add_of_part
from engine.facts.sentences import Reader
from engine.negation import Status

_INJECTION_WORDS = frozenset(
    ["cortisone", "corticosteroid", "steroid", "steroids", "kenalog", "depo", "depomedrol",
     "intra", "intraarticular", "aspiration", "csi", "csis", "injected", "triamcinolone",
     "methylprednisolone", "betamethasone", "celestone"]
)  # fmt: skip
# "CSI" is the orthopaedic notes' abbreviation for a corticosteroid injection; a "shot" is the
# patient's word for one.
_INJECTION = re.compile(
    r"\b(?:(?:cortisone|corticosteroid|steroid|kenalog|depo-?medrol|intra-?articular|triamcinolone|"
    r"methylprednisolone|betamethasone|celestone)\s+"
    r"(?:\w+\s+)?(?:injections?|shots?)|injections?\s+of\s+(?:cortisone|corticosteroids?|steroids?)|"
    r"csis?|"
    r"aspiration(?:\s+and\s+(?:\w+\s+)?injections?)?|"
    # Told by the verb: "R knee aspirated (20 cc) and injected with Kenalog 10/18/16".
    r"injected\s+with\s+(?:a\s+)?(?:cortisone|kenalog|depo-?medrol|triamcinolone|"
    r"methylprednisolone|(?:cortico)?steroids?))\b",
    re.I | re.ASCII,
)
# A steroid injected at the spine is no joint injection: "epidural steroid injection".
_SPINAL_BEFORE = re.compile(
    r"\b(?:epidural|transforaminal|interlaminar|caudal|facet|trigger\s+point|nerve\s+root|"
    r"selective|lumbar|cervical|thoracic|spinal)\W+(?:\w+\W+)?$",
    re.I | re.ASCII,
)
# It did not help, or not for long.
_FAILED = re.compile(
    r"\b(?:no|minimal|little|temporary|transient|short[\s-]?(?:lived|term)|brief)\s+(?:pain\s+)?"
    r"(?:relief|improvement|benefit|help)|\bdid\s+not\s+(?:help|improve|provide|give)|"
    r"\bnot\s+(?:helpful|effective|beneficial)|\b(?:failed|ineffective|unsuccessful|wore\s+off)\b|"
    r"\bwithout\s+(?:lasting\s+|significant\s+|any\s+)?(?:relief|improvement|benefit)|"
    r"\bonly\s+temporar(?:y|ily)|"
    # Relief that ended: "about three weeks of relief, then back to baseline".
    r"\b(?:back|returned|returning)\s+to\s+(?:(?:his|her|the)\s+)?baseline\b|"
    # Or back to a score: "relief about three weeks per diary, then back to 7/10".
    r"\bthen\s+back\s+(?:up\s+)?to\s+\d{1,2}\s*/\s*10\b|"
    r"\b(?:pain|symptoms|swelling)(?:\s+and\s+(?:pain|swelling|stiffness))?\s+(?:returned|recurred|"
    r"came\s+back)\b",
    re.I | re.ASCII,
)
# A few days or weeks of relief, said to be all it gave, in the injection's own clause after it:
# "each with only three to four weeks of relief" (not another injection's before it).
_ONLY_WEEKS = re.compile(
    r"[^;]{0,60}?\bonly\s+(?:about\s+)?(?:a\s+few|\w+(?:\s*(?:to|-)\s*\w+)?)\s+(?:days?|weeks?)\s+"
    r"of\s+(?:relief|improvement|benefit)\b"
    # The same with "only" last: "Kenalog 40 mg, relief about three weeks only" (not another
    # care's: "80% relief, physical therapy improvement two weeks only").
    r"|(?:(?!\b(?:pt|physical\s+therapy|therapy|chiro\w*|acupuncture|ice|heat|brace|bracing|"
    r"nsaids?|naproxen|ibuprofen|massage|exercises?)\b)[^;]){0,60}?"
    r"\brelief\s+(?:(?:for|lasting|of)\s+)?(?:about\s+|approximately\s+)?"
    r"(?:a\s+few|\w+(?:\s*(?:to|-)\s*\w+)?)\s+(?:days?|weeks?)\s+only\b",
    re.I | re.ASCII,
)
# It helped, lastingly.
_HELPED = re.compile(
    r"\b(?:significant|good|excellent|lasting|sustained|complete|\d{2,3}\s*%)\s+(?:pain\s+)?"
    r"(?:relief|improvement|benefit)|\b(?:helped|resolved)\b",
    re.I | re.ASCII,
)


def steroid_injections(reader: Reader) -> None:
    """A steroid injection (or aspiration) of a joint given: failed, helped, or none given."""
    words = reader.words
    if _INJECTION_WORDS.isdisjoint(words) or reader.ur_decision:
        return
    if reader.asks or reader.planned:
        return
    text = reader.text
    for found in _INJECTION.finditer(text):
        start, end = found.span()
        if _SPINAL_BEFORE.search(text, max(0, start - 40), start):
            continue
        status = reader.status_at(start, end)
        if status is Status.ABSENT:
            add_of_part(reader, "failed_steroid_injection", False, start, end)
        elif status is not Status.POSSIBLE:
            helped = _HELPED.search(text)
            # Help that lasted only days ("helped for about ten days") is the short-lived relief
            # the guideline does not repeat an injection for.
            if (
                _FAILED.search(text)
                or _ONLY_WEEKS.match(text, end)
                or (
                    helped
                    and helped[0].lower() == "helped"
                    and lasted_briefly(reader, helped.end())
                )
            ):
                add_of_part(reader, "failed_steroid_injection", True, start, end)
            elif helped:
                add_of_part(reader, "failed_steroid_injection", False, start, end)
