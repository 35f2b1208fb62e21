"""The requests stage: request text -> service, regions, quantity and medication."""

from __future__ import annotations

import pytest
import yaml
from conftest import DATA, needs_shared, real_letters

from engine.letters import parse_letter_file
from engine.requests import normalize_request, remainder_of

VISIT_TABLE = yaml.safe_load((DATA / "visit_quantities.yaml").read_text(encoding="utf-8"))
READINGS = yaml.safe_load((DATA / "request_readings.yaml").read_text(encoding="utf-8"))


def row_id(row: dict) -> str:
    return f"{row['kind']}:{row['request']}"


@pytest.mark.parametrize(
    "row", VISIT_TABLE, ids=[f"{row['case']}:{row['request'][:40]}" for row in VISIT_TABLE]
)
def test_visit_totals_of_every_physical_medicine_phrasing(row: dict, vocabulary) -> None:
    quantity = normalize_request(row["request"], vocabulary).quantity
    assert (quantity.visits, quantity.per_week, quantity.weeks) == (
        row["visits"],
        row["per_week"],
        row["weeks"],
    )


@pytest.mark.parametrize("row", READINGS["services"], ids=row_id)
def test_service_of_each_wording(row: dict, vocabulary) -> None:
    service = normalize_request(row["request"], vocabulary).service
    read = "/".join(part or "-" for part in (service.category, service.subtype, service.specialty))
    assert read == row["service"]


@pytest.mark.parametrize("row", READINGS["quantities"], ids=row_id)
def test_quantity_of_each_wording(row: dict, vocabulary) -> None:
    request = normalize_request(row["request"], vocabulary)
    filled = request.quantity.model_dump(exclude_defaults=True, exclude={"additional"})
    assert filled == row["quantity"]
    if "days_supply" in row:
        assert request.medication is not None
        assert request.medication.days_supply == row["days_supply"]


@pytest.mark.parametrize(
    ("text", "category", "subtype"),
    [
        ("Physical therapy 2x6 lumbar spine", "physical_therapy", None),
        (
            "Consult with pain management for cervical spine blocks & rhizotomy",
            "consultation",
            None,
        ),
        ("Post-op physical therapy 2 times a week for 4 weeks", "perioperative", "post_op_therapy"),
        ("Associated surgical service: EKG", "perioperative", "ekg"),
        ("Associated surgical service: Labs - CBC", "perioperative", "labs"),
        ("Associated surgical service: Ultrasling", "dme", "sling"),
        ("Pre-op Clearance", "perioperative", "clearance"),
        (
            "Electro acupuncture to the low back two times a week times six weeks",
            "acupuncture",
            "electro_acupuncture",
        ),
        (
            "Infrared heat to the low back two times a week times six weeks",
            "passive_modality",
            "infrared",
        ),
        ("EMG/NCV of the bilateral lower extremities", "electrodiagnostics", "emg_ncv"),
        # Biofeedback read from the muscles is biofeedback, not an electromyogram.
        ("EMG biofeedback, 6 sessions, neck/upper trapezius", "passive_modality", "biofeedback"),
        ("Left L5-S1 epidural steroid injection", "injection", "epidural"),
        ("Norco 10/325mg #60", "medication", "opioid"),
        ("Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2% cream", "medication", "compounded"),
        ("Lidocaine ointment 5% 106.32gm", "medication", "topical_analgesic"),
        ("Cold therapy unit, 7 day rental", "dme", "cold_therapy_unit"),
        ("Right shoulder arthroscopy with subacromial decompression", "surgery", None),
        # Procedures with a line of their own, not a surgery or an epidural injection.
        (
            "Manipulation under anesthesia, lumbar spine, series of 3",
            "surgery",
            "manipulation_under_anesthesia",
        ),
        (
            "Percutaneous epidural adhesiolysis (Racz) L4-S1 with hypertonic saline",
            "injection",
            "adhesiolysis",
        ),
        ("Left ulnar neuroplasty at the elbow", "surgery", None),
        ("Functional restoration program x 10 days", "program", "functional_restoration"),
        ("Home health aide 4 hours a day", "home_health", None),
        ("Transportation to and from appointments", "transportation", None),
        ("Gibberish wobble flange", "other", None),
    ],
)
def test_service_category(text: str, category: str, subtype: str | None, vocabulary) -> None:
    service = normalize_request(text, vocabulary).service
    assert (service.category, service.subtype) == (category, subtype)


def test_perioperative_flag_and_consult_specialty(vocabulary) -> None:
    assert normalize_request("Post-op Norco 5/325mg #60", vocabulary).perioperative
    consult = normalize_request("Consult w/ Neurologist", vocabulary).service
    assert consult.specialty == "neurology"


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("MRI of the Left shoulder without contrast", [("shoulder", "left")]),
        ("EMG/NCV of the bilateral upper extremities", [("upper_extremity", "bilateral")]),
        (
            "Physical therapy for the lumbar/cervical spine",
            [("lumbar_spine", None), ("cervical_spine", None)],
        ),
        ("Physical therapy right knee and left hip", [("knee", "right"), ("hip", "left")]),
        ("MRI of the neck without contrast", [("cervical_spine", None)]),
        ("Chiropractic to the low back", [("lumbar_spine", None)]),
    ],
)
def test_regions_and_sides(text: str, regions: list, vocabulary) -> None:
    found = normalize_request(text, vocabulary).regions
    assert [(r.name, r.side) for r in found] == regions


@pytest.mark.parametrize(
    "text, category",
    [
        ("Tub transfer bench x1, bathroom", "dme"),
        ("Prefabricated foot orthoses (arch supports), bilateral, 1 pair", "dme"),
    ],
)
def test_equipment_named_by_what_it_is_is_equipment(text: str, category: str, vocabulary) -> None:
    assert normalize_request(text, vocabulary).service.category == category


def test_medication_details(vocabulary) -> None:
    request = normalize_request(
        "Pantoprazole 40mg, one by mouth, twice a day #60 with one refill", vocabulary
    )
    assert request.medication is not None
    assert (request.medication.drug, request.medication.drug_class) == ("pantoprazole", "ppi")
    assert (request.medication.strength, request.medication.strength_unit) == ("40", "mg")
    assert request.quantity.units == 60
    assert request.quantity.visits is None  # "twice a day" is a dose, not visits


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Cold compression therapy 30 day rental", "days", 30),
        ("Naproxen 550mg 7-10 days", "days", 10),
        ("Three months coverage of Viagra 50mg", "months", 3),
        ("Ultram 50mg Qty: 30", "units", 30),
        ("8 additional sessions of physical therapy", "additional", True),
        # As an RFA abbreviates it.
        ("Aquatic PT 2x3 low back (6 addl)", "additional", True),
        ("Work conditioning 3x2 (6 add'l sessions)", "additional", True),
        # A frequency for a number of days: whole weeks (not a recheck's days).
        ("Home health RN 2 visits/wk x 90 days", "visits", 24),
        ("Home health aide 3x/wk x 60 days", "weeks", 8),
        ("PT 2x/wk x 30 days, lumbar", "visits", 8),
        ("PT 2x/wk lumbar spine, recheck in 30 days", "visits", None),
        # Equipment named by what it is: a bench for the tub, arch supports.
        ("Tub transfer bench x1, bathroom", "units", 1),
        # A frequency by the month: the count after it is the months.
        ("Psychiatric follow-up visits (medication management) 1x/month x 3", "months", 3),
        ("Office visits 2x/month x 3 months", "visits", 6),
        ("Follow-up visits once a month for 6 months", "months", 6),
        ("Office visit monthly x 3 visits", "months", None),
        ("Urine drug screen with confirmatory testing, monthly x 6 months", "units", 6),
        ("UDS 2x/month x 3", "units", 6),
        # (Not over a weekly course, another test, or a test today before monthly ones.)
        ("Physical therapy 2x/week x 6 weeks, then 1x/month x 3 months lumbar", "visits", 12),
        ("CBC and CMP monthly x 6 months", "units", None),
        ("Urine drug test x 1 today, then monthly x 6 months if inconsistent", "units", 1),
    ],
)
def test_other_quantities(text: str, field: str, value, vocabulary) -> None:
    assert getattr(normalize_request(text, vocabulary).quantity, field) == value


@needs_shared
def test_almost_every_real_item_gets_a_service(vocabulary) -> None:
    items = [item for path in real_letters() for item in parse_letter_file(path, vocabulary).items]
    assert len(items) == 366
    other = [item.request for item in items if item.normalized.service.category == "other"]
    assert len(other) / len(items) <= 0.03, other


def test_other_spaces_read_as_plain_ones(vocabulary) -> None:
    # Expressions match ASCII spaces only; a no-break or thin space is made a plain one first.
    plain = normalize_request("Physical therapy 2 x 6 lumbar spine", vocabulary)
    other = normalize_request("Physical\u00a0therapy 2\u2009x\u00a06 lumbar\u3000spine", vocabulary)
    assert other.model_dump(exclude={"text"}) == plain.model_dump(exclude={"text"})
    assert other.quantity.visits == 12


@pytest.mark.parametrize(
    ("disputed", "authorized", "continuation"),
    [
        ("Physical therapy to the low back two sessions", "Physical therapy six sessions", True),
        ("Two refills of Ibuprofen 600mg #90", "Ibuprofen 600mg #90", True),
        ("Acupuncture 12 sessions", "Acupuncture 6 sessions", True),
        # UR allowed another study or another drug: what is left is a request of its own.
        ("EMG of the right upper extremity", "NCS of the right upper extremity", False),
        ("Norco 10/325mg #30", "Tramadol 50mg #30", False),
    ],
)
def test_the_rest_of_a_partly_authorized_request_continues_it(
    disputed: str, authorized: str, continuation: bool, vocabulary
) -> None:
    framed = remainder_of(
        normalize_request(disputed, vocabulary), normalize_request(authorized, vocabulary)
    )
    assert framed.quantity.additional is continuation
    assert framed.quantity.model_dump(exclude={"additional"}) == normalize_request(
        disputed, vocabulary
    ).quantity.model_dump(exclude={"additional"})


@pytest.mark.parametrize(
    ("request_text", "region"),
    [("MRI L/S w/o contrast", "lumbar_spine"), ("Chiro 1x4 C/S", "cervical_spine"),
     ("PT 2x3 T/S", "thoracic_spine")],
)  # fmt: skip
def test_a_spine_abbreviation_is_the_region_not_a_side(
    request_text: str, region: str, vocabulary
) -> None:
    regions = normalize_request(request_text, vocabulary).regions
    assert [(r.name, r.side) for r in regions] == [(region, None)]


@pytest.mark.parametrize(
    ("request_text", "generic", "as_written"),
    [
        ("Celebrex 200 mg #30, DAW", "celecoxib", True),
        ("Norco 10/325 #60, brand medically necessary", "hydrocodone acetaminophen", True),
        ("Celecoxib 200 mg #30", None, False),
        ("Lidoderm 5% patch #30", "lidocaine patch", False),
    ],
)
def test_a_brand_with_a_generic_and_dispense_as_written_are_read(
    request_text: str, generic: str | None, as_written: bool, vocabulary
) -> None:
    medication = normalize_request(request_text, vocabulary).medication
    assert medication is not None
    assert (medication.generic_of_brand, medication.dispense_as_written) == (generic, as_written)


@pytest.mark.parametrize(
    ("request_text", "post_injection"),
    [
        ("Physical therapy 2 visits x 1 week, lumbar spine, post-injection", True),
        ("PT x2 following ESI, lumbar", True),
        # The injection's site or kind between.
        ("Physical therapy 2 visits over 1 week following lumbar ESI, lumbar spine", True),
        ("PT x2 after the L5 TFESI", True),
        # Therapy in place of an injection that failed or was refused is no therapy after one.
        ("PT 2x3 lumbar after failed ESI", False),
        ("PT 2x3 lumbar following denial of ESI", False),
        ("Physical therapy 2x3 lumbar spine", False),
        # An injection asked for is no therapy after one.
        ("Lumbar epidural steroid injection L4-5", False),
    ],
)
def test_therapy_asked_for_after_an_injection_is_read(
    request_text: str, post_injection: bool, vocabulary
) -> None:
    assert normalize_request(request_text, vocabulary).post_injection is post_injection


@pytest.mark.parametrize(
    ("request_text", "for_taper"),
    [
        ("MS Contin 30 mg, 1 tab PO q8h, #90 (taper step from 60 mg q12h)", True),
        ("Norco 10/325 #60 for weaning", True),
        ("Oxycodone 10 mg #45, tapering dose", True),
        ("Norco 10/325 #60", False),
        ("Tramadol 50 mg #90, continue", False),
    ],
)
def test_a_drug_asked_for_as_a_step_of_its_taper_is_read(
    request_text: str, for_taper: bool, vocabulary
) -> None:
    assert normalize_request(request_text, vocabulary).for_taper is for_taper


@pytest.mark.parametrize(
    ("request_text", "for_management"),
    [
        ("Pain management consultation for medication evaluation and management, 1 visit", True),
        ("Referral to pain medicine for opioid management", True),
        ("Pain management consult for med mgmt", True),
        ("Pain management consultation for lumbar ESI", False),
        ("Pain management referral", False),
    ],
)
def test_a_referral_asked_for_to_manage_the_drugs_taken_is_read(
    request_text: str, for_management: bool, vocabulary
) -> None:
    request = normalize_request(request_text, vocabulary)
    assert request.for_medication_management is for_management


@pytest.mark.parametrize(
    "text, service",
    [
        ("Basic metabolic panel prior to C5-6 ACDF", "perioperative/labs"),
        ("CXR PA/lateral prior to lumbar fusion", "perioperative/chest_xray"),
        ("Medical clearance prior to L TKA", "perioperative/clearance"),
        ("PT/INR pre-op", "perioperative/labs"),
        # Therapy before a surgery is not the post-operative course.
        ("Physical therapy 2x6 before surgery", "physical_therapy"),
        ("MRI lumbar prior to epidural injection", "imaging/mri"),
    ],
)
def test_a_work_up_asked_ahead_of_a_surgery(text: str, service: str, vocabulary) -> None:
    request = normalize_request(text, vocabulary)
    named = request.service.category
    if request.service.subtype:
        named += f"/{request.service.subtype}"
    assert named == service


@pytest.mark.parametrize(
    "text",
    ["Work conditioning program 10 sessions, lumbar", "Work hardening 2x4", "work conditioning"],
)
def test_work_conditioning_is_judged_with_work_hardening(text: str, vocabulary) -> None:
    """The CPMTG sets both under one heading ("Work conditioning, work hardening")."""
    service = normalize_request(text, vocabulary).service
    assert (service.category, service.subtype) == ("program", "work_hardening")
