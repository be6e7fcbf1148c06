"""Name the PDF/UA-1 finishing steps in one place: tag repairs, the DRAFT mark, and reading text back.

The work is done in booklet.render.tagging (repairs), booklet.render.stamp and booklet.render.pdftext;
this module keeps the names callers and tests have always imported.
"""

from booklet.render.pdftext import (Mark, artifact_text, marked_content, mcid_text,  # noqa: F401
                                    untagged_text_outside_artifacts)
from booklet.render.stamp import stamp_artifact_overlay  # noqa: F401
from booklet.render.tagging.repair import make_accessible  # noqa: F401
