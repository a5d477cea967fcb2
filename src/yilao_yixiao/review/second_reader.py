"""Compare a document's proposals with its curated seed rows: what each reader found that the other did not."""

from __future__ import annotations

from dataclasses import dataclass

from yilao_yixiao.review.tables import same_figure


@dataclass(frozen=True)
class Comparison:
    matched: list[tuple[dict[str, str], dict[str, str]]]  # (seed row, proposal)
    missed: list[dict[str, str]]  # seed rows no proposal matches
    new: list[dict[str, str]]  # proposals no seed row matches


def compare(seed_rows: list[dict[str, str]], proposals: list[dict[str, str]]) -> Comparison:
    """One-to-one matching in document order: each seed row takes the first unmatched proposal that is the same
    figure (same value, same year, same kind family), so two equal figures in a plan need two proposals."""
    unmatched = list(proposals)
    matched, missed = [], []
    for seed in seed_rows:
        partner = next((p for p in unmatched if same_figure(seed, p)), None)
        if partner is None:
            missed.append(seed)
        else:
            unmatched = [p for p in unmatched if p is not partner]
            matched.append((seed, partner))
    return Comparison(matched, missed, unmatched)
