"""An update keeps what an editor changed by hand, unless the unit itself changed in the new file."""

from tests.translate.filling import fill_xliff
from tests.translate.library import SLUG, run

TRANSLATED = f"{SLUG}-cy"
FILE = f"translations/{SLUG}.cy.xlf"


def test_a_hand_edit_survives_an_update_of_other_units(translated):
    daily = translated / "src" / TRANSLATED / "daily.md"
    daily.write_text(daily.read_text().replace("Diureticswch", "Tabledi dŵr"))
    fill_xliff(translated / FILE, change=lambda t: t.replace("wch", "wch").replace("Slow", "Arafu"),
               only={"daily.td4"})
    code, out = run("translate", "import", FILE, "--sources", "src")
    assert code == 0, out
    text = daily.read_text()
    assert "Tabledi dŵr" in text and "Arafu the heart" in text
    # the export carries the editor's words as the translation
    run("translate", "export", SLUG, "--to", "cy", "--sources", "src")
    assert "Tabledi dŵr" in (translated / FILE).read_text()


def test_a_changed_unit_replaces_the_hand_edit(translated):
    daily = translated / "src" / TRANSLATED / "daily.md"
    daily.write_text(daily.read_text().replace("Diureticswch", "Tabledi dŵr"))
    fill_xliff(translated / FILE, change=lambda t: "Diwretigion", only={"daily.td1"})
    assert run("translate", "import", FILE, "--sources", "src")[0] == 0
    assert "Diwretigion" in daily.read_text() and "Tabledi dŵr" not in daily.read_text()


def test_a_hand_edited_title_in_booklet_yml_is_kept(translated):
    manifest = translated / "src" / TRANSLATED / "booklet.yml"
    manifest.write_text(manifest.read_text().replace("title: Livingwch withwch heartwch failurewch",
                                                     "title: Byw gyda methiant y galon  # edited"))
    assert run("translate", "import", FILE, "--sources", "src")[0] == 0
    assert "title: Byw gyda methiant y galon  # edited" in manifest.read_text()
