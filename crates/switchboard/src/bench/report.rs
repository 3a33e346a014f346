//! The results: a plain table for the terminal, then the same as Markdown for
//! `docs/performance.md`. Every figure in milliseconds with two decimals.

use std::time::Duration;

use crate::machine::Interval;
use crate::portal::{PAGE_GOAL_MS, PageFigures};
use crate::reads::ReadFigures;
use crate::seed::Seeding;
use crate::stats::{Latencies, ms, ms_diff, rate, thousands};
use crate::writes::Throughput;

/// PRODUCT.md §12 P-1: p99 over HTTP at most the raw p99 plus this.
const P1_MARGIN: Duration = Duration::from_millis(5);
/// More stolen CPU time than this makes a run unfit for comparison.
const STEAL_WARNING: f64 = 10.0;
/// P-1b: substring search p99 at most this.
const P1B_LIMIT: Duration = Duration::from_millis(25);

pub struct Report {
    pub database: String,
    pub users: u64,
    pub cores: usize,
    pub seeding: Seeding,
    /// ANALYZE and checkpoint after seeding.
    pub settle: Duration,
    /// What else slowed the machine down (CPU steal, page-cache refaults).
    pub while_seeding: Interval,
    pub while_measuring: Interval,
    pub warmup: usize,
    pub samples: usize,
    pub reads: Vec<ReadFigures>,
    /// Issue 5: the administration pages of the portal.
    pub pages: Vec<PageFigures>,
    pub clients: usize,
    pub http_creates: Throughput,
    pub raw_creates: Throughput,
    pub total: Duration,
}

/// One line of the table.
struct Line {
    operation: String,
    http: Latencies,
    raw: Latencies,
    goal: String,
}

fn check(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

impl Report {
    fn lines(&self) -> Vec<Line> {
        let mut lines: Vec<Line> = self
            .reads
            .iter()
            .map(|r| {
                let p1 = r.http.p99() <= r.raw.p99() + P1_MARGIN;
                let goal = if r.label.starts_with("substring") {
                    format!("P-1b ≤ 25 ms: {}", check(r.http.p99() <= P1B_LIMIT))
                } else {
                    format!("P-1 ≤ raw + 5 ms: {}", check(p1))
                };
                Line {
                    operation: r.label.clone(),
                    http: r.http.clone(),
                    raw: r.raw.clone(),
                    goal,
                }
            })
            .collect();
        let (http, raw) = (&self.http_creates, &self.raw_creates);
        let p3 = http.latencies.p99() <= raw.latencies.p99() * 2 + Duration::from_millis(10);
        lines.push(Line {
            operation: format!("create user ({} clients)", self.clients),
            http: http.latencies.clone(),
            raw: raw.latencies.clone(),
            goal: format!("P-3 ≤ 2 × raw + 10 ms: {}", check(p3)),
        });
        lines
    }

    fn headline(&self) -> String {
        format!(
            "{}, {} users, {} cores",
            self.database,
            thousands(self.users),
            self.cores
        )
    }

    fn seeding_line(&self) -> String {
        let s = &self.seeding;
        format!(
            "seeding: {} users + their numbers in {:.1} s = {} users/s ({} rows/s); ANALYZE + checkpoint {:.1} s",
            thousands(s.users),
            s.elapsed.as_secs_f64(),
            rate(s.users, s.elapsed),
            rate(s.rows, s.elapsed),
            self.settle.as_secs_f64()
        )
    }

    fn machine_line(&self) -> String {
        let describe = |i: &Interval| match (i.steal_percent, i.refaults_mib) {
            (Some(steal), Some(refaults)) => format!(
                "CPU steal {steal:.0} %, {refaults:.0} MiB re-read after page-cache eviction"
            ),
            _ => "not measured".to_owned(),
        };
        let unfit = self
            .while_measuring
            .steal_percent
            .is_some_and(|steal| steal > STEAL_WARNING);
        format!(
            "machine: while seeding {}; while measuring {}{}",
            describe(&self.while_seeding),
            describe(&self.while_measuring),
            if unfit {
                " (steal this high while measuring makes the figures unfit for comparison)"
            } else {
                ""
            }
        )
    }

    fn throughput_lines(&self) -> Vec<String> {
        let describe = |what: &str, unit: &str, t: &Throughput| {
            format!(
                "{what}: {} in {:.2} s = {} {unit}, p50 {} ms, p99 {} ms, {} errors",
                thousands(t.count),
                t.elapsed.as_secs_f64(),
                rate(t.count, t.elapsed),
                ms(t.latencies.p50()),
                ms(t.latencies.p99()),
                t.errors
            )
        };
        let (http, raw) = (&self.http_creates, &self.raw_creates);
        let ratio = (http.count as f64 / http.elapsed.as_secs_f64())
            / (raw.count as f64 / raw.elapsed.as_secs_f64());
        let mut lines = vec![
            describe(
                &format!("create user over HTTP, {} clients", self.clients),
                "users/s",
                http,
            ),
            describe(
                &format!("raw create transaction, {} tasks", self.clients),
                "tx/s",
                raw,
            ),
            format!(
                "HTTP / raw throughput: {ratio:.2} (P-3 ≥ 0.5 and 0 errors: {})",
                check(ratio >= 0.5 && http.errors == 0 && raw.errors == 0)
            ),
        ];
        for (what, t) in [("HTTP", http), ("raw", raw)] {
            if let Some(e) = &t.first_error {
                lines.push(format!("first {what} error: {e}"));
            }
        }
        lines
    }

    /// The table for the terminal.
    pub fn print_plain(&self) {
        let lines = self.lines();
        let width = lines
            .iter()
            .map(|l| l.operation.chars().count())
            .max()
            .unwrap_or(9)
            .max(9);
        println!("\nSwitchboard benchmark — {}", self.headline());
        println!("{}", self.seeding_line());
        println!("{}", self.machine_line());
        println!(
            "reads: {} samples each after {} warm-up requests, one keep-alive HTTP client; raw = the same SELECT on one connection\n",
            self.samples, self.warmup
        );
        println!(
            "{:<width$} | {:>8} | {:>8} | {:>8} | {:>8} | {:>13} | goal",
            "operation", "HTTP p50", "HTTP p99", "raw p50", "raw p99", "p99 − raw p99"
        );
        println!(
            "{:-<width$}-|-{:->8}-|-{:->8}-|-{:->8}-|-{:->8}-|-{:->13}-|-{:-<26}",
            "", "", "", "", "", "", ""
        );
        for l in &lines {
            println!(
                "{:<width$} | {:>8} | {:>8} | {:>8} | {:>8} | {:>13} | {}",
                l.operation,
                ms(l.http.p50()),
                ms(l.http.p99()),
                ms(l.raw.p50()),
                ms(l.raw.p99()),
                ms_diff(l.http.p99(), l.raw.p99()),
                l.goal
            );
        }
        println!("(milliseconds)\n");
        println!(
            "{:<32} | {:>8} | {:>8} | goal",
            "portal page (signed in)", "p50", "p99"
        );
        println!("{:-<32}-|-{:->8}-|-{:->8}-|-{:-<16}", "", "", "", "");
        for page in &self.pages {
            println!(
                "{:<32} | {:>8} | {:>8} | {}",
                page.label,
                ms(page.latencies.p50()),
                ms(page.latencies.p99()),
                page_goal(page)
            );
        }
        println!("(milliseconds)\n");
        for line in self.throughput_lines() {
            println!("{line}");
        }
        println!("total run time: {:.1} s", self.total.as_secs_f64());
    }

    /// The same as Markdown, to paste into docs/performance.md.
    pub fn print_markdown(&self) {
        println!("\n#### {}\n", self.headline());
        println!("{}.", capitalised(&self.seeding_line()));
        println!("{}.\n", capitalised(&self.machine_line()));
        println!(
            "| operation | HTTP p50 (ms) | HTTP p99 (ms) | raw p50 (ms) | raw p99 (ms) | p99 − raw p99 (ms) | goal |"
        );
        println!("|---|--:|--:|--:|--:|--:|---|");
        for l in self.lines() {
            println!(
                "| {} | {} | {} | {} | {} | {} | {} |",
                l.operation,
                ms(l.http.p50()),
                ms(l.http.p99()),
                ms(l.raw.p50()),
                ms(l.raw.p99()),
                ms_diff(l.http.p99(), l.raw.p99()),
                l.goal
            );
        }
        println!();
        println!("| portal page (signed in) | p50 (ms) | p99 (ms) | goal |");
        println!("|---|--:|--:|---|");
        for page in &self.pages {
            println!(
                "| {} | {} | {} | {} |",
                page.label,
                ms(page.latencies.p50()),
                ms(page.latencies.p99()),
                page_goal(page)
            );
        }
        println!();
        for line in self.throughput_lines() {
            println!("- {}", capitalised(&line));
        }
        println!(
            "- Reads: {} samples each after {} warm-up requests; total run time {:.1} s.",
            self.samples,
            self.warmup,
            self.total.as_secs_f64()
        );
    }
}

/// Issue 5: a page's p99 under 100 ms.
fn page_goal(page: &PageFigures) -> String {
    let p99 = page.latencies.p99().as_secs_f64() * 1000.0;
    format!("{} p99 < {PAGE_GOAL_MS:.0} ms", check(p99 < PAGE_GOAL_MS))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
