#pragma once
// Chunked reading of a plain or gzip stream, and the splitting of it into lines without a copy
// per line. A plain file is read with read(2) straight into the buffer; gzip files and
// descriptors (stdin, which cannot be peeked) go through zlib, which reads plain data transparently.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <zlib.h>

namespace gardener::detail {

class ByteStream {
 public:
  /// Opens a path, or (fd >= 0) a duplicate of the descriptor. Throws Error when unreadable.
  /// A pipe, FIFO or terminal is read through poll(2), so a run stops on SIGINT/SIGTERM even when
  /// its writer is silent (`tail -f | log-gardener run`) or has not opened the FIFO yet.
  ByteStream(const std::string& path, int fd);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  /// Bytes not yet consumed.
  std::string_view pending() const { return std::string_view(buf_.get() + pos_, end_ - pos_); }
  void consume(size_t n) { pos_ += n; }
  /// Reads one more chunk after the pending bytes; false at end of input (or on error).
  bool fill();
  /// Read or decompression error text, or empty.
  const std::string& error() const { return error_; }
  /// False for a plain file read directly (its errors are read errors, not decompression errors).
  bool through_zlib() const { return gz_ != nullptr || inflating_; }
  /// Asked while a pipe waits for data: true ends the input (the run is stopping).
  void set_stop(std::function<bool()> stop) { stop_ = std::move(stop); }
  uint64_t bytes_read() const { return bytes_; }

 private:
  /// Up to n bytes into dst: > 0 read, 0 at the end, < 0 on error (error_ set).
  long read_some(char* dst, size_t n);
  /// A pipe's next bytes, waiting in slices so stop_ is asked: > 0, 0 at its end or on stop, < 0.
  long read_pipe(char* dst, size_t n);
  /// A pipe's bytes, gunzipped when they start with gzip's magic (several members allowed).
  long read_pipe_maybe_gzip(char* dst, size_t n);

  gzFile gz_ = nullptr;
  int plain_fd_ = -1;                // a plain (not gzip) file, read without zlib
  int pipe_fd_ = -1;                 // a pipe, FIFO or terminal: polled, inflated here when gzip
  std::function<bool()> stop_;
  std::unique_ptr<z_stream> zs_;     // inflate state of a gzip pipe
  bool sniffed_ = false, inflating_ = false, pipe_eof_ = false;
  std::unique_ptr<char[]> zin_;      // compressed bytes of a gzip pipe, zs_ reads them
  size_t zin_len_ = 0;
  std::unique_ptr<char[]> buf_;      // pending bytes are buf_[pos_, end_); never zero-filled
  size_t cap_ = 0, pos_ = 0, end_ = 0;
  bool eof_ = false;
  uint64_t bytes_ = 0;
  std::string error_;
};

/// Lines of a ByteStream; a line longer than the limit is skipped whole and reported by size.
class LineSplitter {
 public:
  LineSplitter(ByteStream& in, int64_t max_line_bytes) : in_(in), max_(static_cast<size_t>(max_line_bytes)) {}
  /// Next line without its '\n' (and without a trailing '\r'). When `oversize` is set on return,
  /// the line was dropped and `oversize` is its length. False at end of input.
  bool next(std::string_view& line, size_t& oversize);

 private:
  ByteStream& in_;
  size_t max_;
};

}  // namespace gardener::detail
