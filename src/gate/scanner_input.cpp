#include "gate/scanner_input.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>

namespace moussem::gate {

namespace {
// US layout: unshifted and shifted characters of the punctuation keys.
struct Punct {
  int key;
  char plain, shifted;
};
constexpr Punct kPunct[] = {
    {keys::Space, ' ', ' '},      {keys::Apostrophe, '\'', '"'},  {keys::Comma, ',', '<'},
    {keys::Minus, '-', '_'},      {keys::Period, '.', '>'},       {keys::Slash, '/', '?'},
    {keys::Semicolon, ';', ':'},  {keys::Equal, '=', '+'},        {keys::LeftBracket, '[', '{'},
    {keys::Backslash, '\\', '|'}, {keys::RightBracket, ']', '}'}, {keys::GraveAccent, '`', '~'},
};
constexpr std::string_view kShiftedDigits = ")!@#$%^&*(";
}  // namespace

char usCharacter(int key, bool shift, bool caps_lock) {
  if (key >= keys::A && key <= keys::Z) {
    bool upper = shift != caps_lock;
    return static_cast<char>(upper ? key : key - keys::A + 'a');
  }
  if (key >= keys::Digit0 && key <= keys::Digit9)
    return shift ? kShiftedDigits[static_cast<std::size_t>(key - keys::Digit0)] : static_cast<char>(key);
  for (const auto& p : kPunct)
    if (p.key == key) return shift ? p.shifted : p.plain;
  return '\0';
}

std::optional<KeyPress> usKeyFor(char c) {
  if (c >= 'A' && c <= 'Z') return KeyPress{c, true, false, 0};
  if (c >= 'a' && c <= 'z') return KeyPress{c - 'a' + keys::A, false, false, 0};
  if (c >= '0' && c <= '9') return KeyPress{c, false, false, 0};
  if (auto pos = kShiftedDigits.find(c); pos != std::string_view::npos)
    return KeyPress{keys::Digit0 + static_cast<int>(pos), true, false, 0};
  for (const auto& p : kPunct) {
    if (p.plain == c) return KeyPress{p.key, false, false, 0};
    if (p.shifted == c) return KeyPress{p.key, true, false, 0};
  }
  return std::nullopt;
}

double monotonicSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void ScannerDecoder::press(const KeyPress& k) {
  caps_lock_ = k.caps_lock;
  if (k.key == keys::LeftShift || k.key == keys::RightShift) return;
  if (!buffer_.empty() && k.time - last_ > endGap()) resolve(false);  // a pause: the run before is over
  if (k.key == keys::Enter || k.key == keys::KeypadEnter || k.key == keys::Tab) {
    if (!buffer_.empty()) resolve(true);
    return;
  }
  char c = usCharacter(k.key, k.shift, k.caps_lock);
  if (c == '\0') {  // Backspace, arrows...: a person
    if (!buffer_.empty()) resolve(false);
    return;
  }
  if (!buffer_.empty() && gaps_.size() < config_.max_length) gaps_.push_back(std::max(0.0, k.time - last_));
  last_ = k.time;
  last_arrival_ = k.arrival < 0 ? k.time : k.arrival;
  if (buffer_.size() < config_.max_length) buffer_ += c;
}

void ScannerDecoder::poll(double now) {
  if (!buffer_.empty() && now - last_arrival_ > endGap()) resolve(false);
}

double ScannerDecoder::endGap() const {
  if (buffer_.size() < config_.min_burst_keys || gaps_.empty()) return config_.end_gap;
  std::vector<double> gaps = gaps_;
  auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
  std::nth_element(gaps.begin(), middle, gaps.end());
  return *middle <= config_.burst_gap ? config_.burst_pause : config_.end_gap;
}

void ScannerDecoder::resolve(bool terminated) {
  (void)terminated;  // a cut-off burst is judged like a terminated one: the pipeline says malformed
  bool fast = false;
  if (!gaps_.empty()) {
    auto middle = gaps_.begin() + static_cast<std::ptrdiff_t>(gaps_.size() / 2);
    std::nth_element(gaps_.begin(), middle, gaps_.end());
    fast = *middle <= config_.burst_gap;
  }
  gaps_.clear();
  if (buffer_.size() >= config_.min_length && fast) {
    for (char& c : buffer_)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    payloads_.push_back(buffer_);
    ++bursts_;
  } else {
    ++human_;
  }
  buffer_.clear();
}

std::vector<std::string> ScannerDecoder::takePayloads() {
  std::vector<std::string> out;
  out.swap(payloads_);
  return out;
}

}  // namespace moussem::gate
