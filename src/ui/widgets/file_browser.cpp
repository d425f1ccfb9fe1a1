#include "ui/widgets/file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>

#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/record_fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace fs = std::filesystem;

namespace {

fs::path home() {
  const char* h = std::getenv("HOME");
  return h && *h ? fs::path(h) : fs::current_path();
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string sizeText(std::uintmax_t bytes) {
  char buf[32];
  if (bytes < 1024)
    std::snprintf(buf, sizeof buf, "%ju B", bytes);
  else if (bytes < 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
  else
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  return buf;
}

}  // namespace

FileBrowserModel::FileBrowserModel(std::vector<std::string> extensions) : extensions_(std::move(extensions)) {}

bool FileBrowserModel::wanted(const fs::path& file) const {
  if (extensions_.empty()) return true;
  const std::string ext = lower(file.extension().string());
  return std::find(extensions_.begin(), extensions_.end(), ext) != extensions_.end();
}

void FileBrowserModel::open(const fs::path& start) {
  std::error_code ec;
  selected_.clear();
  fs::path p = start.empty() ? home() : fs::absolute(start, ec);
  if (fs::is_regular_file(p, ec)) {
    selected_ = p.filename().string();
    p = p.parent_path();
  }
  while (!p.empty() && !fs::is_directory(p, ec) && p != p.parent_path()) p = p.parent_path();
  folder_ = fs::is_directory(p, ec) ? p : home();
  reload();
}

void FileBrowserModel::reload() {
  entries_.clear();
  error_.clear();
  std::error_code ec;
  fs::directory_iterator it(folder_, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error_ = tr("files.error.folder", {paths::forDisplay(folder_), ec.message()});
    return;
  }
  for (const fs::directory_entry& e : it) {
    const std::string name = e.path().filename().string();
    if (!show_hidden && !name.empty() && name[0] == '.') continue;
    std::error_code fe;
    if (e.is_directory(fe)) {
      entries_.push_back({name, true, 0});
    } else if (e.is_regular_file(fe) && wanted(e.path())) {
      entries_.push_back({name, false, e.file_size(fe)});
    }
  }
  std::sort(entries_.begin(), entries_.end(), [](const FileEntry& a, const FileEntry& b) {
    if (a.folder != b.folder) return a.folder;
    return lower(a.name) < lower(b.name);
  });
  if (std::none_of(entries_.begin(), entries_.end(),
                   [&](const FileEntry& e) { return !e.folder && e.name == selected_; }))
    selected_.clear();
}

bool FileBrowserModel::activate(const std::string& name) {
  for (const FileEntry& e : entries_) {
    if (e.name != name) continue;
    if (e.folder) {
      folder_ /= name;
      selected_.clear();
      reload();
    } else {
      selected_ = name;
    }
    return true;
  }
  return false;
}

void FileBrowserModel::up() {
  if (folder_ == folder_.root_path()) return;
  folder_ = folder_.parent_path();
  selected_.clear();
  reload();
}

std::optional<fs::path> FileBrowserModel::chosen() const {
  if (selected_.empty()) return std::nullopt;
  return folder_ / selected_;
}

std::optional<fs::path> FileBrowserModel::typed(const std::string& text) {
  error_.clear();
  if (text.empty()) return chosen();
  std::error_code ec;
  fs::path p = fs::path(text);
  if (p.string().rfind("~/", 0) == 0) p = home() / p.string().substr(2);
  if (p.is_relative()) p = folder_ / p;
  p = p.lexically_normal();
  if (fs::is_directory(p, ec)) {
    folder_ = p;
    selected_.clear();
    reload();
    return std::nullopt;
  }
  if (fs::is_regular_file(p, ec)) return p;
  error_ = tr("files.error.missing", {paths::forDisplay(p)});
  return std::nullopt;
}

std::vector<fs::path> FileBrowserModel::places() const {
  std::vector<fs::path> out{home()};
  std::error_code ec;
  for (const char* sub : {"Documents", "Downloads", "Téléchargements", "Bureau", "Desktop"})
    if (fs::is_directory(home() / sub, ec)) out.push_back(home() / sub);
  if (fs::is_directory(paths::dataDir(), ec)) out.push_back(paths::dataDir());
  // USB keys and other removable media, where organisers bring their spreadsheets.
  const char* user = std::getenv("USER");
  for (const fs::path& base :
       {fs::path("/media") / (user ? user : ""), fs::path("/run/media") / (user ? user : ""), fs::path("/mnt")}) {
    if (!fs::is_directory(base, ec)) continue;
    for (const auto& e : fs::directory_iterator(base, fs::directory_options::skip_permission_denied, ec))
      if (e.is_directory(ec)) out.push_back(e.path());
  }
  return out;
}

// --- the dialog ----------------------------------------------------------------------------------

void FileBrowser::request(const fs::path& start) {
  model_.open(start);
  name_ = model_.selected();
  highlighted_ = -1;
  requested_ = true;
}

std::optional<fs::path> FileBrowser::draw(const char* title_key) {
  const std::string id = display(tr(title_key)) + "###file-browser";
  if (requested_) {
    ImGui::OpenPopup("###file-browser");
    requested_ = false;
    open_ = true;
  }
  std::optional<fs::path> result;
  const ImVec2 size(ImGui::GetFontSize() * 44, ImGui::GetFontSize() * 28);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    open_ = false;
    return std::nullopt;
  }
  FileBrowserModel& m = model_;
  // The folder, with Up.
  if (ImGui::Button(L("files.up"))) {
    m.up();
    highlighted_ = -1;
  }
  ImGui::SameLine();
  Text(paths::forDisplay(m.folder()));
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.4f;
  const float placesW = ImGui::GetFontSize() * 11;
  // Places on the reading side, the folder's entries beside them.
  ImGui::BeginChild("places", ImVec2(placesW, -footer), true);
  for (const fs::path& p : m.places()) {
    const std::string label = p == fs::path(std::getenv("HOME") ? std::getenv("HOME") : "") ? tr("files.home")
                              : p == paths::dataDir()                                       ? tr("files.data")
                                                                                            : p.filename().string();
    if (ImGui::Selectable((display(label) + "##" + p.string()).c_str(), m.folder() == p)) {
      m.open(p);
      highlighted_ = -1;
    }
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("entries", ImVec2(0, -footer), true);
  if (!m.error().empty()) ErrorText(m.error());
  const auto& entries = m.entries();
  if (entries.empty() && m.error().empty()) NoteText(tr("files.empty"));
  // Keys: Up/Down move, Enter enters a folder or opens the file, Backspace goes up.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive()) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
      highlighted_ = std::min(highlighted_ + 1, static_cast<int>(entries.size()) - 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) highlighted_ = std::max(highlighted_ - 1, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) {
      m.up();
      highlighted_ = -1;
    }
  }
  std::string go;  // an entry activated this frame (entries() may change under it)
  bool open = false;
  for (int i = 0; i < static_cast<int>(entries.size()); ++i) {
    const FileEntry& e = entries[static_cast<std::size_t>(i)];
    const std::string label = (e.folder ? "[" + e.name + "]" : e.name) + "##" + std::to_string(i);
    const bool lit = i == highlighted_ || (!e.folder && e.name == m.selected());
    if (ImGui::Selectable(display(label).c_str(), lit, ImGuiSelectableFlags_AllowDoubleClick)) {
      highlighted_ = i;
      go = e.name;
      open = ImGui::IsMouseDoubleClicked(0) || e.folder;
    }
    if (!e.folder) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFontSize() * 5);
      NoteText(sizeText(e.size));
    }
  }
  if (highlighted_ >= 0 && highlighted_ < static_cast<int>(entries.size()) &&
      ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsAnyItemActive() &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
    go = entries[static_cast<std::size_t>(highlighted_)].name;
    open = true;
  }
  ImGui::EndChild();
  if (!go.empty()) {
    const bool folder =
        std::any_of(entries.begin(), entries.end(), [&](const FileEntry& e) { return e.name == go && e.folder; });
    m.activate(go);
    if (folder) {
      highlighted_ = -1;
      name_.clear();
    } else {
      name_ = go;
      if (open) result = m.chosen();
    }
  }
  // The name field: a file name, a folder or a whole path typed or pasted. It has the keyboard when
  // the dialog opens: Enter opens the file selected, or what was typed.
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 14);
  const bool enter =
      ImGui::InputTextWithHint("##file-name", L("files.name_hint"), &name_, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const bool openPressed = ImGui::Button(L("files.open"));
  ImGui::SameLine();
  const bool cancel =
      ImGui::Button(L("desk.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if ((enter || openPressed) && !result) {
    result = m.typed(name_);
    if (!result && m.error().empty()) name_.clear();  // a folder was entered
  }
  if (result || cancel) {
    ImGui::CloseCurrentPopup();
    open_ = false;
  }
  ImGui::EndPopup();
  return result;
}

}  // namespace moussem::ui
