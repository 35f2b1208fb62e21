"""The patient and the record's dates: age and sex, the date of injury, of the utilization review
and of the latest report, from which the time since the injury and a drug's duration are counted.
"""

from __future__ import annotations

import re
from datetime import date

from engine.caseless import Caseless
from engine.facts.days_told import could_tell_day, with_days_told
from engine.facts.figures import (
    DATE,
    DATE_AFTER,
    MONTH_SET,
    MONTH_YEAR_AFTER,
    MONTHS,
    NUMBER_WORD_SET,
    SHORT_MONTH_YEAR,
    SPOKEN_YEAR_WORDS,
    date_of,
    first_date_after,
    latest_on_or_before,
    month_of,
    with_spoken_dates,
)
from engine.facts.sentences import Reader

# "a 56-year-old male", "a 56-year old employee", "58 year old school bus mechanic", "52 y/o F"
# (the age alone, with the sex where a word for it follows); not a child of the patient's.
_AGE_SEX = Caseless(
    re.compile(
        r"\b(?P<age>\d{1,3})(?:[- ]+(?:year|yr)s?[- ]old|\s*(?:y/o|yo|y\.o\.))(?!\s+(?:son|daughter|"
        r"child|grandson|granddaughter|boy|girl)\b)"
        r"(?:\s+(?:(?:injured|right|left)[- ]?\w*\s+)?(?:(?P<sex>male|female|man|woman|gentleman|lady)|"
        r"employee|patient|claimant|worker|individual|person)\b)?",
        re.I | re.ASCII,
    )
)
# The age told as what the patient is: "Ms. Arnesen is forty-one and has had pain ...", "Mr.
# Thibodeaux, who is fifty-three, fell ...", "he is 48 years of age". The number ends its clause
# (or is given in years of age), so "is 45 minutes late" or "is 50% better" is no age.
_AGE_STATED = Caseless(
    re.compile(
        # ("She's forty-four, has never had an ulcer".)
        r"\b(?:(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w'-]+|he|she)(?:,\s+who)?(?:\s+is|'s)\s+(?:now\s+)?"
        r"(?P<age>[1-9]\d)(?=\s*(?:[,;.]|\band\b|\bwith\b|$)|\s+years?\s+of\s+age\b)",
        re.I | re.ASCII,
    )
)
_AGE_STATED_WORDS = frozenset(["mr", "mrs", "ms", "miss", "he", "she"])
_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "miss"])
# The sentence opening on the patient's title and name, then the age between commas, then the
# job or a word of what the patient is: "Ms. F, 58, line cook", "Mr. Ortiz, 44, a roofer".
_NAMED_THEN_AGE = re.compile(
    r"\W*(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w'-]*\.?,\s*(?P<age>[1-9]\d)\s*,\s*(?:an?\s+)?[a-z]",
    re.ASCII,
)
_INJURY_DATE = Caseless(
    re.compile(
        r"\b(?:(?:industrial\s+)?injury\s+date|date\s+of\s+(?:industrial\s+)?injury|DOI|D\.O\.I\.?)"
        # The kind of claim may stand between: "DOI (CT) 10/31/2016", "DOI CT through 06/15/2016"
        # (a cumulative trauma dated by its last day).
        r"(?:\s*\((?:CT|cumulative\s+trauma|specific|CT\s+claim)\))?"
        r"(?:\s+(?:CT|cumulative\s+trauma)\s+(?:through|thru|ending|to))?"
        # "DOI given as 01/03/2017 (cumulative)".
        r"(?:\s+(?:of|on|was|is|(?:given|listed|reported|stated|recorded)\s+as))?:?\s+"
        # ("DOI: CT 11/01/2016": the kind after the colon; not a range, read by its last day below.)
        r"(?:(?:CT|cumulative\s+trauma)\s+(?=\d)(?![\d/]+\s*(?:-|to|through|thru)\s*\d))?"
        r"|\binjur(?:y|ed)\s+(?:\w+\s+){0,3}?on\s+|\binjury\s+(?:occurred|happened)\s+(?:on\s+)?"
        # A cumulative trauma dated by its last day in prose: "with continuous trauma through
        # 06/2016", "from continuous trauma ending 06/30/2023".
        # (Not another claim's: "a separate continuous trauma claim through 06/2016 was denied".)
        r"|(?<!separate\s)(?<!another\s)(?<!prior\s)\b(?:(?:continuous|cumulative)\s+trauma\s+"
        r"(?:claim\s+|injury\s+|period\s+)?|CT\s+(?:claim|injury|period)\s+)"
        r"(?:through|thru|ending(?:\s+on)?|to)\s+"
        # With its first day as well: "CT claim 01/01/2010 through 06/30/2016", "CT 2012-05/2016".
        r"|\b(?:CT|continuous\s+trauma|cumulative\s+trauma)\s+(?:claim\s+|period\s+)?(?:from\s+)?"
        r"(?:\d{1,2}/(?:\d{1,2}/)?\d{2,4}|(?:19|20)\d\d)\s*(?:through|thru|to|-)\s*"
        # A cumulative trauma dated by its report, as the date of injury of such a claim is
        # taken: "CT claim reported 05/02/2016", "cumulative trauma claim filed 06/2016".
        # (Not another claim's: "an earlier CT claim reported 05/02/2014 for the neck", "her
        # older CT claim filed 06/2012 was settled".)
        r"|(?<!separate\s)(?<!another\s)(?<!prior\s)(?<!earlier\s)(?<!older\s)(?<!second\s)"
        r"(?<!previous\s)(?<!first\s)(?<!\bold\s)(?<!\ban\s)"
        r"\b(?:CT|continuous\s+trauma|cumulative\s+trauma)\s+"
        r"claim\s+(?:was\s+)?(?:reported|filed|opened)\s+(?:on\s+|in\s+)?(?=\d[\d/]*"
        r"(?![^.;]{0,40}\b(?:settled|denied|closed|for\s+(?:the\s+)?(?:neck|back|psych\w*|shoulder|"
        r"hearing|knees?|hands?|wrists?)|on\s+(?:a|another)\s+claim)\b))"
        # "injured at work in March 2017": "in" only before a month and year.
        r"|\binjur(?:y|ed)\s+(?:\w+\s+){0,3}?in\s+(?=\d{1,2}/\d{4}|[a-z]+\.?\s+(?:19|20)\d\d)",
        re.I | re.ASCII,
    )
)
# The injury named after its date: "chronic low back pain from a 12/2014 injury", "since his
# 03/12/2015 work injury" (a month and year: its middle, as `month_of` gives).
_DATE_BEFORE_INJURY = Caseless(
    re.compile(
        r"\b(?:from|since|after|following|of|with|sustained|in|on)\s+(?:a|an|the|his|her|their)\s+"
        rf"(?P<when>{DATE}|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\b)\s+"
        r"(?:(?:work|industrial|occupational|specific|lifting|twisting|crush|fall)\s+){0,2}"
        r"injury\b",
        re.I | re.ASCII,
    )
)
# A note without a date of injury tells the injury as what happened, with its date: "twisted the
# left knee on a ladder 11/29/2016", "fell from a scaffold on 3/2/2017", "was struck by a
# falling panel 10/19/2016", "LBP after MVA on 07/11/16", "Slip and fall on wet floor at work
# 08/01/2017", "Twisting injury R knee at work on 4/12/2017", "onset while lifting a patient (CNA)
# on 9/9/2016". Read where the record names no date of injury (`letter_facts`). A procedure,
# visit or study named between the event and the date dates that instead ("fall ... ORIF on
# 06/20/2017").
_INJURY_EVENT_WORDS = frozenset(
    ["twisted", "fell", "slipped", "tripped", "struck", "lifting", "crushed", "jammed",
     "wrenched", "collided", "assaulted", "injury", "injured", "fall", "falls", "slip",
     "twisting", "bending", "mva", "mvc", "collision", "accident", "onset", "work", "rear",
     "pinned", "caught", "lacerated", "laceration", "pulling", "pushing", "hit", "strained",
     "sprained", "hurt", "felt", "inverted", "everted", "rolled", "developed", "repositioning",
     "transferring", "unloading", "stacking", "robbery", "robbed", "gunpoint", "attacked",
     "stabbed", "dislocated", "dislocation", "pivoted", "jumped", "burned", "scalded",
     "electrocuted", "bitten", "fire", "burn", "burns", "splash", "contacted", "tipped",
     "overturned", "collapsed"]
)  # fmt: skip
# Care named between the event and a date, which the date is then of: "fall ... ORIF on
# 06/20/2017".
_CARE = (
    r"surgery|s/p|underwent|ORIF|repair|fusion|arthroscopy|seen|visit|PT|therapy|MRI|CT|x-?rays?|"
    r"XR|EMG|injection|ESI"
)
# A work status, whose date is not the injury's ("on duty" is where the injury happened).
_WORK_STATUS = r"(?:full|light|modified|regular|restricted|usual)\s+duty|restrictions?"
# What happened: "slipped on ice", "twisted his knee", "felt a pop".
_EVENT = (
    r"\b(?:twisted|fell|slipped|tripped|(?:was\s+)?struck|lifting|crushed|jammed|wrenched|"
    r"collided|(?:was\s+)?assaulted|injur(?:y|ed)|falls?|slip|twisting|bending|MVA|MVC|"
    r"collision|accident|onset|at\s+work|rear[\s-]+ended|(?:was\s+)?hit\s+by|pinned|caught|"
    r"lacerated|laceration|pulling|pushing|strained|sprained"
    # What the worker was doing: "after repositioning a patient on 11/17".
    r"|repositioning|transferring|unloading|stacking"
    # A violent event: "held at gunpoint at the register during a robbery on 11/19/2016".
    r"|robbery|robbed|held\s+at\s+gunpoint|attacked|stabbed"
    # An ankle turned: "inverted his right ankle stepping off a pallet on 01/09/2017".
    r"|inverted|everted|rolled"
    # A joint put out the first time, or the landing that hurt it: "First anterior dislocation
    # 06/09/2016 restraining an inmate", "dislocated his shoulder lifting ...", "jumped from the
    # truck bed and pivoted 03/30/2017" (not a remote or a repeated one).
    r"|first\s+(?:[\w-]+\s+){0,2}dislocation|(?<!re-)(?<!re)dislocated\s+(?:his|her)\s+"
    r"(?:[\w-]+\s+){0,2}(?:shoulder|elbow|knee|kneecap|patella|finger|thumb|hip|ankle)\b"
    r"(?!\s+(?:it\s+)?again)|pivoted|jumped\s+(?:from|off|down)"
    # "hurt his back", "the shoulder he hurt on ...".
    r"|hurt(?:\s+(?:his|her|their|my|it|himself|herself|themselves|myself)|(?=\s+on\s))"
    # What the patient felt as it happened: "felt something give in her neck", "felt a pop".
    r"|felt\s+(?:something|a\s+(?:pop|snap|tear|pull|twinge|crack))\b"
    # The symptoms that came on, where no event is named: "developed neck and right upper
    # trapezius pain on 08/03/2016 after a long procedure day".
    r"|developed\s+(?:[\w/-]+\s+){0,8}?(?:pain|numbness|tingling|symptoms|swelling|aching))\b"
)
_INJURY_EVENT = Caseless(
    re.compile(
        _EVENT
        # A date after a work status dates the status: "no lifting over fifteen pounds to full
        # duty on the fifth of January".
        + rf"(?:(?!\b(?:{_CARE}|{_WORK_STATUS})\b)[^.;]){{0,60}}?\b"
        r"(?:on\s+|in\s+)?"
        rf"(?=(?:{DATE})|(?:\d{{1,2}}/(?:19|20)\d\d\b)|[a-z]+\.?\s+(?:19|20)\d\d\b)",
        re.I | re.ASCII,
    )
)
# An emergency visit's note, dated by its heading: "ED 02/11/17:", "ED d/c 10/09/16:".
_ED_HEADING = re.compile(
    rf"^\W*(?:ED|ER|emergency\s+(?:department|room))(?:\s+(?:visit|d/c|discharge|note|record))?"
    # (With the hour, and a stop after it, then the triage line: "ED 06/05/17 14:40. Triage: ...".)
    rf"\s+(?:{DATE})(?:\s+\d{{1,2}}:\d{{2}})?\s*[:.]",
    re.I | re.ASCII,
)
# The event itself, as an emergency note opens on it (not "injury" named, which a follow-up
# names too).
_CONCRETE_EVENT = (
    r"\b(?:twisted|fell|slipped|tripped|(?:was\s+)?struck|crushed|jammed|wrenched|collided|"
    r"(?:was\s+)?assaulted|rear[\s-]+ended|(?:was\s+)?hit\s+by|pinned|caught|lacerated|"
    r"inverted|rolled|MVA|MVC|collision|repositioning|transferring|unloading|stacking|robbery|"
    r"robbed|held\s+at\s+gunpoint|attacked|stabbed)\b"
)
# (In an emergency record's triage line, also the strain as the patient felt it at a task: "felt
# a 'pop' in the R shoulder lifting a case of water overhead".)
_INJURY_EVENT_ANYWHERE = Caseless(
    re.compile(
        _CONCRETE_EVENT
        + r"|\bfelt\s+(?:an?\s+)?\W?(?:pop|snap|tear|tearing)\b\W?[^.;]{0,40}?\b(?:lifting|pulling|"
        r"pushing|carrying|reaching|moving|loading|unloading)\b",
        re.I | re.ASCII,
    )
)
_NOT_THAT_DAY = re.compile(
    r"\b(?:ago|denies|denied|atraumatic|no\s+(?:injury|trauma|fall)|in\s+(?:19|20)\d\d)\b",
    re.I | re.ASCII,
)
# The day without its year, as a note dates an injury of days before: "slipped on ice in the
# staff lot at start of shift on 01/05" (the latest such day on or before the note's).
_INJURY_EVENT_SHORT = Caseless(
    re.compile(
        _CONCRETE_EVENT + rf"(?:(?!\b(?:{_CARE}|{_WORK_STATUS})\b)[^.;]){{0,60}}?\bon\s+"
        r"(?P<month>\d{1,2})/(?P<day>\d{1,2})\b(?![/\d])",
        re.I | re.ASCII,
    )
)
# The date first, then what the patient was doing and what it brought on: "on march
# fourteenth twenty seventeen she was stacking cases on a high shelf and developed aching in the
# left shoulder".
_ONSET_VERBS = frozenset(
    ["developed", "felt", "noticed", "injured", "hurt", "twisted", "strained", "slipped",
     "tripped", "fell", "stepped", "landed"]
)  # fmt: skip
_DATE_THEN_EVENT = Caseless(
    re.compile(
        # (The weekday may come first: "on Saturday 09/03/2016 he stepped backward off the
        # loading dock ... and landed on the left knee".)
        r"\bon\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
        rf"(?:{DATE}),?\s+(?:he|she|the\s+(?:patient|employee|claimant|injured\s+worker))"
        r"\s+(?:(?:was|were)\s+[a-z]+ing\b[^.;]{0,120}?\b(?:developed|felt|noticed|injured|hurt|"
        r"twisted|strained)"
        # The fall itself, told right after the date: "on 09/03/2016 he slipped on ...".
        r"|(?P<fall>slipped|tripped|fell|stepped\s+(?:backwards?|off\s+(?:the|a|an)|down\s+(?:from|off))"
        r"|twisted|landed\s+(?:on|onto|hard|heavily)))\b",
        re.I | re.ASCII,
    )
)
# The date opening the sentence, the injury told right after it: "8/19/2016 slipped off a
# pitched roof onto a driveway", "On 03/11/17 he burned the right forearm in a fryer grease
# fire", "10/18/2016 contacted a live 480 V bus bar". Only the events themselves, near the date
# (not "01/10/2017 ODI fell from 46% to 28%", "11/02/2016 Tinel positive with electrical shock
# sensation", "12/01/2016 Burned area healing"), and not an event at home, denied, or earlier
# than the note's date tells (`_NOT_THAT_DAY`, `_NOT_THIS_INJURY`).
_DATE_OPENS_EVENT = Caseless(
    re.compile(
        rf"\A\W*(?:on\s+)?(?:{DATE}),?\s+(?:(?:he|she|the\s+(?:patient|employee|worker)|pt)\s+)?"
        r"(?:was\s+)?(?:slipped|tripped|fell\s+(?:from|off|down|onto|into|through|approximately|about"
        r"|\d)|burned\s+(?:his|her|the|both)|scalded|electrocuted|bitten\s+by|struck\s+by|crushed\s+"
        r"(?:his|her|the)|(?:[a-z]+\s+)?(?:grease|flash|kitchen|chemical)\s+(?:fire|burns?|splash)"
        r"|contacted\s+(?:an?\s+)?(?:live|energized)"
        # The machine or vehicle the worker was on: "On 9/17/16 the tractor tipped on a slope",
        # "on 03/02/2026 his delivery van was rear-ended".
        r"|(?:the|his|her)\s+(?:[a-z]+\s+)?(?:tractor|forklift|truck|vehicle|car|van|bus|ladder|"
        r"scaffold|scaffolding|lift)\s+(?:tipped|rolled|overturned|collapsed|"
        r"was\s+(?:struck|hit|rear[\s-]ended|t[\s-]boned)))\b",
        re.I | re.ASCII,
    )
)
_NOT_THIS_INJURY = re.compile(
    r"\b(?:at\s+home|non[\s-]?industrial|not\s+work[\s-]+related|last\s+(?:week|month|year)|again|"
    r"nearly|almost|has\s+not|have\s+not|no\s+new\s+injury|daughter|son|wife|husband)\b",
    re.I | re.ASCII,
)
# The date before its label: "Neck pain into R arm since 5/16/2016 DOI".
_DATE_THEN_LABEL = Caseless(
    # (On one line: a heading's date over a "DOI:" line is the visit's, "HAND CLINIC NOTE -
    # 3/15/17" then "DOI: CT 11/01/2016".)
    re.compile(rf"(?:{DATE})[ \t]*\(?[ \t]*(?:DOI|date\s+of\s+injury)\b", re.I | re.ASCII)
)
# The symptoms' start, for a note that gives no date of injury (a cumulative-trauma claim's
# numbness "since about March 2016"): the point the weeks of the condition run from.
_SYMPTOM_WORDS = frozenset(
    ["pain", "numbness", "tingling", "symptoms", "sx", "aching", "ache", "stiffness", "swelling",
     "paresthesias", "burning", "weakness", "numb"]
)  # fmt: skip
_SYMPTOM_PATTERN = (
    r"pain|numbness|tingling|symptoms?|sx|aching|ache|stiffness|swelling|paresthesias?|burning|"
    r"weakness|numb"
)
_SYMPTOM_ONSET = Caseless(
    re.compile(
        # (Not what care is for: "CBT for pain began 08/10/16" dates the care; "off work for
        # pain since 08/10/16" is the pain's start.)
        rf"(?<!\bcbt\sfor\s)(?<!\btherapy\sfor\s)(?<!\btreatment\sfor\s)(?<!\bpt\sfor\s)"
        rf"(?<!\bcbt\sfor\schronic\s)(?<!\btherapy\sfor\schronic\s)"
        rf"\b(?:{_SYMPTOM_PATTERN})\b[^.;]{{0,120}}?\b(?:since|began(?:\s+(?:in|on|around))?|started\s+(?:in|on|"
        r"around)|beginning\s+(?:in|on|around)|onset(?:\s+(?:in|on|around))?:?)\s*(?:about\s+|"
        rf"approximately\s+|around\s+|roughly\s+|approx\.?\s+|~\s*|(?:early|late|mid)\W+)?(?<=[\s~:])"
        rf"(?=(?:{DATE})|(?:\d{{1,2}}/(?:19|20)\d\d\b)|{SHORT_MONTH_YEAR}|"
        r"[a-z]+\.?,?\s+(?:of\s+)?(?:19|20)\d\d\b)",
        re.I | re.ASCII,
    )
)
# The symptom told as first noticed on a day, the date right after the verb: "Gradual R shoulder
# pain noticed about 11/29/2016" (not "employer noticed on 3/2 that she was rubbing her neck",
# "pain noticed about 3 weeks after starting a new job on 08/01").
_NOTICED_ON = Caseless(
    re.compile(
        rf"\b(?:{_SYMPTOM_PATTERN})\s+(?:was\s+|were\s+)?(?:first\s+)?noticed\s+(?:(?:on|in|around)\s+)?"
        r"(?:about\s+|approximately\s+|around\s+|roughly\s+|~\s*)?"
        rf"(?=(?:{DATE})|(?:\d{{1,2}}/(?:19|20)\d\d\b)|[a-z]+\.?,?\s+(?:of\s+)?(?:19|20)\d\d\b)",
        re.I | re.ASCII,
    )
)
# The start told as the verb, the symptoms after it: "began having right shoulder pain on
# 08/01/2016 after a week of overhead ceiling work".
_BEGAN_HAVING = Caseless(
    re.compile(
        r"\b(?:began|started)\s+(?:having|to\s+have|to\s+feel|feeling|noticing|to\s+notice)\s+"
        r"(?:(?!less\b|more\b|relief\b|improvement\b|better\b|worse\b|increased\b)[\w-]+\s+){0,4}?"
        rf"(?:{_SYMPTOM_PATTERN})\b(?!\s+relief)[^.;]{{0,40}}?\b(?:on|in|around)\s+"
        rf"(?=(?:{DATE})|(?:\d{{1,2}}/(?:19|20)\d\d\b)|[a-z]+\.?,?\s+(?:of\s+)?(?:19|20)\d\d\b)",
        re.I | re.ASCII,
    )
)
# The moment it was felt at a task: "felt a tearing pain in the right shoulder on 11/07/2016
# while lifting a 40-pound carton" (read only where the sentence does not set the event apart from
# work: "In 2009, unrelated to work, he felt a sharp pain ... while lifting his son").
_FELT_WHILE = Caseless(
    re.compile(
        r"\b(?:felt|noticed)\s+(?:an?\s+)?(?:(?:sudden|sharp|tearing|popping|searing)\s+)?"
        r"(?:pain|pop|snap)\b[^.;]{0,40}?\bon\s+"
        r"(?=\d{1,2}/\d{1,2}/\d{2,4}\s+while\s+(?:lifting|pulling|pushing|carrying|reaching|moving|"
        r"unloading|loading|climbing|stepping|twisting|bending|stocking|holding|throwing))",
        re.I | re.ASCII,
    )
)
_FELT_WORDS = frozenset(["felt", "noticed"])
_NOT_AT_WORK_WORDS = frozenset(
    ["unrelated", "nonindustrial", "non", "personal", "home", "weekend", "vacation", "son",
     "daughter", "child", "grandchild", "hobby", "sports", "gym"]
)  # fmt: skip
_SINCE_ABOUT = (
    r"\bsince\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|(?:early|late|mid)\W+)?"
)
# The same, the symptoms told after their start: "since May 2017 she has had numbness".
_SINCE_THEN_SYMPTOM = Caseless(
    re.compile(
        rf"{_SINCE_ABOUT}(?=(?:{DATE}|\d{{1,2}}/(?:19|20)\d\d\b|[a-z]+\.?,?\s+(?:of\s+)?(?:19|20)\d\d\b)"
        rf"[^.;]{{0,60}}?\b(?:{_SYMPTOM_PATTERN})\b)",
        re.I | re.ASCII,
    )
)
# The symptoms told from what the patient was doing when they began, with its date: "low back
# pain since she lifted a flour sack on 8/12/2025", "her right shoulder began to ache after a long
# day of bagging on 9/11/2017". Not from care or a return to work ("pain better since he
# started PT on ...").
_SINCE_EVENT_WORDS = frozenset(["since", "after"])
_SINCE_EVENT = Caseless(
    re.compile(
        rf"\b(?:{_SYMPTOM_PATTERN})\b[^.;]{{0,40}}?\b(?:since|after)\s+"
        rf"(?:(?!\b(?:{_CARE}|{_WORK_STATUS}|saw|started|began|stopped|return\w*|treatment|care)"
        r"\b)[^.;]){0,60}?\b(?:on|in)\s+"
        rf"(?=(?:{DATE})|\d{{1,2}}/(?:19|20)\d\d\b)",
        re.I | re.ASCII,
    )
)
# "She is to have the release ...", "he is going to start therapy ...".
_TO_COME_VERBS = frozenset(["have", "undergo", "be", "see", "start", "begin", "return"])
_TO_COME = re.compile(
    r"\b(?:is|are|am)\s+(?:to|going\s+to)\s+(?:have|undergo|be|see|start|begin|return)\b",
    re.ASCII,
)
# A month told against the note's date: "since about may of this year", "since last March",
# "numbness since March of last year". Its date is worked out in `letter_facts`, from the note's.
ONSET_MONTH = "~symptom_onset_month"
_RELATIVE_YEAR_WORDS = frozenset(["this", "last", "past"])
_RELATIVE_MONTH = (
    r"(?:(?:last|this\s+past)\s+(?P<month_last>{months})\b"
    r"|(?P<month>{months})\s+(?:of\s+)?(?P<which>this|last)\s+year\b)"
).format(months="|".join(sorted(MONTHS, key=len, reverse=True)))
_SINCE_MONTH = Caseless(re.compile(rf"{_SINCE_ABOUT}{_RELATIVE_MONTH}", re.I | re.ASCII))
_SYMPTOM = Caseless(re.compile(rf"\b(?:{_SYMPTOM_PATTERN})\b", re.I | re.ASCII))
# "The utilization review determination was rendered on 6/20/2014", "UR dated 11/14/14", and
# the date in brackets after the name: "The original utilization review (11-8-2016)", "The
# original Utilization Review (UR) (12-2-2016) denied".
_UR_DATE = Caseless(
    re.compile(
        r"\b(?:utilization\s+review|UR)\b"
        rf"(?:[^.]{{0,60}}?\b(?:on|from|dated|of)\s+|(?:\s*\([^)]{{0,40}}\))?\s*\(\s*)(?:{DATE})",
        re.I | re.ASCII,
    )
)
# The date first, in a sentence reporting the review's decision: "On 11-22-2016, Utilization
# Review non-certified the request", "On 12-19-16 the request was non-certified by utilization
# review".
_UR_DATE_BEFORE = Caseless(
    re.compile(
        rf"\bOn\s+(?:{DATE}),?\s+[^.]{{0,120}}?\b(?:utilization\s+review|UR)\b", re.I | re.ASCII
    )
)
# "the progress report dated April 14, 2014", "Request for Authorization dated 12-20-16", "The
# RFA (request for authorization) dated November 17, 2016", "Medical records dated 12-3-2016".
_REPORT_DATE = Caseless(
    re.compile(
        r"\b(?:progress\s+(?:note|report)s?|report|note|evaluation|visit|request\s+for\s+"
        r"authorization|authorization\s+request|RFA|(?:medical\s+)?records|documentation)"
        rf"(?:\s*\([^)]{{0,40}}\))?\s+(?:dated|of|on)\s+(?:{DATE})",
        re.I | re.ASCII,
    )
)
# A visit, as summaries tell one: "On 1-10-17, he complained of ...", "On 12-8-16 the treating
# physician requested authorization", "The injured worker presented on 10-28-2016", "at the
# 10-28-2016 visit"; and "On 11-17-2016, the Request for Authorization requested ...".
_VISIT_DATES = tuple(
    Caseless(re.compile(pattern, re.I | re.ASCII))
    for pattern in (
        rf"\bOn\s+(?:{DATE}),?\s+(?:the\s+)?(?:(?:treating|primary|attending)\s+)?"
        r"(?:provider|physician|doctor|patient|injured\s+worker|applicant|claimant|IW|he|she)"
        r"\s+(?:was\s+seen|was\s+evaluated|presented|complained|complains|reported|reports"
        r"|continued|noted|documented|requested)\b",
        rf"\bOn\s+(?:{DATE}),?\s+(?:the\s+)?(?:request\s+for\s+authorization|RFA)\b",
        rf"\b(?:presented|was\s+seen|was\s+evaluated)\s+on\s+(?:{DATE})",
        rf"\bthe\s+(?:{DATE})\s+(?:(?:office|follow[\s-]?up|progress|clinic)\s+)?"
        r"(?:visit|report|note|evaluation)\b",
    )
)
_REPORT_WORDS = frozenset(
    ["report", "reports", "note", "notes", "evaluation", "visit", "authorization", "rfa",
     "records", "documentation"]
)  # fmt: skip
_VISIT_WORDS = _REPORT_WORDS | frozenset(
    ["presented", "seen", "evaluated", "complained", "complains", "reported", "continued",
     "noted", "documented", "requested"]
)  # fmt: skip
# A review's own report is no report of the treatment: "In a utilization review report dated".
_REVIEW_BEFORE = re.compile(r"\b(?:review|UR)\s+\Z", re.I | re.ASCII)


def age_and_sex(reader: Reader) -> None:
    """ "A 56-year-old male": in the summary or a note, which speak of this patient."""
    text, lowered = reader.text, reader.lowered
    words = reader.words
    if reader.sentence.source not in ("summary", "note"):
        return
    if ("is" in words or "s" in words) and not words.isdisjoint(_AGE_STATED_WORDS):
        age_stated(reader)
    elif not words.isdisjoint(_TITLE_WORDS) and (named := _NAMED_THEN_AGE.match(text)):
        # "Ms. F, 58, line cook": the age set off by commas after the patient's name.
        reader.add("age_years", int(named["age"]), named.start(), named.end())
    if "old" in words or "o" in words or "yo" in words:
        age = _AGE_SEX.search(text, lowered)
        if age is None and not words.isdisjoint(NUMBER_WORD_SET):
            # Dictated or written out: "a forty five year old plumber", "a sixty-three year old
            # electrician ... injury at work on 02/02/2017".
            text = reader.figures
            age = _AGE_SEX.search(text, text.lower())
        if age:
            reader.add("age_years", int(age["age"]), age.start(), age.end())
            if age["sex"]:
                is_female = age["sex"].lower() in ("female", "woman", "lady")
                reader.add("sex", "female" if is_female else "male", age.start(), age.end())


def age_stated(reader: Reader) -> None:
    """ "Ms. Arnesen is forty-one": the age as what the patient is, in figures or in words."""
    if not reader.counts:
        return
    text = reader.figures
    age = _AGE_STATED.search(text, text.lower())
    if age:
        reader.add("age_years", int(age["age"]), age.start(), age.end())


def dated(reader: Reader) -> tuple[str, str, bool]:
    """The sentence with any date dictated in words ("october twenty sixth twenty sixteen") or
    told in words or ordinals ("on the ninth of December", "the 3rd of May 2016", "last Tuesday",
    dated against the date the note is told on) written in figures, at the same places: the
    text, lower-cased, and whether it holds a digit. Every reader of dates reads the sentence so."""
    text, lowered, has_digit = reader.text, reader.lowered, reader.has_digit
    words, told_on = reader.words, reader.sentence.told_on
    if told_on is not None and to_come(reader):
        # A day without its year in a sentence that plans is one to come ("scheduled for a
        # release on the ninth of April"), not the latest one past: only days with their year.
        told_on = None
    if not (words.isdisjoint(SPOKEN_YEAR_WORDS) or words.isdisjoint(MONTH_SET)):
        spoken = with_spoken_dates(text)
        if spoken is not text:
            text, lowered, has_digit = spoken, spoken.lower(), True
    if could_tell_day(words, has_digit, told_on):
        told = with_days_told(text, lowered, told_on)
        if told is not text:
            text, lowered, has_digit = told, told.lower(), True
    return text, lowered, has_digit


def to_come(reader: Reader) -> bool:
    """Whether the sentence plans or tells of what is still to happen."""
    return reader.planned or (
        "to" in reader.words
        and not reader.words.isdisjoint(_TO_COME_VERBS)
        and _TO_COME.search(reader.lowered) is not None
    )


# A year alone after the injury's label, not the start of a date ("DOI 2012 (data entry)").
_YEAR_ALONE_AFTER = re.compile(r"((?:19|20)\d\d)\b(?![/.-]\d)", re.ASCII)
_YEARS_FOR_A_YEAR_ALONE = 2
# Taken only where no sentence dates the injury better (`extract.letter_facts`): "Prior claim DOI
# 2009 (left knee). Current DOI 02/13/2017" is of 2017.
INJURY_YEAR = "~injury_year_date"


def record_dates(reader: Reader) -> None:
    """The dates of the injury, of the utilization review and of the reports."""
    text, lowered, has_digit = dated(reader)
    words = reader.words
    if has_digit and (
        "injur" in lowered
        or "doi" in words
        or "d.o.i" in lowered
        or "trauma" in words
        or "ct" in words
    ):
        for cue in _INJURY_DATE.finditer(text, lowered):
            when = DATE_AFTER.match(text, cue.end())
            injured = date_of(when) if when else None
            if injured:
                reader.add("injury_date", injured, cue.start(), when.end() if when else cue.end())
                break
            month = MONTH_YEAR_AFTER.match(text, cue.end())
            if month:
                reader.add("injury_date", month_of(month), cue.start(), month.end())
                break
            year = _YEAR_ALONE_AFTER.match(text, cue.end())
            told_on = reader.sentence.told_on
            if year and told_on and told_on.year - int(year[1]) >= _YEARS_FOR_A_YEAR_ALONE:
                # A year alone ("DOI 2012 (data entry)"), two years or more before the note:
                # the middle of that year, which may be half a year off but puts the injury
                # more than a year back, past every phase of care the guidelines time.
                reader.add(INJURY_YEAR, date(int(year[1]), 7, 1), cue.start(), year.end())
                break
        else:
            before = _DATE_BEFORE_INJURY.search(text, lowered)
            if before:
                at = before.start("when")
                day = DATE_AFTER.match(text, at)
                month = None if day else MONTH_YEAR_AFTER.match(text, at)
                injured = date_of(day) if day else month_of(month) if month else None
                if injured:
                    reader.add("injury_date", injured, before.start(), before.end())
    if has_digit and "doi" in words:
        for labelled in _DATE_THEN_LABEL.finditer(text, lowered):
            injured = date_of(labelled)
            if injured:
                reader.add("injury_date", injured, labelled.start(), labelled.end())
                break
    if has_digit and not words.isdisjoint(_INJURY_EVENT_WORDS):
        event_date(reader, text, lowered, _INJURY_EVENT, "~injury_event_date")
        seen = _ED_HEADING.match(text)
        if seen is not None and "~injury_event_date" not in (f.name for f in reader.found):
            # An emergency visit for the event the sentence tells, dated by its heading ("ED
            # 02/11/17: 33 y/o F home health aide, rear-ended at a stoplight"): the day of the
            # injury, or the day after, as near as the record tells.
            visited = date_of(seen)
            if (
                visited is not None
                and _INJURY_EVENT_ANYWHERE.search(text, lowered)
                # (Not an event told as long past, or denied: "fell off a ladder two weeks
                # ago", "denies that he fell", "MVA in 2009".)
                and not _NOT_THAT_DAY.search(text)
            ):
                reader.add("~injury_event_date", visited, seen.start(), seen.end())
        if "~injury_event_date" not in (f.name for f in reader.found):
            opening = _DATE_OPENS_EVENT.search(text, lowered)
            happened = date_of(opening) if opening is not None else None
            if (
                happened is not None
                and not _NOT_THAT_DAY.search(text)
                and not _NOT_THIS_INJURY.search(text)
            ):
                reader.add("~injury_event_date", happened, opening.start(), opening.end())
        told_on = reader.sentence.told_on
        if told_on is not None and "~injury_event_date" not in (f.name for f in reader.found):
            short = _INJURY_EVENT_SHORT.search(text, lowered)
            if short is not None and 1 <= int(short["month"]) <= 12:
                happened = latest_on_or_before(int(short["month"]), int(short["day"]), told_on)
                if happened is not None:
                    reader.add("~injury_event_date", happened, short.start(), short.end())
    if has_digit and "on" in words and not words.isdisjoint(_ONSET_VERBS):
        for event in _DATE_THEN_EVENT.finditer(text, lowered):
            # (A fall at home or another's is not this injury: `_NOT_THIS_INJURY`.)
            if event["fall"] and (_NOT_THAT_DAY.search(text) or _NOT_THIS_INJURY.search(text)):
                continue
            happened = date_of(event)
            if happened and "~injury_event_date" not in (found.name for found in reader.found):
                reader.add("~injury_event_date", happened, event.start(), event.end())
    if has_digit and "noticed" in words and not words.isdisjoint(_SYMPTOM_WORDS):
        event_date(reader, text, lowered, _NOTICED_ON, "~symptom_onset_date")
    if (
        has_digit
        and not words.isdisjoint(_FELT_WORDS)
        and "while" in words
        and words.isdisjoint(_NOT_AT_WORK_WORDS)
    ):
        event_date(reader, text, lowered, _FELT_WHILE, "~symptom_onset_date")
    if not words.isdisjoint(_SYMPTOM_WORDS) and (
        "since" in words
        or "began" in words
        or "started" in words
        or "beginning" in words
        or "onset" in words
    ):
        if has_digit:
            event_date(reader, text, lowered, _SYMPTOM_ONSET, "~symptom_onset_date")
            event_date(reader, text, lowered, _SINCE_THEN_SYMPTOM, "~symptom_onset_date")
            event_date(reader, text, lowered, _BEGAN_HAVING, "~symptom_onset_date")
        if has_digit and not words.isdisjoint(_SINCE_EVENT_WORDS):
            event_date(reader, text, lowered, _SINCE_EVENT, "~symptom_onset_date")
        if not words.isdisjoint(_RELATIVE_YEAR_WORDS) and not words.isdisjoint(MONTH_SET):
            symptom_onset_month(reader, text, lowered)
    if has_digit and ("utilization" in words or "ur" in words):
        reviews = list(_UR_DATE.finditer(text, lowered))
        if reader.ur_decision:
            reviews += _UR_DATE_BEFORE.finditer(text, lowered)
        for review in reviews:
            reviewed = date_of(review)
            if reviewed:
                reader.add("ur_date", reviewed, review.start(), review.end())
    if has_digit and not words.isdisjoint(_VISIT_WORDS):
        reports = [
            report
            for report in _REPORT_DATE.finditer(text, lowered)
            if not _REVIEW_BEFORE.search(text, 0, report.start())
        ]
        reports += [visit for pattern in _VISIT_DATES for visit in pattern.finditer(text, lowered)]
        for report in reports:
            reported = date_of(report)
            if reported:
                reader.add("latest_report_date", reported, report.start(), report.end())


def event_date(reader: Reader, text: str, lowered: str, event: Caseless, name: str) -> None:
    """The date just after an event's words: a day, or the middle of a month and year."""
    if name in (found.name for found in reader.found):
        return
    dated = first_date_after(event.finditer(text, lowered), text, reader.sentence.told_on)
    if dated is not None:
        reader.add(name, *dated)


def symptom_onset_month(reader: Reader, text: str, lowered: str) -> None:
    """Symptoms begun in a month told against the note's own date ("since about may of this
    year", "since last March"): the month and how it stands to the note's year, which
    `letter_facts` turns into a date once the note's date is known."""
    for told in _SINCE_MONTH.finditer(text, lowered):
        # The symptoms named in the same clause, before or after: "numbness since last March",
        # "since about may of this year she has had numbness".
        start = max(text.rfind(".", 0, told.start()), text.rfind(";", 0, told.start())) + 1
        ends = [at for at in (text.find(".", told.end()), text.find(";", told.end())) if at >= 0]
        if _SYMPTOM.search(text, lowered, start, min(ends, default=len(text))) is None:
            continue
        month = MONTHS[(told["month"] or told["month_last"]).lower()]
        which = "last" if told["month_last"] else "this" if told["which"] == "this" else "last_year"
        reader.add(ONSET_MONTH, (month, which), told.start(), told.end())
        return
