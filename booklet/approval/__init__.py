"""The clinical sign-off: `booklet approve` records it and archives the approved edition, `booklet proof`
shows a reviewer what changed since, and a check rule keeps an approved booklet from drifting."""
