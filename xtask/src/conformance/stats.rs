//! The statistics of the comparison: the chi-square survival function
//! (through the regularized upper incomplete gamma function), a two-sample
//! chi-square test of homogeneity, and the exact (Fisher) p-value of a
//! feature seen on one side only.

/// `ln Γ(x)` for `x > 0`: the Stirling series, after shifting `x` up to at
/// least 10 with `Γ(x) = Γ(x + 1) / x` (relative error about 1e-12).
pub(crate) fn ln_gamma(x: f64) -> f64 {
    debug_assert!(x > 0.0, "ln_gamma({x})");
    let mut shift = 0.0;
    let mut x = x;
    while x < 10.0 {
        shift += x.ln();
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    // Stirling's series: 1/12x - 1/360x^3 + 1/1260x^5 - 1/1680x^7.
    let series = inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)));
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + series - shift
}

/// The regularized upper incomplete gamma function `Q(a, x) = Γ(a, x) / Γ(a)`
/// for `a > 0`, `x >= 0`.
///
/// Below `x = a + 1` the power series of the lower function `P` converges
/// fast and `Q = 1 - P`; above it, the continued fraction of `Q` does
/// (evaluated with the modified Lentz method).
pub(crate) fn gamma_q(a: f64, x: f64) -> f64 {
    debug_assert!(a > 0.0 && x >= 0.0, "gamma_q({a}, {x})");
    if x == 0.0 {
        return 1.0;
    }
    // x^a e^-x / Γ(a), the factor both expansions share.
    let front = (a * x.ln() - x - ln_gamma(a)).exp();
    if x < a + 1.0 {
        // P(a, x) = x^a e^-x / Γ(a + 1) * Σ x^n / ((a + 1)...(a + n)).
        let mut term = 1.0 / a;
        let mut sum = term;
        let mut n = a;
        for _ in 0..10_000 {
            n += 1.0;
            term *= x / n;
            sum += term;
            if term.abs() < sum.abs() * 1e-16 {
                break;
            }
        }
        (1.0 - front * sum).clamp(0.0, 1.0)
    } else {
        // Q(a, x) = front * 1/(x + 1 - a - 1(1 - a)/(x + 3 - a - 2(2 - a)/(x + 5 - a - ...))).
        const TINY: f64 = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..10_000 {
            let i = f64::from(i);
            let an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-16 {
                break;
            }
        }
        (front * h).clamp(0.0, 1.0)
    }
}

/// `P(X >= x)` for a chi-square variable `X` with `df` degrees of freedom.
pub(crate) fn chi_square_sf(x: f64, df: usize) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    gamma_q(df as f64 / 2.0, x / 2.0)
}

/// The smallest expected count a class of the chi-square test may have;
/// classes below it are merged (Cochran's rule).
const MIN_EXPECTED: f64 = 5.0;

/// The outcome of [`homogeneity`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Homogeneity {
    /// The chi-square statistic.
    pub(crate) chi2: f64,
    /// Degrees of freedom (classes after merging, minus one).
    pub(crate) df: usize,
    /// The p-value (1 when fewer than two classes are left).
    pub(crate) p: f64,
    /// The classes (indexes into the input) pooled into one because their
    /// expected counts were below 5.
    pub(crate) merged: Vec<usize>,
}

/// A chi-square test of homogeneity of two samples of counts over the same
/// classes (`a[i]`, `b[i]`): do both come from one distribution?
///
/// A class whose smaller expected count (under the pooled distribution) is
/// below 5 joins a pooled class; if the pooled class is still below 5 it
/// absorbs the smallest remaining class until it is not (or one class is
/// left). Classes seen on neither side carry no information and are left
/// out.
pub(crate) fn homogeneity(a: &[u64], b: &[u64]) -> Homogeneity {
    assert_eq!(a.len(), b.len(), "both samples need the same classes");
    let (total_a, total_b) = (a.iter().sum::<u64>() as f64, b.iter().sum::<u64>() as f64);
    let total = total_a + total_b;
    if total_a == 0.0 || total_b == 0.0 {
        return Homogeneity {
            chi2: 0.0,
            df: 0,
            p: 1.0,
            merged: Vec::new(),
        };
    }
    let smaller = total_a.min(total_b);
    let min_expected = |column: u64| column as f64 * smaller / total;

    // Classes as (members, count a, count b), the sparse ones pooled.
    let mut classes: Vec<(Vec<usize>, u64, u64)> = Vec::new();
    let mut pool: (Vec<usize>, u64, u64) = (Vec::new(), 0, 0);
    for (i, (&x, &y)) in a.iter().zip(b).enumerate() {
        if x + y == 0 {
            continue;
        }
        if min_expected(x + y) < MIN_EXPECTED {
            pool.0.push(i);
            pool.1 += x;
            pool.2 += y;
        } else {
            classes.push((vec![i], x, y));
        }
    }
    if !pool.0.is_empty() {
        classes.sort_by_key(|c| c.1 + c.2);
        let mut rest = classes.into_iter();
        while min_expected(pool.1 + pool.2) < MIN_EXPECTED {
            let Some(next) = rest.next() else { break };
            pool.0.extend(next.0);
            pool.1 += next.1;
            pool.2 += next.2;
        }
        classes = rest.collect();
        classes.push(pool);
    }
    let merged = if classes.len() > 1 {
        classes
            .iter()
            .find(|c| c.0.len() > 1)
            .map(|c| {
                let mut m = c.0.clone();
                m.sort_unstable();
                m
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    if classes.len() < 2 {
        return Homogeneity {
            chi2: 0.0,
            df: 0,
            p: 1.0,
            merged,
        };
    }
    let chi2: f64 = classes
        .iter()
        .map(|&(_, x, y)| {
            let column = (x + y) as f64;
            let (ea, eb) = (column * total_a / total, column * total_b / total);
            (x as f64 - ea).powi(2) / ea + (y as f64 - eb).powi(2) / eb
        })
        .sum();
    let df = classes.len() - 1;
    Homogeneity {
        chi2,
        df,
        p: chi_square_sf(chi2, df),
        merged,
    }
}

/// The exact one-sided p-value of seeing a feature `seen` times among
/// `n_seen` trials on one side and never among `n_zero` trials on the
/// other, if both sides share one rate (Fisher's exact test on the 2×2
/// table with a zero cell): given `seen` occurrences in all, the chance
/// that every one of them fell on the first side.
pub(crate) fn one_sided_p(seen: u64, n_seen: u64, n_zero: u64) -> f64 {
    let total = (n_seen + n_zero) as f64;
    (0..seen).fold(1.0, |p, i| {
        p * (n_seen as f64 - i as f64) / (total - i as f64)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, rel: f64) {
        assert!(
            (actual - expected).abs() <= rel * expected.abs(),
            "{actual} is not within {rel} of {expected}"
        );
    }

    #[test]
    fn ln_gamma_matches_known_values() {
        close(ln_gamma(1.0).exp(), 1.0, 1e-11);
        close(ln_gamma(5.0).exp(), 24.0, 1e-11);
        close(ln_gamma(0.5).exp(), std::f64::consts::PI.sqrt(), 1e-11);
        close(
            ln_gamma(1.5).exp(),
            std::f64::consts::PI.sqrt() / 2.0,
            1e-11,
        );
        // 20! = 2432902008176640000.
        close(ln_gamma(21.0), 2_432_902_008_176_640_000_f64.ln(), 1e-12);
        close(ln_gamma(100.0), 359.134_205_369_575_4, 1e-12);
    }

    #[test]
    fn chi_square_sf_matches_closed_forms() {
        // Even df: Q(k, x/2) = e^(-x/2) Σ_{i<k} (x/2)^i / i!.
        for x in [0.1, 1.0, 2.5, 7.0, 20.0, 60.0] {
            close(chi_square_sf(x, 2), (-x / 2.0).exp(), 1e-11);
            close(
                chi_square_sf(x, 4),
                (-x / 2.0).exp() * (1.0 + x / 2.0),
                1e-11,
            );
            let h = x / 2.0;
            close(
                chi_square_sf(x, 6),
                (-h).exp() * (1.0 + h + h * h / 2.0),
                1e-11,
            );
        }
        assert!((chi_square_sf(0.0, 3) - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn chi_square_sf_matches_tabulated_quantiles() {
        // (df, x, P(X >= x)), the p-values computed with mpmath at 30
        // digits: five are the usual tabulated quantiles.
        let table = [
            (1, 3.841_458_820_694_124, 0.050_000_000_000_000_06),
            (1, 6.634_896_601_021_214, 0.010_000_000_000_000_01),
            (1, 10.827_566_170_662_733, 0.001),
            (3, 7.814_727_903_251_178, 0.050_000_000_000_000_04),
            (10, 29.588_298_445_074_42, 0.001),
            (50, 86.660_82, 0.000_999_998_869_573_204_9),
            (7, 3.3, 0.855_933_047_251_493_1),
            (48, 30.5, 0.976_987_878_525_168_6),
            (1, 0.02, 0.887_537_083_981_715_2),
            (200, 260.0, 0.002_750_408_367_306_526),
        ];
        for (df, x, p) in table {
            close(chi_square_sf(x, df), p, 1e-9);
        }
    }

    #[test]
    fn chi_square_sf_is_monotone_and_tiny_far_out() {
        let mut last = 1.0;
        for i in 1..200 {
            let p = chi_square_sf(f64::from(i) * 0.5, 7);
            assert!(p <= last, "{p} > {last}");
            last = p;
        }
        let far = chi_square_sf(400.0, 10);
        assert!(far > 0.0 && far < 1e-70, "{far}");
    }

    #[test]
    fn homogeneity_accepts_equal_and_rejects_different_samples() {
        let same = homogeneity(&[100, 200, 300], &[100, 200, 300]);
        assert!(same.chi2.abs() < 1e-12 && same.df == 2 && (same.p - 1.0).abs() < 1e-12);

        // 2×2: chi2 = N (ad - bc)^2 / (row and column products).
        let t = homogeneity(&[30, 70], &[50, 50]);
        let expected =
            200.0 * (30.0 * 50.0 - 70.0 * 50.0_f64).powi(2) / (100.0 * 100.0 * 80.0 * 120.0);
        close(t.chi2, expected, 1e-12);
        assert_eq!(t.df, 1);
        close(t.p, chi_square_sf(expected, 1), 1e-12);
        assert!(t.p < 0.01);
    }

    #[test]
    fn homogeneity_merges_sparse_classes() {
        // Classes 2 and 3 expect fewer than 5 per side: they are pooled
        // (pooled 8 + 6 = 14, expected 7 per side), leaving 3 classes.
        let t = homogeneity(&[500, 400, 3, 2, 0], &[480, 420, 4, 5, 0]);
        assert_eq!(t.merged, vec![2, 3]);
        assert_eq!(t.df, 2);
        // A pool still below 5 absorbs the smallest other class.
        let t = homogeneity(&[500, 40, 2], &[500, 40, 1]);
        assert_eq!(t.merged, vec![1, 2]);
        assert_eq!(t.df, 1);
        // Nothing left to compare.
        let t = homogeneity(&[1, 2], &[2, 1]);
        assert_eq!((t.df, t.p), (0, 1.0));
        assert_eq!(homogeneity(&[5, 5], &[0, 0]).df, 0);
    }

    #[test]
    fn one_sided_p_is_the_hypergeometric_zero_cell() {
        // 3 of 3 occurrences on a side holding 10 of 20 trials:
        // (10·9·8)/(20·19·18).
        close(one_sided_p(3, 10, 10), 720.0 / 6840.0, 1e-12);
        // Equal sides: about 2^-seen.
        assert!(one_sided_p(10, 5000, 5000) < 0.001);
        assert!(one_sided_p(9, 5000, 5000) > 0.001);
        assert!((one_sided_p(0, 3, 3) - 1.0).abs() < f64::EPSILON);
    }
}
