// CSV and XLSX export of exhibitors and participants, streamed from the store.
#include "io/export.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/formula_guard.hpp"
#include "core/i18n.hpp"
#include "io/csv.hpp"
#include "io/xlsx_table.hpp"

namespace moussem::io {

namespace fs = std::filesystem;

namespace {

std::string number(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

// Calls row(cells) for every record, in id order.
std::size_t forEachRow(Store& store, Entity entity, const std::function<void(const std::vector<std::string>&)>& row) {
  std::size_t n = 0;
  if (entity == Entity::Exhibitors) {
    store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) {
      row({x.external_id, x.name_fr, x.name_ar, x.kind, x.sector, x.region, x.city, x.contact_name, x.phone, x.email,
           x.registration_no, x.program, number(x.booth_area_m2), x.wants_corner ? "yes" : "no",
           x.needs_power ? "yes" : "no", x.products});
      ++n;
    });
    return n;
  }
  // The exhibitor column names the exhibitor the way an import finds it: external_id, else its name.
  std::unordered_map<Id, std::string> exhibitors;
  store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) {
    exhibitors[x.id] = x.external_id.empty() ? x.name_fr : x.external_id;
  });
  store.forEachPerson([&](const Person& p, const std::string&) {
    std::string ex;
    if (p.exhibitor_id)
      if (auto it = exhibitors.find(*p.exhibitor_id); it != exhibitors.end()) ex = it->second;
    row({p.external_id, p.first_name, p.last_name, p.name_ar, p.organization, p.position, p.category, p.country,
         p.email, p.phone, join(p.days), ex, p.consent ? "yes" : "no", p.consent_at});
    ++n;
  });
  return n;
}

void writeCsv(Store& store, Entity entity, const PartialFile& file, const ExportOptions& options, std::size_t& n) {
  std::ofstream out(file.handle(), std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorKind::Io, tr("io.error.write", {file.out().string()}));
  out << "\xEF\xBB\xBF";
  const char sep = options.separator;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out << sep;
      // Multi-value cells (days) are always quoted, as the import format asks.
      const bool multi = entity == Entity::Participants && i == 10 && cells[i].find(',') != std::string::npos;
      out << csv::quote(neutralizeFormula(cells[i]), sep, multi);
    }
    out << "\r\n";
  };
  line(columns(entity));
  n = forEachRow(store, entity, line);
  out.flush();
  if (!out) throw Error(ErrorKind::Io, tr("io.error.write", {file.out().string()}));
}

// The import columns, typed: the area is a number, the consent a date and time (the rest stays text,
// phone numbers and codes included, so that nothing is reinterpreted by a spreadsheet).
xlsx::Type columnType(const std::string& column) {
  if (column == "booth_area_m2") return xlsx::Type::Number;
  if (column == "consent_at") return xlsx::Type::DateTime;
  return xlsx::Type::Text;
}

void writeXlsx(Store& store, Entity entity, const PartialFile& file, std::size_t& n) {
  xlsx::Workbook book(file.handle());
  std::vector<xlsx::Column> header;
  for (const auto& c : columns(entity)) header.push_back({c, columnType(c)});
  xlsx::Sheet& sheet = book.addSheet(entity == Entity::Exhibitors ? "exhibitors" : "participants", std::move(header));
  n = forEachRow(store, entity, [&](const std::vector<std::string>& cells) { sheet.row(cells); });
  book.close();
}

// Checks the extension and the folder, writes a PartialFile with write(ext, tmp) (tmp: the name to open
// it by), publishes it when complete.
std::size_t writeAtomically(const fs::path& file, const ExportOptions& options,
                            const std::function<std::size_t(const std::string& ext, const fs::path& tmp)>& write) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".csv" && ext != ".xlsx") throw Error(ErrorKind::Usage, tr("io.error.extension", {file.string()}));
  std::error_code ec;
  if (file.has_parent_path() && !fs::exists(file.parent_path(), ec))
    throw Error(ErrorKind::NotFound, tr("io.error.no_folder", {file.parent_path().string()}));
  PartialFile partial(file, "io.error.write_because");
  const std::size_t n = write(ext, partial.handle());
  partial.publish();
  if (options.progress) options.progress(1.0);
  return n;
}

std::vector<std::string> scanCells(const ScanRecord& r, const std::string& category) {
  return {r.at,
          r.gate,
          r.zone,
          std::string(codeOf(r.direction)),
          r.station,
          r.operator_name,
          std::string(codeOf(r.verdict)),
          std::string(codeOf(r.reason)),
          r.badge_serial.value_or(""),
          r.badge_version ? std::to_string(*r.badge_version) : "",
          category,
          r.manual ? "yes" : "no"};
}

}  // namespace

const std::vector<std::string>& scanColumns() {
  static const std::vector<std::string> columns{"at",           "gate",          "zone",     "direction",
                                                "station",      "operator",      "verdict",  "reason",
                                                "badge_serial", "badge_version", "category", "manual"};
  return columns;
}

std::size_t exportScans(Store& store, const fs::path& file, const ExportOptions& options) {
  return writeAtomically(file, options, [&](const std::string& ext, const fs::path& tmp) -> std::size_t {
    const long long total = std::max<long long>(1, store.overview().scans);
    std::size_t n = 0;
    auto tick = [&] {
      if (options.progress && ++n % 65536 == 0)
        options.progress(0.95 * static_cast<double>(n) / static_cast<double>(total));
    };
    if (ext == ".csv") {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(ErrorKind::Io, tr("io.error.write", {file.string()}));
      out << "\xEF\xBB\xBF";
      const char sep = options.separator;
      auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i) out << sep;
          out << csv::quote(neutralizeFormula(cells[i]), sep);
        }
        out << "\r\n";
      };
      line(scanColumns());
      store.forEachScanLine([&](const ScanRecord& r, const std::string& category) {
        line(scanCells(r, category));
        tick();
      });
      out.flush();
      if (!out) throw Error(ErrorKind::Io, tr("io.error.write", {file.string()}));
      return n;
    }
    // Constant memory: rows go to disk as they come, millions of scans fit; a new sheet every
    // 1,048,575 scans (Excel's 1,048,576 rows, less the header).
    xlsx::Workbook book(tmp, true);
    constexpr std::size_t kRowsPerSheet = 1048575;
    std::vector<xlsx::Column> header;
    for (const auto& c : scanColumns())
      header.push_back({c, c == "at"              ? xlsx::Type::DateTime
                           : c == "badge_version" ? xlsx::Type::Number
                                                  : xlsx::Type::Text});
    xlsx::Sheet* sheet = nullptr;
    int sheets = 0;
    auto newSheet = [&] {
      ++sheets;
      sheet = &book.addSheet(sheets == 1 ? "scans" : "scans " + std::to_string(sheets), header);
    };
    newSheet();
    store.forEachScanLine([&](const ScanRecord& rec, const std::string& category) {
      if (sheet->rows() >= kRowsPerSheet) newSheet();
      sheet->row(scanCells(rec, category));
      tick();
    });
    book.close();
    return n;
  });
}

std::size_t exportFile(Store& store, Entity entity, const fs::path& file, const ExportOptions& options) {
  store.checkPermission(Permission::ExportPersonal);  // names, phones and e-mails leave the database
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".csv" && ext != ".xlsx") throw Error(ErrorKind::Usage, tr("io.error.extension", {file.string()}));
  std::error_code ec;
  if (file.has_parent_path() && !fs::exists(file.parent_path(), ec))
    throw Error(ErrorKind::NotFound, tr("io.error.no_folder", {file.parent_path().string()}));
  PartialFile partial(file, "io.error.write_because");
  std::size_t n = 0;
  if (ext == ".csv")
    writeCsv(store, entity, partial, options, n);
  else
    writeXlsx(store, entity, partial, n);
  partial.publish();
  // Stamped in the audit trail: who took personal data out, which records, to which file name.
  AuditRow row;
  row.action = entity == Entity::Exhibitors ? "export.exhibitors" : "export.participants";
  row.entity = "file";
  row.entity_id = file.filename().string();
  row.after = nlohmann::json{{"records", n}}.dump();
  store.appendAudit(row);
  if (options.progress) options.progress(1.0);
  return n;
}

}  // namespace moussem::io
