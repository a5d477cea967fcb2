"""Write an output folder beside the live one and swap it in only when complete, so a failure never leaves
half a site: readers see the old folder or the new one, never a mixture."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path


class ForeignFolderError(FileExistsError):
    """The output folder holds files this project did not write; it is not ours to replace."""


def _sibling(live: Path, role: str) -> Path:
    # Same parent as the live folder: a rename within one file system is atomic, a move across two is a copy.
    return live.with_name(f".{live.name}.{role}-{os.getpid()}")


def replace_folder(new: Path, live: Path) -> None:
    """Put the finished folder `new` where `live` is: rename the old one away, the new one in, delete the old.

    Between the two renames `live` is briefly absent, but it never holds a mixture of old and new files.
    """
    old = _sibling(live, "old")
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        os.replace(live, old)
    os.replace(new, live)
    shutil.rmtree(old, ignore_errors=True)


def check_replaceable(live: Path, marker: str) -> None:
    """Raise ForeignFolderError when `live` is a file, or a non-empty folder without the writer's `marker`."""
    if live.exists() and (not live.is_dir() or (any(live.iterdir()) and not (live / marker).exists())):
        raise ForeignFolderError(f"{live} exists and was not written by this command; choose another folder")


@contextlib.contextmanager
def swapped_folder(live: Path, marker: str) -> Iterator[Path]:
    """Yield an empty scratch folder beside `live`; when the block ends without an exception, the scratch
    replaces `live`; when it raises, the scratch is deleted and `live` is untouched.

    `marker` is the file the writer leaves in its folder: a non-empty `live` without it was not written by
    that writer, so it is refused before anything is written.
    """
    live = Path(live).resolve()
    check_replaceable(live, marker)
    live.parent.mkdir(parents=True, exist_ok=True)
    scratch = _sibling(live, "building")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    try:
        yield scratch
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    replace_folder(scratch, live)
