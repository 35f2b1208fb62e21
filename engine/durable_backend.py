"""The one module that imports durable_rules: registers compiled rulesets and asserts facts.

How it stays safe (each point is a measured durable_rules 2.0.28 behaviour):
- rulesets are registered once per process under a content-hash name (re-registering a name raises,
  and recompiling leaks memory), so loading the same rules twice costs nothing;
- the host is a subclass whose timer loop does nothing (the stock host starts two threads that inject
  `$pulse` messages into live sessions and cause spurious firings);
- every evaluation uses the same session id and asserts, then retracts, its fact (each new session
  id is kept for good, with a hard limit of 1,024, and an identical fact asserted twice raises);
- asserting a fact that no rule matches raises MessageNotHandledException: that simply means
  nothing fired;
- durable's Python action dispatch does a JSON round trip of the session state per fired rule,
  which was most of an evaluation's cost; so nothing runs as an action: the pending actions are
  drained straight from the C engine and only their rule names are read (the state message is
  never re-asserted, which also keeps it from matching anything);
- `delete_state` is never called (it frees uninitialised memory on sessions with no actions);
- the C code is not thread-safe: one engine per process, parallelism by processes.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from typing import Any

import durable.engine as durable_engine
import durable_rules_engine as durable_c

from engine.compiler import CompiledRules, Ruleset, fact_of_plan, fact_plan, interpret

SESSION = "0"
# `json.dumps` with an option builds a new encoder at every call; the facts all take this one.
_FACT_ENCODER = json.JSONEncoder(ensure_ascii=False)

# What durable's C `assert_fact` and `retract_fact` answer first: the fact was handled (the second
# member is the session's state handle), no rule matched it, or an identical fact is live.
HANDLED, NOT_HANDLED, ALREADY_LIVE = 0, 1, 2


class EngineFailure(RuntimeError):
    """durable_rules reported an error while evaluating: a bug here, never a user error."""


class _QuietHost(durable_engine.Host):
    def _run(self) -> None:  # no timer threads, no $pulse messages
        return None


def _never_run(_context: Any) -> None:
    raise AssertionError("durable actions are drained, not run")


class _Process:
    """Per-process engine state: one host, and the C handles of the rulesets registered so far."""

    def __init__(self) -> None:
        self.host = _QuietHost()
        self.handles: dict[str, int] = {}
        self.broken: str | None = None
        self.lock = threading.Lock()  # durable is not thread-safe; serialise rather than crash

    @property
    def registered(self) -> set[str]:
        return set(self.handles)

    def register(self, rulesets: Iterable[Ruleset]) -> None:
        for ruleset in rulesets:
            if ruleset.name in self.handles:
                continue
            rules = {
                name: {"all": [{"m": condition}], "run": _never_run}
                for name, condition in ruleset.conditions.items()
            }
            self.host.set_rulesets({ruleset.name: rules})
            self.handles[ruleset.name] = self.host.get_ruleset(ruleset.name)._handle

    def fire(self, handle: int, fact_json: str) -> list[str]:
        """Assert the fact, drain the actions it makes pending, retract it: the names of the
        durable rules that fired. Raises EngineFailure, leaving the session clean where it can."""
        if self.broken:
            raise EngineFailure(f"durable_rules cannot be used in this process: {self.broken}")
        fired: list[str] = []
        state = status = None
        failed = True
        try:
            status, state = durable_c.assert_fact(handle, fact_json)
            if status == ALREADY_LIVE:
                raise EngineFailure("the fact was already asserted (a missed retraction)")
            if status == HANDLED:
                pending = durable_c.start_action_for_state(handle, state)
                message = pending[1] if pending else None
                while message:
                    fired.append(action_name(message))
                    message = durable_c.complete_and_start_action(handle, state)
            failed = False
        except EngineFailure:
            raise
        except Exception as exc:  # the C extension raises its own bare error type
            if fired or (state is not None and status == HANDLED):
                # An action left started holds the session, so later facts would fire nothing,
                # and abandoning it crashed the next assert: no answer from here on can be trusted.
                self.broken = f"an earlier evaluation failed: {exc}"
            raise EngineFailure(f"durable_rules could not evaluate the fact: {exc}") from exc
        finally:
            self.retract(handle, fact_json, quietly=failed)
        return fired

    def retract(self, handle: int, fact_json: str, quietly: bool) -> None:
        """Take the fact back; `quietly` after a failure, whose own report is the one to keep."""
        try:
            durable_c.retract_fact(handle, fact_json)
        except Exception as exc:
            if not quietly:
                raise EngineFailure(f"durable_rules could not retract the fact: {exc}") from exc


def action_name(message: str) -> str:
    """The rule name that keys a pending action's message, `{"r12.T.3": {...}}`, without decoding
    the fact copy that follows it (the compiler's names hold no quote or escape)."""
    end = message.find('"', 2)
    if not message.startswith('{"') or end < 0:
        raise EngineFailure(f"unexpected action message from durable_rules: {message[:80]!r}")
    return message[2:end]


_process: _Process | None = None


def _engine() -> _Process:
    global _process
    if _process is None:
        _process = _Process()
    return _process


class DurableMatcher:
    """Evaluates field values against compiled rules with durable_rules."""

    def __init__(self, compiled: CompiledRules) -> None:
        self.compiled = compiled
        self.engine = _engine()
        # Rulesets are registered when a request first needs them: registering all of them
        # took a third of a single check's time.
        self.by_service: dict[str, list[Ruleset]] = {}
        for ruleset in compiled.rulesets:
            for service in ruleset.services:
                self.by_service.setdefault(service, []).append(ruleset)
        # The fact keys each ruleset reads: only these are worked out for a fact asserted to
        # it, which is then asserted as made (a fact of the keys of all of a service's rulesets,
        # cut down to each one's, was built and copied again for every ruleset).
        every_field = dict.fromkeys([*compiled.keys, *compiled.derived_of])
        self.plan_of = {
            ruleset.name: fact_plan(compiled, ruleset.keys_read, every_field)
            for ruleset in compiled.rulesets
        }

    def match(self, values: dict[str, Any]) -> frozenset[tuple[int, str]]:
        """(rule index, TRUE|UNKNOWN|APPLIES) for every compiled condition the values satisfy."""
        service = str(values.get("request.service"))
        needed = self.by_service.get(service, [])
        if not needed:
            return frozenset()
        engine = self.engine
        fired: list[str] = []
        with engine.lock:
            engine.register(needed)
            for ruleset in needed:
                fact = fact_of_plan(self.plan_of[ruleset.name], values)
                fact["sid"] = SESSION
                fired += engine.fire(engine.handles[ruleset.name], _FACT_ENCODER.encode(fact))
        return interpret(self.compiled, fired)
