"""The same dbt project on PostgreSQL and Spark besides DuckDB: throwaway engines, builds and mart comparison.

Used by tests/engines (the marts are identical on every engine) and by bench/ (the national-scale benchmark).
A local PostgreSQL cluster is started in a temporary directory on 127.0.0.1 and a free port, as a non-root
user, and stopped whatever happens; Spark runs inside this Python process (dbt-spark `method: session`), so the
marts it built are read through the same SparkSession.
"""

from __future__ import annotations

import contextlib
import glob
import math
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

PROJECT_DIR = Path(__file__).resolve().parents[1]
MART_SCHEMA = "marts"
PG_USER = "postgres"
PG_DATABASE = "yilao_yixiao"


class EngineUnavailable(RuntimeError):
    """An engine could not be installed or started on this machine."""


def mart_names(project_dir: Path = PROJECT_DIR) -> list[str]:
    """Every mart of the project (one model file each under models/marts)."""
    return sorted(path.stem for path in (project_dir / "models" / "marts").glob("*.sql"))


@contextlib.contextmanager
def environment(**variables: str | None) -> Iterator[None]:
    """Set (or, with None, unset) environment variables for the duration of the block."""
    previous = {name: os.environ.get(name) for name in variables}
    try:
        for name, value in variables.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# --- installing what is missing -------------------------------------------------------------------------------


def _as_root(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return command
    if shutil.which("sudo"):
        return ["sudo", "-n", *command]
    raise EngineUnavailable(f"needs root to run {' '.join(command)}")


def apt_install(*packages: str, with_recommends: bool = False) -> None:
    """Install Debian packages (the machines of this project are Debian, and CI runs as root); the browser
    tests install Chromium with its recommended packages, as a user's machine has them."""
    if not shutil.which("apt-get"):
        raise EngineUnavailable(f"apt-get not found; install {' '.join(packages)} by hand")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(_as_root(["apt-get", "update", "-q"]), check=True, env=env, capture_output=True)
    recommends = [] if with_recommends else ["--no-install-recommends"]
    subprocess.run(
        _as_root(["apt-get", "install", "-y", "-q", *recommends, *packages]),
        check=True,
        env=env,
        capture_output=True,
    )


def ensure_python_extra(extra: str, module: str, project_dir: Path = PROJECT_DIR) -> None:
    """Install the optional dependency group `extra` (pyproject.toml) into this environment when `module` is
    missing, with the project's uv and its lock file; `--inexact` keeps the other extras already installed."""
    import importlib
    import importlib.util

    if importlib.util.find_spec(module) is not None:
        return
    uv = shutil.which("uv") or str(project_dir / ".tools" / "bin" / "uv")
    if not Path(uv).exists():
        raise EngineUnavailable(f"{module} is missing and uv is not found; run `uv sync --extra {extra}`")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_SYSTEM_CERTS": "1"}
    subprocess.run(
        [uv, "sync", "--locked", "--inexact", "--extra", extra],
        cwd=project_dir,
        check=True,
        env=env,
        capture_output=True,
    )
    importlib.invalidate_caches()
    if importlib.util.find_spec(module) is None:
        raise EngineUnavailable(f"{module} still missing after `uv sync --extra {extra}`")


def find_postgres_bindir() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres: on PATH (Debian keeps them off it), else the newest
    /usr/lib/postgresql/<version>/bin, else /usr/local/pgsql/bin."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)

    def version(path: str) -> tuple[int, ...]:
        name = Path(path).parent.name
        return tuple(int(part) for part in name.split(".") if part.isdigit())

    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)]
    candidates.append(Path("/usr/local/pgsql/bin"))
    for directory in candidates:
        if all((directory / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return directory
    return None


def ensure_postgres_server() -> Path:
    """initdb/pg_ctl/postgres, installing Debian's postgresql package when they are missing."""
    bindir = find_postgres_bindir()
    if bindir is None:
        apt_install("postgresql")
        bindir = find_postgres_bindir()
    if bindir is None:
        raise EngineUnavailable("PostgreSQL server binaries not found after installing postgresql")
    return bindir


def ensure_java() -> None:
    if shutil.which("java") is None:
        apt_install("openjdk-17-jre-headless")


# --- a throwaway PostgreSQL cluster ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class PostgresCluster:
    host: str
    port: int
    user: str
    database: str
    data_dir: Path

    def env(self) -> dict[str, str]:
        """The variables profiles.yml reads for the postgres target."""
        return {
            "YYX_PG_HOST": self.host,
            "YYX_PG_PORT": str(self.port),
            "YYX_PG_USER": self.user,
            "YYX_PG_PASSWORD": "",
            "YYX_PG_DATABASE": self.database,
        }

    def connect(self):
        import psycopg2

        return psycopg2.connect(host=self.host, port=self.port, user=self.user, dbname=self.database)


def _server_user() -> tuple[list[str], str | None]:
    """PostgreSQL refuses to run as root: as root, run its tools as the `postgres` system user (created by
    Debian's package; created here when missing)."""
    if os.geteuid() != 0:
        return [], None
    import pwd

    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True, capture_output=True)
    runuser = shutil.which("runuser")
    prefix = [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]
    return prefix, "postgres"


@contextlib.contextmanager
def postgres_cluster(database: str = PG_DATABASE, settings: dict[str, str] | None = None) -> Iterator[PostgresCluster]:
    """A new PostgreSQL cluster in a temporary directory on 127.0.0.1 and a free port, with trust
    authentication and C collation (text sorts by code point, as on DuckDB and Spark), and any server
    `settings` (e.g. work_mem); stopped and removed on exit, whatever happens."""
    bindir = ensure_postgres_server()
    prefix, os_user = _server_user()
    base = Path(tempfile.mkdtemp(prefix="yyx-postgres-"))
    data_dir, log_file = base / "data", base / "server.log"
    if os_user:
        shutil.chown(base, user=os_user)

    def run(*command: str) -> None:
        full = [*prefix, shlex.join(command)] if prefix[:1] == ["su"] else [*prefix, *command]
        completed = subprocess.run(full, capture_output=True, text=True)
        if completed.returncode != 0:
            log = log_file.read_text(errors="replace") if log_file.exists() else ""
            raise EngineUnavailable(f"{' '.join(command)} failed:\n{completed.stdout}{completed.stderr}{log}")

    started = False
    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            PG_USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
        )
        port = free_port()
        options = f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c full_page_writes=off"
        options += "".join(f" -c {name}={value}" for name, value in (settings or {}).items())
        run(str(bindir / "pg_ctl"), "-D", str(data_dir), "-o", options, "-l", str(log_file), "-w", "start")
        started = True
        cluster = PostgresCluster("127.0.0.1", port, PG_USER, database, data_dir)
        _create_database(cluster)
        yield cluster
    finally:
        if started:
            with contextlib.suppress(EngineUnavailable):
                run(str(bindir / "pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


def _create_database(cluster: PostgresCluster) -> None:
    import psycopg2

    deadline = time.monotonic() + 30
    while True:
        try:
            con = psycopg2.connect(host=cluster.host, port=cluster.port, user=cluster.user, dbname="postgres")
            break
        except psycopg2.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    try:
        con.autocommit = True
        with con.cursor() as cur:
            cur.execute(
                f"create database \"{cluster.database}\" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'"
            )
    finally:
        con.close()


# --- Spark in this process ------------------------------------------------------------------------------------


@contextlib.contextmanager
def spark_in_project(project_dir: Path) -> Iterator[Path]:
    """Run Spark in this process as `dbt --target spark` runs it from the project root: that root is the working
    directory, Spark listens on the loopback address, and YYX_SPARK_DIR is unset, so profiles.yml's default puts
    the metastore (metastore_db/, derby.log) and the table files under target/spark, not into the checkout."""
    ensure_java()
    cwd = Path.cwd()
    with environment(SPARK_LOCAL_IP="127.0.0.1", YYX_SPARK_DIR=None):
        os.chdir(project_dir)
        try:
            yield project_dir
        finally:
            os.chdir(cwd)


def stop_spark() -> None:
    """Stop this process's SparkSession (the JVM stays until the process ends), so the next one starts clean."""
    with contextlib.suppress(ImportError):
        from pyspark.sql import SparkSession

        session = SparkSession.getActiveSession()
        if session is not None:
            session.stop()


# --- reading and comparing the marts --------------------------------------------------------------------------


def read_marts_duckdb(database: Path, names: list[str] | None = None) -> dict[str, pl.DataFrame]:
    import duckdb

    with duckdb.connect(str(database), read_only=True) as con:
        return {name: con.sql(f"select * from {MART_SCHEMA}.{name}").pl() for name in names or mart_names()}


def read_marts_postgres(cluster: PostgresCluster, names: list[str] | None = None) -> dict[str, pl.DataFrame]:
    con = cluster.connect()
    try:
        return {
            name: pl.read_database(f"select * from {MART_SCHEMA}.{name}", con, infer_schema_length=None)
            for name in names or mart_names()
        }
    finally:
        con.close()


def read_marts_spark(names: list[str] | None = None) -> dict[str, pl.DataFrame]:
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession() or SparkSession.builder.enableHiveSupport().getOrCreate()
    return {name: pl.from_arrow(session.table(f"{MART_SCHEMA}.{name}").toArrow()) for name in names or mart_names()}


def _canonical(frame: pl.DataFrame) -> pl.DataFrame:
    """Numbers as Float64 (DuckDB's hugeint sums, PostgreSQL's numeric, Spark's decimal literals), text and
    dates as they are; rows sorted on every column with floats rounded to 9 significant digits for the order."""
    numeric = [name for name, dtype in frame.schema.items() if dtype.is_numeric()]
    frame = frame.with_columns([pl.col(name).cast(pl.Float64) for name in numeric])
    keys = [pl.col(name).round_sig_figs(9) if name in numeric else pl.col(name) for name in frame.columns]
    return frame.sort(keys, nulls_last=True)


def _same(a: object, b: object, rel_tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-12)
    return a == b


def compare_marts(
    expected: dict[str, pl.DataFrame], actual: dict[str, pl.DataFrame], rel_tol: float = 1e-9
) -> list[str]:
    """Every difference between two engines' marts: a missing mart, other columns, other row counts, or a row
    whose values differ (order-insensitive; floating-point values equal within rel_tol)."""
    problems: list[str] = []
    for name in sorted(set(expected) | set(actual)):
        if name not in actual or name not in expected:
            problems.append(f"{name}: only on one engine")
            continue
        left, right = expected[name], actual[name]
        if left.columns != right.columns:
            problems.append(f"{name}: columns differ: {left.columns} vs {right.columns}")
            continue
        if left.height != right.height:
            problems.append(f"{name}: {left.height} rows vs {right.height}")
            continue
        left_rows, right_rows = _canonical(left).rows(), _canonical(right).rows()
        for index, (row_a, row_b) in enumerate(zip(left_rows, right_rows, strict=True)):
            columns = [c for c, a, b in zip(left.columns, row_a, row_b, strict=True) if not _same(a, b, rel_tol)]
            if columns:
                detail = ", ".join(
                    f"{c}: {row_a[left.columns.index(c)]!r} vs {row_b[left.columns.index(c)]!r}" for c in columns
                )
                problems.append(f"{name}: row {index} differs ({detail})")
                if len([p for p in problems if p.startswith(name)]) >= 5:
                    break
    return problems
