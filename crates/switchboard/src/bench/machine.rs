//! How much of the machine the benchmark had. Two things slow every figure, raw and HTTP alike,
//! without showing in them: CPU time the virtual machine's host gives to other guests ("steal"),
//! and database pages evicted from the OS page cache (e.g. by proactive reclaim) that must be
//! read from disk again ("refaults"). The report shows both. Linux only; `None` elsewhere.

/// Counters of the whole machine at one instant.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Stolen and total CPU time, in clock ticks.
    cpu: Option<(u64, u64)>,
    /// File pages read back after their eviction.
    refaults: Option<u64>,
}

/// What happened on the machine between two samples.
#[derive(Debug, Clone, Copy, Default)]
pub struct Interval {
    /// Share of CPU time stolen by the host, in percent.
    pub steal_percent: Option<f64>,
    /// Evicted file pages read back from disk, in MiB.
    pub refaults_mib: Option<f64>,
}

impl Sample {
    pub fn now() -> Self {
        Self {
            cpu: cpu_times(),
            refaults: refaults(),
        }
    }

    pub fn since(self, earlier: Sample) -> Interval {
        let steal_percent = match (earlier.cpu, self.cpu) {
            (Some((steal0, total0)), Some((steal1, total1))) => Some(
                100.0 * steal1.saturating_sub(steal0) as f64
                    / total1.saturating_sub(total0).max(1) as f64,
            ),
            _ => None,
        };
        let refaults_mib = match (earlier.refaults, self.refaults) {
            (Some(r0), Some(r1)) => Some(r1.saturating_sub(r0) as f64 * 4096.0 / 1_048_576.0),
            _ => None,
        };
        Interval {
            steal_percent,
            refaults_mib,
        }
    }
}

/// The first line of `/proc/stat`: user nice system idle iowait irq softirq steal [guest …].
/// Guest time is counted in user already, so the total is the first eight.
fn cpu_times() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let counters: Vec<u64> = stat
        .lines()
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .map(|f| f.parse().ok())
        .collect::<Option<_>>()?;
    Some((*counters.get(7)?, counters.iter().take(8).sum()))
}

/// `workingset_refault_file` of `/proc/vmstat`, in (4 KiB) pages.
fn refaults() -> Option<u64> {
    let vmstat = std::fs::read_to_string("/proc/vmstat").ok()?;
    vmstat.lines().find_map(|line| {
        line.strip_prefix("workingset_refault_file ")?
            .trim()
            .parse()
            .ok()
    })
}
