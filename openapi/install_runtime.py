"""Copy the hand-written runtime (openapi/runtime/*.py) into a freshly generated package, byte for byte.

Run by the generator as its last post-hook (openapi/generator-config.yaml), in the package folder it has just
written. The runtime is real Python, linted and type-checked where it is written; the package gets an exact
copy, so a traceback's line numbers are the source's. The one line that differs is `__version__`, taken from
pyproject.toml so that the version is written in one place.
"""

from __future__ import annotations

import re
import shutil
import sys
import tomllib
from pathlib import Path

OPENAPI = Path(__file__).resolve().parent
RUNTIME = OPENAPI / "runtime"
PYPROJECT = OPENAPI.parent / "pyproject.toml"
VERSION_LINE = re.compile(r'^__version__ = ".*"$', re.MULTILINE)


def install(package: Path) -> list[str]:
    version = tomllib.loads(PYPROJECT.read_text())["project"]["version"]
    copied = []
    for source in sorted(RUNTIME.glob("*.py")):
        target = package / source.name
        text = source.read_text()
        if VERSION_LINE.search(text):
            target.write_text(VERSION_LINE.sub(f'__version__ = "{version}"', text))
        else:
            shutil.copyfile(source, target)
        copied.append(source.name)
    return copied


if __name__ == "__main__":
    install(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
