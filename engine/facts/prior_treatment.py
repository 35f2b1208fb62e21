"""What the record says of therapy already given: visits done per therapy ("8 sessions of
physical therapy", "no prior chiropractic") and visits authorized but not yet attended, which
the guidelines' visit limits count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from engine.caseless import Caseless
from engine.facts.figures import (
    DATE,
    MONTHS,
    ORDINAL_DAYS,
    date_at,
    date_of,
    first_date_after,
    latest_on_or_before,
    weeks_in,
    with_figures,
)
from engine.facts.findings import GatedPattern
from engine.facts.follow_ups import Anaphor
from engine.facts.model import GIVEN, NAMED, PER, POSTSURGICAL_THERAPIES
from engine.facts.sentences import AUTHORIZED_ASIDE, AUTHORIZED_WORD, DONE_WORDS, Reader, Reading
from engine.negation import Status

MODALITIES = {
    name: pattern.replace(" ", r"\s+")  # a line may end inside the therapy's name
    for name, pattern in {
        # (Not a psychologist's "cognitive behavioral therapy", counted apart below.)
        # ("No physical or occupational therapy on this claim": both named with one noun.)
        "prior_pt_visits": r"physical (?:or|and) occupational therapy|physical therapy|physiotherapy|pt"
        r"|(?:ot )?hand[ -]therapy|occupational therapy|ot"
        # (A physical therapist's vestibular rehabilitation: "4 vestibular visits".)
        r"|vestibular(?: physical therapy| therapy| rehab| rehabilitation| pt)?"
        r"|(?<!behavioral[ ])(?<!behavioural[ ])(?<!massage[ ])therapy",
        # Occupational therapy counted apart as well: the Labor Code caps each discipline on
        # its own (24 OT visits beside 24 PT), so "24 PT visits; OT 0 visits on this claim"
        # leaves a first OT course. (Read with the count above, which the physical medicine
        # guidelines take for both.)
        # (Hand therapy as well, an occupational therapist's: "Eight OT hand-therapy visits".)
        "prior_ot_visits": r"physical (?:or|and) occupational therapy|(?:ot )?hand[ -]therapy"
        r"|occupational therapy|ot",
        # "6 aquatic visits done", "8 aquatic PT sessions".
        "prior_aquatic_visits": r"aquatic(?: physical therapy| therapy| pt| exercise)?"
        r"|aqua(?: therapy| pt)?|pool therapy|pool pt",
        # "CMT": chiropractic manipulative treatment, as chiropractors chart it.
        "prior_chiropractic_visits": r"chiro(?:practic)?(?: therapy| treatment| tx| care| manipulation)?"
        # "Completed six manipulation visits": manipulation counted in visits is the
        # chiropractor's care (not "manipulation under anesthesia").
        r"|chiropractor|cmt|(?:spinal )?manipulation(?= (?:visits|sessions|treatments))",
        # ("No prior acu": the shorthand.)
        "prior_acupuncture_visits": r"acupuncture|acupuncturist(?:'s)?|acu(?![a-z])",
        "prior_massage_visits": r"massage(?: therapy)?",
        # A psychologist's sessions: "4 of 4 authorized individual CBT sessions", "six sessions
        # of psychotherapy", "CBT x 6".
        "prior_psychotherapy_visits": r"(?:individual |group )?(?:cbt|cognitive behaviou?ral "
        r"(?:therapy|treatment)|psychotherapy|psychological treatment)",
        # Therapy after a surgery ("6 post-op PT visits"): the postsurgical schedule counts
        # these apart, and the 24-visit cap leaves them out.
        "postsurgical_visits_completed": r"(?:post[\s-]?op(?:erative)?|post[\s-]?surgical)"
        r"(?: physical therapy| pt| occupational therapy| ot| therapy| rehab| rehabilitation)?",
    }.items()
}
_UNITS = r"(?:sessions?|visits?|treatments?|tx)"
_RECORDS_SHOW_WORDS = frozenset(["show", "shows", "showed", "document", "documents", "documented"])
# A therapy's records counting the visits given: "notes show", "log documents".
_RECORDS_SHOW = (
    r"(?:notes?|records?|logs?|ledger)\s+(?:show|shows|showed|document|documents|documented|list|"
    r"lists|confirm|confirms)"
)
# "formal PT", "supervised physical therapy": the same therapy, said to be given by a therapist
# ("land-based PT": on land, as against in a pool; "22 non-surgical PT visits": before or apart
# from a surgery's course).
_KIND = (
    r"(?:(?:formal|supervised|skilled|outpatient|in[\s-]?office|land(?:[\s-]based)?|"
    r"non[\s-]?(?:surgical|operative))\s+)"
)
# The therapies a list can name before the one read: "no formal PT or chiro on this claim".
_ANY_THERAPY = (
    r"(?:physical\s+therapy|physiotherapy|pt|occupational\s+therapy|ot|chiro(?:practic)?|"
    r"chiropractor|acupuncture|massage|aquatic\s+therapy|therapy)"
)
# "8 post-op hand therapy visits", "12 lumbar PT sessions": the region the therapy treats.
_REGION = (
    r"(?:(?:hand|upper\s+extremity|lower\s+extremity|knee|shoulder|spine|lumbar|cervical|"
    r"thoracic|back|neck|wrist|elbow|ankle|foot|hip)\s+)"
)
# "12 post-op PT visits": the therapy after a surgery, which the postsurgical schedule counts.
_POST_OP = r"(?:post[\s-]*(?:op|operative|surgical)\s+)"
_AFTER_SURGERY = Caseless(
    re.compile(
        r"\bpost[\s-]*(?:op|operative|surgical)(?:ly)?\b|\b(?:after|since|following)\s+"
        r"(?:the\s+|his\s+|her\s+)?(?:surgery|operation|procedure)\b",
        re.I | re.ASCII,
    )
)
# A therapy named, not the post-operative time alone ("post-op PT visit #3", not "Post-op
# visit #2", the surgeon's).
_THERAPY_NAMED = r"(?<!op)(?<!operative)(?<!surgical)"
# "12", "at least 5", "12 (12)"; of "4/6", "5 of 6" or "4 of the 6" (four of six done) the first
# figure counts.
# (Not a date's figures: "12/7/16 post-op visit" counts no visits, nor does "the 04/28 post-op
# visit", a month with its leading zero before one visit; "PT visits: 08/12 completed" does.)
_NUMBER = (
    r"(?:at\s+least\s+)?(?:(?<![/\d])(?!0\d\s*/\s*\d{1,2}\s+(?:post[\s-]?op(?:erative)?\s+)?"
    r"(?:visit|appointment|appt|note|exam|evaluation|eval|re-?eval)\b)"
    r"(\d{1,3})\s*(?:/|\s+of\s+(?:the\s+|his\s+|her\s+)?)\s*\d{1,3}(?![/\d])"
    r"|(?<![/\d])(\d{1,3}))"
    r"(?:\s*\(\d{1,3}\))?"
    # (Not an age after a visit's heading: "04/04/2017 (surgeon's post-op visit): 44 y/o".)
    r"(?!\d|\s*(?:y/?o\b|y\.o\.|-?\s*(?:years?|yrs?)[\s-]+old\b|-year\b))"
)


_PARTS = (
    r"neck|back|low\s+back|spine|shoulder|elbow|wrist|hand|hip|knee|ankle|foot|arm|leg|thumb|"
    r"fingers?|cervical\s+spine|lumbar\s+spine"
)


# The two expressions of each modality are compiled when a sentence first names it: all of them
# together took 3 % of a cold `imrcheck check`, whose note names one therapy or none. Matched
# over the sentence lower-cased (`Caseless`).
@cache
def prior_pattern(modality: str) -> Caseless:
    """Visits of a modality done: "8 sessions of physical therapy", "PT x 12"."""
    pattern = MODALITIES[modality]
    expression = re.compile(
        # A total after the parts, tried first: "Chiro visit count: 14 for the cervical spine
        # and 10 for the lumbar spine, 24 in total".
        # ("... 12 visits for the shoulder and 10 for the elbow, 22 in all".)
        # ("... 12 visits 03-05/2025 and 8 visits 01-02/2026, twenty visits total".)
        rf"\b(?:{pattern})\b[^.;]{{0,120}}?\b(\d{{1,3}})\s+(?:{_UNITS}\s+)?(?:(?:in\s+)?total|in\s+all)\b"
        # The total a course brings them to: "bringing his total physical therapy on this claim
        # to 24 visits".
        rf"|\btotal\s+(?:{pattern})\b[^.;]{{0,40}}?\bto\s+(\d{{1,3}})\s+{_UNITS}\b"
        rf"|\b{_NUMBER}\s+(?:prior\s+|previous\s+|completed\s+|authorized\s+)?{_POST_OP}?(?:{_KIND}?(?:{pattern})\s+)?"
        rf"{_UNITS}\s+(?:of\s+)?{_KIND}?(?:{pattern})\b"
        # "completed all six of the authorized post-op OT visits".
        rf"|\b{_NUMBER}\s+(?:of\s+(?:the|his|her)\s+)?(?:prior\s+|previous\s+|authorized\s+)?"
        rf"{_POST_OP}?{_KIND}?{_REGION}?(?:{pattern})\s+"
        # "twelve chiropractic manipulative treatments"
        rf"(?:\([^)]{{0,40}}\)\s+)?(?:manipulative\s+|manipulation\s+)?{_UNITS}\b"
        rf"|\b(?:{pattern})\s+(?:(?:trial|course)\s+)?(?:(?:completed|done|attended)\s+)?(?:x|times)\s*(\d{{1,3}})\b"
        # The count right before the name, after the verb that tells it done, its unit left out:
        # "Completed 6 acupuncture 04/20-05/08/26".
        # (Not "completed 3 PT goals": the name ends its phrase.)
        rf"|\b(?:completed|attended|finished|had|underwent)\s+{_NUMBER}\s+{_KIND}?(?:{pattern})\b"
        r"(?=\s*(?:[.;,(]|$|\d|(?:on|in|from|between|since|at|with|through|over|and)\b))"
        # The therapy named, then its visits told as done: "plan of care called for spinal
        # manipulation, and six visits were authorized and completed between 10/05 and 10/19".
        rf"|\b(?:{pattern})\b[^.;]{{0,80}}?\b{_NUMBER}\s+{_UNITS}\s+(?:were|have\s+been|had\s+been)\s+"
        rf"(?:authorized\s+and\s+)?(?:completed|done|attended|given|provided|rendered)\b"
        # Or as the count so far: "In a PT desensitization and graded weight-bearing program, 14
        # visits so far".
        rf"|\b(?:{pattern})\b[^.;]{{0,80}}?\b{_NUMBER}\s+{_UNITS}\s+(?:so\s+far|to\s+date|thus\s+far)\b"
        # The count after the name: "Failed PT (9 visits)", "PT 6 sessions w/ HEP", "ongoing PT
        # (4 of 8 visits attended)"; and a list of courses by count: "incl 18 PT, 12 chiro".
        # (Not a course prescribed by its length: "post-op hand therapy 6 visits over 3 weeks".)
        rf"|\b(?:{pattern})\s+\(?\s*{_NUMBER}\s+{_UNITS}\b(?!\s+(?:over|in|x)\s+\d{{1,2}}\s*(?:weeks?|wks?|months?))"
        # The same set off by a comma or colon: "Land PT, 10 visits 04-06/2025"; not a
        # frequency ("PT: 2 visits per week").
        # ("First acupuncture on this claim, six sessions 02/02-03/06/2026".)
        # (The part it was for between: "OT for the wrist: 12 visits since 02/16/2026".)
        rf"|\b(?:{pattern})(?:\s+(?:on|for)\s+(?:this|the)\s+(?:claim|injury)"
        rf"|\s+for\s+(?:the\s+|his\s+|her\s+)?(?:(?:l|r|left|right)\s+)?(?:{_PARTS}))?"
        # (Or a bracket naming it again: "Hand therapy (OT/CHT): 8 visits 12/01/2025 to ...".)
        rf"(?:\s*\([^()]{{1,20}}\))?\s*[,:]\s*{_NUMBER}\s+{_UNITS}\b"
        r"(?!\s*(?:per|a|/|x|weekly|remaining|left|authorized|approved|requested|planned|"
        r"scheduled|pending|over|during|to\s+be|starting|twice|in\s+the\s+next)\b)"
        # The count told done after the name: "Acupuncture 6 of 6 done 02/23/26-03/27/26" (an
        # aside between: "PT 6/6 (authorized 6) done 11/21/16-12/30/16").
        rf"|\b(?:{pattern})\s+{_NUMBER}(?:\s*\(\s*(?:authorized|approved|certified)\s+\d{{1,3}}\s*\))?"
        rf"\s+(?:done|completed|attended)\b"
        # A trial or course with its count after it: "Chiro trial 6 visits 3/27-4/7/17".
        # (Or after a colon: "Chiropractic trial: six visits 9/26 to 10/7/2016".)
        rf"|\b(?:{pattern})\s+(?:trial|course)\s*(?::\s*|\s+(?:of\s+)?){_NUMBER}\s+{_UNITS}\b"
        r"(?!\s*(?:per|a|/|x|weekly|remaining|left|authorized|approved|requested|planned|"
        r"scheduled|pending)\b)"
        # The course's days, then its count: "Chiropractic 10/18/2016 to 10/31/2016: 6 visits",
        # "Chiro trial (certified): 10/18/2016-10/31/2016, 6 visits"; its last day with its year
        # (the days' end is checked against the note's date: `visits_done`), and only the
        # course's name between ("Pt followed 09/01 to 11/30/2026: 5 visits with Dr. Lee" is the
        # patient's visits). The empty group `ranged` marks the reading for those checks.
        rf"|\b(?:{pattern})(?:\s+(?:trial|course))?(?:\s*\([^()]{{1,20}}\))?\s*:?\s*(?:from\s+)?"
        r"\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*(?:-|to|through|thru)\s*\d{1,2}/\d{1,2}/\d{2,4}\s*[,:]?\s*"
        rf"{_NUMBER}\s+{_UNITS}\b"
        r"(?!\s*(?:per|a|/|x|weekly|remaining|left|authorized|approved|requested|planned|"
        r"scheduled|pending|to\s+be)\b)(?P<ranged>)"
        # The therapy told with what it was for, then its count over two days given:
        # "Acupuncture started as an adjunct to her HEP: six sessions 11/28/16 through 12/22/16"
        # (no other therapy named between, which the count could be of).
        # (Or after a semicolon: "Acupuncture started 03/09/2026 because naproxen caused GI upset
        # and tramadol made her dizzy; six sessions 03/09-04/03".)
        rf"|\b(?:{pattern})\b(?:(?!\b(?:pt|physical|therapy|chiro\w*|acupuncture|ot|occupational)\b)"
        rf"[^.;:]){{1,100}}?[:;]\s*{_NUMBER}\s+{_UNITS}\s+(?:from\s+)?\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
        r"\s*(?:-|to|through|thru)\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
        r"(?![^.;]{0,30}\b(?:cancel\w*|no[\s-]?shows?|missed|not\s+attended|scheduled|planned|pending)\b)"
        # Courses added up: "PT hx this claim: 12 (2023) + 6 (2024) + 4 (2025) = 22 visits".
        # (The sum's unit may be left out: "18 outpatient visits + 6 in-home visits = 24 per
        # claims ledger".)
        rf"|\b(?:{pattern})\b[^.;=]{{0,60}}?\+[^.;=]{{0,40}}?=\s*(\d{{1,3}})\b(?:\s+{_UNITS}\b)?"
        # The visit's number: "Acupuncture visit 6 of 6", "PT visit #7", "chiro visit 28 on
        # this claim".
        rf"|\b(?:{pattern}){_THERAPY_NAMED}\s+(?:{_VISIT_NUMBER})"
        rf"|\b(?:{pattern}){_THERAPY_NAMED}\s+(?:visit|session|treatment|tx)\s+(\d{{1,3}})\s+"
        rf"(?:on|for|of)\s+"
        rf"(?:this|the)\s+(?:claim|injury)\b"
        # The count after a heading naming the therapy's record: "Chiropractic ledger for this
        # injury: 24 visits"; not a frequency ("PT: 2 visits per week").
        rf"|\b(?:{pattern})\s+(?:ledger|records?|history|log|notes?|summary)\b[^:.;]{{0,30}}?:\s*"
        rf"{_NUMBER}\s+(?:prior\s+|previous\s+|completed\s+)?{_UNITS}\b(?!\s*(?:per|a|/|x)\b)"
        # (Not a day or week counted: "In sling, day 9 post-op; passive ER 10 deg".)
        rf"|(?<![/.\d-])(?<!\bday\s)(?<!\bdays\s)(?<!\bweek\s)(?<!\bwk\s)(?<!\bpod\s)"
        rf"\b(\d{{1,3}})\s+(?:{pattern})(?=\s*(?:,|;|\)|\band\b|$))"
        # The count after the therapy as a heading: "11/03/16-12/16/16 PT: ten visits"; not a
        # frequency ("PT: 2 visits per week") nor what is asked ("PT: 12 visits requested").
        # (Or "OT completed: 24 visits (OT log)".)
        # ("PT on this claim: 14 visits", "PT on this claim so far: 18 visits", "PT used on this
        # claim: 20 visits for the low back".)
        # (Or the therapist's discharge: "PT discharge: 12 visits + HEP".)
        rf"|\b(?:{pattern})(?:\s+(?:completed|done|attended|used|to\s+date|discharge(?:\s+summary)?))?"
        rf"(?:\s+(?:on|for)\s+(?:this|the)\s+(?:claim|injury))?(?:\s+(?:so\s+far|to\s+date))?"
        # ("PT since 02/09: 22 visits on this claim per the therapy ledger".)
        rf"(?:\s+since\s+\d{{1,2}}/\d{{1,4}}(?:/\d{{2,4}})?)?"
        rf"\s*:\s*{_NUMBER}\s+(?:prior\s+|previous\s+|completed\s+)?{_UNITS}\b"
        rf"(?!\s*(?:per|a|/|x|requested|authorized|approved|certified|planned|recommended|remaining|"
        rf"left|pending|scheduled|ordered|max|maximum|available|allowed|allotted|cancell?ed|missed|"
        rf"no-?showed)\b)"
        # A list under a heading of visits done, each therapy with its count after its name:
        # "Visits on this claim: PT 16 (07-10/2025), chiropractic 14 (02/03-05/15/2026)". (Not a
        # heading that says no more than "Visits:", as a plan's lines do, "Visits: PT 8 over 4
        # weeks"; nor visits allowed or asked for, nor a frequency.)
        rf"|(?<!remaining\s)(?<!authorized\s)(?<!approved\s)(?<!requested\s)(?<!certified\s)"
        rf"(?<!pending\s)(?<!scheduled\s)(?<!planned\s)(?<!allowed\s)"
        rf"(?:\b(?:prior|previous|past|therapy)\s+(?:visits|sessions)"
        rf"(?:\s+(?:on|for)\s+(?:this|the)\s+(?:claim|injury))?"
        rf"|\b(?:visits|sessions)(?:\s+(?:completed|used|attended|done)"
        # ("Visits used, this claim: PT 20 (neck, 2025); OT 10 (01/05-03/06/2026)".)
        rf"|(?:\s+(?:completed|used|attended|done))?(?:,?\s+(?:(?:on|for)\s+)?(?:this|the)\s+(?:claim|injury)|"
        # (The record of the visits given between: "Visits on this claim per the NCM log: PT 14
        # (...)", a case manager's, the bills' or the therapist's; not an authorization's, a
        # schedule's or a plan's, "per the authorization log: PT 24".)
        rf"\s+to\s+date|\s+so\s+far)))(?:\s+(?:per|from)\s+(?:the\s+)?"
        rf"(?:ncm|nurse\s+case\s+manager'?s?|case\s+manager'?s?|billing|bill\s+review|payment|"
        rf"therapy|therapist'?s?|pt|chiro(?:practic)?|acupuncture)\s+"
        rf"(?:log|ledger|notes?|records?|history))?\s*:\s*"
        rf"(?:[^.:]{{0,60}}?[,;]\s*)?(?:{pattern})\s+(\d{{1,3}})(?![\d/%-]|\.\d)"
        r"(?!\s*(?:x|/|times|per|visits?\s+per|weeks?|wks?|months?|mos?|days?|authorized|approved|"
        r"requested|certified|pending|remaining|left|scheduled|planned|allowed|improved|better|over|"
        r"at|in|then|more)\b)"
        # The count after a heading: "Chiro visits on this claim: 24 total", "PT sessions to
        # date: 12"; not a frequency ("PT visits: 2x/wk").
        rf"|\b(?:{pattern})\s+{_UNITS}\b[^:.;]{{0,25}}?:\s*{_NUMBER}(?!\s*(?:x|/|times|per)\b)"
        # Or with no colon after the claim: "PT visits this claim 12 incl. 6 work conditioning".
        rf"|\b(?:{pattern})\s+{_UNITS}\s+(?:on\s+|for\s+)?(?:this|the)\s+(?:claim|injury)\s+"
        rf"{_NUMBER}(?!\s*(?:x|/|times|per|visits?\s+per)\b)"
        # "Chiropractic records show 20 visits", "PT notes document 12 sessions", "the
        # chiropractic records show six manipulation visits", "hand therapy notes record eight
        # visits".
        rf"|\b(?:{pattern})\s+(?:records?|notes?|logs?)\s+(?:show|shows|showed|document|"
        rf"documents|documented|indicate|indicates|reflect|reflects|list|lists|record|records|"
        rf"recorded)\s+{_NUMBER}\s+"
        rf"(?:prior\s+|previous\s+|completed\s+)?(?:[a-z]+\s+)?{_UNITS}\b"
        # (Not a frequency or a plan: "notes show 3 sessions per week planned".)
        r"(?!\s*(?:per|a|/|x|weekly|planned|remaining|left|scheduled)\b)"
        # Told in plain words: "she has seen the chiropractor twenty-four times", "went to
        # therapy eight times".
        rf"|\b(?:seen|saw|visited|been\s+to|gone\s+to|went\s+to)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?"
        rf"(?:{pattern})\s+(\d{{1,3}})\s+times\b"
        # The chiropractor seen for so many manipulations: "has seen Doctor Pruett, the
        # chiropractor, for twenty-four manipulations of the neck" (manipulation is the
        # chiropractor's treatment; only where the sentence names the chiropractor).
        + (
            rf"|\b(?:{pattern})\b[^.;]{{0,40}}?\bfor\s+{_NUMBER}\s+(?:spinal\s+)?manipulations\b"
            if modality == "prior_chiropractic_visits"
            else ""
        ),
        re.I | re.ASCII,
    )
    return Caseless(expression)


@cache
def none_prior_pattern(modality: str) -> Caseless:
    """None of a modality done: "included no prior chiropractic therapy", "does not appear the
    patient has undergone physical therapy previously". "No physical therapy notes" is no record
    of it, not none."""
    pattern = MODALITIES[modality]
    expression = re.compile(
        # ("No prior neck PT or chiro on this claim": the region the therapy was for.)
        # ("No chiropractic care or acupuncture has been given on this claim": an item's noun
        # after it.)
        rf"\b(?:no\s+(?:prior\s+|previous\s+)?{_REGION}?{_KIND}?(?:{_ANY_THERAPY}"
        rf"(?:\s+(?:care|treatments?|visits|sessions))?\s*(?:,|or|nor)\s+{_KIND}?){{0,3}}"
        rf"(?:{pattern})\b(?!\s+(?:notes?|records?|reports?|documentation|progress))"
        # (Not none for a while only: "No PT during the trial", "no therapy since 2015", "no PT
        # currently".)
        r"(?!\s*,?\s+(?:during|while|since|currently|now|lately|recently|at\s+present|at\s+this\s+time|"
        r"(?:in|for|over)\s+the\s+(?:past|last)|this\s+(?:week|month|year))\b)"
        # "recieved": the misspelling notes often carry.
        # (Contracted too: "he hasn't started therapy", "she didn't have any PT".)
        rf"|\b(?:not|never|hasn't|haven't|hadn't|didn't|has\s+n't|did\s+n't)\s+(?:(?!whether\b|if\b)\w+\s+){{0,4}}?(?:undergone|had|have|attended|received|recieved|tried|"
        rf"started|completed)\s+(?:any\s+)?(?:prior\s+|previous\s+)?{_KIND}?(?:{pattern})\b"
        # The practitioner never seen: "Never seen a chiropractor." (Only "never", with "a" or
        # "any": "not seen the chiropractor since May" had some; nor "never seen a chiropractor
        # before this injury", which tells of the time before.)
        rf"|\bnever\s+(?:been\s+)?(?:seen|visited|been\s+to|gone\s+to|seen\s+by)\s+"
        rf"(?:an?|any)\s+(?:{pattern})\b(?!\s+(?:before|until|prior|till|other\s+than|except|"
        rf"when|but|besides)\b)"
        # A history's heading answered: "PT: none to date on this claim" (the therapy the
        # heading itself, not what came of it: "Response to physical therapy: none").
        # (Or for the claim, or with others in one heading: "Acupuncture to date: none", "PT /
        # chiro / acupuncture on this claim: none (0 visits)".)
        rf"|(?<![\w,]\s)(?<![\w,])(?:{pattern})(?:\s*(?:/|,|or|and)\s*(?:{_ANY_THERAPY})){{0,3}}"
        # (Or a table's row, the cell after the therapy: "Chiropractic | none | 0 | -".)
        r"(?:\s+(?:to\s+date|so\s+far|on\s+this\s+claim))?\s*(?:[:|]\s*(?:none|nil|never)\b"
        # (In brackets only as the whole of them: "acupuncture (none to date)", not "PT (none of
        # the 12 visits helped)".)
        r"|\(\s*(?:none|nil|never)(?:\s+(?:to\s+date|so\s+far|yet|on\s+this\s+claim))?\s*\))"
        # "Acupuncture has not been tried on this claim."
        rf"|\b(?:{pattern})\s+(?:has|have|had)\s+(?:not|never)\s+been\s+(?:tried|given|done|"
        rf"attempted|provided|started)\b"
        # "Hand therapy not yet started."
        rf"|\b(?:{pattern})\s+(?:has\s+|was\s+)?not\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|"
        rf"initiated)\b"
        # "First post-op therapy request": none of it given yet.
        rf"|\b(?:first|initial)\s+(?:{pattern})\s+(?:request|referral|prescription|course|order|trial|"
        rf"eval|evaluation|consult|consultation)\b"
        # The therapy named, then that it was never had: "Wants acupuncture, has never had it".
        # (Its clause ends there: not "he has never had it last more than a day".)
        rf"|\b(?:{pattern})\s*,?\s+(?:(?:and\s+)?(?:he|she|the\s+patient|pt)\s+)?(?:has|have)"
        rf"\s+never\s+(?:had|tried|received|done)\s+(?:it|this|them)(?=\s*(?:[.;,)]|$))"
        # "Wants to try acupuncture", "interested in trying chiropractic": not had it yet.
        rf"|\b(?:(?:wants?|would\s+like|wishes|hopes?|asks?)\s+to\s+try|interested\s+in\s+trying)"
        rf"\s+(?:an?\s+)?(?:course\s+of\s+|trial\s+of\s+)?(?:{pattern})\b)",
        re.I | re.ASCII,
    )
    return Caseless(expression)


_NOT_AUTHORIZED = re.compile(r"\b(?:not|non)[\s-]+(?:been\s+)?(?:authoriz|certif)", re.I | re.ASCII)
_AUTHORIZED_COUNT = re.compile(
    r"#\s*(\d{1,3})\b|\b(\d{1,3})\s+(?:sessions?|visits?|treatments?)\b"
    r"|(?:sessions?|visits?)\s*\((\d{1,3})\)",
    re.I | re.ASCII,
)
_AUTHORIZED_AND_DONE = re.compile(
    r"\bauthorized\s+and\s+(?:completed|attended|done|used)\b", re.I | re.ASCII
)


def authorized_visits(text: str) -> tuple[str, int] | None:
    """(the therapy's prior-visits fact, the number) from a sentence on what UR authorized."""
    figures = with_figures(text)
    word = AUTHORIZED_WORD.search(figures)
    counts = list(_AUTHORIZED_COUNT.finditer(figures))
    if word is None or not counts:
        return None
    # "The request for 12 sessions was modified to 6 authorized": the number nearest the word.
    count = min(
        counts, key=lambda c: min(abs(c.start() - word.start()), abs(c.end() - word.start()))
    )
    # Chiropractic physiotherapy is chiropractic: the more specific therapy first.
    for name in (
        "prior_chiropractic_visits",
        "prior_acupuncture_visits",
        "prior_aquatic_visits",
        "prior_massage_visits",
        "prior_psychotherapy_visits",
        "prior_pt_visits",
    ):
        if MODALITY_WORD[name].search(text):
            return name, int(next(g for g in count.groups() if g))
    return None


MODALITY_WORD = {
    name: GatedPattern(re.compile(rf"\b(?:{p})\b", re.I | re.ASCII))
    for name, p in MODALITIES.items()
}
# The words a therapy's name can start with, for a quick test before the patterns above.
MODALITY_FIRST_WORDS = frozenset(
    [
        "physical",
        "physiotherapy",
        "pt",
        "occupational",
        "ot",
        "therapy",
        "aquatic",
        "aqua",
        "pool",
        "chiropractic",
        "chiropractor",
        "chiro",
        "cmt",
        "manipulation",
        "spinal",
        "acupuncture",
        "acupuncturist",
        "acu",
        "massage",
        "cbt",
        "cognitive",
        "psychotherapy",
        "psychological",
        "post",
        "postop",
        "postoperative",
        "postsurgical",
    ]
)


# "Pt reports ...", "pt states ...": the patient, as notes shorten the word, not physical
# therapy, which is written "PT". Only before what a patient does or says.
_THE_PATIENT = re.compile(
    r"\b[Pp]t\.?\s+(?:reports?|reported|states?|stated|says|said|is|was|has|had|denies|denied|"
    r"notes|noted|complains|c/o|feels|felt|returns|returned|presents|presented|admits|ambulates|"
    r"walks|lives|takes|took|remains|continues|works|drives|tolerates|tolerated|wants|wishes|"
    r"agrees|declines|underwent|completed|attended|received|tried|does|did|can|cannot|will|"
    r"would|reports|experiences|describes|rates|sleeps|uses|able|unable|here|seen)\b",
    re.ASCII,
)
_PT = re.compile(r"\bpt\b", re.I | re.ASCII)


def therapies_named(reader: Reader) -> list[str]:
    """The prior-visits facts of the therapies a sentence names, in the order of MODALITIES.
    "Pt" as the patient ("Pt reports Oswestry improved") names no therapy."""
    text, lowered = reader.text, reader.lowered
    if not text.isascii():
        named = [name for name, word in MODALITY_WORD.items() if word.search(text)]
    else:
        named = [name for name, word in MODALITY_WORD.items() if word.search_lowered(lowered)]
    if "prior_pt_visits" in named and " pt" in f" {lowered}" and _patient_only(text):
        named.remove("prior_pt_visits")
    return named


def _patient_only(text: str) -> bool:
    """Whether every "pt" of a sentence that names no other physical therapy is the patient."""
    if MODALITY_WORD["prior_pt_visits"].search(_PT.sub(" ", text)):
        return False
    return len(_THE_PATIENT.findall(text)) == len(_PT.findall(text))


def visits_authorized(reader: Reader) -> None:
    """Visits UR authorized, per therapy: "authorized", not "Request for Authorization", which
    names what was asked."""
    text = reader.text
    # (Visits "authorized and completed" are visits done, none pending.)
    if (
        "authorized" in reader.words
        and not _NOT_AUTHORIZED.search(text)
        and not _AUTHORIZED_AND_DONE.search(text)
        # (Nor an aside on the course given: "Acupuncture 6 sessions 07/01-07/24/2026 (trial
        # authorized 06/2026)", which the sentence counts as done.)
        and not (reader.asks is False and AUTHORIZED_ASIDE.search(text))
    ):
        authorized = authorized_visits(text)
        if authorized and authorized_over_past_days(reader, authorized[1]):
            # Authorized over days all past when the record is written ("authorized: six
            # sessions, twice weekly, 05/04/2026 to 05/22/2026" in a note of 05/27/2026): the
            # course the authorization was for, taken as given where no count says otherwise.
            reader.add(f"{ASSUMED}{authorized[0]}", authorized[1])
        elif authorized:
            reader.add(f"{PER}{authorized[0]}", authorized[1])


# Visits taken as given for the days they were set out over, now past (`days_ended`): they stand
# only where the record counts none of the therapy's visits otherwise (`settle`): "Chiropractic
# authorized 6 visits 10/01/2026 to 10/31/2026. She attended 3."
ASSUMED = "~visits_assumed:"


def authorized_over_past_days(reader: Reader, count: int) -> bool:
    """Whether the count authorized is told with the days it was for, now past."""
    figures = reader.figures
    return any(
        int(told[1] or told[2] or told[3]) == count and days_ended(reader, told.end())
        for told in _AUTHORIZED_COUNT.finditer(figures)
    )


# Days as a range, its last day read: "05/04/2026 to 05/22/2026", "from 6th to 17th February
# 2017", "between 01/09 and 01/27/2017", "09/12-10/11/2016".
_DAYS_UNTIL = re.compile(
    r"(?:\b(?:from|between)\s+[^.;]{1,30}?|(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*)"
    rf"(?:-|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\band\b)\s*(?:{DATE})",
    re.I | re.ASCII,
)
_RANGE_WORDS = frozenset(["from", "between"])
_DAYS_RIGHT_AFTER = re.compile(
    # (How often may come between: "six sessions, twice weekly, 05/04 to 05/22/2026".)
    r"(?:[\s,]*(?:(?:once|twice|\d\s*x|\d\s*times)\s*(?:a\s+|per\s+|/\s*)?(?:weekly|week|wk)|"
    r"weekly|daily))?"
    # (Or in brackets: "the first six sessions (03/01-03/29/17)".)
    r"[\s,]*\(?\s*" + _DAYS_UNTIL.pattern,
    re.I | re.ASCII,
)
# Words that the visits of the days were not all given, or are still to come.
_NOT_ALL_GIVEN = re.compile(
    r"\b(?:not|never|none|no[\s-]?shows?|cancel\w*|missed|unused|expired|lapsed|pending|"
    r"scheduled|will|yet|remaining|remain|left|extended|extension|denied|deny|denies|"
    r"non[\s-]?certif\w*|refused|refuses|declined|unable|awaiting|await|waiting|recommend\w*|"
    r"request\w*|call|ran\s+out|only|hold|attended|came|ordered|prescribed|relocated|stopped|"
    r"waitlist\w*)\b|n't\b",
    re.I | re.ASCII,
)


def may_tell_days(reader: Reader) -> bool:
    """Whether a sentence told on a known day may hold a range of days: most hold neither a
    range's opening word nor a date of figures, and testing the words is the cheap part."""
    return (
        reader.sentence.told_on is not None
        and reader.has_digit
        and ("/" in reader.text or not reader.words.isdisjoint(_RANGE_WORDS))
    )


def days_ended(reader: Reader, at: int | None = None) -> bool:
    """Whether the sentence's range of days (the one right `at` a place, where given) ended
    before the day it is told, with no word that its visits were not all given: visits
    authorized or set out over days now past were given, as reviewers count them."""
    if not may_tell_days(reader):
        return False
    told_on = reader.sentence.told_on
    window = (
        _DAYS_UNTIL.search(reader.text) if at is None else _DAYS_RIGHT_AFTER.match(reader.text, at)
    )
    last_day = date_of(window) if window else None
    if last_day is None or last_day >= told_on:
        return False
    # With the count's place known, only its own clause and what follows may say the visits were
    # not all given: "She stopped naproxen in October, and began acupuncture, six sessions from
    # 02/23 to 03/13/2026" tells of the drug stopped, not the sessions.
    opens = 0
    if at is not None:
        for mark in _CLAUSE_BEFORE.finditer(reader.text, 0, at):
            opens = mark.end()
    return not _NOT_ALL_GIVEN.search(reader.text, opens)


# Where a clause of its own begins: after a semicolon, or a comma (or a bracket) with "and",
# "but" or "then".
_CLAUSE_BEFORE = re.compile(r";|[,)]\s*(?:and|but|then)\s", re.I | re.ASCII)


# A cue that the therapy after it was given, with at most five words between them and no
# clause boundary: "had prior", "treatments included ... and", "despite 3 months of".
_GIVEN_BEFORE = Caseless(
    re.compile(
        r"\b(?:had|underwent|undergone|completed|attended|received|recieved|tried|failed|prior|previous|"
        r"previously|past|included|includes|include|despite|course\s+of|sessions\s+of|"
        r"visits\s+of|(?:improvement|relief|benefit|response)\s+(?:with|from|to))\b"
        r"(?:[^\w.;:]+[\w'-]+){0,5}[^\w.;:]*\Z",
        re.I | re.ASCII,
    )
)


# Visits counted without the therapy named ("Completed 6 visits 06/19-07/07/17"): of the therapy
# named just before (`VISITS_FOLLOW_UP`, resolved in `follow_ups`).
VISITS_FOLLOW_UP = "~visits:?"
MENTIONED = "~mentioned:"  # a therapy a sentence names, in any way: what a follow-up speaks of
# A visit's number: "visit 6 of 6", "session 4/8", "visit #7" (the visits done with today's).
_VISIT_NOUN = r"(?:visit|session|treatment|tx)"
_VISIT_NUMBER = (
    # (Not a date after the word: "next PTP visit 12/13/16".)
    # (Nor a time or parts: "Tx 2/3 weeks: HEP, ice", "Tx 2/3 areas today".)
    rf"{_VISIT_NOUN}\s*(?:#\s*(\d{{1,3}})|(\d{{1,3}})(?=\s*(?:/|of)\s*\d{{1,3}}\b(?!\s*/\s*\d)"
    r"(?!\s*(?:weeks?|wks?|days?|months?|mos?|areas?|regions?|levels?|segments?|sites?|points?)\b)))"
    # The visits given as a range from the first: "treatments 1-6 given 09/11-09/29".
    r"|(?:visits|sessions|treatments)\s+1\s*-\s*(\d{1,2})\b(?!\s*(?:/|x|times|per|weeks?|wks?))"
    # Numbered on the claim with the therapy in brackets: "visit 14 (all PT on this claim)" (not
    # "Visit 14 (all ortho visits on this claim)").
    r"|visit\s+(\d{1,3})\s*\((?:all\s+)?(?:pt|physical\s+therapy|therapy|chiro\w*|acupuncture|ot|"
    r"occupational\s+therapy)\s+(?:visits\s+)?(?:on|for)\s+(?:this|the)\s+(?:claim|injury)\s*\)"
)
# Numbered on the claim, as a therapist's report heads it: "PT progress report 04/17/2026, visit
# 18 on this claim" (not another's visit so numbered: "Ortho follow up visit 18 on this claim",
# "45-year-old male, visit 3 on this claim").
_REPORT_VISIT_NUMBER = (
    r"\b(?:report|note|re-?eval|evaluation|summary|discharge)\b[^.;]{0,40}?,\s*visit\s+(\d{1,3})\s+"
    r"(?:on|for)\s+(?:this|the)\s+(?:claim|injury)\b"
)
# A physician's visits are numbered too ("Post-op visit #2", "office visit 3 of 4"): not therapy.
_NOT_THERAPY_VISIT = (
    r"(?<!office\s)(?<!clinic\s)(?<!f/u\s)(?<!follow-up\s)(?<!followup\s)(?<!op\s)"
    r"(?<!operative\s)(?<!surgical\s)(?<!md\s)(?<!doctor\s)"
    # Nor the visit a re-evaluation is planned after: "Re-eval after visit #6 before any more".
    r"(?<!eval\safter\s)(?<!evaluate\safter\s)(?<!evaluation\safter\s)(?<!assess\safter\s)"
    r"(?<!exam\safter\s)"
)
# Over the lower-cased sentence (`Caseless`): the expression has no fixed start, so it is tried at
# every character, several times faster without IGNORECASE. The ten looks behind for a
# physician's visit come after the boundary and a look for the visit's word, which rule out
# nearly every character first: tried at each one, they cost nearly as much as all the rest.
_UNNAMED_VISITS = Caseless(
    re.compile(
        rf"\b(?={_VISIT_NOUN}){_NOT_THERAPY_VISIT}(?:{_VISIT_NUMBER})|{_REPORT_VISIT_NUMBER}"
        rf"|\b(?:completed|had|attended|did|finished|underwent|has\s+had|have\s+had)\s+"
        rf"(?:(?:the|her|his|all|a\s+total\s+of)\s+)?{_NUMBER}\s+(?:prior\s+|previous\s+)?{_UNITS}\b"
        # Of those authorized, the count attended: "Attended 6 of 6 authorized visits" (not
        # "had 8 scheduled visits, attended 3": the first figure is the one attended).
        rf"|\b(?:completed|attended|finished)\s+(\d{{1,3}})\s*(?:/|of)\s*\d{{1,3}}\s+"
        rf"(?:authorized|approved|certified|scheduled)\s+{_UNITS}\b"
        # The gains told as done over the sessions they came in: "restrictions eased twice and
        # tramadol stopped over six sessions" (a verb of change told done before it; sessions or
        # treatments, not a physician's visits, nor only the first of them).
        rf"|\b(?:improved|decreased|fell|dropped|rose|increased|eased|stopped|reduced|changed|"
        rf"progressed|went|gained)\b[^.;]{{0,60}}?\bover\s+(?:the\s+|her\s+|his\s+)?"
        rf"(?:last\s+|past\s+)?{_NUMBER}\s+(?:sessions?|treatments?)\b"
        # All of those authorized: "Authorized 6 visits; attended all six (01/23/17 through
        # 02/10/17)".
        rf"|(?<!\bnot\s)(?<!\bnever\s)(?<!n't\s)\b(?:attended|completed|finished|used)\s+all\s+"
        rf"{_NUMBER}(?=\s*(?:\(|[.;,]|\Z))"
        # Told the other way round: "8 visits authorized 06/05-07/14/2017; all 8 attended".
        rf"|\ball\s+{_NUMBER}\s+(?:were\s+|have\s+been\s+)?(?:attended|completed|used|done|given)\b"
        # Attended of those booked: "attended six of six scheduled visits".
        rf"|\b(?:completed|attended|finished)\s+{_NUMBER}\s+scheduled\s+{_UNITS}\b"
        rf"|\b{_NUMBER}\s+(?:authorized\s+)?{_UNITS}\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?"
        # ("six visits were authorized and completed between 10/05 and 10/19", "Six treatments
        # were authorized and given twice weekly from 05/22 to 06/16/2017": given, only after
        # "were" or "have been", as "6 sessions given the flare" is not)
        rf"(?:authorized\s+and\s+)?(?:completed|done|attended)\b"
        rf"|\b{_NUMBER}\s+(?:authorized\s+)?{_UNITS}\s+(?:were|have\s+been|had\s+been)\s+"
        rf"(?:authorized\s+and\s+)?(?:given|provided|rendered)\b"
        # Under a heading, the visits done of those authorized: "Visits: 8 of 8 authorized
        # attended".
        rf"|\b(?:{_VISIT_NOUN}s?)\s*:\s*(\d{{1,3}})\s*(?:of|/)\s*\d{{1,3}}\s+"
        rf"(?:(?:authorized|approved|certified|scheduled)\s+)?(?:attended|completed|done)\b"
        # Or the heading says so: "Visits attended: 6 of 6 authorized".
        rf"|\b(?:{_VISIT_NOUN}s?)\s+(?:attended|completed)\s*:\s*(\d{{1,3}})\s*(?:of|/)\s*\d{{1,3}}\b"
        r"(?!\s*(?:per|x|/|weeks?|wks?)\b)",
        re.I | re.ASCII,
    )
)
# In a sentence that names the therapy, its post-operative visit counted against those planned
# is the therapy's ("PT RE-EVALUATION 04/05/2017 -- post-op visit 12 of 12"); alone, a post-op
# visit is the surgeon's.
_POST_OP_VISIT_OF = re.compile(
    r"\bpost[\s-]?op(?:erative)?\s+(?:visit|session|treatment)\s+(\d{1,3})\s*(?:/|of)\s*\d{1,3}\b"
    # Or the count of those planned, as a therapist's discharge heads it: "PT DISCHARGE
    # SUMMARY 09/12/2017 -- 10 of 10 visits".
    r"|(?<!approved\s)(?<!authorized\s)(?<!certified\s)(?<![/\d])(\d{1,3})\s*(?:/|of)\s*\d{1,3}\s+"
    r"(?:authorized\s+)?(?:visits|sessions|treatments)\b"
    r"(?!\s+(?:remain|remaining|left|pending|approved|authorized|certified)\b|\s+on\s+the\s+auth)",
    re.I | re.ASCII,
)
_SURGEONS_VISIT = re.compile(r"\b(?:dr|surgeon|md|ortho\w*)\b", re.I | re.ASCII)
_UNIT_WORDS = frozenset(["visit", "visits", "session", "sessions", "treatment", "treatments", "tx"])
# (A set: a frozenset tested against a dict's keys looks up every key.)
_ORDINAL_WORDS = frozenset(ORDINAL_DAYS)
# The visits told by the last one's place, as done: "Sixth session completed", "completed her
# 6th treatment", "re-exam after 6 visits" (a re-evaluation reports the visits before it).
_ORDINAL = "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_VISITS_BY_PLACE = Caseless(
    re.compile(
        rf"\b(?P<ord>{_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:[a-z]+\s+)?(?:session|visit|treatment)"
        rf"\s+(?:was\s+|is\s+|has\s+been\s+)?(?:completed|attended|done|finished)\b"
        rf"|\b(?:completed|attended|finished)\s+(?:the|her|his|a)\s+"
        rf"(?P<ord2>{_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:[a-z]+\s+)?(?:session|visit|treatment)\b"
        # Dated, so given: "the therapy log shows her 24th PT visit on 10/30/2026".
        rf"|\b(?:his|her|their|the\s+patient'?s)\s+(?P<ord3>{_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))\s+"
        rf"(?:[a-z]+\s+)?(?:session|visit|treatment)\s+(?:was\s+)?(?:on|dated)\s+"
        # (The date in words as well: "his sixth treatment on the eighteenth of August".)
        rf"(?:\d|(?:the\s+)?(?:{_ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))\s+of\s+(?:{_MONTH})\b|(?:{_MONTH})\b)"
        # (Told as done, with its findings after it: "re-exam after 6 visits: Oswestry 44% down
        # to 22%"; "Re-eval after 12 visits." alone plans one.)
        rf"|\b(?:re-?exam(?:ination)?|re-?eval(?:uation)?|reassessment|progress\s+(?:note|report))"
        rf"\s+(?:after\s+(?P<count>\d{{1,3}})\s+(?:visits|sessions|treatments)"
        # (Or at the last one: "progress re-eval at visit 6 (02/23-03/20/26)".)
        # (Or after it, told as done: "PT re-evaluation after visit #6 on 11/20/2026 showed".)
        rf"|(?:at|after)\s+(?:visit|session|treatment)\s+(?:#\s*)?(?P<count2>\d{{1,3}}))\b"
        # (Or with the days they were given: "re-eval after 6 treatments (06/05-06/23/17)".)
        rf"(?=\s*:|\s+(?:on\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\s+)?(?:showed|shows|noted|notes|"
        rf"documented|documents|found|done|completed)\b"
        rf"|\s*\(\s*\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\s*(?:-|to|through)\s*"
        rf"(?P<through>\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?))",
        re.I | re.ASCII,
    )
)


def visits_by_place(spelled: str, told_on: date | None) -> tuple[int, int, int] | None:
    """(the visits done, where) of a sentence that tells them by the last one's place; over the
    text with its number words as figures. A re-evaluation told with the visits' days counts
    them only where the last day is not after the note's date (a plan of care dates them
    ahead)."""
    found = _VISITS_BY_PLACE.search(spelled, spelled.lower())
    if found is None:
        return None
    if found["through"]:
        last = date_at(spelled, found.start("through"), told_on)
        if told_on is None or last is None or last[0] > told_on:
            return None
    if found["count"] or found["count2"]:
        return int(found["count"] or found["count2"]), found.start(), found.end()
    place = (found["ord"] or found["ord2"] or found["ord3"]).lower()
    count = ORDINAL_DAYS.get(place) or int(place[:-2])
    return count, found.start(), found.end()


# The visits told by their days, three or more: "Manipulation visits 1/3, 1/5, 1/10, 1/12, 1/17
# and 1/19/17" (six visits), "Chiro 6/6 (4/7, 4/9, 4/14, 4/16, 4/21, 4/28)" (in brackets after
# the count, in a sentence that names one therapy). Not an office's visits ("discussed at office
# visits (1/5, 2/9, 3/9/17)"), nor scores or grades ("7/10, 6/10, 5/10", "4/5, 4/5 and 3/5"),
# whose second figures are all one.
_A_DAY = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"
_VISITS_BY_DATES = re.compile(
    rf"(?:(?<!office\s)(?<!clinic\s)(?<!md\s)(?<!doctor\s)(?<!follow-up\s)(?<!followup\s)"
    rf"(?<!f/u\s)\b(?:visits|sessions|treatments|dates\s+of\s+service)\s*(?:on\s+|:\s*)?"
    rf"|\b\d{{1,2}}/\d{{1,2}}\s*\(\s*)"
    rf"(?P<days>{_A_DAY}(?:\s*,\s*{_A_DAY}){{1,}}(?:\s*,?\s*(?:and|&)\s*{_A_DAY})?)(?![/\d])"
    # (Not visits missed or with a physician: "... cancelled by the patient", "with Dr. Smith".)
    r"(?![^.;]{0,30}?\b(?:cancel\w*|no[\s-]shows?|missed|with\s+dr)\b)",
    re.I | re.ASCII,
)
_DAY_PARTS = re.compile(r"(\d{1,2})/(\d{1,2})", re.ASCII)


def visits_by_dates(spelled: str) -> tuple[int, int, int] | None:
    """(the visits done, where) of a sentence that lists their days."""
    found = _VISITS_BY_DATES.search(spelled)
    if found is None:
        return None
    days = _DAY_PARTS.findall(found["days"])
    if len(days) < 3 or len({day for _, day in days}) == 1:
        return None
    if not all(1 <= int(month) <= 12 and 1 <= int(day) <= 31 for month, day in days):
        return None
    return len(days), found.start(), found.end()


# Words of a sentence that may tell that none of a therapy was given ("none", "nil": a history's
# heading answered, "Physical therapy: none so far").
_NONE_DONE_WORDS = frozenset(
    ["no", "not", "never", "none", "nil", "first", "initial", "try", "trying", "hasn", "haven",
     "hadn", "didn"]
)  # fmt: skip
# A count of visits, for the days told right after it (`visits_over_past_days`).
_COUNT_OF_VISITS = re.compile(rf"\b(\d{{1,2}})\s+{_UNITS}\b", re.I | re.ASCII)


def visits_over_past_days(reader: Reader, figures: str) -> tuple[int, int, int] | None:
    """(the visits, where) of a count told with the days it ran over, now past: "six
    treatments, 03/16-04/24/2026" in a note of May."""
    if not may_tell_days(reader):
        return None
    for count in _COUNT_OF_VISITS.finditer(figures):
        if days_ended(reader, count.end()):
            return int(count[1]), count.start(), count.end()
    return None


def visits_done(reader: Reader) -> None:
    """Visits done per therapy, or none. Visits asked for or authorized are not visits done.
    A therapy named in any other way than as asked for is recorded too (`~named:`): the record
    speaks of it, so its silence on the visits is no first course."""
    text, words, lowered = reader.text, reader.words, reader.lowered
    if words.isdisjoint(MODALITY_FIRST_WORDS):
        if not reader.asks and not reader.planned and not words.isdisjoint(_UNIT_WORDS):
            spelled = reader.figures
            # (A count in words too: "Six visits completed.")
            unnamed = _UNNAMED_VISITS.search(spelled, spelled.lower()) if reader.counts else None
            placed = (
                (int(next(g for g in unnamed.groups() if g)), *unnamed.span())
                if unnamed
                else visits_by_place(spelled, reader.sentence.told_on)
                or visits_by_dates(spelled)
                # Counted over days now past, in a sentence that plans nothing: "Six sessions
                # 11/03/2025 - 12/12/2025."
                or visits_over_past_days(reader, spelled)
            )
            if placed:
                reader.add(VISITS_FOLLOW_UP, *placed)
                visits_dated(reader, VISITS_FROM_FOLLOW_UP, named=False)
        return
    # Every pattern below holds the therapy's name between word boundaries, so a therapy the
    # sentence does not name can match none of them: only the named ones are compiled and tried.
    named = therapies_named(reader)
    for name in named:
        reader.add(f"{MENTIONED}{name}", True)
    if reader.asks:
        # A request that says it is the first of its kind ("First post-op therapy request.")
        # tells that none was given.
        if "first" in words or "initial" in words:
            none_done(reader, named)
        # Visits a sentence reports done beside the plan it names ("He completed a trial of six
        # chiropractic manipulation visits ..., and the chiropractor's plan of care calls for
        # ..."): only a count with a word of its being done before it, in its clause.
        if (
            not words.isdisjoint(DONE_WORDS)
            or not words.isdisjoint(_RECORDS_SHOW_WORDS)
            or "paid" in words
        ):
            counted_done(reader, named)
        elif reader.has_digit:
            counted_over_past_days(reader, named)
        return
    if not reader.planned:
        for name in named:
            reader.add(f"{NAMED}{name}", True)
        # Named as given: "had prior physical therapy", "treatments have included acupuncture",
        # "despite chiropractic care", "improvement with therapy": the cue just before the
        # therapy, in its clause ("a coworker had it" gives the patient no acupuncture), and the
        # mention neither denied nor in doubt.
        for name in named:
            word = MODALITY_WORD[name]
            mentions = word.finditer(lowered) if text.isascii() else word.pattern.finditer(text)
            for mention in mentions:
                start, end = mention.span()
                before = text[max(0, start - 60) : start]
                if (
                    _GIVEN_BEFORE.search(before, before.lower())
                    and reader.status_at(start, end) in (Status.PRESENT, Status.HISTORICAL)
                    and not of_another_claim(lowered, start, end)
                ):
                    reader.add(f"{GIVEN}{name}", True, start, end)
                    break
    # Visits a sentence orders are not visits done ("Surgeon's order: six post-op sessions"),
    # unless it also reports some as done.
    counted = not reader.planned or not words.isdisjoint(DONE_WORDS)
    if not counted and reader.has_digit:
        # Visits a plan set out over days now past: "Trial of six manipulation visits from 6th
        # to 17th February 2017, as set out in the plan of care".
        counted_over_past_days(reader, named)
    if counted and (reader.counts or not words.isdisjoint(_ORDINAL_WORDS)):
        figures: str | None = None
        for name in named:
            if figures is None:
                figures = reader.figures
                figures_lowered = figures.lower()
            for match in prior_pattern(name).finditer(figures, figures_lowered):
                if of_another_claim(figures_lowered, match.start(), match.end()):
                    continue
                # The visits a limit allows, none of them given: "none of the 24 chiro visits
                # used" (not "None of the 12 PT visits helped", given).
                if _NONE_OF_BEFORE.search(
                    figures_lowered, max(0, match.start() - 20), match.start()
                ) and _USED_AFTER.match(figures_lowered, match.end()):
                    continue
                # Visits counted after their days ("Chiropractic 10/18/2016 to 10/31/2016: 6
                # visits") count only over days ended before the note, with no word that they
                # were not all given: "Chiro 12/10-12/30/2026: 6 visits" in a note of December
                # the 5th is a plan; "...: 6 visits cancelled, patient moved" gave none.
                if match.start("ranged") >= 0 and not days_ended(reader):
                    continue
                count = next(g for g in match.groups() if g)
                # Further courses of it counted after it ("14 visits from 08/2023 through
                # 11/2023 and 10 visits from 05/2024 through 07/2024", "10 visits for the neck
                # ... and 20 visits for the right shoulder"): the visits of the therapy on the
                # claim, which its limits count, are their sum.
                total, after = int(count), match.end()
                while more := _MORE_COURSES.match(figures, after):
                    total, after = total + int(more[1] or more[2]), more.end()
                reader.add(name, total, match.start(), match.end())
                visits_dated(reader, name)
                if name in POSTSURGICAL_THERAPIES and after_surgery(
                    text, match.start(), match.end()
                ):
                    reader.add("postsurgical_visits_completed", int(count), *match.span())
        # Courses counted one by one and then added up, the total last ("twelve therapy visits
        # in the fall of 2023, eight in the spring of 2024 and four last summer, twenty-four in
        # all"): of the one therapy the sentence names.
        if len(named) == 1 and figures is not None:
            total = _TOTAL_LAST.search(figures)
            if total is not None:
                reader.add(named[0], int(total[1]), total.start(), total.end())
        # The one therapy the sentence names is the one whose visits it counts, where they are
        # counted apart from its name ("PT RE-EVALUATION, visit 6 of 6 authorized").
        # ("PT post-op re-eval, 12/12 authorized visits done": physical therapy, after surgery.)
        therapies = [n for n in one_therapy(named) if n != "postsurgical_visits_completed"]
        if len(therapies) == 1 and not any(r.name in named for r in reader.found):
            if figures is None:
                figures = reader.figures
                figures_lowered = figures.lower()
            unnamed = _UNNAMED_VISITS.search(figures, figures_lowered) or next(
                (
                    visit
                    for visit in _POST_OP_VISIT_OF.finditer(figures)
                    # (Not the surgeon's: "Dr. Lee post-op visit 3 of 4 today, PT to start".)
                    if not _SURGEONS_VISIT.search(
                        figures, max(0, visit.start() - 30), visit.start()
                    )
                ),
                None,
            )
            placed = (
                (int(next(g for g in unnamed.groups() if g)), *unnamed.span())
                if unnamed
                else visits_by_place(figures, reader.sentence.told_on) or visits_by_dates(figures)
            )
            if placed is None and (assumed := visits_over_past_days(reader, figures)):
                reader.add(f"{ASSUMED}{therapies[0]}", assumed[0], *assumed[1:])
            if placed:
                count, *at = placed
                reader.add(therapies[0], count, *at)
                if "prior_ot_visits" in named:
                    reader.add("prior_ot_visits", count, *at)
                if therapies[0] in POSTSURGICAL_THERAPIES and after_surgery(text, *at):
                    reader.add("postsurgical_visits_completed", count, *at)
    # (Not a first course told over its days, now past: "First acupuncture course, six
    # treatments, 03/16-04/24/2026".)
    if not words.isdisjoint(_NONE_DONE_WORDS) and not (
        ("first" in words or "initial" in words) and days_ended(reader)
    ):
        none_done(reader, named)


# Visits of another injury, which the limits of this one do not count: "A separate 2021 claim
# (other employer) used 24 PT visits", "24 visits on an earlier shoulder claim".
# (Not "other treatment this claim", nor "an aggravation of a prior injury", this claim's own.)
_OTHER_CLAIM = re.compile(
    r"\b(?:another|separate|earlier|older|prior|previous|other|different|unrelated)\s+"
    r"(?:(?!this\b)(?:\d{4}|[a-z]+)\s+){0,2}?(?:claim|employer)\b"
    # Care the clause calls another injury's, in what the care was for or in an aside closing
    # it: "12 chiropractic visits for a nonindustrial neck strain", "(She had PT in 2011 for a
    # sprained ankle, unrelated.)" (not "denies any prior or unrelated injuries", "reports
    # unrelated stress at home").
    r"|\bfor\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:\w+\s+)?(?:unrelated|non-?industrial)\b"
    r"|[,(]\s*(?:unrelated|non-?industrial|not\s+work[\s-]+related)\s*(?:[.);]|\Z)",
    re.ASCII,
)


_USED_AFTER = re.compile(
    r"\s*(?:(?:have|has|had|were|was)\s+(?:been\s+)?)?(?:used|given|attended|taken|started|done)\b",
    re.ASCII,
)
_NONE_OF_BEFORE = re.compile(
    r"\b(?:none|not\s+one|neither)\s+of\s+(?:the\s+|his\s+|her\s+|its\s+)?\Z", re.ASCII
)


def of_another_claim(lowered: str, start: int, end: int) -> bool:
    """Whether the clause of a count (between semicolons or full stops) speaks of another
    claim."""
    begin = max(lowered.rfind(";", 0, start), lowered.rfind(". ", 0, start)) + 1
    stop = min(
        (at for at in (lowered.find(";", end), lowered.find(". ", end)) if at >= 0),
        default=len(lowered),
    )
    return _OTHER_CLAIM.search(lowered, begin, stop) is not None


_TOTAL_LAST = re.compile(
    r"[,;]\s*(?:for\s+)?(?:a\s+total\s+of\s+)?(\d{1,3})\s+(?:(?:visits|sessions|treatments)\s+)?"
    r"(?:in\s+all|in\s+total|total)\b",
    re.I | re.ASCII,
)
_MORE_COURSES = re.compile(
    r"[^.;]{0,60}?(?:\band\s+(\d{1,3})\s+(?:more\s+|further\s+)?(?:visits|sessions|treatments)\s+"
    # (Or its months right after, and nothing more: "12 visits 07/2024-09/2024 and 8 visits
    # 06/2025-07/2025, twenty paid in all"; not "8 visits 06/2025 of acupuncture", "(no-shows)".)
    r"(?:(?:for|from|between|in|on|during)\b"
    r"|(?=\d{1,2}/\d{2,4}(?:\s*-\s*\d{1,2}/\d{2,4})?\s*(?:[,;.]|\Z)))"
    # Added up: "14 visits 05-08/2025 (Clinic A) + 10 visits 01-04/2026 (Clinic B)".
    r"|(?:\+|\bplus)\s*(\d{1,3})\s+(?:more\s+|further\s+)?(?:visits|sessions|treatments)\b)",
    re.I | re.ASCII,
)
# The first day of the visits counted: "six visits from 05/01/2017 through 05/26/2017",
# "eight visits between 12/27/2016 and 01/27/2017", "since 03/20/2017".
VISITS_FROM = "~visits_from:"
_VISITS_FIRST_DAY = re.compile(
    rf"\b(?:from|between|since|beginning|starting)\s+(?:{DATE})", re.I | re.ASCII
)


# The visits' days as a range, the first day first: "8 of 8 authorized attended, 12/21/16 -
# 02/03/17".
_VISITS_DATE_RANGE = re.compile(
    rf"(?<![\d/])(?:{DATE})(?=\s*(?:-|to|through|thru)\s*\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b)",
    re.I | re.ASCII,
)


# The day without its year, as a note counts visits in its own year: "Twelve PT visits since
# 05/24", "Completed 12 PT visits 6/13 - 8/3" (a range, its first day).
_VISITS_FIRST_MONTH_DAY = re.compile(
    r"\b(?:from|since|beginning|starting)\s+(\d{1,2})/(\d{1,2})\b(?![/\d])"
    # (Not a score's or a grade's change: "pain 7/10 to 6/10", "hip flexion 3/5 to 4/5".)
    r"|(?<![\d/])(\d{1,2})/(?!(?:10|5)\b)(\d{1,2})\s*(?:-|to|through|thru)\s*\d{1,2}/(?!(?:10|5)\b)\d{1,2}\b"
    r"(?![/\d])",
    re.I | re.ASCII,
)


def visits_dated(reader: Reader, name: str, named: bool = True) -> None:
    """The day the visits of a therapy counted in the sentence began, where it says: visits
    begun after a surgery are the post-operative course (`item.therapy_facts`). Where the
    therapy is not `named`, `name` is the whole reading's name, resolved as a follow-up."""
    if not reader.has_digit:
        return
    name = f"{VISITS_FROM}{name}" if named else name
    # (Not a pain score's change: "pain from 8/10 to 3/10".)
    first = next(
        (m for m in _VISITS_FIRST_DAY.finditer(reader.text) if not m[0].rstrip().endswith("/10")),
        None,
    ) or _VISITS_DATE_RANGE.search(reader.text)
    day = date_of(first) if first else None
    if first and day:
        reader.add(name, day, first.start(), first.end())
        return
    told_on = reader.sentence.told_on
    short = _VISITS_FIRST_MONTH_DAY.search(reader.text) if told_on else None
    if short is None or told_on is None:
        return
    month, day_of_month = (short[1], short[2]) if short[1] else (short[3], short[4])
    if not 1 <= int(month) <= 12:
        return
    begun = latest_on_or_before(int(month), int(day_of_month), told_on)
    if begun is not None:
        reader.add(name, begun, short.start(), short.end())


_DONE_BEFORE_COUNT = re.compile(
    r"\b(?:completed|attended|had|received|underwent|finished)\b[^.;,]{0,30}\Z", re.I | re.ASCII
)


_TOLD_DONE = re.compile(rf"\b(?:completed|done|attended)\Z|\b{_RECORDS_SHOW}\b", re.I | re.ASCII)


# "Six acupuncture sessions were certified and completed between 04/13 and 05/01/2026".
_DONE_AFTER_COUNT = re.compile(
    r"\s+(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+and\s+)?(?:completed|attended|done|given)\b"
    # As a claims ledger tells them: "24 PT visits paid on this injury".
    r"|\s+(?:(?:were|was|have\s+been)\s+)?paid\b"
    # Or in a review's shorthand: "UR certified six post-op PT visits on 02/27/2026, completed
    # 03/03/2026-03/27/2026".
    r"|(?:\s+on\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?)?\s*[,;]?\s*(?:all\s+)?(?:completed|attended)\s+"
    r"(?:\d{1,2}/\d{1,2}|between|from)",
    re.I | re.ASCII,
)


def counted_over_past_days(reader: Reader, named: list[str]) -> None:
    """In a sentence that asks or plans, the visits it counts over days now past, taken as given
    where no count says otherwise (`ASSUMED`)."""
    if not may_tell_days(reader):
        return
    figures = reader.figures
    lowered = figures.lower()
    for name in named:
        for match in prior_pattern(name).finditer(figures, lowered):
            if days_ended(reader, match.end()):
                count = next(g for g in match.groups() if g)
                reader.add(f"{ASSUMED}{name}", int(count), match.start(), match.end())


def counted_done(reader: Reader, named: list[str]) -> None:
    """In a sentence that asks or plans, the visits it counts as done: a count with a word of
    its being done just before or just after it ("completed a trial of six ... visits", "six
    acupuncture sessions were certified and completed")."""
    figures = reader.figures
    lowered = figures.lower()
    for name in named:
        for match in prior_pattern(name).finditer(figures, lowered):
            if (
                _DONE_BEFORE_COUNT.search(figures, max(0, match.start() - 40), match.start())
                or _DONE_AFTER_COUNT.match(figures, match.end())
                # The count told as done within the match ("spinal manipulation, and six visits
                # were authorized and completed").
                or _TOLD_DONE.search(match[0]) is not None
            ):
                count = next(g for g in match.groups() if g)
                reader.add(name, int(count), match.start(), match.end())
                visits_dated(reader, name)


def none_done(reader: Reader, named: list[str]) -> None:
    """None of a named therapy given: "no prior chiropractic", "first PT referral"."""
    for name in named:
        for match in none_prior_pattern(name).finditer(reader.text, reader.lowered):
            reader.add(name, 0, match.start(), match.end())


# "24 visits of PT on this claim before surgery", "pre-op PT x 10": therapy before the surgery.
_BEFORE_SURGERY = re.compile(
    r"\b(?:before|prior\s+to|preceding)\s+(?:the\s+|his\s+|her\s+)?(?:surgery|operation|"
    r"procedure)\b|\bpre[\s-]?op(?:erative(?:ly)?)?\b",
    re.I | re.ASCII,
)
_NO_BEFORE = re.compile(r"\b(?:no|not\s+yet|without)\s+\Z", re.I | re.ASCII)
_NOT_SURGICAL = re.compile(r"\bnon[\s-]?(?:surgical|operative)\b", re.I | re.ASCII)


def after_surgery(text: str, start: int, end: int) -> bool:
    """Whether visits counted at `start:end` are of the therapy after a surgery: a word of the
    post-operative course in the sentence ("6 post-op PT visits", "since surgery she has had 8
    PT sessions"), not one denied ("no post-op PT yet"), and the count's own clause not placing
    them before the surgery."""
    # The count said to be of other care: "24 nonsurgical physical therapy visits".
    if _NOT_SURGICAL.search(text, start, end):
        return False
    clause_start = max(text.rfind(sign, 0, start) for sign in ";(")
    clause_end = min(
        (i for i in (text.find(sign, end) for sign in ";)") if i >= 0), default=len(text)
    )
    if _BEFORE_SURGERY.search(text, clause_start + 1, clause_end):
        return False
    return any(
        not _NO_BEFORE.search(text, max(0, cue.start() - 12), cue.start())
        for cue in _AFTER_SURGERY.pattern.finditer(text)
    )


def one_therapy(named: Iterable[str]) -> list[str]:
    """The therapies named, occupational therapy as one with the count of both: a sentence that
    names it is read under `prior_pt_visits` (the count the physical medicine guidelines take)
    and under `prior_ot_visits` (the Labor Code caps each discipline on its own)."""
    named = list(named)
    return [n for n in named if n != "prior_ot_visits"] if "prior_pt_visits" in named else named


def named_therapies(readings: list[Reading]) -> set[str]:
    """The therapies a sentence names, by their prior-visits facts; the generic "therapy" only
    where it is all the sentence names."""
    named = set(
        one_therapy({r.name[len(MENTIONED) :] for r in readings if r.name.startswith(MENTIONED)})
    )
    return named - {"prior_pt_visits"} if len(named) > 1 and "prior_pt_visits" in named else named


# Visits a sentence counts without naming the therapy are of the one named just before it.
# Visits counted where no therapy was named before in the same part of the record ("Visit 6 of
# 6 since last auth." opening a chiropractor's note): of no therapy the text names, and so, in a
# note written for a therapy request, of the therapy requested (`item.therapy_facts`).
UNNAMED_VISITS = "~visits:unnamed"
# The first day of such visits, where the sentence dates them, is that therapy's too.
VISITS_FROM_FOLLOW_UP = f"{VISITS_FOLLOW_UP}from"
VISITS_ANAPHOR = Anaphor(
    VISITS_FOLLOW_UP,
    named_therapies,
    lambda therapy, rest: f"{VISITS_FROM}{therapy}" if rest == "from" else therapy,
    unnamed=UNNAMED_VISITS,
)


# How long cognitive behavioural therapy has gone on, which biofeedback waits for (4 weeks):
# "CBT started 02/28/17", "six weekly CBT sessions", "8 weeks of psychotherapy", "CBT for two
# months".
_CBT_WORDS = frozenset(["cbt", "behavioral", "behavioural", "psychotherapy"])
_CBT = r"(?:individual\s+|group\s+)?(?:cbt|cognitive\s+behaviou?ral\s+(?:therapy|treatment)|psychotherapy)"
_CBT_BEGUN = re.compile(
    # (What it is for may stand between: "CBT for pain began 08/10/16".)
    rf"\b{_CBT}\s+(?:for\s+(?:[\w-]+\s+){{1,2}}?)?(?:was\s+|were\s+|has\s+been\s+)?"
    r"(?:started|begun|began|initiated|since)\s+"
    r"(?:on\s+)?"
    # The verb first: "Started individual CBT 02/22/2017".
    rf"|\b(?:started|began|begun|initiated|commenced)\s+{_CBT}\s+(?:on\s+)?",
    re.I | re.ASCII,
)
_CBT_LENGTH = re.compile(
    rf"\b(\d{{1,2}})\s*(weeks?|wks?|months?|mos?)\s+of\s+{_CBT}\b"
    rf"|\b{_CBT}\s+(?:for|x)\s*(\d{{1,2}})\s*(weeks?|wks?|months?|mos?)\b"
    rf"|\b(\d{{1,2}})\s+weekly\s+{_CBT}\s+sessions\b"
    # The length in brackets after the sessions: "CBT 6 sessions 07/06-08/10/16 (five weeks)".
    # (Only after the sessions counted: not "awaiting CBT authorization (6 weeks)".)
    rf"|\b{_CBT}\s+(?:x\s*)?\d{{1,2}}\s+(?:sessions|visits)\b[^.;:()]{{0,30}}?\(\s*(\d{{1,2}})\s*"
    r"(weeks?|wks?|months?|mos?)\s*\)",
    re.I | re.ASCII,
)


def psychotherapy_weeks(reader: Reader) -> None:
    """The weeks of cognitive behavioural therapy the record tells: from the day it began to
    the day the note is told on, or as a length; weekly sessions count a week each."""
    if _CBT_WORDS.isdisjoint(reader.words) or reader.planned or reader.asks:
        return
    text = reader.figures
    told_on = reader.sentence.told_on
    begun = first_date_after(_CBT_BEGUN.finditer(text), text, told_on, told_on) if told_on else None
    if begun is not None:
        reader.add("cbt_weeks", (told_on - begun[0]).days // 7, begun[1], begun[2])
        return
    for found in _CBT_LENGTH.finditer(text):
        if found[5]:
            reader.add("cbt_weeks", int(found[5]), found.start(), found.end())
        else:
            count, unit = next((found[g], found[g + 1]) for g in (1, 3, 6) if found[g])
            reader.add("cbt_weeks", weeks_in(int(count), unit), found.start(), found.end())
        return


# The days of an inpatient rehabilitation or skilled nursing stay already spent, which ODG's
# length of stay weighs an extension against: "IRF team conference, day 12", "admitted to IRF
# 02/12" (counted to the day the note is told), "has now been there 18 days".
_FACILITY = (
    r"(?:irf|snf|skilled\s+nursing(?:\s+facility)?|inpatient\s+rehab(?:ilitation)?(?:\s+facility|"
    r"\s+unit)?|acute\s+rehab(?:ilitation)?(?:\s+unit)?|rehab(?:ilitation)?\s+(?:unit|facility|"
    r"hospital|center)|nursing\s+facility|the\s+facility)"
)
_FACILITY_WORDS = frozenset(
    ["irf", "snf", "skilled", "rehab", "rehabilitation", "facility", "nursing", "there"]
)
_STAY_DAY = re.compile(
    rf"\b{_FACILITY}\b[^.;]{{0,40}}?(?<!\ba\s)(?<!\bper\s)(?<!\beach\s)\bday\s+#?(?P<day>\d{{1,3}})\b"
    r"(?!\s*(?:days?|x|/|times))"
    rf"|\b(?:has\s+)?(?:now\s+)?been\s+(?P<there>there|in\s+(?:the\s+)?{_FACILITY})\s+(?:for\s+)?"
    r"(?P<days>\d{1,3})\s+days\b"
    rf"|\b(?P<days2>\d{{1,3}})\s+days\s+(?:in|at)\s+(?:the\s+)?{_FACILITY}\b",
    re.I | re.ASCII,
)
_ADMITTED_TO = re.compile(
    rf"\badmitted\s+(?:to|into)\s+(?:the\s+)?{_FACILITY}\s+(?:on\s+)?", re.I | re.ASCII
)


_STAY_ENDED = frozenset(["discharged", "readmitted"])


def stay_days(reader: Reader) -> None:
    """Days of a skilled nursing or inpatient rehabilitation stay already spent (not of a stay
    the sentence says ended)."""
    if _FACILITY_WORDS.isdisjoint(reader.words) or reader.planned or reader.asks:
        return
    if not _STAY_ENDED.isdisjoint(reader.words):
        return
    if not reader.counts:
        return
    text = reader.figures
    told_on = reader.sentence.told_on
    admitted = (
        first_date_after(_ADMITTED_TO.finditer(text), text, told_on, told_on) if told_on else None
    )
    if admitted is not None:
        days = (told_on - admitted[0]).days
        reader.add("inpatient_rehab_days_completed", days, admitted[1], admitted[2])
        return
    for found in _STAY_DAY.finditer(text):
        # "There" is the facility's only where the sentence names one: "transferred to SNF on
        # 09/01 and has now been there 18 days", not a daughter's home.
        if (found["there"] or "").lower() == "there" and _FACILITY_WORDS.isdisjoint(
            reader.words - {"there"}
        ):
            continue
        days = int(found["day"] or found["days"] or found["days2"])
        reader.add("inpatient_rehab_days_completed", days, found.start(), found.end())
        return
