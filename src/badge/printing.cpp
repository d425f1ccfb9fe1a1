#include "badge/printing.hpp"

#include <cups/cups.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

namespace {

struct DestDeleter {
  void operator()(cups_dest_t* d) const { cupsFreeDests(1, d); }
};
using DestPtr = std::unique_ptr<cups_dest_t, DestDeleter>;
struct HttpDeleter {
  void operator()(http_t* h) const { httpClose(h); }
};
using HttpPtr = std::unique_ptr<http_t, HttpDeleter>;
struct InfoDeleter {
  void operator()(cups_dinfo_t* i) const { cupsFreeDestInfo(i); }
};
using InfoPtr = std::unique_ptr<cups_dinfo_t, InfoDeleter>;
struct IppDeleter {
  void operator()(ipp_t* i) const { ippDelete(i); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDeleter>;

constexpr int kConnectTimeoutMs = 5000;

bool isUri(const std::string& printer) {
  return printer.rfind("ipp://", 0) == 0 || printer.rfind("ipps://", 0) == 0;
}

std::string lastError() {
  const char* e = cupsLastErrorString();
  return e && *e ? e : "CUPS";
}

DestPtr findDest(const std::string& printer) {
  if (isUri(printer)) {
    DestPtr d(cupsGetDestWithURI(nullptr, printer.c_str()));
    if (!d) throw Error(ErrorKind::Invalid, tr("print.error.bad_uri", {printer}));
    return d;
  }
  DestPtr d(cupsGetNamedDest(CUPS_HTTP_DEFAULT, printer.empty() ? nullptr : printer.c_str(), nullptr));
  if (!d) {
    if (printer.empty()) throw Error(ErrorKind::Refused, tr("print.error.no_printer"));
    throw Error(ErrorKind::NotFound, tr("print.error.unknown_printer", {printer}));
  }
  return d;
}

std::string displayName(const cups_dest_t* d, const std::string& asked) {
  return asked.empty() ? std::string(d->name ? d->name : "") : asked;
}

// The connection requests go through: for a CUPS queue, the scheduler libcups is configured for
// (CUPS_HTTP_DEFAULT, which honours CUPS_SERVER and its domain socket); for an ipp:// printer, the
// printer itself.
struct Connection {
  HttpPtr owned;
  std::string resource;
  http_t* http() const { return owned ? owned.get() : CUPS_HTTP_DEFAULT; }
};

Connection connect(cups_dest_t* d, const std::string& name, bool direct) {
  if (!direct) return {nullptr, "/printers/" + std::string(d->name ? d->name : "")};
  char resource[1024] = {};
  HttpPtr http(cupsConnectDest(d, CUPS_DEST_FLAGS_NONE, kConnectTimeoutMs, nullptr, resource, sizeof resource, nullptr,
                               nullptr));
  if (!http) throw Error(ErrorKind::Io, tr("print.error.unreachable", {name, lastError()}));
  return {std::move(http), resource};
}

// Asks the printer itself whether it can print now: stopped, offline or refusing jobs all say no.
void requireReady(Connection& c, cups_dest_t* d, const std::string& name) {
  IppPtr req(ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES));
  const char* uri = cupsGetOption("printer-uri-supported", d->num_options, d->options);
  if (!uri) uri = cupsGetOption("device-uri", d->num_options, d->options);
  std::string fallback;
  if (!uri) {
    fallback = "ipp://localhost/printers/" + std::string(d->name ? d->name : "");
    uri = fallback.c_str();
  }
  ippAddString(req.get(), IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
  static const char* const kAttrs[] = {"printer-state", "printer-is-accepting-jobs", "printer-state-reasons"};
  ippAddStrings(req.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 3, nullptr, kAttrs);
  IppPtr resp(cupsDoRequest(c.http(), req.release(), c.resource.c_str()));
  if (!resp || ippGetStatusCode(resp.get()) > IPP_STATUS_OK_CONFLICTING)
    throw Error(ErrorKind::Io, tr("print.error.unreachable", {name, lastError()}));
  if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "printer-state", IPP_TAG_ENUM))
    if (ippGetInteger(a, 0) == IPP_PSTATE_STOPPED) throw Error(ErrorKind::Refused, tr("print.error.stopped", {name}));
  if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
    if (!ippGetBoolean(a, 0)) throw Error(ErrorKind::Refused, tr("print.error.not_accepting", {name}));
  if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "printer-state-reasons", IPP_TAG_KEYWORD))
    for (int i = 0; i < ippGetCount(a); ++i) {
      std::string reason = ippGetString(a, i, nullptr);
      if (reason.rfind("offline", 0) == 0 || reason.rfind("paused", 0) == 0)
        throw Error(ErrorKind::Refused, tr("print.error.offline", {name}));
    }
}

}  // namespace

std::vector<PrinterInfo> listPrinters() {
  cups_dest_t* dests = nullptr;
  int n = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests);
  std::vector<PrinterInfo> out;
  for (int i = 0; i < n; ++i) {
    const cups_dest_t& d = dests[i];
    if (d.instance) continue;
    PrinterInfo p;
    p.name = d.name;
    p.is_default = d.is_default != 0;
    if (const char* v = cupsGetOption("printer-info", d.num_options, d.options)) p.description = v;
    if (const char* v = cupsGetOption("printer-location", d.num_options, d.options)) p.location = v;
    const char* state = cupsGetOption("printer-state", d.num_options, d.options);
    p.state = !state ? "idle" : std::string(state) == "5" ? "stopped" : std::string(state) == "4" ? "printing" : "idle";
    if (const char* v = cupsGetOption("printer-is-accepting-jobs", d.num_options, d.options))
      p.accepting = std::string(v) != "false";
    out.push_back(std::move(p));
  }
  cupsFreeDests(n, dests);
  return out;
}

bool printerChosen(const PrintSettings& settings, const std::vector<PrinterInfo>& printers) {
  if (!settings.printer.empty()) return true;
  for (const auto& p : printers)
    if (p.is_default) return true;
  return false;
}

std::vector<std::string> paperSizes(const std::string& printer) {
  DestPtr d = findDest(printer);
  const std::string name = displayName(d.get(), printer);
  Connection c = connect(d.get(), name, isUri(printer));
  InfoPtr info(cupsCopyDestInfo(c.http(), d.get()));
  if (!info) throw Error(ErrorKind::Io, tr("print.error.unreachable", {name, lastError()}));
  std::vector<std::string> out;
  int n = cupsGetDestMediaCount(c.http(), d.get(), info.get(), CUPS_MEDIA_FLAGS_DEFAULT);
  for (int i = 0; i < n; ++i) {
    cups_size_t size{};
    if (cupsGetDestMediaByIndex(c.http(), d.get(), info.get(), i, CUPS_MEDIA_FLAGS_DEFAULT, &size))
      out.emplace_back(size.media);
  }
  return out;
}

int printPdf(const std::string& printer, const std::filesystem::path& pdf, const std::string& title,
             const std::string& paper) {
  std::ifstream in(pdf, std::ios::binary);
  if (!in) throw Error(ErrorKind::Io, tr("print.error.read", {pdf.string()}));
  DestPtr d = findDest(printer);
  const std::string name = displayName(d.get(), printer);
  Connection c = connect(d.get(), name, isUri(printer));
  requireReady(c, d.get(), name);
  InfoPtr info(cupsCopyDestInfo(c.http(), d.get()));
  if (!info) throw Error(ErrorKind::Io, tr("print.error.unreachable", {name, lastError()}));

  int numOptions = 0;
  cups_option_t* options = nullptr;
  if (!paper.empty()) numOptions = cupsAddOption(CUPS_MEDIA, paper.c_str(), numOptions, &options);
  numOptions = cupsAddOption("print-scaling", "none", numOptions, &options);
  int job = 0;
  ipp_status_t created = cupsCreateDestJob(c.http(), d.get(), info.get(), &job, title.c_str(), numOptions, options);
  cupsFreeOptions(numOptions, options);
  if (created > IPP_STATUS_OK_CONFLICTING || job <= 0)
    throw Error(ErrorKind::Refused, tr("print.error.job_refused", {name, lastError()}));

  http_status_t started =
      cupsStartDestDocument(c.http(), d.get(), info.get(), job, title.c_str(), CUPS_FORMAT_PDF, 0, nullptr, 1);
  bool ok = started == HTTP_STATUS_CONTINUE;
  char buffer[65536];
  while (ok && in) {
    in.read(buffer, sizeof buffer);
    if (in.gcount() > 0 &&
        cupsWriteRequestData(c.http(), buffer, static_cast<size_t>(in.gcount())) != HTTP_STATUS_CONTINUE)
      ok = false;
  }
  ipp_status_t finished = cupsFinishDestDocument(c.http(), d.get(), info.get());
  if (!ok || finished > IPP_STATUS_OK_CONFLICTING) {
    std::string why = lastError();
    cupsCancelDestJob(c.http(), d.get(), job);
    throw Error(ErrorKind::Io, tr("print.error.job_refused", {name, why}));
  }
  return job;
}

std::string mediaForPage(double w, double h) {
  struct Known {
    double w, h;
    const char* name;
  };
  static const Known kKnown[] = {{105, 148, "iso_a6_105x148mm"},
                                 {210, 297, "iso_a4_210x297mm"},
                                 {148, 210, "iso_a5_148x210mm"},
                                 {54, 85.6, "custom_cr80_54x85.6mm"}};
  double a = std::min(w, h), b = std::max(w, h);
  for (const auto& k : kKnown)
    if (std::abs(a - k.w) < 0.6 && std::abs(b - k.h) < 0.6) return k.name;
  char custom[96];
  std::snprintf(custom, sizeof custom, "custom_badge_%gx%gmm", a, b);
  return custom;
}

PrintSettings stationPrintSettings(Store& store, const std::string& station) {
  PrintSettings s;
  s.printer = store.setting("station." + station + ".printer").value_or("");
  s.paper = store.setting("station." + station + ".paper").value_or("");
  return s;
}

void saveStationPrintSettings(Store& store, const std::string& station, const PrintSettings& s) {
  store.write([&] {
    store.setSetting("station." + station + ".printer", s.printer);
    store.setSetting("station." + station + ".paper", s.paper);
  });
}

}  // namespace moussem
