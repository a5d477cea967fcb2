"""Vendor the partial plotly.js bundle the site ships: the npm package `plotly.js-basic-dist-min`.

    .tools/bin/uv run --locked python -m tools.vendor_plotly [--version X.Y.Z]

The site draws only scatter and bar traces, so it ships plotly.js's "basic" bundle (scatter, bar, pie;
about a quarter of the full bundle plotly.py carries) instead of `plotly.offline.get_plotlyjs()`. The bundle
must be the plotly.js version plotly.py bundles (the figures' JSON is written by plotly.py for that version),
so the default version is `plotly.offline.get_plotlyjs_version()`: after upgrading plotly, run this once.

It asks the npm registry for the version's tarball URL and integrity, downloads the tarball, refuses it unless
its sha512 equals the registry's integrity, and rewrites the vendored file, its LICENSE and the record
(`plotly-basic.json`: package, version, tarball, integrity, and the sha512 of the extracted file, which the
tests compare with the file). CI machines and `yyx dashboards` never download anything: the file is package data.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

import plotly.offline

PACKAGE = "plotly.js-basic-dist-min"
REGISTRY = "https://registry.npmjs.org"
BUNDLE_IN_TARBALL = "package/plotly-basic.min.js"
LICENSE_IN_TARBALL = "package/LICENSE"
PROJECT_DIR = Path(__file__).resolve().parents[1]
VENDOR_DIR = PROJECT_DIR / "src" / "yilao_yixiao" / "dashboards" / "assets" / "vendor"
BUNDLE_FILE = "plotly-basic.min.js"
LICENSE_FILE = "plotly-basic.LICENSE"
RECORD_FILE = "plotly-basic.json"
TIMEOUT_S = 60


def sri_sha512(content: bytes) -> str:
    """A Subresource Integrity string (`sha512-<base64>`), the form npm's `dist.integrity` uses."""
    return "sha512-" + base64.b64encode(hashlib.sha512(content).digest()).decode("ascii")


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
        return response.read()


def registry_dist(version: str) -> dict:
    """The registry's `dist` record of one version of the package (tarball URL and integrity)."""
    metadata = json.loads(_get(f"{REGISTRY}/{PACKAGE}/{version}"))
    if metadata.get("version") != version:
        raise RuntimeError(f"the registry answered version {metadata.get('version')!r} for {PACKAGE}@{version}")
    return metadata["dist"]


def extract(tarball: bytes, member: str) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        handle = archive.extractfile(member)
        if handle is None:
            raise RuntimeError(f"{member} is not a file in the {PACKAGE} tarball")
        return handle.read()


def vendor(version: str, folder: Path = VENDOR_DIR) -> dict:
    """Download, verify and write the bundle of `version` into `folder`; return the record written."""
    dist = registry_dist(version)
    tarball = _get(dist["tarball"])
    integrity = dist["integrity"]
    if not integrity.startswith("sha512-"):
        raise RuntimeError(f"the registry gives no sha512 integrity for {PACKAGE}@{version}: {integrity!r}")
    if sri_sha512(tarball) != integrity:
        raise RuntimeError(f"{dist['tarball']} does not match the registry's integrity {integrity}; nothing written")
    bundle = extract(tarball, BUNDLE_IN_TARBALL)
    if f"v{version}" not in bundle[:300].decode("utf-8", errors="replace"):
        raise RuntimeError(f"{BUNDLE_IN_TARBALL} does not announce v{version} in its banner")
    record = {
        "package": PACKAGE,
        "version": version,
        "tarball": dist["tarball"],
        "integrity": integrity,
        "file": BUNDLE_FILE,
        "file_sha512": sri_sha512(bundle),
        "license": "MIT",
    }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / BUNDLE_FILE).write_bytes(bundle)
    (folder / LICENSE_FILE).write_bytes(extract(tarball, LICENSE_IN_TARBALL))
    (folder / RECORD_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--version",
        default=plotly.offline.get_plotlyjs_version(),
        help="plotly.js version (default: the one the installed plotly.py bundles)",
    )
    args = parser.parse_args(argv)
    record = vendor(args.version)
    print(f"vendored {record['package']}@{record['version']} ({record['integrity']}) into {VENDOR_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
