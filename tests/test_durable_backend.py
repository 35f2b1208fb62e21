"""The durable_rules backend absorbs the engine's sharp edges: many evaluations on one session,
identical facts in a row, facts nothing matches, and the same rules loaded twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import LIMIT_RULE, rules_folder

from engine.compiler import compile_rules
from engine.durable_backend import DurableMatcher
from engine.rules import load_rulebook

RULE = LIMIT_RULE.replace(
    "when: request.visits > 10", "when: {any: [request.visits > 10, request.weeks > 8]}"
)


def values(visits: int | None, service: str = "physical_therapy") -> dict:
    return {
        "request.service": service,
        "request.date": date(2015, 1, 2),
        "request.visits": visits,
        "request.weeks": 4,
    }


def test_thousands_of_evaluations_share_one_session(tmp_path: Path) -> None:
    # A fresh session id per evaluation would hit durable's cap of 1,024 live sessions.
    matcher = DurableMatcher(compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": RULE}))))
    for visits in range(3000):
        expected = {(0, "T")} if visits > 10 else set()
        assert matcher.match(values(visits)) == expected


def test_the_same_fact_twice_and_facts_nothing_matches(tmp_path: Path) -> None:
    matcher = DurableMatcher(compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": RULE}))))
    assert matcher.match(values(12)) == {(0, "T")}
    assert matcher.match(values(12)) == {(0, "T")}
    assert matcher.match(values(12, service="acupuncture")) == set()
    assert matcher.match(values(None)) == {(0, "U")}


def test_an_or_with_two_true_branches_fires_once(tmp_path: Path) -> None:
    matcher = DurableMatcher(compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": RULE}))))
    both = {**values(12), "request.weeks": 9}
    assert matcher.match(both) == {(0, "T")}


def test_loading_the_same_rules_again_reuses_the_ruleset(tmp_path: Path) -> None:
    # durable refuses to register a ruleset name twice; equal rules must simply share it.
    first = DurableMatcher(
        compile_rules(load_rulebook(rules_folder(tmp_path / "a", {"r.yaml": RULE})))
    )
    second = DurableMatcher(
        compile_rules(load_rulebook(rules_folder(tmp_path / "b", {"r.yaml": RULE})))
    )
    assert first.compiled.rulesets == second.compiled.rulesets
    assert first.match(values(12)) == second.match(values(12)) == {(0, "T")}


def test_no_timer_threads_are_started(tmp_path: Path) -> None:
    # durable's stock host starts two threads that inject $pulse messages into live sessions.
    import threading

    before = threading.active_count()
    matcher = DurableMatcher(compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": RULE}))))
    matcher.match(values(12))
    assert threading.active_count() == before


def test_an_engine_error_is_reported_and_the_next_evaluation_is_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The C engine raises its own bare error type; it must surface as an EngineFailure. Failing
    # before any rule fired, the fact is retracted and the engine goes on; failing with an action
    # started, the session is stuck (durable's abandon_action then crashes the next assert), so
    # every later evaluation in the process is refused rather than answered wrongly.
    import engine.durable_backend as backend

    # Its own condition, so the session it leaves stuck is no other test's.
    rule = RULE.replace("mtus.test.limit", "mtus.test.failing").replace("> 8]", "> 9]")
    matcher = DurableMatcher(compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": rule}))))
    real = backend.durable_c.complete_and_start_action

    def exploding(handle: int, argument: object) -> None:
        raise RuntimeError("boom")

    real_assert = backend.durable_c.assert_fact
    monkeypatch.setattr(backend.durable_c, "assert_fact", exploding)
    with pytest.raises(backend.EngineFailure, match="boom"):
        matcher.match(values(12))
    monkeypatch.setattr(backend.durable_c, "assert_fact", real_assert)
    assert matcher.match(values(5)) == frozenset()
    assert matcher.match(values(12)) == {(0, "T")}

    # The engine is shared by the process: the test gives it back working.
    monkeypatch.setattr(matcher.engine, "broken", None)
    monkeypatch.setattr(backend.durable_c, "complete_and_start_action", exploding)
    with pytest.raises(backend.EngineFailure, match="boom"):
        matcher.match(values(12))
    monkeypatch.setattr(backend.durable_c, "complete_and_start_action", real)
    with pytest.raises(backend.EngineFailure, match="cannot be used in this process"):
        matcher.match(values(5))


def test_action_names_are_read_without_decoding_the_fact() -> None:
    from engine.durable_backend import EngineFailure, action_name

    assert action_name('{"r12.T.3":{"m":{"f0": "x\\"y"}}}') == "r12.T.3"
    with pytest.raises(EngineFailure, match="unexpected action message"):
        action_name("[1, 2]")


def test_many_rules_on_one_field_are_packed_into_rulesets_durable_can_hold(tmp_path: Path) -> None:
    # 150 rules each testing its own `visits == n`: their false forms (`visits != n`) all hold at
    # once, which overflows durable's 64-node matching stack in one ruleset (error 303, or a
    # crash), and their APPLIES forms end on one node, past its 256 rule slots (error 108).
    rules = "rules:\n" + "".join(
        LIMIT_RULE.split("rules:\n", 1)[1]
        .replace("mtus.test.limit", f"mtus.test.limit{n}")
        .replace("request.visits > 10", f"request.visits == {n}")
        .replace("request: {visits: 12}", f"request: {{visits: {n}}}")
        for n in range(150)
    )
    compiled = compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": rules})))
    assert len(compiled.rulesets) > 1
    matcher = DurableMatcher(compiled)
    assert matcher.match(values(7)) == {(7, "T")}
    assert matcher.match(values(None)) == {(n, "U") for n in range(150)}


def test_more_rules_than_one_ruleset_holds(tmp_path: Path) -> None:
    # durable refuses a ruleset of more than 4,096 rules (error 106): the packer opens another.
    from engine.compiler import MAX_RULES_PER_RULESET

    rows = "\n".join(f"      - [{v}, {w}]" for v in range(150) for w in range(1, 11))
    table = f"""
tables:
  - columns: [visits, weeks]
    rows:
{rows}
    rule:
      id: test.pair.v${{visits}}-w${{weeks}}
      title: exactly ${{visits}} visits over ${{weeks}} weeks
      citation: {{document: Test guideline}}
      tier: mtus
      effective: {{}}
      confidence: confirmed
      applies: {{services: [physical_therapy]}}
      when:
        all:
          - request.visits == ${{visits}}
          - request.weeks == ${{weeks}}
      outcome: deny
      message: this pair
      examples:
        - name: the pair
          request:
            visits: ${{visits}}
            weeks: ${{weeks}}
          expect: deny
"""
    rulebook = load_rulebook(rules_folder(tmp_path, {"pairs.yaml": table}))
    compiled = compile_rules(rulebook)
    sizes = [len(ruleset.conditions) for ruleset in compiled.rulesets]
    assert sum(sizes) > MAX_RULES_PER_RULESET and max(sizes) <= MAX_RULES_PER_RULESET
    matcher = DurableMatcher(compiled)
    index = {rule.id: n for n, rule in enumerate(rulebook.rules)}
    for visits, weeks in ((0, 1), (77, 5), (149, 10)):
        found = matcher.match({**values(visits), "request.weeks": weeks})
        assert found == {(index[f"test.pair.v{visits}-w{weeks}"], "T")}


def test_only_the_rulesets_a_request_needs_are_registered(tmp_path: Path) -> None:
    import engine.durable_backend as backend

    two_services = RULE.replace(
        "services: [physical_therapy]", "services: [physical_therapy, chiropractic]"
    )
    compiled = compile_rules(load_rulebook(rules_folder(tmp_path, {"r.yaml": two_services})))
    therapy, chiropractic = (
        next(r.name for r in compiled.rulesets if service in r.services)
        for service in ("physical_therapy", "chiropractic")
    )
    matcher = DurableMatcher(compiled)
    assert matcher.match(values(12)) == {(0, "T")}
    registered = backend._engine().registered
    assert therapy in registered and chiropractic not in registered
    assert matcher.match(values(12, service="chiropractic")) == {(0, "T")}
    assert chiropractic in backend._engine().registered
