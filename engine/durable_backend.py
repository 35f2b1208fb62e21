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
- actions only record the durable rule name; exceptions inside actions are swallowed into the
  session state, so that state is read and cleared after every call;
- `delete_state` is never called (it frees uninitialised memory on sessions with no actions);
- the C code is not thread-safe: one engine per process, parallelism by processes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

import durable.engine as durable_engine
from durable.engine import MessageNotHandledException

from engine.compiler import CompiledRules, Ruleset, build_fact, interpret

SESSION = "0"


class EngineFailure(RuntimeError):
    """durable_rules reported an error while evaluating: a bug here, never a user error."""


class _QuietHost(durable_engine.Host):
    def _run(self) -> None:  # no timer threads, no $pulse messages
        return None


class _Process:
    """Per-process engine state: one host, rulesets by name, and the names fired by the last call."""

    def __init__(self) -> None:
        self.host = _QuietHost()
        self.registered: set[str] = set()
        self.fired: list[str] = []
        self.lock = threading.Lock()  # durable is not thread-safe; serialise rather than crash

    def register(self, rulesets: Iterable[Ruleset]) -> None:
        for ruleset in rulesets:
            if ruleset.name in self.registered:
                continue
            rules = {
                name: {"all": [{"m": condition}], "run": self.recorder(name)}
                for name, condition in ruleset.conditions.items()
            }
            self.host.set_rulesets({ruleset.name: rules})
            self.registered.add(ruleset.name)

    def recorder(self, name: str) -> Any:
        def record(_context: Any) -> None:
            self.fired.append(name)

        return record


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

    def call(self, method: Any, ruleset: str, fact: dict[str, Any]) -> str | None:
        """Assert or retract; None where it went through, else durable's complaint in words."""
        try:
            method(ruleset, fact)
        except MessageNotHandledException:
            return None  # no rule matched: nothing fired
        except Exception as exc:  # the C extension raises its own bare error type
            return str(exc)
        return None

    def match(self, values: dict[str, Any]) -> frozenset[tuple[int, str]]:
        """(rule index, TRUE|UNKNOWN|APPLIES) for every compiled condition the values satisfy."""
        needed = self.by_service.get(str(values.get("request.service")), [])
        if not needed:
            return frozenset()
        rulesets = [ruleset.name for ruleset in needed]
        fact = build_fact(self.compiled, values)
        fact["sid"] = SESSION
        engine = self.engine
        failure = None
        with engine.lock:
            engine.register(needed)
            engine.fired.clear()
            for name in rulesets:
                failure = failure or self.call(engine.host.assert_fact, name, fact)
                # Retract even after a failure, so the next evaluation starts from a clean session.
                retract_failure = self.call(engine.host.retract_fact, name, fact)
                failure = failure or retract_failure
                state = engine.host.get_state(name, SESSION)
                swallowed = state.get("exception") if isinstance(state, dict) else None
                if swallowed:
                    state.pop("exception", None)
                    engine.host.update_state(name, state)
                    failure = failure or f"an action failed: {swallowed}"
            fired = list(engine.fired)
            engine.fired.clear()
        if failure:
            raise EngineFailure(f"durable_rules could not evaluate the fact: {failure}")
        return interpret(self.compiled, fired)
