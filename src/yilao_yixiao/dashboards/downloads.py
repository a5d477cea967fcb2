"""The downloads folder: every mart as CSV and Parquet, a codebook, a README and a Frictionless datapackage.json.

Descriptions of tables and columns are read from dbt's manifest (the marts' yml rendered by dbt), keys from
the dbt tests declared on the marts, and the citation of each source document from dim_documents, so a
colleague who receives only this folder can tell what every column means and where every number came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import polars as pl

from yilao_yixiao.dashboards import data

PROJECT_NAME = "yilao_yixiao"
PACKAGE_NAME = "yilao-yixiao-plan-targets"
CODEBOOK_FILE = "codebook.csv"
DATAPACKAGE_FILE = "datapackage.json"
README_FILE = "README.md"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


class ManifestNotFoundError(FileNotFoundError):
    pass


def manifest_candidates(database: Path) -> list[Path]:
    """Where the dbt manifest of the build that wrote `database` lies: `yyx build` writes dbt's artifacts
    beside the database in dbt_artifacts/, a plain `dbt build` into the target folder itself."""
    folder = Path(database).resolve().parent
    return [folder / "dbt_artifacts" / "manifest.json", folder / "manifest.json"]


def load_manifest(database: Path, manifest: Path | None = None) -> dict:
    candidates = [manifest] if manifest is not None else manifest_candidates(database)
    for candidate in candidates:
        if candidate.is_file():
            return json.loads(candidate.read_text(encoding="utf-8"))
    tried = ", ".join(str(c) for c in candidates)
    raise ManifestNotFoundError(f"dbt manifest not found (tried {tried}); build the warehouse with `yyx build`")


@dataclass(frozen=True)
class MartDoc:
    """What the manifest says about one mart."""

    description: str
    column_descriptions: dict[str, str]
    unique_columns: tuple[str, ...]
    references: tuple[tuple[str, str, str], ...]  # (column, referenced mart, referenced column)


def mart_docs(manifest: dict, mart: str) -> MartDoc:
    node = manifest["nodes"].get(f"model.{PROJECT_NAME}.{mart}")
    if node is None:
        return MartDoc("", {}, (), ())
    unique_columns, references = [], []
    for test in manifest["nodes"].values():
        if test.get("resource_type") != "test" or test.get("attached_node") != node["unique_id"]:
            continue
        test_name = (test.get("test_metadata") or {}).get("name")
        column = test.get("column_name")
        if test_name == "column_rules":
            # One test holds the model's column rules (macros/generic_tests/column_rules.sql).
            kwargs = test["test_metadata"]["kwargs"]
            unique_columns += kwargs.get("unique") or []
            references += [
                (rule["column"], _ref_name(rule["to"]), rule["field"]) for rule in kwargs.get("relationships") or []
            ]
        elif test_name == "unique" and column:
            unique_columns.append(column)
        elif test_name == "relationships" and column:
            kwargs = test["test_metadata"]["kwargs"]
            parents = [n for n in test["depends_on"]["nodes"] if n != node["unique_id"]]
            referenced = parents[0].rsplit(".", 1)[-1] if parents else _ref_name(kwargs.get("to", ""))
            references.append((column, referenced, kwargs.get("field", column)))
    return MartDoc(
        description=node.get("description", ""),
        column_descriptions={name: col.get("description", "") for name, col in node.get("columns", {}).items()},
        unique_columns=tuple(sorted(set(unique_columns))),
        references=tuple(sorted(set(references))),
    )


def _ref_name(expression: str) -> str:
    found = re.search(r"ref\(\s*['\"]([^'\"]+)['\"]\s*\)", expression)
    return found.group(1) if found else expression


def frictionless_type(dtype: pl.DataType) -> str:
    if dtype == pl.String:
        return "string"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype == pl.Date:
        return "date"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype.is_integer():
        return "integer"
    if dtype.is_numeric():
        return "number"
    return "any"


@dataclass(frozen=True)
class MartFile:
    mart: str
    rows: int
    csv: str
    parquet: str
    csv_bytes: int
    parquet_bytes: int
    description: str


def _citation(document: dict) -> str:
    """A human-readable reference: issuing body. Title (number). Date. Status."""
    parts = [document["issuing_body_zh"] or document["jurisdiction_name_zh"], document["title_zh"]]
    if document["document_number"]:
        parts[-1] += f"({document['document_number']})"
    parts.append(str(document["issued_date"]) if document["issued_date"] else "undated")
    if document["document_status"] == "draft_for_comment":
        parts.append("征求意见稿 / draft for public comment")
    return ". ".join(parts) + "."


def source_citations(database: Path) -> list[dict]:
    """One Frictionless `sources` entry per source document, with the facts needed to find and verify it."""
    documents = data.query(database, "select * from marts.dim_documents order by jurisdiction_code, document_id")
    return [
        {
            "title": document["title_zh"],
            "x-document-id": document["document_id"],
            "x-title-en": document["title_en"],
            "x-jurisdiction": f"{document['jurisdiction_name_zh']} {document['jurisdiction_name_en']}",
            "x-issuing-body": document["issuing_body_zh"],
            "x-issuing-body-en": document["issuing_body_en"],
            "x-document-number": document["document_number"],
            "x-issued-date": str(document["issued_date"]) if document["issued_date"] else None,
            "x-published-date": str(document["published_date"]) if document["published_date"] else None,
            "x-status": document["document_status"],
            "x-source-file": document["source_file"],
            "x-sha256": document["source_sha256"],
            "x-citation": _citation(document),
        }
        for document in documents.to_dicts()
    ]


def _schema(frame: pl.DataFrame, doc: MartDoc, marts_written: set[str]) -> dict:
    schema: dict = {
        "fields": [
            {
                "name": column,
                "type": frictionless_type(dtype),
                "description": doc.column_descriptions.get(column, ""),
            }
            for column, dtype in frame.schema.items()
        ]
    }
    if len(doc.unique_columns) == 1:
        schema["primaryKey"] = list(doc.unique_columns)
    foreign_keys = [
        {"fields": column, "reference": {"resource": f"{referenced}", "fields": field}}
        for column, referenced, field in doc.references
        if referenced in marts_written and column in frame.columns
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def write_downloads(database: Path, folder: Path, manifest: dict) -> list[MartFile]:
    """Write every mart the warehouse holds, the codebook, the README and datapackage.json into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    marts = data.available_marts(database)
    written: list[MartFile] = []
    resources: list[dict] = []
    codebook_rows: list[dict] = []
    for mart in marts:
        frame = data.mart(database, mart)
        doc = mart_docs(manifest, mart)
        csv_path, parquet_path = folder / f"{mart}.csv", folder / f"{mart}.parquet"
        frame.write_csv(csv_path)
        frame.write_parquet(parquet_path)
        written.append(
            MartFile(
                mart,
                frame.height,
                csv_path.name,
                parquet_path.name,
                csv_path.stat().st_size,
                parquet_path.stat().st_size,
                doc.description,
            )
        )
        schema = _schema(frame, doc, set(marts))
        resources.append(
            {
                "name": mart,
                "path": csv_path.name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": doc.description,
                "bytes": csv_path.stat().st_size,
                "x-rows": frame.height,
                "dialect": {"delimiter": ",", "header": True},
                "schema": schema,
            }
        )
        resources.append(
            {
                "name": f"{mart}-parquet",
                "path": parquet_path.name,
                "profile": "data-resource",
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                "description": f"{mart} as Parquet (same columns and rows as {csv_path.name}).",
                "bytes": parquet_path.stat().st_size,
                "x-rows": frame.height,
                "schema": {"fields": schema["fields"]},
            }
        )
        codebook_rows += [
            {"table": mart, "column": field["name"], "type": field["type"], "description": field["description"]}
            for field in schema["fields"]
        ]

    codebook = pl.DataFrame(
        codebook_rows, schema={"table": pl.String, "column": pl.String, "type": pl.String, "description": pl.String}
    )
    codebook.write_csv(folder / CODEBOOK_FILE)
    resources.append(
        {
            "name": "codebook",
            "path": CODEBOOK_FILE,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": "Every column of every table above, with its type and meaning (from the dbt models' docs).",
            "schema": {
                "fields": [
                    {"name": "table", "type": "string", "description": "Table (file name without extension)."},
                    {"name": "column", "type": "string", "description": "Column of that table."},
                    {"name": "type", "type": "string", "description": "Frictionless type of the column."},
                    {"name": "description", "type": "string", "description": "What the column holds."},
                ]
            },
        }
    )
    sources = source_citations(database)
    package = {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": _package_title(sources),
        "description": (
            f"Source-cited figures of {len(sources)} Chinese local-government elderly-care and childcare "
            "(一老一小) plans: every stated figure with its verbatim quote, section and document; baseline → "
            "target gaps; the annexes' allocation tables; and, where built, the consistency audit."
        ),
        "version": _project_version(),
        "created": manifest.get("metadata", {}).get("generated_at"),
        "x-dbt-version": manifest.get("metadata", {}).get("dbt_version"),
        "x-readme": README_FILE,
        "sources": sources,
        "resources": resources,
    }
    (folder / DATAPACKAGE_FILE).write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (folder / README_FILE).write_text(_readme(written, sources, package), encoding="utf-8")
    return written


def _package_title(sources: list[dict]) -> str:
    """The jurisdictions the loaded plans belong to, named from the data (any number of plans)."""
    names = list(dict.fromkeys(s["x-jurisdiction"].split(" ", 1)[-1] for s in sources))
    return "一老一小 plan targets of " + ", ".join(names)


def _project_version() -> str | None:
    try:
        return metadata.version("yilao-yixiao")
    except metadata.PackageNotFoundError:
        return None


def _readme(files: list[MartFile], sources: list[dict], package: dict) -> str:
    lines = [
        f"# {package['title']}",
        "",
        package["description"],
        "",
        f"Built by dbt {package.get('x-dbt-version')} at {package.get('created')} (UTC).",
        "",
        "## Files",
        "",
        "Each table comes twice, as CSV (UTF-8, comma-separated, header row, empty cell = null) and as Parquet.",
        f"`{CODEBOOK_FILE}` describes every column; `{DATAPACKAGE_FILE}` is the machine-readable metadata",
        "(Frictionless Data Package): column types and descriptions, keys, and a citation of every source document.",
        "",
        "| table | rows | what it holds |",
        "|---|---|---|",
    ]
    lines += [f"| `{f.mart}` | {f.rows} | {' '.join(f.description.split()).replace('|', '/')} |" for f in files]
    lines += [
        "",
        "## Where the numbers come from",
        "",
        "Every figure row carries `source_quote` (a verbatim clause of the document), `source_section` and",
        "`document_id`. Missing is not zero: a null value means the document does not state the figure, and",
        "in an annex's allocation table `is_applicable = false` marks a printed '/'.",
        "",
        "## Source documents",
        "",
    ]
    lines += [f"- {s['x-citation']} File `{s['x-source-file']}`, sha256 `{s['x-sha256']}`." for s in sources]
    return "\n".join(lines) + "\n"
