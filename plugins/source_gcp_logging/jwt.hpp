#pragma once
// RS256 JSON Web Tokens for the service-account flow (protocols.md §3.3), on OpenSSL.
#include <string>
#include <string_view>

namespace gardener::gcp {

std::string base64url_encode(std::string_view bytes);

/// Signs `header.claims` (both JSON texts) with the PEM private key (PKCS#8 or PKCS#1).
/// Throws std::runtime_error (never quoting the key) when the key cannot be read or used.
std::string sign_jwt_rs256(const std::string& header_json, const std::string& claims_json,
                           const std::string& private_key_pem);

}  // namespace gardener::gcp
