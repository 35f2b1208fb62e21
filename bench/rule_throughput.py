"""Measure rule evaluation throughput and memory: durable_rules against the reference evaluator.

Builds a rulebook of the bundled rules plus generated, realistic ones (visit limits, imaging and
electrodiagnostic criteria, injection, medication, DME and consultation rules) spread over eleven
service categories, `--rules` in all, and compiles it once. Then, on one core, it runs
`--evaluations` calls of `Evaluator(rulebook, 'durable').evaluate(values)` over a fixed pool of
varied request and fact values, and the same through the 'reference' engine.

Prints the number of rules (and the durable rules they compile to), evaluations, evaluations/s
and mean findings per evaluation for each engine; for durable also the compile time and the
resident memory (VmRSS) after compiling, at the end, and its growth: durable_rules leaks per
registered ruleset, and must not leak per evaluation (goal: growth under 20 MiB). Last, whether
both engines give the same verdict on every distinct value set of the pool.

Usage: python bench/rule_throughput.py [--evaluations N] [--rules N]
"""

import argparse
import dataclasses
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from engine.conditions import AllOf, AnyOf, parse_test
from engine.evaluate import Evaluator
from engine.rules import load_rulebook

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = 2026
RSS_GOAL = 20  # MiB of growth over the durable evaluations
POOL_SIZE = 5_000  # distinct value sets, cycled through; built before anything is timed
EDITIONS = (  # (in force from, until): the periods the generated rules are spread over
    (date(2009, 7, 18), date(2016, 7, 28)),
    (date(2016, 7, 29), date(2017, 11, 30)),
    (date(2017, 12, 1), None),
)
FIRST_DAY, LAST_DAY = date(2014, 1, 1), date(2020, 12, 31)
DIAGNOSES = ("myalgia", "neuralgia", "crps", "radiculitis")


def all_of(*lines):
    return AllOf(tuple(parse_test(line) for line in lines))


def any_of(*lines):
    return AnyOf(tuple(parse_test(line) for line in lines))


def test(line):
    return parse_test(line)


# --- generated rules ---------------------------------------------------------------------------
# Each template gives, for a limit or threshold drawn by the caller, the parts of a rule that
# differ from the bundled rule it is copied from. They read like the guideline rules they imitate.


def therapy_visit_limit(limit, category):
    return dict(
        services=((category, None),),
        perioperative=False,
        when=all_of(f"request.visits > {limit}", "exceptional_factors != true"),
        outcome="deny",
        supports={"visits": limit, "weeks": 8},
    )


def therapy_frequency(limit, category):
    return dict(
        services=((category, None),),
        when=test(f"request.per_week > {min(limit, 5)}"),
        outcome="deny",
        supports={"per_week": min(limit, 5)},
    )


def therapy_needs_improvement(limit, category):
    return dict(
        services=((category, None),),
        when=AllOf(
            (
                any_of(f"prior_visits >= {limit}", "request.additional == true"),
                test("functional_improvement == false"),
            )
        ),
        outcome="deny",
    )


def chiropractic_low_back(limit, category):
    return dict(
        services=(("chiropractic", None),),
        regions=("lumbar_spine", "thoracic_spine", "cervical_spine"),
        when=all_of("prior_visits == 0", f"request.visits > {min(limit, 6)}"),
        outcome="deny",
        supports={"visits": min(limit, 6), "weeks": 2},
    )


def massage_adjunct(limit, category):
    return dict(
        services=(("massage", None),),
        when=any_of("adjunct_to_rehabilitation == false", f"request.visits > {min(limit, 6)}"),
        outcome="deny",
        supports={"visits": min(limit, 6)},
    )


def mri_indicated(limit, category):
    return dict(
        services=(("imaging", "mri"), ("imaging", "ct")),
        regions=("lumbar_spine", "cervical_spine"),
        when=any_of("red_flags == true", "neurologic_deficit == true"),
        outcome="certify",
    )


def mri_too_early(limit, category):
    return dict(
        services=(("imaging", "mri"),),
        regions=("lumbar_spine", "cervical_spine", "knee", "shoulder"),
        when=all_of(
            "red_flags == false",
            "neurologic_deficit == false",
            f"conservative_care_weeks < {min(limit, 6)}",
        ),
        outcome="deny",
    )


def repeat_imaging(limit, category):
    return dict(
        services=(("imaging", None),),
        when=all_of("prior_imaging == true", "red_flags != true", "neurologic_deficit != true"),
        outcome="deny",
    )


def emg_needs_deficit(limit, category):
    return dict(
        services=(("electrodiagnostics", None),),
        when=AnyOf(
            (
                test("neurologic_deficit == false"),
                all_of("neurologic_deficit == true", f"conservative_care_weeks < {limit // 3}"),
            )
        ),
        outcome="deny",
    )


def epidural_radiculopathy(limit, category):
    return dict(
        services=(("injection", "epidural"),),
        when=any_of("neurologic_deficit == false", "diagnosis_group != radiculitis"),
        outcome="deny",
    )


def repeat_injection(limit, category):
    return dict(
        services=(("injection", "epidural"), ("injection", "facet")),
        when=all_of("prior_visits > 0", "functional_improvement == false"),
        outcome="deny",
    )


def trigger_point_myalgia(limit, category):
    return dict(
        services=(("injection", "trigger_point"),),
        when=all_of("diagnosis_group == myalgia", f"request.visits <= {min(limit, 4)}"),
        outcome="certify",
    )


def opioid_improvement(limit, category):
    return dict(
        services=(("medication", None),),
        drug_classes=("opioid",),
        when=all_of("neuropathic_pain == true", "functional_improvement == false"),
        outcome="deny",
    )


def opioid_supply(limit, category):
    return dict(
        services=(("medication", None),),
        drug_classes=("opioid", "muscle_relaxant"),
        when=test(f"request.days_supply > {limit + 14}"),
        outcome="deny",
        supports={"days": limit + 14},
    )


def nsaid_long_term(limit, category):
    return dict(
        services=(("medication", None),),
        drug_classes=("nsaid",),
        when=all_of(f"request.months > {limit // 4}", "neuropathic_pain == true"),
        outcome="deny",
        supports={"months": limit // 4},
    )


def topical_forms(limit, category):
    return dict(
        services=(("medication", None),),
        drug_classes=("topical_analgesic", "compounded"),
        when=AllOf(
            (
                test("request.form in [cream, gel, lotion, ointment]"),
                test("diagnosis_group != neuralgia"),
            )
        ),
        outcome="deny",
    )


def anticonvulsant_neuralgia(limit, category):
    return dict(
        services=(("medication", None),),
        drug_classes=("anticonvulsant",),
        when=any_of("diagnosis_group == neuralgia", "diagnosis_group == crps"),
        outcome="certify",
    )


def tens_trial(limit, category):
    return dict(
        services=(("dme", "tens"),),
        when=AllOf(
            (
                test(f"request.months > {max(limit // 10, 1)}"),
                any_of("functional_improvement != true", "adjunct_to_rehabilitation == false"),
            )
        ),
        outcome="deny",
        supports={"months": max(limit // 10, 1)},
    )


def pain_management_consult(limit, category):
    return dict(
        services=(("consultation", None),),
        specialties=("pain_management", "physiatry"),
        when=all_of("neuropathic_pain == true", f"weeks_since_injury >= {limit}"),
        outcome="certify",
    )


def surgical_consult(limit, category):
    return dict(
        services=(("consultation", None),),
        specialties=("orthopedics", "neurosurgery"),
        when=any_of("invasive_procedure_planned == true", "strengthening_program_failed == true"),
        outcome="certify",
    )


def documentation_gap(limit, category):
    return dict(
        services=((category, None),),
        when=all_of("request.additional == true", "functional_improvement missing"),
        outcome="insufficient",
        missing=("progress notes documenting functional improvement",),
    )


TEMPLATES = (
    (therapy_visit_limit, "physical_therapy"),
    (mri_indicated, "imaging"),
    (opioid_improvement, "medication"),
    (chiropractic_low_back, "chiropractic"),
    (epidural_radiculopathy, "injection"),
    (therapy_frequency, "acupuncture"),
    (emg_needs_deficit, "electrodiagnostics"),
    (tens_trial, "dme"),
    (pain_management_consult, "consultation"),
    (massage_adjunct, "massage"),
    (therapy_visit_limit, "occupational_therapy"),
    (mri_too_early, "imaging"),
    (opioid_supply, "medication"),
    (repeat_injection, "injection"),
    (therapy_needs_improvement, "chiropractic"),
    (nsaid_long_term, "medication"),
    (surgical_consult, "consultation"),
    (repeat_imaging, "imaging"),
    (topical_forms, "medication"),
    (trigger_point_myalgia, "injection"),
    (anticonvulsant_neuralgia, "medication"),
    (documentation_gap, "physical_therapy"),
    (therapy_needs_improvement, "acupuncture"),
    (documentation_gap, "chiropractic"),
)
CATEGORIES = sorted({category for _, category in TEMPLATES})


def generated_rules(base, count, rng):
    rules = []
    for index in range(count):
        template, category = TEMPLATES[index % len(TEMPLATES)]
        # Every template in turn in every edition, as rule files repeat a rule per edition.
        start, until = EDITIONS[(index + index // len(TEMPLATES)) % len(EDITIONS)]
        parts = dict(
            regions=None,
            perioperative=None,
            specialties=None,
            drug_classes=None,
            scope=None,
            supports=None,
            missing=None,
        )
        parts.update(template(rng.choice((6, 8, 10, 12, 18, 24)), category))
        rules.append(
            dataclasses.replace(
                base,
                id=f"bench.{category}.{template.__name__}.{index}",
                title=template.__name__.replace("_", " "),
                criterion=None,
                tier=rng.choice(("mtus", "mtus", "acoem_odg", "other_guideline")),
                effective_from=start,
                effective_until=until,
                message="{request.visits} visits requested; {supports.visits} supported.",
                examples=(),
                origin="bench/rule_throughput.py",
                **parts,
            )
        )
    return rules


def build_rulebook(count):
    bundled = load_rulebook(REPO_ROOT / "rules")
    kept = list(bundled.rules[:count])
    rng = random.Random(SEED)
    rules = tuple(kept + generated_rules(bundled.rules[0], count - len(kept), rng))
    book = dataclasses.replace(bundled, rules=rules, by_id={r.id: r for r in rules})
    return book, len(kept)


# --- values ------------------------------------------------------------------------------------

SUBTYPES = {
    "physical_therapy": (None, None, "evaluation", "aquatic"),
    "imaging": ("mri", "mri", "ct", "xray"),
    "injection": ("epidural", "facet", "trigger_point", "joint"),
    "electrodiagnostics": ("emg_ncv", "emg", "ncv"),
    "dme": ("tens", "brace", "cold_therapy_unit"),
}
DRUG_CLASSES = {
    "opioid": ("norco", "tramadol", "oxycodone"),
    "nsaid": ("ibuprofen", "naproxen", "celecoxib"),
    "muscle_relaxant": ("cyclobenzaprine", "tizanidine"),
    "topical_analgesic": ("lidoderm", "terocin"),
    "compounded": ("flurbiprofen cream",),
    "anticonvulsant": ("gabapentin", "pregabalin"),
    "ppi": ("omeprazole",),
}
FORMS = ("tablet", "tablet", "capsule", "cream", "gel", "patch", "extended_release")
REGIONS = ("lumbar_spine", "cervical_spine", "shoulder", "knee", "wrist", "thoracic_spine", "hip")
SPECIALTIES = ("pain_management", "orthopedics", "neurosurgery", "physiatry", "psychology")
BOOLEAN_FACTS = (
    "functional_improvement",
    "exceptional_factors",
    "home_exercise_program",
    "neuropathic_pain",
    "pain_medication_reduced_or_not_tolerated",
    "adjunct_to_rehabilitation",
    "red_flags",
    "neurologic_deficit",
    "strengthening_program_failed",
    "invasive_procedure_planned",
    "prior_imaging",
)


def maybe(rng, value, known=0.75):
    # Letters leave facts undocumented often: about a quarter of them are unknown.
    return value if rng.random() < known else None


def random_values(rng):
    category = rng.choice(CATEGORIES + ["other"])
    on = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    regions = tuple(rng.sample(REGIONS, rng.choice((0, 1, 1, 1, 2))))
    per_week = rng.choice((1, 2, 2, 3, 3, 4))
    weeks = rng.choice((2, 3, 4, 6, 8))
    values = {
        "request.date": on,
        "request.service": category,
        "request.subtype": rng.choice(SUBTYPES.get(category, (None,))),
        "request.perioperative": rng.random() < 0.1,
        "request.additional": rng.random() < 0.4,
        "request.regions": regions,
        "request.sides": tuple(rng.sample(("left", "right"), rng.choice((0, 1, 1, 2)))),
        "request.visits": maybe(rng, per_week * weeks, 0.8),
        "request.per_week": maybe(rng, per_week, 0.6),
        "request.weeks": maybe(rng, weeks, 0.6),
    }
    if category == "medication":
        drug_class = rng.choice(sorted(DRUG_CLASSES))
        values |= {
            "request.drug_class": drug_class,
            "request.drug": rng.choice(DRUG_CLASSES[drug_class]),
            "request.form": rng.choice(FORMS),
            "request.days_supply": maybe(rng, rng.choice((7, 14, 30, 30, 60, 90))),
            "request.months": maybe(rng, rng.choice((1, 2, 3, 6)), 0.5),
            "request.units": maybe(rng, rng.choice((30, 60, 90, 120, 0.5, 2.5)), 0.6),
        }
        values["request.visits"] = None
    elif category == "consultation":
        values["request.specialty"] = rng.choice(SPECIALTIES)
    elif category == "dme":
        values["request.months"] = maybe(rng, rng.choice((1, 1, 2, 3, 12)))
    for fact in BOOLEAN_FACTS:
        values[fact] = maybe(rng, rng.random() < 0.4, 0.65)
    values |= {
        "prior_visits": maybe(rng, rng.choice((0, 0, 4, 6, 8, 10, 12, 18, 24, 30))),
        "conservative_care_weeks": maybe(rng, rng.randrange(0, 26), 0.6),
        "weeks_since_injury": maybe(rng, rng.randrange(1, 400)),
        "diagnosis_group": maybe(rng, rng.choice(DIAGNOSES), 0.7),
    }
    return values


# --- measuring ---------------------------------------------------------------------------------


def pin_to_one_core():
    # One core, so the figures compare with a one-process-per-core pool and across machines.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return True
    return False


def rss_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS line in /proc/self/status")


def run(evaluator, pool, start, stop):
    """(seconds, findings) for evaluations number `start` to `stop` over the pool, cycled."""
    findings = 0
    size = len(pool)
    started = time.perf_counter()
    for index in range(start, stop):
        findings += len(evaluator.evaluate(pool[index % size]).findings)
    return time.perf_counter() - started, findings


def print_rate(label, evaluations, seconds, findings):
    print(
        f"{label + ':':<11}{evaluations:,} evaluations in {seconds:.1f} s: "
        f"{evaluations / seconds:,.0f} evaluations/s, "
        f"{findings / evaluations:.2f} findings per evaluation"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=100_000, help="evaluations per engine")
    parser.add_argument("--rules", type=int, default=60, help="rules in the rulebook")
    args = parser.parse_args()
    if args.evaluations < 1 or args.rules < 1:
        parser.error("--evaluations and --rules must be at least 1")
    pinned = pin_to_one_core()
    core = "one core" if pinned else "cores not pinned (no sched_setaffinity)"
    print(f"Python {sys.version.split()[0]}, {core}")

    book, bundled = build_rulebook(args.rules)
    rng = random.Random(SEED)
    pool = [random_values(rng) for _ in range(POOL_SIZE)]
    categories = {category for rule in book.rules for category, _ in rule.services}
    print(
        f"rules: {len(book.rules)} ({bundled} bundled, {len(book.rules) - bundled} generated) "
        f"over {len(categories)} service categories; {len(pool):,} distinct value sets"
    )

    started = time.perf_counter()
    durable = Evaluator(book, "durable")
    compile_seconds = time.perf_counter() - started
    compiled = durable.matcher.compiled
    print(
        f"durable compile and register: {1000 * compile_seconds:.0f} ms, "
        f"{len(compiled.conditions):,} durable rules"
    )
    rss_start = rss_mib()
    # The first pass over the pool is measured apart: durable_rules allocates its session state
    # on the first fact, so growth after it is what would accumulate in a long batch.
    first = min(len(pool), args.evaluations)
    seconds, findings = run(durable, pool, 0, first)
    rss_first = rss_mib()
    more_seconds, more_findings = run(durable, pool, first, args.evaluations)
    rss_end = rss_mib()
    durable_seconds = seconds + more_seconds
    print_rate("durable", args.evaluations, durable_seconds, findings + more_findings)
    print(
        f"{'':<11}RSS after compile {rss_start:.1f} MiB, at end {rss_end:.1f} MiB, "
        f"growth {rss_end - rss_start:+.1f} MiB "
        f"({rss_first - rss_start:+.1f} MiB in the first {first:,} evaluations)"
    )
    met = rss_end - rss_start < RSS_GOAL
    print(f"{'':<11}RSS growth goal < {RSS_GOAL} MiB: {'met' if met else 'not met'}")

    reference = Evaluator(book, "reference")
    seconds, findings = run(reference, pool, 0, args.evaluations)
    print_rate("reference", args.evaluations, seconds, findings)
    print(f"durable takes {durable_seconds / seconds:.1f}x the reference's time")

    checked = min(len(pool), args.evaluations)
    differ = sum(
        durable.evaluate(values) != reference.evaluate(values) for values in pool[:checked]
    )
    print(f"verdicts differ between the engines on {differ} of {checked:,} value sets")


if __name__ == "__main__":
    main()
