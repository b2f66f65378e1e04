#pragma once
// One token of a cluster's template: a constant word or a placeholder, with the blank after it.
#include <string>

#include <gardener/masking.hpp>

namespace gardener::drain {

struct TemplateToken {
  std::string text;
  std::string ws;
  TokenType type = TokenType::Word;
  bool free = false;  // a slot the free-text merge made: it stands for any number of tokens
};

}  // namespace gardener::drain
