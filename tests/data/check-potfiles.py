#!/usr/bin/env python3
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist:
# either way some text would silently stay untranslated.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

markers = {
    ".c": re.compile(r"\b(?:_|N_|C_|NC_|g_dgettext|ngettext)\s*\("),
    ".ui": re.compile(r'translatable="yes"'),
    ".xml": re.compile(r"<(?:summary|description|name|p|li|comment)\b"),
    ".in": re.compile(r"^(?:Name|Comment|GenericName|Keywords)=", re.M),
}

problems = []
for folder in ("src", "ui", "data"):
    for path in sorted((root / folder).rglob("*")):
        if not path.is_file() or path.suffix not in markers:
            continue
        rel = path.relative_to(root).as_posix()
        # Web assets are translated by their own dictionary; icons and
        # resource lists carry no user-visible text.
        if "/web/" in rel or "/icons/" in rel or rel.endswith(".gresource.xml") or "mime" in rel:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if markers[path.suffix].search(text) and rel not in listed:
            problems.append(f"{rel} has translatable strings but is not in po/POTFILES.in")

for rel in sorted(listed):
    if not (root / rel).is_file():
        problems.append(f"po/POTFILES.in names {rel}, which does not exist")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
