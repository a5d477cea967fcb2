"""One Great Expectations suite per mart: the audit's rules for ranges, units, vocabularies and quotes.

Each rule carries a note saying why it holds, which Data Docs shows under the expectation. The dbt tests
already guard keys and relationships inside the build; these suites restate the few keys that matter and
add what dbt's generic tests cannot say well: ranges that depend on the unit, whole counts, plausible
years, and that every figure carries its verbatim quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.expectation import Expectation
from great_expectations.expectations.row_conditions import Column

from yilao_yixiao.validation.reference import VOCABULARIES, Reference
from yilao_yixiao.validation.whole_numbers import ExpectColumnValuesToBeWholeNumbers

# The plans run 2021–2025 and cite baselines back to 2020; anything outside this window is a misreading.
FIRST_PLAUSIBLE_YEAR = 2010
LAST_PLAUSIBLE_YEAR = 2035
# Not a vocabulary: the two outcomes every check model computes.
CHECK_STATUSES = ["pass", "fail"]
# The slug is the key of file names and ids: lower-case ASCII snake case.
SLUG = r"^[a-z][a-z0-9_]*$"
# A non-blank string: at least one character that is not whitespace.
NON_BLANK = r"\S"

IS_PERCENT = Column("unit") == "percent"


@dataclass(frozen=True)
class MartSuite:
    """A suite and the mart (table in schema `marts`) it validates."""

    table: str
    build: Callable[[Reference], list[Expectation]]
    description: str

    @property
    def name(self) -> str:
        return self.table

    def expectation_suite(self, reference: Reference) -> gx.ExpectationSuite:
        return gx.ExpectationSuite(name=self.name, expectations=self.build(reference), notes=self.description)


def key(column: str) -> list[Expectation]:
    why = f"`{column}` identifies a row: present and never repeated."
    return [
        gxe.ExpectColumnValuesToNotBeNull(column=column, notes=why),
        gxe.ExpectColumnValuesToBeUnique(column=column, notes=why),
    ]


def one_of(column: str, values: list, why: str, *, required: bool = False) -> list[Expectation]:
    """Values from a closed set; null stays allowed unless `required` (GX skips nulls in set checks)."""
    rules: list[Expectation] = [gxe.ExpectColumnValuesToBeInSet(column=column, value_set=values, notes=why)]
    if required:
        rules.insert(0, gxe.ExpectColumnValuesToNotBeNull(column=column, notes=why))
    return rules


def plausible_year(column: str, *, required: bool = False) -> list[Expectation]:
    why = (
        f"Years of these plans lie in {FIRST_PLAUSIBLE_YEAR}–{LAST_PLAUSIBLE_YEAR}; another year is a "
        "misread figure (e.g. a count taken for a year)."
    )
    rules: list[Expectation] = [
        gxe.ExpectColumnValuesToBeBetween(
            column=column, min_value=FIRST_PLAUSIBLE_YEAR, max_value=LAST_PLAUSIBLE_YEAR, notes=why
        )
    ]
    if required:
        rules.insert(0, gxe.ExpectColumnValuesToNotBeNull(column=column, notes=why))
    return rules


def percent_range(column: str) -> list[Expectation]:
    why = (
        "Percent figures are stored as printed (55 for 55%), so they lie in [0, 100]. The range applies to "
        'the stated value: a plan may print "100%以上" (stored as ≥ 100, which the audit flags), and 100 '
        "itself is allowed."
    )
    return [
        gxe.ExpectColumnValuesToBeBetween(
            column=column, min_value=0, max_value=100, row_condition=IS_PERCENT, notes=why
        )
    ]


def whole_count(column: str, reference: Reference) -> list[Expectation]:
    """Units that count things (must_be_whole in seeds/units.csv, calendar years aside): non-negative, whole."""
    counts = reference.count_units
    is_count = Column("unit").is_in(counts)
    why = f"Figures in units {', '.join(counts)} count things (seeds/units.csv): non-negative and whole."
    return [
        gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0, row_condition=is_count, notes=why),
        ExpectColumnValuesToBeWholeNumbers(column=column, row_condition=is_count, notes=why),
    ]


def quoted(column: str, what: str = "Every figure") -> list[Expectation]:
    why = f"{what} must carry the verbatim text it was read from, so an auditor can find it in the source."
    return [
        gxe.ExpectColumnValuesToNotBeNull(column=column, notes=why),
        gxe.ExpectColumnValuesToMatchRegex(column=column, regex=NON_BLANK, notes=why),
    ]


def non_blank_where_present(column: str, why: str) -> list[Expectation]:
    return [gxe.ExpectColumnValuesToMatchRegex(column=column, regex=NON_BLANK, notes=why)]


def at_least_one_row() -> list[Expectation]:
    return [
        gxe.ExpectTableRowCountToBeBetween(
            min_value=1, notes="An empty mart means the build lost its input; it is never valid."
        )
    ]


def in_vocabulary(
    reference: Reference, vocabulary: str, why: str, *, column: str | None = None, required: bool = False
) -> list[Expectation]:
    """Codes of a vocabulary seed (seeds/<plural>.csv), as loaded into the warehouse being validated."""
    seed = VOCABULARIES[vocabulary].removeprefix("stg_")
    notes = f"{why.rstrip('.')}: a code of seeds/{seed}.csv."
    return one_of(column or vocabulary, reference.of(vocabulary), notes, required=required)


def jurisdiction(column: str = "jurisdiction_slug") -> list[Expectation]:
    why = "Every row belongs to a jurisdiction, named by its slug (the key of ids and file names)."
    return [
        gxe.ExpectColumnValuesToNotBeNull(column=column, notes=why),
        gxe.ExpectColumnValuesToMatchRegex(column=column, regex=SLUG, notes=why),
    ]


def fct_indicator_values(reference: Reference) -> list[Expectation]:
    return [
        *at_least_one_row(),
        *key("value_id"),
        *jurisdiction(),
        *in_vocabulary(reference, "document_status", "A document's publication status.", required=True),
        *in_vocabulary(reference, "value_kind", "Every figure is of a known kind.", required=True),
        *in_vocabulary(
            reference,
            "comparator",
            "How the figure is stated (≥ 55 is not = 55); null only for a qualitative statement",
        ),
        *in_vocabulary(reference, "obligation", "约束性 → binding, 预期性 → expected; null when not classified"),
        gxe.ExpectColumnValuesToNotBeNull(
            column="unit", notes="`value` is in the indicator's unit, so a figure without one is unreadable."
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="value",
            row_condition=Column("comparator").is_not_null(),
            notes="A figure stated with a comparator has a number; only qualitative statements have none.",
        ),
        *percent_range("value"),
        *whole_count("value", reference),
        *plausible_year("period_year"),
        gxe.ExpectColumnValuesToBeBetween(
            column="value",
            min_value=FIRST_PLAUSIBLE_YEAR,
            max_value=LAST_PLAUSIBLE_YEAR,
            row_condition=Column("unit") == "year",
            notes="A figure whose unit is a calendar year (e.g. a year a facility opens) is a plausible year.",
        ),
        *quoted("source_quote"),
        *quoted("raw_text", "Every figure exactly as printed"),
        gxe.ExpectColumnValuesToNotBeNull(
            column="source_section", notes="Where in the document the quote stands, for the auditor."
        ),
    ]


def fct_indicator_gaps(reference: Reference) -> list[Expectation]:
    return [
        *at_least_one_row(),
        *key("gap_id"),
        *jurisdiction(),
        *plausible_year("target_year", required=True),
        *plausible_year("baseline_year"),
        gxe.ExpectColumnValuesToNotBeNull(column="target_value", notes="A gap is measured to a stated target."),
        *percent_range("target_value"),
        *percent_range("baseline_value"),
        *whole_count("target_value", reference),
        *whole_count("baseline_value", reference),
        *in_vocabulary(
            reference, "comparator", "Comparators come from one closed set", column="target_comparator", required=True
        ),
        *in_vocabulary(reference, "comparator", "Comparators come from one closed set", column="baseline_comparator"),
        *in_vocabulary(
            reference,
            "obligation",
            "约束性 → binding, 预期性 → expected; null when not classified",
            column="target_obligation",
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="years_between",
            min_value=1,
            notes="A baseline lies at least one year before its target.",
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="has_baseline", notes="Every gap says whether it has a baseline."),
        gxe.ExpectColumnValuesToNotBeNull(
            column="baseline_value",
            row_condition=Column("has_baseline") == True,  # noqa: E712 (a GX condition, not a Python test)
            notes="A gap that has a baseline carries its figure (missing is not zero).",
        ),
        *quoted("target_source_quote", "Every target"),
        *quoted("target_raw_text", "Every target exactly as printed"),
        *non_blank_where_present(
            "baseline_source_quote", "A baseline, where there is one, carries its verbatim quote."
        ),
    ]


def fct_county_allocations(reference: Reference) -> list[Expectation]:
    return [
        *at_least_one_row(),
        *key("allocation_id"),
        *jurisdiction(),
        *plausible_year("period_year", required=True),
        gxe.ExpectColumnValuesToNotBeNull(column="is_applicable", notes="Every cell is applicable or '/'."),
        gxe.ExpectColumnValuesToNotBeNull(
            column="value",
            row_condition=Column("is_applicable") == True,  # noqa: E712 (a GX condition, not a Python test)
            notes="An applicable cell holds a number.",
        ),
        gxe.ExpectColumnValuesToBeNull(
            column="value",
            row_condition=Column("is_applicable") == False,  # noqa: E712 (a GX condition, not a Python test)
            notes="A '/' cell is not applicable: null, never zero.",
        ),
        *whole_count("value", reference),
        *whole_count("city_total_value", reference),
        gxe.ExpectColumnValuesToNotBeNull(
            column="city_total_value", notes="Every county's figure is tied to the city total printed above it."
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="share_of_city_total",
            min_value=0,
            max_value=1,
            notes="A county's share of the city total is a fraction in [0, 1].",
        ),
        *quoted("source_quote", "Every county row"),
        *quoted("raw_text", "Every cell exactly as printed"),
    ]


def dim_jurisdictions(reference: Reference) -> list[Expectation]:
    return [
        gxe.ExpectTableRowCountToEqual(
            value=reference.n_jurisdictions,
            notes="One row per row of the jurisdictions seed: the mart neither loses nor duplicates a jurisdiction.",
        ),
        *key("jurisdiction_code"),
        *key("jurisdiction_slug"),
        *jurisdiction(),
        gxe.ExpectColumnValuesToMatchRegex(
            column="jurisdiction_code",
            regex=r"^\d{6}$",
            notes="A jurisdiction code is the six-digit administrative division code.",
        ),
        *in_vocabulary(reference, "admin_level", "Every jurisdiction has an administrative level", required=True),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_documents", min_value=1, notes="Every jurisdiction has at least one source document."
        ),
        ExpectColumnValuesToBeWholeNumbers(column="n_documents", notes="A number of documents is whole."),
    ]


def dim_documents(reference: Reference) -> list[Expectation]:
    counts = ["n_values", "n_baselines", "n_targets", "n_binding", "n_expected"]
    return [
        *at_least_one_row(),
        *key("document_id"),
        *jurisdiction(),
        gxe.ExpectTableRowCountToEqual(
            value=reference.n_documents,
            notes="One row per row of the documents seed: the mart neither loses nor duplicates a document.",
        ),
        *in_vocabulary(reference, "document_status", "A document's publication status", required=True),
        *in_vocabulary(reference, "script", "The characters the text is printed in"),
        gxe.ExpectColumnValuesToMatchRegex(
            column="source_sha256",
            regex=r"^[0-9a-f]{64}$",
            notes="Each document is pinned to its source file by a sha256.",
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="source_sha256", notes="Each document is pinned to its file."),
        *quoted("title_zh", "Every document"),
        *plausible_year("plan_period_start"),
        *plausible_year("plan_period_end"),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="plan_period_end",
            column_B="plan_period_start",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            notes="A plan period does not end before it starts.",
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="comment_period_end",
            column_B="comment_period_start",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            notes="A comment period does not end before it starts.",
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_values", min_value=1, notes="Every document contributes at least one figure."
        ),
        *[
            expectation
            for column in counts
            for expectation in (
                gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0, notes="A number of figures."),
                ExpectColumnValuesToBeWholeNumbers(column=column, notes="A number of figures is whole."),
            )
        ],
    ]


def dim_indicators(reference: Reference) -> list[Expectation]:
    return [
        *at_least_one_row(),
        *key("indicator_code"),
        gxe.ExpectColumnValuesToMatchRegex(
            column="indicator_code",
            regex=r"^[a-z0-9_]+$",
            notes="Indicator codes are lower-case snake case, the join key of every fact.",
        ),
        *quoted("indicator_name_zh", "Every indicator"),
        *quoted("indicator_name_en", "Every indicator"),
        gxe.ExpectColumnValuesToNotBeNull(column="domain", notes="Every indicator belongs to a domain."),
        gxe.ExpectColumnValuesToMatchRegex(
            column="unit",
            regex=r"^[a-z0-9_]+$",
            notes="Units are codes (percent, count, per_1000_population…), not printed text.",
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="unit", notes="Every indicator is measured in one unit."),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_values", min_value=1, notes="The codebook lists only indicators some document states."
        ),
        ExpectColumnValuesToBeWholeNumbers(column="n_values", notes="A number of figures is whole."),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_jurisdictions",
            min_value=1,
            max_value=reference.n_jurisdictions,
            notes="An indicator is stated by at least one and at most every jurisdiction of the seed.",
        ),
    ]


def fct_consistency_checks(reference: Reference) -> list[Expectation]:
    # One row per consistency check; columns as agreed for the mart (stated/computed values with intervals).
    intervals = [
        ("stated_upper", "stated_lower", "A printed figure's interval is not empty."),
        ("stated_value", "stated_lower", "The printed figure lies in the interval it stands for."),
        ("stated_upper", "stated_value", "The printed figure lies in the interval it stands for."),
        ("computed_upper", "computed_lower", "A computed value's interval is not empty."),
        ("computed_value", "computed_lower", "The computed value lies in its interval."),
        ("computed_upper", "computed_value", "The computed value lies in its interval."),
    ]
    return [
        *at_least_one_row(),
        *key("check_id"),
        *jurisdiction(),
        *in_vocabulary(reference, "check_kind", "Every check is of a known kind", required=True),
        *one_of("status", CHECK_STATUSES, "A check passes or fails; nothing in between.", required=True),
        gxe.ExpectColumnValuesToNotBeNull(
            column="is_known_finding", notes="Every check says whether its failure is a declared finding."
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="is_known_finding",
            value_set=[True],
            row_condition=Column("status") == "fail",
            notes=(
                "A failing check is a registered finding (seeds/audit_findings.csv); an unregistered failure is "
                "a mistyped seed or a new contradiction of the document to examine."
            ),
        ),
        *in_vocabulary(reference, "finding_status", "Where a registered finding stands"),
        gxe.ExpectColumnValuesToNotBeNull(
            column="finding_status",
            row_condition=Column("is_known_finding") == True,  # noqa: E712 (a GX condition, not a Python test)
            notes="A declared finding has a status.",
        ),
        gxe.ExpectColumnValuesToBeNull(
            column="finding_status",
            row_condition=Column("is_known_finding") == False,  # noqa: E712 (a GX condition, not a Python test)
            notes="A check that is no finding has no finding status.",
        ),
        *[
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=greater,
                column_B=smaller,
                or_equal=True,
                ignore_row_if="either_value_is_missing",
                notes=why,
            )
            for greater, smaller, why in intervals
        ],
        *quoted("description_zh", "Every check"),
        *quoted("description_en", "Every check"),
        gxe.ExpectColumnValuesToNotBeNull(column="value_ids", notes="A check names the figures it compares."),
        *quoted("source_quotes", "Every check"),
    ]


def fct_jurisdiction_current_targets(reference: Reference) -> list[Expectation]:
    return [
        *at_least_one_row(),
        *key("current_target_id"),
        *jurisdiction(),
        gxe.ExpectColumnValuesToNotBeNull(
            column="document_id", notes="A current target names the plan it is taken from."
        ),
        *in_vocabulary(reference, "document_status", "The chosen plan's publication status", required=True),
        *plausible_year("target_year", required=True),
        gxe.ExpectColumnValuesToNotBeNull(column="target_value", notes="A current target has its figure."),
        *in_vocabulary(
            reference, "comparator", "Comparators come from one closed set", column="target_comparator", required=True
        ),
        *in_vocabulary(
            reference,
            "obligation",
            "约束性 → binding, 预期性 → expected; null when not classified",
            column="target_obligation",
        ),
        *quoted("target_source_quote", "Every current target"),
        gxe.ExpectColumnValuesToBeBetween(
            column="n_documents_with_target",
            min_value=1,
            max_value=reference.n_documents,
            notes="At least the chosen plan states the target, at most every document of the seed.",
        ),
        *quoted("selection_reason", "Every choice of a jurisdiction's current plan"),
    ]


def fct_target_revisions(reference: Reference) -> list[Expectation]:
    # No row-count floor: a collection in which no plan revises an earlier one has no revisions.
    return [
        *key("revision_id"),
        *jurisdiction(),
        *plausible_year("target_year", required=True),
        *[
            expectation
            for side in ("previous", "revised")
            for expectation in (
                gxe.ExpectColumnValuesToNotBeNull(
                    column=f"{side}_document_id", notes="A revision pairs two plans' statements."
                ),
                gxe.ExpectColumnValuesToNotBeNull(
                    column=f"{side}_value_id", notes="A revision pairs two plans' statements."
                ),
                *in_vocabulary(
                    reference, "comparator", "Comparators come from one closed set", column=f"{side}_comparator"
                ),
                *quoted(f"{side}_source_quote", "Both statements of a revision"),
            )
        ],
        gxe.ExpectColumnValuesToBeInSet(
            column="is_value_changed",
            value_set=[True],
            row_condition=Column("is_comparator_changed") == False,  # noqa: E712 (a GX condition, not a Python test)
            notes="A revision changes the value or the comparator; an unchanged restatement is no revision.",
        ),
    ]


def fct_consistency_check_values(reference: Reference) -> list[Expectation]:
    return [
        *at_least_one_row(),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["check_id", "value_id"],
            notes="A figure appears once in a check: (check_id, value_id) is the key.",
        ),
        *[
            gxe.ExpectColumnValuesToNotBeNull(
                column=column, notes="Every figure of a check names its check, document, figure and role."
            )
            for column in ("check_id", "document_id", "value_id", "figure_table", "value_role")
        ],
        gxe.ExpectColumnValuesToBeBetween(
            column="value_position", min_value=1, notes="Figures of a check are numbered from 1."
        ),
        *quoted("source_quote", "Every figure a check involves"),
    ]


MART_SUITES: tuple[MartSuite, ...] = (
    MartSuite("fct_indicator_values", fct_indicator_values, "Every stated figure of the plans."),
    MartSuite("fct_indicator_gaps", fct_indicator_gaps, "Each headline target with its baseline and the gap."),
    MartSuite("fct_county_allocations", fct_county_allocations, "Targets of annex tables split over county units."),
    MartSuite("dim_jurisdictions", dim_jurisdictions, "The jurisdictions whose plans the warehouse holds."),
    MartSuite("dim_documents", dim_documents, "The source documents."),
    MartSuite("dim_indicators", dim_indicators, "The codebook of indicators."),
    MartSuite("fct_consistency_checks", fct_consistency_checks, "Arithmetic and restatement checks of each plan."),
    MartSuite(
        "fct_consistency_check_values", fct_consistency_check_values, "The figures each check involves, by role."
    ),
    MartSuite(
        "fct_jurisdiction_current_targets",
        fct_jurisdiction_current_targets,
        "Each jurisdiction's current target per indicator, from its latest plan stating it.",
    ),
    MartSuite("fct_target_revisions", fct_target_revisions, "Targets a later plan of a jurisdiction changed."),
)
