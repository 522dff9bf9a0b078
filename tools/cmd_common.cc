// What the CLI's subcommand groups share.
#include <unistd.h>

#include <iostream>

#include "commands.h"

namespace storyline::cli {

std::unique_ptr<Store> open_store(const std::string& db, bool read_only) {
  if (read_only && access(db.c_str(), F_OK) != 0) {
    std::cerr << "storyline: " << db << ": no such store (create it with storyline ingest)\n";
    return nullptr;
  }
  Result<std::unique_ptr<Store>> s = Store::open(db, read_only);
  if (!s.ok()) {
    std::cerr << "storyline: " << s.status().message() << "\n";
    return nullptr;
  }
  return std::move(s).value();
}

}  // namespace storyline::cli
