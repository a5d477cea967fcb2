"""Adding a plan is a text file and seed rows: README "Add a plan", followed step by step on a copy of the project.

Two plans the test writes itself join the real ones: (a) the first plan of a jurisdiction the warehouse does not
know (an invented city with an indicator table of 2020 and 2025 columns and a county annex with a "/" cell), and
(b) a later work plan of a jurisdiction already in the seeds that restates one of that jurisdiction's targets and
revises another. Then the newcomer's commands run as a user runs them, each in its own process in the copy:
`yyx check-seeds`, `yyx build`, `yyx verify-provenance`, `yyx validate`, `yyx dashboards`. Nothing but seeds and
the sources folder changes.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT_DIR, copy_project
from yilao_yixiao.provenance import number_parses

# The invented city: a prefecture code under Hunan (43) that GB/T 2260 does not use.
CITY = {
    "jurisdiction_code": "439900",
    "jurisdiction_slug": "yunxi",
    "name_zh": "云溪市",
    "name_en": "Yunxi",
    "province_zh": "湖南省",
    "province_en": "Hunan",
    "admin_level": "prefecture_level_city",
    "admin_level_zh": "地级市",
}
CITY_DOCUMENT = "yunxi_2024_care_services_plan"
CITY_FILE = "900_yunxi_care_services_plan.txt"
ANNEX_SECTION = "附件 2024年重点任务分解表"
TABLE_SECTION = "二、主要指标 表1"
GOALS_SECTION = "一、发展目标"
CITY_TEXT = f"""云溪市养老托育服务体系建设实施方案（2024—2025年）

云政办发〔2024〕7号

{GOALS_SECTION}
到2025年，全市养老机构护理型床位占比达到60%，每千人口拥有3岁以下婴幼儿托位数达到4.5个，
基本建成覆盖城乡的养老托育服务体系。

二、主要指标
表1  主要指标
指标名称  2020年  2025年  属性
养老机构护理型床位占比（%）  38  60  约束性
每千人口拥有3岁以下婴幼儿托位数（个）  1.2  4.5  预期性

三、保障措施
各县（市、区）人民政府要把养老托育服务纳入重要议事日程。

附件
2024年重点任务分解表
县（市、区）  老年助餐服务场所（个）  特殊困难老年人家庭适老化改造（户）
合计  30  500
南湾区  12  /
东岭县  10  300
西坪县  8  200
"""
# (value_id suffix, indicator, kind, year, value, comparator, obligation, raw_text, section, quote)
CITY_VALUES = [
    ("001", "nursing_bed_share_elderly_institutions", "target", 2025, 60, "eq", "", "60%", GOALS_SECTION,
     "全市养老机构护理型床位占比达到60%"),
    ("002", "childcare_slots_per_1000_population", "target", 2025, 4.5, "eq", "", "4.5个", GOALS_SECTION,
     "每千人口拥有3岁以下婴幼儿托位数达到4.5个"),
    ("003", "nursing_bed_share_elderly_institutions", "baseline", 2020, 38, "eq", "binding", "38", TABLE_SECTION,
     "养老机构护理型床位占比（%）  38  60  约束性"),
    ("004", "nursing_bed_share_elderly_institutions", "target", 2025, 60, "eq", "binding", "60", TABLE_SECTION,
     "养老机构护理型床位占比（%）  38  60  约束性"),
    ("005", "childcare_slots_per_1000_population", "baseline", 2020, 1.2, "eq", "expected", "1.2", TABLE_SECTION,
     "每千人口拥有3岁以下婴幼儿托位数（个）  1.2  4.5  预期性"),
    ("006", "childcare_slots_per_1000_population", "target", 2025, 4.5, "eq", "expected", "4.5", TABLE_SECTION,
     "每千人口拥有3岁以下婴幼儿托位数（个）  1.2  4.5  预期性"),
    ("007", "elderly_meal_service_sites", "target", 2024, 30, "eq", "", "30", ANNEX_SECTION, "合计  30  500"),
    ("008", "home_age_friendly_renovation_households", "target", 2024, 500, "eq", "", "500", ANNEX_SECTION,
     "合计  30  500"),
]  # fmt: skip
# period_basis (CODEBOOK.md) where the seeds carry it: rates at a date, and the annex's counts for its one year.
CITY_BASES = {"007": "one_year", "008": "one_year"}
ANNEX_MEASURES = ("elderly_meal_service_sites", "home_age_friendly_renovation_households")
# (slug, name_zh, name_en, code, cells per measure as printed)
ANNEX_UNITS = [
    ("nanwan", "南湾区", "Nanwan District", "439902", ("12", "/")),
    ("dongling", "东岭县", "Dongling County", "439921", ("10", "300")),
    ("xiping", "西坪县", "Xiping County", "439922", ("8", "200")),
]
WORK_PLAN_SECTION = "一、工作目标"
PROJECT_SEEDS = PROJECT_DIR / "seeds"
PLAIN_FIGURE = re.compile(r"^(\d+(?:\.\d+)?)(\D*)$")


@dataclass(frozen=True)
class Target:
    value_id: str
    indicator_code: str
    name_zh: str
    unit: str
    period_year: int
    value: float
    comparator: str
    raw_text: str
    period_basis: str | None


@dataclass(frozen=True)
class Onboarded:
    project: Path
    sources: Path
    database: Path
    site: Path
    data_docs: Path
    jurisdiction_slug: str  # the existing jurisdiction that issued the later work plan
    work_plan: str
    restated: Target  # its earlier target that the work plan repeats unchanged
    revised: Target  # its earlier target that the work plan changes
    restated_value_id: str
    revised_value_id: str
    revised_value: float


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def header_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def append_rows(path: Path, rows: list[dict[str, object]]) -> None:
    """Append in the file's own column order; a column the rows do not name stays empty (not stated)."""
    header = header_of(path)
    unknown = {column for row in rows for column in row} - set(header)
    assert not unknown, f"{path.name} has no columns {unknown}"
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writerows({column: "" if value is None else value for column, value in row.items()} for row in rows)


def pick_existing_targets(seeds: Path) -> tuple[dict[str, str], Target, Target]:
    """A jurisdiction of the seeds with two plain end-of-plan targets, each stated once: one to restate unchanged,
    one (a percentage with room to grow) to revise. Chosen from the data, so the test names no jurisdiction."""
    indicators = {row["indicator_code"]: row for row in read_rows(seeds / "indicators.csv")}
    documents = {row["document_id"]: row for row in read_rows(seeds / "documents.csv")}
    jurisdictions = {row["jurisdiction_code"]: row for row in read_rows(seeds / "jurisdictions.csv")}
    values = read_rows(seeds / "indicator_values.csv")
    for code, jurisdiction in sorted(jurisdictions.items()):
        own = [row for row in values if documents[row["document_id"]]["jurisdiction_code"] == code]
        statements: dict[tuple[str, str], int] = {}
        for row in own:
            statements[(row["indicator_code"], row["period_year"])] = (
                statements.get((row["indicator_code"], row["period_year"]), 0) + 1
            )
        candidates = [
            Target(
                value_id=row["value_id"],
                indicator_code=row["indicator_code"],
                name_zh=indicators[row["indicator_code"]]["name_zh"],
                unit=indicators[row["indicator_code"]]["unit"],
                period_year=int(row["period_year"]),
                value=float(row["value"]),
                comparator=row["comparator"],
                raw_text=row["raw_text"],
                period_basis=row.get("period_basis"),
            )
            for row in sorted(own, key=lambda row: row["value_id"])
            if row["value_kind"] == "target"
            and row["period_year"]
            and row["period_year"] == documents[row["document_id"]]["plan_period_end"]
            and row["value"]
            and not row["breakdown_dimension"]
            and row["comparator"] in ("eq", "ge")
            and statements[(row["indicator_code"], row["period_year"])] == 1
            and (match := PLAIN_FIGURE.match(row["raw_text"]))
            and number_parses(match.group(1), float(row["value"]))
        ]
        revisable = [t for t in candidates if t.unit == "percent" and t.value <= 90]
        if revisable:
            revised = revisable[0]
            restated = next((t for t in candidates if t.indicator_code != revised.indicator_code), None)
            if restated:
                return jurisdiction, restated, revised
    raise AssertionError("no jurisdiction of the seeds has two plain end-of-plan targets to restate and revise")


def write_source(sources: Path, name: str, text: str) -> str:
    path = sources / name
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_city_plan(project: Path, sources: Path) -> None:
    seeds = project / "seeds"
    assert CITY["jurisdiction_code"] not in {row["jurisdiction_code"] for row in read_rows(seeds / "jurisdictions.csv")}
    sha256 = write_source(sources, CITY_FILE, CITY_TEXT)
    append_rows(seeds / "jurisdictions.csv", [CITY])
    append_rows(
        seeds / "documents.csv",
        [
            {
                "document_id": CITY_DOCUMENT,
                "jurisdiction_code": CITY["jurisdiction_code"],
                "title_zh": "云溪市养老托育服务体系建设实施方案（2024—2025年）",
                "title_en": "Yunxi implementation plan for the elderly care and childcare service system (2024-2025)",
                "document_number": "云政办发〔2024〕7号",
                "issued_date": "2024-03-15",
                "status": "final",
                "plan_period_start": 2024,
                "plan_period_end": 2025,
                "source_file": CITY_FILE,
                "source_sha256": sha256,
                "script": "simplified",
            }
        ],
    )
    basis = "period_basis" in header_of(seeds / "indicator_values.csv")
    append_rows(
        seeds / "indicator_values.csv",
        [
            {
                **({"period_basis": CITY_BASES.get(suffix, "point_in_time")} if basis else {}),
                "value_id": f"yunxi_{suffix}",
                "document_id": CITY_DOCUMENT,
                "indicator_code": indicator,
                "value_kind": kind,
                "period_year": year,
                "value": value,
                "comparator": comparator,
                "is_aspirational": "false",
                "obligation": obligation,
                "raw_text": raw,
                "source_section": section,
                "source_quote": quote,
            }
            for suffix, indicator, kind, year, value, comparator, obligation, raw, section, quote in CITY_VALUES
        ],
    )
    append_rows(
        seeds / "county_allocations.csv",
        [
            {
                "allocation_id": f"yunxi_{slug}_{measure}",
                "document_id": CITY_DOCUMENT,
                "county_slug": slug,
                "county_name_zh": name_zh,
                "county_name_en": name_en,
                "county_code": code,
                "indicator_code": measure,
                "period_year": 2024,
                "value": "" if cell == "/" else cell,
                "is_applicable": "false" if cell == "/" else "true",
                "raw_text": cell,
                "source_section": ANNEX_SECTION,
                "source_quote": f"{name_zh}  {'  '.join(cells)}",
            }
            for slug, name_zh, name_en, code, cells in ANNEX_UNITS
            for measure, cell in zip(ANNEX_MEASURES, cells, strict=True)
        ],
    )


def revised_figure(target: Target) -> tuple[float, str]:
    match = PLAIN_FIGURE.match(target.raw_text)
    assert match
    value = target.value + 5
    return value, f"{value:g}{match.group(2)}"


def add_work_plan(project: Path, sources: Path) -> Onboarded:
    seeds = project / "seeds"
    jurisdiction, restated, revised = pick_existing_targets(seeds)
    slug = jurisdiction["jurisdiction_slug"]
    revised_value, revised_raw = revised_figure(revised)
    restated_quote = f"{restated.name_zh}达到{restated.raw_text}"
    revised_quote = f"{revised.name_zh}达到{revised_raw}"
    text = (
        f"{jurisdiction['name_zh']}2024年养老托育服务工作要点\n\n{WORK_PLAN_SECTION}\n"
        f"到{revised.period_year}年，{restated_quote}；\n{revised_quote}。\n\n"
        "二、工作要求\n各地各部门要细化任务分工，确保各项目标如期实现。\n"
    )
    file_name = f"901_{slug}_2024_work_points.txt"
    sha256 = write_source(sources, file_name, text)
    work_plan = f"{slug}_2024_care_work_points"
    append_rows(
        seeds / "documents.csv",
        [
            {
                "document_id": work_plan,
                "jurisdiction_code": jurisdiction["jurisdiction_code"],
                "title_zh": f"{jurisdiction['name_zh']}2024年养老托育服务工作要点",
                "title_en": f"{jurisdiction['name_en']} 2024 work points on elderly care and childcare services",
                "issued_date": "2024-02-20",
                "status": "final",
                "plan_period_start": 2024,
                "plan_period_end": revised.period_year,
                "source_file": file_name,
                "source_sha256": sha256,
                "script": "simplified",
            }
        ],
    )
    taken = {row["value_id"] for row in read_rows(seeds / "indicator_values.csv")}
    restated_id, revised_id = (f"{slug}_{n}" for n in (9001, 9002))
    assert not {restated_id, revised_id} & taken
    append_rows(
        seeds / "indicator_values.csv",
        [
            {
                **({"period_basis": target.period_basis} if target.period_basis is not None else {}),
                "value_id": value_id,
                "document_id": work_plan,
                "indicator_code": target.indicator_code,
                "value_kind": "target",
                "period_year": target.period_year,
                "value": f"{value:g}",
                "comparator": target.comparator,
                "is_aspirational": "false",
                "raw_text": raw,
                "source_section": WORK_PLAN_SECTION,
                "source_quote": quote,
            }
            for value_id, target, value, raw, quote in (
                (restated_id, restated, restated.value, restated.raw_text, restated_quote),
                (revised_id, revised, revised_value, revised_raw, revised_quote),
            )
        ],
    )
    return Onboarded(
        project=project,
        sources=sources,
        database=project / "target" / "warehouse.duckdb",
        site=project / "target" / "site",
        data_docs=project / "target" / "data_docs",
        jurisdiction_slug=slug,
        work_plan=work_plan,
        restated=restated,
        revised=revised,
        restated_value_id=restated_id,
        revised_value_id=revised_id,
        revised_value=revised_value,
    )


@pytest.fixture(scope="module")
def onboarded(tmp_path_factory: pytest.TempPathFactory, sources: Path) -> Onboarded:
    root = tmp_path_factory.mktemp("onboarding")
    project = copy_project(root / "project")
    shutil.rmtree(project / "target", ignore_errors=True)
    plans = root / "sources"
    shutil.copytree(sources, plans)
    plans.chmod(0o755)
    add_city_plan(project, plans)
    return add_work_plan(project, plans)


COMMANDS = {
    "check-seeds": lambda o: ["check-seeds"],
    "build": lambda o: ["build"],
    "verify-provenance": lambda o: ["verify-provenance", "--sources", str(o.sources)],
    "validate": lambda o: ["validate"],
    "dashboards": lambda o: ["dashboards", "--sources", str(o.sources)],
}


@pytest.fixture(scope="module")
def commands(onboarded: Onboarded) -> dict[str, subprocess.CompletedProcess[str]]:
    """The newcomer's commands in README order, each in its own process in the copy, as a user types them."""
    yyx = Path(sys.executable).with_name("yyx")
    env = {name: value for name, value in os.environ.items() if not name.startswith("YYX_")}
    results = {}
    for name, arguments in COMMANDS.items():
        results[name] = subprocess.run(
            [str(yyx), *arguments(onboarded)], cwd=onboarded.project, env=env, capture_output=True, text=True
        )
    return results


@pytest.fixture(scope="module")
def con(onboarded: Onboarded, commands) -> Iterator[duckdb.DuckDBPyConnection]:
    if commands["build"].returncode != 0:
        pytest.fail("yyx build failed:\n" + commands["build"].stderr[-4000:])
    connection = duckdb.connect(str(onboarded.database), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_of_the_readme_passes(commands, command: str) -> None:
    result = commands[command]
    assert result.returncode == 0, f"yyx {command} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"


def test_provenance_checked_the_new_rows_and_files(commands) -> None:
    real = PROJECT_SEEDS
    real_rows = len(read_rows(real / "indicator_values.csv")) + len(read_rows(real / "county_allocations.csv"))
    real_documents = len(read_rows(real / "documents.csv"))
    new_rows = len(CITY_VALUES) + 2 + len(ANNEX_UNITS) * len(ANNEX_MEASURES)
    summary = commands["verify-provenance"].stdout
    assert f"{real_rows + new_rows} rows checked" in summary
    assert f"{real_documents + 2} documents checked" in summary
    assert " 0 failed" in summary


def marts_with(con: duckdb.DuckDBPyConnection, column: str) -> list[str]:
    return [
        name
        for (name,) in con.execute(
            "select table_name from information_schema.columns where table_schema = 'marts' and column_name = ?"
            " order by table_name",
            [column],
        ).fetchall()
    ]


def test_the_new_plans_are_in_every_mart(con, onboarded: Onboarded) -> None:
    marts = marts_with(con, "document_id")
    assert {"dim_documents", "fct_indicator_values", "fct_indicator_gaps", "fct_county_allocations"} <= set(marts)
    for mart in marts:
        present = {
            document
            for (document,) in con.execute(f"select distinct document_id from marts.{mart}").fetchall()
            if document in (CITY_DOCUMENT, onboarded.work_plan)
        }
        assert present, f"marts.{mart} holds neither new plan"
    for mart in ("dim_documents", "fct_indicator_values", "fct_indicator_gaps"):
        (n,) = con.execute(
            f"select count(distinct document_id) from marts.{mart} where document_id in (?, ?)",
            [CITY_DOCUMENT, onboarded.work_plan],
        ).fetchone()
        assert n == 2, mart


def test_the_new_jurisdiction_and_the_second_plan_are_counted(con, onboarded: Onboarded) -> None:
    documents = dict(con.execute("select jurisdiction_slug, n_documents from marts.dim_jurisdictions").fetchall())
    assert documents["yunxi"] == 1
    assert documents[onboarded.jurisdiction_slug] >= 2


def test_the_new_citys_gaps_pair_its_own_baselines(con) -> None:
    gaps = con.execute(
        """
        select indicator_code, baseline_value, baseline_year, target_value, target_year
        from marts.fct_indicator_gaps
        where document_id = ? and has_baseline
        order by indicator_code
        """,
        [CITY_DOCUMENT],
    ).fetchall()
    assert gaps == [
        ("childcare_slots_per_1000_population", 1.2, 2020, 4.5, 2025),
        ("nursing_bed_share_elderly_institutions", 38, 2020, 60, 2025),
    ]


def test_the_annex_ties_out_and_keeps_slash_apart_from_zero(con) -> None:
    cells = con.execute(
        """
        select county_slug, indicator_code, value, is_applicable, raw_text, city_total_value, share_of_city_total
        from marts.fct_county_allocations
        where document_id = ?
        order by indicator_code, county_slug
        """,
        [CITY_DOCUMENT],
    ).fetchall()
    assert [(c[0], c[1], c[2], c[3], c[4], c[5]) for c in cells] == [
        ("dongling", "elderly_meal_service_sites", 10, True, "10", 30),
        ("nanwan", "elderly_meal_service_sites", 12, True, "12", 30),
        ("xiping", "elderly_meal_service_sites", 8, True, "8", 30),
        ("dongling", "home_age_friendly_renovation_households", 300, True, "300", 500),
        ("nanwan", "home_age_friendly_renovation_households", None, False, "/", 500),
        ("xiping", "home_age_friendly_renovation_households", 200, True, "200", 500),
    ]
    assert cells[1][6] == pytest.approx(0.4)
    checks = con.execute(
        """
        select check_kind, status, count(*) from marts.fct_consistency_checks
        where document_id = ? and check_kind = 'parts_sum_to_total'
        group by all
        """,
        [CITY_DOCUMENT],
    ).fetchall()
    assert checks == [("parts_sum_to_total", "pass", 2)]


def test_no_new_figure_is_a_failing_check(con, onboarded: Onboarded) -> None:
    new_ids = {f"yunxi_{suffix}" for suffix, *_ in CITY_VALUES} | {
        onboarded.restated_value_id,
        onboarded.revised_value_id,
    }
    failing = con.execute(
        "select check_id, value_ids from marts.fct_consistency_checks where status = 'fail'"
    ).fetchall()
    involved = [check_id for check_id, value_ids in failing if new_ids & set(value_ids.split(","))]
    assert involved == [], "a new plan's figure is reported as a contradiction"


def test_the_changed_target_is_a_revision_and_the_repeated_one_is_not(con, onboarded: Onboarded) -> None:
    revisions = con.execute(
        """
        select previous_document_id, previous_value_id, previous_value, revised_value_id, revised_value, target_year
        from marts.fct_target_revisions
        where revised_document_id = ?
        """,
        [onboarded.work_plan],
    ).fetchall()
    revised = onboarded.revised
    (earlier_document,) = con.execute(
        "select document_id from marts.fct_indicator_values where value_id = ?", [revised.value_id]
    ).fetchone()
    assert revisions == [
        (
            earlier_document,
            revised.value_id,
            revised.value,
            onboarded.revised_value_id,
            onboarded.revised_value,
            revised.period_year,
        )
    ]
    # The restated target is the same policy: no revision, and no check compares it across the two plans.
    checks_across_plans = con.execute(
        "select check_id from marts.fct_consistency_checks where value_ids like ? and value_ids like ?",
        [f"%{onboarded.restated.value_id}%", f"%{onboarded.restated_value_id}%"],
    ).fetchall()
    assert checks_across_plans == []


def test_the_new_jurisdiction_is_on_the_site(onboarded: Onboarded, commands) -> None:
    assert commands["dashboards"].returncode == 0, commands["dashboards"].stderr[-3000:]
    pages = {
        path.relative_to(onboarded.site).as_posix(): path.read_text(encoding="utf-8")
        for path in onboarded.site.rglob("*.html")
    }
    assert any(CITY["name_zh"] in text for text in pages.values()), "云溪市 is on no page of the site"
    assert "overview.html" in pages and CITY["name_zh"] in pages["overview.html"]
    assert any("南湾区" in text and "东岭县" in text for text in pages.values()), "the new annex is on no page"
