"""Parse each page's content stream once for all the repair passes, and write back only the pages they changed.

pikepdf's parser is the costliest step of the repairs: reading the text back, turning content
into Artifacts and reordering the painting each used to parse every page again. Here each page
is parsed once, on first use; the passes read (and edit) the same instruction list, with each
operator's name kept as a plain string beside it, and `write_back` unparses each changed page once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

# A number written "0." or ".5" (WeasyPrint writes a tiny one as "0.") comes out of an edited
# instruction as "0" or "0.5": pikepdf reads it as a Decimal and writes that back in its own form.
# In unparsed content, tokens are parted by a space, a newline or a bracket, so a dot beside one
# finds such numbers; a false alarm (a dot in a literal string) costs only time.
UNUSUAL_NUMBER = (b". ", b".\n", b".]", b" .", b"[.")
MCID = pikepdf.Name.MCID


def mcid_of(operator: str, operands) -> int | None:
    """The MCID a BDC's property list gives; None for a BMC, or a BDC without one."""
    if operator == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and MCID in operands[1]:
        return int(operands[1][MCID])
    return None


@dataclass
class PageInstructions:
    """One page's instructions, in drawing order, and their operator names (as `str`)."""

    instructions: list[pikepdf.ContentStreamInstruction]
    operators: list[str]
    changed: bool = False
    edited: bool = False        # an instruction was replaced, not only moved

    def replace(self, position: int, instruction: pikepdf.ContentStreamInstruction) -> None:
        self.instructions[position] = instruction
        self.operators[position] = str(instruction.operator)
        self.changed = self.edited = True

    def reorder(self, instructions: list[pikepdf.ContentStreamInstruction]) -> None:
        self.instructions = instructions
        self.operators = [str(instruction.operator) for instruction in instructions]
        self.changed = True


@dataclass
class ParsedPages:
    """The parsed content of a document's pages (each parsed the first time a pass asks for it)."""

    pdf: pikepdf.Pdf
    _pages: dict[int, PageInstructions] = field(default_factory=dict)

    def page(self, index: int) -> PageInstructions:
        if index not in self._pages:
            self._pages[index] = parse(self.pdf.pages[index].obj)
        return self._pages[index]

    def write_back(self) -> None:
        """Give each changed page one new content stream (a page's several streams become one)."""
        for index, parsed in sorted(self._pages.items()):
            if not parsed.changed:
                continue
            data = pikepdf.unparse_content_stream(parsed.instructions)
            if parsed.edited and any(pattern in data for pattern in UNUSUAL_NUMBER):
                # Each instruction of an edited page in pikepdf's own form, as the artifact pass has
                # always written them (it rebuilt them all): the same sources give the same bytes.
                data = pikepdf.unparse_content_stream([_rebuilt(i) for i in parsed.instructions])
            self.pdf.pages[index].obj.Contents = self.pdf.make_stream(data)
            parsed.changed = parsed.edited = False


def _rebuilt(instruction):
    if isinstance(instruction, pikepdf.ContentStreamInlineImage):
        return instruction          # an inline image is written as it came (it cannot be rebuilt)
    return pikepdf.ContentStreamInstruction(instruction.operands, instruction.operator)


def parse(stream: pikepdf.Object) -> PageInstructions:
    """Parse a page (all its content streams, in order) or a Form XObject."""
    instructions = pikepdf.parse_content_stream(stream)
    return PageInstructions(instructions, [str(instruction.operator) for instruction in instructions])

