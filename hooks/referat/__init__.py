"""referat: a council's minutes, one YAML file per meeting, published as a static site."""

__version__ = "0.1.0"
