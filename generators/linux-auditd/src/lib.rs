//! `linux-auditd`: Linux audit events as Elastic Agent's `auditd_manager`
//! integration indexes them (ECS 8.11.0).
//!
//! The research behind the event mix, the field sets and the session
//! lifecycle is in `RESEARCH.md` next to this crate's manifest.

#[eventum_runtime::generator(
    name = "linux-auditd",
    title = "Linux auditd (Elastic Agent auditd_manager)",
    mode = chance,
    ecs = "8.11.0",
    fields = [
        "fields/base-fields.yml",
        "fields/ecs.yml",
        "fields/fields.yml",
        "fields/agent.yml"
    ]
)]
/// Linux audit records (kernel syscall records and PAM/user-space records)
/// coalesced and normalized the way Elastic Agent's `auditd_manager`
/// integration (go-libaudit + its ingest pipeline) indexes them: correlated
/// SSH, cron and sudo PAM sessions, syscalls from the rule sets commonly
/// deployed (STIG, CIS, Neo23x0), `SELinux`/`AppArmor` denials, service and
/// audit-configuration changes, per-host monotonic sequence numbers, and the
/// raw `msg=audit(...)` lines in `auditd.messages` / `event.original`.
///
/// ## Where the frequencies come from
///
/// No public source measures the per-record-type shares of a fleet's audit
/// stream, so the mix is reasoned from the rule sets deployments use and from
/// how often each source fires on a typical server (the reasoning and the
/// citations are in the generator crate's `RESEARCH.md`):
///
/// - process execution and outbound `connect` dominate: every baseline audits
///   `execve` (Neo23x0's "high volume events"), and fleet-wide collectors such
///   as Slack's go-audit focus on both;
/// - file opens are mostly failed accesses: the STIG `access` rules record only
///   `EACCES`/`EPERM`;
/// - PAM records need no rule and arrive in bursts: cron is the largest flow
///   (audit-userspace ships a `crond_t` exclusion for that reason), then SSH
///   logins, whose failures come from internet scanners, then sudo;
/// - steady background: `adjtimex` from chronyd, systemd timer units, `setuid`
///   from sudo and su;
/// - rare by nature: account management, audit rule changes, kernel modules,
///   package updates, firewall reloads, MAC denials.
///
/// ## References
///
/// - elastic/integrations, `packages/auditd_manager`: sample event, field
///   definitions, golden pipeline outputs and the ingest pipeline.
/// - elastic/go-libaudit, `aucoalesce/normalizations.yaml` and its coalesced
///   golden outputs.
/// - Neo23x0/auditd, "Linux Audit Daemon - Best Practice Configuration".
/// - linux-audit/audit-userspace, `rules/30-stig.rules` and
///   `rules/20-dont-audit.rules`; auditctl(8).
/// - Red Hat, "RHEL Audit System Reference".
pub mod linux_auditd {
    #[params]
    pub struct Params {
        /// DNS domain of the hosts: `host.name` is `<hostname>.<domain>`
        /// (empty: the short hostname).
        #[param(default = "example.internal")]
        pub domain: String,
        /// Elastic Agent version (`agent.version`, `elastic_agent.version`).
        #[param(default = "8.11.4")]
        pub agent_version: String,
        /// ECS version the indexed documents declare (`ecs.version`).
        #[param(default = "8.11.0")]
        pub ecs_version: String,
        /// Data stream namespace.
        #[param(default = "default")]
        pub namespace: String,
        /// Hosts in each role group of `samples/hosts.json` (6 groups). At
        /// most 99: host names and MACs carry a two-digit number.
        #[param(default = 4, min = 1, max = 99)]
        pub hosts_per_group: i64,
        /// Cap of each pool of in-progress logins and open sessions.
        #[param(default = 64, min = 1)]
        pub session_pool_cap: i64,
        /// Percentage of audited syscalls that fail.
        #[param(default = 4.0, min = 0, max = 100)]
        pub failure_rate: f64,
        /// Percentage of SSH and sudo password authentications that fail.
        #[param(default = 12.0, min = 0, max = 100)]
        pub auth_failure_rate: f64,
    }

    /// Host role groups; each yields `hosts_per_group` hosts whose names,
    /// addresses and ids derive from the group's prefixes.
    #[sample(json = "samples/hosts.json", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct Host {
        pub group: Str,
        pub prefix: Str,
        pub os_name: Str,
        pub os_version: Str,
        pub os_family: Str,
        pub os_platform: Str,
        pub os_kernel: Str,
        pub os_codename: Str,
        pub selinux: bool,
        pub subnet: Str,
        pub machine: Str,
        pub agent: Str,
        pub mac: Str,
        pub seq_base: i64,
        pub ephemeral: Str,
        pub hostkey: Str,
        pub weight: f64,
    }

    /// Interactive accounts (SSH logins, sudo).
    #[sample(csv = "samples/users.csv", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct User {
        pub name: Str,
        pub uid: Str,
        pub gid: Str,
        pub group: Str,
        pub home: Str,
        pub weight: f64,
    }

    /// Workstations and VPN addresses administrators connect from.
    #[sample(csv = "samples/clients.csv", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct Client {
        pub ip: Str,
        pub o1: i64,
        pub o2: i64,
        pub o3: i64,
        pub o4: i64,
        pub weight: f64,
    }

    /// Commands users type in SSH sessions.
    #[sample(json = "samples/shell_commands.json", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct ShellCommand {
        pub exe: Str,
        pub comm: Str,
        pub title: Str,
        pub argc: i64,
        pub execve: Str,
        pub proctitle: Str,
        pub args: &'static [Str],
        pub inode: Str,
        pub weight: f64,
    }

    /// Programs started by daemons, systemd, cron and CI runners.
    #[sample(json = "samples/system_commands.json", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct SystemCommand {
        pub exe: Str,
        pub comm: Str,
        pub title: Str,
        pub argc: i64,
        pub execve: Str,
        pub proctitle: Str,
        pub args: &'static [Str],
        pub user: Str,
        pub uid: Str,
        pub gid: Str,
        pub group: Str,
        pub se_type: Str,
        pub inode: Str,
        pub parent: Str,
        pub weight: f64,
    }

    /// Commands run through sudo (`cmd_raw` is the `USER_CMD` spelling:
    /// quoted, or hex when it holds spaces).
    #[sample(json = "samples/sudo_commands.json", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct SudoCommand {
        pub cmd: Str,
        pub cmd_raw: Str,
        pub exe: Str,
        pub comm: Str,
        pub title: Str,
        pub argc: i64,
        pub execve: Str,
        pub proctitle: Str,
        pub args: &'static [Str],
        pub weight: f64,
    }

    /// Files the file-system rules watch.
    #[sample(json = "samples/files.json", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct File {
        pub path: Str,
        pub dir: Str,
        pub name: Str,
        pub inode: Str,
        pub mode: Str,
        pub perm: Str,
        pub ouid: Str,
        pub ogid: Str,
        pub owner: Str,
        pub group: Str,
        pub obj_type: Str,
        pub read_exe: Str,
        pub read_comm: Str,
        pub read_title: Str,
        pub read_hex: Str,
        pub chmod_title: Str,
        pub chmod_hex: Str,
        pub chown_title: Str,
        pub chown_hex: Str,
        pub rm_title: Str,
        pub rm_hex: Str,
        pub mv_title: Str,
        pub mv_hex: Str,
        pub mkdir_title: Str,
        pub mkdir_hex: Str,
        pub d_exe: Str,
        pub d_comm: Str,
        pub d_user: Str,
        pub d_uid: Str,
        pub d_gid: Str,
        pub d_group: Str,
        pub d_se: Str,
        pub d_title: Str,
        pub d_hex: Str,
        pub weight: f64,
    }

    /// Connection endpoints and the client process that usually opens them.
    #[sample(json = "samples/remotes.json", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct Remote {
        pub ip: Str,
        pub o1: i64,
        pub o2: i64,
        pub o3: i64,
        pub o4: i64,
        pub port: i64,
        pub exe: Str,
        pub comm: Str,
        pub user: Str,
        pub uid: Str,
        pub gid: Str,
        pub group: Str,
        pub se_type: Str,
        pub title: Str,
        pub proctitle: Str,
        pub kind: Str,
        pub weight: f64,
    }

    /// systemd units started and stopped (timer-driven units dominate).
    #[sample(csv = "samples/services.csv", weight = "weight")]
    #[derive(Debug, Clone, Copy)]
    pub struct Service {
        pub unit: Str,
        pub weight: f64,
    }

    /// A PAM conversation in progress or an open session: what the records
    /// of one login (or cron job, or sudo invocation) share.
    #[derive(Debug, Clone, Copy)]
    pub struct Login {
        /// The host's group row.
        pub host: Host,
        /// The host's number in its group.
        pub n: i64,
        /// The process doing PAM (sshd session child, cron, sudo).
        pub pid: i64,
        /// The audit session id (4294967295 until LOGIN sets it).
        pub ses: i64,
        /// The login user (the invoking user for sudo; root for cron).
        pub user: User,
        /// The remote address (SSH) or `?`.
        pub addr: Str,
        /// The pseudo-terminal number.
        pub pts: i64,
        /// For sudo: the command.
        pub cmd: SudoCommand,
    }

    #[shared]
    pub struct Shared {
        /// Per-host audit record serial numbers.
        #[state(start = 1, wrap = 2_000_000_000)]
        pub seq: Counter<String>,
        /// Per-host audit session ids.
        #[state(start = 1, wrap = 1_000_000_000)]
        pub ses: Counter<String>,
        /// SSH: `USER_AUTH` done.
        #[state(cap = params.session_pool_cap)]
        pub ssh_authed: Pool<Login>,
        /// SSH: `USER_ACCT` done (LOGIN next).
        #[state(cap = params.session_pool_cap)]
        pub ssh_accounted: Pool<Login>,
        /// SSH: `CRED_ACQ` done (`USER_LOGIN` next).
        #[state(cap = params.session_pool_cap)]
        pub ssh_cred: Pool<Login>,
        /// SSH: LOGIN (audit session assigned) done (`CRED_ACQ` next).
        #[state(cap = params.session_pool_cap)]
        pub ssh_logged: Pool<Login>,
        /// SSH: `USER_LOGIN` done.
        #[state(cap = params.session_pool_cap)]
        pub ssh_loggedin: Pool<Login>,
        /// Open interactive SSH sessions (`USER_START` done).
        #[state(cap = params.session_pool_cap)]
        pub sessions: Pool<Login>,
        /// SSH: `USER_LOGOUT` done.
        #[state(cap = params.session_pool_cap)]
        pub ssh_closing: Pool<Login>,
        /// SSH: `USER_END` done.
        #[state(cap = params.session_pool_cap)]
        pub ssh_ended: Pool<Login>,
        /// cron: `USER_ACCT` done.
        #[state(cap = params.session_pool_cap)]
        pub cron_accounted: Pool<Login>,
        /// cron: `CRED_ACQ` done.
        #[state(cap = params.session_pool_cap)]
        pub cron_cred: Pool<Login>,
        /// cron: LOGIN done.
        #[state(cap = params.session_pool_cap)]
        pub cron_logged: Pool<Login>,
        /// Running cron jobs (`USER_START` done).
        #[state(cap = params.session_pool_cap)]
        pub cron_running: Pool<Login>,
        /// cron: `CRED_DISP` done.
        #[state(cap = params.session_pool_cap)]
        pub cron_disposed: Pool<Login>,
        /// sudo: `USER_AUTH` done.
        #[state(cap = params.session_pool_cap)]
        pub sudo_authed: Pool<Login>,
        /// sudo: `USER_ACCT` done.
        #[state(cap = params.session_pool_cap)]
        pub sudo_accounted: Pool<Login>,
        /// sudo: `USER_CMD` done.
        #[state(cap = params.session_pool_cap)]
        pub sudo_cmd: Pool<Login>,
        /// sudo: `CRED_REFR` done.
        #[state(cap = params.session_pool_cap)]
        pub sudo_refreshed: Pool<Login>,
        /// Open sudo sessions (`USER_START` done).
        #[state(cap = params.session_pool_cap)]
        pub sudo_open: Pool<Login>,
        /// sudo: `USER_END` done.
        #[state(cap = params.session_pool_cap)]
        pub sudo_ended: Pool<Login>,
    }

    // ----------------------------------------------------------------------
    // Text helpers.

    /// `n` with at least two digits.
    fn two(n: i64) -> String {
        if n < 10 {
            format!("0{n}")
        } else {
            n.to_string()
        }
    }

    /// `n` with three digits (milliseconds).
    fn pad3(n: u32) -> String {
        if n < 10 {
            format!("00{n}")
        } else if n < 100 {
            format!("0{n}")
        } else {
            n.to_string()
        }
    }

    /// One hexadecimal digit.
    fn hexd(d: i64) -> &'static str {
        match d {
            0 => "0",
            1 => "1",
            2 => "2",
            3 => "3",
            4 => "4",
            5 => "5",
            6 => "6",
            7 => "7",
            8 => "8",
            9 => "9",
            10 => "A",
            11 => "B",
            12 => "C",
            13 => "D",
            14 => "E",
            _ => "F",
        }
    }

    /// A byte as two hexadecimal digits.
    fn hex2(b: i64) -> String {
        format!("{}{}", hexd(b / 16), hexd(b % 16))
    }

    /// The SOCKADDR record's `saddr` of an IPv4 address and port
    /// (`struct sockaddr_in`: family 2 little-endian, port and address
    /// big-endian, 8 bytes of padding).
    fn saddr_v4(port: i64, o1: i64, o2: i64, o3: i64, o4: i64) -> String {
        format!(
            "0200{}{}{}{}{}{}0000000000000000",
            hex2(port / 256),
            hex2(port % 256),
            hex2(o1),
            hex2(o2),
            hex2(o3),
            hex2(o4)
        )
    }

    /// A host's short name: `<prefix>-<nn>`.
    fn host_name(h: &Host, n: i64) -> String {
        format!("{}-{}", h.prefix, two(n))
    }

    /// A host's address in its group's subnet.
    fn host_ip(h: &Host, n: i64) -> String {
        format!("{}.{}", h.subnet, 10 + n)
    }

    /// `@timestamp` at the record's millisecond resolution (UTC).
    fn iso_ms(t: Timestamp, ms: &str) -> String {
        format!("{}.{}Z", t.strftime_or_panic("%Y-%m-%dT%H:%M:%S"), ms)
    }

    /// The `<epoch>.<ms>:<serial>` inside `msg=audit(...)`.
    fn audit_stamp(t: Timestamp, ms: &str, seq: i64) -> String {
        format!("{}.{}:{}", t.strftime_or_panic("%s"), ms, seq)
    }

    /// One raw record: `type=<T> msg=audit(<stamp>): <body>`.
    fn rec(rtype: &str, stamp: &str, body: &str) -> String {
        format!("type={rtype} msg=audit({stamp}): {body}")
    }

    /// A `SELinux` context `user:role:type:level[:category]`.
    fn context(user: &str, role: &str, domain: &str, level: &str, cat: &str) -> String {
        if cat.is_empty() {
            format!("{user}:{role}:{domain}:{level}")
        } else {
            format!("{user}:{role}:{domain}:{level}:{cat}")
        }
    }

    /// The `SELinux` context of a process of type `se_type`: users run
    /// unconfined, login daemons with the full MLS range, services at s0.
    fn proc_context(se_type: &str) -> String {
        if se_type == "unconfined_t" {
            context(
                "unconfined_u",
                "unconfined_r",
                "unconfined_t",
                "s0-s0",
                "c0.c1023",
            )
        } else if se_type == "sshd_t" || se_type == "crond_t" {
            context("system_u", "system_r", se_type, "s0-s0", "c0.c1023")
        } else {
            context("system_u", "system_r", se_type, "s0", "")
        }
    }

    /// ` subj=<context>` on `SELinux` hosts, nothing elsewhere.
    #[allow(clippy::manual_string_new)] // `"".to_string()` is the spelling the template subset has
    fn subj(selinux: bool, ctx: &str) -> String {
        if selinux {
            format!(" subj={ctx}")
        } else {
            "".to_string()
        }
    }

    /// A user-space (PAM) record body:
    /// `pid= uid= auid= ses= [subj=] msg='...'`.
    fn user_body(pid: i64, uid: &str, auid: &str, ses: i64, subj: &str, msg: &str) -> String {
        format!("pid={pid} uid={uid} auid={auid} ses={ses}{subj} msg='{msg}'")
    }

    /// The PAM modules that approved a step, as pam logs them: the stack of
    /// the service (`sshd`, `crond`/`cron`, `sudo`) on the host's family.
    fn grantors(op: &str, family: &str, flow: &str) -> &'static str {
        let session = op == "PAM:session_open" || op == "PAM:session_close";
        if family == "redhat" {
            if session && flow == "ssh" {
                "pam_selinux,pam_loginuid,pam_selinux,pam_namespace,pam_keyinit,pam_keyinit,pam_limits,pam_systemd,pam_unix,pam_lastlog"
            } else if session && flow == "cron" {
                "pam_loginuid,pam_keyinit,pam_limits,pam_systemd,pam_unix"
            } else if session {
                "pam_keyinit,pam_limits,pam_keyinit,pam_limits,pam_systemd,pam_unix"
            } else {
                match op {
                    "PAM:authentication" => "pam_unix",
                    "PAM:accounting" => "pam_unix,pam_localuser",
                    _ => "pam_env,pam_unix",
                }
            }
        } else if session && flow == "ssh" {
            "pam_selinux,pam_loginuid,pam_keyinit,pam_permit,pam_umask,pam_unix,pam_systemd,pam_mail,pam_limits,pam_env,pam_env,pam_selinux"
        } else if session && flow == "cron" {
            "pam_loginuid,pam_env,pam_env,pam_permit,pam_unix,pam_limits"
        } else if session {
            "pam_limits,pam_permit,pam_umask,pam_unix,pam_systemd"
        } else {
            match op {
                "PAM:authentication" => "pam_permit",
                "PAM:accounting" => "pam_permit",
                _ => "pam_permit,pam_cap",
            }
        }
    }

    /// The name of a uid of the accounts the events use.
    fn uid_name(uid: &str) -> &'static str {
        match uid {
            "0" => "root",
            "26" => "postgres",
            "33" => "www-data",
            "48" => "apache",
            "89" => "postfix",
            "101" => "systemd-resolve",
            "104" => "syslog",
            "105" => "_apt",
            "994" => "chrony",
            "997" => "gitlab-runner",
            "1000" => "ubuntu",
            "1001" => "alice",
            "1002" => "bob",
            "1100" => "deploy",
            "1200" => "appsvc",
            _ => "nobody",
        }
    }

    // ----------------------------------------------------------------------
    // Fragments shared by the event types.

    /// What Elastic Agent adds to every document: agent, data stream, host.
    fn envelope(p: &Params, h: &Host, n: i64, ts: &str) -> Fragment {
        let name = host_name(h, n);
        let fqdn = if p.domain.is_empty() {
            host_name(h, n)
        } else {
            format!("{}.{}", name, p.domain)
        };
        let agent_id = format!("{}00{}", h.agent, two(n));
        ecs! {
            "@timestamp": ts,
            "agent": {
                "ephemeral_id": format!("{}00{}", h.ephemeral, two(n)),
                "id": agent_id,
                "name": name,
                "type": "auditbeat",
                "version": p.agent_version,
            },
            "data_stream": { "dataset": "auditd_manager.auditd", "namespace": p.namespace, "type": "logs" },
            "ecs": { "version": p.ecs_version },
            "elastic_agent": { "id": agent_id, "snapshot": false, "version": p.agent_version },
            "host": {
                "architecture": "x86_64",
                "containerized": false,
                "hostname": name,
                "id": format!("{}{}", h.machine, two(n)),
                "ip": [host_ip(h, n)],
                "mac": [format!("{}-{}", h.mac, two(n))],
                "name": fqdn,
                "os": {
                    "codename": h.os_codename,
                    "family": h.os_family,
                    "kernel": h.os_kernel,
                    "name": h.os_name,
                    "platform": h.os_platform,
                    "type": "linux",
                    "version": h.os_version,
                },
            },
            "service": { "type": "auditd" },
            "tags": ["preserve_original_event", "auditd_manager-auditd"],
        }
    }

    /// `event.*` every document carries besides the type's metadata.
    fn event_base(seq: i64, outcome: &str, original: &str) -> Fragment {
        ecs! {
            "dataset": "auditd_manager.auditd",
            "module": "auditd",
            "original": original,
            "outcome": outcome,
            "sequence": seq,
        }
    }

    /// `related.user`: the distinct names, sorted (empty names skipped).
    fn related_users(a: &str, b: &str) -> Fragment {
        if a.is_empty() || a == b {
            ecs! { "user": [b] }
        } else if b.is_empty() {
            ecs! { "user": [a] }
        } else if a < b {
            ecs! { "user": [a, b] }
        } else {
            ecs! { "user": [b, a] }
        }
    }

    /// `related.user` of three names: distinct, sorted.
    fn related_users3(a: &str, b: &str, c: &str) -> Fragment {
        if a == b || a == c {
            related_users(b, c)
        } else if b == c {
            related_users(a, b)
        } else {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            if c < lo {
                ecs! { "user": [c, lo, hi] }
            } else if c < hi {
                ecs! { "user": [lo, c, hi] }
            } else {
                ecs! { "user": [lo, hi, c] }
            }
        }
    }

    /// `auditd.user.audit` when the login id is set.
    fn audit_user(auid: &str, name: &str) -> Fragment {
        if auid == "4294967295" {
            ecs! {}
        } else {
            ecs! { "audit": { "id": auid, "name": name } }
        }
    }

    /// `auditd.user.selinux` from the subject label of a process of type
    /// `se_type` (see [`proc_context`]), on `SELinux` hosts.
    fn subject_label(selinux: bool, se_type: &str) -> Fragment {
        let human = se_type == "unconfined_t";
        let ranged = human || se_type == "sshd_t" || se_type == "crond_t";
        let user = if human { "unconfined_u" } else { "system_u" };
        let role = if human { "unconfined_r" } else { "system_r" };
        if !selinux {
            ecs! {}
        } else if ranged {
            ecs! { "selinux": { "category": "c0.c1023", "domain": se_type, "level": "s0-s0", "role": role, "user": user } }
        } else {
            ecs! { "selinux": { "domain": se_type, "level": "s0", "role": role, "user": user } }
        }
    }

    /// `auditd.user` of a user-space record: the login identity when set,
    /// the subject label on `SELinux` hosts (nothing when neither applies).
    fn auditd_user(auid: &str, name: &str, selinux: bool, se_type: &str) -> Fragment {
        if auid == "4294967295" && !selinux {
            ecs! {}
        } else {
            ecs! { "user": { ..audit_user(auid, name), ..subject_label(selinux, se_type) } }
        }
    }

    /// `auditd.user` of a SYSCALL record: login id, filesystem and saved
    /// ids (equal to the effective ones), and the subject label.
    #[allow(clippy::too_many_arguments)] // one argument per id field the record carries
    fn syscall_user(
        h: &Host,
        auid: &str,
        auid_name: &str,
        euid: &str,
        ename: &str,
        egid: &str,
        egname: &str,
        se_type: &str,
    ) -> Fragment {
        ecs! {
            ..audit_user(auid, auid_name),
            "filesystem": { "group": { "id": egid, "name": egname }, "id": euid, "name": ename },
            "saved": { "group": { "id": egid, "name": egname }, "id": euid, "name": ename },
            ..subject_label(h.selinux, se_type),
        }
    }

    /// The ids part of a SYSCALL record (`auid= uid= gid= euid= ...`).
    fn syscall_ids(auid: &str, uid: &str, gid: &str, euid: &str, egid: &str) -> String {
        format!(
            "auid={auid} uid={uid} gid={gid} euid={euid} suid={euid} fsuid={euid} egid={egid} sgid={egid} fsgid={egid}"
        )
    }

    /// A SYSCALL record body (`x86_64`).
    #[allow(clippy::too_many_arguments)] // one argument per field of the record
    fn syscall_body(
        nr: i64,
        exit: i64,
        args: &str,
        items: i64,
        ppid: i64,
        pid: i64,
        ids: &str,
        tty: &str,
        ses: i64,
        comm: &str,
        exe: &str,
        subj: &str,
        key: &str,
    ) -> String {
        let success = if exit < 0 { "no" } else { "yes" };
        format!(
            "arch=c000003e syscall={nr} success={success} exit={exit} {args} items={items} ppid={ppid} pid={pid} {ids} tty={tty} ses={ses} comm=\"{comm}\" exe=\"{exe}\"{subj} key={key}"
        )
    }

    /// A PATH record body.
    #[allow(clippy::too_many_arguments)] // one argument per field of the record
    fn path_body(
        item: i64,
        name: &str,
        inode: &str,
        mode: &str,
        ouid: &str,
        ogid: &str,
        obj: &str,
        nametype: &str,
    ) -> String {
        format!(
            "item={item} name=\"{name}\" inode={inode} dev=fd:01 mode={mode} ouid={ouid} ogid={ogid} rdev=00:00{obj} nametype={nametype} cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0"
        )
    }

    /// One `auditd.paths` entry.
    #[allow(clippy::too_many_arguments)] // one argument per field of the record
    fn path_entry(
        selinux: bool,
        item: &str,
        name: &str,
        inode: &str,
        mode: &str,
        ouid: &str,
        ogid: &str,
        obj_type: &str,
        nametype: &str,
    ) -> Fragment {
        if selinux {
            ecs! {
                "cap_fe": "0", "cap_fi": "0", "cap_fp": "0", "cap_fver": "0",
                "dev": "fd:01", "inode": inode, "item": item, "mode": mode, "name": name, "nametype": nametype,
                "obj_domain": obj_type, "obj_level": "s0", "obj_role": "object_r", "obj_user": "system_u",
                "ogid": ogid, "ouid": ouid, "rdev": "00:00",
            }
        } else {
            ecs! {
                "cap_fe": "0", "cap_fi": "0", "cap_fp": "0", "cap_fver": "0",
                "dev": "fd:01", "inode": inode, "item": item, "mode": mode, "name": name, "nametype": nametype,
                "ogid": ogid, "ouid": ouid, "rdev": "00:00",
            }
        }
    }

    /// `auditd.file.selinux` of the object, on `SELinux` hosts.
    fn file_label(selinux: bool, obj_type: &str) -> Fragment {
        if selinux {
            ecs! { "file": { "selinux": { "domain": obj_type, "level": "s0", "role": "object_r", "user": "system_u" } } }
        } else {
            ecs! {}
        }
    }

    /// ` obj=<context>` of a PATH record on `SELinux` hosts.
    #[allow(clippy::manual_string_new)] // `"".to_string()` is the spelling the template subset has
    fn obj(selinux: bool, obj_type: &str) -> String {
        if selinux {
            format!(" obj=system_u:object_r:{obj_type}:s0")
        } else {
            "".to_string()
        }
    }

    /// `user.effective` when the effective id differs from the real one.
    fn effective_user(uid: &str, euid: &str, ename: &str, egid: &str, egname: &str) -> Fragment {
        if uid == euid {
            ecs! {}
        } else {
            ecs! { "effective": { "group": { "id": egid, "name": egname }, "id": euid, "name": ename } }
        }
    }

    /// `source.ip` with `network.direction: ingress` (go-libaudit's
    /// `source_ip: [addr]`), or nothing.
    fn ingress(on: bool, ip: &str) -> Fragment {
        if on {
            ecs! { "network": { "direction": "ingress" }, "source": { "ip": ip } }
        } else {
            ecs! {}
        }
    }

    /// No members.
    fn nothing() -> Fragment {
        ecs! {}
    }

    /// `auditd.user.old_auid` of a LOGIN that replaces a set login id.
    fn old_login(nested: bool, id: &str, name: &str) -> Fragment {
        if nested {
            ecs! { "old_auid": { "id": id, "name": name } }
        } else {
            ecs! {}
        }
    }

    /// `user.id` and `user.name`.
    fn named_user(id: &str, name: &str) -> Fragment {
        ecs! { "id": id, "name": name }
    }

    /// `user.effective` of an account someone tried to log in to (no id
    /// for names that do not exist).
    fn attempted_user(name: &str, id: &str) -> Fragment {
        if id.is_empty() {
            ecs! { "effective": { "name": name } }
        } else {
            ecs! { "effective": { "id": id, "name": name } }
        }
    }

    /// `auditd.messages` of a record group, with `n` records (2 to 6).
    fn messages(n: i64, a: &str, b: &str, c: &str, d: &str, e: &str, f: &str) -> Fragment {
        if n == 2 {
            ecs! { "messages": [a, b] }
        } else if n == 3 {
            ecs! { "messages": [a, b, c] }
        } else if n == 4 {
            ecs! { "messages": [a, b, c, d] }
        } else if n == 5 {
            ecs! { "messages": [a, b, c, d, e] }
        } else {
            ecs! { "messages": [a, b, c, d, e, f] }
        }
    }

    /// `event.original`: the record group's lines, newline-separated (the
    /// ingest pipeline's join of `auditd.messages`).
    fn joined(n: i64, a: &str, b: &str, c: &str, d: &str, e: &str, f: &str) -> String {
        if n == 2 {
            format!("{a}\n{b}")
        } else if n == 3 {
            format!("{a}\n{b}\n{c}")
        } else if n == 4 {
            format!("{a}\n{b}\n{c}\n{d}")
        } else if n == 5 {
            format!("{a}\n{b}\n{c}\n{d}\n{e}")
        } else {
            format!("{a}\n{b}\n{c}\n{d}\n{e}\n{f}")
        }
    }

    /// A number as the SYSCALL record's lowercase hexadecimal arguments.
    fn hex_arg(n: i64) -> String {
        let s = format!(
            "{}{}{}",
            hex2(n / 65536 % 256),
            hex2(n / 256 % 256),
            hex2(n % 256)
        )
        .to_lowercase();
        if n < 16 {
            hexd(n).to_lowercase()
        } else if n < 256 {
            hex2(n).to_lowercase()
        } else if n < 4096 {
            format!("{}{}", hexd(n / 256), hex2(n % 256)).to_lowercase()
        } else if n < 65536 {
            format!("{}{}", hex2(n / 256), hex2(n % 256)).to_lowercase()
        } else {
            s
        }
    }

    // ----------------------------------------------------------------------
    // PAM records of SSH logins, cron jobs and sudo.

    /// A PAM step (`USER_AUTH`, `USER_ACCT`, `CRED_ACQ`, `CRED_REFR`,
    /// `USER_START`, `USER_END`, `CRED_DISP`) of an SSH login, a cron job or
    /// a sudo invocation. Each step continues a conversation the previous
    /// step left in its pool; steps before `USER_START` begin a new one when
    /// the pool is empty (its earlier records fell before the window, or
    /// public-key logins skip `USER_AUTH`); steps after it never do, so
    /// every `USER_END` follows its session's `USER_START`.
    #[event(
        name = "ssh_user_auth",
        weight = 110,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "authenticated",
        vars(
            flow = "ssh",
            stage = 1,
            rtype = "USER_AUTH",
            op = "PAM:authentication"
        )
    )]
    #[event(
        name = "ssh_user_acct",
        weight = 100,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "was-authorized",
        vars(flow = "ssh", stage = 2, rtype = "USER_ACCT", op = "PAM:accounting")
    )]
    #[event(
        name = "ssh_cred_acq",
        weight = 96,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "acquired-credentials",
        vars(flow = "ssh", stage = 4, rtype = "CRED_ACQ", op = "PAM:setcred")
    )]
    #[event(
        name = "ssh_user_start",
        weight = 92,
        kind = "event",
        category = "session",
        type = "start",
        action = "started-session",
        vars(flow = "ssh", stage = 6, rtype = "USER_START", op = "PAM:session_open")
    )]
    #[event(
        name = "ssh_user_end",
        weight = 80,
        kind = "event",
        category = "session",
        type = "end",
        action = "ended-session",
        vars(flow = "ssh", stage = 8, rtype = "USER_END", op = "PAM:session_close")
    )]
    #[event(
        name = "ssh_cred_disp",
        weight = 78,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "disposed-credentials",
        vars(flow = "ssh", stage = 9, rtype = "CRED_DISP", op = "PAM:setcred")
    )]
    #[event(
        name = "cron_user_acct",
        weight = 150,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "was-authorized",
        vars(flow = "cron", stage = 1, rtype = "USER_ACCT", op = "PAM:accounting")
    )]
    #[event(
        name = "cron_cred_acq",
        weight = 148,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "acquired-credentials",
        vars(flow = "cron", stage = 2, rtype = "CRED_ACQ", op = "PAM:setcred")
    )]
    #[event(
        name = "cron_user_start",
        weight = 144,
        kind = "event",
        category = "session",
        type = "start",
        action = "started-session",
        vars(
            flow = "cron",
            stage = 4,
            rtype = "USER_START",
            op = "PAM:session_open"
        )
    )]
    #[event(
        name = "cron_cred_disp",
        weight = 138,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "disposed-credentials",
        vars(flow = "cron", stage = 5, rtype = "CRED_DISP", op = "PAM:setcred")
    )]
    #[event(
        name = "cron_user_end",
        weight = 136,
        kind = "event",
        category = "session",
        type = "end",
        action = "ended-session",
        vars(flow = "cron", stage = 6, rtype = "USER_END", op = "PAM:session_close")
    )]
    #[event(
        name = "sudo_user_auth",
        weight = 45,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "authenticated",
        vars(
            flow = "sudo",
            stage = 1,
            rtype = "USER_AUTH",
            op = "PAM:authentication"
        )
    )]
    #[event(
        name = "sudo_user_acct",
        weight = 60,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "was-authorized",
        vars(flow = "sudo", stage = 2, rtype = "USER_ACCT", op = "PAM:accounting")
    )]
    #[event(
        name = "sudo_cred_refr",
        weight = 56,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "refreshed-credentials",
        vars(flow = "sudo", stage = 4, rtype = "CRED_REFR", op = "PAM:setcred")
    )]
    #[event(
        name = "sudo_user_start",
        weight = 54,
        kind = "event",
        category = "session",
        type = "start",
        action = "started-session",
        vars(
            flow = "sudo",
            stage = 5,
            rtype = "USER_START",
            op = "PAM:session_open"
        )
    )]
    #[event(
        name = "sudo_user_end",
        weight = 50,
        kind = "event",
        category = "session",
        type = "end",
        action = "ended-session",
        vars(flow = "sudo", stage = 6, rtype = "USER_END", op = "PAM:session_close")
    )]
    #[event(
        name = "sudo_cred_disp",
        weight = 48,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "disposed-credentials",
        vars(flow = "sudo", stage = 7, rtype = "CRED_DISP", op = "PAM:setcred")
    )]
    fn pam_step(cx: &mut Cx) -> Event {
        let flow = cx.vars.flow;
        let stage = cx.vars.stage;
        let key = format!("{flow}{stage}");
        // The pool this step continues from (first steps: none).
        let empty = if key == "ssh2" {
            cx.shared.ssh_authed.is_empty()
        } else if key == "ssh4" {
            cx.shared.ssh_logged.is_empty()
        } else if key == "ssh6" {
            cx.shared.ssh_loggedin.is_empty()
        } else if key == "ssh8" {
            cx.shared.ssh_closing.is_empty()
        } else if key == "ssh9" {
            cx.shared.ssh_ended.is_empty()
        } else if key == "cron2" {
            cx.shared.cron_accounted.is_empty()
        } else if key == "cron4" {
            cx.shared.cron_logged.is_empty()
        } else if key == "cron5" {
            cx.shared.cron_running.is_empty()
        } else if key == "cron6" {
            cx.shared.cron_disposed.is_empty()
        } else if key == "sudo2" {
            cx.shared.sudo_authed.is_empty()
        } else if key == "sudo4" {
            cx.shared.sudo_cmd.is_empty()
        } else if key == "sudo5" {
            cx.shared.sudo_refreshed.is_empty()
        } else if key == "sudo6" {
            cx.shared.sudo_open.is_empty()
        } else if key == "sudo7" {
            cx.shared.sudo_ended.is_empty()
        } else {
            true
        };
        // Steps after USER_START continue a started session or do not happen;
        // sudo runs inside an open SSH session.
        let after_start = key == "ssh8"
            || key == "ssh9"
            || key == "cron5"
            || key == "cron6"
            || key == "sudo6"
            || key == "sudo7";
        let no_session = flow == "sudo" && empty && cx.shared.sessions.is_empty();
        if (empty && after_start) || no_session {
            cx.dispatch.next()
        } else {
            let l = if !empty {
                if key == "ssh2" {
                    cx.shared.ssh_authed.pop_random(cx.rand)
                } else if key == "ssh4" {
                    cx.shared.ssh_logged.pop_random(cx.rand)
                } else if key == "ssh6" {
                    cx.shared.ssh_loggedin.pop_random(cx.rand)
                } else if key == "ssh8" {
                    cx.shared.ssh_closing.pop_random(cx.rand)
                } else if key == "ssh9" {
                    cx.shared.ssh_ended.pop_random(cx.rand)
                } else if key == "cron2" {
                    cx.shared.cron_accounted.pop_random(cx.rand)
                } else if key == "cron4" {
                    cx.shared.cron_logged.pop_random(cx.rand)
                } else if key == "cron5" {
                    cx.shared.cron_running.pop_random(cx.rand)
                } else if key == "cron6" {
                    cx.shared.cron_disposed.pop_random(cx.rand)
                } else if key == "sudo2" {
                    cx.shared.sudo_authed.pop_random(cx.rand)
                } else if key == "sudo4" {
                    cx.shared.sudo_cmd.pop_random(cx.rand)
                } else if key == "sudo5" {
                    cx.shared.sudo_refreshed.pop_random(cx.rand)
                } else if key == "sudo6" {
                    cx.shared.sudo_open.pop_random(cx.rand)
                } else {
                    cx.shared.sudo_ended.pop_random(cx.rand)
                }
            } else if flow == "sudo" {
                // sudo in one of the open SSH sessions.
                let s = *cx.shared.sessions.get_random(cx.rand);
                Login {
                    host: s.host,
                    n: s.n,
                    pid: cx.rand.number.integer(1200, 99_999),
                    ses: s.ses,
                    user: s.user,
                    addr: s.addr,
                    pts: s.pts,
                    cmd: *cx.samples.sudo_commands.weighted_pick(),
                }
            } else if flow == "ssh" {
                Login {
                    host: *cx.samples.hosts.weighted_pick(),
                    n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                    pid: cx.rand.number.integer(1200, 99_999),
                    ses: 4_294_967_295,
                    user: *cx.samples.users.weighted_pick(),
                    addr: cx.samples.clients.weighted_pick().ip,
                    pts: cx.rand.number.integer(0, 6),
                    cmd: *cx.samples.sudo_commands.weighted_pick(),
                }
            } else {
                Login {
                    host: *cx.samples.hosts.weighted_pick(),
                    n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                    pid: cx.rand.number.integer(1200, 99_999),
                    ses: 4_294_967_295,
                    user: User {
                        name: "root",
                        uid: "0",
                        gid: "0",
                        group: "root",
                        home: "/root",
                        weight: 1.0,
                    },
                    addr: "?",
                    pts: 0,
                    cmd: *cx.samples.sudo_commands.weighted_pick(),
                }
            };
            let h = l.host;
            let host = host_name(&h, l.n);
            // A conversation whose LOGIN fell before the window gets its
            // session id now.
            let ses = if l.ses == 4_294_967_295 && (flow == "ssh" || flow == "cron") && stage >= 4 {
                cx.shared.ses.next(&host) + 1000
            } else {
                l.ses
            };
            let l = Login {
                host: l.host,
                n: l.n,
                pid: l.pid,
                ses,
                user: l.user,
                addr: l.addr,
                pts: l.pts,
                cmd: l.cmd,
            };
            let ok = if stage == 1 && flow != "cron" {
                !cx.rand.chance(cx.params.auth_failure_rate / 100.0)
            } else {
                true
            };
            if ok {
                if key == "ssh1" {
                    cx.shared.ssh_authed.push(l);
                } else if key == "ssh2" {
                    cx.shared.ssh_accounted.push(l);
                } else if key == "ssh4" {
                    cx.shared.ssh_cred.push(l);
                } else if key == "ssh6" {
                    cx.shared.sessions.push(l);
                } else if key == "ssh8" {
                    cx.shared.ssh_ended.push(l);
                } else if key == "cron1" {
                    cx.shared.cron_accounted.push(l);
                } else if key == "cron2" {
                    cx.shared.cron_cred.push(l);
                } else if key == "cron4" {
                    cx.shared.cron_running.push(l);
                } else if key == "cron5" {
                    cx.shared.cron_disposed.push(l);
                } else if key == "sudo1" {
                    cx.shared.sudo_authed.push(l);
                } else if key == "sudo2" {
                    cx.shared.sudo_accounted.push(l);
                } else if key == "sudo4" {
                    cx.shared.sudo_refreshed.push(l);
                } else if key == "sudo5" {
                    cx.shared.sudo_open.push(l);
                } else if key == "sudo6" {
                    cx.shared.sudo_ended.push(l);
                }
            }
            // Who and where, as this step logs it.
            let logged = l.ses != 4_294_967_295;
            let auid = if logged { l.user.uid } else { "4294967295" };
            let (acct, acct_uid) = if flow == "sudo" && stage >= 4 || flow == "cron" {
                ("root", "0")
            } else {
                (l.user.name, l.user.uid)
            };
            let uid = if flow == "sudo" && stage < 4 {
                l.user.uid
            } else {
                "0"
            };
            let exe = if flow == "ssh" {
                "/usr/sbin/sshd"
            } else if flow == "sudo" {
                "/usr/bin/sudo"
            } else if h.os_family == "redhat" {
                "/usr/sbin/crond"
            } else {
                "/usr/sbin/cron"
            };
            let terminal = if flow == "ssh" {
                "ssh".to_string()
            } else if flow == "cron" {
                "cron".to_string()
            } else {
                format!("/dev/pts/{}", l.pts)
            };
            let (rhost, addr) = if flow == "ssh" {
                (l.addr, l.addr)
            } else if flow == "sudo" {
                ("localhost", "127.0.0.1")
            } else {
                ("?", "?")
            };
            let se_type = if flow == "ssh" {
                "sshd_t"
            } else if flow == "cron" {
                "crond_t"
            } else {
                "unconfined_t"
            };
            let rtype = cx.vars.rtype;
            let op = cx.vars.op;
            let res = if ok { "success" } else { "failed" };
            let granted = if ok {
                grantors(op, h.os_family, flow)
            } else {
                "?"
            };
            let msg = format!(
                "op={op} grantors={granted} acct=\"{acct}\" exe=\"{exe}\" hostname={rhost} addr={addr} terminal={terminal} res={res}"
            );
            let ms = pad3(cx.timestamp.microsecond() / 1000);
            let seq = cx.shared.seq.next(&host) + h.seq_base + l.n * 1_000_003;
            let stamp = audit_stamp(cx.timestamp, &ms, seq);
            let subject = subj(h.selinux, &proc_context(se_type));
            let line = rec(
                rtype,
                &stamp,
                &user_body(l.pid, uid, auid, l.ses, &subject, &msg),
            );
            // USER_START moves the address into source.ip (go-libaudit's
            // `source_ip: [addr]`); `?` values are dropped.
            let is_start = rtype == "USER_START";
            let has_addr = addr != "?";
            ecs! {
                ..envelope(cx.params, &h, l.n, &iso_ms(cx.timestamp, &ms)),
                "event": { ..event_base(seq, if ok { "success" } else { "failure" }, &line) },
                "auditd": {
                    "data": {
                        "acct": acct,
                        "addr"?: if has_addr && !is_start { Some(addr) } else { None },
                        "grantors": granted,
                        "hostname"?: if rhost == "?" { None } else { Some(rhost) },
                        "op": op,
                        "terminal": terminal,
                    },
                    "message_type": rtype.to_lowercase(),
                    "messages": [line],
                    "result": if ok { "success" } else { "fail" },
                    "session"?: if logged { Some(l.ses.to_string()) } else { None },
                    "summary": {
                        "actor": { "primary": if logged { l.user.name } else { "unset" }, "secondary": acct },
                        "how": exe,
                        "object": {
                            "primary": terminal,
                            "secondary"?: if has_addr { Some(addr) } else { None },
                            "type": "user-session",
                        },
                    },
                    ..auditd_user(auid, l.user.name, h.selinux, se_type),
                },
                ..ingress(is_start && has_addr, addr),
                "process": { "executable": exe, "pid": l.pid },
                "related": { ..related_users(if logged { l.user.name } else { "" }, acct) },
                "user": {
                    "effective": { "id": acct_uid, "name": acct },
                    "id"?: if logged { Some(l.user.uid) } else { None },
                    "name"?: if logged { Some(l.user.name) } else { None },
                },
            }
        }
    }

    /// `LOGIN`: the kernel assigns the login uid and a new audit session to
    /// an SSH login or a cron job.
    #[event(
        name = "ssh_login_id",
        weight = 98,
        kind = "event",
        category = "authentication",
        type = "start",
        action = "changed-login-id-to",
        vars(flow = "ssh")
    )]
    #[event(
        name = "cron_login_id",
        weight = 146,
        kind = "event",
        category = "authentication",
        type = "start",
        action = "changed-login-id-to",
        vars(flow = "cron")
    )]
    fn login_id(cx: &mut Cx) -> Event {
        let flow = cx.vars.flow;
        let l = if flow == "ssh" && !cx.shared.ssh_accounted.is_empty() {
            cx.shared.ssh_accounted.pop_random(cx.rand)
        } else if flow == "cron" && !cx.shared.cron_cred.is_empty() {
            cx.shared.cron_cred.pop_random(cx.rand)
        } else if flow == "ssh" {
            Login {
                host: *cx.samples.hosts.weighted_pick(),
                n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                pid: cx.rand.number.integer(1200, 99_999),
                ses: 4_294_967_295,
                user: *cx.samples.users.weighted_pick(),
                addr: cx.samples.clients.weighted_pick().ip,
                pts: cx.rand.number.integer(0, 6),
                cmd: *cx.samples.sudo_commands.weighted_pick(),
            }
        } else {
            Login {
                host: *cx.samples.hosts.weighted_pick(),
                n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                pid: cx.rand.number.integer(1200, 99_999),
                ses: 4_294_967_295,
                user: User {
                    name: "root",
                    uid: "0",
                    gid: "0",
                    group: "root",
                    home: "/root",
                    weight: 1.0,
                },
                addr: "?",
                pts: 0,
                cmd: *cx.samples.sudo_commands.weighted_pick(),
            }
        };
        let h = l.host;
        let host = host_name(&h, l.n);
        let ses = cx.shared.ses.next(&host) + 1000;
        let l = Login {
            host: l.host,
            n: l.n,
            pid: l.pid,
            ses,
            user: l.user,
            addr: l.addr,
            pts: l.pts,
            cmd: l.cmd,
        };
        if flow == "ssh" {
            cx.shared.ssh_logged.push(l);
        } else {
            cx.shared.cron_logged.push(l);
        }
        let se_type = if flow == "ssh" { "sshd_t" } else { "crond_t" };
        // Now and then a login starts from an open session (a `login` or
        // `machinectl login` typed in a terminal): the old ids are set.
        let nested = flow == "ssh" && !cx.shared.sessions.is_empty() && cx.rand.chance(0.08);
        let parent = if nested {
            *cx.shared.sessions.get_random(cx.rand)
        } else {
            l
        };
        let (old_uid, old_name, old_ses) = if nested {
            (parent.user.uid, parent.user.name, parent.ses)
        } else {
            ("4294967295", "", 4_294_967_295)
        };
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + l.n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let subject = subj(h.selinux, &proc_context(se_type));
        let line = rec(
            "LOGIN",
            &stamp,
            &format!(
                "pid={} uid=0{} old-auid={} auid={} tty=(none) old-ses={} ses={} res=1",
                l.pid, subject, old_uid, l.user.uid, old_ses, ses
            ),
        );
        ecs! {
            ..envelope(cx.params, &h, l.n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, "success", &line) },
            "auditd": {
                "data": { "old_ses": old_ses.to_string(), "tty": "(none)" },
                "message_type": "login",
                "messages": [line],
                "result": "success",
                "session": ses.to_string(),
                "summary": {
                    "actor": { "primary": if nested { old_name } else { "unset" }, "secondary": "root" },
                    "object": { "primary": l.user.uid, "type": "user-session" },
                },
                "user": {
                    "audit": { "id": l.user.uid, "name": l.user.name },
                    ..old_login(nested, old_uid, old_name),
                    ..subject_label(h.selinux, se_type),
                },
            },
            "process": { "pid": l.pid },
            "related": { ..related_users(old_name, l.user.name) },
            "user": {
                "effective": { "id": l.user.uid, "name": l.user.name },
                ..if nested { named_user(old_uid, old_name) } else { nothing() },
            },
        }
    }

    /// sshd's `USER_LOGIN` (a login, or a failed attempt from the internet)
    /// and `USER_LOGOUT`.
    #[event(
        name = "ssh_user_login",
        weight = 94,
        kind = "event",
        category = "authentication",
        type = "start",
        action = "logged-in",
        vars(kind = "login")
    )]
    #[event(
        name = "ssh_login_failed",
        weight = 150,
        kind = "event",
        category = "authentication",
        type = "start",
        action = "logged-in",
        vars(kind = "failed")
    )]
    #[event(
        name = "ssh_user_logout",
        weight = 82,
        kind = "event",
        category = "authentication",
        type = "end",
        action = "logged-out",
        vars(kind = "logout")
    )]
    fn user_login(cx: &mut Cx) -> Event {
        let kind = cx.vars.kind;
        if kind == "logout" && cx.shared.sessions.is_empty() {
            cx.dispatch.next()
        } else {
            let failed = kind == "failed";
            let l = if kind == "logout" {
                cx.shared.sessions.pop_random(cx.rand)
            } else if kind == "login" && !cx.shared.ssh_cred.is_empty() {
                cx.shared.ssh_cred.pop_random(cx.rand)
            } else {
                Login {
                    host: *cx.samples.hosts.weighted_pick(),
                    n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                    pid: cx.rand.number.integer(1200, 99_999),
                    ses: 4_294_967_295,
                    user: *cx.samples.users.weighted_pick(),
                    addr: cx.samples.clients.weighted_pick().ip,
                    pts: cx.rand.number.integer(0, 6),
                    cmd: *cx.samples.sudo_commands.weighted_pick(),
                }
            };
            let h = l.host;
            let host = host_name(&h, l.n);
            let ses = if kind == "login" && l.ses == 4_294_967_295 {
                cx.shared.ses.next(&host) + 1000
            } else {
                l.ses
            };
            let l = Login {
                host: l.host,
                n: l.n,
                pid: l.pid,
                ses,
                user: l.user,
                addr: l.addr,
                pts: l.pts,
                cmd: l.cmd,
            };
            if kind == "login" {
                cx.shared.ssh_loggedin.push(l);
            } else if kind == "logout" {
                cx.shared.ssh_closing.push(l);
            }
            // Brute force from the internet: root, common names, or
            // names that do not exist.
            let (acct, acct_uid, acct_raw) = cx.rand.weighted_choice(
                [
                    ("root", "0", "\"root\""),
                    ("(invalid user)", "", "28696E76616C6964207573657229"),
                    ("ubuntu", "1000", "\"ubuntu\""),
                    ("admin", "", "28696E76616C6964207573657229"),
                    ("postgres", "26", "\"postgres\""),
                ],
                [30, 45, 10, 10, 5],
            );
            let acct = if acct == "admin" {
                "(invalid user)"
            } else {
                acct
            };
            let addr = if failed {
                cx.rand.network.ip_v4_public().to_string()
            } else {
                l.addr.to_string()
            };
            let terminal = if failed {
                "ssh".to_string()
            } else {
                format!("/dev/pts/{}", l.pts)
            };
            let rtype = if kind == "logout" {
                "USER_LOGOUT"
            } else {
                "USER_LOGIN"
            };
            let msg = if failed {
                format!(
                    "op=login acct={acct_raw} exe=\"/usr/sbin/sshd\" hostname={addr} addr={addr} terminal=ssh res=failed"
                )
            } else if kind == "logout" {
                format!(
                    "op=login id={} exe=\"/usr/sbin/sshd\" hostname=? addr=? terminal={} res=success",
                    l.user.uid, terminal
                )
            } else {
                format!(
                    "op=login id={} exe=\"/usr/sbin/sshd\" hostname={} addr={} terminal={} res=success",
                    l.user.uid, addr, addr, terminal
                )
            };
            let auid = if failed { "4294967295" } else { l.user.uid };
            let ses_raw = if failed { 4_294_967_295 } else { l.ses };
            let ms = pad3(cx.timestamp.microsecond() / 1000);
            let seq = cx.shared.seq.next(&host) + h.seq_base + l.n * 1_000_003;
            let stamp = audit_stamp(cx.timestamp, &ms, seq);
            let subject = subj(h.selinux, &proc_context("sshd_t"));
            let line = rec(
                rtype,
                &stamp,
                &user_body(l.pid, "0", auid, ses_raw, &subject, &msg),
            );
            let is_logout = kind == "logout";
            ecs! {
                ..envelope(cx.params, &h, l.n, &iso_ms(cx.timestamp, &ms)),
                "event": {
                    ..event_base(seq, if failed { "failure" } else { "success" }, &line),
                    "id"?: if failed { None } else { Some(l.user.uid) },
                },
                "auditd": {
                    "data": {
                        "acct"?: if failed { Some(acct) } else { None },
                        "hostname"?: if is_logout { None } else { Some(&addr) },
                        "op": "login",
                        "terminal": terminal,
                    },
                    "message_type": rtype.to_lowercase(),
                    "messages": [line],
                    "result": if failed { "fail" } else { "success" },
                    "session"?: if failed { None } else { Some(l.ses.to_string()) },
                    "summary": {
                        "actor": {
                            "primary": if failed { "unset" } else { l.user.name },
                            "secondary": if failed { acct } else { l.user.name },
                        },
                        "how": "/usr/sbin/sshd",
                        "object": {
                            "primary": terminal,
                            "secondary"?: if is_logout { None } else { Some(&addr) },
                            "type": "user-session",
                        },
                    },
                    ..auditd_user(auid, l.user.name, h.selinux, "sshd_t"),
                },
                ..ingress(!is_logout, &addr),
                "process": { "executable": "/usr/sbin/sshd", "pid": l.pid },
                "related": { ..related_users(if failed { "" } else { l.user.name }, if failed { acct } else { l.user.name }) },
                "user": { ..if failed { attempted_user(acct, acct_uid) } else { named_user(l.user.uid, l.user.name) } },
            }
        }
    }

    /// sudo's `USER_CMD`: the command a user runs through sudo, logged with
    /// the user's own uid (step 3 of a sudo conversation).
    #[event(
        name = "sudo_user_cmd",
        weight = 58,
        kind = "event",
        category = "process",
        type = "start",
        action = "ran-command"
    )]
    fn user_cmd(cx: &mut Cx) -> Event {
        if cx.shared.sudo_accounted.is_empty() && cx.shared.sessions.is_empty() {
            cx.dispatch.next()
        } else {
            let l = if cx.shared.sudo_accounted.is_empty() {
                let s = *cx.shared.sessions.get_random(cx.rand);
                Login {
                    host: s.host,
                    n: s.n,
                    pid: cx.rand.number.integer(1200, 99_999),
                    ses: s.ses,
                    user: s.user,
                    addr: s.addr,
                    pts: s.pts,
                    cmd: *cx.samples.sudo_commands.weighted_pick(),
                }
            } else {
                cx.shared.sudo_accounted.pop_random(cx.rand)
            };
            cx.shared.sudo_cmd.push(l);
            let h = l.host;
            let host = host_name(&h, l.n);
            let ms = pad3(cx.timestamp.microsecond() / 1000);
            let seq = cx.shared.seq.next(&host) + h.seq_base + l.n * 1_000_003;
            let stamp = audit_stamp(cx.timestamp, &ms, seq);
            let subject = subj(h.selinux, &proc_context("unconfined_t"));
            let msg = format!(
                "cwd=\"{}\" cmd={} exe=\"/usr/bin/sudo\" terminal=pts/{} res=success",
                l.user.home, l.cmd.cmd_raw, l.pts
            );
            let line = rec(
                "USER_CMD",
                &stamp,
                &user_body(l.pid, l.user.uid, l.user.uid, l.ses, &subject, &msg),
            );
            ecs! {
                ..envelope(cx.params, &h, l.n, &iso_ms(cx.timestamp, &ms)),
                "event": { ..event_base(seq, "success", &line) },
                "auditd": {
                    "data": { "cmd": l.cmd.cmd, "terminal": format!("pts/{}", l.pts) },
                    "message_type": "user_cmd",
                    "messages": [line],
                    "result": "success",
                    "session": l.ses.to_string(),
                    "summary": {
                        "actor": { "primary": l.user.name, "secondary": l.user.name },
                        "how": "/usr/bin/sudo",
                        "object": { "primary": l.cmd.cmd, "type": "process" },
                    },
                    ..auditd_user(l.user.uid, l.user.name, h.selinux, "unconfined_t"),
                },
                "process": { "executable": "/usr/bin/sudo", "pid": l.pid, "working_directory": l.user.home },
                "related": { "user": [l.user.name] },
                "user": { "id": l.user.uid, "name": l.user.name },
            }
        }
    }

    // ----------------------------------------------------------------------
    // Syscall records.

    /// `execve`: a program started in an SSH session, by a cron job, or by
    /// a daemon (SYSCALL, EXECVE, CWD, two PATH records, PROCTITLE).
    #[event(
        name = "execve",
        weight = 2600,
        kind = "event",
        category = "process",
        type = "start",
        action = "executed"
    )]
    fn execve(cx: &mut Cx) -> Event {
        let sh = *cx.samples.shell_commands.weighted_pick();
        let sy = *cx.samples.system_commands.weighted_pick();
        let in_session = !cx.shared.sessions.is_empty() && cx.rand.chance(0.45);
        let in_cron = !in_session && sy.parent == "cron" && !cx.shared.cron_running.is_empty();
        let s = if in_session {
            *cx.shared.sessions.get_random(cx.rand)
        } else if in_cron {
            *cx.shared.cron_running.get_random(cx.rand)
        } else {
            Login {
                host: *cx.samples.hosts.weighted_pick(),
                n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                pid: if sy.parent == "systemd" {
                    1
                } else {
                    cx.rand.number.integer(300, 99_999)
                },
                ses: 4_294_967_295,
                user: User {
                    name: sy.user,
                    uid: sy.uid,
                    gid: sy.gid,
                    group: sy.group,
                    home: "/",
                    weight: 1.0,
                },
                addr: "?",
                pts: 0,
                cmd: *cx.samples.sudo_commands.weighted_pick(),
            }
        };
        let (exe, comm, title, argc, args_raw, proctitle, args, inode) = if in_session {
            (
                sh.exe,
                sh.comm,
                sh.title,
                sh.argc,
                sh.execve,
                sh.proctitle,
                sh.args,
                sh.inode,
            )
        } else {
            (
                sy.exe,
                sy.comm,
                sy.title,
                sy.argc,
                sy.execve,
                sy.proctitle,
                sy.args,
                sy.inode,
            )
        };
        let (uid, gid, uname, gname) = if in_cron {
            (sy.uid, sy.gid, sy.user, sy.group)
        } else {
            (s.user.uid, s.user.gid, s.user.name, s.user.group)
        };
        let auid = if in_session {
            s.user.uid
        } else if in_cron {
            "0"
        } else {
            "4294967295"
        };
        let auid_name = if in_session { s.user.name } else { "root" };
        let ses = if in_session || in_cron {
            s.ses
        } else {
            4_294_967_295
        };
        let tty = if in_session {
            format!("pts{}", s.pts)
        } else {
            "(none)".to_string()
        };
        let cwd = if in_session {
            s.user.home
        } else if in_cron {
            "/root"
        } else {
            "/"
        };
        let ppid = if in_session { s.pid + 3 } else { s.pid };
        let pid = cx.rand.number.integer(ppid + 1, ppid + 40_000);
        let ok = !cx.rand.chance(cx.params.failure_rate / 100.0);
        let exit = if ok {
            0
        } else {
            cx.rand.weighted_choice([-13, -2], [3, 1])
        };
        let se_type = if in_session {
            "unconfined_t"
        } else {
            sy.se_type
        };
        let h = s.host;
        let host = host_name(&h, s.n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + s.n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let subject = subj(h.selinux, &proc_context(se_type));
        let a0 = cx.rand.string.hex(12).to_lowercase();
        let a1 = cx.rand.string.hex(12).to_lowercase();
        let a2 = cx.rand.string.hex(12).to_lowercase();
        let args_hex = format!("a0={a0} a1={a1} a2={a2} a3=8");
        let ids = syscall_ids(auid, uid, gid, uid, gid);
        let l1 = rec(
            "SYSCALL",
            &stamp,
            &syscall_body(
                59, exit, &args_hex, 2, ppid, pid, &ids, &tty, ses, comm, exe, &subject, "\"exec\"",
            ),
        );
        let l2 = rec("EXECVE", &stamp, &format!("argc={argc} {args_raw}"));
        let l3 = rec("CWD", &stamp, &format!("cwd=\"{cwd}\""));
        let l4 = rec(
            "PATH",
            &stamp,
            &path_body(
                0,
                exe,
                inode,
                "0100755",
                "0",
                "0",
                &obj(h.selinux, "bin_t"),
                "NORMAL",
            ),
        );
        let l5 = rec(
            "PATH",
            &stamp,
            &path_body(
                1,
                "/lib64/ld-linux-x86-64.so.2",
                "1923",
                "0100755",
                "0",
                "0",
                &obj(h.selinux, "ld_so_t"),
                "NORMAL",
            ),
        );
        let l6 = rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"));
        let logged = auid != "4294967295";
        ecs! {
            ..envelope(cx.params, &h, s.n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, if ok { "success" } else { "failure" }, &joined(6, &l1, &l2, &l3, &l4, &l5, &l6)) },
            "auditd": {
                "data": {
                    "a0": a0, "a1": a1, "a2": a2, "a3": "8",
                    "arch": "x86_64",
                    "argc": argc,
                    "exit": exit,
                    "syscall": "execve",
                    "tty": tty,
                },
                "message_type": "syscall",
                ..messages(6, &l1, &l2, &l3, &l4, &l5, &l6),
                "paths": [
                    { ..path_entry(h.selinux, "0", exe, inode, "0100755", "0", "0", "bin_t", "NORMAL") },
                    { ..path_entry(h.selinux, "1", "/lib64/ld-linux-x86-64.so.2", "1923", "0100755", "0", "0", "ld_so_t", "NORMAL") },
                ],
                "result": if ok { "success" } else { "fail" },
                "session"?: if logged && ses != 4_294_967_295 { Some(ses.to_string()) } else { None },
                "summary": {
                    "actor": { "primary": if logged { auid_name } else { "unset" }, "secondary": uname },
                    "how": exe,
                    "object": { "primary": exe, "type": "file" },
                },
                "user": { ..syscall_user(&h, auid, auid_name, uid, uname, gid, gname, se_type) },
            },
            "file": {
                "device": "00:00",
                "gid": "0",
                "group": "root",
                "inode": inode,
                "mode": "0755",
                "owner": "root",
                "path": exe,
                "uid": "0",
            },
            "process": {
                "args": args,
                "executable": exe,
                "name": comm,
                "parent": { "pid": ppid },
                "pid": pid,
                "title": title,
                "working_directory": cwd,
            },
            "related": { ..related_users(if logged { auid_name } else { "" }, uname) },
            "user": {
                "group": { "id": gid, "name": gname },
                "id": uid,
                "name": uname,
            },
        }
    }

    /// A file syscall on a watched file: an open (mostly the failures the
    /// STIG "access" rules record), a permission or ownership change, a
    /// deletion, a rename or a new directory.
    #[event(
        name = "file_open",
        weight = 900,
        kind = "event",
        category = "file",
        type = "info",
        action = "opened-file",
        vars(op = "read", sys = "openat", nr = 257)
    )]
    #[event(
        name = "file_chmod",
        weight = 120,
        kind = "event",
        category = "file",
        type = "change",
        action = "changed-file-permissions-of",
        vars(op = "chmod", sys = "fchmodat", nr = 268)
    )]
    #[event(
        name = "file_chown",
        weight = 70,
        kind = "event",
        category = "file",
        type = "change",
        action = "changed-file-ownership-of",
        vars(op = "chown", sys = "fchownat", nr = 260)
    )]
    #[event(
        name = "file_unlink",
        weight = 200,
        kind = "event",
        category = "file",
        type = "deletion",
        action = "deleted",
        vars(op = "rm", sys = "unlinkat", nr = 263)
    )]
    #[event(
        name = "file_rename",
        weight = 110,
        kind = "event",
        category = "file",
        type = "change",
        action = "renamed",
        vars(op = "mv", sys = "rename", nr = 82)
    )]
    #[event(
        name = "file_mkdir",
        weight = 60,
        kind = "event",
        category = "file",
        type = "creation",
        action = "created-directory",
        vars(op = "mkdir", sys = "mkdir", nr = 83)
    )]
    fn file_syscall(cx: &mut Cx) -> Event {
        let op = cx.vars.op;
        let f = *cx.samples.files.weighted_pick();
        let in_session = !cx.shared.sessions.is_empty() && cx.rand.chance(0.6);
        let s = if in_session {
            *cx.shared.sessions.get_random(cx.rand)
        } else {
            Login {
                host: *cx.samples.hosts.weighted_pick(),
                n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                pid: cx.rand.number.integer(300, 99_999),
                ses: 4_294_967_295,
                // Outside sessions the file's usual consumer touches it.
                user: User {
                    name: f.d_user,
                    uid: f.d_uid,
                    gid: f.d_gid,
                    group: f.d_group,
                    home: "/",
                    weight: 1.0,
                },
                addr: "?",
                pts: 0,
                cmd: *cx.samples.sudo_commands.weighted_pick(),
            }
        };
        // Users change root-owned files through sudo (uid 0, auid kept).
        let via_sudo = in_session && op != "read" && f.ouid == "0";
        let (uid, gid, uname, gname) = if via_sudo {
            ("0", "0", "root", "root")
        } else {
            (s.user.uid, s.user.gid, s.user.name, s.user.group)
        };
        let auid = if in_session { s.user.uid } else { "4294967295" };
        let ses = if in_session { s.ses } else { 4_294_967_295 };
        let (exe, comm, title, proctitle) = if !in_session {
            (f.d_exe, f.d_comm, f.d_title, f.d_hex)
        } else if op == "read" {
            (f.read_exe, f.read_comm, f.read_title, f.read_hex)
        } else if op == "chmod" {
            ("/usr/bin/chmod", "chmod", f.chmod_title, f.chmod_hex)
        } else if op == "chown" {
            ("/usr/bin/chown", "chown", f.chown_title, f.chown_hex)
        } else if op == "rm" {
            ("/usr/bin/rm", "rm", f.rm_title, f.rm_hex)
        } else if op == "mv" {
            ("/usr/bin/mv", "mv", f.mv_title, f.mv_hex)
        } else {
            ("/usr/bin/mkdir", "mkdir", f.mkdir_title, f.mkdir_hex)
        };
        // Reads are audited mostly when they fail (STIG/OSPP `-F exit=-EACCES` rules).
        let fail_pct = if op == "read" {
            cx.params.failure_rate * 4.0
        } else {
            cx.params.failure_rate
        };
        let denied = uid != "0"
            && uid != f.ouid
            && (f.mode == "0100600" || f.mode == "0100000" || f.mode == "0100640");
        let ok = !(denied && cx.rand.chance(cx.params.failure_rate * 12.0 / 100.0)
            || cx.rand.chance(fail_pct / 100.0));
        let exit = if !ok {
            if op == "read" { -13 } else { -1 }
        } else if op == "read" {
            cx.rand.number.integer(3, 24)
        } else {
            0
        };
        let tty = if in_session {
            format!("pts{}", s.pts)
        } else {
            "(none)".to_string()
        };
        let cwd = if in_session { s.user.home } else { "/" };
        let ppid = if in_session { s.pid + 3 } else { s.pid };
        let pid = cx.rand.number.integer(ppid + 1, ppid + 40_000);
        let se_type = if in_session { "unconfined_t" } else { f.d_se };
        let h = s.host;
        let host = host_name(&h, s.n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + s.n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let subject = subj(h.selinux, &proc_context(se_type));
        // The object is item 1 behind the parent directory for unlink and
        // mkdir, item 0 otherwise (rename: the old name, item 0 as well).
        let two_items = op == "rm" || op == "mkdir" || op == "mv";
        let obj_name = if op == "mkdir" {
            format!("{}archive", f.dir)
        } else if op == "mv" {
            format!("{}.new", f.path)
        } else {
            f.path.to_string()
        };
        let nametype = if op == "rm" || op == "mv" {
            "DELETE"
        } else if op == "mkdir" {
            "CREATE"
        } else {
            "NORMAL"
        };
        let mode = if op == "mkdir" { "040755" } else { f.mode };
        let a1 = cx.rand.string.hex(12).to_lowercase();
        let a2 = if op == "chmod" {
            "1a0".to_string()
        } else {
            "0".to_string()
        };
        let args_hex = format!("a0=ffffff9c a1={a1} a2={a2} a3=0");
        let items = if two_items { 2 } else { 1 };
        let key = if op == "read" {
            "\"access\""
        } else if op == "rm" || op == "mv" {
            "\"delete\""
        } else if op == "mkdir" {
            "\"file_creation\""
        } else {
            "\"perm_mod\""
        };
        let ids = syscall_ids(auid, uid, gid, uid, gid);
        let l1 = rec(
            "SYSCALL",
            &stamp,
            &syscall_body(
                cx.vars.nr, exit, &args_hex, items, ppid, pid, &ids, &tty, ses, comm, exe,
                &subject, key,
            ),
        );
        let l2 = rec("CWD", &stamp, &format!("cwd=\"{cwd}\""));
        let l3 = if two_items {
            rec(
                "PATH",
                &stamp,
                &path_body(
                    0,
                    f.dir,
                    "1702",
                    "040755",
                    "0",
                    "0",
                    &obj(h.selinux, "etc_t"),
                    "PARENT",
                ),
            )
        } else {
            rec(
                "PATH",
                &stamp,
                &path_body(
                    0,
                    &obj_name,
                    f.inode,
                    mode,
                    f.ouid,
                    f.ogid,
                    &obj(h.selinux, f.obj_type),
                    nametype,
                ),
            )
        };
        let l4 = if two_items {
            rec(
                "PATH",
                &stamp,
                &path_body(
                    1,
                    &obj_name,
                    f.inode,
                    mode,
                    f.ouid,
                    f.ogid,
                    &obj(h.selinux, f.obj_type),
                    nametype,
                ),
            )
        } else {
            rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"))
        };
        let l5 = rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"));
        let n_rec = if two_items { 5 } else { 4 };
        let logged = in_session;
        ecs! {
            ..envelope(cx.params, &h, s.n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, if ok { "success" } else { "failure" }, &joined(n_rec, &l1, &l2, &l3, &l4, &l5, "")) },
            "auditd": {
                "data": {
                    "a0": "ffffff9c", "a1": a1, "a2": a2, "a3": "0",
                    "arch": "x86_64",
                    "exit": exit,
                    "syscall": cx.vars.sys,
                    "tty": tty,
                },
                ..file_label(h.selinux, f.obj_type),
                "message_type": "syscall",
                ..messages(n_rec, &l1, &l2, &l3, &l4, &l5, ""),
                ..if two_items {
                    two_paths(h.selinux, f.dir, &obj_name, f.inode, mode, f.ouid, f.ogid, f.obj_type, nametype)
                } else {
                    one_path(h.selinux, &obj_name, f.inode, mode, f.ouid, f.ogid, f.obj_type, nametype)
                },
                "result": if ok { "success" } else { "fail" },
                "session"?: if logged { Some(ses.to_string()) } else { None },
                "summary": {
                    "actor": { "primary": if logged { s.user.name } else { "unset" }, "secondary": uname },
                    "how": exe,
                    "object": { "primary": obj_name, "type": "file" },
                },
                "user": { ..syscall_user(&h, auid, s.user.name, uid, uname, gid, gname, se_type) },
            },
            "file": {
                "device": "00:00",
                "gid": f.ogid,
                "group": f.group,
                "inode": f.inode,
                "mode": if op == "mkdir" { "0755" } else { f.perm },
                "owner": f.owner,
                "path": obj_name,
                "uid": f.ouid,
            },
            "process": {
                "executable": exe,
                "name": comm,
                "parent": { "pid": ppid },
                "pid": pid,
                "title": title,
                "working_directory": cwd,
            },
            "related": { ..related_users(if logged { s.user.name } else { "" }, uname) },
            "user": {
                "group": { "id": gid, "name": gname },
                "id": uid,
                "name": uname,
            },
        }
    }

    /// `auditd.paths` with one entry.
    #[allow(clippy::too_many_arguments)] // one argument per field of the record
    fn one_path(
        selinux: bool,
        name: &str,
        inode: &str,
        mode: &str,
        ouid: &str,
        ogid: &str,
        obj_type: &str,
        nametype: &str,
    ) -> Fragment {
        ecs! { "paths": [ { ..path_entry(selinux, "0", name, inode, mode, ouid, ogid, obj_type, nametype) } ] }
    }

    /// `auditd.paths` with the parent directory and the object.
    #[allow(clippy::too_many_arguments)] // one argument per field of the record
    fn two_paths(
        selinux: bool,
        dir: &str,
        name: &str,
        inode: &str,
        mode: &str,
        ouid: &str,
        ogid: &str,
        obj_type: &str,
        nametype: &str,
    ) -> Fragment {
        ecs! {
            "paths": [
                { ..path_entry(selinux, "0", dir, "1702", "040755", "0", "0", "etc_t", "PARENT") },
                { ..path_entry(selinux, "1", name, inode, mode, ouid, ogid, obj_type, nametype) },
            ]
        }
    }

    /// `connect` from a service to its backend or the internet, and
    /// `accept` of SSH connections (SYSCALL, SOCKADDR, PROCTITLE).
    #[event(name = "net_connect", weight = 1000, kind = "event", category = "network", type = ["connection", "start"],
        action = "connected-to", vars(dir = "out"))]
    #[event(name = "net_accept", weight = 200, kind = "event", category = "network", type = ["connection", "start"],
        action = "accepted-connection-from", vars(dir = "in"))]
    fn socket_syscall(cx: &mut Cx) -> Event {
        let out = cx.vars.dir == "out";
        let r = *cx.samples.remotes.weighted_pick();
        let c = *cx.samples.clients.weighted_pick();
        let h = *cx.samples.hosts.weighted_pick();
        let n = cx.rand.number.integer(1, cx.params.hosts_per_group);
        // Inbound SSH comes from admin workstations or from scanners.
        let scanner = !out && cx.rand.chance(0.35);
        let (o1, o2, o3, o4) = if out {
            (r.o1, r.o2, r.o3, r.o4)
        } else if scanner {
            (
                cx.rand.weighted_choice(
                    [45, 61, 89, 103, 141, 185, 193, 218],
                    [5, 3, 4, 4, 3, 6, 4, 3],
                ),
                cx.rand.number.integer(1, 254),
                cx.rand.number.integer(0, 255),
                cx.rand.number.integer(1, 254),
            )
        } else {
            (c.o1, c.o2, c.o3, c.o4)
        };
        let ip = format!("{o1}.{o2}.{o3}.{o4}");
        let port = if out {
            r.port
        } else {
            cx.rand.number.integer(32_768, 60_999)
        };
        let (exe, comm, title, proctitle, se_type) = if out {
            (r.exe, r.comm, r.title, r.proctitle, r.se_type)
        } else {
            (
                "/usr/sbin/sshd",
                "sshd",
                "/usr/sbin/sshd -D",
                "2F7573722F7362696E2F73736864002D44",
                "sshd_t",
            )
        };
        let (uid, gid, uname, gname) = if out {
            (r.uid, r.gid, r.user, r.group)
        } else {
            ("0", "0", "root", "root")
        };
        let failed = out && cx.rand.chance(cx.params.failure_rate * 1.5 / 100.0);
        let exit = if failed {
            cx.rand.weighted_choice([-115, -111, -113], [6, 3, 1])
        } else if out {
            0
        } else {
            cx.rand.number.integer(4, 9)
        };
        let ok = exit >= 0;
        let ppid = if out {
            cx.rand.number.integer(300, 60_000)
        } else {
            cx.rand.number.integer(600, 1500)
        };
        let pid = if out {
            ppid + cx.rand.number.integer(1, 40)
        } else {
            ppid
        };
        let (sys, nr) = if out {
            ("connect", 42)
        } else {
            cx.rand
                .weighted_choice([("accept", 43), ("accept4", 288)], [3, 2])
        };
        let host = host_name(&h, n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let subject = subj(h.selinux, &proc_context(se_type));
        let a0 = cx.rand.number.integer(3, 40);
        let a1 = cx.rand.string.hex(12).to_lowercase();
        let args_hex = format!("a0={} a1={a1} a2=10 a3=0", hex_arg(a0));
        let ids = syscall_ids("4294967295", uid, gid, uid, gid);
        let saddr = saddr_v4(port, o1, o2, o3, o4);
        let l1 = rec(
            "SYSCALL",
            &stamp,
            &syscall_body(
                nr,
                exit,
                &args_hex,
                0,
                ppid,
                pid,
                &ids,
                "(none)",
                4_294_967_295,
                comm,
                exe,
                &subject,
                "\"network_connect_4\"",
            ),
        );
        let l2 = rec("SOCKADDR", &stamp, &format!("saddr={saddr}"));
        let l3 = rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"));
        ecs! {
            ..envelope(cx.params, &h, n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, if ok { "success" } else { "failure" }, &joined(3, &l1, &l2, &l3, "", "", "")) },
            "auditd": {
                "data": {
                    "a0": hex_arg(a0), "a1": a1, "a2": "10", "a3": "0",
                    "arch": "x86_64",
                    "exit": exit,
                    "socket": { "addr": ip, "family": "ipv4", "port": port },
                    "syscall": sys,
                    "tty": "(none)",
                },
                "message_type": "syscall",
                "messages": [l1, l2, l3],
                "result": if ok { "success" } else { "fail" },
                "summary": {
                    "actor": { "primary": "unset", "secondary": uname },
                    "how": exe,
                    "object": { "primary": ip, "secondary": port.to_string(), "type": "socket" },
                },
                "user": { ..syscall_user(&h, "4294967295", "", uid, uname, gid, gname, se_type) },
            },
            ..if out { endpoint_out(&ip, port) } else { endpoint_in(&ip, port) },
            "process": {
                "executable": exe,
                "name": comm,
                "parent": { "pid": ppid },
                "pid": pid,
                "title": title,
            },
            "related": { "user": [uname] },
            "user": {
                "group": { "id": gid, "name": gname },
                "id": uid,
                "name": uname,
            },
        }
    }

    /// `destination.*` and `network.direction: egress` of a connect.
    fn endpoint_out(ip: &str, port: i64) -> Fragment {
        ecs! { "destination": { "ip": ip, "port": port }, "network": { "direction": "egress" } }
    }

    /// `source.*` and `network.direction: ingress` of an accept.
    fn endpoint_in(ip: &str, port: i64) -> Fragment {
        ecs! { "network": { "direction": "ingress" }, "source": { "ip": ip, "port": port } }
    }

    /// `setuid` and friends: sudo and su becoming root in a session, or
    /// sshd and cron dropping to a user.
    #[event(
        name = "setid",
        weight = 300,
        kind = "event",
        category = "process",
        type = "change",
        action = "changed-identity-of"
    )]
    fn setid(cx: &mut Cx) -> Event {
        let in_session = !cx.shared.sessions.is_empty() && cx.rand.chance(0.7);
        let s = if in_session {
            *cx.shared.sessions.get_random(cx.rand)
        } else {
            Login {
                host: *cx.samples.hosts.weighted_pick(),
                n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                pid: cx.rand.number.integer(600, 99_999),
                ses: 4_294_967_295,
                user: *cx.samples.users.weighted_pick(),
                addr: "?",
                pts: 0,
                cmd: *cx.samples.sudo_commands.weighted_pick(),
            }
        };
        let h = s.host;
        // In a session: a setuid-root program raises privileges; outside: a
        // root daemon lowers them to the user it serves.
        let (comm, exe, sys, nr, proctitle) = if in_session {
            cx.rand.weighted_choice(
                [
                    ("sudo", "/usr/bin/sudo", "setresuid", 117, s.cmd.proctitle),
                    ("sudo", "/usr/bin/sudo", "setresgid", 119, s.cmd.proctitle),
                    ("su", "/usr/bin/su", "setuid", 105, "7375002D"),
                    ("su", "/usr/bin/su", "setgid", 106, "7375002D"),
                    ("passwd", "/usr/bin/passwd", "setuid", 105, "\"passwd\""),
                ],
                [40, 25, 12, 8, 2],
            )
        } else if h.os_family == "redhat" {
            cx.rand.weighted_choice(
                [
                    (
                        "sshd",
                        "/usr/sbin/sshd",
                        "setresuid",
                        117,
                        "2F7573722F7362696E2F73736864002D44",
                    ),
                    (
                        "crond",
                        "/usr/sbin/crond",
                        "setresgid",
                        119,
                        "2F7573722F7362696E2F63726F6E64002D6E",
                    ),
                    (
                        "crond",
                        "/usr/sbin/crond",
                        "setresuid",
                        117,
                        "2F7573722F7362696E2F63726F6E64002D6E",
                    ),
                ],
                [30, 20, 20],
            )
        } else {
            cx.rand.weighted_choice(
                [
                    (
                        "sshd",
                        "/usr/sbin/sshd",
                        "setresuid",
                        117,
                        "2F7573722F7362696E2F73736864002D44",
                    ),
                    (
                        "cron",
                        "/usr/sbin/cron",
                        "setresgid",
                        119,
                        "2F7573722F7362696E2F63726F6E002D66",
                    ),
                    (
                        "cron",
                        "/usr/sbin/cron",
                        "setresuid",
                        117,
                        "2F7573722F7362696E2F63726F6E002D66",
                    ),
                ],
                [30, 20, 20],
            )
        };
        let gid_changes = sys == "setgid" || sys == "setresgid";
        let (uid, uname, gid, gname) = if in_session {
            (s.user.uid, s.user.name, s.user.gid, s.user.group)
        } else {
            ("0", "root", "0", "root")
        };
        let (euid, ename, egid, egname) = if in_session {
            (
                "0",
                "root",
                if gid_changes { "0" } else { gid },
                if gid_changes { "root" } else { gname },
            )
        } else {
            (
                s.user.uid,
                s.user.name,
                if gid_changes { s.user.gid } else { "0" },
                if gid_changes { s.user.group } else { "root" },
            )
        };
        let target = if in_session {
            0
        } else {
            cx.rand.number.integer(1001, 1103)
        };
        let auid = if in_session { s.user.uid } else { "4294967295" };
        let ses = if in_session { s.ses } else { 4_294_967_295 };
        let tty = if in_session {
            format!("pts{}", s.pts)
        } else {
            "(none)".to_string()
        };
        let ppid = if in_session {
            s.pid + 3
        } else {
            cx.rand.number.integer(600, 1500)
        };
        let pid = cx.rand.number.integer(ppid + 1, ppid + 40_000);
        let se_type = if in_session {
            "unconfined_t"
        } else if comm == "sshd" {
            "sshd_t"
        } else {
            "crond_t"
        };
        let host = host_name(&h, s.n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + s.n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let subject = subj(h.selinux, &proc_context(se_type));
        let a0 = hex_arg(target);
        let args_hex = if sys == "setuid" || sys == "setgid" {
            format!("a0={a0} a1=3e8 a2=ffffffffffffffff a3=7ffe354fcc60")
        } else {
            format!("a0=ffffffffffffffff a1={a0} a2=ffffffffffffffff a3=7ffe354fcc60")
        };
        let a1 = if sys == "setuid" || sys == "setgid" {
            "3e8".to_string()
        } else {
            hex_arg(target)
        };
        let a0 = if sys == "setuid" || sys == "setgid" {
            a0
        } else {
            "ffffffffffffffff".to_string()
        };
        let ids = syscall_ids(auid, uid, gid, euid, egid);
        let l1 = rec(
            "SYSCALL",
            &stamp,
            &syscall_body(
                nr,
                0,
                &args_hex,
                0,
                ppid,
                pid,
                &ids,
                &tty,
                ses,
                comm,
                exe,
                &subject,
                "\"privileged\"",
            ),
        );
        let l2 = rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"));
        let logged = in_session;
        ecs! {
            ..envelope(cx.params, &h, s.n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, "success", &joined(2, &l1, &l2, "", "", "", "")) },
            "auditd": {
                "data": {
                    "a0": a0, "a1": a1, "a2": "ffffffffffffffff", "a3": "7ffe354fcc60",
                    "arch": "x86_64",
                    "exit": 0,
                    "syscall": sys,
                    "tty": tty,
                },
                "message_type": "syscall",
                "messages": [l1, l2],
                "result": "success",
                "session"?: if logged { Some(ses.to_string()) } else { None },
                "summary": {
                    "actor": { "primary": if logged { s.user.name } else { "unset" }, "secondary": uname },
                    "how": sys,
                    "object": { "type": "process" },
                },
                "user": { ..syscall_user(&h, auid, s.user.name, euid, ename, egid, egname, se_type) },
            },
            "process": {
                "executable": exe,
                "name": comm,
                "parent": { "pid": ppid },
                "pid": pid,
                "title": if comm == "sudo" { s.cmd.title } else if comm == "su" { "su -" } else if comm == "passwd" { "passwd" } else { exe },
            },
            "related": { ..related_users(uname, ename) },
            "user": {
                ..effective_user(uid, euid, ename, egid, egname),
                "group": { "id": gid, "name": gname },
                "id": uid,
                "name": uname,
            },
        }
    }

    /// Other audited syscalls: a signal, a clock adjustment, a kernel module
    /// load, a mount.
    #[event(
        name = "kill",
        weight = 50,
        kind = "event",
        category = "process",
        type = "end",
        action = "killed-pid",
        vars(sys = "kill")
    )]
    #[event(
        name = "clock_adjust",
        weight = 90,
        kind = "event",
        category = "host",
        type = "change",
        action = "changed-system-time",
        vars(sys = "adjtimex")
    )]
    #[event(
        name = "module_load",
        weight = 5,
        kind = "event",
        category = "driver",
        type = "start",
        action = "loaded-kernel-module",
        vars(sys = "finit_module")
    )]
    #[event(
        name = "mount",
        weight = 15,
        kind = "event",
        category = "file",
        type = "creation",
        action = "mounted",
        vars(sys = "mount")
    )]
    fn system_syscall(cx: &mut Cx) -> Event {
        let sys = cx.vars.sys;
        let h = *cx.samples.hosts.weighted_pick();
        let n = cx.rand.number.integer(1, cx.params.hosts_per_group);
        let (comm, exe, nr, uid, se_type, proctitle, object) = if sys == "kill" {
            cx.rand.weighted_choice(
                [
                    ("systemd", "/usr/lib/systemd/systemd", 62, "0", "init_t", "2F7573722F6C69622F73797374656D642F73797374656D64002D2D73776974636865642D726F6F74002D2D73797374656D002D2D646573657269616C697A65003331", "nginx"),
                    ("kill", "/usr/bin/kill", 62, "0", "unconfined_t", "6B696C6C002D4855500031383433", "nginx"),
                    ("containerd-shim", "/usr/bin/containerd-shim-runc-v2", 62, "0", "container_runtime_t", "\"/usr/bin/containerd-shim-runc-v2\"", "java"),
                ],
                [5, 2, 3],
            )
        } else if sys == "adjtimex" {
            (
                "chronyd",
                "/usr/sbin/chronyd",
                159,
                "994",
                "chronyd_t",
                "2F7573722F7362696E2F6368726F6E7964002D460032",
                "",
            )
        } else if sys == "finit_module" {
            cx.rand.weighted_choice(
                [
                    (
                        "modprobe",
                        "/usr/bin/kmod",
                        313,
                        "0",
                        "insmod_t",
                        "6D6F6470726F6265006E665F7461626C6573",
                        "nf_tables",
                    ),
                    (
                        "modprobe",
                        "/usr/bin/kmod",
                        313,
                        "0",
                        "insmod_t",
                        "6D6F6470726F62650062725F6E657466696C746572",
                        "br_netfilter",
                    ),
                    (
                        "modprobe",
                        "/usr/bin/kmod",
                        313,
                        "0",
                        "insmod_t",
                        "6D6F6470726F6265006F7665726C6179",
                        "overlay",
                    ),
                    (
                        "modprobe",
                        "/usr/bin/kmod",
                        313,
                        "0",
                        "insmod_t",
                        "2F7362696E2F6D6F6470726F6265002D71002D2D0078745F636F6E6E747261636B",
                        "xt_conntrack",
                    ),
                    (
                        "modprobe",
                        "/usr/bin/kmod",
                        313,
                        "0",
                        "insmod_t",
                        "6D6F6470726F62650069705F7673",
                        "ip_vs",
                    ),
                ],
                [3, 2, 2, 2, 1],
            )
        } else {
            cx.rand.weighted_choice(
                [
                    ("systemd", "/usr/lib/systemd/systemd", 165, "0", "init_t", "2F7573722F6C69622F73797374656D642F73797374656D64002D2D73776974636865642D726F6F74002D2D73797374656D002D2D646573657269616C697A65003331", "/run/user/1001"),
                    ("containerd", "/usr/bin/containerd", 165, "0", "container_runtime_t", "\"/usr/bin/containerd\"", "/run/containerd/io.containerd.runtime.v2.task/k8s.io/7f3a9c/rootfs"),
                    ("mount", "/usr/bin/mount", 165, "0", "mount_t", "6D6F756E74002F6465762F73646231002F6D6E742F64617461", "/mnt/data"),
                ],
                [4, 4, 1],
            )
        };
        let gid = uid;
        let ppid = if comm == "systemd" {
            0
        } else {
            cx.rand.number.integer(1, 3000)
        };
        let pid = if comm == "systemd" {
            1
        } else {
            cx.rand.number.integer(ppid + 1, ppid + 60_000)
        };
        let target_pid = cx.rand.number.integer(500, 90_000);
        let ok = !cx.rand.chance(cx.params.failure_rate / 100.0);
        let exit = if ok {
            if sys == "adjtimex" { 5 } else { 0 }
        } else if sys == "kill" {
            -3
        } else {
            -1
        };
        let (a0, a1) = if sys == "kill" {
            (
                hex_arg(target_pid),
                if comm == "kill" {
                    "1".to_string()
                } else {
                    "f".to_string()
                },
            )
        } else if sys == "finit_module" {
            ("3".to_string(), cx.rand.string.hex(12).to_lowercase())
        } else {
            (
                cx.rand.string.hex(12).to_lowercase(),
                cx.rand.string.hex(12).to_lowercase(),
            )
        };
        let host = host_name(&h, n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let subject = subj(h.selinux, &proc_context(se_type));
        let args_hex = format!("a0={a0} a1={a1} a2=0 a3=0");
        let ids = syscall_ids("4294967295", uid, gid, uid, gid);
        let key = if sys == "kill" {
            "(null)"
        } else if sys == "adjtimex" {
            "\"time-change\""
        } else if sys == "mount" {
            "\"mount\""
        } else {
            "\"modules\""
        };
        let l1 = rec(
            "SYSCALL",
            &stamp,
            &syscall_body(
                nr,
                exit,
                &args_hex,
                0,
                ppid,
                pid,
                &ids,
                "(none)",
                4_294_967_295,
                comm,
                exe,
                &subject,
                key,
            ),
        );
        let l2 = if sys == "kill" {
            rec(
                "OBJ_PID",
                &stamp,
                &format!("opid={target_pid} oauid=-1 ouid=0 oses=-1 ocomm=\"{object}\""),
            )
        } else if sys == "finit_module" {
            rec("KERN_MODULE", &stamp, &format!("name=\"{object}\""))
        } else {
            rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"))
        };
        let l3 = rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"));
        let n_rec = if sys == "kill" || sys == "finit_module" {
            3
        } else {
            2
        };
        ecs! {
            ..envelope(cx.params, &h, n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, if ok { "success" } else { "failure" }, &joined(n_rec, &l1, &l2, &l3, "", "", "")) },
            "auditd": {
                "data": {
                    ..sys_data(sys, target_pid, object),
                    "a0": a0, "a1": a1, "a2": "0", "a3": "0",
                    "arch": "x86_64",
                    "exit": exit,
                    "syscall": sys,
                    "tty": "(none)",
                },
                "message_type": "syscall",
                ..messages(n_rec, &l1, &l2, &l3, "", "", ""),
                "result": if ok { "success" } else { "fail" },
                "summary": {
                    "actor": { "primary": "unset", "secondary": uid_name(uid) },
                    "how": if sys == "kill" { "kill" } else { exe },
                    "object": {
                        "primary"?: if object.is_empty() { None } else { Some(object) },
                        "type": if sys == "adjtimex" { "system" } else if sys == "mount" { "filesystem" } else if sys == "kill" { "process" } else { "file" },
                    },
                },
                "user": { ..syscall_user(&h, "4294967295", "", uid, uid_name(uid), gid, uid_name(gid), se_type) },
            },
            "process": {
                "executable": exe,
                "name": comm,
                "parent": { "pid": ppid },
                "pid": pid,
            },
            "related": { "user": [uid_name(uid)] },
            "user": {
                "group": { "id": gid, "name": uid_name(gid) },
                "id": uid,
                "name": uid_name(uid),
            },
        }
    }

    /// The record-specific `auditd.data` of the other syscalls.
    fn sys_data(sys: &str, target_pid: i64, object: &str) -> Fragment {
        if sys == "kill" {
            ecs! { "ocomm": object, "opid": target_pid, "oses": "-1" }
        } else if sys == "finit_module" {
            ecs! { "name": object }
        } else {
            ecs! {}
        }
    }

    // ----------------------------------------------------------------------
    // Other user-space and kernel records.

    /// systemd's `SERVICE_START` / `SERVICE_STOP` (timer-driven units
    /// dominate).
    #[event(
        name = "service_start",
        weight = 90,
        kind = "event",
        category = "process",
        type = "start",
        action = "started-service",
        vars(rtype = "SERVICE_START")
    )]
    #[event(
        name = "service_stop",
        weight = 84,
        kind = "event",
        category = "process",
        type = "end",
        action = "stopped-service",
        vars(rtype = "SERVICE_STOP")
    )]
    fn service(cx: &mut Cx) -> Event {
        let rtype = cx.vars.rtype;
        let h = *cx.samples.hosts.weighted_pick();
        let n = cx.rand.number.integer(1, cx.params.hosts_per_group);
        let unit = cx
            .samples
            .services
            .weighted_pick()
            .unit
            .replace(".service", "");
        let ok = rtype == "SERVICE_STOP" || !cx.rand.chance(cx.params.failure_rate / 100.0);
        let host = host_name(&h, n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let subject = subj(h.selinux, &proc_context("init_t"));
        let msg = format!(
            "unit={} comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res={}",
            unit,
            if ok { "success" } else { "failed" }
        );
        let line = rec(
            rtype,
            &stamp,
            &user_body(1, "0", "4294967295", 4_294_967_295, &subject, &msg),
        );
        ecs! {
            ..envelope(cx.params, &h, n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, if ok { "success" } else { "failure" }, &line) },
            "auditd": {
                "data": { "unit": unit },
                "message_type": rtype.to_lowercase(),
                "messages": [line],
                "result": if ok { "success" } else { "fail" },
                "summary": {
                    "actor": { "primary": "unset", "secondary": "root" },
                    "how": "/usr/lib/systemd/systemd",
                    "object": { "primary": unit, "type": "service" },
                },
                ..auditd_user("4294967295", "", h.selinux, "init_t"),
            },
            "process": { "executable": "/usr/lib/systemd/systemd", "name": "systemd", "pid": 1 },
            "related": { "user": ["root"] },
            "user": { "id": "0", "name": "root" },
        }
    }

    /// `CONFIG_CHANGE`: audit rules loaded or removed by an administrator,
    /// or auditd (re)registering itself.
    #[event(name = "config_change", weight = 5, kind = "event", category = ["process", "configuration"], type = "change",
        action = "changed-audit-configuration")]
    fn config_change(cx: &mut Cx) -> Event {
        let by_admin = !cx.shared.sessions.is_empty() && cx.rand.chance(0.7);
        let s = if by_admin {
            *cx.shared.sessions.get_random(cx.rand)
        } else {
            Login {
                host: *cx.samples.hosts.weighted_pick(),
                n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                pid: cx.rand.number.integer(300, 2000),
                ses: 4_294_967_295,
                user: User {
                    name: "root",
                    uid: "0",
                    gid: "0",
                    group: "root",
                    home: "/root",
                    weight: 1.0,
                },
                addr: "?",
                pts: 0,
                cmd: *cx.samples.sudo_commands.weighted_pick(),
            }
        };
        let h = s.host;
        let (op, key) = if by_admin {
            cx.rand.weighted_choice(
                [
                    ("add_rule", "identity"),
                    ("add_rule", "perm_mod"),
                    ("remove_rule", "access"),
                    ("add_rule", "privileged"),
                ],
                [4, 3, 2, 2],
            )
        } else {
            ("set", "")
        };
        let auid = if by_admin { s.user.uid } else { "4294967295" };
        let host = host_name(&h, s.n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + s.n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let se_type = if by_admin { "unconfined_t" } else { "auditd_t" };
        let subject = subj(h.selinux, &proc_context(se_type));
        let body = if by_admin {
            format!(
                "auid={} ses={}{} op={} key=\"{}\" list=4 res=1",
                auid, s.ses, subject, op, key
            )
        } else {
            format!(
                "op=set audit_pid={} old=0 auid=4294967295 ses=4294967295{} res=1",
                s.pid, subject
            )
        };
        let line = rec("CONFIG_CHANGE", &stamp, &body);
        ecs! {
            ..envelope(cx.params, &h, s.n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, "success", &line) },
            "auditd": {
                "data": { ..config_data(by_admin, s.pid), "op": op },
                "message_type": "config_change",
                "messages": [line],
                "result": "success",
                "session"?: if by_admin { Some(s.ses.to_string()) } else { None },
                "summary": {
                    "actor": { "primary": if by_admin { s.user.name } else { "unset" } },
                    "object": { "primary": op, "type": "audit-config" },
                },
                ..auditd_user(auid, s.user.name, h.selinux, se_type),
            },
            "related": { "user": [if by_admin { s.user.name } else { "root" }] },
        }
    }

    /// `auditd.data` of a `CONFIG_CHANGE` besides `op`.
    fn config_data(by_admin: bool, audit_pid: i64) -> Fragment {
        if by_admin {
            ecs! { "list": "4" }
        } else {
            ecs! { "audit_pid": audit_pid, "old": "0" }
        }
    }

    /// `AVC`: a confined service denied a file by `SELinux` (RHEL family) or
    /// `AppArmor` (Debian family), with the failing `openat`.
    #[event(
        name = "mac_denial",
        weight = 40,
        kind = "event",
        category = "file",
        type = "info"
    )]
    fn mac_denial(cx: &mut Cx) -> Event {
        let h = *cx.samples.hosts.weighted_pick();
        let n = cx.rand.number.integer(1, cx.params.hosts_per_group);
        let (comm, exe, uid, se_type, profile, tcontext, tclass, target, proctitle) = cx.rand.weighted_choice(
            [
                ("nginx", "/usr/sbin/nginx", "33", "httpd_t", "/usr/sbin/nginx", "user_home_t", "file", "/home/alice/public_html/index.html", "6E67696E783A20776F726B65722070726F63657373"),
                ("httpd", "/usr/sbin/httpd", "48", "httpd_t", "/usr/sbin/apache2", "var_lib_t", "file", "/var/lib/app/uploads/report.pdf", "2F7573722F7362696E2F6874747064002D44464F524547524F554E44"),
                ("postgres", "/usr/bin/postgres", "26", "postgresql_t", "/usr/lib/postgresql/bin/postgres", "tmp_t", "file", "/tmp/pg_dump.sql", "706F7374677265733A20636865636B706F696E746572"),
                ("php-fpm", "/usr/sbin/php-fpm", "33", "httpd_t", "/usr/sbin/php-fpm8.1", "shadow_t", "file", "/etc/shadow", "7068702D66706D3A20706F6F6C20777777"),
                ("conmon", "/usr/bin/conmon", "0", "container_runtime_t", "docker-default", "container_file_t", "dir", "/var/lib/containers/storage/overlay", "2F7573722F62696E2F636F6E6D6F6E002D62002F7661722F6C69622F636F6E7461696E657273"),
            ],
            [5, 2, 2, 1, 2],
        );
        let pid = cx.rand.number.integer(600, 99_999);
        let ppid = cx.rand.number.integer(1, pid - 1);
        let inode = cx.rand.number.integer(100_000, 9_999_999);
        let host = host_name(&h, n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let scontext = proc_context(se_type);
        let tctx = format!("system_u:object_r:{tcontext}:s0");
        let avc = if h.selinux {
            format!(
                "avc:  denied  {{ read }} for  pid={pid} comm=\"{comm}\" name=\"{target}\" dev=\"dm-0\" ino={inode} scontext={scontext} tcontext={tctx} tclass={tclass} permissive=0"
            )
        } else {
            format!(
                "apparmor=\"DENIED\" operation=\"open\" profile=\"{profile}\" name=\"{target}\" pid={pid} comm=\"{comm}\" requested_mask=\"r\" denied_mask=\"r\" fsuid={uid} ouid=0"
            )
        };
        let ids = syscall_ids("4294967295", uid, uid, uid, uid);
        let a1 = cx.rand.string.hex(12).to_lowercase();
        let l1 = rec("AVC", &stamp, &avc);
        let l2 = rec(
            "SYSCALL",
            &stamp,
            &syscall_body(
                257,
                -13,
                &format!("a0=ffffff9c a1={a1} a2=80000 a3=0"),
                0,
                ppid,
                pid,
                &ids,
                "(none)",
                4_294_967_295,
                comm,
                exe,
                &subj(h.selinux, &scontext),
                "(null)",
            ),
        );
        let l3 = rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"));
        let uname = uid_name(uid);
        let actor = if h.selinux {
            proc_context(se_type)
        } else {
            "unset".to_string()
        };
        let object = if h.selinux {
            format!("system_u:object_r:{tcontext}:s0")
        } else {
            "open".to_string()
        };
        ecs! {
            ..envelope(cx.params, &h, n, &iso_ms(cx.timestamp, &ms)),
            "event": {
                ..event_base(seq, "failure", &joined(3, &l1, &l2, &l3, "", "", "")),
                "action": if h.selinux { "violated-selinux-policy" } else { "violated-apparmor-policy" },
            },
            "auditd": {
                "data": {
                    ..if h.selinux { selinux_avc(&scontext, &tctx, tclass, target, inode) } else { apparmor_avc(profile, target, uid) },
                    "a0": "ffffff9c", "a1": a1, "a2": "80000", "a3": "0",
                    "arch": "x86_64",
                    "exit": -13,
                    "syscall": "openat",
                    "tty": "(none)",
                },
                "message_type": "avc",
                "messages": [l1, l2, l3],
                "result": "fail",
                "summary": {
                    "actor": { "primary": actor, "secondary": uname },
                    "how": exe,
                    "object": {
                        "primary": object,
                        "secondary": if h.selinux { tclass } else { "r" },
                        "type": if h.selinux { "file" } else { "policy" },
                    },
                },
                "user": { ..syscall_user(&h, "4294967295", "", uid, uname, uid, uname, se_type) },
            },
            "process": {
                "executable": exe,
                "name": comm,
                "parent": { "pid": ppid },
                "pid": pid,
            },
            "related": { "user": [uname] },
            "user": { "group": { "id": uid, "name": uname }, "id": uid, "name": uname },
        }
    }

    /// `auditd.data` of a `SELinux` AVC record.
    fn selinux_avc(scontext: &str, tcontext: &str, tclass: &str, name: &str, ino: i64) -> Fragment {
        ecs! {
            "ino": ino.to_string(),
            "name": name,
            "permissive": "0",
            "scontext": scontext,
            "seperms": "read",
            "seresult": "denied",
            "tclass": tclass,
            "tcontext": tcontext,
        }
    }

    /// `auditd.data` of an `AppArmor` AVC record.
    fn apparmor_avc(profile: &str, name: &str, fsuid: &str) -> Fragment {
        ecs! {
            "apparmor": "DENIED",
            "denied_mask": "r",
            "fsuid": fsuid,
            "name": name,
            "operation": "open",
            "profile": profile,
            "requested_mask": "r",
        }
    }

    /// `NETFILTER_CFG`: iptables rules replaced by kube-proxy, Docker or
    /// fail2ban (with the `setsockopt` that did it).
    #[event(name = "netfilter_cfg", weight = 12, kind = "event", category = ["configuration", "process"], type = ["change", "info"],
        action = "loaded-firewall-rule-to")]
    fn netfilter_cfg(cx: &mut Cx) -> Event {
        let h = *cx.samples.hosts.weighted_pick();
        let n = cx.rand.number.integer(1, cx.params.hosts_per_group);
        let (comm, exe, table, entries, title, proctitle) = cx.rand.weighted_choice(
            [
                ("iptables", "/usr/sbin/xtables-nft-multi", "nat", 42, "iptables -w 5 -W 100000 -N KUBE-KUBELET-CANARY -t nat",
                    "69707461626C6573002D770035002D5700313030303030002D4E004B5542452D4B5542454C45542D43414E415259002D74006E6174"),
                ("iptables", "/usr/sbin/xtables-nft-multi", "filter", 17, "/usr/sbin/xtables-nft-multi iptables -t filter -N DOCKER",
                    "2F7573722F7362696E2F787461626C65732D6E66742D6D756C74690069707461626C6573002D740066696C746572002D4E00444F434B4552"),
                ("iptables", "/usr/sbin/xtables-legacy-multi", "filter", 9, "/usr/sbin/iptables -w -I f2b-sshd 1 -s 203.0.113.7 -j REJECT",
                    "2F7573722F7362696E2F69707461626C6573002D77002D49006632622D737368640031002D73003230332E302E3131332E37002D6A0052454A454354"),
            ],
            [5, 2, 3],
        );
        let pid = cx.rand.number.integer(600, 99_999);
        let ppid = cx.rand.number.integer(1, pid - 1);
        let host = host_name(&h, n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let a3 = cx.rand.string.hex(12).to_lowercase();
        let ids = syscall_ids("4294967295", "0", "0", "0", "0");
        let l1 = rec(
            "NETFILTER_CFG",
            &stamp,
            &format!("table={table} family=2 entries={entries}"),
        );
        let l2 = rec(
            "SYSCALL",
            &stamp,
            &syscall_body(
                54,
                0,
                &format!("a0=4 a1=0 a2=40 a3={a3}"),
                0,
                ppid,
                pid,
                &ids,
                "(none)",
                4_294_967_295,
                comm,
                exe,
                &subj(h.selinux, &proc_context("iptables_t")),
                "(null)",
            ),
        );
        let l3 = rec("PROCTITLE", &stamp, &format!("proctitle={proctitle}"));
        ecs! {
            ..envelope(cx.params, &h, n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, "success", &joined(3, &l1, &l2, &l3, "", "", "")) },
            "auditd": {
                "data": {
                    "a0": "4", "a1": "0", "a2": "40", "a3": a3,
                    "arch": "x86_64",
                    "entries": entries,
                    "exit": 0,
                    "family": "2",
                    "syscall": "setsockopt",
                    "table": table,
                    "tty": "(none)",
                },
                "message_type": "netfilter_cfg",
                "messages": [l1, l2, l3],
                "result": "success",
                "summary": {
                    "actor": { "primary": "unset", "secondary": "root" },
                    "how": exe,
                    "object": { "primary": table, "type": "firewall" },
                },
                "user": { ..syscall_user(&h, "4294967295", "", "0", "root", "0", "root", "iptables_t") },
            },
            "process": {
                "executable": exe,
                "name": comm,
                "parent": { "pid": ppid },
                "pid": pid,
                "title": title,
            },
            "related": { "user": ["root"] },
            "user": { "group": { "id": "0", "name": "root" }, "id": "0", "name": "root" },
        }
    }

    /// `SOFTWARE_UPDATE`: an RPM package installed or updated by dnf (an
    /// administrator, or dnf-automatic). Only RPM writes this record, so on
    /// Debian-family hosts the pick falls through to another event type.
    #[event(
        name = "software_update",
        weight = 8,
        kind = "event",
        category = "package",
        type = "info",
        action = "package-updated"
    )]
    fn software_update(cx: &mut Cx) -> Event {
        let by_admin = !cx.shared.sessions.is_empty() && cx.rand.chance(0.5);
        let s = if by_admin {
            *cx.shared.sessions.get_random(cx.rand)
        } else {
            Login {
                host: *cx.samples.hosts.weighted_pick(),
                n: cx.rand.number.integer(1, cx.params.hosts_per_group),
                pid: cx.rand.number.integer(300, 99_999),
                ses: 4_294_967_295,
                user: User {
                    name: "root",
                    uid: "0",
                    gid: "0",
                    group: "root",
                    home: "/root",
                    weight: 1.0,
                },
                addr: "?",
                pts: 0,
                cmd: *cx.samples.sudo_commands.weighted_pick(),
            }
        };
        let h = s.host;
        let no_rpm = h.os_family != "redhat";
        if no_rpm {
            cx.dispatch.next()
        } else {
            let (sw, op) = cx.rand.weighted_choice(
                [
                    ("openssl-libs-1:3.0.7-27.el9.x86_64", "update"),
                    ("kernel-core-5.14.0-427.13.1.el9_4.x86_64", "install"),
                    ("nginx-1:1.20.1-14.el9_2.1.x86_64", "update"),
                    ("sudo-1.9.5p2-10.el9_3.x86_64", "update"),
                    ("tcpdump-14:4.99.0-9.el9.x86_64", "install"),
                    ("postgresql-server-13.14-1.el9_3.x86_64", "update"),
                ],
                [4, 2, 3, 2, 1, 2],
            );
            let auid = if by_admin { s.user.uid } else { "4294967295" };
            let pid = cx.rand.number.integer(1200, 99_999);
            let terminal = if by_admin {
                format!("pts/{}", s.pts)
            } else {
                "?".to_string()
            };
            let host = host_name(&h, s.n);
            let ms = pad3(cx.timestamp.microsecond() / 1000);
            let seq = cx.shared.seq.next(&host) + h.seq_base + s.n * 1_000_003;
            let stamp = audit_stamp(cx.timestamp, &ms, seq);
            let se_type = if by_admin { "unconfined_t" } else { "rpm_t" };
            let msg = format!(
                "op={op} sw=\"{sw}\" sw_type=rpm key_enforce=0 gpg_res=1 root_dir=\"/\" comm=\"dnf\" exe=\"/usr/bin/python3.9\" hostname=? addr=? terminal={terminal} res=success"
            );
            let line = rec(
                "SOFTWARE_UPDATE",
                &stamp,
                &user_body(
                    pid,
                    "0",
                    auid,
                    s.ses,
                    &subj(h.selinux, &proc_context(se_type)),
                    &msg,
                ),
            );
            ecs! {
                ..envelope(cx.params, &h, s.n, &iso_ms(cx.timestamp, &ms)),
                "event": { ..event_base(seq, "success", &line) },
                "auditd": {
                    "data": {
                        "gpg_res": "1",
                        "key_enforce": "0",
                        "op": op,
                        "root_dir": "/",
                        "sw": sw,
                        "sw_type": "rpm",
                        "terminal"?: if by_admin { Some(&terminal) } else { None },
                    },
                    "message_type": "software_update",
                    "messages": [line],
                    "result": "success",
                    "session"?: if by_admin { Some(s.ses.to_string()) } else { None },
                    "summary": {
                        "actor": { "primary": if by_admin { s.user.name } else { "unset" }, "secondary": "root" },
                        "how": "/usr/bin/python3.9",
                    },
                    ..auditd_user(auid, s.user.name, h.selinux, se_type),
                },
                "process": { "executable": "/usr/bin/python3.9", "name": "dnf", "pid": pid },
                "related": { ..related_users(if by_admin { s.user.name } else { "" }, "root") },
                "user": { "id": "0", "name": "root" },
            }
        }
    }

    /// Account management by an administrator through sudo: a password
    /// change, a user or group added, an account modified or deleted.
    #[event(name = "passwd_change", weight = 8, kind = "event", category = "iam", type = ["user", "change"], action = "changed-password",
        vars(rtype = "USER_CHAUTHTOK"))]
    #[event(name = "user_add", weight = 3, kind = "event", category = "iam", type = ["user", "creation"], action = "added-user-account",
        vars(rtype = "ADD_USER"))]
    #[event(name = "group_add", weight = 4, kind = "event", category = "iam", type = ["group", "creation"], action = "added-group-account-to",
        vars(rtype = "ADD_GROUP"))]
    #[event(name = "user_modify", weight = 6, kind = "event", category = "iam", type = ["user", "change"], action = "modified-user-account",
        vars(rtype = "USER_MGMT"))]
    #[event(name = "user_delete", weight = 2, kind = "event", category = "iam", type = ["user", "deletion"], action = "deleted-user-account",
        vars(rtype = "DEL_USER"))]
    fn account_mgmt(cx: &mut Cx) -> Event {
        if cx.shared.sessions.is_empty() {
            cx.dispatch.next()
        } else {
            let rtype = cx.vars.rtype;
            let s = *cx.shared.sessions.get_random(cx.rand);
            let h = s.host;
            let target = *cx.samples.users.weighted_pick();
            let (new_name, new_id) = cx.rand.weighted_choice(
                [
                    ("contractor1", "1104"),
                    ("svc-metrics", "1105"),
                    ("jdoe", "1106"),
                    ("temp-audit", "1107"),
                    ("build", "1108"),
                ],
                [3, 2, 2, 1, 2],
            );
            // passwd and usermod act on existing accounts; useradd,
            // groupadd and userdel on the new one.
            let existing = rtype == "USER_CHAUTHTOK" || rtype == "USER_MGMT";
            let (name, id) = if existing {
                (target.name, target.uid)
            } else {
                (new_name, new_id)
            };
            // groupadd and `usermod -c` log their op as words; go-libaudit
            // keeps the first one.
            let alt = cx.rand.chance(0.4);
            let (exe, op_raw, op) = if rtype == "USER_CHAUTHTOK" && alt {
                ("/usr/sbin/usermod", "changing comment", "changing")
            } else if rtype == "USER_CHAUTHTOK" {
                ("/usr/bin/passwd", "PAM:chauthtok", "PAM:chauthtok")
            } else if rtype == "ADD_USER" {
                ("/usr/sbin/useradd", "add-user", "add-user")
            } else if rtype == "ADD_GROUP" && alt {
                ("/usr/sbin/groupadd", "adding group to /etc/group", "adding")
            } else if rtype == "ADD_GROUP" {
                ("/usr/sbin/useradd", "add-group", "add-group")
            } else if rtype == "DEL_USER" {
                ("/usr/sbin/userdel", "delete-user", "delete-user")
            } else {
                let o = cx.rand.weighted_choice(
                    [
                        "changing-primary-group",
                        "updating-home-dir-owner",
                        "changing-uid",
                        "add-user-to-group",
                    ],
                    [3, 2, 1, 3],
                );
                ("/usr/sbin/usermod", o, o)
            };
            let short = host_name(&h, s.n);
            let with_acct = (rtype == "USER_CHAUTHTOK" || rtype == "ADD_GROUP") && !alt;
            let who = if with_acct {
                format!("acct=\"{name}\"")
            } else {
                format!("id={id}")
            };
            let addr = if rtype == "USER_MGMT" {
                "?"
            } else {
                "127.0.0.1"
            };
            let grant = if op == "PAM:chauthtok" {
                " grantors=pam_pwquality,pam_unix"
            } else {
                ""
            };
            let msg = format!(
                "op={op_raw}{grant} {who} exe=\"{exe}\" hostname={short} addr={addr} terminal=pts/{} res=success",
                s.pts
            );
            let pid = cx.rand.number.integer(1200, 99_999);
            let ms = pad3(cx.timestamp.microsecond() / 1000);
            let seq = cx.shared.seq.next(&short) + h.seq_base + s.n * 1_000_003;
            let stamp = audit_stamp(cx.timestamp, &ms, seq);
            let line = rec(
                rtype,
                &stamp,
                &user_body(
                    pid,
                    "0",
                    s.user.uid,
                    s.ses,
                    &subj(h.selinux, &proc_context("unconfined_t")),
                    &msg,
                ),
            );
            let session_object = rtype == "USER_CHAUTHTOK" || rtype == "USER_MGMT";
            ecs! {
                ..envelope(cx.params, &h, s.n, &iso_ms(cx.timestamp, &ms)),
                "event": {
                    ..event_base(seq, "success", &line),
                    "id"?: if with_acct { None } else { Some(id) },
                },
                "auditd": {
                    "data": {
                        "acct"?: if with_acct { Some(name) } else { None },
                        "addr"?: if addr == "?" { None } else { Some(addr) },
                        "grantors"?: if op == "PAM:chauthtok" { Some("pam_pwquality,pam_unix") } else { None },
                        "hostname": short,
                        "op": op,
                        "terminal": format!("pts/{}", s.pts),
                    },
                    "message_type": rtype.to_lowercase(),
                    "messages": [line],
                    "result": "success",
                    "session": s.ses.to_string(),
                    "summary": {
                        "actor": { "primary": s.user.name, "secondary": if session_object { name } else { "root" } },
                        "how": exe,
                        "object": {
                            "primary": if session_object { format!("pts/{}", s.pts) } else if with_acct { name.to_string() } else { id.to_string() },
                            "secondary"?: if session_object { Some(if addr == "?" { host_name(&h, s.n) } else { addr.to_string() }) } else { None },
                            "type": if session_object { "user-session" } else { "account" },
                        },
                    },
                    ..auditd_user(s.user.uid, s.user.name, h.selinux, "unconfined_t"),
                },
                ..account_target(rtype == "ADD_GROUP", name, id),
                "process": { "executable": exe, "pid": pid },
                "related": { ..related_users3(s.user.name, "root", name) },
                "user": {
                    "effective": { "id": "0", "name": "root" },
                    "id": s.user.uid,
                    "name": s.user.name,
                    ..target_user(rtype == "ADD_GROUP", name, id),
                },
            }
        }
    }

    /// `group.*` of an added group.
    fn account_target(is_group: bool, name: &str, id: &str) -> Fragment {
        if is_group {
            ecs! { "group": { "id": id, "name": name } }
        } else {
            ecs! {}
        }
    }

    /// `user.target` of a changed, added or deleted account.
    fn target_user(is_group: bool, name: &str, id: &str) -> Fragment {
        if is_group {
            ecs! {}
        } else {
            ecs! { "target": { "id": id, "name": name } }
        }
    }

    /// `USER_ROLE_CHANGE`: `su` switches an administrator's `SELinux` role.
    /// Only `SELinux` hosts write it; elsewhere the pick falls through.
    #[event(
        name = "role_change",
        weight = 10,
        kind = "event",
        action = "changed-role-to"
    )]
    fn role_change(cx: &mut Cx) -> Event {
        if cx.shared.sessions.is_empty() {
            cx.dispatch.next()
        } else {
            let s = *cx.shared.sessions.get_random(cx.rand);
            let h = s.host;
            let no_selinux = !h.selinux;
            if no_selinux {
                cx.dispatch.next()
            } else {
                let pid = cx.rand.number.integer(1200, 99_999);
                let host = host_name(&h, s.n);
                let ms = pad3(cx.timestamp.microsecond() / 1000);
                let seq = cx.shared.seq.next(&host) + h.seq_base + s.n * 1_000_003;
                let stamp = audit_stamp(cx.timestamp, &ms, seq);
                let selected = "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023";
                let terminal = format!("/dev/pts/{}", s.pts);
                let msg = format!(
                    "op=su acct=\"root\" exe=\"/usr/bin/su\" hostname=localhost addr=127.0.0.1 terminal={terminal} res=success selected-context={selected}"
                );
                let line = rec(
                    "USER_ROLE_CHANGE",
                    &stamp,
                    &user_body(
                        pid,
                        "0",
                        s.user.uid,
                        s.ses,
                        &subj(true, &proc_context("unconfined_t")),
                        &msg,
                    ),
                );
                ecs! {
                    ..envelope(cx.params, &h, s.n, &iso_ms(cx.timestamp, &ms)),
                    "event": { ..event_base(seq, "success", &line) },
                    "auditd": {
                        "data": {
                            "acct": "root",
                            "addr": "127.0.0.1",
                            "hostname": "localhost",
                            "op": "su",
                            "selected_context": selected,
                            "terminal": terminal,
                        },
                        "message_type": "user_role_change",
                        "messages": [line],
                        "result": "success",
                        "session": s.ses.to_string(),
                        "summary": {
                            "actor": { "primary": s.user.name, "secondary": "root" },
                            "how": "/usr/bin/su",
                            "object": { "primary": selected, "secondary": "127.0.0.1", "type": "user-session" },
                        },
                        ..auditd_user(s.user.uid, s.user.name, true, "unconfined_t"),
                    },
                    "process": { "executable": "/usr/bin/su", "pid": pid },
                    "related": { ..related_users(s.user.name, "root") },
                    "user": { "id": "0", "name": "root" },
                }
            }
        }
    }

    /// sshd's `CRYPTO_KEY_USER`: session keys created and destroyed around
    /// every SSH connection (Neo23x0's rules exclude it as noise).
    #[event(
        name = "crypto_key",
        weight = 220,
        kind = "event",
        category = "process",
        type = "info",
        action = "negotiated-crypto-key"
    )]
    fn crypto_key(cx: &mut Cx) -> Event {
        let h = *cx.samples.hosts.weighted_pick();
        let n = cx.rand.number.integer(1, cx.params.hosts_per_group);
        let scanner = cx.rand.chance(0.4);
        let addr = if scanner {
            cx.rand.network.ip_v4_public().to_string()
        } else {
            cx.samples.clients.weighted_pick().ip.to_string()
        };
        let op = cx.rand.weighted_choice(["destroy", "create"], [7, 3]);
        let pid = cx.rand.number.integer(1200, 99_999);
        let host = host_name(&h, n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let msg = format!(
            "op={op} kind=server fp={} direction=? spid={pid} suid=0  exe=\"/usr/sbin/sshd\" hostname=? addr={addr} terminal=? res=success",
            h.hostkey
        );
        let line = rec(
            "CRYPTO_KEY_USER",
            &stamp,
            &user_body(
                pid,
                "0",
                "4294967295",
                4_294_967_295,
                &subj(h.selinux, &proc_context("sshd_t")),
                &msg,
            ),
        );
        ecs! {
            ..envelope(cx.params, &h, n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, "success", &line) },
            "auditd": {
                "data": { "fp": h.hostkey, "kind": "server", "op": op, "spid": pid, "suid": "0" },
                "message_type": "crypto_key_user",
                "messages": [line],
                "result": "success",
                "summary": {
                    "actor": { "primary": "unset", "secondary": "root" },
                    "how": "/usr/sbin/sshd",
                    "object": { "primary": h.hostkey, "secondary": addr, "type": "user-session" },
                },
                ..auditd_user("4294967295", "", h.selinux, "sshd_t"),
            },
            ..ingress(true, &addr),
            "process": { "executable": "/usr/sbin/sshd", "pid": pid },
            "related": { "user": ["root"] },
            "user": { "id": "0", "name": "root" },
        }
    }

    /// `USER_ERR`: sshd gives up on a client that never identified itself
    /// (scanners).
    #[event(
        name = "ssh_user_err",
        weight = 30,
        kind = "event",
        category = "authentication",
        type = "info",
        action = "error"
    )]
    fn user_err(cx: &mut Cx) -> Event {
        let h = *cx.samples.hosts.weighted_pick();
        let n = cx.rand.number.integer(1, cx.params.hosts_per_group);
        let addr = cx.rand.network.ip_v4_public().to_string();
        let pid = cx.rand.number.integer(1200, 99_999);
        let host = host_name(&h, n);
        let ms = pad3(cx.timestamp.microsecond() / 1000);
        let seq = cx.shared.seq.next(&host) + h.seq_base + n * 1_000_003;
        let stamp = audit_stamp(cx.timestamp, &ms, seq);
        let msg = format!(
            "op=PAM:bad_ident grantors=? acct=\"?\" exe=\"/usr/sbin/sshd\" hostname={addr} addr={addr} terminal=ssh res=failed"
        );
        let line = rec(
            "USER_ERR",
            &stamp,
            &user_body(
                pid,
                "0",
                "4294967295",
                4_294_967_295,
                &subj(h.selinux, &proc_context("sshd_t")),
                &msg,
            ),
        );
        ecs! {
            ..envelope(cx.params, &h, n, &iso_ms(cx.timestamp, &ms)),
            "event": { ..event_base(seq, "failure", &line) },
            "auditd": {
                "data": { "acct": "?", "hostname": addr, "op": "PAM:bad_ident", "terminal": "ssh" },
                "message_type": "user_err",
                "messages": [line],
                "result": "fail",
                "summary": {
                    "actor": { "primary": "unset", "secondary": "?" },
                    "how": "/usr/sbin/sshd",
                    "object": { "primary": "ssh", "secondary": addr, "type": "user-session" },
                },
                ..auditd_user("4294967295", "", h.selinux, "sshd_t"),
            },
            ..ingress(true, &addr),
            "process": { "executable": "/usr/sbin/sshd", "pid": pid },
            "user": { "effective": { "name": "?" } },
        }
    }
}
