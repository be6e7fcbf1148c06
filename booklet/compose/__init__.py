"""Compose a read booklet into one HTML document per variant."""
