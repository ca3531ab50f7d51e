//! Hostile loopback servers for the trust tests: a server that redirects, one that echoes
//! what it was sent back in many encodings, one that trickles, one that never answers, one
//! that ignores paging. Plain std threads and sockets, so what they do is exactly what is
//! written here. Each serves until dropped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as received.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// The form fields of an invoke request, decoded.
    pub(crate) fn form(&self) -> Vec<(String, String)> {
        form_urlencoded::parse(&self.body).into_owned().collect()
    }

    pub(crate) fn field(&self, name: &str) -> Option<String> {
        self.form()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

/// What the server does with a request.
pub(crate) enum Answer {
    Reply {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    },
    /// Sends headers, then the body one byte a second.
    Trickle,
    /// Reads the request, then says nothing, ever.
    Silence,
}

impl Answer {
    pub(crate) fn json(status: u16, body: &serde_json::Value) -> Answer {
        Answer::Reply {
            status,
            headers: vec![("Content-Type", "application/json".into())],
            body: body.to_string().into_bytes(),
        }
    }

    /// An invoke envelope whose called API answered `status` with `body`.
    pub(crate) fn envelope(status: u16, body: &serde_json::Value) -> Answer {
        Answer::json(
            200,
            &serde_json::json!({"statusCode": status, "response": body.to_string(), "responseHeaders": {}}),
        )
    }
}

type Handler = dyn Fn(&Request) -> Answer + Send + Sync;

pub(crate) struct Hostile {
    pub url: String,
    /// Every request received, in order.
    pub seen: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    port: u16,
}

impl Hostile {
    pub(crate) fn start(handler: impl Fn(&Request) -> Answer + Send + Sync + 'static) -> Hostile {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let (stop_flag, seen_log) = (stop.clone(), seen.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop_flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (handler, seen, stop) = (handler.clone(), seen_log.clone(), stop_flag.clone());
                std::thread::spawn(move || serve(stream, &*handler, &seen, &stop));
            }
        });
        Hostile {
            url: format!("http://127.0.0.1:{port}"),
            seen,
            stop,
            port,
        }
    }

    pub(crate) fn requests(&self) -> Vec<Request> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(stream: TcpStream, handler: &Handler, seen: &Mutex<Vec<Request>>, stop: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let Some(request) = read_request(&mut reader) else {
            return;
        };
        seen.lock().unwrap().push(request.clone());
        match handler(&request) {
            Answer::Reply {
                status,
                headers,
                body,
            } => {
                let mut head = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\n", body.len());
                for (name, value) in headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                if writer.write_all(head.as_bytes()).is_err() || writer.write_all(&body).is_err() {
                    return;
                }
            }
            Answer::Trickle => {
                let _ = writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n");
                while !stop.load(Ordering::SeqCst) {
                    if writer.write_all(b" ").is_err() {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(500));
                }
                return;
            }
            Answer::Silence => {
                while !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(100));
                }
                return;
            }
        }
    }
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse().ok()?;
        }
        headers.push((name.to_string(), value.trim().to_string()));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        headers,
        body,
    })
}

/// `text` in every encoding a careless server might echo it in.
pub(crate) fn encodings(text: &str) -> Vec<String> {
    let form: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
    let lower = {
        let mut out = String::new();
        let mut chars = form.chars();
        while let Some(c) = chars.next() {
            out.push(c);
            if c == '%' {
                out.extend(chars.by_ref().take(2).map(|h| h.to_ascii_lowercase()));
            }
        }
        out
    };
    let json = serde_json::to_string(text).unwrap();
    let json = json[1..json.len() - 1].to_string();
    let unicode: String = text
        .encode_utf16()
        .map(
            |u| match char::from_u32(u32::from(u)).filter(char::is_ascii_alphanumeric) {
                Some(c) => c.to_string(),
                None => format!("\\u{u:04x}"),
            },
        )
        .collect();
    vec![
        text.to_string(),
        form.clone(),
        form.replace('+', "%20"),
        lower.clone(),
        lower.replace('+', "%20"),
        json.replace('/', "\\/"),
        unicode,
    ]
}
