// Tables behind text_fold.cpp, generated from Unicode data by tools/textfold/gen_tables.py. Sorted by
// code point, so lookups are binary searches.
#pragma once
#include <cstddef>
#include <cstdint>

namespace moussem::text::tables {

struct Mapping {
  std::uint32_t cp;
  const char* utf8;
};

extern const Mapping kPresentationForms[];  // Arabic presentation forms A and B -> NFKC (base letters)
extern const std::size_t kPresentationFormsCount;
extern const Mapping kLatinFold[];          // U+00C0..U+024F -> base letters, lower case ("é" -> "e")
extern const std::size_t kLatinFoldCount;

}  // namespace moussem::text::tables
