"""The check stage: built-in check kinds (registry.py) run by the rules under rules/ (engine.py)."""
