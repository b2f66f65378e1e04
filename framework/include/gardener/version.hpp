#pragma once
// SDK version and the ABI stamp every plugin library carries.
// Bump GARDENER_SDK_MAJOR on any change that breaks binary compatibility of this SDK.
#define GARDENER_SDK_MAJOR 3
#define GARDENER_SDK_MINOR 6

#define GARDENER_STR2(x) #x
#define GARDENER_STR(x) GARDENER_STR2(x)
#define GARDENER_CAT5(a, b, c, d, e) a##b##c##d##e

#if defined(__clang__)
#define GARDENER_COMPILER_TAG clang
#define GARDENER_COMPILER_MAJOR __clang_major__
#elif defined(__GNUC__)
#define GARDENER_COMPILER_TAG gcc
#define GARDENER_COMPILER_MAJOR __GNUC__
#else
#define GARDENER_COMPILER_TAG other
#define GARDENER_COMPILER_MAJOR 0
#endif

#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI == 0
#define GARDENER_STDLIB_ABI_TAG cxx98
#else
#define GARDENER_STDLIB_ABI_TAG cxx11
#endif

namespace gardener {
inline namespace v1 {

inline constexpr int kSdkMajor = GARDENER_SDK_MAJOR;
inline constexpr int kSdkMinor = GARDENER_SDK_MINOR;

/// The stamp as the loader expects to find it in a plugin's exported symbol names:
/// gardener_abi_<major>_<minor>_<compiler><compiler major>_<libstdc++ dual ABI>.
inline constexpr const char* kAbiStampPrefix = "gardener_abi_";
inline const char* host_abi_stamp() {
  return "gardener_abi_" GARDENER_STR(GARDENER_SDK_MAJOR) "_" GARDENER_STR(GARDENER_SDK_MINOR) "_" GARDENER_STR(
      GARDENER_COMPILER_TAG) GARDENER_STR(GARDENER_COMPILER_MAJOR) "_" GARDENER_STR(GARDENER_STDLIB_ABI_TAG);
}

}  // namespace v1
}  // namespace gardener
