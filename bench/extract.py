"""How well `yyx extract` reads the curated plans: recall, precision, codes, quotes and speed per document.

    python bench/extract.py [--sources ../shared/sources] [--project-dir .] [--misses]

Each registered document's text (seeds/documents.csv → source_file) is extracted and its proposals compared
with the document's rows of seeds/indicator_values.csv. A proposal matches a curated row when it has the same
value, the same kind family (a state: baseline or context; a goal: target or standard) and the same year (both
empty counts as the same). Each curated row is matched at most once, preferring the proposal whose quote
overlaps its quote. Curated rows without a value (qualitative targets) are left out of recall: the extractor
proposes figures only.

  recall     matched curated rows / curated rows with a value
  precision  matched proposals / proposals
  code       matched proposals with the curated row's indicator_code / matched proposals
  quotes     proposals whose quote is a verbatim substring of the source (whitespace aside)
  s/plan     wall seconds of the extraction of one plan (text already read; codebook loaded once)
  cpu s      the same in CPU seconds of this process (the machine is shared: wall time varies with its load)
"""

from __future__ import annotations

import argparse
import csv
import math
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from yilao_yixiao.extract import Extractor, ProposedRow
from yilao_yixiao.extract.candidate import KIND_FAMILY
from yilao_yixiao.provenance import normalise

PROJECT_DIR = Path(__file__).resolve().parents[1]


@dataclass
class Score:
    document_id: str
    curated: int = 0
    proposed: int = 0
    matched: int = 0
    right_code: int = 0
    verbatim: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else math.nan

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else math.nan

    @property
    def code_share(self) -> float:
        return self.right_code / self.matched if self.matched else math.nan

    @property
    def quote_share(self) -> float:
        return self.verbatim / self.proposed if self.proposed else math.nan


def _key(value: str, kind: str, year: str) -> tuple[float, str, str]:
    return (round(float(value), 6), KIND_FAMILY.get(kind, kind), year.strip())


def _overlaps(curated_quote: str, proposal: ProposedRow) -> bool:
    quote, raw = normalise(curated_quote), normalise(proposal.raw_text)
    proposed = normalise(proposal.source_quote)
    return raw in quote and (proposed in quote or quote in proposed or quote[:6] in proposed)


def match(curated: list[dict[str, str]], proposals: list[ProposedRow]) -> list[tuple[dict[str, str], ProposedRow]]:
    by_key: dict[tuple[float, str, str], list[ProposedRow]] = defaultdict(list)
    for proposal in proposals:
        by_key[_key(proposal.value, proposal.value_kind, proposal.period_year)].append(proposal)
    pairs = []
    unmatched = []
    # First the pairs whose quotes overlap, then the rest by key alone: a loose pair never takes a close one's row.
    for row in curated:
        candidates = by_key.get(_key(row["value"], row["value_kind"], row["period_year"]), [])
        chosen = next((p for p in candidates if _overlaps(row["source_quote"], p)), None)
        if chosen is None:
            unmatched.append(row)
            continue
        candidates.remove(chosen)
        pairs.append((row, chosen))
    for row in unmatched:
        candidates = by_key.get(_key(row["value"], row["value_kind"], row["period_year"]), [])
        if candidates:
            pairs.append((row, candidates.pop(0)))
    return pairs


def evaluate(sources: Path, project_dir: Path, show_misses: bool = False) -> list[Score]:
    seeds = project_dir / "seeds"
    with (seeds / "documents.csv").open(encoding="utf-8", newline="") as f:
        documents = list(csv.DictReader(f))
    with (seeds / "indicator_values.csv").open(encoding="utf-8", newline="") as f:
        values = list(csv.DictReader(f))
    extractor = Extractor.from_project(project_dir)
    scores = []
    for document in documents:
        document_id = document["document_id"]
        text = (sources / document["source_file"]).read_text(encoding="utf-8")
        started, cpu_started = time.perf_counter(), time.process_time()
        proposals = extractor.extract(text, document_id)
        score = Score(document_id, seconds=time.perf_counter() - started, cpu_seconds=time.process_time() - cpu_started)
        curated = [r for r in values if r["document_id"] == document_id and r["value"].strip()]
        pairs = match(curated, proposals)
        normalised_text = normalise(text)
        score.curated, score.proposed, score.matched = len(curated), len(proposals), len(pairs)
        score.right_code = sum(row["indicator_code"] == p.indicator_code for row, p in pairs)
        score.verbatim = sum(normalise(p.source_quote) in normalised_text for p in proposals)
        scores.append(score)
        if show_misses:
            _print_misses(curated, proposals, pairs)
    return scores


def _print_misses(
    curated: list[dict[str, str]], proposals: list[ProposedRow], pairs: list[tuple[dict[str, str], ProposedRow]]
) -> None:
    matched_ids = {row["value_id"] for row, _ in pairs}
    used = {id(p) for _, p in pairs}
    for row in curated:
        if row["value_id"] not in matched_ids:
            print(
                f"  missed  {row['value_id']} {row['value_kind']} {row['period_year']} {row['value']} "
                f"{row['raw_text']!r} | {row['source_quote'][:50]}"
            )
    for proposal in proposals:
        if id(proposal) not in used:
            print(
                f"  extra   {proposal.value_kind} {proposal.period_year} {proposal.value} {proposal.raw_text!r} "
                f"| {proposal.source_quote[:50]}"
            )
    for row, proposal in pairs:
        if row["indicator_code"] != proposal.indicator_code:
            print(
                f"  code    {row['value_id']} {row['indicator_code']} ≠ {proposal.indicator_code or '∅'} "
                f"| {proposal.source_quote[:40]}"
            )


def _percent(x: float) -> str:
    return "   —" if math.isnan(x) else f"{100 * x:5.1f} %"


def report(scores: list[Score]) -> str:
    total = Score("overall")
    for s in scores:
        for name in ("curated", "proposed", "matched", "right_code", "verbatim"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
        total.seconds += s.seconds
        total.cpu_seconds += s.cpu_seconds
    lines = [
        f"{'document':45} {'curated':>7} {'proposed':>8} {'recall':>8} {'precision':>9} {'code':>8} "
        f"{'quotes':>8} {'s/plan':>7} {'cpu s':>6}"
    ]
    for s in [*scores, total]:
        plans = len(scores) if s is total else 1
        lines.append(
            f"{s.document_id:45} {s.curated:7} {s.proposed:8} {_percent(s.recall):>8} {_percent(s.precision):>9} "
            f"{_percent(s.code_share):>8} {_percent(s.quote_share):>8} {s.seconds / plans:7.3f} "
            f"{s.cpu_seconds / plans:6.3f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=Path, default=PROJECT_DIR.parent / "shared" / "sources")
    parser.add_argument("--project-dir", type=Path, default=PROJECT_DIR)
    parser.add_argument("--misses", action="store_true", help="list missed, extra and wrongly coded rows")
    args = parser.parse_args()
    print(report(evaluate(args.sources, args.project_dir, args.misses)))


if __name__ == "__main__":
    main()
