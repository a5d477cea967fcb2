"""`yyx add-document` on plans written here: what the text states is filled in, the rest left empty."""

from __future__ import annotations

import hashlib

import pytest
from typer.testing import CliRunner

from tests.review.conftest import CITY_CODE, DOCUMENT_ID, PLAN, Onboarding
from yilao_yixiao.cli import app
from yilao_yixiao.review import tables
from yilao_yixiao.review.documents import DocumentError, add_document, detect_script, stated_facts

TRADITIONAL_PLAN = """白沙縣人民政府
白沙縣養老服務體系建設規劃
二〇二三年十一月五日
一、總體要求
到2025年，全縣養老床位達到800張。
"""
CONSULTATION = """首页
关于征求《红原州养老服务三年行动计划(征求意见稿)》意见的公告
发布时间：2024-06-03 09:00:00
各有关单位：
"""


def test_the_plan_states_its_title_issuer_date_and_number():
    facts = stated_facts(PLAN)
    assert facts == {
        "title_zh": "青川市养老托育服务高质量发展行动方案",
        "document_number": "青政办〔2025〕7号",
        "issuing_body_zh": "青川市人民政府办公室",
        "issued_date": "2025-03-18",
        "published_date": "",
        "status": "final",
    }


def test_traditional_plans_are_detected_and_their_facts_simplified():
    assert detect_script(TRADITIONAL_PLAN) == "traditional"
    assert detect_script(PLAN) == "simplified"
    facts = stated_facts(TRADITIONAL_PLAN)
    assert facts["title_zh"] == "白沙县养老服务体系建设规划"
    assert facts["issuing_body_zh"] == "白沙县人民政府"
    assert facts["issued_date"] == "2023-11-05"


def test_a_draft_for_comment_and_its_publication_date():
    facts = stated_facts(CONSULTATION)
    assert facts["title_zh"] == "红原州养老服务三年行动计划(征求意见稿)"
    assert facts["status"] == "draft_for_comment"
    assert facts["published_date"] == "2024-06-03"
    assert facts["issued_date"] == "" and facts["document_number"] == ""


def test_add_document_appends_a_row(onboarding: Onboarding):
    before = (onboarding.seeds / "documents.csv").read_text(encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "add-document",
            str(onboarding.plan),
            "--jurisdiction-code",
            CITY_CODE,
            "--document-id",
            DOCUMENT_ID,
            "--seeds",
            str(onboarding.seeds),
        ],
    )
    assert result.exit_code == 0, result.output
    after = (onboarding.seeds / "documents.csv").read_text(encoding="utf-8")
    assert after.startswith(before)
    row = tables.read_table(onboarding.seeds / "documents.csv").records[-1]
    assert row["document_id"] == DOCUMENT_ID
    assert row["jurisdiction_code"] == CITY_CODE
    assert row["source_sha256"] == hashlib.sha256(onboarding.plan.read_bytes()).hexdigest()
    assert row["source_file"] == onboarding.plan.name
    assert row["script"] == "simplified"
    assert row["title_zh"] == "青川市养老托育服务高质量发展行动方案"
    assert row["title_en"] == "" and row["plan_period_end"] == ""
    assert "title_en" in result.output


def test_a_default_document_id_is_made_from_slug_year_and_hash(onboarding: Onboarding):
    added = add_document(onboarding.plan, CITY_CODE, onboarding.seeds)
    digest = hashlib.sha256(onboarding.plan.read_bytes()).hexdigest()
    assert added.row["document_id"] == f"qingchuan_2025_plan_{digest[:8]}"


def test_an_unknown_jurisdiction_is_refused_with_how_to_add_one(onboarding: Onboarding):
    before = (onboarding.seeds / "documents.csv").read_bytes()
    with pytest.raises(DocumentError) as err:
        add_document(onboarding.plan, "990199", onboarding.seeds)
    assert "990199" in str(err.value) and "jurisdictions.csv" in str(err.value)
    assert (onboarding.seeds / "documents.csv").read_bytes() == before


def test_a_duplicate_id_or_text_is_refused(onboarding: Onboarding):
    add_document(onboarding.plan, CITY_CODE, onboarding.seeds, DOCUMENT_ID)
    before = (onboarding.seeds / "documents.csv").read_bytes()
    with pytest.raises(DocumentError) as err:
        add_document(onboarding.plan, CITY_CODE, onboarding.seeds, "another_id")
    assert "same sha256" in str(err.value) and "column 'source_sha256'" in str(err.value)
    copy = onboarding.plan.with_name("other.txt")
    copy.write_text(PLAN + "附件\n", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        add_document(copy, CITY_CODE, onboarding.seeds, DOCUMENT_ID)
    assert "already registered" in str(err.value) and "column 'document_id'" in str(err.value)
    assert (onboarding.seeds / "documents.csv").read_bytes() == before
