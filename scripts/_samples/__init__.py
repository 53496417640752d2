"""Helper modules for ``scripts/make_samples.py`` (dev-only sample and ground-truth generator)."""
