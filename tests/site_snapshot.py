"""A built site as a map of its files to their contents, with what may differ between two
builders or two runs of one builder taken out, so that two builds of one project compare equal.

What is taken out, and why:
- the `<meta name="generator">` tag: it names the builder and its version, and is the one place a
  page says which program made it;
- the sitemap's `<lastmod>` dates: they are the day of the build, and two builds can straddle
  midnight; `sitemap.xml.gz` is compared unpacked, because its gzip header holds the time;
- in a Pagefind bundle, the names of the filter, metadata and index files: Pagefind names them by a
  hash of contents it writes in no fixed order, so two runs of the same build differ there. What
  Pagefind indexed is compared instead: every page's record (its URL, text, filters and metadata,
  the "fragment"), the page count, and Pagefind's own scripts byte for byte.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")
PAGEFIND_MAGIC = b"pagefind_dcd"
PAGEFIND_HASHED = ("*.pf_filter", "*.pf_meta", "*.pf_index")


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, normalised as the module's docstring says."""
    bundles = {entry.parent for entry in site.rglob("pagefind-entry.json")}
    files: dict[str, bytes] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        bundle = next((b for b in bundles if b in path.parents), None)
        if bundle is None:
            files[path.relative_to(site).as_posix()] = normalise(path)
    for bundle in bundles:
        files |= pagefind_bundle(bundle, bundle.relative_to(site).as_posix())
    return files


def normalise(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".html":
        return GENERATOR.sub(b'<meta name="generator" content="(builder)">', data)
    if path.name in ("sitemap.xml", "sitemap.xml.gz"):
        text = gzip.decompress(data) if path.suffix == ".gz" else data
        return LASTMOD.sub(b"<lastmod>(build date)</lastmod>", text)
    return data


def pagefind_bundle(bundle: Path, name: str) -> dict[str, bytes]:
    """What a Pagefind bundle holds, keyed by what it is rather than by its hashed file names."""
    files: dict[str, bytes] = {}
    for fragment in bundle.glob("fragment/*.pf_fragment"):
        record = pagefind_record(fragment)
        files[f"{name}/fragment for {record['url']}"] = json.dumps(record, sort_keys=True).encode()
    for pattern in PAGEFIND_HASHED:
        count = len(list(bundle.rglob(pattern)))
        files[f"{name}/{pattern} (count)"] = str(count).encode()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        language.pop("hash")
    files[f"{name}/pagefind-entry.json"] = json.dumps(entry, sort_keys=True).encode()
    for script in bundle.iterdir():
        if script.is_file() and script.suffix != ".pf_meta" and script.name != "pagefind-entry.json":
            files[f"{name}/{script.name}"] = script.read_bytes()
    return files


def pagefind_record(fragment: Path) -> dict[str, object]:
    data = gzip.decompress(fragment.read_bytes())
    assert data.startswith(PAGEFIND_MAGIC), f"{fragment} is not a Pagefind fragment"
    record: dict[str, object] = json.loads(data[len(PAGEFIND_MAGIC):])
    return record


def differences(left: dict[str, bytes], right: dict[str, bytes], limit: int = 5) -> list[str]:
    """Lines that say how two snapshots differ: missing files, then the first changed lines."""
    lines = [f"only in the first: {p}" for p in sorted(left.keys() - right.keys())]
    lines += [f"only in the second: {p}" for p in sorted(right.keys() - left.keys())]
    changed = [p for p in sorted(left.keys() & right.keys()) if left[p] != right[p]]
    for path in changed[:limit]:
        lines.append(f"differs: {path}: {first_difference(left[path], right[path])}")
    if len(changed) > limit:
        lines.append(f"... and {len(changed) - limit} more files differ")
    return lines


def first_difference(left: bytes, right: bytes) -> str:
    for number, (a, b) in enumerate(zip(left.splitlines(), right.splitlines(), strict=False), 1):
        if a != b:
            return f"line {number}: {a[:200]!r} != {b[:200]!r}"
    return f"one is longer ({len(left)} and {len(right)} bytes)"
