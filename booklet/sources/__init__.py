"""Read a booklet's sources (organisation, manifest, sections, snippets) into frozen objects."""
