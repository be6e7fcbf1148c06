"""The corpus written once per test session, and its booklets built on first use."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.build import BuildRequest, build
from tests.corpus.generate import CONSTRUCTS, MIXED, Construct, write_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, tuple[Construct, ...]]]:
    root = tmp_path_factory.mktemp("corpus") / "sources"
    return root, write_corpus(root)


@pytest.fixture(scope="session")
def corpus_outputs(corpus, tmp_path_factory):
    """Build on first use: the mixed booklet alone, or every single construct at once (in parallel)."""
    root, _ = corpus
    built: dict[str, Path] = {}

    def output_for(slug: str) -> Path:
        if slug not in built:
            output = tmp_path_factory.mktemp("corpus-output")
            slugs = [MIXED] if slug == MIXED else [c.name for c in CONSTRUCTS]
            build(BuildRequest(root=root, output=output, folders=tuple(root / s for s in slugs), jobs=2))
            built.update({s: output for s in slugs})
        return built[slug]
    return output_for

