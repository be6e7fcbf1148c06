"""`translation_of:` names another booklet of the same root: anything else is an error at its line."""

import pytest

from booklet.sources.reader import read_sources
from tests.translate.library import SLUG


@pytest.mark.parametrize("value, said", [("heart-failure-cy", "names this booklet itself"),
                                         ("no-such-booklet", "there is no booklet 'no-such-booklet'"),
                                         ("../elsewhere", "there is no booklet")])
def test_a_wrong_translation_of_is_an_error_at_its_line(translated, value, said):
    folder = translated / "src" / f"{SLUG}-cy"
    manifest = folder / "booklet.yml"
    lines = manifest.read_text().replace("translation_of: heart-failure", f"translation_of: {value}").split("\n")
    manifest.write_text("\n".join(lines))
    problems = [p for p in read_sources(translated / "src", [folder], variants=()).all_problems() if said in p.message]
    assert len(problems) == 1
    assert problems[0].line == next(n for n, line in enumerate(lines, 1) if line.startswith("translation_of:"))


def test_the_manifest_knows_what_it_translates(translated):
    folder = translated / "src" / f"{SLUG}-cy"
    reading = read_sources(translated / "src", [folder], variants=())
    assert reading.booklets[0].manifest.translation_of == SLUG
