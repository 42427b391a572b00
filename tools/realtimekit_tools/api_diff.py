"""Breaking changes in the generated package's public API between two revisions of the spec.

Both sides are generated the way `make generate` does it (same generator, its config and templates taken from
the same revision as the spec) into temporary folders, then compared with griffe's `find_breaking_changes`:
removed models, fields, functions or parameters, parameters that moved or became required, and the like.
generated/ is never touched.

    python -m realtimekit_tools.api_diff --base origin/main            # that revision against the working tree
    python -m realtimekit_tools.api_diff --base v0.1.0 --head HEAD     # two revisions

Exit status: 0 nothing breaks, 1 breaking changes (printed one a line), 2 the comparison could not be made.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .paths import repo_root

PACKAGE = "realtimekit_sessions"
# The same inputs the Makefile's generate_into uses, relative to the repository root.
SPEC = Path("openapi/realtimekit-sessions.yaml")
GEN_CONFIG = Path("openapi/generator-config.yaml")
TEMPLATES = Path("openapi/templates")
BIN = Path(sys.executable).parent


class DiffError(Exception):
    """The comparison could not be made; the message is one line."""


@dataclass(frozen=True)
class Breaking:
    kind: str
    path: str
    explanation: str

    def __str__(self) -> str:
        return self.explanation


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    # The generator's post-hooks call ruff, which must be the venv's (pinned) one.
    env = {**os.environ, **(env or {}), "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)


def tree_at(revision: str, repo: Path, dest: Path) -> Path:
    """The openapi/ folder and pyproject.toml of `revision`, extracted under `dest` (the layout of a checkout)."""
    listed = _run(["git", "ls-tree", "--name-only", revision, "--", "pyproject.toml"], cwd=repo).stdout.strip()
    paths = ["openapi", "pyproject.toml"] if listed else ["openapi"]
    archive = _run(["git", "archive", "--format=tar", revision, "--", *paths], cwd=repo)
    if archive.returncode != 0:
        message = archive.stderr.decode(errors="replace").strip().splitlines()
        raise DiffError(f"cannot read openapi/ at {revision!r}: {message[-1] if message else 'git archive failed'}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    if not (dest / SPEC).is_file():
        raise DiffError(f"{revision!r} has no {SPEC}")
    return dest


# A folder of packages already generated, by the digest of the openapi/ tree they came from: set (by the test
# suite, for one run) to generate each distinct tree once. Unset, every comparison generates afresh.
CACHE_ENV = "REALTIMEKIT_API_DIFF_CACHE"


def _is_cache(path: Path) -> bool:
    """Bytecode and tool caches (__pycache__, .mypy_cache, .ruff_cache): in a working tree, never in git, and no
    input to the generator."""
    return any(part == "__pycache__" or (part.startswith(".") and part.endswith("_cache")) for part in path.parts)


def tree_digest(checkout: Path) -> str:
    """SHA-256 over every file under checkout/openapi and its pyproject.toml (relative path and bytes)."""
    digest = hashlib.sha256()
    files = [p for p in (checkout / "openapi").rglob("*") if p.is_file() and not _is_cache(p.relative_to(checkout))]
    files += [checkout / "pyproject.toml"] if (checkout / "pyproject.toml").is_file() else []
    for path in sorted(files):
        digest.update(path.relative_to(checkout).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def generate(checkout: Path, out: Path) -> Path:
    """Generate the package from `checkout`'s spec, config and templates; returns out/realtimekit_sessions."""
    target = out / PACKAGE
    if target.exists():
        shutil.rmtree(target)
    cache = os.environ.get(CACHE_ENV)
    cached = Path(cache) / tree_digest(checkout) / PACKAGE if cache else None
    if cached is not None and (cached / "__init__.py").is_file():
        shutil.copytree(cached, target)
        return target
    _generate(checkout, out, target)
    if cached is not None:
        staging = cached.parent.with_name(cached.parent.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(target, staging / PACKAGE)
        os.replace(staging, cached.parent)
    return target


def _generate(checkout: Path, out: Path, target: Path) -> None:
    command = [str(BIN / "openapi-python-client"), "generate", "--path", str(checkout / SPEC)]
    if (checkout / GEN_CONFIG).is_file():
        command += ["--config", str(checkout / GEN_CONFIG)]
    if (checkout / TEMPLATES).is_dir():
        command += ["--custom-template-path", str(checkout / TEMPLATES)]
    command += ["--meta", "none", "--fail-on-warning", "--output-path", str(target)]
    # The post-hook that installs the runtime finds it through this variable outside a git checkout.
    result = _run(command, cwd=out, env={"REALTIMEKIT_OPENAPI_DIR": str(checkout / "openapi")})
    if result.returncode != 0 or not (target / "__init__.py").is_file():
        lines = (result.stdout + result.stderr).decode(errors="replace").strip().splitlines()
        raise DiffError(f"generating from {checkout / SPEC} failed: {lines[-1] if lines else 'no output'}")


# griffe's reading of a package, by the digest of its files: reading one means parsing every module (about a quarter
# of a second for this package). A comparison reads two packages once each; a process that compares the same
# packages again (the test suite, its generations copied from a cache into new folders) reads each once.
_LOADED: dict[str, object] = {}


def _package_digest(package: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def breaking_changes(old_package: Path, new_package: Path) -> list[Breaking]:
    import griffe

    def load(package: Path) -> griffe.Object:
        key = _package_digest(package)
        if key in _LOADED:
            cached = _LOADED[key]
            assert isinstance(cached, griffe.Object)
            return cached
        # Static analysis only (nothing imported), from this folder alone, never the installed package.
        loaded = griffe.load(PACKAGE, search_paths=[package.parent], allow_inspection=False, try_relative_path=False)
        if Path(str(loaded.filepath)).resolve().parent != package.resolve():
            raise DiffError(f"griffe loaded {loaded.filepath}, not the package in {package}")
        assert isinstance(loaded, griffe.Object)
        _LOADED[key] = loaded
        return loaded

    old, new = load(old_package), load(new_package)
    found = [describe(breakage) for breakage in griffe.find_breaking_changes(old, new)]
    return sorted(set(found), key=lambda item: (item.path, item.kind, item.explanation))


def _shown(value: object) -> str:
    # Parameters and attributes print as their source text; griffe's own explain() adds file paths and colours.
    name = getattr(value, "name", None)
    if name is not None and hasattr(value, "kind"):
        return str(name)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(breakage: object) -> Breaking:
    kind = breakage.kind.value  # type: ignore[attr-defined]
    path = breakage.obj.path  # type: ignore[attr-defined]
    old, new = breakage.old_value, breakage.new_value  # type: ignore[attr-defined]
    detail = ""
    if "parameter" in kind.lower():
        parameter = old if old is not None else new
        path = f"{path}({_shown(parameter)})"
        if "default" in kind.lower() or "kind" in kind.lower():
            detail = f": {getattr(old, 'default' if 'default' in kind.lower() else 'kind', old)}"
            detail += f" -> {getattr(new, 'default' if 'default' in kind.lower() else 'kind', new)}"
    elif "removed" not in kind.lower() and old is not None:
        detail = f": {_shown(old)} -> {_shown(new)}"
    return Breaking(kind=kind, path=path, explanation=f"{path}: {kind}{detail}")


def compare_checkouts(old_checkout: Path, new_checkout: Path, work: Path) -> list[Breaking]:
    if tree_digest(old_checkout) == tree_digest(new_checkout):
        # The same spec, config, templates and runtime generate the same package: nothing to generate or compare
        # (a branch that did not touch openapi/).
        return []
    (work / "old").mkdir(parents=True, exist_ok=True)
    (work / "new").mkdir(parents=True, exist_ok=True)
    old_package = generate(old_checkout, work / "old")
    new_package = generate(new_checkout, work / "new")
    return breaking_changes(old_package, new_package)


def default_base(repo: Path) -> str:
    """HEAD when openapi/ has uncommitted changes, else the revision before the last commit that touched it."""
    dirty = _run(["git", "diff", "--quiet", "HEAD", "--", "openapi"], cwd=repo).returncode != 0
    if dirty:
        return "HEAD"
    last = _run(["git", "log", "-1", "--format=%H", "--", "openapi"], cwd=repo).stdout.decode().strip()
    return f"{last}~1" if last else "HEAD~1"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git revision to compare from (default: before the last change to openapi/)")
    parser.add_argument("--head", help="git revision to compare to (default: the working tree)")
    parser.add_argument("--repo", type=Path, default=None, help="repository to read revisions from")
    args = parser.parse_args(argv)

    repo = (args.repo or repo_root()).resolve()
    base = args.base or default_base(repo)
    try:
        with tempfile.TemporaryDirectory(prefix="api-diff-") as tmp:
            work = Path(tmp)
            old_checkout = tree_at(base, repo, work / "base-tree")
            new_checkout = tree_at(args.head, repo, work / "head-tree") if args.head else repo
            found = compare_checkouts(old_checkout, new_checkout, work)
    except DiffError as error:
        print(f"api-diff: {error}", file=sys.stderr)
        return 2
    against = args.head or "the working tree"
    if not found:
        print(f"api-diff: no breaking changes in {PACKAGE}'s public API from {base} to {against}")
        return 0
    for item in found:
        print(item)
    print(f"api-diff: {len(found)} breaking changes in {PACKAGE}'s public API from {base} to {against}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
