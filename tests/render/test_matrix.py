"""PDF transformation matrices compose in the order PDF's `cm` gives them."""

from booklet.render.matrix import IDENTITY, close, inverse, multiply, upright


def test_matrices_compose_as_pdf_cm_does():
    flip = (1, 0, 0, -1, 0, 100)
    scale = (0.75, 0, 0, 0.75, 0, 0)
    a, _, _, d, e, f = both = multiply(scale, flip)            # `cm` of the scale after the flip
    assert (a, d, e, f) == (0.75, -0.75, 0, 100)
    assert upright(both) and not upright((0, 1, -1, 0, 0, 0))
    assert close(multiply(both, inverse(both)), IDENTITY)
