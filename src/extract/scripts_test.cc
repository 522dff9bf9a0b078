// Pages in other scripts extract as English ones do: no thresholds in Latin words or
// bytes. Every page here was written for this test.
#include <gtest/gtest.h>

#include "extract/text_dump.h"
#include "storyline/extract.h"

namespace storyline {
namespace {

struct ScriptCase {
  const char* lang;
  const char* title;
  const char* paragraphs[3];
  const char* junk;  // a related-link line that must not reach the body
};

const ScriptCase kCases[] = {
    {"zh", "港口委员会投票关闭旧渡轮码头",
     {"港口委员会周二投票决定关闭旧渡轮码头，理由是连续两个冬季的风暴使码头桩基开裂，维修费用已超过新建码头的成本。",
      "委员会负责人在投票后对记者说：“我们不能继续修补一座大海已经决定带走的建筑。”她补充说，新码头预计二〇三〇年启用。",
      "渡轮运营商表示，关闭码头将使早班航程增加二十分钟，多家公司要求委员会在新码头建成前开通北码头的临时接驳船。"},
     "相关新闻：渔船队因风暴提前返港"},
    {"ja", "港湾委員会、古いフェリー桟橋の閉鎖を決定",
     {"港湾委員会は火曜日、二度の冬の嵐で杭に亀裂が入り、修理費用が新しい桟橋の建設費を上回るとして、古いフェリー桟橋の閉鎖を決めた。",
      "委員会の代表は採決後、記者団に対し「海がすでに持ち去ると決めた構造物を直し続けることはできない」と述べ、新しい桟橋は二〇三〇年に開業する見通しだと付け加えた。",
      "フェリー会社は、閉鎖により朝の便の所要時間が二十分延びるとして、新しい桟橋の完成まで北側の岸壁から臨時のシャトル便を運航するよう委員会に求めた。"},
     "関連記事：嵐で漁船団が早期帰港"},
    {"ru", "Портовый совет закрывает старый паромный причал",
     {"Портовый совет во вторник проголосовал за закрытие старого паромного причала: после двух штормовых зим его сваи треснули, и ремонт обошёлся бы дороже нового причала.",
      "«Мы не можем бесконечно латать сооружение, которое море уже решило забрать», — сказала после голосования глава совета, добавив, что новый причал откроется к 2030 году.",
      "Паромные компании заявили, что закрытие удлинит утренний рейс на двадцать минут, и попросили совет пустить временный челнок от северной пристани."},
     "Читайте также: рыболовный флот вернулся раньше из-за штормов"},
    {"ar", "مجلس الميناء يغلق رصيف العبّارات القديم",
     {"صوّت مجلس الميناء يوم الثلاثاء على إغلاق رصيف العبّارات القديم، بعد أن تسبب شتاءان من العواصف في تشقق دعاماته وأصبحت كلفة إصلاحه أعلى من بناء رصيف جديد.",
      "وقالت رئيسة المجلس للصحفيين بعد التصويت: «لا يمكننا الاستمرار في ترقيع منشأة قرر البحر أن يأخذها»، مضيفة أن الرصيف الجديد سيفتتح بحلول عام 2030.",
      "وقالت شركات العبّارات إن الإغلاق سيضيف عشرين دقيقة إلى رحلة الصباح، وطلبت من المجلس تشغيل خدمة نقل مؤقتة من الرصيف الشمالي."},
     "اقرأ أيضاً: أسطول الصيد يعود مبكراً بسبب العواصف"},
    {"he", "מועצת הנמל סוגרת את רציף המעבורות הישן",
     {"מועצת הנמל הצביעה ביום שלישי על סגירת רציף המעבורות הישן, לאחר ששני חורפים של סערות סדקו את עמודיו ועלות התיקון עלתה על עלות בניית רציף חדש.",
      "\"איננו יכולים להמשיך לטלא מבנה שהים כבר החליט לקחת\", אמרה ראש המועצה לכתבים לאחר ההצבעה, והוסיפה כי הרציף החדש ייפתח עד שנת 2030.",
      "חברות המעבורות אמרו כי הסגירה תוסיף עשרים דקות לשיט הבוקר, וביקשו מהמועצה להפעיל שירות הסעות זמני מהרציף הצפוני."},
     "עוד באתר: צי הדיג חוזר מוקדם בגלל הסערות"},
};

std::string html_page(const ScriptCase& c) {
  std::string p = std::string("<html lang=\"") + c.lang + "\"><head><meta charset=\"utf-8\"><title>" + c.title +
                  "</title></head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">World</a></li></ul></nav>"
                  "<article><h1>" + c.title + "</h1>";
  for (const char* para : c.paragraphs) p += std::string("<p>") + para + "</p>";
  p += std::string("</article><aside class=\"related\"><ul><li><a href=\"/r\">") + c.junk + "</a></li></ul></aside></body></html>";
  return p;
}

std::string text_dump(const ScriptCase& c) {
  std::string t = "  • Home\n  • World\n\n" + std::string(c.title) + "\n\n";
  for (const char* para : c.paragraphs) t += std::string(para) + "\n\n";
  t += std::string("  • ") + c.junk + "\n  • " + c.junk + "\n© 2031 Harbour Light Media Ltd.\n";
  return t;
}

class ScriptTest : public ::testing::TestWithParam<ScriptCase> {};

TEST_P(ScriptTest, HtmlBodyTitleAndLanguage) {
  const ScriptCase& c = GetParam();
  Document d;
  d.bytes = html_page(c);
  Result<Article> a = extract_article(d);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, c.title);
  ASSERT_EQ(a->blocks.size(), 3u) << a->text();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(a->blocks[static_cast<std::size_t>(i)].text, c.paragraphs[i]);
  EXPECT_EQ(a->text().find(c.junk), std::string::npos);
  ASSERT_FALSE(a->languages.empty());
  EXPECT_EQ(a->languages[0].substr(0, 2), c.lang);
  EXPECT_TRUE(a->warnings.empty()) << a->warnings[0];
}

TEST_P(ScriptTest, TextDumpBodyAndTitle) {
  const ScriptCase& c = GetParam();
  Article a = extract::extract_text_dump(text_dump(c));
  EXPECT_EQ(a.title, c.title);
  ASSERT_EQ(a.blocks.size(), 3u) << a.text();
  EXPECT_EQ(a.text().find(c.junk), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Scripts, ScriptTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<ScriptCase>& info) { return std::string(info.param.lang); });

}  // namespace
}  // namespace storyline
