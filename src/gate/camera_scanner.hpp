// Camera scanning at the gate: frames from a V4L2 camera (through zbar's video layer), QR codes read
// with zbar on a worker thread, and a small colour preview for the screen. The gate model polls it once
// per frame and submits what it read to the same scan pipeline as the keyboard-wedge scanner.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace moussem::gate {

// V4L2 capture devices present now (/dev/video*), e.g. {"/dev/video0"}; empty when there is none.
std::vector<std::string> listCameras();

// One greyscale frame: 8 bits per pixel, row after row (what zbar reads; the preview shows it too).
struct Frame {
  int width = 0, height = 0;
  std::vector<std::uint8_t> grey;
  double seconds = -1;  // when it was taken, on a steady clock; < 0: when the scanner receives it
};

// A preview image for the screen: RGBA, row after row.
struct Preview {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
};

// Reads QR codes in greyscale frames. One per thread (zbar's scanner is not shared).
class QrFrameReader {
 public:
  QrFrameReader();
  ~QrFrameReader();
  QrFrameReader(const QrFrameReader&) = delete;
  QrFrameReader& operator=(const QrFrameReader&) = delete;
  std::vector<std::string> read(const std::uint8_t* grey, int width, int height);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where frames come from: the camera, or a test. next() waits at most about 100 ms; false when there
// is no frame (yet); error() then says why if the source is gone for good.
class FrameSource {
 public:
  virtual ~FrameSource() = default;
  virtual bool next(Frame& out) = 0;
  virtual std::string error() const = 0;
};

// Opens a V4L2 camera through zbar; throws Error (Io) with the device and zbar's reason.
std::unique_ptr<FrameSource> openCamera(const std::string& device);

class CameraScanner {
 public:
  // Starts reading frames from source on a worker thread.
  explicit CameraScanner(std::unique_ptr<FrameSource> source);
  ~CameraScanner();  // stops and joins the worker
  CameraScanner(const CameraScanner&) = delete;
  CameraScanner& operator=(const CameraScanner&) = delete;

  // Payloads read since the last call, oldest first. A code held in front of the camera is reported
  // once, and again only after it has been out of sight for `repeatAfterSeconds`.
  std::vector<std::string> takePayloads();
  // The newest frame as a preview (downscaled to at most 640 pixels wide), if new since the last call.
  bool takePreview(Preview& out);
  std::string error() const;
  long long frames() const { return frames_.load(); }
  void setRepeatAfter(double seconds) { repeatAfter_ = seconds; }

 private:
  void run();

  std::unique_ptr<FrameSource> source_;
  std::atomic<bool> stop_{false};
  std::atomic<long long> frames_{0};
  std::atomic<double> repeatAfter_{3.0};
  mutable std::mutex mutex_;
  std::deque<std::string> payloads_;
  Preview preview_;
  bool previewFresh_ = false;
  std::string error_;
  std::thread worker_;
};

}  // namespace moussem::gate
