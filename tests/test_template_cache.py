"""The theme's compiled templates are kept in the cache between builds: read back, not compiled
again, unless the template's source or the environment that compiles it differs."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from referat.adapter.keys import template_cache


def environment(cache: Path, source: str, *extensions: str) -> tuple[jinja2.Environment, list[str]]:
    """An environment with one template and the template cache in `cache`, and the list of the
    templates it compiles."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": source}), extensions=extensions)
    env.bytecode_cache = template_cache(cache, env)
    compiled: list[str] = []
    compile_source = env.compile

    def compiling(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        compiled.append(name or "")
        return compile_source(source, name, *args, **kwargs)  # type: ignore[call-overload]
    env.compile = compiling  # type: ignore[method-assign,assignment]
    return env, compiled


def test_a_second_build_reads_the_compiled_template(tmp_path: Path) -> None:
    first, compiled = environment(tmp_path, "<p>{{ _('Møde') }} {{ x }}</p>", "jinja2.ext.i18n")
    first.install_null_translations()  # type: ignore[attr-defined]
    assert first.get_template("main.html").render(x=1) == "<p>Møde 1</p>" and compiled == ["main.html"]
    second, compiled = environment(tmp_path, "<p>{{ _('Møde') }} {{ x }}</p>", "jinja2.ext.i18n")
    second.install_null_translations()  # type: ignore[attr-defined]
    assert second.get_template("main.html").render(x=2) == "<p>Møde 2</p>"
    assert compiled == [], "the template was compiled again"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    environment(tmp_path, "<p>{{ x }}</p>")[0].get_template("main.html")
    edited, compiled = environment(tmp_path, "<div>{{ x }}</div>")
    assert edited.get_template("main.html").render(x=3) == "<div>3</div>" and compiled == ["main.html"]


@pytest.mark.parametrize("extensions", [(), ("jinja2.ext.i18n",), ("jinja2.ext.loopcontrols",)])
def test_another_environment_keeps_its_templates_apart(tmp_path: Path,
                                                       extensions: tuple[str, ...]) -> None:
    environment(tmp_path, "<p>{{ x }}</p>", "jinja2.ext.do")[0].get_template("main.html")
    other, compiled = environment(tmp_path, "<p>{{ x }}</p>", *extensions)
    other.get_template("main.html")
    assert compiled == ["main.html"]
    assert len(list((tmp_path / "templates").iterdir())) == 2
