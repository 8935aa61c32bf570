#include "fields/authors.h"

#include <gtest/gtest.h>

namespace thresher::fields {

using Names = std::vector<std::string>;

TEST(Authors, StripsByAndRoles) {
  EXPECT_EQ(clean_authors("By Al Mayadeen English"), Names{"Al Mayadeen English"});
  EXPECT_EQ(clean_authors("By Jane Doe | Staff Writer"), Names{"Jane Doe"});
  EXPECT_EQ(clean_authors("Written by Jane Doe on March 2, 2023"), Names{"Jane Doe"});
  EXPECT_EQ(clean_authors("Von Max Mustermann"), Names{"Max Mustermann"});
  EXPECT_EQ(clean_authors("By Haley Hoekstra • March 12, 2025"), Names{"Haley Hoekstra"});
  EXPECT_EQ(clean_authors("ByTrevor Jones"), Names{"Trevor Jones"});
  EXPECT_EQ(clean_authors("Byron Smith"), Names{"Byron Smith"});
  // "Staff" names a team; a staff role goes.
  EXPECT_EQ(clean_authors("EcoCult Staff"), Names{"EcoCult Staff"});
  EXPECT_EQ(clean_authors("Jane Doe Staff Writer"), Names{"Jane Doe"});
}

TEST(Authors, LeadInContributorsLabelAndHeadOfRole) {
  EXPECT_EQ(clean_authors("This post was written by Danielle Padula, Head of Marketing and Community Development"),
            Names{"Danielle Padula"});
  EXPECT_EQ(clean_authors("Contributors: Janet Loughrey"), Names{"Janet Loughrey"});
}

TEST(Authors, OnClosingTheName) {
  // A capital "On" is a name's; a lower-case "on" ends a line whose date is elsewhere.
  EXPECT_EQ(clean_authors("Written By Audiophile On"), Names{"Audiophile On"});
  EXPECT_EQ(clean_authors("By Jane Doe on"), Names{"Jane Doe"});
  EXPECT_EQ(clean_authors("Jane Doe On March 2, 2023"), Names{"Jane Doe"});
}

TEST(Authors, KeepsPostNominalLetters) {
  EXPECT_EQ(clean_authors("By Jillian Kubala, MS, RD"), Names{"Jillian Kubala, MS, RD"});
  EXPECT_EQ(clean_authors("Shelby Loos, DVM"), Names{"Shelby Loos, DVM"});
  EXPECT_EQ(clean_authors("Jane Doe, Ph.D."), Names{"Jane Doe, Ph.D."});
  EXPECT_EQ(clean_authors("Jane Doe,MD"), Names{"Jane Doe, MD"});
  // A role is not a credential; the role still goes.
  EXPECT_EQ(clean_authors("Jane Doe, Staff Writer"), Names{"Jane Doe"});
  EXPECT_EQ(clean_authors("Jane Doe, MD, Staff Writer"), Names{"Jane Doe"});
  // Several people, each with letters.
  EXPECT_EQ(clean_authors("Jane Doe, MD and John Roe, PhD"), (Names{"Jane Doe, MD", "John Roe, PhD"}));
}

TEST(Authors, CredentialsSuffix) {
  EXPECT_EQ(credentials_suffix("Jane Doe, MS, RD"), ", MS, RD");
  EXPECT_EQ(credentials_suffix("Jane Doe, M.D."), ", M.D.");
  EXPECT_EQ(credentials_suffix("Jane Doe, Editor"), "");
  EXPECT_EQ(credentials_suffix("Jane Doe"), "");
  EXPECT_EQ(credentials_suffix(", MD"), "");  // no name before
  EXPECT_EQ(credential_tokens(", MS,  RD"), (std::vector<std::string_view>{"MS", "RD"}));
}

TEST(Authors, ForumFurnitureAroundAName) {
  EXPECT_EQ(clean_authors("J Offline JonB wrote:"), Names{"JonB"});
  EXPECT_EQ(clean_authors("JonB wrote on 25 Apr 2024, 10:55"), Names{"JonB"});
  EXPECT_EQ(clean_authors("K Online Kichae"), Names{"Kichae"});
  EXPECT_EQ(clean_authors("J Smith"), Names{"J Smith"});  // an initial, not an avatar
}

TEST(Authors, SplitsSeveralNames) {
  EXPECT_EQ(clean_authors("By Jane Doe and John Roe"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(clean_authors("Jane Doe, John Roe"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(clean_authors("Jane Doe; John Roe; Jane Doe"), (Names{"Jane Doe", "John Roe"}));
}

TEST(Authors, StructuredNamesAreNotSplit) {
  EXPECT_EQ(clean_authors("Food and Drug Administration", false),
            Names{"Food and Drug Administration"});
}

TEST(Authors, DropsEmailsHandlesAndNonNames) {
  EXPECT_EQ(clean_authors("Jane Doe jane@example.com"), Names{"Jane Doe"});
  EXPECT_EQ(clean_authors("Jane Doe @janedoe"), Names{"Jane Doe"});
  EXPECT_TRUE(clean_authors("https://example.com/authors/jane").empty());
  EXPECT_TRUE(clean_authors("2 Mar 2023 23:06").empty());
  EXPECT_TRUE(clean_authors("View Full Profile").empty());
  EXPECT_TRUE(clean_authors("admin").empty());  // a CMS's default account
  EXPECT_TRUE(clean_authors("Site Administrator").empty());
  EXPECT_EQ(clean_authors("Anonymous"), Names{"Anonymous"});
  EXPECT_TRUE(clean_authors("C-").empty());  // a lone letter among signs
  EXPECT_TRUE(clean_authors("Category").empty());
  EXPECT_EQ(clean_authors("Jane Doe Writer"), Names{"Jane Doe"});
  EXPECT_TRUE(clean_authors("This is a whole sentence that is far too long to be a name").empty());
}

TEST(Authors, DropsWhatATemplateLeftUnfilled) {
  EXPECT_TRUE(clean_authors("undefined").empty());
  EXPECT_TRUE(clean_authors("null").empty());
  EXPECT_TRUE(clean_authors("page.head.extra.author").empty());
  // A dotted user name is a name.
  EXPECT_EQ(clean_authors("sara.r.peter"), Names{"sara.r.peter"});
  EXPECT_EQ(clean_authors("edilson.la.rosa"), Names{"edilson.la.rosa"});
}

TEST(Authors, SurnameFirstToNatural) {
  EXPECT_EQ(surname_first_to_natural("Kaufman, Jeff T."), "Jeff T. Kaufman");
  EXPECT_EQ(surname_first_to_natural("Berger, Emery D."), "Emery D. Berger");
  EXPECT_EQ(surname_first_to_natural("van Vulpen, Erik"), "Erik van Vulpen");
  // Not surname first: left as written.
  EXPECT_EQ(surname_first_to_natural("Jeff Kaufman"), "Jeff Kaufman");
  EXPECT_EQ(surname_first_to_natural("Jane Doe, MD"), "Jane Doe, MD");
  EXPECT_EQ(surname_first_to_natural("Doe, Staff Writer"), "Doe, Staff Writer");
  EXPECT_EQ(surname_first_to_natural("Rob Picheta, CNN"), "Rob Picheta, CNN");
  EXPECT_EQ(surname_first_to_natural("Roe, Jane, Doe, John"), "Roe, Jane, Doe, John");
}

TEST(Authors, LeadingSeparatorOfAnEmptyName) {
  EXPECT_EQ(clean_authors(", USA TODAY", /*split=*/false), std::vector<std::string>{"USA TODAY"});
}

TEST(Authors, TeamAccountsWeekdaysAndCreditLists) {
  EXPECT_TRUE(clean_authors("NOC Admin").empty());
  EXPECT_TRUE(clean_authors("Blog Administrator").empty());
  EXPECT_EQ(clean_authors("Admin Smith"), Names{"Admin Smith"});  // not an account's form
  // A byline holding only a date: the day of the week is what the role cut leaves.
  EXPECT_TRUE(clean_authors("Sat, 20 Dec, 2025 - 06:36").empty());
  EXPECT_TRUE(clean_authors("Wednesday").empty());
  // A credits list labels its roles.
  EXPECT_TRUE(clean_authors("content: MarketingSherpa, design: Scott McDaniel").empty());
}

TEST(Authors, RoleAfterTheFirstCommaEndsTheNames) {
  EXPECT_EQ(clean_authors("Daniel Burstein, Senior Director, Content & Marketing, Site and Group"),
            Names{"Daniel Burstein"});
  EXPECT_EQ(clean_authors("Jane Doe, Founder and CEO"), Names{"Jane Doe"});
  // Names after the comma stay names.
  EXPECT_EQ(clean_authors("Jane Doe, John Roe and Max Moe"), (Names{"Jane Doe", "John Roe", "Max Moe"}));
}

}  // namespace thresher::fields
