//! How much of the machine the benchmark had. On a virtual machine the host may give CPU time to
//! other guests ("steal"); that slows every figure, raw and HTTP alike, so the report shows it.

/// The machine's CPU time counters (Linux `/proc/stat`); `None` where there are none.
#[derive(Debug, Clone, Copy)]
pub struct CpuTimes {
    steal: u64,
    total: u64,
}

impl CpuTimes {
    pub fn now() -> Option<Self> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let counters: Vec<u64> = stat
            .lines()
            .next()?
            .strip_prefix("cpu ")?
            .split_whitespace()
            .map(|f| f.parse().ok())
            .collect::<Option<_>>()?;
        // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is
        // counted in user already, so the total is the first eight.
        Some(Self {
            steal: *counters.get(7)?,
            total: counters.iter().take(8).sum(),
        })
    }

    /// The share of CPU time stolen between `earlier` and `self`, in percent.
    pub fn steal_since(self, earlier: Self) -> f64 {
        let total = self.total.saturating_sub(earlier.total).max(1);
        100.0 * self.steal.saturating_sub(earlier.steal) as f64 / total as f64
    }
}

/// Steal between two optional samples.
pub fn steal(from: Option<CpuTimes>, to: Option<CpuTimes>) -> Option<f64> {
    Some(to?.steal_since(from?))
}
