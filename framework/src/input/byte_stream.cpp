#include "input/byte_stream.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <gardener/errors.hpp>

namespace gardener::detail {

namespace {
constexpr size_t kChunk = 1 << 20;

// Whether the file surely is not gzip: its first bytes, read without moving the file offset, are
// not gzip's magic. A pipe cannot be read that way; it goes through zlib, which reads both.
bool surely_plain(int fd) {
  unsigned char m[2];
  ssize_t n = pread(fd, m, 2, 0);
  return n >= 0 && !(n == 2 && m[0] == 0x1f && m[1] == 0x8b);
}
}  // namespace

// The file is opened once: a named pipe opened a second time would wait for a writer that has
// already gone, and what it wrote before the first close would be lost. O_NONBLOCK lets the open
// of a FIFO return before its writer comes (poll then waits for it, interruptibly); it is cleared
// at once, on our own descriptor only (never on a shared stdin).
ByteStream::ByteStream(const std::string& path, int fd) {
  const int own = fd >= 0 ? dup(fd) : open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (own >= 0 && fd < 0) (void)fcntl(own, F_SETFL, fcntl(own, F_GETFL) & ~O_NONBLOCK);
  struct stat st {};
  if (own >= 0 && fstat(own, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISBLK(st.st_mode)) {
    pipe_fd_ = own;
    return;
  }
  if (own >= 0 && surely_plain(own)) {
    plain_fd_ = own;
    return;
  }
  gz_ = own >= 0 ? gzdopen(own, "rb") : nullptr;  // gzclose closes `own`
  if (!gz_ && own >= 0) close(own);
  if (!gz_)
    throw Error("cannot open " + path + ": " + std::strerror(errno) + "; check the path and its permissions");
  gzbuffer(gz_, kChunk);
}

ByteStream::~ByteStream() {
  if (gz_) gzclose(gz_);
  if (plain_fd_ >= 0) close(plain_fd_);
  if (pipe_fd_ >= 0) close(pipe_fd_);
  if (zs_) inflateEnd(zs_.get());
}

long ByteStream::read_pipe(char* dst, size_t n) {
  for (;;) {
    if (stop_ && stop_()) return 0;
    pollfd p{pipe_fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, 200);
    if (ready < 0 && errno != EINTR) {
      error_ = std::strerror(errno);
      return -1;
    }
    if (ready <= 0) continue;
    ssize_t got = ::read(pipe_fd_, dst, n);
    if (got >= 0) return static_cast<long>(got);
    if (errno == EINTR || errno == EAGAIN) continue;
    error_ = std::strerror(errno);
    return -1;
  }
}

long ByteStream::read_pipe_maybe_gzip(char* dst, size_t n) {
  if (!sniffed_) {  // the first bytes decide, as zlib's transparent mode would
    sniffed_ = true;
    zin_.reset(new char[kChunk]);
    while (zin_len_ < 2) {
      long got = read_pipe(zin_.get() + zin_len_, kChunk - zin_len_);
      if (got <= 0) break;
      zin_len_ += static_cast<size_t>(got);
    }
    inflating_ = zin_len_ >= 2 && static_cast<unsigned char>(zin_[0]) == 0x1f && static_cast<unsigned char>(zin_[1]) == 0x8b;
    if (inflating_) {
      zs_ = std::make_unique<z_stream>();
      inflateInit2(zs_.get(), 16 + MAX_WBITS);
      zs_->next_in = reinterpret_cast<Bytef*>(zin_.get());
      zs_->avail_in = static_cast<uInt>(zin_len_);
    }
  }
  if (!inflating_) {
    if (zin_len_ > 0) {  // the sniffed bytes go first
      size_t k = std::min(n, zin_len_);
      std::memcpy(dst, zin_.get(), k);
      std::memmove(zin_.get(), zin_.get() + k, zin_len_ - k);
      zin_len_ -= k;
      return static_cast<long>(k);
    }
    return read_pipe(dst, n);
  }
  for (;;) {
    if (zs_->avail_in == 0 && !pipe_eof_) {
      long got = read_pipe(zin_.get(), kChunk);
      if (got < 0) return -1;
      pipe_eof_ = got == 0;
      zs_->next_in = reinterpret_cast<Bytef*>(zin_.get());
      zs_->avail_in = static_cast<uInt>(got);
    }
    const size_t room = std::min<size_t>(n, 1u << 30);
    zs_->next_out = reinterpret_cast<Bytef*>(dst);
    zs_->avail_out = static_cast<uInt>(room);
    int rc = inflate(zs_.get(), Z_NO_FLUSH);
    const long out = static_cast<long>(room - zs_->avail_out);
    if (rc == Z_STREAM_END) inflateReset(zs_.get());  // another gzip member may follow
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      error_ = zs_->msg ? zs_->msg : "invalid gzip data";
      return out > 0 ? out : -1;
    }
    if (out > 0) return out;
    if (pipe_eof_ && zs_->avail_in == 0) {
      if (rc != Z_STREAM_END && zs_->total_in > 0) error_ = "unexpected end of file";  // a member cut short
      return 0;
    }
  }
}

long ByteStream::read_some(char* dst, size_t n) {
  if (pipe_fd_ >= 0) return read_pipe_maybe_gzip(dst, n);
  if (plain_fd_ >= 0) {
    for (;;) {
      ssize_t got = ::read(plain_fd_, dst, n);
      if (got >= 0) return static_cast<long>(got);
      if (errno == EINTR) continue;
      error_ = std::strerror(errno);
      return -1;
    }
  }
  int got = gzread(gz_, dst, static_cast<unsigned>(n));
  int err = Z_OK;
  const char* msg = gzerror(gz_, &err);
  if (got < 0 || (got == 0 && err != Z_OK && err != Z_STREAM_END)) error_ = msg ? msg : "read error";
  return got;
}

bool ByteStream::fill() {
  if (eof_) return false;
  if (pos_ > 0) {  // keep the pending bytes, at the front
    std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (cap_ - end_ < kChunk) {  // a line longer than a chunk grows the buffer
    size_t cap = std::max(2 * cap_, end_ + kChunk);
    std::unique_ptr<char[]> grown(new char[cap]);  // not zero-filled: read() writes it
    if (end_ > 0) std::memcpy(grown.get(), buf_.get(), end_);
    buf_ = std::move(grown);
    cap_ = cap;
  }
  long n = read_some(buf_.get() + end_, kChunk);
  if (n > 0) {
    end_ += static_cast<size_t>(n);
    bytes_ += static_cast<uint64_t>(n);
    return true;
  }
  eof_ = true;
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
