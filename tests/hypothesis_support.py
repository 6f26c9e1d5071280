"""Hypothesis settings shared by the property tests: a quick local run, a deeper one in CI, refusals counted."""

from __future__ import annotations

import os
from dataclasses import dataclass


def in_ci() -> bool:
    """Whether the suite runs in CI (CI=true), where the property tests search deeper."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def examples(local: int, ci: int) -> int:
    """How many examples a property test tries: CHAIRDESK_EXAMPLES if set, else the CI or the local count."""
    if os.environ.get("CHAIRDESK_EXAMPLES"):
        return int(os.environ["CHAIRDESK_EXAMPLES"])
    return ci if in_ci() else local


@dataclass
class StepCount:
    """Steps tried and steps refused over a whole property run: a run where most are refused tests little."""

    tried: int = 0
    refused: int = 0

    def check(self, most: float = 0.5) -> None:
        """Fail when more than `most` of the steps were refused (or none was tried)."""
        assert self.tried > 0, "no step was tried"
        assert self.refused <= most * self.tried, f"{self.refused} of {self.tried} steps were refused"
