#include "extract/outlets.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

TEST(HostOf, DropsSchemeWwwPathAndPort) {
  EXPECT_EQ(host_of("https://www.Example.com:8080/a/b?c"), "example.com");
  EXPECT_EQ(host_of("http://m.example.co.uk/"), "example.co.uk");
  EXPECT_EQ(host_of("example.org/x"), "example.org");
}

TEST(OutletForHost, KnownHostsAndTheirSubdomains) {
  EXPECT_EQ(outlet_for_host("ft.com"), "Financial Times");
  EXPECT_EQ(outlet_for_host("markets.ft.com"), "Financial Times");
  EXPECT_EQ(outlet_for_host("notft.com"), "");
  EXPECT_EQ(outlet_for_host("example.com"), "");
}

TEST(OutletFromCopyright, LegalSuffixesDropped) {
  EXPECT_EQ(outlet_from_copyright("© 2031 Harbour Light Media IP Limited. All Rights Reserved."), "Harbour Light");
  EXPECT_EQ(outlet_from_copyright("Copyright © 2010–2031 Lantern Gazette Inc. | Privacy"), "Lantern Gazette");
  EXPECT_EQ(outlet_from_copyright("© 2031 Coastline Media Group Ltd. All rights reserved."), "Coastline");
  EXPECT_EQ(outlet_from_copyright("no notice here"), "");
}

TEST(StripSiteFromTitle, SuffixAndPrefix) {
  EXPECT_EQ(strip_site_from_title("Pier to close - Lantern Gazette", "Lantern Gazette", "lanterngazette.example"),
            "Pier to close");
  EXPECT_EQ(strip_site_from_title("Lantern Gazette | Pier to close", "Lantern Gazette", ""), "Pier to close");
  EXPECT_EQ(strip_site_from_title("Pier to close | LanternGazette", "", "lanterngazette.example"), "Pier to close");
  EXPECT_EQ(strip_site_from_title("Pier - and ferry - to close", "Lantern Gazette", ""), "Pier - and ferry - to close");
}

}  // namespace
}  // namespace storyline::extract
