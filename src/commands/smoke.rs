//! `smoke`: the CI job in one command. A round trip against a profile, one line per planned
//! step with its time (steps that could not run are listed as skipped), `-o json`, and JUnit
//! XML (written even when the profile cannot be used at all). Exit 0 only when every step
//! passed; 6 when the target could not be reached; 1 for any other failure. The item it
//! stores is deleted even when a later step fails.

use super::with_client;
use crate::api::logs;
use crate::api::storage::{Item, Query};
use crate::cli::{OutputFormat, SmokeArgs};
use crate::client::Client;
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// The steps, in order; `log` only with `--log`.
const STEPS: [&str; 7] = [
    "hash accepted",
    "storage put",
    "storage get",
    "storage delete",
    "config get",
    "permissions",
    "log",
];

#[derive(Debug)]
enum StepOutcome {
    Passed(String),
    Failed(Error),
    Skipped(String),
    /// Could not run at all: the configuration is wrong (a JUnit `<error>`, never green).
    Errored(String),
}

#[derive(Debug)]
struct Step {
    name: &'static str,
    elapsed: Duration,
    outcome: StepOutcome,
}

/// Resolves the settings itself: a configuration error still gets its JUnit report.
pub(super) fn run(args: &SmokeArgs, settings: Result<Settings>, out: &Output) -> Result<()> {
    if let Some(path) = &args.junit {
        check_writable(path)?;
    }
    let planned: Vec<&'static str> = STEPS
        .into_iter()
        .filter(|name| args.log || *name != "log")
        .collect();
    let started = Instant::now();
    let steps = match settings.and_then(|settings| {
        with_client(&settings, out, async |client| {
            Ok(run_steps(client, &planned, out).await)
        })
    }) {
        Ok(steps) => steps,
        // Nothing could run (no secret, no org id, …): every step is in error, with why, so
        // that no dashboard shows the run green.
        Err(error) => {
            let steps = planned
                .iter()
                .map(|name| Step {
                    name,
                    elapsed: Duration::ZERO,
                    outcome: StepOutcome::Errored(error.message.clone()),
                })
                .collect::<Vec<_>>();
            finish(args, &steps, started.elapsed(), out)?;
            return Err(error);
        }
    };
    finish(args, &steps, started.elapsed(), out)?;
    let failed: Vec<&Error> = steps
        .iter()
        .filter_map(|s| match &s.outcome {
            StepOutcome::Failed(e) => Some(e),
            _ => None,
        })
        .collect();
    let skipped = steps
        .iter()
        .filter(|s| matches!(s.outcome, StepOutcome::Skipped(_)))
        .count();
    if failed.is_empty() && skipped == 0 {
        return Ok(());
    }
    let message = format!(
        "smoke test failed: {} step(s) failed, {skipped} skipped",
        failed.len()
    );
    // The target could not be reached at all: a network failure, not a negative answer.
    let unreachable = failed.first().is_some_and(|e| e.kind == Kind::Network);
    Err(Error::new(
        if unreachable {
            Kind::Network
        } else {
            Kind::Negative
        },
        message,
    ))
}

/// Prints the report (unless it already went out line by line) and writes the JUnit file.
fn finish(args: &SmokeArgs, steps: &[Step], total: Duration, out: &Output) -> Result<()> {
    if out.format() == OutputFormat::Json {
        let report: Vec<Value> = steps.iter().map(step_json).collect();
        out.json_line(&json!({"steps": report, "ms": total.as_secs_f64() * 1000.0}));
    } else {
        // Steps already printed as they ran; those of a run that could not start were not.
        let passed = steps
            .iter()
            .filter(|s| matches!(s.outcome, StepOutcome::Passed(_)))
            .count();
        if steps
            .iter()
            .all(|s| matches!(s.outcome, StepOutcome::Errored(_)))
        {
            for step in steps {
                print_step(step, out);
            }
        }
        out.line(&format!(
            "{passed} of {} steps passed in {}",
            steps.len(),
            duration(total)
        ));
    }
    if let Some(path) = &args.junit {
        let xml = out.redact(&junit(steps, total));
        std::fs::write(path, xml)
            .map_err(|e| Error::usage(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// `--junit` is checked before anything runs: finding it unwritable after storage was
/// changed would leave a CI job without its report.
fn check_writable(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map(drop)
        .map_err(|e| Error::usage(format!("cannot write --junit {}: {e}", path.display())))
}

async fn run_steps(client: &Client, planned: &[&'static str], out: &Output) -> Vec<Step> {
    let key = format!("smoke_{:016x}", rand::random::<u64>());
    let value = json!({"smoke": true, "key": key});
    let mut steps = Vec::new();

    let first = step(out, &mut steps, "hash accepted", async {
        let query = Query {
            key: Some(key.clone()),
            ..Query::default()
        };
        client.storage().get(&query).await?;
        Ok("the invoke API accepted the signed request".into())
    })
    .await;
    if !first {
        let rest = &planned[steps.len()..];
        skip(out, &mut steps, rest, "the first request failed");
        return steps;
    }
    let stored = step(out, &mut steps, "storage put", async {
        let item = Item {
            key: key.clone(),
            queriable_value: Some("smoke".into()),
            value: value.clone(),
        };
        client.storage().put(std::slice::from_ref(&item)).await?;
        Ok(format!("stored {key}"))
    })
    .await;
    if stored {
        step(out, &mut steps, "storage get", async {
            let query = Query {
                key: Some(key.clone()),
                ..Query::default()
            };
            let items = client.storage().get(&query).await?;
            match items.iter().find(|i| i.key == key) {
                Some(item) if item.value == value => Ok("read back the same value".into()),
                Some(item) => Err(Error::new(
                    Kind::Server,
                    format!("read back a different value: {}", item.value),
                )),
                None => Err(Error::new(
                    Kind::Server,
                    format!("{key} was not found after put"),
                )),
            }
        })
        .await;
        // Always clean up what this run stored.
        step(out, &mut steps, "storage delete", async {
            client.storage().delete(&key).await?;
            Ok(format!("deleted {key}"))
        })
        .await;
    } else {
        let names = ["storage get", "storage delete"];
        skip(out, &mut steps, &names, "storage put failed");
    }
    step(out, &mut steps, "config get", async {
        let params = client.config_params().await?;
        Ok(format!("{} config params", params.len()))
    })
    .await;
    step(out, &mut steps, "permissions", async {
        let list = client.permissions().await?;
        Ok(format!("{} custom permissions", list.len()))
    })
    .await;
    if planned.contains(&"log") {
        step(out, &mut steps, "log", async {
            let response = client
                .post_log("desk-invoke smoke", &format!("smoke run {key}"), None)
                .await?;
            let (id, _) = response
                .body
                .as_json()
                .map(logs::ids)
                .unwrap_or((None, None));
            Ok(format!("logId {}", id.unwrap_or_else(|| "?".into())))
        })
        .await;
    }
    steps
}

/// Records `names` as skipped for `reason`, each line printed.
fn skip(out: &Output, steps: &mut Vec<Step>, names: &[&'static str], reason: &str) {
    for name in names {
        let step = Step {
            name,
            elapsed: Duration::ZERO,
            outcome: StepOutcome::Skipped(reason.to_string()),
        };
        print_step(&step, out);
        steps.push(step);
    }
}

/// Runs one step, prints its line (not with `-o json`), records it; returns whether it
/// passed.
async fn step(
    out: &Output,
    steps: &mut Vec<Step>,
    name: &'static str,
    work: impl std::future::Future<Output = Result<String>>,
) -> bool {
    let started = Instant::now();
    let outcome = match work.await {
        Ok(detail) => StepOutcome::Passed(detail),
        Err(error) => StepOutcome::Failed(error),
    };
    let step = Step {
        name,
        elapsed: started.elapsed(),
        outcome,
    };
    print_step(&step, out);
    let passed = matches!(step.outcome, StepOutcome::Passed(_));
    steps.push(step);
    passed
}

/// One report line, printed as the step ends; none with `-o json` (the report comes whole
/// at the end).
fn print_step(step: &Step, out: &Output) {
    use colored::Colorize;
    if out.format() == OutputFormat::Json {
        return;
    }
    let (mark, style, detail): (_, fn(&str) -> String, _) = match &step.outcome {
        StepOutcome::Passed(detail) => ("ok  ", |m| m.green().bold().to_string(), detail.clone()),
        StepOutcome::Failed(error) => (
            "FAIL",
            |m| m.red().bold().to_string(),
            out.redact(&error.message),
        ),
        StepOutcome::Skipped(reason) => (
            "skip",
            |m| m.yellow().to_string(),
            format!("skipped: {reason}"),
        ),
        StepOutcome::Errored(reason) => (
            "ERR ",
            |m| m.red().bold().to_string(),
            format!("could not run: {}", out.redact(reason)),
        ),
    };
    let time = match step.outcome {
        StepOutcome::Skipped(_) | StepOutcome::Errored(_) => String::new(),
        _ => duration(step.elapsed),
    };
    let rest = format!("  {:<15} {time:>8}  {detail}", step.name);
    out.marked_line(mark, style, &rest);
}

fn step_json(step: &Step) -> Value {
    let (status, detail) = match &step.outcome {
        StepOutcome::Passed(detail) => ("passed", detail.clone()),
        StepOutcome::Failed(error) => ("failed", error.message.clone()),
        StepOutcome::Skipped(reason) => ("skipped", reason.clone()),
        StepOutcome::Errored(reason) => ("error", reason.clone()),
    };
    json!({"name": step.name, "status": status, "ms": step.elapsed.as_secs_f64() * 1000.0, "detail": detail})
}

/// `12 ms`, `<1 ms` for what is faster, `1.2 s` past a second.
fn duration(elapsed: Duration) -> String {
    match elapsed.as_millis() {
        0 => "<1 ms".to_string(),
        ms @ 1..=999 => format!("{ms} ms"),
        _ => format!("{:.1} s", elapsed.as_secs_f64()),
    }
}

fn junit(steps: &[Step], total: Duration) -> String {
    let count = |f: fn(&StepOutcome) -> bool| steps.iter().filter(|s| f(&s.outcome)).count();
    let failures = count(|o| matches!(o, StepOutcome::Failed(_)));
    let skipped = count(|o| matches!(o, StepOutcome::Skipped(_)));
    let errors = count(|o| matches!(o, StepOutcome::Errored(_)));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(&format!(
        "<testsuites name=\"desk-invoke smoke\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{:.3}\">\n",
        steps.len(),
        total.as_secs_f64()
    ));
    xml.push_str(&format!(
        "  <testsuite name=\"smoke\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{:.3}\">\n",
        steps.len(),
        total.as_secs_f64()
    ));
    for s in steps {
        let open = format!(
            "    <testcase classname=\"desk-invoke.smoke\" name=\"{}\" time=\"{:.3}\"",
            escape(s.name),
            s.elapsed.as_secs_f64()
        );
        match &s.outcome {
            StepOutcome::Passed(detail) => xml.push_str(&format!(
                "{open}>\n      <system-out>{}</system-out>\n    </testcase>\n",
                escape(detail)
            )),
            StepOutcome::Failed(error) => xml.push_str(&format!(
                "{open}>\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                escape(&error.message),
                escape(&error.message)
            )),
            StepOutcome::Skipped(reason) => xml.push_str(&format!(
                "{open}>\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                escape(reason)
            )),
            StepOutcome::Errored(reason) => xml.push_str(&format!(
                "{open}>\n      <error message=\"{}\" type=\"configuration\">{}</error>\n    </testcase>\n",
                escape(reason),
                escape(reason)
            )),
        }
    }
    xml.push_str("  </testsuite>\n</testsuites>\n");
    xml
}

/// XML-escapes text, dropping characters XML 1.0 cannot carry.
fn escape(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&apos;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junit_escapes_and_counts() {
        let steps = vec![
            Step {
                name: "a",
                elapsed: Duration::from_millis(5),
                outcome: StepOutcome::Passed("fine".into()),
            },
            Step {
                name: "b",
                elapsed: Duration::from_millis(7),
                outcome: StepOutcome::Failed(Error::negative("bad <x> & \"y\"\u{1}")),
            },
            Step {
                name: "c",
                elapsed: Duration::ZERO,
                outcome: StepOutcome::Skipped("b failed".into()),
            },
        ];
        let xml = junit(&steps, Duration::from_millis(12));
        assert!(
            xml.contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""),
            "{xml}"
        );
        assert!(xml.contains("bad &lt;x&gt; &amp; &quot;y&quot;</failure>"));
        assert!(xml.contains("<skipped message=\"b failed\"/>"));
        assert!(!xml.contains('\u{1}'));
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(duration(Duration::from_micros(300)), "<1 ms");
        assert_eq!(duration(Duration::from_millis(12)), "12 ms");
        assert_eq!(duration(Duration::from_millis(1500)), "1.5 s");
    }
}
