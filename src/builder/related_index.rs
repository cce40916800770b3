//! Related news at build time: a Hugo-style weighted score over column, tags and publish month,
//! ties broken by TF-IDF cosine similarity of title and lead paragraph.
//!
//! Scoring every pair is quadratic, so candidates are drawn from inverted lists: for each shared
//! tag, the column and the publish month, the [`WINDOW`] nearest eligible articles in date order.
//! Within a score, only the [`TIE_POOL`] newest candidates are compared by text.

use std::collections::HashMap;

use super::site::RelatedConfig;

/// Candidates taken from each inverted list.
pub const WINDOW: usize = 200;
/// Candidates of one score compared by text similarity.
pub const TIE_POOL: usize = 64;

/// What the ranking needs to know of one article. Articles are given newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedInput {
    pub column: u32,
    pub tags: Vec<u32>,
    /// Year × 12 + month, in the article's own offset.
    pub month: i32,
    /// Title and lead paragraph, tokenized; each term as a number shared by all inputs.
    pub terms: Vec<u32>,
}

/// For each article (same order as the input), the indices of its related articles, best first.
pub fn rank_all(inputs: &[RelatedInput], config: &RelatedConfig) -> Vec<Vec<usize>> {
    let vectors = tfidf_vectors(inputs);
    let mut by_tag: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_column: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_month: HashMap<i32, Vec<usize>> = HashMap::new();
    for (i, a) in inputs.iter().enumerate() {
        for t in &a.tags {
            by_tag.entry(*t).or_default().push(i);
        }
        by_column.entry(a.column).or_default().push(i);
        by_month.entry(a.month).or_default().push(i);
    }
    let weights = [
        config.column_weight,
        config.tags_weight,
        config.month_weight,
    ];
    let min_w = weights
        .iter()
        .copied()
        .filter(|w| *w > 0)
        .min()
        .unwrap_or(1);
    let max_w = weights.iter().copied().max().unwrap_or(1);

    let mut seen = vec![usize::MAX; inputs.len()];
    (0..inputs.len())
        .map(|i| {
            let a = &inputs[i];
            let mut candidates: Vec<usize> = Vec::new();
            let lists = a
                .tags
                .iter()
                .filter_map(|t| by_tag.get(t))
                .chain([&by_column[&a.column], &by_month[&a.month]]);
            for list in lists {
                for &j in window(list, i, config.include_newer) {
                    if seen[j] != i {
                        seen[j] = i;
                        candidates.push(j);
                    }
                }
            }
            let mut scored: Vec<(u32, usize)> = candidates
                .into_iter()
                .map(|j| (score(a, &inputs[j], config), j))
                .filter(|(s, _)| *s > 0 && normalize(*s, min_w, max_w) >= config.threshold)
                .collect();
            // Best score first; within a score, newest first (lower index).
            scored.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            pick(&scored, &vectors, i, config.count)
        })
        .collect()
}

/// The nearest `WINDOW` eligible entries of a date-ordered list around article `i`: the older ones
/// (higher indices), and the newer ones too when allowed.
fn window(list: &[usize], i: usize, include_newer: bool) -> impl Iterator<Item = &usize> {
    let at = list.partition_point(|&j| j <= i);
    let older = &list[at..list.len().min(at + WINDOW)];
    let newer_start = if include_newer {
        at.saturating_sub(WINDOW + 1)
    } else {
        at
    };
    let newer = &list[newer_start..at];
    older.iter().chain(newer.iter().filter(move |&&j| j != i))
}

fn score(a: &RelatedInput, b: &RelatedInput, c: &RelatedConfig) -> u32 {
    let shared_tags = a.tags.iter().filter(|t| b.tags.contains(t)).count() as u32;
    c.column_weight * u32::from(a.column == b.column)
        + c.tags_weight * shared_tags
        + c.month_weight * u32::from(a.month == b.month)
}

/// Hugo's normalization of a summed weight to 0–100 between the smallest and largest index weight.
pub fn normalize(score: u32, min_w: u32, max_w: u32) -> u32 {
    if max_w <= min_w {
        return if score >= max_w { 100 } else { 0 };
    }
    let n = (f64::from(score) - f64::from(min_w)) / f64::from(max_w - min_w) * 100.0;
    n.round().max(0.0) as u32
}

/// Takes `count` from candidates sorted by score, breaking ties by text similarity.
fn pick(
    scored: &[(u32, usize)],
    vectors: &[Vec<(u32, f32)>],
    i: usize,
    count: usize,
) -> Vec<usize> {
    let mut out = Vec::with_capacity(count);
    let mut start = 0;
    while start < scored.len() && out.len() < count {
        let group_score = scored[start].0;
        let end = start
            + scored[start..]
                .iter()
                .take_while(|(s, _)| *s == group_score)
                .count();
        let mut group: Vec<(f32, usize)> = scored[start..end.min(start + TIE_POOL)]
            .iter()
            .map(|&(_, j)| (cosine(&vectors[i], &vectors[j]), j))
            .collect();
        group.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        out.extend(group.into_iter().map(|(_, j)| j).take(count - out.len()));
        start = end;
    }
    out
}

/// L2-normalized TF-IDF vectors, sorted by term id.
fn tfidf_vectors(inputs: &[RelatedInput]) -> Vec<Vec<(u32, f32)>> {
    let docs: Vec<HashMap<u32, u32>> = inputs
        .iter()
        .map(|a| {
            let mut tf = HashMap::new();
            for &term in &a.terms {
                *tf.entry(term).or_insert(0) += 1;
            }
            tf
        })
        .collect();
    let terms = inputs
        .iter()
        .flat_map(|a| a.terms.iter().copied())
        .max()
        .map_or(0, |m| m as usize + 1);
    let mut df = vec![0u32; terms];
    for doc in &docs {
        for term in doc.keys() {
            df[*term as usize] += 1;
        }
    }
    let n = inputs.len().max(1) as f32;
    docs.into_iter()
        .map(|tf| {
            let mut v: Vec<(u32, f32)> = tf
                .into_iter()
                .map(|(t, c)| (t, c as f32 * (n / df[t as usize] as f32).ln()))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v.sort_unstable_by_key(|(t, _)| *t);
            v
        })
        .collect()
}

fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests;
