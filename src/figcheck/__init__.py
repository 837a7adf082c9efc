"""figcheck: pull numeric claims out of news reports and flag the figures that cannot all be true."""

__version__ = "0.1.0"
