"""`yyx add-document`: register a plan's text as a row of seeds/documents.csv with what the text itself states.

Filled from the text: sha256, script (Simplified or Traditional, by OpenCC), title, issuing body, date of issue,
date of publication and document number where printed, status (a 征求意见稿 is a draft for comment). Everything
the text does not state is left empty for the reviewer: English names, plan period, notes.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from opencc import OpenCC

from yilao_yixiao.document_view import title_line
from yilao_yixiao.provenance import CHINESE_DIGITS
from yilao_yixiao.review import tables

ISSUER_LINE = re.compile(r"^[\u3400-\u9fff]{2,30}(人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局|厅)$")
DATE_LINE = re.compile(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$")
CHINESE_DATE_LINE = re.compile(
    r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$"
)
PUBLISHED = re.compile(r"(?:发布时间|发布日期|时间|日期)[:：]\s*([0-9]{4})-([0-9]{2})-([0-9]{2})")
DOCUMENT_NUMBER_LINE = re.compile(r"^[\u3400-\u9fff]{1,12}[〔\[［(（][0-9]{4}[〕\]］)）][0-9]{1,4}号$")
NOTICE_TITLE = re.compile(r"关于印发(.+?)的通知$")
CONSULTATION_TITLE = re.compile(r"《(.+?)》")
DRAFT_MARK = "征求意见稿"
SLUG = re.compile(r"[^a-z0-9_]")


class DocumentError(tables.ReviewError):
    pass


@dataclass(frozen=True)
class Added:
    row: dict[str, str]
    path: Path


@functools.cache
def _converter(config: str) -> OpenCC:
    return OpenCC(config)


def _to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def detect_script(text: str) -> str:
    """'traditional' when more of the text's characters change from Traditional to Simplified than the reverse."""
    chars = [c for c in set(text) if "\u3400" <= c <= "\u9fff"]
    to_simplified = sum(1 for c in chars if _converter("t2s").convert(c) != c)
    to_traditional = sum(1 for c in chars if _converter("s2t").convert(c) != c)
    return "traditional" if to_simplified > to_traditional else "simplified"


def _chinese_number(numeral: str) -> int:
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)
    return int("".join(str(CHINESE_DIGITS[c]) for c in numeral))


def _date(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _lines(text: str) -> list[str]:
    return [unicodedata.normalize("NFKC", line.strip()) for line in text.splitlines() if line.strip()]


def plan_title(text: str) -> str:
    """The plan's title in Simplified characters: the title line, unwrapped from 关于印发…的通知 or 关于征求《…》."""
    title = title_line(text)
    if title is None:
        return ""
    title = _to_simplified(unicodedata.normalize("NFKC", title))
    notice = NOTICE_TITLE.search(title)
    if notice:
        return notice.group(1)
    consultation = CONSULTATION_TITLE.search(title)
    if consultation and title.startswith("关于"):
        return consultation.group(1)
    return title


def stated_facts(text: str) -> dict[str, str]:
    """The documents-row columns a plan's text states about itself."""
    lines = [_to_simplified(line) for line in _lines(text)]
    issuer = next((line for line in lines if ISSUER_LINE.match(line)), "")
    issued = ""
    for line in lines:
        if match := DATE_LINE.match(line):
            issued = _date(*(int(part) for part in match.groups()))
        elif match := CHINESE_DATE_LINE.match(line):
            issued = _date(*(_chinese_number(part) for part in match.groups()))
        if issued:
            break
    published = next((_date(*(int(p) for p in m.groups())) for m in map(PUBLISHED.search, lines) if m), "")
    number = next((line for line in lines if DOCUMENT_NUMBER_LINE.match(line)), "")
    title = plan_title(text)
    return {
        "title_zh": title,
        "document_number": number.replace("[", "〔").replace("]", "〕"),
        "issuing_body_zh": issuer,
        "issued_date": issued,
        "published_date": published,
        "status": "draft_for_comment" if DRAFT_MARK in title else "final",
    }


def _document_id(slug: str, facts: dict[str, str], digest: str) -> str:
    year = (facts["issued_date"] or facts["published_date"])[:4] or "undated"
    return SLUG.sub("_", f"{slug}_{year}_plan_{digest[:8]}")


def add_document(source: Path, jurisdiction_code: str, seeds_dir: Path, document_id: str | None = None) -> Added:
    """Append the plan's documents row; refuse an unknown jurisdiction and a document already registered."""
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DocumentError([f"{source}: not valid UTF-8 (byte {err.start}); save the text as UTF-8"]) from None
    jurisdictions = {
        row["jurisdiction_code"]: row for row in tables.read_table(seeds_dir / "jurisdictions.csv").records
    }
    if jurisdiction_code not in jurisdictions:
        raise DocumentError(
            [
                f"unknown jurisdiction code {jurisdiction_code!r}: seeds/jurisdictions.csv has no such row. Add one "
                "first (jurisdiction_code = the GB/T 2260 code, jurisdiction_slug, name_zh, name_en, province_zh, "
                "province_en, admin_level, admin_level_zh), then run add-document again."
            ]
        )
    documents_path = seeds_dir / "documents.csv"
    documents = tables.read_table(documents_path)
    digest = hashlib.sha256(raw).hexdigest()
    facts = stated_facts(text)
    document_id = document_id or _document_id(jurisdictions[jurisdiction_code]["jurisdiction_slug"], facts, digest)
    problems = []
    for line, row in documents.rows:
        if row["document_id"] == document_id:
            problems.append(
                f"{documents_path}, line {line}, column 'document_id': {document_id!r} is already registered"
            )
        if row["source_sha256"].strip().lower() == digest:
            problems.append(
                f"{documents_path}, line {line}, column 'source_sha256': {source.name} is already registered "
                f"as {row['document_id']!r} (same sha256)"
            )
    if problems:
        raise DocumentError(problems)
    row = {column: "" for column in documents.columns}
    row.update(facts)
    row.update(
        document_id=document_id,
        jurisdiction_code=jurisdiction_code,
        source_file=source.name,
        source_sha256=digest,
        script=detect_script(text),
    )
    documents_path.write_text(tables.append_rows(documents_path, documents.columns, [row]), encoding="utf-8")
    return Added({column: row[column] for column in documents.columns}, documents_path)
