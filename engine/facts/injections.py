"""Injections already given, per kind (epidural, facet or medial branch, trigger point,
radiofrequency neurotomy): how
many, the relief the last gave in percent and in weeks, and whether pain medication went down
after it, which the criteria for repeating an injection ask (mtus.cp2009.esi.7_repeat: >= 50 %
relief with less medication for 6-8 weeks). Read as `~injection:KIND:FACT` and given to the items
asking for an injection of that kind (`item.request_facts`).
"""

from __future__ import annotations

import re
from datetime import timedelta

from engine.facts.figures import ARROW, DATE, date_at, holds_date, weeks_in
from engine.facts.follow_ups import Anaphor
from engine.facts.sentences import Reader, Reading

INJECTION = "~injection:"
# "RFA" is as often the Request for Authorization form: not where the words after it say so ("RFA
# submitted", "RFA form").
_RFA = (
    r"rfa(?!\s+(?:form|submitted|sent|filed|received|pending|was\s+(?:submitted|sent|filed|"
    r"received))\b)"
)
# The request's subtype -> how the record names that kind of injection.
KINDS = {
    "epidural": re.compile(
        r"\b(?:epidurals?|esis?|tfesis?|ilesis?|lesis?|cesis?|transforaminal|interlaminar|caudal)\b",
        re.I | re.ASCII,
    ),
    "facet": re.compile(r"\b(?:facet|medial\s+branch|mbbs?)\b", re.I | re.ASCII),
    "trigger_point": re.compile(r"\b(?:trigger\s+points?|tpis?)\b", re.I | re.ASCII),
    # A repeat neurotomy is judged by the relief the last one gave (odg.facet.rf_neurotomy).
    "radiofrequency": re.compile(
        rf"\b(?:radiofrequency|{_RFA}|rf\s+ablation|neurotom(?:y|ies)|rhizotom(?:y|ies))\b",
        re.I | re.ASCII,
    ),
}
_FIRST_WORDS = frozenset(
    ["epidural", "epidurals", "esi", "esis", "tfesi", "tfesis", "ilesi", "ilesis", "lesi", "lesis",
     "cesi", "cesis", "transforaminal", "interlaminar",
     "caudal", "facet", "medial", "mbb", "mbbs", "trigger", "tpi", "tpis", "radiofrequency",
     "rfa", "rf", "neurotomy", "neurotomies", "rhizotomy", "rhizotomies"]
)  # fmt: skip
_BLOCK = re.compile(r"\b(?:medial\s+branch|mbbs?)\b", re.I | re.ASCII)
_INJECTED = re.compile(
    rf"\b(?:injections?|blocks?|esis?|tfesis?|ilesis?|lesis?|cesis?|mbbs?|tpis?|{_RFA}|ablations?|neurotom(?:y|ies)|"
    r"rhizotom(?:y|ies))\b",
    re.I | re.ASCII,
)
# "50% relief", "60-70 percent improvement": the upper figure of a range; a figure quoted as the
# patient gave it ('"maybe 30 percent" relief').
_RELIEF = re.compile(
    r"\b(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*(?:%|percent)[\"']?\s*(?:of\s+)?"
    # The pain by where it is: "about 70% leg pain relief".
    r"(?:(?:(?:leg|arm|back|neck|low\s+back|radicular|radiating)\s+)?pain\s+)?"
    r"(?:relief|improvement|reduction|decrease|better"
    # "about thirty percent less leg pain".
    r"|(?:less|lower)\s+(?:(?:leg|arm|back|neck|low\s+back|radicular|radiating)\s+)?pain)",
    re.I | re.ASCII,
)
# The relief named first, its share after: "relief holding at about 75%", "relief was still
# 50-60%".
# (A hedge in quotes between: 'the leg relief was "better than half, maybe 60 percent"'.)
_RELIEF_NAMED_FIRST = re.compile(
    r"\brelief\s+(?:(?:was|is|remained|remains|still|holding|held|at|of|about|around|"
    r"approximately)\s+){0,4}(?:[\"'](?:(?!\b(?:under|less|not|below|barely|nowhere)\b)[^\"'.;%\d]){0,30}?)?"
    r"~?\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*"
    r"(?:%|percent)",
    re.I | re.ASCII,
)
# How long after the injection a report tells the relief still held or the pain come back: "more
# than three months after the injection, relief was still 50-60%"; "about 15 weeks after the
# injection, he reported gradual return of left calf pain".
_WEEKS_AFTER = re.compile(
    r"\b(?:more\s+than\s+|over\s+|about\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?"
    r"(\d{1,2})\s*(weeks?|months?)\s+(?:after|following|post)\s+(?:the\s+|his\s+|her\s+|that\s+)?"
    r"(?:injection|block|procedure|esi|shot)\b",
    re.I | re.ASCII,
)
_HELD_OR_BACK = re.compile(
    r"\b(?:still|holding|held|return\w*|recurr\w*|came\s+back)\b", re.I | re.ASCII
)
# The share after the verb: 'it helped "maybe 30 percent" for about two weeks'.
_HELPED_PERCENT = re.compile(
    # (A hedge between: 'each "helped some," at best about 30%'.)
    r"\b(?:helped|relieved|improved)\W+(?:\w+\W+){0,2}?(?:at\s+best\s+)?(?:about\s+|maybe\s+)?"
    r"(\d{1,3})\s*(?:%|percent)",
    re.I | re.ASCII,
)
# The pain told as down by a share: "leg pain down about 70% for some four months", "pain
# decreased by 60%".
_PAIN_DOWN_PERCENT = re.compile(
    r"\bpain\s+(?:was\s+|went\s+)?(?:down|decreased|reduced|lessened)\s+(?:by\s+)?"
    r"(?:about\s+|approximately\s+|roughly\s+|nearly\s+|~\s*)?(\d{1,3})\s*(?:%|percent)",
    re.I | re.ASCII,
)
# "for 6 weeks", "lasting two months", "x 3 weeks", "lasting through today, ~11 wks", "for
# about ten days" (whole weeks of it); of a range ("for two to three weeks"), its lower figure,
# the least it lasted.
_LASTING = re.compile(
    r"(?:\b(?:for|lasting|lasted|x)\s+(?:about\s+|approximately\s+|over\s+|nearly\s+|roughly\s+|"
    r"around\s+|almost\s+|some\s+)?|~\s*"
    # Or the relief held through a time, then its length: "through the first week of April,
    # roughly twelve weeks".
    r"|\bthrough\s+[^.;,]{3,40},\s*(?:about|approximately|nearly|roughly|around|almost)\s+"
    # Or held until a time, the relief's own verb before it: "holding until roughly 11/14, about
    # nine weeks" (not "PT was on hold until 3/30, about 12 weeks").
    r"|\b(?:held|holding|lasted|lasting)\s+(?:\w+\s+){0,2}?(?:until|till|through)\s+[^.;,]{3,40},\s*"
    r"(?:(?:about|approximately|nearly|roughly|around|almost)\s+)?"
    # Or its length in brackets after the time it held until: "2-3/10 from day three until about
    # the third week of April (roughly nine weeks)".
    r"|\b(?:until|till|through)\s+[^.;()]{3,50}?\(\s*(?:(?:about|approximately|nearly|roughly|"
    r"around|almost)\s+)?)"
    r"(?P<count>\d{1,2})(?:\s*(?:-|to)\s*\d{1,2})?\s*(?P<unit>weeks?|months?|wks?|days?)\b"
    r"(?!\s+ago)",
    re.I | re.ASCII,
)
# The relief as a share in words: "helped 'maybe a third'", "about half better".
_RELIEF_SHARE = re.compile(
    r"\b(?:helped|relief|relieved|improved|improvement|better|reduced|reduction)\b\W+"
    # (a share in words may reach here as figures: "one third" -> "1   third")
    r"(?:\w+\W+){0,3}?(?P<share>a\s+third|(?:one|1)[\s-]+third|half|a\s+quarter|"
    r"(?:one|1)[\s-]+quarter|(?:two|2)[\s-]+thirds)\b"
    # Or the share first: "felt roughly a third better" (not "less than half better").
    r"|(?<!\bthan\s)(?<!\bnot\s)(?<!\bnor\s)\b(?P<share_first>a\s+third|(?:one|1)[\s-]+third|half|a\s+quarter|(?:one|1)[\s-]+quarter|"
    r"(?:two|2)[\s-]+thirds)\s+(?:better|improved)\b",
    re.I | re.ASCII,
)
_SHARES = {"third": 33, "half": 50, "quarter": 25, "thirds": 67}
# A sentence that follows up the injection named before it as "it": "States it helped 'maybe a
# third' for about ten days".
_IT_HELPED = re.compile(
    # ("Per interpreter, pt states 'it helped a little, maybe one third'": the patient's words
    # as the interpreter gives them.)
    r"^\W*(?:per\s+(?:the\s+)?interpreter\W+)?(?:(?:she|he|pt|patient|the\s+patient)\s+)?"
    r"(?:states?|reports?|says|notes?|feels?)?\W*"
    r"(?:that\s+)?it\s+(?:helped|gave|provided|relieved|reduced|lasted|worked|did)\b",
    re.I | re.ASCII,
)
# "arm pain down from 8/10 to 3/10": the relief as the share of the pain taken away.
_SCORE_DROP = re.compile(
    # (A range after it counts by its upper figure: "from 8/10 to 2-3/10".)
    # (And a figure given as about: "from 8/10 to about 6/10".)
    r"\bfrom\s+(10|[1-9])\s*/\s*10\s+to\s+(?:about\s+|around\s+|approximately\s+|~\s*)?"
    r"(?:[0-9]\s*-\s*)?(10|[0-9])\s*/\s*10\b"
    # (The verb between, a figure told with its article: "pain went from an 8 to a 1".)
    r"|\bpain\s+(?:(?:went|came\s+down|dropped|fell)\s+)?(?:from\s+)?(?:an?\s+)?(10|[1-9])\s*"
    rf"(?:/\s*10\s*)?(?:{ARROW}|(?:down\s+)?to)\s*(?:an?\s+)?(?:[0-9]\s*-\s*)?(10|[0-9])\b"
    r"(?!\s*(?:weeks?|days?|months?))"
    # The score before, then the first one after it: "leg pain 7/10 before, 2/10 at the two-week
    # check", "arm pain 8/10 before, 3/10 on 04/03".
    # (Not the anaesthetic's hours: "2/10 at the 30-minute post-procedure check".)
    # ("leg pain 8/10 before; 2-3/10 from day three until ...", a range by its upper figure.)
    r"|\b(10|[1-9])\s*/\s*10\s+before\s*[,;]?\s*(?:[0-9]\s*-\s*)?(10|[0-9])\s*/\s*10\s+"
    r"(?:at|on|after|by|from)\b"
    r"(?![^.;]{0,30}?\b(?:min|mins|minute|minutes|hour|hours|hr|hrs)\b)",
    re.I | re.ASCII,
)
# Injections counted by the dates they were given: "L4-5 interlaminar ESIs 05/2015, 01/2016 and
# 09/2016".
_DATE_GIVEN = r"\d{1,2}/(?:\d{1,2}/\d{2,4}|\d{4})"
_DATED_LIST = re.compile(
    r"\b(?:injections|blocks|esis|tfesis|ilesis|epidurals|mbbs|tpis)\s+(?:on\s+|in\s+|dated\s+)?"
    rf"(?P<dates>{_DATE_GIVEN}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*){_DATE_GIVEN})+)\b",
    re.I | re.ASCII,
)
_COUNT = re.compile(
    # Not a spinal level's number ("L4-5 TFESI").
    r"(?<![-/.\d])\b(\d{1,2})\s+(?:prior\s+|previous\s+)?(?:lumbar\s+|cervical\s+)?(?:epidural|esi|tfesi|"
    r"facet|medial\s+branch|trigger\s+point|tpi|mbb)",
    re.I | re.ASCII,
)
# "decreased Norco", "cut back on her medications", "stopped Norco entirely".
_MEDICATION_DOWN = re.compile(
    r"\b(?:reduc|decreas|lower|cut|less|stopped|discontinued|weaned|tapered)\w*\b[^.;]{0,30}?"
    r"\b(?:medications?|meds|norco|hydrocodone|oxycodone|percocet|tramadol|opioids?|"
    r"narcotics?|analgesics?|tablets|pills|gabapentin|neurontin|lyrica|pregabalin)\b"
    # The drug first: "Norco 10/325 TID stopped 06/20".
    r"|\b(?:norco|hydrocodone|oxycodone|percocet|tramadol|opioids?|narcotics?|medications?|meds|"
    r"gabapentin|neurontin)\b[^.;]{0,25}?\b(?:stopped|discontinued|reduced|decreased|tapered|cut)\b"
    # The dose after it: "after injection down to 1 tab/day".
    r"|\bdown\s+to\s+(?:\d{1,2}|one|two|half\s+a)\s*(?:tabs?|tablets?|pills?)\b"
    # From so many a day to fewer: "he went from four Norco a day to one" (in figures here).
    r"|\bfrom\s+(?P<more>\d{1,2})\s+(?:norco|hydrocodone|oxycodone|percocet|tramadol|tabs?|"
    r"tablets?|pills?)\b[^.;\d]{0,20}?\bto\s+(?P<fewer>\d{1,2}|none)\b"
    # The drug first, then its count a day: "Norco went from 3 a day to 1".
    # (Its strength may come between: "Norco 10/325 went from 4 a day to 1 a day".)
    r"|\b(?:norco|hydrocodone|oxycodone|percocet|tramadol|gabapentin)\s+(?:\d{1,4}(?:/\d{1,4})?\s*(?:mg\s+)?)?"
    r"(?:use\s+)?(?:went|dropped|"
    r"came|fell)\s+(?:down\s+)?from\s+(?P<more_a_day>\d{1,2})\s+(?:a|per)\s+day\s+to\s+"
    r"(?P<fewer_a_day>\d{1,2}|none)\b",
    re.I | re.ASCII,
)
_DOWN_WORDS = frozenset(
    ["cut", "reduced", "reduce", "decreased", "decrease", "lowered", "less", "stopped",
     "discontinued", "weaned", "tapered", "down", "went", "dropped", "fell"]
)  # fmt: skip
# "No change in medication use after the injection", "pain medications unchanged": the
# reduction the repeat criteria ask for, documented as not made.
_MEDICATION_SAME = re.compile(
    r"\bno\s+(?:change|reduction|decrease)\s+in\s+(?:his\s+|her\s+|the\s+)?(?:pain\s+)?"
    r"(?:medications?|medication\s+use|analgesics?|norco|opioids?)\b|"
    r"\b(?:medications?|medication\s+use|analgesic\s+use)\s+(?:(?:was|were|is|are|remained|remains)\s+)?"
    r"unchanged\b|"
    # "Still taking gabapentin and tramadol, same as before injection".
    r"\bsame\s+as\s+before\s+(?:the\s+)?(?:injection|block|shot|procedure|esi)\b",
    re.I | re.ASCII,
)
# A sentence that speaks of "the injection" or "the block" without naming its kind: what it says
# of relief and medication is of the injection the sentence before it names.
_FOLLOW_UP_WORDS = frozenset(["injection", "block", "shot", "procedure"])
# "Since then arm pain down from 8/10 to 3/10": the time after the injection just named.
_SINCE_THEN = re.compile(
    r"^\W*(?:since\s+then|since\s+that|after\s+that|afterwards?|following\s+that|"
    r"post[\s-]?injection)\b",
    re.I | re.ASCII,
)
# The words `_SINCE_THEN` starts with: most sentences hold none, and are not matched.
_SINCE_WORDS = frozenset(
    ["since", "after", "afterward", "afterwards", "following", "post", "postinjection"]
)
FOLLOW_UP = f"{INJECTION}?:"
# Care other than an injection, whose relief a sentence may tell without naming an injection
# ("30% relief with physical therapy"; not "60% reduction in arm pain, gabapentin reduced").
_OTHER_CARE_WORDS = frozenset(
    ["therapy", "pt", "physiotherapy", "chiropractic", "chiro", "acupuncture", "massage", "tens",
     "medication", "medications", "meds", "surgery", "brace", "splint", "exercises", "program",
     "norco", "tramadol", "gabapentin", "naproxen", "ibuprofen", "nsaids", "opioids"]
)  # fmt: skip
# The relief given to that care: "with physical therapy", "from the Norco".
_CREDITED_TO_CARE = re.compile(
    r"\b(?:with|from|on|using|by|of)\s+(?:(?:the|her|his|a|an|more|daily)\s+)?(?:physical\s+)?"
    rf"(?:{'|'.join(sorted(_OTHER_CARE_WORDS, key=len, reverse=True))})\b",
    re.I | re.ASCII,
)


# "Pt" as the patient, telling: "Per interpreter, pt states 'it helped a little'".
_PATIENT_TELLS = re.compile(
    r"\bpt\s+(?:states?|stated|reports?|reported|says|said|notes?|noted|feels?|felt|is|was|has|had)\b",
    re.I | re.ASCII,
)


def other_care_named(reader: Reader) -> bool:
    """Whether the sentence names care other than an injection ("PT afterward left him half
    better"), "pt" as the patient telling aside."""
    other = _OTHER_CARE_WORDS & reader.words
    if other == {"pt"} and _PATIENT_TELLS.search(reader.text):
        return False
    return bool(other)


def credited_to_other_care(reader: Reader) -> bool:
    """Whether the sentence gives its relief to care other than an injection."""
    return not _OTHER_CARE_WORDS.isdisjoint(reader.words) and (
        _CREDITED_TO_CARE.search(reader.text) is not None
    )


_VISIT_AFTER_WORDS = frozenset(["follow", "followup", "visit", "recheck"])
_VISIT_AFTER = re.compile(
    r"^\W*(?:at|on|during)\s+(?:the|a|his|her)\s+(?:\w+\s+)?follow[\s-]?up\b"
    # The visit by its date: "At the 08/28/2017 visit she reported her leg pain went from 8/10 to
    # about 6/10 for roughly ten days".
    r"|^\W*(?:at|on|during)\s+(?:the|a|his|her)\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+(?:visit|recheck)\b"
    # The follow-up as a heading: "Follow-up notes: arm pain 8/10 before, 3/10 on 04/03".
    r"|^\W*follow[\s-]?up(?:\s+(?:notes?|visits?))?\s*:",
    re.I | re.ASCII,
)
# "No prior ESI", "has never had an epidural injection", "no previous injections", "never had a
# medial branch block", "no diagnostic blocks": up to two words name the kind, never words of an
# outcome ("no relief from the block" says a block was given), nor of others than the one named
# ("TFESI 01/12/2017 -> 65% relief ...; no other injections": that one was given).
_NONE = re.compile(
    r"\b(?:no|never\s+had|not\s+had|never\s+undergone|not\s+undergone)\s+(?:an?\s+|any\s+)?"
    r"(?:prior\s+|previous\s+)?(?:(?!relief\b|benefit\b|improvement\b|response\b|change\b|"
    r"from\b|with\b|after\b|since\b|other\b|further\b|additional\b|more\b)\w+\s+){0,2}?"
    r"(?:injections?|blocks?|esis?|tfesis?|epidurals?|mbbs?|tpis?|rfas?|ablations?|neurotom(?:y|ies)|"
    r"rhizotom(?:y|ies))\b",
    re.I | re.ASCII,
)
# The words of a sentence that may deny injections of every kind at once.
_ANY_KIND_WORDS = frozenset(["injections", "injection", "blocks", "block"])


# An injection judged, not told as given: "ESI is not supported", "an epidural is indicated"
# (a sentence with no figure in it and no word of one given: "two ESIs last year with only
# brief relief; a repeat is warranted" tells of them).
_GIVEN_WORDS = frozenset(
    ["had", "has", "received", "underwent", "gave", "given", "performed", "prior", "previous",
     "last", "relief", "helped", "ago", "earlier", "before", "repeat", "another", "again"]
)  # fmt: skip
_JUDGED = re.compile(
    r"\b(?:is|are|would\s+be|was|were)\s+(?:not\s+|now\s+)?(?:medically\s+)?(?:supported|"
    r"indicated|warranted|appropriate|necessary|recommended|reasonable|justified)\b",
    re.I | re.ASCII,
)


# Who is to do the injection, as notes hand it on: "Dr. Nakamura (pain) to do a single-level L S1
# TFESI", "pain management to perform an ESI" (not "too much pain to do the stairs").
_TO_DO = re.compile(
    r"\b(?:dr\.?\s+[a-z][\w'-]*|pain\s+(?:management|mgmt|medicine|clinic|service)|"
    r"ortho(?:pedics|paedics)?|surgeon|neurosurgery|physiatry|radiology)\s*(?:\([^)]*\)\s*)?"
    r"to\s+(?:do|perform|place|administer|give|inject)\s+(?:an?|the|one|single|repeat|bilateral|left|right)\b",
    re.I | re.ASCII,
)


# An injection told by what it is meant to do: "single-level ESI to let him progress the HEP",
# "an injection to allow participation in therapy".
_FOR_WHAT_IT_WILL_DO = re.compile(
    r"\b(?:injections?|blocks?|esis?|tfesis?|ilesis?|epidurals?)\s+to\s+(?:let|help|allow|enable|"
    r"facilitate|permit|get)\b",
    re.I | re.ASCII,
)


def injections_given(reader: Reader) -> None:
    """What a sentence says of injections given: never what is requested or planned, nor one
    only judged."""
    words = reader.words
    if reader.asks or reader.planned:
        return
    if (
        "to" in words
        and words.isdisjoint(_GIVEN_WORDS)
        and (
            _TO_DO.search(reader.text)
            # (Not one dated: "L5 TFESI to help with PT on 10/01/2026".)
            or (not holds_date(reader.text) and _FOR_WHAT_IT_WILL_DO.search(reader.text))
        )
    ):
        return  # one handed on to be done, or told by what it is to do, with no word of one given
    if not reader.has_digit and words.isdisjoint(_GIVEN_WORDS) and _JUDGED.search(reader.text):
        return
    if _FIRST_WORDS.isdisjoint(words):
        # "No prior injections", "no diagnostic blocks": none of any kind.
        none = _NONE.search(reader.text) if not _ANY_KIND_WORDS.isdisjoint(words) else None
        if none:
            for kind in KINDS:
                reader.add(f"{INJECTION}{kind}:prior_injections", 0, *none.span())
        elif (
            not _FOLLOW_UP_WORDS.isdisjoint(words)
            or (not _SINCE_WORDS.isdisjoint(words) and _SINCE_THEN.search(reader.text))
            or ("it" in words and _IT_HELPED.search(reader.text))
            # The visit after it: "At the follow-up on 03/09/2017 the injured worker reported
            # 80% relief of his leg pain".
            or (
                not _VISIT_AFTER_WORDS.isdisjoint(words)
                and _VISIT_AFTER.search(reader.text)
                and not credited_to_other_care(reader)
            )
            # The relief told right after the injection, naming no other care: "I performed an
            # L4-5 ESI on 08/30. She reports about thirty percent less leg pain for ten days".
            # Or the scores before it and after, naming no other care: "Pain diary brought in: leg
            # pain 8/10 before; 2-3/10 from day three until about the third week of April".
            or (
                "before" in words
                and _SCORE_DROP.search(reader.figures) is not None
                and not credited_to_other_care(reader)
            )
            or (
                ("%" in reader.text or "percent" in words)
                and not credited_to_other_care(reader)
                and (
                    _RELIEF.search(reader.figures) is not None
                    or _RELIEF_NAMED_FIRST.search(reader.figures) is not None
                )
            )
        ):
            outcome(reader, reader.figures, FOLLOW_UP)
        elif not _DOWN_WORDS.isdisjoint(words):
            # "Cut Norco from 4 a day to 1" told just after the injection is what followed it.
            down = medication_down(reader.text)
            if down:
                reader.add(f"{FOLLOW_UP}medication_reduced_after_injection", True, *down.span())
        return
    text = reader.figures
    # A sentence of a diagnostic block and a neurotomy gives the relief to the block ("medial
    # branch blocks gave 80% relief; no prior RFA"); a "facet rhizotomy" is a neurotomy.
    neurotomy = KINDS["radiofrequency"].search(text) is not None
    block = _BLOCK.search(text) is not None
    none = _NONE.search(text)
    # "No prior ESI" names its kind; "no previous injections" names none, and is said of all.
    none_of_any = none is not None and not any(k.search(none[0]) for k in KINDS.values())
    for kind, named in KINDS.items():
        at = named.search(text)
        if at is None or not _INJECTED.search(text):
            continue
        if (kind == "facet" and neurotomy and not block) or (kind == "radiofrequency" and block):
            continue
        if none is not None and (none_of_any or named.search(none[0])):
            reader.add(f"{INJECTION}{kind}:prior_injections", 0, *at.span())
            continue
        count = _COUNT.search(text)
        dated = None if count else _DATED_LIST.search(text)
        given = (
            int(count[1]) if count else len(re.findall(_DATE_GIVEN, dated["dates"])) if dated else 1
        )
        reader.add(f"{INJECTION}{kind}:prior_injections", given, *at.span())
        outcome(reader, text, f"{INJECTION}{kind}:")


# The relief told to the day it lasted, after the injection's own date: "ILESI 10/25/2016: leg
# pain 8/10 -> 2/10 ... from the first week through about 01/10/17".
_DATED = re.compile(rf"(?:{DATE})", re.I | re.ASCII)
# (Not another care's span told after the relief: "75% relief; PT from 11/01 through 12/15".)
_OTHER_SPAN = re.compile(
    r";|\b(?:pt|therapy|physical|chiro\w*|acupuncture|visits?|sessions?|work|duty|off|ttd)\b",
    re.I | re.ASCII,
)
_UNTIL = re.compile(
    r"\b(?:through|thru|until|till)\s+(?:about\s+|approximately\s+|around\s+|~\s*)?(?=\d)",
    re.I | re.ASCII,
)
_AGO = re.compile(r"(\d{1,2})\s*(weeks?|wks?|months?|mos?)\s+ago\b", re.I | re.ASCII)


def relief_until(reader: Reader, text: str, after: int) -> tuple[int, int, int] | None:
    """The weeks an injection's relief lasted, from its date to the date it is said to have held
    until (after the relief's words at `after`), with where that is told."""
    until = _UNTIL.search(text, after)
    given = _DATED.search(text, 0, after)
    if until is None or given is None or _OTHER_SPAN.search(text, after, until.start()):
        return None
    told_on = reader.sentence.told_on
    start = date_at(text, given.start(), told_on)
    end = date_at(text, until.end(), told_on)
    if end is None and told_on is not None and (ago := _AGO.match(text, until.end())):
        # Until a time before the note: "from mid-July until 2 wks ago".
        end = told_on - timedelta(weeks=weeks_in(int(ago[1]), ago[2])), ago.end()
    if start is None or end is None:
        return None
    days = (end[0] - start[0]).days
    if not 7 <= days <= 730:
        return None
    return days // 7, until.start(), end[1]


def outcome(reader: Reader, text: str, prefix: str) -> None:
    """The relief an injection gave, how long it lasted, and whether pain medication went down."""
    relief = (
        _RELIEF.search(text)
        or _RELIEF_NAMED_FIRST.search(text)
        or _HELPED_PERCENT.search(text)
        # (Not a fall the sentence gives to other care: "with Norco, pain reduced by 50%".)
        or (None if credited_to_other_care(reader) else _PAIN_DOWN_PERCENT.search(text))
    )
    # (Not a fall the sentence gives to other care: "after starting gabapentin her leg pain went
    # from an 8 to a 3".)
    drop = None if relief or credited_to_other_care(reader) else _SCORE_DROP.search(text)
    # (A share told of other care the sentence names is that care's: "PT afterward left him half
    # better".)
    share = None if relief or drop else _RELIEF_SHARE.search(text)
    if share is not None and share["share_first"] and other_care_named(reader):
        share = None
    if relief or drop or share:
        if relief:
            upper = relief.groups()[1] if relief.re.groups > 1 else None
            percent, at = int(upper or relief[1]), relief.span()
        elif drop:
            before = int(drop[1] or drop[3] or drop[5])
            after = int(drop[2] or drop[4] or drop[6])
            percent, at = max(0, round(100 * (before - after) / before)), drop.span()
        else:
            assert share is not None
            told = share["share"] or share["share_first"]
            percent, at = _SHARES[told.split()[-1].split("-")[-1].lower()], share.span()
        if percent <= 100:
            reader.add(f"{prefix}prior_injection_relief_percent", percent, *at)
        lasting = _LASTING.search(text)
        if lasting:
            count, unit = int(lasting["count"]), lasting["unit"]
            weeks = count // 7 if unit.lower().startswith("d") else weeks_in(count, unit)
            reader.add(f"{prefix}prior_injection_relief_weeks", weeks, *lasting.span())
        elif (held := relief_until(reader, text, at[1])) is not None:
            reader.add(f"{prefix}prior_injection_relief_weeks", held[0], held[1], held[2])
    after = _WEEKS_AFTER.search(text)
    if after and (relief or _HELD_OR_BACK.search(text)):
        # The relief held that long at least, or until about then.
        weeks = weeks_in(int(after[1]), after[2])
        reader.add(f"{prefix}prior_injection_relief_weeks", weeks, *after.span())
    down = medication_down(text)
    same = _MEDICATION_SAME.search(text)
    if same:
        reader.add(f"{prefix}medication_reduced_after_injection", False, *same.span())
    elif down:
        reader.add(f"{prefix}medication_reduced_after_injection", True, *down.span())


def medication_down(text: str) -> re.Match[str] | None:
    """Where the text tells pain medication cut down: a count that went from more to fewer."""
    for down in _MEDICATION_DOWN.finditer(text):
        fewer = down["fewer"] or down["fewer_a_day"]
        more = down["more"] or down["more_a_day"]
        if fewer is None or fewer == "none" or int(fewer) < int(more):
            return down
    return None


def named_injections(readings: list[Reading]) -> set[str]:
    """The kinds of injection a sentence's readings say were given."""
    return {
        r.name.split(":")[1]
        for r in readings
        if r.name.startswith(INJECTION) and r.name.endswith(":prior_injections") and r.value
    }


# What a sentence says of "the injection" is of the kind named just before it.
INJECTION_FOLLOW_UP = Anaphor(
    FOLLOW_UP, named_injections, lambda kind, fact: f"{INJECTION}{kind}:{fact}"
)
