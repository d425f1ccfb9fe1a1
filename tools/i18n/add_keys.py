#!/usr/bin/env python3
"""Adds or updates keys in the string catalogs (assets/i18n/{fr,ar,en}.json), keeping them sorted.

Usage: add_keys.py FILE.json   where FILE.json maps key -> {"fr": ..., "ar": ..., "en": ...}
"""
import json, os, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "i18n")
entries = json.load(open(sys.argv[1], encoding="utf-8"))
for lang in ("fr", "ar", "en"):
    path = os.path.join(root, lang + ".json")
    catalog = json.load(open(path, encoding="utf-8"))
    for key, texts in entries.items():
        if lang not in texts:
            sys.exit(f"{key}: missing {lang}")
        catalog[key] = texts[lang]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(catalog, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
