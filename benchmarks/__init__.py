"""Benchmarks for issue 5: generated booklets of about 12, 48, 200 and 500 pages, timed stage by stage.

Run by hand (see benchmarks/README.md); nothing here is part of the pytest suite.
"""
