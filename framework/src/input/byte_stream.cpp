#include "input/byte_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <gardener/errors.hpp>

namespace gardener::detail {

namespace {
constexpr size_t kChunk = 1 << 20;
}

ByteStream::ByteStream(const std::string& path, int fd) {
  if (fd >= 0) {
    int copy = dup(fd);
    gz_ = copy >= 0 ? gzdopen(copy, "rb") : nullptr;
    if (!gz_ && copy >= 0) close(copy);
  } else {
    gz_ = gzopen(path.c_str(), "rb");
  }
  if (!gz_)
    throw Error("cannot open " + path + ": " + std::strerror(errno) + "; check the path and its permissions");
  gzbuffer(gz_, kChunk);
}

ByteStream::~ByteStream() {
  if (gz_) gzclose(gz_);
}

bool ByteStream::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  int n = gzread(gz_, buf_.data() + old, static_cast<unsigned>(kChunk));
  buf_.resize(old + static_cast<size_t>(n > 0 ? n : 0));
  if (n > 0) {
    bytes_ += static_cast<uint64_t>(n);
    return true;
  }
  eof_ = true;
  int err = Z_OK;
  const char* msg = gzerror(gz_, &err);
  if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) error_ = msg ? msg : "read error";
  return false;
}

bool LineSplitter::next(std::string_view& line, size_t& oversize) {
  oversize = 0;
  size_t scanned = 0;  // bytes of the pending buffer already known to hold no '\n'
  for (;;) {
    std::string_view p = in_.pending();
    const void* nl = p.size() > scanned ? std::memchr(p.data() + scanned, '\n', p.size() - scanned) : nullptr;
    if (nl) {
      size_t len = static_cast<size_t>(static_cast<const char*>(nl) - p.data());
      in_.consume(len + 1);
      if (oversize) {
        oversize += len;
        return true;
      }
      line = p.substr(0, len);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.size() > max_) {
        oversize = line.size();
        line = {};
      }
      return true;
    }
    if (p.size() > max_) {  // too long: drop what we hold and keep looking for its end
      oversize += p.size();
      in_.consume(p.size());
      scanned = 0;
    } else {
      scanned = p.size();
    }
    if (!in_.fill()) {
      p = in_.pending();
      if (p.empty() && !oversize) return false;
      in_.consume(p.size());
      if (oversize) {
        oversize += p.size();
        return true;
      }
      line = p;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      return true;
    }
  }
}

}  // namespace gardener::detail
