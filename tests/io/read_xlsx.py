#!/usr/bin/python3
"""Reads workbooks back with openpyxl (Debian's python3-openpyxl: a reader nobody here wrote, not
libxlsxwriter) and prints, as JSON, what a spreadsheet user meets in each sheet: the header row, the
cell types of every column (text, number, date), the number formats of the date cells, whether the
sheet is right to left, the frozen panes, the autofilter range and the columns given a width."""
import datetime
import json
import sys

import openpyxl


def kind(value):
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return "date"
    if isinstance(value, (int, float)):
        return "number"
    return "text"


books = {}
for path in sys.argv[1:]:
    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        rows = list(ws.iter_rows())
        header = [c.value for c in rows[0]] if rows else []
        types, formats = {}, {}
        for row in rows[1:]:
            for i, c in enumerate(row):
                if c.value is None or i >= len(header):
                    continue
                name = str(header[i])
                types.setdefault(name, set()).add(kind(c.value))
                if kind(c.value) == "date":
                    formats.setdefault(name, set()).add(c.number_format)
        sheets.append({
            "name": ws.title,
            "header": header,
            "rows": max(0, len(rows) - 1),
            "types": {k: sorted(v) for k, v in types.items()},
            "date_formats": {k: sorted(v) for k, v in formats.items()},
            "rtl": bool(ws.sheet_view.rightToLeft),
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "sized_columns": sum(1 for d in ws.column_dimensions.values() if d.width and d.customWidth),
        })
    books[path] = sheets
json.dump(books, sys.stdout, ensure_ascii=False)
