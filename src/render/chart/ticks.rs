//! "Nice numbers" for an axis from zero (Heckbert, *Graphics Gems*, 1990): the step is 1, 2,
//! 2.5 or 5 × 10^k, the axis ends on the first tick at or above the data, and there are 4 to 6
//! ticks. A term at 0.9 per 10,000 characters gets 0, 0.2, …, 1.0, not 0 to 4.

/// An axis from 0 to `max` with evenly spaced ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The top of the axis: the last tick, at or above the data's maximum.
    pub max: f64,
    /// The distance between ticks.
    pub step: f64,
    /// How many intervals: the ticks are `0, step, …, intervals × step`.
    pub intervals: usize,
    /// Decimals a label needs to show the step exactly (0.25 → 2, 0.2 → 1, 25 → 0).
    pub decimals: usize,
}

/// The most decimals a label gets; below this a step is not worth reading.
const MAX_DECIMALS: usize = 12;

/// The nice axis for data whose largest value is `data_max`. Zero, negative or non-finite
/// maxima (an empty or all-zero series) get the axis of 1, so an empty chart still has a
/// readable scale.
pub fn nice_axis(data_max: f64) -> Axis {
    let max = if data_max.is_finite() && data_max > 1e-9 { data_max } else { 1.0 };
    let step = nice_step(max);
    // Tolerate rounding: 0.3 / 0.1 is 2.9999999999999996, and must be 3 intervals, not 4.
    let intervals = ((max / step) - 1e-9).ceil().max(1.0) as usize;
    Axis { max: intervals as f64 * step, step, intervals, decimals: decimals(step) }
}

/// The smallest nice step that reaches `max` in at most 5 intervals. The next smaller step
/// needs 6 or more, and nice steps grow by at most 2.5×, so this one needs at least 3:
/// 4 to 6 ticks.
fn nice_step(max: f64) -> f64 {
    let exponent = max.log10().floor() as i32 - 1;
    let mut best = f64::INFINITY;
    for k in exponent..=exponent + 2 {
        let power = 10f64.powi(k);
        for mantissa in [1.0, 2.0, 2.5, 5.0] {
            // 2.5 × 10^k adds a decimal that its neighbours 2 and 5 do not need unless k ≥ 1
            // (25, 250): 0, 5, 10, 15 reads better than 0, 2.5, …, 12.5.
            if mantissa == 2.5 && k < 1 {
                continue;
            }
            let step = mantissa * power;
            if max / step - 1e-9 <= 5.0 && step < best {
                best = step;
            }
        }
    }
    best
}

/// Decimals needed to write multiples of `step` exactly.
fn decimals(step: f64) -> usize {
    (0..MAX_DECIMALS)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(MAX_DECIMALS)
}

impl Axis {
    /// The tick values, from 0 to `max`.
    pub fn ticks(&self) -> Vec<f64> {
        (0..=self.intervals).map(|k| k as f64 * self.step).collect()
    }

    /// A tick's label with the decimals the step needs: `0.2`, `10`, `12.5`.
    pub fn label(&self, value: f64) -> String {
        format!("{value:.*}", self.decimals)
    }

    /// A tick's label for a share (0..=1) as a percentage: `20%`, `12.5%`.
    pub fn label_percent(&self, value: f64) -> String {
        format!("{:.*}%", self.decimals.saturating_sub(2), value * 100.0)
    }

    /// Where `value` falls on the axis, 0 (bottom) to 1 (top); values outside are clamped,
    /// and NaN is 0, so a bad value cannot draw outside its panel.
    pub fn fraction(&self, value: f64) -> f64 {
        if value.is_nan() { 0.0 } else { (value / self.max).clamp(0.0, 1.0) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(max: f64) -> Vec<String> {
        let axis = nice_axis(max);
        axis.ticks().iter().map(|t| axis.label(*t)).collect()
    }

    #[test]
    fn small_rates_get_decimal_ticks() {
        assert_eq!(labels(0.9), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        assert_eq!(labels(0.11), ["0.00", "0.05", "0.10", "0.15"]);
    }

    #[test]
    fn counts_get_round_ticks() {
        assert_eq!(labels(37.0), ["0", "10", "20", "30", "40"]);
        assert_eq!(labels(4.0), ["0", "1", "2", "3", "4"]);
        assert_eq!(labels(11.0), ["0", "5", "10", "15"]);
        assert_eq!(labels(110.0), ["0", "25", "50", "75", "100", "125"]);
    }

    #[test]
    fn a_maximum_on_a_tick_ends_the_axis() {
        assert_eq!(nice_axis(1.0).max, 1.0);
        assert_eq!(nice_axis(0.3).intervals, 3);
        assert_eq!(nice_axis(40.0).max, 40.0);
    }

    #[test]
    fn empty_and_bad_data_get_the_unit_axis() {
        for max in [0.0, -3.0, f64::NAN, f64::INFINITY, 1e-12] {
            assert_eq!(labels(max), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], "{max}");
        }
    }

    #[test]
    fn shares_are_labelled_as_percentages() {
        let axis = nice_axis(1.0);
        let percent: Vec<String> = axis.ticks().iter().map(|t| axis.label_percent(*t)).collect();
        assert_eq!(percent, ["0%", "20%", "40%", "60%", "80%", "100%"]);
        assert_eq!(nice_axis(0.11).label_percent(0.05), "5%");
    }

    #[test]
    fn fractions_stay_in_the_panel() {
        let axis = nice_axis(0.9);
        assert_eq!(axis.fraction(0.5), 0.5);
        assert_eq!(axis.fraction(f64::NAN), 0.0);
        assert_eq!(axis.fraction(-1.0), 0.0);
        assert_eq!(axis.fraction(7.0), 1.0);
    }

    proptest::proptest! {
        #[test]
        fn ticks_cover_the_maximum_evenly(max in 1e-6f64..1e12) {
            let axis = nice_axis(max);
            let ticks = axis.ticks();
            proptest::prop_assert!((4..=6).contains(&ticks.len()), "{max}: {ticks:?}");
            proptest::prop_assert!(axis.max >= max * (1.0 - 1e-9), "{max}: {axis:?}");
            // Not more than one step of empty axis above the data.
            proptest::prop_assert!(axis.max - axis.step < max, "{max}: {axis:?}");
            for pair in ticks.windows(2) {
                proptest::prop_assert!((pair[1] - pair[0] - axis.step).abs() <= axis.step * 1e-9);
            }
            // Every label differs from its neighbours: the decimals suffice.
            let labels: Vec<String> = ticks.iter().map(|t| axis.label(*t)).collect();
            proptest::prop_assert!(labels.windows(2).all(|w| w[0] != w[1]), "{labels:?}");
        }
    }
}
