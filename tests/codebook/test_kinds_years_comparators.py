"""Kinds, years, comparators and eligibility ages of CODEBOOK.md: one rule each, held by every row of every plan."""

from __future__ import annotations

import re

NORM_WORDS = re.compile(r"每|各|所有|均|凡|标准|規定|规定|原则上")
# Units that measure a rule's parameter (a threshold, an age, a term, a deadline), not an outcome.
RULE_UNITS = {"year", "years", "months", "days", "minutes", "m2", "persons_per_day", "yuan_per_county_per_year"}
PER_UNIT_UNITS = {"m2_per_capita", "m2_per_100_households", "m2_per_slot", "yuan_per_slot", "ratio"}
NORM_DESCRIPTION = re.compile(r"\b(each|every|per|rule|norm|threshold|minimum|deadline)\b", re.IGNORECASE)
STATED_PERIODS = {"十三五": "2020", "十四五": "2025", "七普": "2020", "第七次人口普查": "2020"}


def is_per_unit_code(code: str) -> bool:
    """A count per place or per body (…_per_county, …_per_street), not per year or per 1000 people."""
    return bool(re.search(r"_per_(?!year|half_year|1000)", code))


def test_a_standard_is_a_norm_per_unit_or_a_rule(values, indicators):
    wrong = [
        row["value_id"]
        for row in values
        if row["value_kind"] == "standard"
        and not is_per_unit_code(row["indicator_code"])
        and indicators[row["indicator_code"]]["unit"] not in PER_UNIT_UNITS | RULE_UNITS
        and not NORM_WORDS.search(row["source_quote"])
        and not NORM_DESCRIPTION.search(indicators[row["indicator_code"]]["description_en"])
        and not row["indicator_code"].endswith(("_threshold", "_eligibility_age", "_start_year"))
    ]
    assert not wrong, f"standards that state neither a per-unit norm nor a rule: {wrong}"


def test_a_rate_to_reach_is_a_target_even_when_undated(values):
    wrong = [
        row["value_id"] for row in values if row["value_kind"] == "standard" and row["indicator_code"].endswith("_rate")
    ]
    assert not wrong, f"outcome rates coded as standards: {wrong}"


def test_a_count_per_place_is_a_standard(values, indicators):
    wrong = [
        row["value_id"]
        for row in values
        if row["value_kind"] in {"target", "baseline"}
        and is_per_unit_code(row["indicator_code"])
        and indicators[row["indicator_code"]]["unit"] == "count"
    ]
    assert not wrong, f"per-place norms coded as outcomes: {wrong}"


SOURCE_WORDS = re.compile(r"from|column|header|inferred|read as|census|states|普查")


def stated_years(row: dict[str, str]) -> set[str]:
    text = row["source_quote"] + " " + row["source_section"]
    years = set(re.findall(r"(20\d\d)", text))
    years |= {year for words, year in STATED_PERIODS.items() if words in text}
    return years


def test_a_year_is_one_the_text_states(values, documents):
    """The year is in the quote or section, or the note names the stated words it came from; never the plan
    horizon or the date of issue. A one-year plan's title states the year of its targets."""

    def note_cites_its_source(row: dict[str, str]) -> bool:
        """A clause of the note names the year (or its period) and where the text states it."""
        for clause in row["cleaning_note"].split(";"):
            names_year = row["period_year"] in clause or any(words in clause for words in STATED_PERIODS)
            if names_year and SOURCE_WORDS.search(clause):
                return True
        return False

    wrong = []
    for row in values:
        year = row["period_year"]
        if not year:
            continue
        document = documents[row["document_id"]]
        one_year_plan_target = (
            row["value_kind"] == "target" and document["plan_period_start"] == document["plan_period_end"] == year
        )
        if year in stated_years(row) or one_year_plan_target or note_cites_its_source(row):
            continue
        wrong.append(row["value_id"])
    assert not wrong, f"years the text does not state: {wrong}"


def test_no_year_comes_from_the_horizon_or_the_date_of_issue(values):
    borrowed = re.compile(
        r"from the plan horizon|inferred from the plan horizon|from the document date|read from the document date"
    )
    wrong = [row["value_id"] for row in values if row["period_year"] and borrowed.search(row["cleaning_note"])]
    assert not wrong


def test_a_standard_carries_only_a_year_its_sentence_states(values):
    wrong = [
        row["value_id"]
        for row in values
        if row["value_kind"] == "standard"
        and row["period_year"]
        and row["period_year"] not in stated_years(row)
        and not re.search(r"sentence|header", row["cleaning_note"])
    ]
    assert not wrong


COMPARATOR_MARKERS = [
    (re.compile(r"^(?:不少于|不低于|至少|不得少于|≥)|以上$"), "ge"),
    (re.compile(r"^(?:超过|突破|>)|余"), "gt"),
    (re.compile(r"^(?:不超过|≤)|以内$|年底前$|前$|内$"), "le"),
    (re.compile(r"^(?:约|近)|左右$"), "approx"),
]


def expected_comparator(row: dict[str, str]) -> str | None:
    """The comparator the words around the printed figure call for, or None when they say nothing."""
    quote, raw = row["source_quote"], row["raw_text"]
    before, _, after = quote.partition(raw)
    window = (before[-3:] if raw in quote else "") + raw + (after[:2] if raw in quote else "")
    raw_and_neighbours = [window[max(0, len(before[-3:]) - k) :] for k in range(4)]
    for pattern, comparator in COMPARATOR_MARKERS:
        if pattern.search(raw) or any(pattern.search(text.split(raw)[0] + raw) for text in raw_and_neighbours):
            return comparator
    return None


def test_comparator_follows_the_printed_qualifier(values):
    wrong = []
    for row in values:
        if not row["value"] or row["indicator_code"].endswith("_eligibility_age"):
            continue
        expected = expected_comparator(row)
        if expected and row["comparator"] != expected and "range" not in row["cleaning_note"]:
            wrong.append((row["value_id"], row["raw_text"], row["comparator"], expected))
    assert not wrong, wrong


def test_more_than_is_not_about(values):
    """X余 says 'more than X': the digits are a floor (gt), not a rounding (approx)."""
    wrong = [row["value_id"] for row in values if "余" in row["raw_text"] and row["comparator"] != "gt"]
    assert not wrong


def test_an_eligibility_age_is_a_floor(values):
    wrong = [
        row["value_id"]
        for row in values
        if row["indicator_code"].endswith("_eligibility_age") and row["comparator"] != "ge"
    ]
    assert not wrong


def test_the_readers_on_a_plan_written_here():
    assert expected_comparator({"source_quote": "每年为300余名老人服务", "raw_text": "300余名"}) == "gt"
    assert expected_comparator({"source_quote": "床位不少于120张", "raw_text": "120张"}) == "ge"
    assert expected_comparator({"source_quote": "覆盖率达到80%", "raw_text": "80%"}) is None
    assert stated_years({"source_quote": "到2030年建成", "source_section": "“十四五”时期"}) == {"2030", "2025"}
    assert is_per_unit_code("clinics_per_township") and not is_per_unit_code("drills_per_year")
