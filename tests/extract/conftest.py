"""Plan-like texts written for these tests (invented cities and figures) and a small codebook to read them with."""

from __future__ import annotations

import pytest

from yilao_yixiao.extract.codebook_match import Codebook, Concept
from yilao_yixiao.extract.extractor import Extractor

CONCEPTS = [
    Concept("elderly_care_beds", "养老床位数", "count", "elderly_care"),
    Concept("nursing_bed_share", "护理型床位占比", "percent", "elderly_care"),
    Concept("elderly_care_institutions", "养老机构数", "count", "elderly_care"),
    Concept("childcare_slots", "3岁以下婴幼儿托位数", "count", "childcare"),
    Concept("childcare_slots_per_1000", "每千人口拥有3岁以下婴幼儿托位数", "per_1000_population", "childcare"),
    Concept("resident_population", "常住人口", "persons", "demography"),
    Concept("elderly_population_60_plus", "60岁以上老年人口", "persons", "demography"),
    Concept("visit_rate", "特殊困难老年人月探访率", "percent", "elderly_care"),
    Concept("home_renovation_households", "适老化改造户数", "households", "elderly_care"),
    Concept("slot_floor_area", "每个托位建筑面积", "m2", "childcare"),
    Concept("meal_sites", "老年助餐服务场所数", "count", "elderly_care"),
    Concept("elderly_care_fund", "养老服务专项资金", "yuan", "finance"),
    Concept("service_stations_per_community", "每个社区养老服务站数", "count", "elderly_care"),
    Concept("home_care_circle_minutes", "居家养老服务圈时间半径", "minutes", "elderly_care"),
]
ALIASES = [
    ("elderly_care_beds", "养老服务床位"),
    ("elderly_care_beds", "床位"),
    ("nursing_bed_share", "护理型床位"),
    ("meal_sites", "助餐点"),
    ("home_renovation_households", "适老化改造"),
    ("service_stations_per_community", "社区养老服务站"),
    ("home_care_circle_minutes", "居家养老服务圈"),
    ("childcare_slots", "托位"),
]


@pytest.fixture
def extractor() -> Extractor:
    return Extractor(Codebook(CONCEPTS, ALIASES))


def essentials(rows) -> list[tuple[str, ...]]:
    """What a reviewer checks first: code, kind, year, value, comparator, hedge, obligation, printed text."""
    return [
        (
            r.indicator_code,
            r.value_kind,
            r.period_year,
            r.value,
            r.comparator,
            r.is_aspirational,
            r.obligation,
            r.raw_text,
        )
        for r in rows
    ]
