"""A figure found in a plan with what its context says about it, before it becomes a proposed row."""

from __future__ import annotations

from dataclasses import dataclass

from yilao_yixiao.extract.figures import Figure
from yilao_yixiao.extract.sections import Heading
from yilao_yixiao.extract.years import YearMention

KIND_FAMILY = {"baseline": "state", "context": "state", "target": "goal", "standard": "goal"}


@dataclass
class Candidate:
    figure: Figure
    quote_start: int
    quote_end: int
    clause: str
    sentence_before: str
    year: YearMention | None
    obligation: str
    kind_hint: str
    section: str
    path: tuple[Heading, ...]
    paragraph_years: tuple[YearMention, ...] = ()
    # The words next to the figure, up to its neighbours: what it counts, before the wider clause is consulted.
    local: str = ""
    before: str = ""
    sentence_start: int = -1
