#!/usr/bin/python3
"""The phone table (phone_numbers.tsv) against python3-phonenumbers, a second implementation of
libphonenumber's rules: every line's expected value must be what that library makes of the number.
Prints each disagreement; exit 1 if there is one."""
import sys

import phonenumbers

bad = 0
with open(sys.argv[1], encoding="utf-8") as table:
    for line in table:
        if line.startswith("#") or not line.strip("\n"):
            continue
        raw, region, expected = line.rstrip("\n").split("\t")
        try:
            # Moussem reads the French word for an extension as libphonenumber's "ext".
            n = phonenumbers.parse(raw.replace("poste", "ext"), region)
            got = "invalid"
            if phonenumbers.is_valid_number(n):
                got = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
                if n.extension:
                    got += ";ext=" + n.extension
        except phonenumbers.NumberParseException:
            got = "invalid"
        if got != expected:
            bad += 1
            print(f"{raw!r} in {region}: table says {expected}, python3-phonenumbers says {got}")
print(f"{bad} disagreement(s)")
sys.exit(1 if bad else 0)
