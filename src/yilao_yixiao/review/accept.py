"""`yyx accept`: append a reviewer's accepted and edited rows to seeds/indicator_values.csv.

All or nothing: every accepted row is checked first — its document is registered, its quote occurs in the source,
its raw text in its quote, its value parses from its raw text (provenance.py's rules), its codes are in the
vocabularies — and the new seed is written to a staged copy of seeds/ on which the seed check and the provenance
verification run. Only when neither reports a problem that was not there before is the seed replaced.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from yilao_yixiao import provenance, seed_check
from yilao_yixiao.provenance import ProvenanceFailure, normalise, number_parses
from yilao_yixiao.review import tables

SEED = "indicator_values.csv"
BOOLEANS = ("true", "false")
ID_NUMBER_WIDTH = 3


@dataclass
class Accepted:
    value_ids: dict[str, str] = field(default_factory=dict)  # reviewed row's value_id (or line) → new value_id
    rejected: int = 0
    undecided: int = 0
    provenance_summary: str = ""
    preexisting_problems: list[str] = field(default_factory=list)


def _failure(path: Path, line: int, column: str, row_id: str, reason: str) -> str:
    return str(ProvenanceFailure(str(path), line, column, row_id or None, reason))


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Checker:
    def __init__(self, reviewed: Path, seeds_dir: Path, sources_dir: Path) -> None:
        self.reviewed = reviewed
        self.documents = {row["document_id"]: row for row in tables.read_table(seeds_dir / "documents.csv").records}
        indicators = tables.read_table(seeds_dir / "indicators.csv").records
        self.indicator_codes = {row["indicator_code"] for row in indicators}
        self.kinds = set(tables.value_kinds(seeds_dir))
        self.comparators = set(tables.comparators(seeds_dir))
        self.obligations = set(tables.obligations(seeds_dir))
        self.period_bases = (
            set(tables.period_bases(seeds_dir)) if "period_basis" in tables.seed_columns(seeds_dir) else None
        )
        self.sources_dir = sources_dir
        self.texts: dict[str, str | None] = {}

    def _text(self, document_id: str) -> str | None:
        if document_id not in self.texts:
            path = self.sources_dir / self.documents[document_id]["source_file"]
            self.texts[document_id] = normalise(path.read_text(encoding="utf-8")) if path.is_file() else None
        return self.texts[document_id]

    def problems(self, line: int, row: dict[str, str]) -> list[str]:
        def problem(column: str, reason: str) -> str:
            return _failure(self.reviewed, line, column, row.get("value_id", ""), reason)

        found = []
        document_id = row.get("document_id", "")
        if document_id not in self.documents:
            found.append(
                problem("document_id", f"unknown document {document_id!r}: register it with `yyx add-document` first")
            )
        else:
            text = self._text(document_id)
            quote = normalise(row.get("source_quote", ""))
            if text is None:
                source_file = self.documents[document_id]["source_file"]
                found.append(problem("document_id", f"source file {self.sources_dir / source_file} does not exist"))
            elif not quote:
                found.append(problem("source_quote", "the quote is empty"))
            elif quote not in text:
                found.append(problem("source_quote", f"quote not found in the source: {row['source_quote']!r}"))
            if normalise(row.get("raw_text", "")) not in quote:
                found.append(problem("raw_text", f"raw_text {row.get('raw_text', '')!r} is not inside the quote"))
        value = row.get("value", "").strip()
        if value and not _number(value):
            found.append(problem("value", f"value {value!r} is not a number"))
        elif value and not number_parses(row.get("raw_text", ""), float(value)) and not row.get("cleaning_note"):
            found.append(
                problem(
                    "value",
                    f"value {value} does not parse from raw_text {row.get('raw_text', '')!r} and no cleaning_note "
                    "says why",
                )
            )
        code = row.get("indicator_code", "").strip()
        if code not in self.indicator_codes:
            found.append(
                problem(
                    "indicator_code",
                    f"indicator_code {code!r} is not in seeds/indicators.csv: choose an existing code or add the "
                    "concept there first"
                    if code
                    else "no indicator_code: choose an existing code or add the concept to seeds/indicators.csv",
                )
            )
        if row.get("value_kind", "") not in self.kinds:
            found.append(
                problem("value_kind", f"value_kind {row.get('value_kind', '')!r} is not one of {sorted(self.kinds)}")
            )
        comparator = row.get("comparator", "")
        if (comparator or value) and comparator not in self.comparators:
            found.append(problem("comparator", f"comparator {comparator!r} is not one of {sorted(self.comparators)}"))
        obligation = row.get("obligation", "")
        if obligation and obligation not in self.obligations:
            found.append(problem("obligation", f"obligation {obligation!r} is not one of {sorted(self.obligations)}"))
        if self.period_bases is not None and row.get("period_basis", "") not in self.period_bases:
            found.append(
                problem(
                    "period_basis",
                    f"period_basis {row.get('period_basis', '')!r} is not one of {sorted(self.period_bases)}",
                )
            )
        year = row.get("period_year", "").strip()
        if year and not (year.isdigit() and len(year) == 4):
            found.append(problem("period_year", f"period_year {year!r} is not a four-digit year"))
        if row.get("is_aspirational", "").strip().lower() not in BOOLEANS:
            found.append(problem("is_aspirational", "is_aspirational must be true or false"))
        return found


def _next_ids(existing: list[str], slug: str) -> tuple[int, int]:
    """The next free number after the jurisdiction's existing `<slug>_<NNN>` ids, and the digits to pad to."""
    pattern = re.compile(rf"^{re.escape(slug)}_([0-9]+)$")
    numbers = [match.group(1) for value_id in existing if (match := pattern.match(value_id))]
    width = max([ID_NUMBER_WIDTH, *(len(n) for n in numbers)])
    return max((int(n) for n in numbers), default=0) + 1, width


def _problem_strings(seeds_dir: Path, sources_dir: Path) -> tuple[set[str], str]:
    problems = {f"seeds/{p}" for p in seed_check.check_seeds(seeds_dir)}
    report = provenance.verify(seeds_dir, sources_dir)
    problems |= {f"seeds/{failure}" for failure in report.failures}
    return problems, report.summary()


def accept(reviewed: Path, seeds_dir: Path, sources_dir: Path) -> Accepted:
    reviewed_table = tables.read_table(reviewed)
    if tables.REVIEW_STATUS not in reviewed_table.columns:
        raise tables.ReviewError([f"{reviewed}: no {tables.REVIEW_STATUS!r} column; download it from `yyx review`"])
    result = Accepted()
    chosen: list[tuple[int, dict[str, str]]] = []
    problems = []
    for line, row in reviewed_table.rows:
        status = row[tables.REVIEW_STATUS].strip().lower()
        if status in tables.ACCEPTED_STATUSES:
            chosen.append((line, row))
        elif status == "rejected":
            result.rejected += 1
        elif not status:
            result.undecided += 1
        else:
            problems.append(
                _failure(reviewed, line, tables.REVIEW_STATUS, row.get("value_id", ""), f"unknown status {status!r}")
            )
    checker = _Checker(reviewed, seeds_dir, sources_dir)
    for line, row in chosen:
        problems.extend(checker.problems(line, row))
    if problems:
        raise tables.ReviewError(problems)
    if not chosen:
        return result

    seed_path = seeds_dir / SEED
    seed = tables.read_table(seed_path)
    jurisdictions = {r["jurisdiction_code"]: r for r in tables.read_table(seeds_dir / "jurisdictions.csv").records}
    existing = [r["value_id"] for r in seed.records]
    counters: dict[str, list[int]] = {}
    new_rows = []
    for line, row in chosen:
        slug = jurisdictions[checker.documents[row["document_id"]]["jurisdiction_code"]]["jurisdiction_slug"]
        if slug not in counters:
            counters[slug] = list(_next_ids(existing, slug))
        number, width = counters[slug]
        counters[slug][0] += 1
        new_id = f"{slug}_{number:0{width}d}"
        result.value_ids[row.get("value_id") or f"line {line}"] = new_id
        new_rows.append({**{column: row.get(column, "") for column in seed.columns}, "value_id": new_id})
    for row in new_rows:
        # A breakdown part points at its total by the proposal's id; follow the total to its new id.
        parent = row.get("parent_value_id", "")
        if parent in result.value_ids:
            row["parent_value_id"] = result.value_ids[parent]

    before, _ = _problem_strings(seeds_dir, sources_dir)
    with tempfile.TemporaryDirectory(prefix="yyx-accept-") as staging:
        staged = Path(staging) / "seeds"
        shutil.copytree(seeds_dir, staged)
        (staged / SEED).write_text(tables.append_rows(seed_path, seed.columns, new_rows), encoding="utf-8")
        after, summary = _problem_strings(staged, sources_dir)
        introduced = sorted(after - before)
        if introduced:
            raise tables.ReviewError([*introduced, "Nothing was written: the accepted rows fail the checks above."])
        scratch = seed_path.with_name(f".{SEED}.accepting")
        shutil.copyfile(staged / SEED, scratch)
        os.replace(scratch, seed_path)
    result.provenance_summary = summary
    result.preexisting_problems = sorted(before)
    return result
