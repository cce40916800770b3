//! A synthetic corpus for benchmarks: `count` zh-CN articles of realistic length as Markdown, with
//! a `site.toml`, reproducible from a seed.

use std::fmt::Write as _;

const COLUMNS: &[(&str, &str)] = &[
    ("notices", "通知公告"),
    ("inspections", "抽检信息"),
    ("enforcement", "执法动态"),
    ("science", "科普知识"),
    ("policy", "政策解读"),
    ("local", "区县动态"),
];

const TAGS: &[&str] = &[
    "餐饮",
    "学校食堂",
    "蔬菜",
    "冷链",
    "标签",
    "召回",
    "节令食品",
    "农药残留",
    "进口食品",
    "科普",
    "HACCP",
    "外卖",
    "网络销售",
    "肉制品",
    "乳制品",
    "水产品",
    "保健食品",
    "食用油",
    "酒类",
    "调味品",
    "婴幼儿配方食品",
    "农贸市场",
    "商超",
    "小作坊",
    "添加剂",
    "过期食品",
    "投诉举报",
    "风险预警",
    "快检",
    "追溯",
    "野生菌",
    "食物中毒",
    "月饼",
    "粽子",
    "火锅",
    "烧烤",
    "饮用水",
    "糕点",
    "茶叶",
    "蜂蜜",
];

const SUBJECTS: &[&str] = &[
    "市市场监管局",
    "各区县市场监管部门",
    "执法人员",
    "检验机构",
    "学校食堂负责人",
    "餐饮服务单位",
    "食品生产企业",
    "农贸市场管理方",
    "网络订餐平台",
    "消费者",
    "专家",
    "抽检工作组",
];
const VERBS: &[&str] = &[
    "开展了",
    "组织了",
    "完成了",
    "部署了",
    "督促落实了",
    "公布了",
    "通报了",
    "核查了",
    "跟踪了",
    "抽取了",
];
const OBJECTS: &[&str] = &[
    "食品安全专项检查",
    "监督抽检工作",
    "冷链食品追溯核查",
    "校园周边食品经营整治",
    "节日市场巡查",
    "不合格食品核查处置",
    "从业人员健康管理检查",
    "进货查验记录检查",
    "食品添加剂使用检查",
    "餐具清洗消毒情况检查",
    "散装食品标签规范检查",
    "风险隐患排查",
];
const DETAILS: &[&str] = &[
    "共检查经营主体",
    "抽检样品",
    "发现问题线索",
    "责令整改",
    "立案查处",
    "下架问题产品",
    "约谈企业负责人",
    "开展培训",
    "发放宣传资料",
    "受理投诉举报",
];
const CLOSINGS: &[&str] = &[
    "下一步将持续加强日常监管。",
    "相关整改情况将及时向社会公开。",
    "提醒市民购买食品时注意查看标签。",
    "如发现问题可拨打投诉举报电话。",
    "各单位要压实食品安全主体责任。",
    "检查结果已录入监管信息系统。",
];

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Skewed towards the start of `items`, like real tag use.
    fn pick_skewed<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let a = self.below(items.len());
        let b = self.below(items.len());
        items[a.min(b)]
    }
}

/// `site.toml` for the synthetic corpus.
pub fn site_toml() -> String {
    let mut out = String::from(
        "title = \"合成新闻站\"\ndescription = \"基准测试用的合成语料\"\npage_size = 20\n",
    );
    for (slug, name) in COLUMNS {
        let _ = write!(out, "\n[[columns]]\nslug = \"{slug}\"\nname = \"{name}\"\n");
    }
    out
}

/// Article number `n` of the corpus: its file name and Markdown.
pub fn article(seed: u64, n: usize) -> (String, String) {
    let mut rng = Rng(seed ^ (n as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    // Ten years back from 2026-11, spread evenly, newest last.
    let minutes = 10 * 365 * 24 * 60 * n as i64 / 100_000 % (10 * 365 * 24 * 60);
    let day = minutes / (24 * 60);
    let (year, month, dom) = (
        2016 + day / 365,
        1 + (day % 365) / 31 % 12,
        1 + (day % 365) % 28,
    );
    let date = format!(
        "{year}-{month:02}-{dom:02}T{:02}:{:02}:00+08:00",
        (minutes / 60) % 24,
        minutes % 60
    );
    let column = COLUMNS[rng.below(COLUMNS.len())].0;
    let mut tags: Vec<&str> = (0..1 + rng.below(4))
        .map(|_| rng.pick_skewed(TAGS))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let title = format!(
        "{}{}{}（第{}期）",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        n % 97 + 1
    );
    let mut body = String::new();
    for p in 0..3 + rng.below(10) {
        if p > 0 && rng.below(4) == 0 {
            let _ = write!(body, "## {}\n\n", rng.pick(OBJECTS));
        }
        for _ in 0..2 + rng.below(4) {
            let _ = write!(
                body,
                "{}{}{}，{}{}家（批次），",
                rng.pick(SUBJECTS),
                rng.pick(VERBS),
                rng.pick(OBJECTS),
                rng.pick(DETAILS),
                1 + rng.below(500)
            );
            body.push_str(rng.pick(CLOSINGS));
        }
        body.push_str("\n\n");
    }
    let tag_list = tags
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let markdown = format!(
        "+++\ntitle = \"{title}\"\ndate = \"{date}\"\ncolumn = \"{column}\"\ntags = [{tag_list}]\nviews = {}\nsource = \"合成来源\"\n+++\n{body}",
        rng.below(100_000)
    );
    (format!("synth-{n:06}.md"), markdown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::site::SiteConfig;
    use crate::builder::source::parse_article;

    #[test]
    fn synthetic_articles_are_valid_input_and_reproducible() {
        let site = SiteConfig::parse("site.toml", &site_toml()).expect("valid site");
        assert_eq!(site.columns.len(), COLUMNS.len());
        for n in [0, 1, 50_000, 99_999, 250_000] {
            let (name, text) = article(7, n);
            let a = parse_article(&name, name.trim_end_matches(".md"), &text)
                .unwrap_or_else(|e| panic!("{n}: {e:?}"));
            assert!(site.column(&a.column).is_some());
            assert!(a.body.chars().count() > 100, "{n}: realistic length");
            assert_eq!(article(7, n), (name, text), "reproducible");
        }
        assert_ne!(article(7, 1).1, article(8, 1).1);
    }
}
