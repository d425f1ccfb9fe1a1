// Choosing a file to open inside the app (an import, a venue plan): a dialog drawn with ImGui, so it
// works the same on every station, in kiosk mode, offline and under Xvfb, in the three languages.
// FileBrowserModel is the dialog's data with no ImGui (tested without a window): a folder's sub-folders
// and the files of the wanted kinds, places to start from (home, the data folder, removable media),
// going in and up, a path typed or pasted. FileBrowser draws it as a modal popup; the path field of
// the screen stays, and gets the chosen file.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace moussem::ui {

struct FileEntry {
  std::string name;
  bool folder = false;
  std::uintmax_t size = 0;  // bytes, files only
};

class FileBrowserModel {
 public:
  // extensions: lower-case, with the dot (".csv", ".xlsx"); empty: every file.
  explicit FileBrowserModel(std::vector<std::string> extensions = {});

  // Starts in a folder, or in a file's folder with that file selected; a path that does not exist
  // starts in the nearest folder above it that does, else home.
  void open(const std::filesystem::path& start);
  const std::filesystem::path& folder() const { return folder_; }
  // Sub-folders first, then the wanted files, each by name without regard to case; hidden ones
  // (".name") only when show_hidden.
  const std::vector<FileEntry>& entries() const { return entries_; }
  bool show_hidden = false;
  void reload();
  // An entry of entries(): a folder is entered, a file is selected. False if it is not there.
  bool activate(const std::string& name);
  void up();  // to the parent folder
  const std::string& selected() const { return selected_; }
  // The selected file's full path, if a file is selected.
  std::optional<std::filesystem::path> chosen() const;
  // What was typed in the name field: a folder (relative or absolute) is entered, an existing file is
  // chosen (returned); anything else sets error().
  std::optional<std::filesystem::path> typed(const std::string& text);
  // Where to start from: home, the app's data folder, removable media (/media/USER/..., /mnt/...).
  std::vector<std::filesystem::path> places() const;
  // The folder could not be read (permissions): why, in the user's language; empty otherwise.
  const std::string& error() const { return error_; }

 private:
  bool wanted(const std::filesystem::path& file) const;
  std::vector<std::string> extensions_;
  std::filesystem::path folder_;
  std::vector<FileEntry> entries_;
  std::string selected_, error_;
};

// The dialog: call open() on the model, then request(); draw() every frame. Returns the chosen path
// once (the frame the operator opens a file), else nullopt.
class FileBrowser {
 public:
  explicit FileBrowser(std::vector<std::string> extensions = {}) : model_(std::move(extensions)) {}
  // Opens the dialog at the next draw(), starting from start (a file, a folder, or empty: home).
  void request(const std::filesystem::path& start);
  std::optional<std::filesystem::path> draw(const char* title_key);
  bool isOpen() const { return open_; }
  FileBrowserModel& model() { return model_; }

 private:
  FileBrowserModel model_;
  bool requested_ = false, open_ = false;
  std::string name_;  // the name field
  int highlighted_ = -1;
};

}  // namespace moussem::ui
