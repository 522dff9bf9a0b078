// Outlets: who published a page, from its URL or from how sites sign their pages.
#pragma once

#include <string>
#include <string_view>

namespace storyline::extract {

// "https://www.ft.com/content/x" -> "ft.com" (lower case, "www." and "m." dropped).
std::string host_of(std::string_view url);

// The outlet's usual name for well-known news hosts ("ft.com" -> "Financial Times"),
// subdomains included; "" for hosts we do not know.
std::string outlet_for_host(std::string_view host);

// The name in a copyright notice, legal suffixes dropped:
// "© 2025 Fortune Media IP Limited. All Rights Reserved." -> "Fortune". "" if none.
std::string outlet_from_copyright(std::string_view line);

// Drops a site name appended to or prefixed on a page title ("Title - Outlet",
// "Outlet | Title"), given the outlet's name or host; returns the title unchanged otherwise.
std::string strip_site_from_title(std::string_view title, std::string_view outlet, std::string_view host);

}  // namespace storyline::extract
