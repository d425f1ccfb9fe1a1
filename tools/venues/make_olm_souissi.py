#!/usr/bin/env python3
"""Writes assets/venues/olm-souissi.json: an invented but plausible plan of the OLM Souissi exhibition
space in Rabat (four halls, rows of booths back to back, a main cross aisle, islands and peninsulas),
marked as an example. Run it again after changing the layout below; the output is deterministic."""
import json, os

ROW_AISLE, SIDE, END, MAIN = 4.0, 3.0, 4.0, 5.0


def hall(code, name, name_ar, x, y, sectors, blocks, depth, widths, islands=0, peninsulas=False, outline_cut=None,
         blocked=()):
    """blocks: number of double rows; widths: booth widths along a half row (left to right)."""
    half = sum(widths)
    pen = 4.0 if peninsulas else 0.0
    w = SIDE * 2 + MAIN + 2 * (half + pen)
    island_band = (6.0 + ROW_AISLE) if islands else 0.0
    h = END * 2 + blocks * 2 * depth + (blocks - 1) * ROW_AISLE + island_band
    booths, aisles, number = [], [], 0

    def add(bx, by, bw, bd, typ, power):
        nonlocal number
        number += 1
        b = {"code": f"{code}-{number:02d}", "x": round(x + bx, 3), "y": round(y + by, 3), "width": bw, "depth": bd,
             "type": typ}
        if power:
            b["power"] = True
        if b["code"] in blocked:
            b["status"] = "blocked"
        booths.append(b)

    cy = END
    for blk in range(blocks):
        for side in range(2):
            for half_index in range(2):
                bx = SIDE + pen + half_index * (half + MAIN)
                for k, bw in enumerate(widths):
                    corner = k == 0 or k == len(widths) - 1
                    # Peninsulas take the outer end of each double row; the booth next to them is no corner.
                    if peninsulas and ((half_index == 0 and k == 0) or (half_index == 1 and k == len(widths) - 1)):
                        corner = False
                    add(bx, cy + side * depth, bw, depth, "corner" if corner else "inline", corner or (number % 3 != 2))
                    bx += bw
        if peninsulas:
            add(SIDE, cy, pen, 2 * depth, "peninsula", True)
            add(w - SIDE - pen, cy, pen, 2 * depth, "peninsula", True)
        cy += 2 * depth
        if blk < blocks - 1 or islands:
            aisles.append({"code": f"{code}-R{blk + 1}", "x": x + SIDE, "y": y + cy, "width": w - 2 * SIDE,
                           "height": ROW_AISLE})
            cy += ROW_AISLE
        if blk == 0 and islands:
            for i in range(islands):
                centre = (SIDE + pen + half / 2) if i % 2 == 0 else (w - SIDE - pen - half / 2)
                add(centre - 3.0, cy, 6.0, 6.0, "island", True)
            cy += 6.0
            aisles.append({"code": f"{code}-R{blk + 1}b", "x": x + SIDE, "y": y + cy, "width": w - 2 * SIDE,
                           "height": ROW_AISLE})
            cy += ROW_AISLE
    # The main aisle crosses the hall from the main entrance to the exit, between the two halves.
    main_x = SIDE + pen + half
    aisles.append({"code": f"{code}-M", "x": x + main_x, "y": y + END, "width": MAIN, "height": h - 2 * END,
                   "main": True, "label": {"fr": "Allée centrale", "ar": "الممر الرئيسي", "en": "Main aisle"}})
    entrances = [{"code": f"{code}-E1", "x": x + main_x, "y": y - 0.5, "width": MAIN, "height": 1.0,
                  "label": {"fr": "Entrée principale", "ar": "المدخل الرئيسي", "en": "Main entrance"}},
                 {"code": f"{code}-E2", "x": x + main_x, "y": y + h - 0.5, "width": MAIN, "height": 1.0,
                  "label": {"fr": "Sortie", "ar": "المخرج", "en": "Exit"}}]
    out = {"code": code, "name": name, "name_ar": name_ar, "zone": "exhibition", "sectors": sectors}
    if outline_cut:
        cw, ch = outline_cut  # a notch cut off the top-right corner (offices, technical room)
        out["outline"] = [[x, y], [x + w - cw, y], [x + w - cw, y + ch], [x + w, y + ch], [x + w, y + h], [x, y + h]]
        entrances[0]["x"] = x + main_x - 8
    else:
        out.update({"x": x, "y": y, "width": w, "height": h})
    out.update({"aisles": aisles, "entrances": entrances, "booths": booths})
    return out, w, h


halls = []
a, wa, ha = hall("A", "Hall A — Tapis, textile et bijoux", "القاعة أ — الزرابي والنسيج والحلي", 0, 0,
                 ["carpet", "textile", "jewelry"], 2, 3.0, [6, 3, 3, 3, 4, 6], islands=2, blocked=("A-01",))
halls.append(a)
b, wb, hb = hall("B", "Hall B — Poterie, bois, métal et cuir", "القاعة ب — الفخار والخشب والنحاس والجلد", wa + 12, 0,
                 ["pottery", "wood", "metal", "leather"], 3, 3.0, [4, 3, 3, 4, 6, 6], peninsulas=True)
halls.append(b)
c, wc, hc = hall("C", "Hall C — Produits du terroir et économie sociale", "القاعة ج — المنتجات المحلية والاقتصاد الاجتماعي",
                 0, max(ha, hb) + 12, ["terroir"], 2, 3.0, [3, 3, 3, 4, 6], outline_cut=(10, 4))
# the notch must not cut booths: the first double row starts at END (4 m), the notch is 4 m deep.
halls.append(c)
d, wd, hd = hall("D", "Pavillon D — Zellige, plâtre et vannerie", "الرواق د — الزليج والجبس والسلالة", wc + 12,
                 max(ha, hb) + 12, ["zellige", "basketry"], 1, 3.0, [3, 3, 4, 6], blocked=("D-16",))
halls.append(d)

venue = {
    "format": "moussem-venue", "version": 1,
    "name": "Espace d'exposition OLM Souissi, Rabat (plan d'exemple)",
    "example": True,
    "note": "Plan inventé mais plausible, fourni comme exemple : ce n'est pas le plan officiel du lieu. "
            "Invented but plausible example plan; not the venue's official plan.",
    "halls": halls,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "venues", "olm-souissi.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(venue, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(sum(len(h["booths"]) for h in halls), "booths")
