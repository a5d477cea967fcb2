"""Propose the codebook concept a figure measures: fuzzy match of the clause against names and aliases (data)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from yilao_yixiao.provenance import PUNCTUATION_VARIANTS, normalise

# Printed unit → codebook units a figure with it can measure.
COUNTED = {"count", "per_1000_population", "per_1000_elderly", "ratio"}
PEOPLE = {"persons", "person_times", "count", "per_1000_population", "per_1000_elderly"}
UNIT_FAMILIES: dict[str, set[str]] = {
    "%": {"percent"},
    "‰": {"per_1000_population", "per_1000_elderly"},
    "个百分点": {"percentage_points"},
    "百分点": {"percentage_points"},
    "元": {"yuan", "yuan_per_slot"},
    "万元": {"yuan", "yuan_per_slot"},
    "亿元": {"yuan"},
    "平方米": {"m2", "m2_per_100_households", "m2_per_slot", "m2_per_capita"},
    "m2": {"m2", "m2_per_100_households", "m2_per_slot", "m2_per_capita"},
    "分钟": {"minutes"},
    "小时": {"minutes"},
    "岁": {"years"},
    "周岁": {"years"},
    "人": PEOPLE,
    "名": PEOPLE,
    "人次": {"person_times", "persons"},
    "户": {"households", "count"},
    "次": {"count", "person_times"},
    "年": {"year", "years"},
    "日": {"days"},
    "比": {"ratio"},
    "天": {"days"},
    "个工作日": {"days"},
}
PARENTHESES = re.compile(r"\([^)]*\)")
MIN_SCORE = 80.0
PER_BASE = re.compile(r"每(?:十万|千|万|百)")
PER_UNITS = ("per_", "m2_per_100")
PER_BASE_MIN_SCORE = 85.0


@dataclass(frozen=True)
class Concept:
    code: str
    name_zh: str
    unit: str
    domain: str


@dataclass(frozen=True)
class Match:
    concept: Concept
    alias: str
    score: float


def compatible_units(printed_unit: str) -> set[str] | None:
    """Codebook units a printed unit can stand for; None when the figure has no unit (any fits)."""
    if not printed_unit:
        return None
    return UNIT_FAMILIES.get(printed_unit, COUNTED)


# Function words that plans insert freely between the words of a name ("新建居住区按照每百户…").
FUNCTION_WORDS = re.compile(r"按照|按|的|应当|应|要|须|均|都|将|了")


def _match_form(text: str) -> str:
    return FUNCTION_WORDS.sub("", normalise(text))


class Codebook:
    def __init__(self, concepts: list[Concept], aliases: list[tuple[str, str]]) -> None:
        self.concepts = {c.code: c for c in concepts}
        self._aliases: list[tuple[str, Concept]] = []
        seen: set[tuple[str, str]] = set()
        names = [(c.code, c.name_zh) for c in concepts]
        for code, alias in [*names, *aliases]:
            if code not in self.concepts:
                continue
            for form in {_match_form(alias), _match_form(PARENTHESES.sub("", alias))}:
                # "…数" / "…数量" is how a name reads in a table; the prose says the thing counted.
                for variant in {form, re.sub(r"(数量|数)$", "", form)}:
                    if len(variant) >= 2 and (code, variant) not in seen:
                        seen.add((code, variant))
                        self._aliases.append((variant, self.concepts[code]))

    @classmethod
    def from_seeds(cls, seeds_dir: Path) -> Codebook:
        with (seeds_dir / "indicators.csv").open(encoding="utf-8", newline="") as f:
            concepts = [Concept(r["indicator_code"], r["name_zh"], r["unit"], r["domain"]) for r in csv.DictReader(f)]
        aliases: list[tuple[str, str]] = []
        alias_file = seeds_dir / "indicator_aliases.csv"
        if alias_file.exists():
            with alias_file.open(encoding="utf-8", newline="") as f:
                aliases = [(r["indicator_code"], r["alias_zh"]) for r in csv.DictReader(f)]
        return cls(concepts, aliases)

    def best_match(self, clause: str, printed_unit: str, *, in_table: bool = False) -> Match | None:
        """Concept whose name or alias best fits the clause, among those whose unit the figure can have."""
        allowed = compatible_units(printed_unit)
        if in_table and allowed is not None and printed_unit == "个":
            # A table's "(个)" counts anything, people included ("托育服务专业人才数(个)").
            allowed = allowed | {"persons"}
        # The clause comes from the cleaned text (already Simplified and half-width): only spaces remain to drop.
        text = FUNCTION_WORDS.sub("", re.sub(r"\s+", "", clause).translate(PUNCTUATION_VARIANTS))
        best: Match | None = None
        # "每千名老年人拥有床位31.2张" is a rate: only concepts that are per thousand (hundred, …) fit it.
        per = PER_BASE.search(text)
        for alias, concept in self._aliases:
            if allowed is not None and concept.unit not in allowed:
                continue
            if per and not (per.group(0) in concept.name_zh or concept.unit.startswith(PER_UNITS)):
                continue
            if "非" in alias and "非" not in text:
                # "营利性" is not "非营利性": a fuzzy match must not drop the negation.
                continue
            cutoff = PER_BASE_MIN_SCORE if per else MIN_SCORE
            if alias in text:
                score = 100.0
            elif len(alias) > len(text):
                # partial_ratio would find the short clause inside any longer name ("床位" in "…中心床位数").
                score = fuzz.ratio(alias, text, score_cutoff=cutoff)
                if not score:
                    continue
            else:
                # A rate's base is most of its name ("每千名老年人…"): a loose match would be on the base alone.
                score = fuzz.partial_ratio(alias, text, score_cutoff=PER_BASE_MIN_SCORE if per else MIN_SCORE)
                if not score:
                    continue
            # Longer names are more specific: "护理型床位占比" beats "床位" when both are in the clause, and a
            # near-exact long name beats an exact short one; a loose long match does not.
            rank = _rank(float(score), alias)
            if best is None or rank > _rank(best.score, best.alias):
                best = Match(concept, alias, float(score))
        return best


def _rank(score: float, alias: str) -> float:
    return len(alias) * (score / 100) ** 6
