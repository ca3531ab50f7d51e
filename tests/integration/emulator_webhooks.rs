//! Extension webhooks through the binary over real HTTP: `emulator trigger`, the admin API's
//! `/_emulator/installations/{id}/webhooks/{event}`, Desk's body shape, the query Desk
//! appends, and the report of every delivery (output, journal, stats).

use crate::common::*;
use crate::hostile::{Answer, Hostile};
use serde_json::{json, Value};

/// The CLI pointed at `url` with the test secret.
fn admin(sandbox: &Sandbox, url: &str) -> assert_cmd::Command {
    let mut cmd = sandbox.signed();
    cmd.env("DESK_INVOKE_BASE_URL", url);
    cmd
}

fn json_of(output: &std::process::Output) -> Value {
    assert!(output.status.success(), "{}", stderr_of(output));
    serde_json::from_str(&stdout_of(output)).expect("JSON on stdout")
}

fn http_get(url: &str) -> Value {
    serde_json::from_str(&crate::common::http_get(url)).unwrap()
}

/// A project whose webhook (at `webhook_url`) subscribes to Ticket_Add and, with its
/// previous state, Ticket_Update.
fn project(sandbox: &Sandbox, webhook_url: &str) -> String {
    sandbox.write(
        "project/plugin-manifest.json",
        json!({
            "secret": SECRET,
            "type": "org",
            "storage": true,
            "zohoAuthorisation": {
                "type": "connectors",
                "connectionLinkName": "zohodesk",
                "scope": ["Desk.tickets.ALL", "Desk.events.ALL"],
            },
        })
        .to_string(),
    );
    sandbox.write(
        "project/resources.json",
        json!({"webhook": {
            "resourceName": "hooks",
            "url": webhook_url,
            "name": "hooks",
            "ignoreSourceId": "2df92c1a-973a-48f5-95b7-5792c68b9c36",
            "subscriptions": {
                "Ticket_Add": null,
                "Ticket_Update": {"includePrevState": true},
                "Ticket_Approval_Add": null,
            },
        }})
        .to_string(),
    );
    sandbox.path("project").to_str().unwrap().to_string()
}

/// POSTs an empty body with an independent client; "STATUS BODY".
fn http_post(url: &str) -> String {
    let script = "import sys, urllib.request, urllib.error
try:
    r = urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b'', method='POST'))
    print(r.status, r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())";
    let out = std::process::Command::new("python3")
        .args(["-c", script, url])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn query_of(target: &str) -> Vec<(String, String)> {
    let query = target.split_once('?').map_or("", |(_, q)| q);
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The emulator on the project, its webhook deliveries going to a receiver that answers 200.
fn delivering_to_a_receiver() -> (Sandbox, Hostile, Emulator) {
    delivering_to_a_receiver_answering(200)
}

/// As `delivering_to_a_receiver`, the receiver answering `status`.
fn delivering_to_a_receiver_answering(status: u16) -> (Sandbox, Hostile, Emulator) {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(move |_| Answer::json(status, &json!({"ok": status == 200})));
    let dir = project(&sandbox, "https://extension.example.com/production/hook");
    let to = format!("{}/hooks", receiver.url);
    let emulator = sandbox.start_emulator(&["--project", &dir, "--webhook-to", &to]);
    (sandbox, receiver, emulator)
}

#[test]
fn a_subscribed_event_arrives_in_desks_shape_with_org_id_and_security_context_in_the_query() {
    let (sandbox, receiver, emulator) = delivering_to_a_receiver();
    let url = &emulator.base_url;
    let installed = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "install", "--org-id", "60001234"])
            .output()
            .unwrap(),
    );
    let id = installed["installationId"].as_str().unwrap();
    let context = installed["securityContext"].as_str().unwrap();

    let added = admin(&sandbox, url)
        .args(["emulator", "trigger", "Ticket_Add", "--installation", id])
        .output()
        .unwrap();
    let reply = json_of(&added);
    assert_eq!(reply["webhook"]["ok"], true, "{reply}");
    assert_eq!(reply["webhook"]["status"], 200);
    assert!(reply["webhook"]["ms"].is_number());
    // The report names where it went, never the query with the securityContext.
    assert_eq!(reply["webhook"]["url"], format!("{}/hooks", receiver.url));
    assert!(!stdout_of(&added).contains(context));
    assert!(!stderr_of(&added).contains(context));

    let payload = sandbox.write(
        "ticket.json",
        json!({"id": "777", "status": "Closed"}).to_string(),
    );
    let updated = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "trigger", "Ticket_Update", "--installation", id])
            .arg("--payload")
            .arg(&payload)
            .output()
            .unwrap(),
    );
    assert_eq!(updated["webhook"]["ok"], true, "{updated}");

    let requests = receiver.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.method, "POST");
        // Desk documents no signature on webhooks.
        assert!(!request
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("HASH")));
        assert!(request.target.starts_with("/hooks?"), "{}", request.target);
        assert_eq!(
            query_of(&request.target),
            [
                ("orgId".to_string(), "60001234".to_string()),
                ("securityContext".to_string(), context.to_string())
            ]
        );
    }
    let body = |i: usize| serde_json::from_slice::<Value>(&requests[i].body).unwrap();
    let add = &body(0)[0];
    assert_eq!(body(0).as_array().unwrap().len(), 1);
    assert_eq!(add["eventType"], "Ticket_Add");
    assert_eq!(add["orgId"], "60001234");
    assert!(add["eventTime"]
        .as_str()
        .unwrap()
        .bytes()
        .all(|b| b.is_ascii_digit()));
    assert!(add["payload"]["id"].is_string(), "{add}");
    assert!(add.get("prevState").is_none(), "{add}");
    let update = &body(1)[0];
    assert_eq!(update["eventType"], "Ticket_Update");
    assert_eq!(update["payload"], json!({"id": "777", "status": "Closed"}));
    assert_eq!(update["prevState"]["id"], "777");
    assert_eq!(update["prevState"]["status"], "Open");

    let journal = http_get(&format!("{url}/_emulator/requests"));
    let webhooks: Vec<&Value> = journal
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "delivery" && r["event"].as_str().unwrap().starts_with("Ticket_"))
        .collect();
    assert_eq!(webhooks.len(), 2, "{journal}");
    assert_eq!(webhooks[0]["installationId"], id);
    assert_eq!(webhooks[0]["url"], format!("{}/hooks", receiver.url));
    assert!(!journal.to_string().contains(context));
    let stats = http_get(&format!("{url}/_emulator/stats"));
    // onInstall went nowhere (no callbackListener), both webhooks arrived.
    assert_eq!(stats["deliveries"]["sent"], 3, "{stats}");
    assert_eq!(stats["deliveries"]["failed"], 1, "{stats}");
}

#[test]
fn an_unsubscribed_event_or_a_project_without_a_webhook_is_refused_with_the_subscribed_ones() {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(|_| Answer::json(200, &json!({})));
    let dir = project(&sandbox, &format!("{}/hooks", receiver.url));
    let emulator = sandbox.start_emulator(&["--project", &dir]);
    let refused = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "trigger", "Ticket_Delete"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "{}", stderr_of(&refused));
    assert!(stdout_of(&refused).is_empty());
    let why = stderr_of(&refused);
    assert!(why.contains("Ticket_Delete"), "{why}");
    assert!(
        why.contains("Ticket_Add, Ticket_Update, Ticket_Approval_Add"),
        "{why}"
    );
    // The admin API refuses it the same way for callers without the CLI.
    let direct = http_post(&format!(
        "{}/_emulator/installations/default/webhooks/Ticket_Delete",
        emulator.base_url
    ));
    assert!(direct.starts_with("400 "), "{direct}");
    assert!(direct.contains("EVENT_NOT_SUBSCRIBED"), "{direct}");
    assert!(receiver.requests().is_empty());

    let bare = sandbox.start_emulator(&["--no-project"]);
    let nothing = admin(&sandbox, &bare.base_url)
        .args(["emulator", "trigger", "Ticket_Add"])
        .output()
        .unwrap();
    assert_eq!(nothing.status.code(), Some(2), "{}", stderr_of(&nothing));
    assert!(stderr_of(&nothing).contains("no webhook"));
}

#[test]
fn without_webhook_to_deliveries_go_to_the_webhook_url_and_a_failure_sets_the_exit_code() {
    let sandbox = Sandbox::new();
    let receiver = Hostile::start(|_| Answer::json(500, &json!({"error": "down"})));
    let dir = project(&sandbox, &format!("{}/from-resources", receiver.url));
    let emulator = sandbox.start_emulator(&["--project", &dir]);
    let failed = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "trigger", "Ticket_Add"])
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(5), "{}", stderr_of(&failed));
    let reply: Value = serde_json::from_str(&stdout_of(&failed)).unwrap();
    assert_eq!(reply["webhook"]["ok"], false);
    assert_eq!(reply["webhook"]["status"], 500);
    assert!(stderr_of(&failed).contains("Ticket_Add webhook to"));
    let requests = receiver.requests();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].target.starts_with("/from-resources?orgId="));

    let bad = sandbox.write("bad.json", "[1, 2]");
    let refused = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "trigger", "Ticket_Add", "--payload"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr_of(&refused).contains("JSON object"));
    // A subscribed event the tool has no sample for needs its payload.
    let no_sample = admin(&sandbox, &emulator.base_url)
        .args(["emulator", "trigger", "Ticket_Approval_Add"])
        .output()
        .unwrap();
    assert_eq!(
        no_sample.status.code(),
        Some(2),
        "{}",
        stderr_of(&no_sample)
    );
    assert!(stderr_of(&no_sample).contains("--payload FILE"));
    assert_eq!(receiver.requests().len(), 1);
}

/// A payload as large as the CLI takes reaches the extension; a body over the admin API's
/// bound is refused as every admin error is: JSON, with a 4xx status.
#[test]
fn a_large_webhook_payload_is_delivered_and_a_too_large_admin_body_is_a_json_413() {
    let (sandbox, receiver, emulator) = delivering_to_a_receiver();
    let url = &emulator.base_url;
    let description = "x".repeat(3 * 1024 * 1024);
    let payload = sandbox.write(
        "big.json",
        json!({"id": "1", "description": description}).to_string(),
    );
    let sent = json_of(
        &admin(&sandbox, url)
            .args(["emulator", "trigger", "Ticket_Add", "--payload"])
            .arg(&payload)
            .output()
            .unwrap(),
    );
    assert_eq!(sent["webhook"]["ok"], true, "{sent}");
    assert!(receiver.requests()[0].body.len() > description.len());

    // Sends all 17 MiB: the emulator reads them to the end, so the 413 reaches a client that
    // was still sending (no connection reset).
    let script = "import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
body = b'{\"payload\":{\"d\":\"' + b'x' * (17 * 1024 * 1024) + b'\"}}'
s = socket.create_connection((host, port), timeout=20)
s.sendall(b'POST /_emulator/installations/default/webhooks/Ticket_Add HTTP/1.1\\r\\nHost: x\\r\\n'
          b'Content-Type: application/json\\r\\nContent-Length: %d\\r\\n\\r\\n' % len(body))
s.sendall(body)
answer = b''
while b'}' not in answer.partition(b'\\r\\n\\r\\n')[2]:
    chunk = s.recv(65536)
    if not chunk:
        break
    answer += chunk
head, _, body = answer.partition(b'\\r\\n\\r\\n')
status = head.split(b' ')[1].decode()
types = [l.split(b':', 1)[1].strip().decode() for l in head.split(b'\\r\\n') if l.lower().startswith(b'content-type:')]
print(status, types[0] if types else '-', body.decode())";
    let address = url.trim_start_matches("http://");
    let (host, port) = address.rsplit_once(':').unwrap();
    let out = std::process::Command::new("python3")
        .args(["-c", script, host, port])
        .output()
        .unwrap();
    let answer = String::from_utf8_lossy(&out.stdout);
    assert!(answer.starts_with("413 application/json"), "{answer}");
    assert!(answer.contains("PAYLOAD_TOO_LARGE"), "{answer}");
}

/// "410 Gone removes the subscription": the installation's later events are refused, until
/// the extension is authorised again.
#[test]
fn a_receiver_answering_410_gone_removes_the_installations_subscription() {
    let (sandbox, receiver, emulator) = delivering_to_a_receiver_answering(410);
    let url = &emulator.base_url;
    let trigger = || Run::of(admin(&sandbox, url)).args(["emulator", "trigger", "Ticket_Add"]);
    // Delivered, and answered 410 Gone; then refused, never sent.
    trigger().expect_exit(4).stdout_has("410 Gone").run();
    trigger().expect_exit(4).stderr_has("WEBHOOK_REMOVED").run();
    assert_eq!(receiver.requests().len(), 1, "nothing is sent once removed");
    let authorised = admin(&sandbox, url)
        .args(["emulator", "event", "onZohoAuthorise"])
        .output()
        .unwrap();
    let authorised: Value = serde_json::from_str(&stdout_of(&authorised)).unwrap();
    assert_eq!(
        authorised["callback"]["event"], "onZohoAuthorise",
        "{authorised}"
    );
    trigger().expect_exit(4).stdout_has("410 Gone").run();
    assert_eq!(
        receiver.requests().len(),
        2,
        "authorised again, it is subscribed again"
    );
}
