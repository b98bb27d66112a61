//! The `ecs!` serializer against `serde_json` on the same typed event.
//!
//! One auditd `execve` document (about 1.6 KB, ECS fields only, with an
//! `event.original` that needs escaping) is held in a static typed struct.
//! The `ecs!` side is a one-event generator whose body writes that struct's
//! fields with `ecs!`, run through `Generator::produce` into a reused
//! `EventBatch` (so it also pays for the picker and the event bookkeeping);
//! the serde side is `serde_json::to_writer` of the same struct
//! (`#[derive(Serialize)]`) into a reused `Vec<u8>`. Both write the same
//! bytes, which is asserted before measuring.
//!
//! `cargo bench -p eventum-runtime --bench serializer`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eventum_runtime::generator::{Init, ParamValues, Tags};
use eventum_runtime::{EventBatch, Timestamp};
use serde::Serialize;
use std::hint::black_box;

#[derive(Serialize)]
struct AuditEvent {
    #[serde(rename = "@timestamp")]
    timestamp: &'static str,
    agent: Agent,
    data_stream: DataStream,
    ecs: Ecs,
    host: Host,
    event: Event,
    process: Process,
    user: User,
    related: Related,
    tags: [&'static str; 2],
}

#[derive(Serialize)]
struct Agent {
    ephemeral_id: &'static str,
    id: &'static str,
    name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct DataStream {
    dataset: &'static str,
    namespace: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Ecs {
    version: &'static str,
}

#[derive(Serialize)]
struct Host {
    architecture: &'static str,
    hostname: &'static str,
    id: &'static str,
    ip: [&'static str; 1],
    mac: [&'static str; 1],
    name: &'static str,
    os: Os,
}

#[derive(Serialize)]
struct Os {
    family: &'static str,
    kernel: &'static str,
    name: &'static str,
    platform: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Event {
    action: &'static str,
    category: [&'static str; 1],
    kind: &'static str,
    #[serde(rename = "type")]
    types: [&'static str; 1],
    dataset: &'static str,
    module: &'static str,
    original: &'static str,
    outcome: &'static str,
    sequence: i64,
}

#[derive(Serialize)]
struct Process {
    args: &'static [&'static str],
    executable: &'static str,
    name: &'static str,
    parent: Parent,
    pid: i64,
    title: &'static str,
    working_directory: &'static str,
}

#[derive(Serialize)]
struct Parent {
    pid: i64,
}

#[derive(Serialize)]
struct User {
    group: Group,
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Group {
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Related {
    user: [&'static str; 2],
}

static EVENT: AuditEvent = AuditEvent {
    timestamp: "2026-01-01T00:00:00.200Z",
    agent: Agent {
        ephemeral_id: "a1c509df-21ce-449a-b668-5ab8e3db0004",
        id: "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d0004",
        name: "bastion-04",
        kind: "auditbeat",
        version: "8.11.4",
    },
    data_stream: DataStream {
        dataset: "auditd_manager.auditd",
        namespace: "default",
        kind: "logs",
    },
    ecs: Ecs { version: "8.11.0" },
    host: Host {
        architecture: "x86_64",
        hostname: "bastion-04",
        id: "7c0e2a4c6e8a4b1d35c6d7e8f9a0b104",
        ip: ["10.20.0.14"],
        mac: ["00-50-56-A1-00-04"],
        name: "bastion-04.example.internal",
        os: Os {
            family: "debian",
            kernel: "6.1.0-21-amd64",
            name: "Debian GNU/Linux",
            platform: "debian",
            kind: "linux",
            version: "12 (bookworm)",
        },
    },
    event: Event {
        action: "executed",
        category: ["process"],
        kind: "event",
        types: ["start"],
        dataset: "auditd_manager.auditd",
        module: "auditd",
        original: "type=SYSCALL msg=audit(1767225600.200:4455013): arch=c000003e syscall=59 \
                   success=yes exit=0 a0=55d0c1a2b3c4 a1=55d0c1a2b3d8 a2=55d0c1a2b3f0 a3=8 \
                   items=2 ppid=51389 pid=51412 auid=1001 uid=1001 gid=1001 euid=1001 \
                   suid=1001 fsuid=1001 egid=1001 sgid=1001 fsgid=1001 tty=pts1 ses=1042 \
                   comm=\"ls\" exe=\"/usr/bin/ls\" key=\"exec\"\n\
                   type=EXECVE msg=audit(1767225600.200:4455013): argc=2 a0=\"ls\" a1=\"-la\"\n\
                   type=CWD msg=audit(1767225600.200:4455013): cwd=\"/home/alice\"\n\
                   type=PROCTITLE msg=audit(1767225600.200:4455013): proctitle=6C73002D6C61",
        outcome: "success",
        sequence: 4_455_013,
    },
    process: Process {
        args: &["ls", "-la"],
        executable: "/usr/bin/ls",
        name: "ls",
        parent: Parent { pid: 51_389 },
        pid: 51_412,
        title: "ls -la",
        working_directory: "/home/alice",
    },
    user: User {
        group: Group {
            id: "1001",
            name: "alice",
        },
        id: "1001",
        name: "alice",
    },
    related: Related {
        user: ["alice", "root"],
    },
    tags: ["preserve_original_event", "auditd_manager-auditd"],
};

#[eventum_runtime::generator(
    name = "bench-serializer",
    mode = chance,
    ecs = "8.11.0",
    export = false
)]
/// One event type writing [`EVENT`] with `ecs!`.
pub mod bench_serializer {
    /// The static event, field by field.
    #[event(weight = 1)]
    fn execve(cx: &mut Cx) -> Event {
        let e = &super::EVENT;
        ecs! {
            "@timestamp": e.timestamp,
            "agent": {
                "ephemeral_id": e.agent.ephemeral_id,
                "id": e.agent.id,
                "name": e.agent.name,
                "type": e.agent.kind,
                "version": e.agent.version,
            },
            "data_stream": {
                "dataset": e.data_stream.dataset,
                "namespace": e.data_stream.namespace,
                "type": e.data_stream.kind,
            },
            "ecs": { "version": e.ecs.version },
            "host": {
                "architecture": e.host.architecture,
                "hostname": e.host.hostname,
                "id": e.host.id,
                "ip": e.host.ip,
                "mac": e.host.mac,
                "name": e.host.name,
                "os": {
                    "family": e.host.os.family,
                    "kernel": e.host.os.kernel,
                    "name": e.host.os.name,
                    "platform": e.host.os.platform,
                    "type": e.host.os.kind,
                    "version": e.host.os.version,
                },
            },
            "event": {
                "action": e.event.action,
                "category": e.event.category,
                "kind": e.event.kind,
                "type": e.event.types,
                "dataset": e.event.dataset,
                "module": e.event.module,
                "original": e.event.original,
                "outcome": e.event.outcome,
                "sequence": e.event.sequence,
            },
            "process": {
                "args": e.process.args,
                "executable": e.process.executable,
                "name": e.process.name,
                "parent": { "pid": e.process.parent.pid },
                "pid": e.process.pid,
                "title": e.process.title,
                "working_directory": e.process.working_directory,
            },
            "user": {
                "group": { "id": e.user.group.id, "name": e.user.group.name },
                "id": e.user.id,
                "name": e.user.name,
            },
            "related": { "user": e.related.user },
            "tags": e.tags,
        }
    }
}

fn serializer(c: &mut Criterion) {
    let params = ParamValues::new();
    let init = Init {
        params: &params,
        seed: 1,
        worker: 0,
    };
    let mut generator =
        (bench_serializer::GENERATOR.create)(&init).expect("the bench generator starts");
    let tags: Tags = Tags::from(Vec::new());
    let ts = Timestamp::from_utc_micros(1_767_225_600_200_000);
    let mut batch = EventBatch::with_capacity(1 << 16, 16);
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);

    let _ = generator.produce(ts, &tags, &mut batch);
    serde_json::to_writer(&mut buf, &EVENT).expect("serde_json writes into a Vec");
    assert_eq!(
        String::from_utf8_lossy(batch.get(0).expect("one event")),
        String::from_utf8_lossy(&buf),
        "ecs! and serde_json must write the same bytes"
    );

    let mut g = c.benchmark_group("serializer");
    g.throughput(Throughput::Bytes(buf.len() as u64));
    g.bench_function("ecs! (Generator::produce)", |b| {
        b.iter(|| {
            batch.clear();
            let _ = generator.produce(black_box(ts), &tags, &mut batch);
            batch.byte_len()
        });
    });
    g.bench_function("serde_json::to_writer (derive)", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&EVENT))
                .expect("serde_json writes into a Vec");
            buf.len()
        });
    });
    g.finish();
}

criterion_group!(benches, serializer);
criterion_main!(benches);
