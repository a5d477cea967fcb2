"""The evaluation's matching rule: same value, same kind family, same year; each curated row matched once."""

from bench.extract import Score, match


def curated(value_id, value, kind, year, quote):
    return {"value_id": value_id, "value": value, "value_kind": kind, "period_year": year, "source_quote": quote}


def test_kind_families_and_years_decide_a_match_and_close_quotes_are_paired_first(extractor):
    text = "截至2022年底，全市养老床位3000张。\n到2025年，养老床位达到3000张，护理型床位占比达到60%。\n"
    proposals = extractor.extract(text, "d")
    rows = [
        curated("a", "3000", "target", "2025", "养老床位达到3000张"),
        curated("b", "3000", "context", "2022", "全市养老床位3000张"),  # baseline and context are one family
        curated("c", "60", "standard", "", "护理型床位占比达到60%"),  # no year: not the 2025 proposal
    ]
    pairs = match(rows, proposals)
    assert [(row["value_id"], p.period_year, p.value_kind) for row, p in pairs] == [
        ("a", "2025", "target"),
        ("b", "2022", "baseline"),
    ]


def test_scores_are_shares():
    score = Score("d", curated=4, proposed=5, matched=3, right_code=2, verbatim=5)
    assert (score.recall, score.precision, score.code_share, score.quote_share) == (0.75, 0.6, 2 / 3, 1.0)
