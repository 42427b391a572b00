"""What openapi-python-client changed in its templates between our pristine copy and another release.

    python openapi/upstream/upstream_diff.py 0.30.0            # what `make upstream-diff VERSION=0.30.0` runs
    python openapi/upstream/upstream_diff.py 0.30.0 --all      # full diffs for every changed template
    python openapi/upstream/upstream_diff.py 0.30.0 --save     # then keep 0.30.0's templates as the pristine copy
    python openapi/upstream/upstream_diff.py 0.30.0 --from-dir DIR   # compare with a templates folder, no download

The pristine copy is openapi/upstream/<version>/: upstream's `openapi_python_client/templates/` folder of the
release our templates in openapi/templates/ were last ported from, untouched. The other side is downloaded
from the package index (`pip download --no-deps`) and read from the wheel. The report has four parts:

1. every template openapi/templates/ overrides: unchanged, or what upstream changed in it (a unified diff);
2. upstream templates ours import or branch on by name (`endpoint_macros.py.jinja`, `helpers.jinja`,
   `"datetime_property.py.jinja"`, ...): the same, since a change or a rename there changes our output;
3. every other upstream template that changed, with its line counts (`--all` prints those diffs too);
4. template names new upstream, and names upstream removed.

Exit status: 0 when the two releases' templates are identical, 1 when upstream changed anything (read the
report), 2 when the comparison could not be made (no network, no such release, no pristine copy).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OURS = ROOT / "openapi" / "templates"
PYPROJECT = ROOT / "pyproject.toml"
README = HERE / "README.md"
DISTRIBUTION = "openapi-python-client"
WHEEL_TEMPLATES = "openapi_python_client/templates/"
# What pip says when it cannot reach the index at all, as opposed to finding no such release there.
UNREACHABLE = re.compile(
    r"NewConnectionError|Failed to establish a new connection|Could not fetch URL|connection broken by"
    r"|Temporary failure in name resolution|Name or service not known|ConnectTimeout|ReadTimeout|ProxyError"
)
VERSION_DIR = re.compile(r"^\d+\.\d+(\.\d+)?([.\-+].*)?$")


class CompareError(Exception):
    """The comparison cannot be made; the message says why and what to do."""


def read_tree(folder: Path) -> dict[str, str]:
    """Every template under `folder`, by its path relative to it (posix), without caches."""
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def baseline_dir(explicit: Path | None) -> Path:
    """The pristine copy: the one version folder in openapi/upstream/, unless one is named."""
    if explicit is not None:
        if not explicit.is_dir():
            raise CompareError(f"no pristine copy at {explicit}")
        return explicit
    found = sorted(p for p in HERE.iterdir() if p.is_dir() and VERSION_DIR.match(p.name))
    if len(found) != 1:
        names = ", ".join(p.name for p in found) or "none"
        raise CompareError(f"expected one pristine copy in {HERE.relative_to(ROOT)}/ (found: {names}); pass --baseline")
    return found[0]


def pinned_version() -> str | None:
    match = re.search(rf'"{DISTRIBUTION}==([^"]+)"', PYPROJECT.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def download_templates(version: str, workdir: Path) -> tuple[dict[str, str], str]:
    """The templates of `version`'s wheel from the package index, and where they came from."""
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--progress-bar", "off",
        "--dest", str(workdir), f"{DISTRIBUTION}=={version}",
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    wheels = sorted(workdir.glob("*.whl"))
    if run.returncode != 0 or not wheels:
        output = run.stderr + run.stdout
        errors = [line.strip() for line in output.splitlines() if line.startswith("ERROR")]
        if UNREACHABLE.search(output):
            reason = "the package index could not be reached (offline?)"
        else:
            reason = errors[-1] if errors else f"pip exited with status {run.returncode}"
        raise CompareError(
            f"could not download {DISTRIBUTION} {version}: {reason}\n"
            f"Offline, or no such release? 'pip index versions {DISTRIBUTION}' lists the releases; "
            f"--from-dir DIR compares with a templates folder you already have."
        )
    with zipfile.ZipFile(wheels[0]) as wheel:
        templates = {
            name[len(WHEEL_TEMPLATES) :]: wheel.read(name).decode("utf-8")
            for name in sorted(wheel.namelist())
            if name.startswith(WHEEL_TEMPLATES) and not name.endswith("/") and "__pycache__" not in name
        }
    if not templates:
        raise CompareError(f"{wheels[0].name} has no {WHEEL_TEMPLATES} folder: upstream moved its templates")
    digest = hashlib.sha256(wheels[0].read_bytes()).hexdigest()
    return templates, f"{wheels[0].name} (sha256 `{digest}`)"


def named_by_ours(ours: dict[str, str], upstream_names: set[str]) -> dict[str, list[str]]:
    """Templates our templates name in quotes (imports, `p.template == "..."`), with where: upstream's by their
    path, and any name upstream has in neither release as it is written."""
    aliases: dict[str, str] = {}
    for name in upstream_names:
        aliases[name] = name
        base = name.rsplit("/", 1)[-1]
        # Properties are named by their file name alone (`p.template == "datetime_property.py.jinja"`).
        if name.startswith("property_templates/") and base.endswith("_property.py.jinja"):
            aliases[base] = name
    where: dict[str, list[str]] = {}
    for our_name, text in sorted(ours.items()):
        for number, line in enumerate(text.splitlines(), start=1):
            for quoted in re.findall(r"[\"']([\w./-]+\.jinja)[\"']", line):
                name = aliases.get(quoted, quoted)
                place = f"{our_name}:{number}"
                if name not in ours and place not in where.get(name, []):
                    where.setdefault(name, []).append(place)
    return where


def unified(name: str, old: str, new: str, old_label: str, new_label: str) -> list[str]:
    return list(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"{old_label}/{name}", f"{new_label}/{name}"
        )
    )


def counts(diff: list[str]) -> str:
    added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
    return f"+{added} -{removed}"


def emit_diff(diff: list[str]) -> None:
    for line in diff:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def report(
    old: dict[str, str], new: dict[str, str], ours: dict[str, str], old_label: str, new_label: str, show_all: bool
) -> bool:
    """Print the report; True when upstream changed anything at all."""
    changed = False
    print(f"{DISTRIBUTION} templates: {old_label} -> {new_label}\n")

    print(f"1. Overridden in openapi/templates/ ({len(ours)}): port what upstream changed into ours")
    for name in sorted(ours):
        if name not in old and name not in new:
            print(f"   {name}: ours only, no upstream template of that name")
        elif name not in old:
            changed = True
            print(f"   {name}: NEW upstream in {new_label}: compare it with ours")
        elif name not in new:
            changed = True
            print(f"   {name}: REMOVED upstream in {new_label}: the generator will no longer render ours")
        elif old[name] == new[name]:
            print(f"   {name}: unchanged")
        else:
            changed = True
            diff = unified(name, old[name], new[name], old_label, new_label)
            print(f"   {name}: changed upstream ({counts(diff)})")
            emit_diff(diff)

    named = named_by_ours(ours, set(old) | set(new))
    print(f"\n2. Named by our templates, imported or branched on ({len(named)})")
    for name in sorted(named):
        places = ", ".join(named[name][:4]) + (f" and {len(named[name]) - 4} more" if len(named[name]) > 4 else "")
        if name not in new and name not in old:
            print(f"   {name}: no upstream template of that name in either release, named in {places}")
        elif name not in new:
            changed = True
            print(f"   {name}: REMOVED upstream in {new_label}, but named in {places}")
        elif name not in old:
            changed = True
            print(f"   {name}: new upstream in {new_label}, named in {places}")
        elif old[name] == new[name]:
            print(f"   {name}: unchanged")
        else:
            changed = True
            diff = unified(name, old[name], new[name], old_label, new_label)
            print(f"   {name}: changed upstream ({counts(diff)}), named in {places}")
            emit_diff(diff)

    others = sorted(name for name in set(old) & set(new) if name not in ours and name not in named)
    differing = [name for name in others if old[name] != new[name]]
    print(f"\n3. Other upstream templates: {len(differing)} of {len(others)} changed")
    for name in differing:
        changed = True
        diff = unified(name, old[name], new[name], old_label, new_label)
        print(f"   {name}: changed upstream ({counts(diff)})")
        if show_all:
            emit_diff(diff)

    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    changed = changed or bool(added or removed)
    print(f"\n4. New upstream templates: {', '.join(added) if added else 'none'}")
    print(f"   Removed upstream templates: {', '.join(removed) if removed else 'none'}")
    if changed:
        print("\nUpstream changed its templates: see CONTRIBUTING.md, Upgrading the generator.")
    else:
        print("\nThe templates are identical.")
    return changed


def save(new: dict[str, str], version: str, baseline: Path, source: str) -> None:
    """Keep `version`'s templates as the pristine copy, in place of the old one."""
    target = HERE / version
    if target.exists():
        shutil.rmtree(target)
    for name, text in new.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    if baseline.resolve() != target.resolve():
        shutil.rmtree(baseline)
    readme = README.read_text(encoding="utf-8")
    line = f"Source: `{version}/` is `{WHEEL_TEMPLATES}` from {source}, unmodified."
    README.write_text(re.sub(r"^Source: .*$", line, readme, count=1, flags=re.MULTILINE), encoding="utf-8")
    print(f"\nSaved {version}'s templates as the pristine copy: {target.relative_to(ROOT)}/ (README.md updated)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help=f"the {DISTRIBUTION} release to compare with, e.g. 0.30.0")
    parser.add_argument("--from-dir", type=Path, help="a templates folder to compare with instead of downloading")
    parser.add_argument("--baseline", type=Path, help="the pristine copy (default: the one in openapi/upstream/)")
    parser.add_argument("--all", action="store_true", help="print the diff of every changed template")
    parser.add_argument("--save", action="store_true", help="then keep VERSION's templates as the pristine copy")
    args = parser.parse_args(argv)

    try:
        baseline = baseline_dir(args.baseline)
        pinned = pinned_version()
        if pinned and pinned not in (baseline.name, args.version):
            print(
                f"note: pyproject.toml pins {DISTRIBUTION} {pinned} but the pristine copy is {baseline.name}",
                file=sys.stderr,
            )
        old = read_tree(baseline)
        if args.from_dir is not None:
            if not args.from_dir.is_dir():
                raise CompareError(f"no templates folder at {args.from_dir}")
            new, source = read_tree(args.from_dir), str(args.from_dir)
        else:
            with tempfile.TemporaryDirectory(prefix="upstream-diff-") as workdir:
                new, source = download_templates(args.version, Path(workdir))
    except CompareError as error:
        print(f"upstream-diff: {error}", file=sys.stderr)
        return 2

    ours = {name: text for name, text in read_tree(OURS).items() if name.endswith(".jinja")}
    changed = report(old, new, ours, baseline.name, args.version, args.all)
    if args.save:
        save(new, args.version, baseline, source)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
