//! Exact comparison of goal figures as the user wrote them. A baseline of 1.8
//! and a target of 2.07 are a 15 % uplift exactly, but `100.0 * 2.07` and
//! `115.0 * 1.8` differ in floating point. Every stored figure is a finite
//! `f64`, whose shortest round-trip decimal (Rust's `Display`) is what was
//! typed; that decimal is compared as digits, which no figure can overflow.

use std::cmp::Ordering;

/// A finite number as `±digits × 10^exp`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Decimal {
    negative: bool,
    /// Most significant first, no leading zeros; empty for zero.
    digits: Vec<u8>,
    exp: i32,
}

impl Decimal {
    fn of(x: f64) -> Option<Decimal> {
        if !x.is_finite() {
            return None;
        }
        // Display never uses an exponent: "1800000", "2.07", "-0.001".
        let text = x.to_string();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        let digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b.wrapping_sub(b'0')).skip_while(|d| *d == 0).collect();
        if digits.iter().any(|d| *d > 9) {
            return None;
        }
        let exp = -i32::try_from(frac.len()).ok()?;
        Some(Decimal { negative: negative && !digits.is_empty(), digits, exp })
    }

    /// The number times a small whole factor.
    fn times(&self, factor: u32) -> Decimal {
        let mut out = Vec::with_capacity(self.digits.len() + 4);
        let mut carry = 0u64;
        for d in self.digits.iter().rev() {
            let v = u64::from(*d) * u64::from(factor) + carry;
            out.push((v % 10) as u8);
            carry = v / 10;
        }
        while carry > 0 {
            out.push((carry % 10) as u8);
            carry /= 10;
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        out.reverse();
        Decimal { negative: self.negative && !out.is_empty(), digits: out, exp: self.exp }
    }

    fn cmp_magnitude(&self, other: &Decimal) -> Ordering {
        // The power of ten just above the leading digit decides first.
        let top = |d: &Decimal| d.digits.len() as i64 + i64::from(d.exp);
        match (self.digits.is_empty(), other.digits.is_empty()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            (false, false) => {}
        }
        top(self).cmp(&top(other)).then_with(|| {
            // Same magnitude: digit by digit, the shorter padded with zeros.
            let n = self.digits.len().max(other.digits.len());
            let at = |d: &Decimal, i: usize| d.digits.get(i).copied().unwrap_or(0);
            (0..n).map(|i| at(self, i).cmp(&at(other, i))).find(|o| o.is_ne()).unwrap_or(Ordering::Equal)
        })
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A flat uplift (seed 004: "last year + 10%"): the target is above the
/// baseline and `100 × target ≤ 115 × baseline`, compared exactly.
pub(super) fn is_flat_uplift(baseline: f64, target: f64) -> bool {
    match (Decimal::of(baseline), Decimal::of(target)) {
        (Some(b), Some(t)) => t > b && t.times(100) <= b.times(115),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_percent_is_the_exact_boundary() {
        assert!(is_flat_uplift(100.0, 115.0));
        assert!(!is_flat_uplift(100.0, 115.01));
        assert!(is_flat_uplift(1.8, 2.07), "exactly 15 %, though 100 × 2.07 > 115 × 1.8 in floating point");
        assert!(!is_flat_uplift(1.8, 2.0700001));
        assert!(is_flat_uplift(1_800_000.0, 1_980_000.0));
        assert!(!is_flat_uplift(100.0, 100.0), "no uplift at all");
        assert!(!is_flat_uplift(100.0, 90.0));
        assert!(!is_flat_uplift(0.0, 5.0), "a baseline of 0: any target is more than 15 %");
        assert!(!is_flat_uplift(-10.0, -9.0), "from a loss, 115 % of the baseline is lower still");
        assert!(is_flat_uplift(0.1, 0.115));
        assert!(is_flat_uplift(1e300, 1.1e300), "no overflow");
        assert!(!is_flat_uplift(f64::NAN, 1.0));
    }

    #[test]
    fn decimals_compare_as_written() {
        let d = |x: f64| Decimal::of(x).unwrap();
        assert_eq!(d(2.07).digits, [2, 0, 7]);
        assert_eq!(d(2.07).exp, -2);
        assert_eq!(d(-0.0), d(0.0));
        assert!(d(0.5) > d(0.49) && d(-0.5) < d(-0.49) && d(-1.0) < d(0.0));
        assert_eq!(d(1.5).times(100).cmp(&d(150.0)), Ordering::Equal);
        assert_eq!((d(1800.0).digits, d(0.001).digits, d(0.001).exp), (vec![1, 8, 0, 0], vec![1], -3));
    }
}
