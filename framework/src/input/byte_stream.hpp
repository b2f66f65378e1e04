#pragma once
// Chunked reading of a plain or gzip stream, and the splitting of it into lines without a copy
// per line. A plain file is read with read(2) straight into the buffer; gzip files and
// descriptors (stdin, which cannot be peeked) go through zlib, which reads plain data transparently.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <zlib.h>

namespace gardener::detail {

class ByteStream {
 public:
  /// Opens a path, or (fd >= 0) a duplicate of the descriptor. Throws Error when unreadable.
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
  bool through_zlib() const { return gz_ != nullptr; }
  uint64_t bytes_read() const { return bytes_; }

 private:
  /// Up to n bytes into dst: > 0 read, 0 at the end, < 0 on error (error_ set).
  long read_some(char* dst, size_t n);

  gzFile gz_ = nullptr;
  int plain_fd_ = -1;                // a plain (not gzip) file, read without zlib
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
