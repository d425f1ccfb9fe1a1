// The one error type that crosses module edges. Its message is already in the user's language and
// names what is at fault (file, line, field); the kind decides the CLI exit code.
#pragma once
#include <stdexcept>
#include <string>

namespace moussem {

enum class ErrorKind {
  Refused,   // a rule or a role says no; nothing was written
  NotFound,  // a file, a row, a person that does not exist
  Invalid,   // bad input: a field, a line, a payload
  Io,        // the disk, a permission, a full device
  Corrupt,   // a file that is not what it claims to be
  TooNew,    // a database written by a newer Moussem
  Usage,     // a command line that does not parse (exit code 2)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace moussem
