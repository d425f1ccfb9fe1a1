// PDF text: see the header for why each step is there.
#include "pdf/pdf_text.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace moussem::pdf {

namespace {

bool isArabic(gunichar c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// Draws one shaped run with its clusters, so that cairo writes each glyph's text (ToUnicode or an
// ActualText span) from the run's own characters.
void showRun(cairo_t* cr, const char* text, PangoGlyphItem* run, double x, double y) {
  PangoGlyphString* glyphs = run->glyphs;
  PangoItem* item = run->item;
  const int n = glyphs->num_glyphs;
  cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font)));
  // Clusters in visual (glyph) order: consecutive glyphs with the same log_cluster are one cluster,
  // whose text runs to the next cluster start in logical order. Empty glyphs (zero-width characters)
  // are not drawn; their cluster keeps its text with no glyph.
  std::vector<cairo_glyph_t> out;
  std::vector<cairo_text_cluster_t> clusters;
  std::vector<int> starts;
  int advance = 0;
  for (int i = 0; i < n;) {
    const int start = glyphs->log_clusters[i];
    int end = item->length;
    for (int k = 0; k < n; ++k)
      if (glyphs->log_clusters[k] > start && glyphs->log_clusters[k] < end) end = glyphs->log_clusters[k];
    int drawn = 0;
    for (; i < n && glyphs->log_clusters[i] == start; ++i) {
      const PangoGlyphInfo& g = glyphs->glyphs[i];
      if (g.glyph != PANGO_GLYPH_EMPTY) {
        out.push_back({(g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : g.glyph,
                       x + static_cast<double>(advance + g.geometry.x_offset) / PANGO_SCALE,
                       y + static_cast<double>(g.geometry.y_offset) / PANGO_SCALE});
        ++drawn;
      }
      advance += g.geometry.width;
    }
    clusters.push_back({end - start, drawn});
    starts.push_back(start);
  }
  if (out.empty()) return;
  // The ellipsis Pango puts in place of cut text stands for no character of the text: glyphs only.
  int covered = 0;
  for (const auto& c : clusters) covered += c.num_bytes;
  if ((item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) || covered != item->length) {
    cairo_show_glyphs(cr, out.data(), static_cast<int>(out.size()));
    return;
  }
  const bool rtl = item->analysis.level % 2 == 1;
  std::string utf8(text + item->offset, static_cast<std::size_t>(item->length));
  if (rtl) {
    // cairo takes clusters in text order with CAIRO_TEXT_CLUSTER_FLAG_BACKWARD (glyphs from the end).
    std::reverse(clusters.begin(), clusters.end());
    std::reverse(starts.begin(), starts.end());
    for (std::size_t c = 0; c < clusters.size(); ++c) {
      char* begin = utf8.data() + starts[c];
      const auto bytes = static_cast<gssize>(clusters[c].num_bytes);
      if (clusters[c].num_glyphs == 1 && g_utf8_strlen(begin, bytes) > 1) {
        gchar* visual = g_utf8_strreverse(begin, bytes);
        std::copy(visual, visual + bytes, begin);
        g_free(visual);
      }
    }
  }
  cairo_show_text_glyphs(cr, utf8.data(), static_cast<int>(utf8.size()), out.data(), static_cast<int>(out.size()),
                         clusters.data(), static_cast<int>(clusters.size()),
                         rtl ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0));
}

}  // namespace

PangoLayout* createLayout(cairo_t* cr) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoContext* context = pango_layout_get_context(layout);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_layout_context_changed(layout);
  return layout;
}

void setText(PangoLayout* layout, std::string_view text) {
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  PangoAttrList* attrs = pango_attr_list_new();
  // Each stretch from an Arabic letter to the last Arabic letter after it with only spaces, digits or
  // punctuation between: one attribute, so that an Arabic name is one run in one font.
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* runStart = nullptr;
  const char* runEnd = nullptr;
  auto flush = [&] {
    if (!runStart) return;
    PangoAttribute* a = pango_attr_family_new("Noto Sans Arabic");
    a->start_index = static_cast<guint>(runStart - begin);
    a->end_index = static_cast<guint>(runEnd - begin);
    pango_attr_list_insert(attrs, a);
    runStart = nullptr;
  };
  for (const char* p = begin; p < end;) {
    const gunichar c = g_utf8_get_char_validated(p, end - p);
    const char* next = (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) ? p + 1 : g_utf8_next_char(p);
    if (c != static_cast<gunichar>(-1) && c != static_cast<gunichar>(-2) && isArabic(c)) {
      if (!runStart) runStart = p;
      runEnd = next;
    } else if (runStart && g_unichar_isalpha(c)) {
      flush();  // a Latin letter ends the Arabic stretch
    }
    p = next > end ? end : next;
  }
  flush();
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
}

void showLayout(cairo_t* cr, PangoLayout* layout) {
  double x0 = 0, y0 = 0;
  cairo_get_current_point(cr, &x0, &y0);
  const char* text = pango_layout_get_text(layout);
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
    if (!run) continue;
    PangoRectangle logical;
    pango_layout_iter_get_run_extents(it, nullptr, &logical);
    const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
    showRun(cr, text, run, x0 + static_cast<double>(logical.x) / PANGO_SCALE, y0 + baseline);
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  cairo_move_to(cr, x0, y0);
}

}  // namespace moussem::pdf
