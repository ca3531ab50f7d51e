//! `smoke`: the CI job in one command. A round trip against a profile, one line per step with
//! its time, optional JUnit XML; exit 0 only when every step passed. The item it stores is
//! deleted even when a later step fails.

use super::with_client;
use crate::api::logs;
use crate::api::storage::{Item, Query};
use crate::cli::SmokeArgs;
use crate::client::Client;
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::settings::Settings;
use serde_json::json;
use std::time::{Duration, Instant};

struct Step {
    name: &'static str,
    elapsed: Duration,
    outcome: std::result::Result<String, String>,
}

pub(super) fn run(args: &SmokeArgs, settings: &Settings, out: &Output) -> Result<()> {
    let started = Instant::now();
    let steps = with_client(settings, out, async |client| {
        Ok(run_steps(client, args.log, out).await)
    })?;
    let failed = steps.iter().filter(|s| s.outcome.is_err()).count();
    if let Some(path) = &args.junit {
        std::fs::write(path, junit(&steps, started.elapsed()))
            .map_err(|e| Error::usage(format!("cannot write {}: {e}", path.display())))?;
    }
    out.line(&format!(
        "{} of {} steps passed in {} ms",
        steps.len() - failed,
        steps.len(),
        started.elapsed().as_millis()
    ));
    if failed == 0 {
        Ok(())
    } else {
        Err(Error::negative(format!(
            "smoke test failed: {failed} step(s)"
        )))
    }
}

async fn run_steps(client: &Client, with_log: bool, out: &Output) -> Vec<Step> {
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
        return steps;
    }
    let stored = step(out, &mut steps, "storage put", async {
        let item = Item {
            key: key.clone(),
            queriable_value: Some("smoke".into()),
            value: value.clone(),
        };
        client.storage().put(&item).await?;
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
    if with_log {
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

/// Runs one step, prints its line, records it; returns whether it passed.
async fn step(
    out: &Output,
    steps: &mut Vec<Step>,
    name: &'static str,
    work: impl std::future::Future<Output = Result<String>>,
) -> bool {
    let started = Instant::now();
    let outcome = work.await.map_err(|e| e.message);
    let elapsed = started.elapsed();
    let (mark, detail) = match &outcome {
        Ok(detail) => (
            out.paint("ok  ", |m| {
                colored::Colorize::bold(colored::Colorize::green(m)).to_string()
            }),
            detail.clone(),
        ),
        Err(reason) => (
            out.paint("FAIL", |m| {
                colored::Colorize::bold(colored::Colorize::red(m)).to_string()
            }),
            reason.clone(),
        ),
    };
    out.line(&format!(
        "{mark}  {name:<15} {:>6} ms  {detail}",
        elapsed.as_millis()
    ));
    let passed = outcome.is_ok();
    steps.push(Step {
        name,
        elapsed,
        outcome,
    });
    passed
}

fn junit(steps: &[Step], total: Duration) -> String {
    let failures = steps.iter().filter(|s| s.outcome.is_err()).count();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(&format!(
        "<testsuites name=\"desk-invoke smoke\" tests=\"{}\" failures=\"{failures}\" time=\"{:.3}\">\n",
        steps.len(),
        total.as_secs_f64()
    ));
    xml.push_str(&format!(
        "  <testsuite name=\"smoke\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" time=\"{:.3}\">\n",
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
            Ok(detail) => xml.push_str(&format!(
                "{open}>\n      <system-out>{}</system-out>\n    </testcase>\n",
                escape(detail)
            )),
            Err(reason) => xml.push_str(&format!(
                "{open}>\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
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
                outcome: Ok("fine".into()),
            },
            Step {
                name: "b",
                elapsed: Duration::from_millis(7),
                outcome: Err("bad <x> & \"y\"\u{1}".into()),
            },
        ];
        let xml = junit(&steps, Duration::from_millis(12));
        assert!(xml.contains("tests=\"2\" failures=\"1\""));
        assert!(xml.contains("bad &lt;x&gt; &amp; &quot;y&quot;</failure>"));
        assert!(!xml.contains('\u{1}'));
    }
}
