//! "Did you mean ...?" suggestions by edit distance.

/// Edit distance between two strings (by chars), counting a swap of two
/// adjacent characters as one edit (optimal string alignment).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The candidates closest to `name` (at most `max`, within a distance that
/// grows with the length of the name), best first.
pub(crate) fn closest<'a, I>(name: &str, candidates: I, max: usize) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (name.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &'a str)> = candidates
        .into_iter()
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    // Only the closest candidates: a near miss hides the far ones.
    let best = scored.first().map_or(0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(d, _)| *d == best)
        .take(max)
        .map(|(_, c)| c)
        .collect()
}

/// `" (did you mean `x`?)"`, or an empty string.
pub(crate) fn did_you_mean<'a, I>(name: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    match closest(name, candidates, 3).as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        many => format!(
            "; did you mean one of {}?",
            many.iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A "did you mean" hint followed by the full list of valid names:
/// `"; did you mean `x`? (label: a, b, c)"`, or `"; label: a, b, c"` when no
/// name is close.
pub(crate) fn did_you_mean_among(name: &str, candidates: &[&str], label: &str) -> String {
    let list = candidates.join(", ");
    match did_you_mean(name, candidates.iter().copied()).as_str() {
        "" => format!("; {label}: {list}"),
        hint => format!("{hint} ({label}: {list})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_and_suggestions() {
        assert_eq!(distance("weight", "wieght"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(
            did_you_mean("wieght", ["weight", "name", "kind"]),
            "; did you mean `weight`?"
        );
        assert_eq!(did_you_mean("zzzzzz", ["weight"]), "");
        assert_eq!(
            did_you_mean_among("wieght", &["weight", "name"], "expected one of"),
            "; did you mean `weight`? (expected one of: weight, name)"
        );
        assert_eq!(
            did_you_mean_among("zzzzzz", &["weight", "name"], "expected one of"),
            "; expected one of: weight, name"
        );
        assert_eq!(
            closest(
                "process.pdi",
                ["process.pid", "process.ppid", "host.name"],
                3
            ),
            vec!["process.pid"]
        );
    }
}
