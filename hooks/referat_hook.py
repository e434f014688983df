"""MkDocs hook: forwards build events to the referat engine's adapter. Holds no state."""

from referat import mkdocs_adapter


def on_pre_build(config):
    mkdocs_adapter.on_pre_build(config)


def on_files(files, config):
    return mkdocs_adapter.on_files(files, config)


def on_serve(server, config, builder):
    return mkdocs_adapter.on_serve(server, config)


def on_page_content(html, page, config, files):
    return mkdocs_adapter.on_page_content(html, page)  # MkDocs passes `html` by name


def on_post_build(config):
    mkdocs_adapter.on_post_build(config)
