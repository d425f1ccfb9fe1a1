#include "gate/camera_scanner.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <zbar.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::gate {

namespace {

using namespace zbar;  // zbar.h declares its C API inside namespace zbar when compiled as C++

constexpr unsigned long fourcc(char a, char b, char c, char d) {
  return static_cast<unsigned long>(static_cast<unsigned char>(a)) |
         (static_cast<unsigned long>(static_cast<unsigned char>(b)) << 8) |
         (static_cast<unsigned long>(static_cast<unsigned char>(c)) << 16) |
         (static_cast<unsigned long>(static_cast<unsigned char>(d)) << 24);
}
constexpr unsigned long kGrey = fourcc('Y', '8', '0', '0');

bool isCaptureDevice(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  v4l2_capability cap{};
  const bool ok = ::ioctl(fd, VIDIOC_QUERYCAP, &cap) == 0;
  ::close(fd);
  if (!ok) return false;
  const std::uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
  return (caps & V4L2_CAP_VIDEO_CAPTURE) != 0;
}

// zbar's V4L2 layer: it negotiates a format the camera offers and converts each frame to grey.
class ZbarCamera final : public FrameSource {
 public:
  explicit ZbarCamera(const std::string& device) : device_(device), video_(zbar_video_create()) {
    if (!video_) throw Error(ErrorKind::Io, tr("gate.camera.error", {device, "zbar"}));
    if (zbar_video_open(video_, device.c_str()) != 0 || zbar_negotiate_format(video_, nullptr) != 0 ||
        zbar_video_enable(video_, 1) != 0) {
      const std::string why = zbar_video_error_string(video_, 0);
      zbar_video_destroy(video_);
      throw Error(ErrorKind::Io, tr("gate.camera.error", {device, why}));
    }
  }
  ~ZbarCamera() override {
    zbar_video_enable(video_, 0);
    zbar_video_destroy(video_);
  }

  bool next(Frame& out) override {
    pollfd p{zbar_video_get_fd(video_), POLLIN, 0};
    if (p.fd >= 0) {
      const int ready = ::poll(&p, 1, 100);
      if (ready == 0) return false;
      if (ready < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL))) {
        error_ = tr("gate.camera.lost", {device_});
        return false;
      }
    }
    zbar_image_t* image = zbar_video_next_image(video_);
    if (!image) {
      error_ = tr("gate.camera.lost", {device_});
      return false;
    }
    zbar_image_t* grey = zbar_image_convert(image, kGrey);
    zbar_image_destroy(image);
    if (!grey) return false;
    out.width = static_cast<int>(zbar_image_get_width(grey));
    out.height = static_cast<int>(zbar_image_get_height(grey));
    const auto* data = static_cast<const std::uint8_t*>(zbar_image_get_data(grey));
    const std::size_t n = static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height);
    out.grey.assign(data, data + std::min<std::size_t>(n, zbar_image_get_data_length(grey)));
    out.grey.resize(n, 0);
    zbar_image_destroy(grey);
    return true;
  }
  std::string error() const override { return error_; }

 private:
  std::string device_;
  zbar_video_t* video_ = nullptr;
  std::string error_;
};

Preview previewOf(const Frame& f) {
  Preview p;
  const int step = std::max(1, (f.width + 639) / 640);
  p.width = f.width / step;
  p.height = f.height / step;
  p.rgba.resize(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * 4);
  std::size_t o = 0;
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      const std::uint8_t v = f.grey[static_cast<std::size_t>(y * step) * static_cast<std::size_t>(f.width) +
                                    static_cast<std::size_t>(x * step)];
      p.rgba[o++] = v;
      p.rgba[o++] = v;
      p.rgba[o++] = v;
      p.rgba[o++] = 255;
    }
  return p;
}

}  // namespace

std::vector<std::string> listCameras() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("video", 0) == 0 && isCaptureDevice(entry.path().string())) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::unique_ptr<FrameSource> openCamera(const std::string& device) {
  return std::make_unique<ZbarCamera>(device);
}

struct QrFrameReader::Impl {
  zbar_image_scanner_t* scanner = zbar_image_scanner_create();
  ~Impl() { zbar_image_scanner_destroy(scanner); }
};

QrFrameReader::QrFrameReader() : impl_(std::make_unique<Impl>()) {
  zbar_image_scanner_set_config(impl_->scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(impl_->scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
}
QrFrameReader::~QrFrameReader() = default;

std::vector<std::string> QrFrameReader::read(const std::uint8_t* grey, int width, int height) {
  std::vector<std::string> out;
  if (!grey || width <= 0 || height <= 0) return out;
  zbar_image_t* image = zbar_image_create();
  zbar_image_set_format(image, kGrey);
  zbar_image_set_size(image, static_cast<unsigned>(width), static_cast<unsigned>(height));
  zbar_image_set_data(image, grey, static_cast<unsigned long>(width) * static_cast<unsigned long>(height), nullptr);
  if (zbar_scan_image(impl_->scanner, image) > 0)
    for (const zbar_symbol_t* s = zbar_image_first_symbol(image); s; s = zbar_symbol_next(s))
      out.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
  zbar_image_destroy(image);
  return out;
}

CameraScanner::CameraScanner(std::unique_ptr<FrameSource> source) : source_(std::move(source)) {
  worker_ = std::thread([this] { run(); });
}

CameraScanner::~CameraScanner() {
  stop_ = true;
  if (worker_.joinable()) worker_.join();
}

void CameraScanner::run() {
  using Clock = std::chrono::steady_clock;
  QrFrameReader reader;
  std::map<std::string, double> lastSeen;  // payload -> seconds
  Frame frame;
  while (!stop_) {
    if (!source_->next(frame)) {
      std::string why = source_->error();
      if (!why.empty()) {
        std::lock_guard<std::mutex> lock(mutex_);
        error_ = std::move(why);
        return;
      }
      continue;
    }
    ++frames_;
    const double now =
        frame.seconds >= 0 ? frame.seconds : std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
    const double repeat = repeatAfter_.load();
    std::vector<std::string> fresh;
    for (auto& payload : reader.read(frame.grey.data(), frame.width, frame.height)) {
      auto it = lastSeen.find(payload);
      if (it == lastSeen.end() || now - it->second > repeat) fresh.push_back(payload);
      lastSeen[payload] = now;
    }
    for (auto it = lastSeen.begin(); it != lastSeen.end();)
      it = now - it->second > repeat * 4 ? lastSeen.erase(it) : std::next(it);
    Preview p = previewOf(frame);
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& f : fresh) payloads_.push_back(std::move(f));
    preview_ = std::move(p);
    previewFresh_ = true;
  }
}

std::vector<std::string> CameraScanner::takePayloads() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> out(payloads_.begin(), payloads_.end());
  payloads_.clear();
  return out;
}

bool CameraScanner::takePreview(Preview& out) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!previewFresh_) return false;
  out = preview_;
  previewFresh_ = false;
  return true;
}

std::string CameraScanner::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

}  // namespace moussem::gate
