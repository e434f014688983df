"""MkDocs hook: forwards build events to the referat engine's adapter. Holds no state."""

from referat import adapter


def on_startup(command, dirty):
    adapter.on_startup(command)


def on_pre_build(config):
    adapter.on_pre_build(config)


def on_files(files, config):
    return adapter.on_files(files, config)


def on_nav(nav, config, files):
    return adapter.on_nav(nav, config)


def on_env(env, config, files):
    return adapter.on_env(env, config, files)


def on_serve(server, config, builder):
    return adapter.on_serve(server, config)


def on_page_content(html, page, config, files):
    return adapter.on_page_content(html, page)  # MkDocs passes `html` by name


def on_post_build(config):
    adapter.on_post_build(config)
