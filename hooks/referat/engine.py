"""The engine: a meetings folder becomes pages. Knows nothing of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths
from .catalog import Catalog, build_catalog
from .loader import load
from .model import Archive, Treatment
from .pages import Asset, Page
from .problems import Problem
from .render_index import (
    render_bodies,
    render_body,
    render_case,
    render_cases,
    render_cases_of_years,
    render_front,
    render_topic,
    render_topic_years,
    render_topics,
    render_year,
    render_years,
)
from .render_meeting import render_item, render_meeting


@dataclass(frozen=True)
class Site:
    """The generated pages and files of a site, or the problems that stop it."""

    pages: list[Page]
    assets: list[Asset]
    problems: list[Problem]


def build_site(meetings: Path, site_name: str, display_root: Path | None = None) -> Site:
    """Load the meetings folder and render every page; no pages if any file has an error."""
    archive, problems = load(meetings, display_root)
    if any(p.is_error for p in problems):
        return Site([], [], problems)
    catalog = build_catalog(archive)
    assets = collect_assets(archive, meetings)
    return Site(render_pages(catalog, site_name, assets), assets, problems)


def render_pages(catalog: Catalog, site_name: str, assets: list[Asset]) -> list[Page]:
    """Every generated page: indexes first, then meetings and their punkter (whose attachment
    lines show each copied file's type and size)."""
    files = {asset.path: asset for asset in assets}
    pages = [render_front(catalog, site_name), render_bodies(catalog), render_years(catalog),
             render_topics(catalog), render_cases(catalog)]
    pages += [render_body(body, catalog) for body in catalog.archive.bodies]
    pages += [render_year(year, catalog) for year in sorted(catalog.by_year)]
    pages += [render_topic(topic) for topic in catalog.topics.values()]
    pages += [page for topic in catalog.topics.values() for page in render_topic_years(topic)]
    pages += render_cases_of_years(catalog)
    pages += [render_case(case) for case in catalog.cases.values()]
    for meeting in catalog.meetings:
        pages.append(render_meeting(meeting, catalog))
        treatments = [Treatment(meeting, item) for item in meeting.items]
        for i, treatment in enumerate(treatments):
            neighbours = (treatments[i - 1] if i else None,
                          treatments[i + 1] if i + 1 < len(treatments) else None)
            pages.append(render_item(treatment, neighbours, catalog, files))
    return pages


def collect_assets(archive: Archive, meetings: Path) -> list[Asset]:
    """The attachment files to copy into the site."""
    return [Asset(paths.attachment(m, a.file), meetings / m.body.slug / a.file)
            for m in archive.meetings for i in m.items if not i.closed
            for a in i.attachments if a.file]
