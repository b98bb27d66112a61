//! Engine behaviour on a tiny hand-written generator: produce errors,
//! exhaustion, batch-preserving formatters, workers.

use super::*;
use crate::format::FormatterConfig;
use crate::generator::{EventBatch, Init, InitError, Produced};
use crate::input::config::StaticConfig;
use crate::output::{FileConfig, WriteMode};
use crate::test_generator::{SPEC, plain, stopping};
use crate::time::Timestamp;

fn config(
    create: fn(&Init<'_>) -> Result<Box<dyn crate::Generator>, InitError>,
    count: i64,
    out: &std::path::Path,
    formatter: FormatterConfig,
    size: Option<usize>,
) -> EngineConfig {
    let mut file = FileConfig::new(out.to_path_buf());
    file.write_mode = WriteMode::Overwrite;
    file.formatter = Some(formatter);
    EngineConfig {
        entry: GeneratorEntry {
            spec: &SPEC,
            create,
        },
        params: ParamValues::new(),
        seed: 1,
        workers: 1,
        live_mode: false,
        skip_past: false,
        zone: Zone::utc(),
        now: 1_767_225_600_000_000,
        batch: BatchConfig { size, delay: None }.resolve().unwrap(),
        inputs: vec![InputConfig::Static(StaticConfig {
            count,
            tags: Vec::new(),
        })],
        outputs: vec![OutputConfig::File(file)],
        base_dir: std::env::temp_dir(),
        progress: None,
        log: None,
        stop: Arc::new(AtomicBool::new(false)),
    }
}

/// The engine's messages, sent to the returned receiver.
fn log_to_channel(c: &mut EngineConfig) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    c.log = Some(Box::new(move |m: &str| {
        let _ = tx.send(m.to_owned());
    }));
    rx
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("eventum-engine-{name}-{}.json", std::process::id()))
}

#[test]
fn produce_errors_are_counted_and_skipped() {
    let path = temp("errors");
    let mut messages = Vec::new();
    let mut c = config(plain, 100, &path, FormatterConfig::Plain, None);
    let rx = log_to_channel(&mut c);
    let stats = run(c).unwrap();
    messages.extend(rx.try_iter());
    assert_eq!(stats.timestamps, 100);
    assert_eq!(stats.produce_errors, 10);
    assert_eq!(stats.events, 90);
    assert_eq!(stats.outputs[0].written, 90);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 90);
    assert!(!text.contains("\"n\": 10}"));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("event 10 fails on purpose")),
        "{messages:?}"
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn format_errors_are_counted_and_reported_per_output() {
    let path = temp("format-errors");
    let template = "{% if event.endswith(' 7}') %}{{ missing.field }}{% endif %}<{{ event }}>";
    let mut c = config(
        plain,
        9,
        &path,
        FormatterConfig::Template {
            source: crate::format::TemplateSource::Inline(template.to_owned()),
        },
        None,
    );
    let rx = log_to_channel(&mut c);
    let stats = run(c).unwrap();
    let messages: Vec<String> = rx.try_iter().collect();
    // Events 1..=9; none fails to produce, the 7th fails to format.
    assert_eq!(stats.events, 9);
    assert_eq!(stats.outputs[0].format_failed, 1);
    assert_eq!(stats.outputs[0].written, 8);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 8);
    assert!(text.starts_with("<{\"n\": 1}>\n"), "{text}");
    assert!(!text.contains("\"n\": 7"));
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("output #1: event dropped: Failed to render template:")),
        "{messages:?}"
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn exhaust_stops_with_the_events_before_it() {
    let path = temp("exhaust");
    let stats = run(config(stopping, 1000, &path, FormatterConfig::Plain, None)).unwrap();
    assert!(stats.exhausted);
    // Events 1..=24 minus the failing 10th and 20th.
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 22);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn json_batch_keeps_batch_boundaries() {
    let path = temp("batch");
    let stats = run(config(
        plain,
        9,
        &path,
        FormatterConfig::JsonBatch { indent: 0 },
        Some(4),
    ))
    .unwrap();
    assert_eq!(stats.events, 9);
    let text = std::fs::read_to_string(&path).unwrap();
    let sizes: Vec<usize> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<Vec<serde_json::Value>>(l)
                .unwrap()
                .len()
        })
        .collect();
    assert_eq!(sizes, [4, 4, 1]);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn workers_write_every_event_in_order() {
    let path = temp("workers");
    let mut c = config(plain, 20_000, &path, FormatterConfig::Plain, Some(100));
    c.workers = 3;
    let stats = run(c).unwrap();
    assert_eq!(stats.events, 18_000);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 18_000);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn a_bad_output_fails_before_anything_runs() {
    let mut c = config(
        plain,
        10,
        std::path::Path::new("/proc/forbidden/x.json"),
        FormatterConfig::Plain,
        None,
    );
    c.base_dir = PathBuf::from("/");
    let err = run(c).unwrap_err();
    assert!(err.0.contains("output file"), "{err}");
}

/// Writes how many tags its timestamp carries (1 for the http input here).
struct TagCounter;

impl crate::Generator for TagCounter {
    fn produce(&mut self, _ts: Timestamp, tags: &Tags, out: &mut EventBatch) -> Produced {
        out.push(format!("{{\"tags\": {}}}", tags.len()).as_bytes());
        Produced::Events
    }

    fn render(&mut self, _: &str, _: Timestamp, _: &Tags, _: &mut EventBatch) -> Option<Produced> {
        None
    }
}

// The signature of `GeneratorEntry::create`.
#[allow(clippy::unnecessary_wraps)]
fn tag_counter(_: &Init<'_>) -> Result<Box<dyn crate::Generator>, InitError> {
    Ok(Box::new(TagCounter))
}

/// The http input is served while an endless cron input runs (Eventum runs
/// the interactive group on its own thread).
#[test]
fn http_runs_beside_an_endless_schedule() {
    use std::io::{Read, Write};
    let path = temp("http");
    let port = 20_000 + (std::process::id() % 20_000) as u16;
    let mut c = config(tag_counter, 1, &path, FormatterConfig::Plain, None);
    c.live_mode = true;
    c.now = Timestamp::now().utc_micros();
    c.inputs = serde_saphyr::from_str(&format!(
        "[{{cron: {{expression: '* * * * * *', count: 1}}}}, {{http: {{host: 127.0.0.1, port: {port}, tags: [api]}}}}]"
    ))
    .unwrap();
    let stop = c.stop.clone();
    let engine = thread::spawn(move || run(c).unwrap());
    let post = |body: &str, path: &str| -> String {
        for _ in 0..50 {
            if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
                let req = format!(
                    "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                s.write_all(req.as_bytes()).unwrap();
                let mut resp = String::new();
                let _ = s.read_to_string(&mut resp);
                return resp;
            }
            thread::sleep(Duration::from_millis(100));
        }
        panic!("the http input never listened on port {port}");
    };
    let resp = post("{\"count\": 3}", "/generate");
    assert!(resp.starts_with("HTTP/1.1 201"), "{resp}");
    // Wait for the three http events (the cron ones come every second).
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if text.lines().filter(|l| *l == "{\"tags\": 1}").count() == 3 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "http events never arrived:\n{text}"
        );
        thread::sleep(Duration::from_millis(100));
    }
    stop.store(true, Ordering::SeqCst);
    let stats = engine.join().unwrap();
    assert!(stats.stopped);
    let _ = std::fs::remove_file(&path);
}
