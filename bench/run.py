"""National-scale benchmark: the project's models and tests on synthetic data at several scales and engines.

    python -m bench.run --scales 1 10 100 --engines duckdb postgres spark [--json target/bench/results.json]
    python -m bench.report --write bench/RESULTS.md target/bench/results*.json   # the tables into the results doc

Run from the project root with the project installed (`uv run`): bench imports the installed package.

For each scale (bench/generate.py: 31 × scale jurisdictions) and engine, four stages run one after the other,
each in its own process, timed (wall) and sampled for peak memory (proportional set size of the stage's process
tree, plus the PostgreSQL server's processes for postgres, every 50 ms):

  load     the synthetic tables into schema raw under the seeds' names, with the engine's bulk path (DuckDB
           read_parquet, PostgreSQL COPY, Spark's Parquet reader) - not `dbt seed`, see bench/RESULTS.md
  models   dbt run of every model (seeds excluded: their relations are the loaded tables)
  tests    dbt test: every data test except those tagged real_plans (they pin figures of the real plans, which
           the synthetic data does not hold); unit tests too when YYX_UNIT_TESTS=1 (dbt_project.yml: by default
           an analyst's build leaves them to `make test`, and their cost does not grow with the data)
  extract  what the dashboards do: every mart read into Polars DataFrames
  build    DuckDB only: `dbt build` of the same models and tests in one process (one start, one parse), as
           `yyx build` and a nightly build run them; on the tables the stages above left

On DuckDB the floor follows: the compiled SQL of the same models and tests run directly in one DuckDB
connection, without dbt. The real project's own `dbt build` (seeds included) is timed first.

`--floor-only` (DuckDB) is the quick loop for working on the SQL: for each scale it only compiles the project
(`dbt compile`, no model is built) and runs the floor on the data already generated, printing the floor's
seconds, CPU time and slowest nodes; the floor's database (target/bench/duckdb/x<scale>/floor/bench.duckdb)
then holds every mart of the compiled SQL, to compare or `explain analyze`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from yilao_yixiao.seed_check import declared_column_types

PROJECT_DIR = Path(__file__).resolve().parents[1]

# Every seed the project declares; bench/generate.py writes one Parquet file for each.
TABLES = tuple(declared_column_types(PROJECT_DIR / "seeds"))
# dbt tests tagged so assert figures of the real plans, not a rule that holds for any data.
REAL_PLANS_TAG = "real_plans"
EXCLUDED_TESTS = (f"tag:{REAL_PLANS_TAG}",)
POSTGRES_SETTINGS = {
    "shared_buffers": "2GB",
    "work_mem": "256MB",
    "maintenance_work_mem": "1GB",
    "effective_cache_size": "12GB",
    "max_parallel_workers_per_gather": "2",
    "synchronous_commit": "off",
}


# --- stages (each runs in its own process: `run.py stage ENGINE STAGE DATA WORK`) ------------------------------


def duckdb_path(work: Path) -> Path:
    return work / "bench.duckdb"


def load(engine: str, data: Path, work: Path) -> int:
    """Create schema raw with one table per seed from the Parquet files; return the rows loaded."""
    import polars as pl

    rows = 0
    if engine == "duckdb":
        import duckdb

        with duckdb.connect(str(duckdb_path(work))) as con:
            con.execute("create schema if not exists raw")
            for table in TABLES:
                con.execute(
                    f"create or replace table raw.{table} as select * from read_parquet('{data / table}.parquet')"
                )
                rows += con.execute(f"select count(*) from raw.{table}").fetchone()[0]
    elif engine == "postgres":
        import io

        from yilao_yixiao.seed_check import declared_column_types

        types = declared_column_types(PROJECT_DIR / "seeds", "postgres")
        con = _postgres_connect()
        try:
            with con.cursor() as cur:
                cur.execute("drop schema if exists raw cascade; create schema raw")
                for table in TABLES:
                    columns = ", ".join(f"{name} {kind}" for name, kind in types[table].items())
                    cur.execute(f"create table raw.{table} ({columns})")
                    frame = pl.read_parquet(data / f"{table}.parquet")
                    buffer = io.BytesIO()
                    frame.write_csv(buffer, null_value="")
                    buffer.seek(0)
                    cur.copy_expert(f"copy raw.{table} from stdin with (format csv, header true)", buffer)
                    rows += frame.height
                cur.execute("analyze")
            con.commit()
        finally:
            con.close()
    elif engine == "spark":
        session = _spark_session(work)
        session.sql("create database if not exists raw")
        for table in TABLES:
            frame = session.read.parquet(str(data / f"{table}.parquet"))
            frame.write.mode("overwrite").saveAsTable(f"raw.{table}")
            rows += session.table(f"raw.{table}").count()
    return rows


def dbt(engine: str, command: str, work: Path) -> int:
    """dbt run / dbt test against the loaded tables; return the number of nodes run."""
    from tools import engines
    from yilao_yixiao import warehouse

    args = [command, "--exclude", "resource_type:seed"]
    if command in ("test", "build", "compile"):
        args += list(EXCLUDED_TESTS)
    with engines.environment(YYX_DUCKDB_PATH=str(duckdb_path(work))):
        failures = warehouse.run_dbt(PROJECT_DIR, args, work, target=engine)
    if failures:
        raise SystemExit("dbt failed:\n" + "\n".join(str(f) for f in failures))
    results = json.loads((work / "dbt_artifacts" / "run_results.json").read_text())
    return len(results["results"])


def extract(engine: str, work: Path) -> int:
    """Every mart into a Polars DataFrame, as the dashboards read them; return the rows read."""
    from tools import engines

    if engine == "duckdb":
        marts = engines.read_marts_duckdb(duckdb_path(work))
    elif engine == "postgres":
        marts = _read_marts_postgres_copy()
    else:
        _spark_session(work)
        marts = engines.read_marts_spark()
    return sum(frame.height for frame in marts.values())


def floor(work: Path, data: Path) -> dict[str, float]:
    """The compiled SQL of the models and tests dbt ran, executed directly in DuckDB in dependency order."""
    import duckdb

    manifest = json.loads((work / "dbt_artifacts" / "manifest.json").read_text())
    compiled = work / "dbt_artifacts" / "compiled"
    nodes = {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] in ("model", "test")}
    order, seen = [], set()

    def visit(uid: str) -> None:
        if uid in seen or uid not in nodes:
            return
        seen.add(uid)
        for parent in nodes[uid]["depends_on"]["nodes"]:
            visit(parent)
        order.append(uid)

    for uid in sorted(nodes):
        visit(uid)
    floor_dir = work / "floor"
    floor_dir.mkdir(exist_ok=True)
    database = floor_dir / duckdb_path(work).name  # same catalog name as the compiled SQL refers to
    database.unlink(missing_ok=True)
    timings: dict = {"models": 0.0, "tests": 0.0, "models_cpu": 0.0, "tests_cpu": 0.0}
    # Seconds per model and test, so that the slowest SQL can be found (and `explain analyze`d) from one run.
    per_node: dict[str, float] = {}
    per_node_cpu: dict[str, float] = {}
    with duckdb.connect(str(database)) as con:
        for schema in ("raw", "staging", "intermediate", "marts"):
            con.execute(f"create schema {schema}")
        for table in TABLES:
            con.execute(f"create table raw.{table} as select * from read_parquet('{data / table}.parquet')")
        for uid in order:
            node = nodes[uid]
            path = compiled / node["package_name"] / node["original_file_path"]
            if node["resource_type"] == "test" and node["original_file_path"].endswith(".yml"):
                path = path / node["path"]
            if not path.exists() or REAL_PLANS_TAG in node.get("tags", []):
                continue
            sql = path.read_text()
            cpu_before = _own_cpu_seconds()
            start = time.perf_counter()
            if node["resource_type"] == "model":
                kind = "table" if node["config"]["materialized"] == "table" else "view"
                con.execute(f"create {kind} {node['schema']}.{node['alias']} as {sql}")
            else:
                con.execute(f"select count(*) from ({sql}) as t").fetchall()
            seconds = time.perf_counter() - start
            cpu_seconds = _own_cpu_seconds() - cpu_before
            bucket = "models" if node["resource_type"] == "model" else "tests"
            timings[bucket] += seconds
            timings[f"{bucket}_cpu"] += cpu_seconds
            per_node[node["name"]] = seconds
            per_node_cpu[node["name"]] = cpu_seconds
        timings.update(_storage_alone(con, [nodes[uid] for uid in order]))
    timings["nodes"] = dict(sorted(per_node.items(), key=lambda item: -item[1]))
    # CPU seconds per node too: on a loaded machine a node's wall time says more about the others' jobs.
    timings["nodes_cpu"] = dict(sorted(per_node_cpu.items(), key=lambda item: -item[1]))
    return timings


def _storage_alone(con, built: list[dict]) -> dict[str, float]:
    """Seconds (wall, CPU) to write the rows of the floor's tables again, copied as they are: no join, no function.

    What storing the models' results costs, whatever the SQL that computes them: a floor that writes the same
    tables can be no faster than this on the same machine and DuckDB. Marts and intermediate tables apart.
    """
    timings: dict[str, float] = {}
    con.execute("create schema stored_again")
    for layer in ("marts", "intermediate"):
        seconds = cpu = 0.0
        for node in built:
            if node["resource_type"] != "model" or node["config"]["materialized"] != "table":
                continue
            if node["schema"] != layer:
                continue
            cpu_before = _own_cpu_seconds()
            start = time.perf_counter()
            con.execute(f"create table stored_again.{node['alias']} as select * from {layer}.{node['alias']}")
            seconds += time.perf_counter() - start
            cpu += _own_cpu_seconds() - cpu_before
        timings[f"{layer}_stored_again"] = seconds
        timings[f"{layer}_stored_again_cpu"] = cpu
    con.execute("drop schema stored_again cascade")
    return timings


def _own_cpu_seconds() -> float:
    """User + system CPU seconds of this process so far (DuckDB's threads included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _postgres_connect():
    import psycopg2

    return psycopg2.connect(
        host=os.environ["YYX_PG_HOST"],
        port=int(os.environ["YYX_PG_PORT"]),
        user=os.environ["YYX_PG_USER"],
        dbname=os.environ["YYX_PG_DATABASE"],
    )


def _read_marts_postgres_copy():
    """PostgreSQL marts through COPY … TO STDOUT as CSV into Polars (the fast path without an extra driver)."""
    import io

    import polars as pl

    from tools import engines

    con = _postgres_connect()
    marts = {}
    try:
        with con.cursor() as cur:
            for name in engines.mart_names():
                buffer = io.BytesIO()
                cur.copy_expert(f"copy (select * from marts.{name}) to stdout with (format csv, header true)", buffer)
                buffer.seek(0)
                marts[name] = pl.read_csv(buffer, infer_schema_length=None)
    finally:
        con.close()
    return marts


def _spark_session(work: Path):
    """A SparkSession configured as the spark target of profiles.yml, with its metastore under work."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.enableHiveSupport()
        .master(os.environ.get("YYX_SPARK_MASTER", "local[2]"))
        .config("spark.driver.memory", os.environ.get("YYX_SPARK_DRIVER_MEMORY", "4g"))
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={work}")
        .config("spark.sql.warehouse.dir", f"{work}/warehouse")
        .config("spark.sql.shuffle.partitions", os.environ.get("YYX_SPARK_SHUFFLE_PARTITIONS", "2"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.ansi.enabled", "false")
        .getOrCreate()
    )


def stage_main(engine: str, stage: str, data: Path, work: Path) -> None:
    os.chdir(work)  # Spark's Hive client writes into the working directory
    os.environ["YYX_SPARK_DIR"] = str(work)  # the spark target's metastore and warehouse (profiles.yml)
    if stage == "load":
        result: object = load(engine, data, work)
    elif stage in ("run", "test", "build", "compile"):
        result = dbt(engine, stage, work)
    elif stage == "extract":
        result = extract(engine, work)
    elif stage == "floor":
        result = floor(work, data)
    else:
        raise SystemExit(f"unknown stage {stage}")
    (work / f"{stage}.result.json").write_text(json.dumps(result))


# --- measuring a stage from the parent -------------------------------------------------------------------------


def _tree_pss_kib(root: int) -> int:
    """Proportional set size of a process and all its descendants (KiB); 0 for what has already ended."""
    total = 0
    with contextlib.suppress(psutil.NoSuchProcess):
        parent = psutil.Process(root)
        for process in [parent, *parent.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                total += process.memory_full_info().pss // 1024
    return total


@dataclass
class Measurement:
    scale: float
    engine: str
    stage: str
    rows: object
    seconds: float
    peak_mib: float
    extra: dict = field(default_factory=dict)
    # CPU seconds (user + system) of the stage's process and the children it waited for: on a shared machine the
    # wall time varies with the load, the CPU time much less (PostgreSQL's server processes are not included).
    cpu_seconds: float | None = None


def measure(
    engine: str, stage: str, data: Path, work: Path, env: dict[str, str], server_pid: int | None
) -> tuple[object, float, float, float]:
    """Run one stage in a child process; its result, wall seconds, peak PSS (MiB) and CPU seconds."""
    command = [sys.executable, "-m", "bench.run", "stage", engine, stage, str(data), str(work)]
    peak = 0
    done = threading.Event()

    def sample(pid: int) -> None:
        nonlocal peak
        while not done.is_set():
            pss = _tree_pss_kib(pid) + (_tree_pss_kib(server_pid) if server_pid else 0)
            peak = max(peak, pss)
            done.wait(0.05)

    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env={**os.environ, **env}, cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    sampler = threading.Thread(target=sample, args=(process.pid,), daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - start
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (children_after.ru_utime - children_before.ru_utime) + (children_after.ru_stime - children_before.ru_stime)
    done.set()
    sampler.join()
    if process.returncode != 0:
        tail = output.decode(errors="replace")[-4000:]
        raise RuntimeError(f"{engine} {stage} failed ({process.returncode}):\n{tail}")
    result = json.loads((work / f"{stage}.result.json").read_text())
    return result, seconds, peak / 1024, cpu


# --- orchestration -----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def engine_context(engine: str) -> Iterator[tuple[dict[str, str], int | None]]:
    """Environment for the stages of an engine, and the PostgreSQL server pid to include in memory samples."""
    from tools import engines

    if engine == "postgres":
        engines.ensure_python_extra("postgres", "dbt.adapters.postgres")
        with engines.postgres_cluster(settings=POSTGRES_SETTINGS) as cluster:
            pid = int((cluster.data_dir / "postmaster.pid").read_text().split()[0])
            yield cluster.env(), pid
    elif engine == "spark":
        engines.ensure_python_extra("spark", "pyspark")
        engines.ensure_java()
        yield {"SPARK_LOCAL_IP": "127.0.0.1", "PYTHONWARNINGS": "ignore::FutureWarning"}, None
    else:
        yield {}, None


def reset_postgres(env: dict[str, str]) -> None:
    import psycopg2

    con = psycopg2.connect(
        host=env["YYX_PG_HOST"], port=int(env["YYX_PG_PORT"]), user=env["YYX_PG_USER"], dbname="postgres"
    )
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute(f'drop database if exists "{env["YYX_PG_DATABASE"]}"')
        cur.execute(
            f"create database \"{env['YYX_PG_DATABASE']}\" template template0 encoding 'UTF8' "
            "lc_collate 'C' lc_ctype 'C'"
        )
    con.close()


def real_project_build(work: Path) -> tuple[float, str]:
    """The real project's `dbt build` on DuckDB (seeds included), in a child process as a user runs it."""
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "YYX_DUCKDB_PATH": str(work / "real.duckdb")}
    dbt_exe = Path(sys.executable).with_name("dbt")
    command = [str(dbt_exe), "build", "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
    command += ["--target-path", str(work / "target"), "--log-path", str(work / "logs")]
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, capture_output=True, text=True, cwd=work)
    seconds = time.perf_counter() - start
    summary = next((line for line in completed.stdout.splitlines() if "Done. PASS=" in line), completed.stdout[-300:])
    return seconds, summary.split("  ", 1)[-1].strip()


def speed_check() -> dict[str, float]:
    """Seconds of two fixed workloads, one core each: what this machine's speed was at that moment.

    The virtual machine's speed varies by a third from one hour to the next with nothing else running; runs of
    the benchmark are comparable only with this beside them (bench/RESULTS.md). One DuckDB query of the kind the
    models run (hashing and grouping 2 M strings) and a pure-Python loop (dbt's own work is Python); the best of
    three of each, so a passing hiccup does not count.
    """
    import duckdb

    with duckdb.connect() as con:
        con.execute("set threads = 1")
        duckdb_seconds = []
        for _ in range(3):
            start = time.perf_counter()
            con.execute("select count(distinct md5(range::varchar)) from range(2000000)").fetchall()
            duckdb_seconds.append(time.perf_counter() - start)
    python_seconds = []
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(3_000_000):
            total += i * i % 7
        python_seconds.append(time.perf_counter() - start)
    return {"duckdb": min(duckdb_seconds), "python": min(python_seconds)}


def benchmark(
    scales: list[float], engines_: list[str], root: Path, real_build: bool = True, floor_only: bool = False
) -> tuple[list[Measurement], dict]:
    from bench.generate import generate

    results: list[Measurement] = []
    extra: dict = {"speed_check": {"start": speed_check()}}
    print(_speed_text("speed check at the start", extra["speed_check"]["start"]))
    if real_build and not floor_only:
        seconds, summary = real_project_build(root / "real")
        seconds_warm, _ = real_project_build(root / "real")
        extra["real_build"] = {"cold": seconds, "warm": seconds_warm, "summary": summary}
        print(f"real project dbt build: {seconds:.1f} s cold, {seconds_warm:.1f} s with partial parsing ({summary})")
    for scale in scales:
        data = root / "data" / f"x{scale:g}"
        if not (data / "indicator_values.parquet").exists():
            start = time.perf_counter()
            counts = generate(scale, data)
            extra.setdefault("generated", {})[f"{scale:g}"] = {"rows": counts, "seconds": time.perf_counter() - start}
        else:  # generated by an earlier run (deterministic): its row counts, not its time
            extra.setdefault("generated", {})[f"{scale:g}"] = {"rows": _row_counts(data), "seconds": None}
    for engine in engines_:
        with engine_context(engine) as (env, server_pid):
            for scale in scales:
                data = root / "data" / f"x{scale:g}"
                work = root / engine / f"x{scale:g}"
                if floor_only:
                    # Only the compiled SQL is needed: the floor builds its own database from the Parquet files.
                    work.mkdir(parents=True, exist_ok=True)
                    measure(engine, "compile", data, work, env, server_pid)
                else:
                    shutil.rmtree(work, ignore_errors=True)
                    work.mkdir(parents=True)
                if engine == "postgres":
                    reset_postgres(env)
                for stage in () if floor_only else stages_of(engine):
                    result, seconds, peak, cpu = measure(engine, stage, data, work, env, server_pid)
                    executed = _dbt_execution(work) if stage in ("run", "test", "build") else {}
                    results.append(
                        Measurement(scale, engine, stage, result, seconds, peak, extra=executed, cpu_seconds=cpu)
                    )
                    print(
                        f"x{scale:g} {engine:8} {stage:8} rows={result!s:>10} {seconds:8.1f} s {peak:8.0f} MiB"
                        f" cpu {cpu:.1f} s"
                    )
                if engine == "duckdb":
                    result, seconds, peak, cpu = measure(engine, "floor", data, work, env, None)
                    floor_row = Measurement(scale, engine, "floor", None, seconds, peak, extra=result, cpu_seconds=cpu)
                    results.append(floor_row)
                    print(
                        f"x{scale:g} duckdb   floor    models {result['models']:.1f} s, tests {result['tests']:.1f} s"
                        f" (cpu {result['models_cpu']:.1f} s, {result['tests_cpu']:.1f} s)"
                    )
                    slowest = ", ".join(f"{name} {s:.1f} s" for name, s in list(result["nodes"].items())[:5])
                    print(f"x{scale:g} duckdb   floor    slowest: {slowest}")
                    costliest = ", ".join(f"{name} {s:.1f} s" for name, s in list(result["nodes_cpu"].items())[:8])
                    print(f"x{scale:g} duckdb   floor    most CPU: {costliest}")
                    print(
                        f"x{scale:g} duckdb   floor    writing its tables' rows alone: marts"
                        f" {result['marts_stored_again']:.1f} s (cpu {result['marts_stored_again_cpu']:.1f} s),"
                        f" intermediate {result['intermediate_stored_again']:.1f} s"
                        f" (cpu {result['intermediate_stored_again_cpu']:.1f} s)"
                    )
    extra["speed_check"]["end"] = speed_check()
    print(_speed_text("speed check at the end", extra["speed_check"]["end"]))
    return results, extra


def _speed_text(when: str, seconds: dict[str, float]) -> str:
    return (
        f"{when}: DuckDB {seconds['duckdb']:.2f} s, Python {seconds['python']:.2f} s (one core each, lower is faster)"
    )


def stages_of(engine: str) -> tuple[str, ...]:
    """The stages measured for an engine. On DuckDB a last `dbt build` runs the models and tests again in one
    process, as `yyx build` and a nightly `dbt build` do: one start and one parse instead of two."""
    return ("load", "run", "test", "extract", "build") if engine == "duckdb" else ("load", "run", "test", "extract")


def _row_counts(data: Path) -> dict[str, int]:
    import polars as pl

    return {table: pl.scan_parquet(data / f"{table}.parquet").select(pl.len()).collect().item() for table in TABLES}


def _dbt_execution(work: Path) -> dict[str, float]:
    """Seconds dbt spent running the nodes (run_results.json's elapsed_time): the stage's wall time less this is
    dbt's start, parse and end, which do not grow with the data."""
    results = json.loads((work / "dbt_artifacts" / "run_results.json").read_text())
    return {"dbt_execution_seconds": results["elapsed_time"]}


def machine() -> str:
    cpus = os.cpu_count()
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    model = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    system = f"{platform.platform()}, Python {platform.python_version()}"
    return f"{cpus} cores ({model}), {mem_kib / 1024**2:.0f} GiB RAM, {system}"


def main() -> None:
    # A terminated run still stops its PostgreSQL cluster (the context managers' finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if len(sys.argv) > 1 and sys.argv[1] == "stage":
        engine, stage, data, work = sys.argv[2:6]
        stage_main(engine, stage, Path(data), Path(work))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--engines", nargs="+", default=["duckdb", "postgres", "spark"])
    parser.add_argument("--root", type=Path, default=PROJECT_DIR / "target" / "bench")
    parser.add_argument("--json", type=Path, help="write the measurements as JSON")
    parser.add_argument("--skip-real-build", action="store_true", help="do not time the real project's dbt build")
    parser.add_argument(
        "--floor-only",
        action="store_true",
        help="DuckDB only: compile the project and run the floor on the data already generated (no dbt run, test,"
        " extract or real build); the quick loop for working on the models' SQL",
    )
    args = parser.parse_args()
    if args.floor_only and args.engines != ["duckdb"]:
        parser.error("--floor-only runs the floor, which is DuckDB's: pass --engines duckdb")
    results, extra = benchmark(
        args.scales, args.engines, args.root, real_build=not args.skip_real_build, floor_only=args.floor_only
    )
    payload = {"machine": machine(), "extra": extra, "results": [asdict(r) for r in results]}
    out = args.json or args.root / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=2, default=str))
    print(f"measurements: {out}")


if __name__ == "__main__":
    main()
