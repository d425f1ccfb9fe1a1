// Camera scanning: zbar reads the QR of a rendered badge in a greyscale frame; the scanner thread reports
// a code held in front of the camera once; the gate model turns camera reads into verdicts.
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>

#include "badge/badge_render.hpp"
#include "core/error.hpp"
#include "gate/camera_scanner.hpp"
#include "gate_fixture.hpp"
#include "ui/screens/gate_model.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {

// A badge as a camera would see it: rendered at 100 dpi, in grey, on a larger dark background.
gate::Frame badgeFrame(const std::string& payload) {
  BadgeFace face;
  face.name_latin = "Fatima Zahra";
  face.name_ar = "فاطمة الزهراء";
  face.category_color = "#8D5524";
  face.payload = payload;
  BadgeRenderer r(loadTemplate("cr80"));
  BadgeImage img = r.renderImage(face, 100);
  gate::Frame f;
  f.width = img.width + 200;
  f.height = img.height + 120;
  f.grey.assign(static_cast<std::size_t>(f.width) * static_cast<std::size_t>(f.height), 40);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const unsigned char* px =
          &img.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) *
                    4];
      f.grey[static_cast<std::size_t>(y + 60) * static_cast<std::size_t>(f.width) + static_cast<std::size_t>(x + 100)] =
          static_cast<std::uint8_t>((px[0] * 299 + px[1] * 587 + px[2] * 114) / 1000);
    }
  return f;
}

gate::Frame blankFrame() {
  gate::Frame f;
  f.width = 320;
  f.height = 240;
  f.grey.assign(320 * 240, 128);
  return f;
}

// Plays a list of frames, one per call, then reports the end (or an error) like an unplugged camera.
class ScriptedSource final : public gate::FrameSource {
 public:
  explicit ScriptedSource(std::vector<gate::Frame> frames, std::string errorAtEnd = "")
      : frames_(std::move(frames)), errorAtEnd_(std::move(errorAtEnd)) {}
  bool next(gate::Frame& out) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::lock_guard<std::mutex> lock(mutex_);
    if (at_ >= frames_.size()) {
      done_ = true;
      return false;
    }
    out = frames_[at_];
    out.seconds = 0.002 * static_cast<double>(at_++);  // 2 ms apart, whatever the machine's load
    return true;
  }
  std::string error() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return done_ ? errorAtEnd_ : "";
  }

 private:
  mutable std::mutex mutex_;
  std::vector<gate::Frame> frames_;
  std::size_t at_ = 0;
  bool done_ = false;
  std::string errorAtEnd_;
};

template <class Pred>
bool waitFor(Pred pred) {
  for (int i = 0; i < 1000; ++i) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return pred();
}

}  // namespace

TEST_CASE("zbar reads a rendered badge's QR code in a greyscale camera frame, and nothing in a blank one") {
  GateFixture f;
  const std::string payload = f.payload(f.exhibitor);
  gate::QrFrameReader reader;
  gate::Frame frame = badgeFrame(payload);
  CHECK(reader.read(frame.grey.data(), frame.width, frame.height) == std::vector<std::string>{payload});
  gate::Frame blank = blankFrame();
  CHECK(reader.read(blank.grey.data(), blank.width, blank.height).empty());
  CHECK(reader.read(nullptr, 0, 0).empty());
}

TEST_CASE("a badge held in front of the camera is reported once, and again after it left the picture") {
  GateFixture f;
  const std::string payload = f.payload(f.speaker);
  std::vector<gate::Frame> frames(5, badgeFrame(payload));
  for (int i = 0; i < 40; ++i) frames.push_back(blankFrame());  // ~80 ms out of sight
  for (int i = 0; i < 3; ++i) frames.push_back(badgeFrame(payload));
  gate::CameraScanner camera(std::make_unique<ScriptedSource>(frames, "unplugged"));
  camera.setRepeatAfter(0.04);
  std::vector<std::string> read;
  REQUIRE(waitFor([&] {
    for (auto& p : camera.takePayloads()) read.push_back(p);
    return !camera.error().empty();
  }));
  for (auto& p : camera.takePayloads()) read.push_back(p);
  CHECK(read == std::vector<std::string>{payload, payload});
  CHECK(camera.frames() == static_cast<long long>(frames.size()));
  CHECK(camera.error() == "unplugged");  // the source's reason reaches the screen
  gate::Preview preview;
  REQUIRE(camera.takePreview(preview));
  CHECK(preview.width > 0);
  CHECK(preview.rgba.size() == static_cast<std::size_t>(preview.width * preview.height * 4));
  CHECK_FALSE(camera.takePreview(preview));  // nothing new since
}

TEST_CASE("opening a camera that is not there says which device and why") {
  try {
    gate::openCamera("/dev/video-does-not-exist");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("/dev/video-does-not-exist") != std::string::npos);
  }
  for (const auto& device : gate::listCameras()) CHECK(device.rfind("/dev/video", 0) == 0);
}

TEST_CASE("the gate model admits a badge read by the camera, through the same pipeline and log") {
  GateFixture f;
  ui::GateModel model(*f.store);
  model.setClock([] { return *gate::parseMoment("2026-02-10T10:00:00+01:00"); });
  model.load();
  REQUIRE(model.loaded());
  const std::string payload = f.payload(f.exhibitor);
  const long long before = f.scans();
  model.startCamera(std::make_unique<ScriptedSource>(std::vector<gate::Frame>(3, badgeFrame(payload))));
  CHECK(model.cameraOn());
  REQUIRE(waitFor([&] {
    model.poll();
    return model.lastVerdict().has_value();
  }));
  CHECK(model.lastVerdict()->accepted);
  CHECK(model.lastVerdict()->reason == ScanReason::Ok);
  CHECK(f.scans() == before + 1);  // three frames of the same badge: one scan
  model.stopCamera();
  CHECK_FALSE(model.cameraOn());
}
