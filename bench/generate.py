"""Synthetic national-scale seeds for the benchmark: N jurisdictions × every codebook indicator.

Scale s gives N = 31·s jurisdictions: ×100 ≈ 3,100 (≈ 330 prefecture-level and ≈ 2,770 county-level units, the
size of a national collection), ×10 a large province, ×1 a small one. Each jurisdiction has one plan
(2021–2025) stating, for every indicator of the real codebook (seeds/indicators.csv), a baseline (2020–2022) and a
2025 target, or a context figure (demography) or a norm (deadlines, ages, minutes); some targets are restated
in an indicator table, some have a 2030 vision, some are broken down by ownership into parts that add up; each
prefecture prints an annex allocating five measures to its counties with the city total under each column.
Values are realistic for the unit and the level (percentages below 100 with 0–1 decimals, large counts printed
in 万 with two decimals, rates per 1,000 with one decimal), every quote contains its raw text, and every
consistency check passes except one deliberate contradiction in every 50th plan (a target restated ten times
larger, as a real plan prints 600 for 60), each registered in audit_findings - so the build exercises the warning path.

The tables have the seeds' names and columns (seeds/_seeds.yml) and are written as Parquet (what bench/run.py
loads) and, with --csv, as seed CSV files that `yyx check-seeds` accepts.

    python -m bench.generate --scale 100 --out target/bench/data/x100 [--csv]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
from pathlib import Path

import polars as pl

from yilao_yixiao.seed_check import declared_column_types

PROJECT_DIR = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_DIR / "seeds"
JURISDICTIONS_PER_SCALE = 31
PREFECTURE_SHARE = 330 / 3100
TARGET_YEAR = 2025
ANNEX_YEAR = 2024
ANNEX_SECTION = "附件 2024年重点任务分解表"
ANNEX_MEASURES = (
    "elderly_meal_service_sites",
    "home_age_friendly_renovation_households",
    "township_nursing_homes_converted_to_regional_centres",
    "village_standard_elderly_service_stations",
    "elderly_care_worker_training_person_times",
)
NORM_UNITS = {"year", "days", "minutes", "ratio", "percentage_points"}
COUNT_UNITS = {"count", "persons", "households", "person_times", "yuan", "m2", "yuan_per_slot"}

PROVINCES = [
    ("北京市", "Beijing"), ("天津市", "Tianjin"), ("河北省", "Hebei"), ("山西省", "Shanxi"),
    ("内蒙古自治区", "Inner Mongolia"), ("辽宁省", "Liaoning"), ("吉林省", "Jilin"), ("黑龙江省", "Heilongjiang"),
    ("上海市", "Shanghai"), ("江苏省", "Jiangsu"), ("浙江省", "Zhejiang"), ("安徽省", "Anhui"), ("福建省", "Fujian"),
    ("江西省", "Jiangxi"), ("山东省", "Shandong"), ("河南省", "Henan"), ("湖北省", "Hubei"), ("湖南省", "Hunan"),
    ("广东省", "Guangdong"), ("广西壮族自治区", "Guangxi"), ("海南省", "Hainan"), ("重庆市", "Chongqing"),
    ("四川省", "Sichuan"), ("贵州省", "Guizhou"), ("云南省", "Yunnan"), ("西藏自治区", "Tibet"),
    ("陕西省", "Shaanxi"), ("甘肃省", "Gansu"), ("青海省", "Qinghai"), ("宁夏回族自治区", "Ningxia"),
    ("新疆维吾尔自治区", "Xinjiang"),
]  # fmt: skip
SYLLABLES = [
    ("安", "an"), ("宝", "bao"), ("昌", "chang"), ("德", "de"), ("丰", "feng"), ("广", "guang"), ("海", "hai"),
    ("华", "hua"), ("嘉", "jia"), ("江", "jiang"), ("金", "jin"), ("康", "kang"), ("乐", "le"), ("林", "lin"),
    ("明", "ming"), ("宁", "ning"), ("平", "ping"), ("庆", "qing"), ("山", "shan"), ("泰", "tai"), ("通", "tong"),
    ("武", "wu"), ("兴", "xing"), ("阳", "yang"), ("永", "yong"), ("元", "yuan"), ("长", "chang"), ("州", "zhou"),
]  # fmt: skip
OWNERSHIP = (("public", "公办"), ("private", "民办"), ("mixed", "公建民营"))

# Column order and Polars types of each table, from the seeds' declared types (DuckDB spelling).
POLARS_TYPES = {"varchar": pl.Utf8, "double": pl.Float64, "integer": pl.Int32, "boolean": pl.Boolean, "date": pl.Date}


def seed_schemas() -> dict[str, dict[str, pl.DataType]]:
    return {
        seed: {column: POLARS_TYPES[declared] for column, declared in columns.items()}
        for seed, columns in declared_column_types(SEEDS_DIR).items()
    }


def read_codebook() -> list[dict[str, str]]:
    with (SEEDS_DIR / "indicators.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_unit_maxima() -> dict[str, float]:
    """The largest value each unit allows (seeds/units.csv max_value), which the data tests enforce."""
    with (SEEDS_DIR / "units.csv").open(encoding="utf-8", newline="") as f:
        return {row["unit_code"]: float(row["max_value"]) for row in csv.DictReader(f) if row["max_value"]}


def read_rule_stated_codes() -> set[str]:
    """Indicators whose figures a codebook relation recomputes (seeds/indicator_relation_rules.csv). Random
    figures cannot satisfy those relations, so the synthetic plans state none of them: the only failing checks
    stay the contradictions the generator registers. The relation models still run over every figure."""
    with (SEEDS_DIR / "indicator_relation_rules.csv").open(encoding="utf-8", newline="") as f:
        return {row["stated_indicator_code"] for row in csv.DictReader(f)}


def _name(rng: random.Random) -> tuple[str, str]:
    (a_zh, a_en), (b_zh, b_en) = rng.sample(SYLLABLES, 2)
    return a_zh + b_zh, (a_en + b_en).capitalize()


def _whole(value: float) -> str:
    return f"{value:.0f}"


class Generator:
    def __init__(self, scale: float, seed: int = 20261123):
        self.rng = random.Random(seed)
        self.n = max(2, round(JURISDICTIONS_PER_SCALE * scale))
        self.codebook = read_codebook()
        self.unit_maxima = read_unit_maxima()
        self.rule_stated_codes = read_rule_stated_codes()
        self.tables: dict[str, list[dict]] = {
            "jurisdictions": [],
            "documents": [],
            "indicator_values": [],
            "county_allocations": [],
            "consistency_relations": [],
            "audit_findings": [],
        }

    # --- jurisdictions and documents ---------------------------------------------------------------------------

    def jurisdictions(self) -> list[dict]:
        n_prefectures = max(1, round(self.n * PREFECTURE_SHARE))
        counties_of = [0] * n_prefectures
        for index in range(self.n - n_prefectures):
            counties_of[index % n_prefectures] += 1
        units = []
        for p in range(n_prefectures):
            province_zh, province_en = PROVINCES[p % len(PROVINCES)]
            name_zh, name_en = _name(self.rng)
            code = 100000 + 100 * p
            prefecture = {
                "jurisdiction_code": f"{code:06d}",
                "jurisdiction_slug": f"pref{p:05d}",
                "name_zh": f"{name_zh}市",
                "name_en": name_en,
                "province_zh": province_zh,
                "province_en": province_en,
                "admin_level": "prefecture_level_city",
                "admin_level_zh": "地级市",
                "counties": [],
            }
            units.append(prefecture)
            for c in range(counties_of[p]):
                county_zh, county_en = _name(self.rng)
                county = {
                    "jurisdiction_code": f"{code + c + 1:06d}",
                    "jurisdiction_slug": f"cnty{p:05d}{c + 1:02d}",
                    "name_zh": f"{county_zh}县",
                    "name_en": f"{county_en} County",
                    "province_zh": province_zh,
                    "province_en": province_en,
                    "admin_level": "county",
                    "admin_level_zh": "县",
                    "counties": [],
                }
                prefecture["counties"].append(county)
                units.append(county)
        return units

    def document(self, unit: dict) -> dict:
        rng = self.rng
        slug = unit["jurisdiction_slug"]
        issued = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(900))
        draft = rng.random() < 0.05
        return {
            "document_id": f"{slug}_2021_elderly_childcare_plan",
            "jurisdiction_code": unit["jurisdiction_code"],
            "title_zh": f"{unit['name_zh']}“十四五”养老服务体系和托育服务发展规划",
            "title_en": f"{unit['name_en']} 14th Five-Year Plan for elderly-care and childcare services",
            "document_number": None if draft else f"{unit['name_zh'][:1]}政办〔{issued.year}〕{rng.randint(1, 60)}号",
            "issuing_body_zh": f"{unit['name_zh']}人民政府办公室",
            "issuing_body_en": f"General Office of the {unit['name_en']} People's Government",
            "issued_date": None if draft else issued,
            "published_date": issued + dt.timedelta(days=rng.randrange(1, 20)),
            "status": "draft_for_comment" if draft else "final",
            "comment_period_start": issued if draft else None,
            "comment_period_end": issued + dt.timedelta(days=30) if draft else None,
            "plan_period_start": 2021,
            "plan_period_end": TARGET_YEAR,
            "source_file": f"synthetic/{slug}.txt",
            "source_sha256": hashlib.sha256(slug.encode()).hexdigest(),
            "script": "simplified",
            "notes": "Synthetic benchmark document (bench/generate.py).",
        }

    # --- values ----------------------------------------------------------------------------------------------------

    def magnitude(self, unit: dict) -> float:
        return (10.0 if unit["admin_level"] == "prefecture_level_city" else 1.0) * self.rng.lognormvariate(0, 0.5)

    def figure(self, indicator: dict, size: float, baseline: float | None = None) -> tuple[float, str, str | None]:
        """A value, its printed text and a cleaning note: the baseline (baseline None) or a target beyond it."""
        rng, unit = self.rng, indicator["unit"]
        better = indicator["higher_is_better"]
        if unit == "percent":
            decimals = rng.choice((0, 0, 1))
            if baseline is None:
                value = rng.uniform(20, 80)
            else:
                step = rng.uniform(1, 15)
                value = min(baseline + step, 99) if better != "false" else max(baseline - step, 0.5)
            value = round(value, decimals)
            return value, f"{value:.{decimals}f}%", None
        if unit in COUNT_UNITS:
            if baseline is None:
                value = max(1.0, round(rng.uniform(20, 5000) * size))
            else:
                value = round(baseline * rng.uniform(1.05, 1.8)) if better != "false" else round(baseline * 0.8)
            if value >= 100000:
                wan = round(value / 10000, 2)
                value = round(wan * 10000)
                return float(value), f"{wan:.2f}万", f"{wan:.2f}万 scaled by 10,000"
            return float(value), f"{_whole(value)}{'人' if unit == 'persons' else '个'}", None
        # rates, shares of floor space, years of life: one decimal
        if baseline is None:
            value = round(rng.uniform(1, 80), 1)
        else:
            value = round(baseline * rng.uniform(1.02, 1.5), 1) if better != "false" else round(baseline * 0.9, 1)
        # A 2030 vision grows from the 2025 target and could pass what the unit allows (150 years).
        value = min(value, self.unit_maxima.get(unit, value))
        return value, f"{value:.1f}", None

    def add_value(self, doc: dict, seq: list[int], indicator: dict, **fields) -> dict:
        seq[0] += 1
        row = {
            "value_id": f"{doc['jurisdiction_slug']}_{seq[0]:04d}",
            "document_id": doc["document_id"],
            "indicator_code": indicator["indicator_code"],
            "value_kind": None,
            "period_year": None,
            "value": None,
            "comparator": "eq",
            "is_aspirational": False,
            "obligation": None,
            "raw_text": None,
            "source_section": None,
            "source_quote": None,
            "cleaning_note": None,
            "parent_value_id": None,
            "breakdown_dimension": None,
            "breakdown_member": None,
        }
        row.update(fields)
        # CODEBOOK.md's rule in short: a standard is standing, everything this generator states is a level.
        row.setdefault("period_basis", "standing" if row["value_kind"] == "standard" else "point_in_time")
        self.tables["indicator_values"].append(row)
        return row

    def plan_values(self, unit: dict, doc: dict, index: int) -> None:
        rng = self.rng
        seq = [0]
        slug = unit["jurisdiction_slug"]
        size = self.magnitude(unit)
        doc = {**doc, "jurisdiction_slug": slug}
        contradiction_done = index % 50 != 1  # a deliberate, registered contradiction in every 50th plan
        for indicator in self.codebook:
            name = indicator["name_zh"]
            code = indicator["indicator_code"]
            better = indicator["higher_is_better"]
            if code in self.rule_stated_codes:
                continue
            if indicator["unit"] in NORM_UNITS or (indicator["unit"] == "years" and better != "true"):
                value = float(rng.randint(2022, 2025) if indicator["unit"] == "year" else rng.randint(1, 30))
                raw = f"{value:.0f}年" if indicator["unit"] == "year" else f"{value:.0f}"
                self.add_value(
                    doc, seq, indicator, value_kind="standard", value=value, comparator="le", raw_text=raw,
                    source_section="三、主要任务", source_quote=f"{name}不超过{raw}",
                )  # fmt: skip
                continue
            if indicator["domain"] == "demography":
                value, raw, note = self.figure(indicator, size)
                self.add_value(
                    doc, seq, indicator, value_kind="context", period_year=2020, value=value, raw_text=raw,
                    source_section="一、发展基础", cleaning_note=note,
                    source_quote=f"第七次全国人口普查，全市{name}{raw}",
                )  # fmt: skip
                continue
            base_year = rng.choices((2020, 2021, 2022), weights=(60, 25, 15))[0]
            base, base_raw, base_note = self.figure(indicator, size)
            self.add_value(
                doc, seq, indicator, value_kind="baseline", period_year=base_year, value=base, raw_text=base_raw,
                source_section="一、发展基础", source_quote=f"截至{base_year}年底，{name}{base_raw}",
                cleaning_note=base_note,
            )  # fmt: skip
            target, target_raw, target_note = self.figure(indicator, size, baseline=base)
            comparator = {"true": "ge", "false": "le"}.get(better, "eq")
            obligation = rng.choice(("binding", "expected", None))
            aspirational = rng.random() < 0.1
            headline = self.add_value(
                doc, seq, indicator, value_kind="target", period_year=TARGET_YEAR, value=target,
                comparator=comparator, is_aspirational=aspirational, obligation=obligation, raw_text=target_raw,
                source_section="二、发展目标",
                source_quote=f"到{TARGET_YEAR}年，{'力争' if aspirational else ''}{name}达到{target_raw}",
                cleaning_note=target_note,
            )  # fmt: skip
            if rng.random() < 0.1:
                self.add_value(
                    doc, seq, indicator, value_kind="target", period_year=TARGET_YEAR, value=target,
                    comparator=comparator, obligation=obligation, raw_text=target_raw,
                    source_section="表1 “十四五”主要指标", source_quote=f"{name} {base_raw} {target_raw}",
                    cleaning_note=target_note,
                )  # fmt: skip
            if not contradiction_done and indicator["unit"] == "count" and target < 10000:
                contradiction_done = True
                wrong = self.add_value(
                    doc, seq, indicator, value_kind="target", period_year=TARGET_YEAR, value=target * 10,
                    comparator=comparator, raw_text=_whole(target * 10), source_section="三、主要任务",
                    source_quote=f"到{TARGET_YEAR}年建成{_whole(target * 10)}个{name}",
                )  # fmt: skip
                label = f"{TARGET_YEAR}" + ("__upper_bound" if comparator in ("le", "lt") else "")
                self.tables["audit_findings"].append(
                    {
                        # Check ids are built from the document (models/intermediate/int_checks_restated_figures).
                        "check_id": f"{doc['document_id']}__restated__{code}__target__{label}",
                        "expected_status": "fail",
                        "finding_status": "open",
                        "recorded_on": dt.date(2026, 11, 23),
                        "value_ids": f"{headline['value_id']},{wrong['value_id']}",
                        "summary_zh": f"目标写{target_raw}，任务写{_whole(target * 10)}",
                        "summary_en": f"The goals say {target_raw}, the task list ten times as many.",
                        "source_quotes": f"{headline['source_quote']} ‖ {wrong['source_quote']}",
                    }
                )
            if rng.random() < 0.1:
                vision, vision_raw, vision_note = self.figure(indicator, size, baseline=target)
                self.add_value(
                    doc, seq, indicator, value_kind="target", period_year=2030, value=vision, comparator=comparator,
                    raw_text=vision_raw, source_section="四、远景目标",
                    source_quote=f"展望2030年，{name}达到{vision_raw}", cleaning_note=vision_note,
                )  # fmt: skip
            if indicator["unit"] == "count" and target_note is None and target >= 30 and rng.random() < 0.05:
                shares = sorted(rng.sample(range(1, int(target)), 2))
                parts = (shares[0], shares[1] - shares[0], int(target) - shares[1])
                for (member, member_zh), part in zip(OWNERSHIP, parts, strict=True):
                    self.add_value(
                        doc, seq, indicator, value_kind="target", period_year=TARGET_YEAR, value=float(part),
                        comparator=comparator, raw_text=f"{part}个", source_section="专栏1 重点工程",
                        source_quote=f"其中{member_zh}{part}个", parent_value_id=headline["value_id"],
                        breakdown_dimension="ownership", breakdown_member=member,
                    )  # fmt: skip
        self.pace_relation(doc, seq, slug)
        if unit["counties"]:
            self.annex(doc, seq, unit)

    def pace_relation(self, doc: dict, seq: list[int], slug: str) -> None:
        """A target implied by a yearly pace over the five years (e.g. 200 households a year)."""
        indicator = next(i for i in self.codebook if i["indicator_code"] == "home_age_friendly_renovation_households")
        yearly = self.rng.randint(50, 400)
        pace = self.add_value(
            doc, seq, indicator, value_kind="standard", value=float(yearly), raw_text=f"{yearly}户",
            source_section="三、主要任务", source_quote=f"每年支持{yearly}户特殊困难老年人家庭适老化改造",
        )  # fmt: skip
        total = self.add_value(
            doc, seq, indicator, value_kind="target", value=float(yearly * 5), comparator="eq",
            period_basis="cumulative", raw_text=f"{yearly * 5}户", source_section="三、主要任务",
            source_quote=f"五年累计改造{yearly * 5}户",
        )  # fmt: skip
        self.tables["consistency_relations"].append(
            {
                "check_id": f"{doc['document_id']}__renovation_pace_times_five_years",
                "check_kind": "target_implied_by_norm",
                "operation": "product",
                "stated_value_id": total["value_id"],
                "left_value_id": pace["value_id"],
                "right_value_id": None,
                "right_constant": 5.0,
                "scale": 1.0,
                "description_zh": "五年累计改造户数 = 每年户数 × 5",
                "description_en": "Households renovated over five years = households a year × 5",
                "note": "每年…户 over the five years of the plan.",
            }
        )

    def annex(self, doc: dict, seq: list[int], unit: dict) -> None:
        """The prefecture's annex: each county × five measures, the city total printed under each column."""
        rng = self.rng
        by_code = {i["indicator_code"]: i for i in self.codebook}
        cells = {c["jurisdiction_slug"]: {} for c in unit["counties"]}
        for measure in ANNEX_MEASURES:
            for county in unit["counties"]:
                applicable = rng.random() >= 0.05
                cells[county["jurisdiction_slug"]][measure] = rng.randint(0, 300) if applicable else None
        totals = {m: sum(v[m] or 0 for v in cells.values()) for m in ANNEX_MEASURES}
        total_quote = "合计 " + " ".join(str(totals[m]) for m in ANNEX_MEASURES)
        for measure in ANNEX_MEASURES:
            self.add_value(
                doc, seq, by_code[measure], value_kind="target", period_year=ANNEX_YEAR, value=float(totals[measure]),
                raw_text=str(totals[measure]), source_section=ANNEX_SECTION, source_quote=total_quote,
            )  # fmt: skip
        for county in unit["counties"]:
            row = cells[county["jurisdiction_slug"]]
            quote = county["name_zh"] + " " + " ".join("/" if row[m] is None else str(row[m]) for m in ANNEX_MEASURES)
            for measure in ANNEX_MEASURES:
                value = row[measure]
                self.tables["county_allocations"].append(
                    {
                        "allocation_id": f"{unit['jurisdiction_slug']}_{county['jurisdiction_slug']}_{measure}",
                        "document_id": doc["document_id"],
                        "county_slug": county["jurisdiction_slug"],
                        "county_name_zh": county["name_zh"],
                        "county_name_en": county["name_en"],
                        "county_code": county["jurisdiction_code"],
                        "indicator_code": measure,
                        "period_year": ANNEX_YEAR,
                        "value": None if value is None else float(value),
                        "is_applicable": value is not None,
                        "raw_text": "/" if value is None else str(value),
                        "source_section": ANNEX_SECTION,
                        "source_quote": quote,
                    }
                )

    def run(self) -> dict[str, list[dict]]:
        for index, unit in enumerate(self.jurisdictions()):
            self.tables["jurisdictions"].append({k: v for k, v in unit.items() if k != "counties"})
            doc = self.document(unit)
            self.tables["documents"].append(doc)
            self.plan_values(unit, doc, index)
        return self.tables


def generate(scale: float, out_dir: Path, seed: int = 20261123, write_csv: bool = False) -> dict[str, int]:
    """Write the synthetic tables (Parquet, and seed CSVs with write_csv) and return their row counts."""
    schemas = seed_schemas()
    tables = Generator(scale, seed).run()
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    frames = {name: pl.DataFrame(rows, schema=schemas[name], orient="row") for name, rows in tables.items()}
    # The codebook and the vocabularies are the real ones: synthetic plans use the same codes.
    for name in schemas.keys() - frames.keys():
        frames[name] = pl.read_csv(SEEDS_DIR / f"{name}.csv", schema=schemas[name])
    for name, frame in frames.items():
        frame.write_parquet(out_dir / f"{name}.parquet")
        if write_csv:
            frame.with_columns(pl.col(pl.Boolean).cast(pl.Utf8).str.to_lowercase()).write_csv(out_dir / f"{name}.csv")
        counts[name] = frame.height
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, required=True, help="31 × scale jurisdictions (100 ≈ national)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--csv", action="store_true", help="also write seed CSVs")
    args = parser.parse_args()
    counts = generate(args.scale, args.out, args.seed, args.csv)
    for name, n in counts.items():
        print(f"{name:24} {n:>10,}")


if __name__ == "__main__":
    main()
