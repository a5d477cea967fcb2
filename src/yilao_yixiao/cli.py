"""Command line of the warehouse: `yyx check-seeds`, `yyx build`, `yyx verify-provenance`, …"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from yilao_yixiao import atomic, codebook, provenance, seed_check, warehouse
from yilao_yixiao.validation import DEFAULT_DATA_DOCS

app = typer.Typer(help="Source-cited warehouse of 一老一小 plan targets.", no_args_is_help=True)

ProjectDir = Annotated[Path, typer.Option(help="dbt project directory.")]
Database = Annotated[Path, typer.Option(help="DuckDB file to build or read.")]
# Every option that takes the folder of source documents: --sources, else $YYX_SOURCES, else the default.
SOURCES_ENV = "YYX_SOURCES"
DEFAULT_SOURCES = Path("../shared/sources")
SourcesDir = Annotated[
    Path, typer.Option(envvar=SOURCES_ENV, help=f"Folder holding the source documents (or ${SOURCES_ENV}).")
]


def refuse_foreign_folder(out: Path, marker: str) -> None:
    """Stop before writing when `out` holds files that an earlier run of the command did not write."""
    try:
        atomic.check_replaceable(out, marker)
    except atomic.ForeignFolderError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(code=1) from None


def require_built_warehouse(database: Path) -> None:
    """Stop with a hint when the commands that read the warehouse are run before it is built."""
    if not database.is_file():
        typer.echo(f"Warehouse not found: {database}. Run `yyx build` first.", err=True)
        raise typer.Exit(code=1)


@app.command("check-seeds")
def check_seeds_command(project_dir: ProjectDir = Path(".")) -> None:
    """Check every seed CSV against its declared columns and types; name file, line and column of each problem."""
    problems = seed_check.check_seeds(project_dir / "seeds")
    for problem in problems:
        typer.echo(f"seeds/{problem}", err=True)
    if problems:
        raise typer.Exit(code=1)
    typer.echo("seeds: all declared files, columns and types are valid")


@app.command("build")
def build_command(
    project_dir: ProjectDir = Path("."),
    database: Database = warehouse.DEFAULT_DATABASE,
    select: Annotated[list[str] | None, typer.Option(help="dbt selection, e.g. marts.")] = None,
) -> None:
    """Check seeds, run `dbt build` into a scratch file beside the warehouse and replace it only when everything
    passed; a failed build leaves the last good warehouse in place."""
    try:
        path = warehouse.build(project_dir, database, select)
    except seed_check.SeedCheckError as err:
        for problem in err.problems:
            typer.echo(f"seeds/{problem}", err=True)
        reason = f"{len(err.problems)} seed problem(s) above, found before dbt ran"
        typer.echo(f"build failed: {reason}; {warehouse.kept_warehouse_note(database)}", err=True)
        raise typer.Exit(code=1) from None
    except warehouse.BuildError as err:
        for failure in err.failures:
            typer.echo(str(failure), err=True)
        if err.work_dir is not None:
            typer.echo(f"dbt's log and compiled SQL of the failed build: {err.work_dir}", err=True)
        reason = f"{len(err.failures)} dbt node(s) failed (listed above)"
        typer.echo(f"build failed: {reason}; {warehouse.kept_warehouse_note(database)}", err=True)
        raise typer.Exit(code=1) from None
    except warehouse.BuildInProgressError as err:
        typer.echo(f"build refused: {err}; {warehouse.kept_warehouse_note(database)}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(f"Warehouse built: {path}")


@app.command("verify-provenance")
def verify_provenance_command(
    sources: SourcesDir = DEFAULT_SOURCES,
    project_dir: ProjectDir = Path("."),
) -> None:
    """Check that every quote occurs in its document, every raw text in its quote, every value in its raw text."""
    report = provenance.verify(project_dir / "seeds", sources)
    typer.echo(report.summary())
    for failure in report.failures:
        typer.echo(f"seeds/{failure}", err=True)
    if not report.ok:
        raise typer.Exit(code=1)


@app.command("codebook")
def codebook_command(
    project_dir: ProjectDir = Path("."),
    check: Annotated[bool, typer.Option(help="Only check that CODEBOOK.md is current; exit 1 if not.")] = False,
) -> None:
    """Rewrite the indicator table of CODEBOOK.md from seeds/indicators.csv."""
    path = project_dir / "CODEBOOK.md"
    rendered = codebook.render(path, project_dir / "seeds")
    if check:
        if rendered != path.read_text(encoding="utf-8"):
            typer.echo("CODEBOOK.md is out of date: run `yyx codebook`.", err=True)
            raise typer.Exit(code=1)
        typer.echo("CODEBOOK.md is current.")
        return
    path.write_text(rendered, encoding="utf-8")
    typer.echo(f"Wrote {path}")


@app.command("validate")
def validate_command(
    database: Database = warehouse.DEFAULT_DATABASE,
    out: Annotated[Path, typer.Option(help="Folder for the offline Data Docs.")] = DEFAULT_DATA_DOCS,
) -> None:
    """Run every mart's Great Expectations suite as one Checkpoint and build offline Data Docs."""
    # Imported here: Great Expectations takes seconds to import and no other command needs it.
    from yilao_yixiao.validation import validate
    from yilao_yixiao.validation.run import SITE_MARKER

    require_built_warehouse(database)
    refuse_foreign_folder(out, SITE_MARKER)
    # Written beside `out` and swapped in when complete: a crash never leaves half of the Data Docs.
    try:
        with atomic.swapped_folder(out, SITE_MARKER) as scratch:
            summary = validate(database, scratch)
    except Exception as err:
        typer.echo(f"validate failed: {type(err).__name__}: {err}; {out} was left as it was", err=True)
        raise typer.Exit(code=1) from err
    index = out / summary.data_docs_index.name if summary.data_docs_index else None
    for suite in summary.suites:
        if suite.error:
            typer.echo(f"FAIL {suite.suite_name}: {suite.error}")
        elif suite.success:
            typer.echo(f"PASS {suite.suite_name} ({suite.evaluated} expectations)")
        else:
            typer.echo(f"FAIL {suite.suite_name}: {len(suite.failed)} of {suite.evaluated} expectations failed")
            for failure in suite.failed:
                typer.echo(f"    {failure}")
    typer.echo(f"Data Docs: {index}")
    if not summary.success:
        raise typer.Exit(code=1)


@app.command("dashboards")
def dashboards_command(
    database: Database = warehouse.DEFAULT_DATABASE,
    out: Annotated[Path, typer.Option(help="Folder for the static site.")] = Path("target/site"),
    sources: SourcesDir = DEFAULT_SOURCES,
) -> None:
    """Write the offline, bilingual dashboards and the downloads (CSV, Parquet, datapackage.json)."""
    from yilao_yixiao.dashboards import build_site
    from yilao_yixiao.dashboards.site import SITE_MARKER

    require_built_warehouse(database)
    refuse_foreign_folder(out, SITE_MARKER)
    # Written beside `out` and swapped in when complete: a failure never leaves half a site.
    try:
        with atomic.swapped_folder(out, SITE_MARKER) as scratch:
            # Without the texts the document pages list each figure and its quote (the site says so below).
            result = build_site(database, scratch, sources=sources if sources.is_dir() else None)
    except Exception as err:
        typer.echo(f"dashboards failed: {type(err).__name__}: {err}; {out} was left as it was", err=True)
        raise typer.Exit(code=1) from err
    if result.sources is None:
        typer.echo("No sources folder found: document pages list each figure and its quote, not the full text.")
    if not result.has_audit:
        typer.echo("Audit not built: the warehouse has no fct_consistency_checks; the audit page says so.")
    typer.echo(f"Dashboards written: {out / 'index.html'}")


@app.command("extract")
def extract_command(
    source: Annotated[Path, typer.Argument(help="Plan text (UTF-8).", exists=True, dir_okay=False)],
    out: Annotated[Path, typer.Option(help="CSV of proposed rows to write.")],
    document_id: Annotated[str | None, typer.Option(help="document_id for the rows; default: the file's stem.")] = None,
    project_dir: ProjectDir = Path("."),
) -> None:
    """Propose one cited row per stated figure of a plan (columns of seeds/indicator_values.csv + where/how)."""
    from yilao_yixiao.extract import Extractor, QuoteNotInSource, columns_for, write_csv

    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        typer.echo(f"{source}: not UTF-8 text ({err})", err=True)
        raise typer.Exit(code=1) from None
    try:
        rows = Extractor.from_project(project_dir).extract(text, document_id or source.stem)
    except QuoteNotInSource as err:
        typer.echo(f"{source}: {err}; nothing written", err=True)
        raise typer.Exit(code=1) from None
    write_csv(rows, out, columns_for(project_dir / "seeds"))
    typer.echo(f"{len(rows)} proposed rows written to {out}")


Seeds = Annotated[Path, typer.Option(help="Seeds folder of the project.")]


def _review_failed(err: Exception) -> typer.Exit:
    for problem in getattr(err, "problems", [str(err)]):
        typer.echo(problem, err=True)
    return typer.Exit(code=1)


@app.command("review")
def review_command(
    proposed: Annotated[Path, typer.Argument(help="Proposed rows, as `yyx extract` writes them.")],
    source: Annotated[Path, typer.Option(help="The plan's text file.")],
    out: Annotated[Path, typer.Option(help="The review page to write.")] = Path("review.html"),
    seeds: Seeds = Path("seeds"),
) -> None:
    """Write an offline page to accept, edit or reject each proposed row and download the reviewed CSV."""
    from yilao_yixiao.review.page import write_review_page
    from yilao_yixiao.review.tables import ReviewError

    try:
        page = write_review_page(proposed, source, seeds, out)
    except ReviewError as err:
        raise _review_failed(err) from None
    unlocated = [p for p in page.proposals if p.span is None]
    for p in unlocated:
        typer.echo(f"{proposed}, line {p.line}, column 'source_quote': quote not found in {source.name}", err=True)
    if page.comparison is not None:
        typer.echo(
            f"Second reader: {len(page.comparison.matched)} in both, {len(page.comparison.missed)} in the seeds "
            f"only, {len(page.comparison.new)} proposed only"
        )
    typer.echo(f"Review page: {out} ({len(page.proposals)} proposed rows)")


@app.command("add-document")
def add_document_command(
    source: Annotated[Path, typer.Argument(help="The plan's UTF-8 text file.")],
    jurisdiction_code: Annotated[str, typer.Option(help="GB/T 2260 code of a row of seeds/jurisdictions.csv.")],
    document_id: Annotated[
        str | None, typer.Option(help="Id of the new document (default: slug_year_plan_sha).")
    ] = None,
    seeds: Seeds = Path("seeds"),
) -> None:
    """Register a plan in seeds/documents.csv: sha256, script and what the text states; the rest is left empty."""
    from yilao_yixiao.review.documents import add_document
    from yilao_yixiao.review.tables import ReviewError

    try:
        added = add_document(source, jurisdiction_code, seeds, document_id)
    except ReviewError as err:
        raise _review_failed(err) from None
    for column, value in added.row.items():
        typer.echo(f"  {column}: {value}")
    empty = [column for column, value in added.row.items() if not value]
    typer.echo(f"Added {added.row['document_id']} to {added.path}; to fill in by hand: {', '.join(empty)}")


@app.command("accept")
def accept_command(
    reviewed: Annotated[Path, typer.Argument(help="The reviewed CSV downloaded from the review page.")],
    seeds: Seeds = Path("seeds"),
    sources: SourcesDir = DEFAULT_SOURCES,
) -> None:
    """Append the accepted and edited rows to seeds/indicator_values.csv with fresh value_ids, all or nothing."""
    from yilao_yixiao.review.accept import accept
    from yilao_yixiao.review.tables import ReviewError

    try:
        result = accept(reviewed, seeds, sources)
    except ReviewError as err:
        raise _review_failed(err) from None
    for old, new in result.value_ids.items():
        typer.echo(f"  {old} → {new}")
    for problem in result.preexisting_problems:
        typer.echo(f"(already failing before this accept) {problem}", err=True)
    typer.echo(
        f"Accepted {len(result.value_ids)} rows into {seeds / 'indicator_values.csv'}; {result.rejected} rejected, "
        f"{result.undecided} undecided left out. Provenance: {result.provenance_summary or 'nothing to check'}"
    )
