"""The letters stage: real and synthetic letters become cases with every item and decision."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import CORPUS_PDF, DATA, REPO, needs_shared, real_letters
from hypothesis import given
from hypothesis import strategies as st

from engine.errors import NotALetterError
from engine.facts import extract_note_facts
from engine.letters import (
    SENTENCE_BREAK,
    clean_request,
    conclude,
    parse_date,
    parse_letter,
    parse_letter_file,
    split_sentences,
)
from engine.models import Decision, DecisionSource, Layout

# An independent reading of the decisions: every line that ends a heading with a decision word,
# or holds the word alone. Kept deliberately simpler than the parser.
DECISION_LINE = re.compile(r"(?:^|:)[ \t]*(Upheld|Overturned)[ \t]*$", re.M)


@needs_shared
@pytest.mark.parametrize("path", real_letters(), ids=lambda p: p.stem)
def test_real_letter_items_match_decision_headings(path: Path, vocabulary) -> None:
    text = path.read_text(encoding="utf-8")
    case = parse_letter_file(path, vocabulary)
    assert len(case.items) == text.count("Decision rationale:")
    from_headings = [
        item.decision.value for item in case.items if item.decision_source == "heading"
    ]
    assert from_headings == [word.lower() for word in DECISION_LINE.findall(text)]
    for item in case.items:
        assert item.decision is not Decision.UNKNOWN, item.request
        assert item.request and "Upheld" not in item.request and "Overturned" not in item.request
        assert item.request == " ".join(item.request_span.slice(case.text).split()).strip(" :;,.")


def normalized_record(path: Path, vocabulary) -> dict:
    """A parse record with all whitespace removed from strings, and no offsets."""
    from engine.records import case_record

    record = case_record(parse_letter_file(path, vocabulary))
    record.pop("source")
    record.pop("summary_span")
    for item in record["items"]:
        item.pop("spans")

    def squeeze(value):
        if isinstance(value, str):
            return re.sub(r"\s+", "", value)
        if isinstance(value, dict):
            return {k: squeeze(v) for k, v in value.items()}
        if isinstance(value, list):
            return [squeeze(v) for v in value]
        return value

    return squeeze(record)


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS_PDF.glob("*.pdf")) if CORPUS_PDF.is_dir() else []


@needs_shared
@pytest.mark.parametrize("pdf", corpus_pdfs(), ids=lambda p: p.stem)
def test_pdf_parses_to_the_same_case_as_its_text(pdf: Path, vocabulary) -> None:
    text = pdf.parent.parent / "txt" / f"{pdf.stem}.txt"
    assert normalized_record(pdf, vocabulary) == normalized_record(text, vocabulary)


def test_committed_pdf_fixture_parses_like_its_text(vocabulary) -> None:
    pdf = DATA / "pdf" / "letter_aes.pdf"
    assert normalized_record(pdf, vocabulary) == normalized_record(
        pdf.with_name("letter.txt"), vocabulary
    )
    items = parse_letter_file(pdf, vocabulary).items
    assert [item.decision for item in items] == [Decision.UPHELD, Decision.OVERTURNED]


LAYOUT_SAMPLES = sorted((DATA / "layouts").glob("*.txt"))


@pytest.mark.parametrize("path", LAYOUT_SAMPLES, ids=lambda p: p.stem)
def test_other_published_layouts(path: Path, vocabulary) -> None:
    expected = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    case = parse_letter_file(path, vocabulary)
    assert case.layout.value == expected["layout"]
    assert case.case_number == expected["case_number"]
    got = [
        {
            "index": item.index,
            "request": item.request,
            "decision": item.decision.value,
            "decision_source": item.decision_source.value,
        }
        for item in case.items
    ]
    assert got == expected["items"]
    assert case.summary


def letter(*items: str) -> str:
    """A minimal DWC letter around the given item blocks."""
    return (
        "Case Number: CM16-0000001\nDate Assigned: 11/23/2016 Date of Injury: 10/16/2016\n"
        "Decision Date: 12/21/2016 UR Denial Date: 10/20/2016\nPriority: Standard Application\n"
        "Received:\n11/15/2016\nHOW THE IMR FINAL DETERMINATION WAS MADE\nboilerplate.\n"
        "CLINICAL CASE SUMMARY\nThe expert reviewer developed the following clinical case summary "
        "based on a review of the\ncase file, including all medical records:\nThe patient hurt a back.\n"
        "IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the "
        "disputed items/services set forth below:\n" + "".join(items)
    )


def item(heading: str, conclusion: str = "the request is not medically necessary.") -> str:
    return (
        f"{heading}\nClaims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
        "Treatment 2016, Section(s): Physical medicine treatment.\nMAXIMUS guideline: Decision based "
        "on MTUS Low Back Complaints 2004, Section(s): Special Studies.\nDecision rationale: Reasons "
        f"were given. Given the above,\n{conclusion}\n"
    )


def test_header_fields_and_dates(vocabulary) -> None:
    case = parse_letter(letter(item("MRI of the lumbar spine: Upheld")), vocabulary=vocabulary)
    assert case.case_number == "CM16-0000001"
    assert case.priority == "standard"
    assert str(case.dates.injury) == "2016-10-16"
    assert str(case.dates.application_received) == "2016-11-15"
    assert case.summary == "The patient hurt a back."


def test_colon_inside_a_heading_is_part_of_the_request(vocabulary) -> None:
    case = parse_letter(
        letter(
            item("Retrospective E-stim (DOS: 11/14/16): Upheld"),
            item("Norco day supply: 30: Overturned", "it is medically necessary."),
        ),
        vocabulary=vocabulary,
    )
    assert [i.request for i in case.items] == [
        "Retrospective E-stim (DOS: 11/14/16)",
        "Norco day supply: 30",
    ]
    assert [i.decision for i in case.items] == [Decision.UPHELD, Decision.OVERTURNED]


def test_decision_word_alone_on_its_line_and_heading_over_two_lines(vocabulary) -> None:
    case = parse_letter(
        letter(
            item(
                "An Orthopedic Consultation for the Left Knee, Lumbar Spine and\nCervical Spine:\nOverturned",
                "it is medically necessary.",
            )
        ),
        vocabulary=vocabulary,
    )
    only = case.items[0]
    assert (
        only.request
        == "An Orthopedic Consultation for the Left Knee, Lumbar Spine and Cervical Spine"
    )
    assert only.decision is Decision.OVERTURNED and only.decision_source is DecisionSource.HEADING


@pytest.mark.parametrize(
    "heading",
    [
        "Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the\n"
        "Claims Administrator. The remaining IMR eligible portion of the original request, Norco\n"
        "10/325mg #35 is: Upheld",
        # Each of the first two sentences ends a line, its closing words on that line alone: the
        # lines above still belong to the heading.
        "Norco 10/325mg #60 was the\noriginal request.\nNorco 10/325mg #25 was authorized by the "
        "Claims\nAdministrator.\nThe remaining IMR eligible portion of the original request, Norco\n"
        "10/325mg #35 is: Upheld",
    ],
    ids=["as-printed", "sentences-broken-over-lines"],
)
def test_partial_authorization_disputes_the_remaining_portion(heading: str, vocabulary) -> None:
    only = parse_letter(letter(item(heading)), vocabulary=vocabulary).items[0]
    assert only.request == "Norco 10/325mg #35"
    assert only.original_request == "Norco 10/325mg #60"
    assert only.authorized_request == "Norco 10/325mg #25"
    assert only.normalized.quantity.units == 35
    # What is left of a request UR authorized in part is more of the same: a continuation.
    assert only.normalized.quantity.additional


def test_partial_authorization_of_something_else_disputes_the_whole_original(vocabulary) -> None:
    heading = (
        "Acupuncture treatments (unspecified quantity) was the original request. The Claims\n"
        "Administrator authorized Acupuncture treatments, 6 sessions, leaving the original request\n"
        "IMR eligible. The original request, Acupuncture treatments (unspecified quantity) is:\nUpheld"
    )
    only = parse_letter(letter(item(heading)), vocabulary=vocabulary).items[0]
    assert only.request == "Acupuncture treatments (unspecified quantity)"
    assert only.authorized_request == "Acupuncture treatments, 6 sessions"
    # The whole original request is judged as asked, not as more beyond what UR allowed.
    assert not only.normalized.quantity.additional


def test_heading_without_decision_takes_the_rationale_conclusion(vocabulary) -> None:
    case = parse_letter(
        letter(
            item(
                "Acupuncture 2x6 for the lumbar/cervical:",
                "The requested acupuncture is not medically necessary.",
            )
        ),
        vocabulary=vocabulary,
    )
    only = case.items[0]
    assert only.request == "Acupuncture 2x6 for the lumbar/cervical"
    assert (only.decision, only.decision_source) == (Decision.UPHELD, DecisionSource.CONCLUSION)


def test_heading_split_by_a_page_break(vocabulary) -> None:
    case = parse_letter(
        letter(
            item(
                "8 ADDITIONAL SESSIONS PHYSICAL THERAPY FOR THE LUMBAR/CERVICAL \n\nSPINE:  Upheld"
            )
        ),
        vocabulary=vocabulary,
    )
    assert (
        case.items[0].request
        == "8 ADDITIONAL SESSIONS PHYSICAL THERAPY FOR THE LUMBAR/CERVICAL SPINE"
    )


def test_sentence_credentials_block(vocabulary) -> None:
    text = letter(item("MRI of the neck: Upheld")).replace(
        "boilerplate.",
        "The expert\nreviewer is Board Certified in Anesthesiology, has a subspecialty in Pain Management and is\n"
        "licensed to practice in California. He/she has been in practice.",
    )
    reviewer = parse_letter(text, vocabulary=vocabulary).reviewer
    assert reviewer.specialties == ["Anesthesiology"]
    assert reviewer.subspecialties == ["Pain Management"]
    assert reviewer.licensure == ["California"]


@pytest.mark.parametrize(
    ("rationale", "decision"),
    [
        ("Therefore, the request is medically necessary.", Decision.OVERTURNED),
        ("As such, the request is not medically necessary.", Decision.UPHELD),
        ("The request for Diclofenac is not seen as medically necessary.", Decision.UPHELD),
        (
            "additional sessions cannot be reasonably warranted as a medical necessity.",
            Decision.UPHELD,
        ),
        (
            "It is deemed that the request is not medically necessary, based on the records provided.",
            Decision.UPHELD,
        ),
        ("The MRI is medically necessary. Physical therapy was tried.", Decision.OVERTURNED),
        ("No conclusion is written here.", Decision.UNKNOWN),
        # A text layer that runs the words together, as the state's 2013 notices do.
        ("Therefore, the request is notmedically necessary.", Decision.UPHELD),
        ("Therefore, the request is not medicallynecessary.", Decision.UPHELD),
    ],
)
def test_conclusion_sentences(rationale: str, decision: Decision) -> None:
    assert conclude(rationale) is decision


def test_text_of_no_known_layout_is_rejected(vocabulary) -> None:
    with pytest.raises(NotALetterError, match="not an IMR determination letter"):
        parse_letter("Dear patient, your appointment is on Monday.", vocabulary, "note.txt")


def test_letter_without_items_is_rejected(vocabulary) -> None:
    with pytest.raises(NotALetterError, match="no disputed item"):
        parse_letter(
            "MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\n\nCASE SUMMARY:\nnothing\n",
            vocabulary,
            "x.txt",
        )


def test_professional_layout_is_detected_before_the_notice(vocabulary) -> None:
    case = parse_letter_file(DATA / "layouts" / "professional_multi.txt", vocabulary)
    assert case.layout is Layout.PROFESSIONAL


def test_notice_header_dates_and_professional_reviewer(vocabulary) -> None:
    notice = parse_letter_file(DATA / "layouts" / "notice2013_multi.txt", vocabulary)
    assert (str(notice.dates.decision), str(notice.dates.ur_denial)) == ("2013-12-27", "2013-11-22")
    professional = parse_letter_file(DATA / "layouts" / "professional_multi.txt", vocabulary)
    assert professional.reviewer.specialties == ["Anesthesiology"]
    assert professional.reviewer.subspecialties == ["Pain Medicine"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("04/27/09", date(2009, 4, 27)),
        ("4-25-2012", date(2012, 4, 25)),
        ("1/2/49", date(2049, 1, 2)),
        ("1/2/55", date(1955, 1, 2)),
        ("2/30/2015", None),
        ("13/1/2015", None),
        ("1/2-2015", date(2015, 1, 2)),
        ("1/2/201", None),
    ],
)
def test_header_dates_and_dates_in_the_text_are_read_alike(
    written: str, expected: date | None, findings
) -> None:
    # One reading of two-digit years for the header's dates and the facts' dates (an injury on
    # "1/2/55" was in 1955 wherever it is written).
    assert parse_date(written) == expected
    note = f"The patient was injured on {written}."
    injured = [f.value for f in extract_note_facts(note, findings).facts if f.name == "injury_date"]
    assert injured == ([expected] if expected else [])


def test_a_conclusion_far_from_the_end_of_a_rationale_is_found() -> None:
    # The tail is read first; a conclusion before it is still the rationale's conclusion, and a
    # later one wins over it.
    filler = "The patient reports pain in the low back. " * 60
    assert conclude("The request is not medically necessary. " + filler) is Decision.UPHELD
    assert (
        conclude("The request is not medically necessary. " + filler + "It is medically necessary.")
        is Decision.OVERTURNED
    )
    assert conclude(filler) is Decision.UNKNOWN


def test_a_letter_with_no_break_spaces_parses_as_with_plain_ones(vocabulary) -> None:
    # PDFs and word processors put U+00A0 between words; places in the text must not move.
    seed = sorted((REPO / "cases").glob("seed-*/letter.txt"))[0].read_text(encoding="utf-8")
    spaced = seed.replace(" ", "\u00a0").replace("\n\n", "\n\u2028")
    plain, other = parse_letter(seed, vocabulary), parse_letter(spaced, vocabulary)
    assert len(other.text) == len(spaced)
    assert other.model_dump(exclude={"text"}) == plain.model_dump(exclude={"text"})


# --- text-layer artefacts ------------------------------------------------------------------------
# The catalogue in tests/data/layouts/artefacts.yaml: each artefact below damages a layout's fixed
# wording, or the whole letter, the way PDF text layers do; the case read must not change.

ARTEFACTS = yaml.safe_load((DATA / "layouts" / "artefacts.yaml").read_text(encoding="utf-8"))


def glued(found: str) -> str:
    return "".join(found.split())


def split(found: str) -> str:
    return " ".join(in_two(word, " ") if letters_in(word) >= 4 else word for word in found.split())


def hyphenated(found: str) -> str:
    return " ".join(
        in_two(word, "-\n") if letters_in(word) >= 6 else word for word in found.split()
    )


def line_breaks(found: str) -> str:
    return "\n".join(found.split())


def odd_case(found: str) -> str:
    return found[0] + found[1:].swapcase()


def page_footer(found: str) -> str:
    return between_halves(found, "\nPage 2 of 5\n")


def page_number(found: str) -> str:
    return between_halves(found, "\n- 2 -\n")


def ligatures(found: str) -> str:
    return found.replace("ff", "\ufb00").replace("fi", "\ufb01").replace("fl", "\ufb02")


def doubled_spaces(letter_text: str) -> str:
    return letter_text.replace(" ", "  ")


def no_break_spaces(letter_text: str) -> str:
    return letter_text.replace(" ", "\u00a0")


def curly_quotes(letter_text: str) -> str:
    return re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", letter_text).replace("'", "\u2019")


def letters_in(word: str) -> int:
    return sum(character.isalpha() for character in word)


def in_two(word: str, between: str) -> str:
    return word[: len(word) // 2] + between + word[len(word) // 2 :]


def between_halves(found: str, line: str) -> str:
    words = found.split()
    half = len(words) // 2
    return " ".join(words[:half]) + line + " ".join(words[half:]) if half else found


ARTEFACT_FUNCTIONS = {
    artefact.__name__: artefact
    for artefact in (
        glued,
        split,
        hyphenated,
        line_breaks,
        odd_case,
        page_footer,
        page_number,
        ligatures,
        doubled_spaces,
        no_break_spaces,
        curly_quotes,
    )
}


def layout_samples(layout: str) -> list[Path]:
    patterns = ARTEFACTS["layouts"][layout]["samples"]
    return sorted(path for pattern in patterns for path in REPO.glob(pattern))


def phrase_places(layout: str) -> re.Pattern[str]:
    """Where the layout's phrases stand, as printed: the words of each may be wrapped."""
    phrases = sorted(ARTEFACTS["layouts"][layout]["phrases"], key=len, reverse=True)
    return re.compile("|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases))


def damaged(text: str, layout: str, name: str) -> str:
    artefact = next(a for a in ARTEFACTS["artefacts"] if a["name"] == name)
    damage = ARTEFACT_FUNCTIONS[name]
    if artefact["where"] == "letter":
        return damage(text)
    return phrase_places(layout).sub(lambda found: damage(found[0]), text)


def what_is_read(case) -> dict:
    """What an artefact must not change: the layout, the sections found, the header, the
    reviewer's credentials and every item's request and decision."""
    reviewer = case.reviewer
    return {
        "layout": case.layout,
        "sections": sorted(case.sections),
        "case_number": case.case_number,
        "dates": case.dates,
        "reviewer": (reviewer.specialties, reviewer.subspecialties, reviewer.licensure),
        "items": [
            (
                item.index,
                item.request,
                item.original_request,
                item.authorized_request,
                item.decision,
                item.decision_source,
            )
            for item in case.items
        ],
    }


def artefact_cases() -> list:
    """Every sample with every artefact that damages it: a sample holds no curly quote to make
    straight, and only one layout's wording has an "fi" to make a ligature of."""
    cases = []
    for layout in ARTEFACTS["layouts"]:
        for sample in layout_samples(layout):
            text = sample.read_text(encoding="utf-8")
            for artefact in ARTEFACTS["artefacts"]:
                if damaged(text, layout, artefact["name"]) != text:
                    name = f"{sample.relative_to(REPO)}-{artefact['name']}"
                    cases.append(pytest.param(layout, sample, artefact["name"], id=name))
    return cases


ARTEFACT_CASES = artefact_cases()


@pytest.mark.parametrize(("layout", "sample", "artefact"), ARTEFACT_CASES)
def test_text_layer_artefacts_change_nothing_read(
    layout: str, sample: Path, artefact: str, vocabulary
) -> None:
    text = sample.read_text(encoding="utf-8")
    broken = damaged(text, layout, artefact)
    case = parse_letter(broken, vocabulary=vocabulary)
    assert what_is_read(case) == what_is_read(parse_letter(text, vocabulary=vocabulary))
    assert case.layout.value == layout
    for item in case.items:
        assert item.request == clean_request(item.request_span.slice(broken))


def test_every_artefact_of_the_catalogue_is_done_by_a_function_and_tried() -> None:
    assert [a["name"] for a in ARTEFACTS["artefacts"]] == list(ARTEFACT_FUNCTIONS)
    assert {a["where"] for a in ARTEFACTS["artefacts"]} == {"phrases", "letter"}
    tried = {case.values[2] for case in ARTEFACT_CASES}
    assert tried == set(ARTEFACT_FUNCTIONS), "an artefact that damages no sample tests nothing"


@pytest.mark.parametrize("layout", list(ARTEFACTS["layouts"]))
def test_every_phrase_of_the_catalogue_stands_in_a_sample(layout: str) -> None:
    samples = [path.read_text(encoding="utf-8") for path in layout_samples(layout)]
    assert samples
    for phrase in ARTEFACTS["layouts"][layout]["phrases"]:
        printed = re.compile(r"\s+".join(map(re.escape, phrase.split())))
        assert any(printed.search(text) for text in samples), phrase


NOTICE_VERDICT = re.compile(r"\bis(\s+not)?\s+(medically\s+necessary\s+and\s+appropriate)")


@pytest.mark.parametrize(
    ("verdict", "decision"),
    [("is not", Decision.UPHELD), ("is", Decision.OVERTURNED)],
    ids=["notmedically", "ismedically"],
)
def test_a_notice_with_every_verdict_glued_decides_every_item(
    verdict: str, decision: Decision, vocabulary
) -> None:
    # As in a real 2013 notice's text layer ("is notmedically necessary and appropriate"), which
    # was refused as not an IMR letter, although it says "has determined the request for".
    text = (DATA / "layouts" / "notice2013_multi.txt").read_text(encoding="utf-8")
    glued_text = NOTICE_VERDICT.sub(lambda found: verdict + found[2], text)
    assert "is not medically" not in glued_text and "is medically" not in glued_text
    case = parse_letter(glued_text, vocabulary=vocabulary)
    assert case.layout is Layout.NOTICE_2013
    assert [item.decision for item in case.items] == [decision] * 3
    assert [item.request for item in case.items] == [
        item.request for item in parse_letter(text, vocabulary=vocabulary).items
    ]


def test_glued_notice_determinations_are_the_items_where_there_are_no_item_headings(
    vocabulary,
) -> None:
    text = (DATA / "layouts" / "notice2013_multi.txt").read_text(encoding="utf-8")
    without_headings = text[: text.index("Expert Reviewer's Decision and Rationale:")]
    glued_text = without_headings.replace("is not medically", "is notmedically")
    case = parse_letter(glued_text, vocabulary=vocabulary)
    assert [(item.request, item.decision) for item in case.items] == [
        ("MRI of the cervical spine without contrast", Decision.UPHELD),
        ("Retrospective urine drug screen DOS: 11/14/13", Decision.OVERTURNED),
        (
            "Acupuncture 2 times a week for 6 weeks for the cervical spine, right shoulder and right "
            "upper extremity",
            Decision.UPHELD,
        ),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "MAXIMUS Federal Services, Inc. has determined the request for an MRI of the knee.",
            "not an IMR determination letter of a known layout: 'has determined the request for' "
            "was found but not followed by 'is [not] medically necessary and appropriate'",
        ),
        (
            "IMR ISSUES, DECISIONS AND RATIONALES\nMRI of the knee: Upheld\nDecision rationale: x.",
            "not an IMR determination letter of a known layout: 'IMR ISSUES, DECISIONS AND "
            "RATIONALES' was found but no 'Claims Administrator guideline:'",
        ),
        (
            "MEDICAL PROFESSIONAL\nREVIEW\nIMR ISSUES, DECISIONS AND RATIONALES",
            "not an IMR determination letter of a known layout: 'IMR ISSUES, DECISIONS AND "
            "RATIONALES' was found but no 'Claims Administrator guideline:'; 'MEDICAL PROFESSIONAL "
            "REVIEW' was found but no 'ISSUE AT DISPUTE:'",
        ),
    ],
)
def test_a_layout_begun_but_not_complete_is_named_with_what_it_lacks(
    text: str, reason: str, vocabulary
) -> None:
    with pytest.raises(NotALetterError) as refused:
        parse_letter(text, "x.txt", vocabulary)
    assert refused.value.message == reason


def test_a_phrase_broken_by_the_text_layer_is_not_called_missing(vocabulary) -> None:
    text = "Re: your claim. MAXIMUS has deter mined the re-\nquest for an MRI of the knee."
    with pytest.raises(NotALetterError) as refused:
        parse_letter(text, "x.txt", vocabulary)
    assert refused.value.message.startswith(
        "not an IMR determination letter of a known layout: 'has determined the request for' was "
        "found but"
    )


def test_page_footers_around_a_heading_are_passed_over(vocabulary) -> None:
    heading = "MRI of the lumbar spine:\nPage 2 of 5\nUpheld\n- 3 -"
    only = parse_letter(letter(item(heading)), vocabulary=vocabulary).items[0]
    assert (only.request, only.decision) == ("MRI of the lumbar spine", Decision.UPHELD)
    assert only.decision_source is DecisionSource.HEADING


# A break is the whitespace after a sentence's end mark: what splitting at every such run,
# found by looking behind it, gives.
_BREAK_LOOKED_BEHIND = re.compile(r"(?<=[.!?])\s+", re.ASCII)


@given(st.text(alphabet="ab .!?\n\t", max_size=30), st.integers(min_value=0, max_value=31))
def test_a_rationale_splits_at_the_whitespace_after_each_end_mark(text: str, start: int) -> None:
    assert split_sentences(text) == _BREAK_LOOKED_BEHIND.split(text)
    # The tail of a rationale starts at the first break from a place, as `conclude` looks for it.
    expected = _BREAK_LOOKED_BEHIND.search(text, start)
    found = SENTENCE_BREAK.search(text, max(0, start - 1))
    assert (found.end() if found else None) == (expected.end() if expected else None)
