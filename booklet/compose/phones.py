"""Turn phone numbers as editors write them into tel: links in E.164 form."""

from __future__ import annotations

import phonenumbers


def tel_uri(number: str, region: str | None) -> str | None:
    """`1800 200 700` in IE becomes `tel:+3531800200700`; None when it cannot be read."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
