pub mod samples {
    #[doc(hidden)]
    #[allow(unused_imports)]
    use ::eventum_runtime as __eventum;
    #[allow(unused_imports)]
    use __eventum::prelude::*;
    /// This generator has no parameters.
    #[derive(Debug, Clone, Default)]
    pub struct Params {}
    impl Params {
        #[doc(hidden)]
        fn __eventum_apply(
            &mut self,
            values: &__eventum::__private::ParamValues,
        ) -> ::core::result::Result<(), __eventum::__private::InitError> {
            __eventum::__private::apply_params(
                values,
                &[],
                |_, _| ::core::result::Result::Ok(()),
            )
        }
    }
    /// Users, picked by weight.
    pub struct User {
        pub name: Str,
        pub uid: i64,
        pub weight: f64,
        pub admin: bool,
    }
    const _: &[u8] = ::core::include_bytes!(
        "$CARGO_MANIFEST_DIR/tests/fixtures/users.csv"
    );
    #[doc(hidden)]
    static __EVENTUM_ROWS_USERS: [User; 2usize] = [
        User {
            name: "alice",
            uid: 1000 as i64,
            weight: 5.0 as f64,
            admin: true,
        },
        User {
            name: "bob",
            uid: 1001 as i64,
            weight: 3.0 as f64,
            admin: false,
        },
    ];
    impl __eventum::__private::Row for User {
        const COLUMNS: &'static [&'static str] = &["name", "uid", "weight", "admin"];
        fn from_cells(
            cells: &[__eventum::__private::Value],
        ) -> ::core::result::Result<Self, ::std::string::String> {
            ::core::result::Result::Ok(Self {
                name: <Str as __eventum::__private::FromCell>::from_cell(
                        cells.get(0usize).unwrap_or(&__eventum::__private::Value::Null),
                    )
                    .map_err(|e| ::std::format!("column `{}`: {}", "name", e))?,
                uid: <i64 as __eventum::__private::FromCell>::from_cell(
                        cells.get(1usize).unwrap_or(&__eventum::__private::Value::Null),
                    )
                    .map_err(|e| ::std::format!("column `{}`: {}", "uid", e))?,
                weight: <f64 as __eventum::__private::FromCell>::from_cell(
                        cells.get(2usize).unwrap_or(&__eventum::__private::Value::Null),
                    )
                    .map_err(|e| ::std::format!("column `{}`: {}", "weight", e))?,
                admin: <bool as __eventum::__private::FromCell>::from_cell(
                        cells.get(3usize).unwrap_or(&__eventum::__private::Value::Null),
                    )
                    .map_err(|e| ::std::format!("column `{}`: {}", "admin", e))?,
            })
        }
        fn column(
            &self,
            name: &str,
        ) -> ::core::option::Option<__eventum::__private::CellRef<'_>> {
            match name {
                "name" => {
                    ::core::option::Option::Some(
                        __eventum::__private::Observe::observe(&self.name),
                    )
                }
                "uid" => {
                    ::core::option::Option::Some(
                        __eventum::__private::Observe::observe(&self.uid),
                    )
                }
                "weight" => {
                    ::core::option::Option::Some(
                        __eventum::__private::Observe::observe(&self.weight),
                    )
                }
                "admin" => {
                    ::core::option::Option::Some(
                        __eventum::__private::Observe::observe(&self.admin),
                    )
                }
                _ => ::core::option::Option::None,
            }
        }
    }
    /// Hosts.
    pub struct Host {
        pub name: Str,
        pub cores: i64,
    }
    const _: &[u8] = ::core::include_bytes!(
        "$CARGO_MANIFEST_DIR/tests/fixtures/hosts.json"
    );
    #[doc(hidden)]
    static __EVENTUM_ROWS_HOSTS: [Host; 2usize] = [
        Host {
            name: "web-01",
            cores: 8 as i64,
        },
        Host {
            name: "db-01",
            cores: 16 as i64,
        },
    ];
    impl __eventum::__private::Row for Host {
        const COLUMNS: &'static [&'static str] = &["name", "cores"];
        fn from_cells(
            cells: &[__eventum::__private::Value],
        ) -> ::core::result::Result<Self, ::std::string::String> {
            ::core::result::Result::Ok(Self {
                name: <Str as __eventum::__private::FromCell>::from_cell(
                        cells.get(0usize).unwrap_or(&__eventum::__private::Value::Null),
                    )
                    .map_err(|e| ::std::format!("column `{}`: {}", "name", e))?,
                cores: <i64 as __eventum::__private::FromCell>::from_cell(
                        cells.get(1usize).unwrap_or(&__eventum::__private::Value::Null),
                    )
                    .map_err(|e| ::std::format!("column `{}`: {}", "cores", e))?,
            })
        }
        fn column(
            &self,
            name: &str,
        ) -> ::core::option::Option<__eventum::__private::CellRef<'_>> {
            match name {
                "name" => {
                    ::core::option::Option::Some(
                        __eventum::__private::Observe::observe(&self.name),
                    )
                }
                "cores" => {
                    ::core::option::Option::Some(
                        __eventum::__private::Observe::observe(&self.cores),
                    )
                }
                _ => ::core::option::Option::None,
            }
        }
    }
    /// Exit codes.
    pub struct Code {
        pub _0: i64,
    }
    #[doc(hidden)]
    static __EVENTUM_ROWS_CODES: [Code; 3usize] = [
        Code { _0: 0 as i64 },
        Code { _0: 1 as i64 },
        Code { _0: 127 as i64 },
    ];
    impl __eventum::__private::Row for Code {
        const COLUMNS: &'static [&'static str] = &["_0"];
        fn from_cells(
            cells: &[__eventum::__private::Value],
        ) -> ::core::result::Result<Self, ::std::string::String> {
            ::core::result::Result::Ok(Self {
                _0: <i64 as __eventum::__private::FromCell>::from_cell(
                        cells.get(0usize).unwrap_or(&__eventum::__private::Value::Null),
                    )
                    .map_err(|e| ::std::format!("column `{}`: {}", "_0", e))?,
            })
        }
        fn column(
            &self,
            name: &str,
        ) -> ::core::option::Option<__eventum::__private::CellRef<'_>> {
            match name {
                "_0" => {
                    ::core::option::Option::Some(
                        __eventum::__private::Observe::observe(&self._0),
                    )
                }
                _ => ::core::option::Option::None,
            }
        }
    }
    /// The samples of this generator, with their per-worker random streams.
    pub struct Samples {
        #[doc = concat!("The `", "users", "` sample.")]
        pub users: __eventum::__private::Sample<User>,
        #[doc = concat!("The `", "hosts", "` sample.")]
        pub hosts: __eventum::__private::Sample<Host>,
        #[doc = concat!("The `", "codes", "` sample.")]
        pub codes: __eventum::__private::Sample<Code>,
    }
    /// This generator keeps no `shared` state.
    #[derive(Debug, Default)]
    pub struct Shared {}
    impl Shared {
        #[doc(hidden)]
        #[allow(unused_variables)]
        fn __eventum_new(params: &Params) -> Self {
            Self {}
        }
    }
    /// This generator keeps no `locals` state.
    #[derive(Debug, Default)]
    pub struct Locals {}
    impl Locals {
        #[doc(hidden)]
        #[allow(unused_variables)]
        fn __eventum_new(params: &Params) -> Self {
            Self {}
        }
    }
    /// This generator keeps no `globals` state.
    #[derive(Debug, Default)]
    pub struct Globals {}
    impl Globals {
        #[doc(hidden)]
        #[allow(unused_variables)]
        fn __eventum_new(params: &Params) -> Self {
            Self {}
        }
    }
    /// The `vars` of the event types rendered by `exec`.
    #[doc(hidden)]
    #[allow(non_camel_case_types)]
    #[derive(Debug, Clone, Copy)]
    pub struct __EventumVars_exec {}
    /// The template context of one event: Eventum's names, typed.
    pub struct Cx<'__a, __V = ()> {
        /// The event's timestamp (`timestamp`).
        pub timestamp: __eventum::Timestamp,
        /// Tags of the input that produced the timestamp (`tags`).
        pub tags: &'__a __eventum::Tags,
        /// Parameters (`params`).
        pub params: &'__a Params,
        /// Samples (`samples`).
        pub samples: &'__a Samples,
        /// State shared by every event type (`shared`).
        pub shared: &'__a mut Shared,
        /// State of this event type (`locals`).
        pub locals: &'__a mut Locals,
        /// Process-wide state (`globals`).
        pub globals: &'__a mut Globals,
        /// Random values (`module.rand`).
        pub rand: &'__a __eventum::Rand,
        /// Fake data (`module.faker`).
        pub faker: &'__a __eventum::Faker,
        /// Dispatch signals (`dispatch`).
        pub dispatch: __eventum::Dispatch,
        /// This event type's `vars`.
        pub vars: &'__a __V,
        #[doc(hidden)]
        pub __out: &'__a mut ::std::vec::Vec<u8>,
        #[doc(hidden)]
        pub __meta: &'static str,
    }
    fn exec(cx: &mut Cx<'_, __EventumVars_exec>) -> __eventum::Event {
        let user = cx.samples.users.weighted_pick();
        let host = cx.samples.hosts.pick();
        {
            match &user.name {
                __eventum_v0 => {
                    match &host.name {
                        __eventum_v1 => {
                            match &cx.samples.codes.pick()._0 {
                                __eventum_v2 => {
                                    let __eventum_out: &mut ::std::vec::Vec<u8> = &mut *cx
                                        .__out;
                                    __eventum_out.extend_from_slice(b"{\"user\":");
                                    __eventum::__private::WriteJson::write_json(
                                        __eventum_v0,
                                        __eventum_out,
                                    );
                                    __eventum_out.extend_from_slice(b",\"host\":");
                                    __eventum::__private::WriteJson::write_json(
                                        __eventum_v1,
                                        __eventum_out,
                                    );
                                    __eventum_out.extend_from_slice(b",\"code\":");
                                    __eventum::__private::WriteJson::write_json(
                                        __eventum_v2,
                                        __eventum_out,
                                    );
                                    __eventum_out.extend_from_slice(b"}");
                                    __eventum::Event::WRITTEN
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    #[doc(hidden)]
    pub struct __EventumState {
        params: Params,
        samples: Samples,
        shared: Shared,
        locals: [Locals; 1usize],
        globals: Globals,
        rand: __eventum::Rand,
        faker: __eventum::Faker,
        timestamp: __eventum::Timestamp,
        tags: __eventum::Tags,
        last: usize,
    }
    impl __eventum::__private::Render for __EventumState {
        fn render(
            &mut self,
            index: usize,
            out: &mut ::std::vec::Vec<u8>,
        ) -> __eventum::Event {
            self.last = index;
            match index {
                0usize => {
                    static VARS: __EventumVars_exec = __EventumVars_exec {};
                    let mut cx = Cx {
                        timestamp: self.timestamp,
                        tags: &self.tags,
                        params: &self.params,
                        samples: &self.samples,
                        shared: &mut self.shared,
                        locals: &mut self.locals[0usize],
                        globals: &mut self.globals,
                        rand: &self.rand,
                        faker: &self.faker,
                        dispatch: __eventum::Dispatch,
                        vars: &VARS,
                        __out: out,
                        __meta: "",
                    };
                    exec(&mut cx)
                }
                _ => __eventum::Dispatch.drop(),
            }
        }
    }
    #[doc(hidden)]
    pub struct __EventumGenerator {
        picker: __eventum::__private::Picker,
        state: __EventumState,
        picked: ::std::vec::Vec<usize>,
    }
    impl __eventum::Generator for __EventumGenerator {
        fn produce(
            &mut self,
            timestamp: __eventum::Timestamp,
            tags: &__eventum::Tags,
            out: &mut __eventum::EventBatch,
        ) -> __eventum::Produced {
            self.state.timestamp = timestamp;
            if !__eventum::__private::Arc::ptr_eq(&self.state.tags, tags) {
                self.state.tags = ::core::clone::Clone::clone(tags);
            }
            __eventum::__private::produce(
                &mut self.picker,
                &mut self.state,
                out,
                &mut self.picked,
            )
        }
        fn render(
            &mut self,
            event: &str,
            timestamp: __eventum::Timestamp,
            tags: &__eventum::Tags,
            out: &mut __eventum::EventBatch,
        ) -> ::core::option::Option<__eventum::Produced> {
            let index = ["exec"].iter().position(|n| *n == event)?;
            self.state.timestamp = timestamp;
            self.state.tags = ::core::clone::Clone::clone(tags);
            ::core::option::Option::Some(
                __eventum::__private::render_one(&mut self.state, index, out),
            )
        }
        fn last_picked(&self) -> &[usize] {
            &self.picked
        }
    }
    #[doc(hidden)]
    fn __eventum_create(
        init: &__eventum::__private::Init<'_>,
    ) -> ::core::result::Result<
        ::std::boxed::Box<dyn __eventum::Generator>,
        __eventum::__private::InitError,
    > {
        let master = __eventum::FastRng::from_seed(init.seed);
        let mut params = <Params as ::core::default::Default>::default();
        params.__eventum_apply(init.params)?;
        let samples = Samples {
            users: __eventum::__private::Sample::from_static(
                "users",
                &__EVENTUM_ROWS_USERS,
                ::core::option::Option::Some("weight"),
                master.fork(100u64),
            ),
            hosts: __eventum::__private::Sample::from_static(
                "hosts",
                &__EVENTUM_ROWS_HOSTS,
                ::core::option::Option::None,
                master.fork(101u64),
            ),
            codes: __eventum::__private::Sample::from_static(
                "codes",
                &__EVENTUM_ROWS_CODES,
                ::core::option::Option::None,
                master.fork(102u64),
            ),
        };
        let shared = Shared::__eventum_new(&params);
        let globals = Globals::__eventum_new(&params);
        let locals: [Locals; 1usize] = ::core::array::from_fn(|_| Locals::__eventum_new(
            &params,
        ));
        let rng = master.fork(1);
        let picker = {
            static PROB: [f64; 1usize] = [1f64];
            static ALIAS: [u32; 1usize] = [0u32];
            __eventum::__private::Picker::chance(
                __eventum::__private::AliasTable::from_static(&PROB, &ALIAS),
                rng,
            )
        };
        let state = __EventumState {
            rand: __eventum::Rand::new(&master.fork(2)),
            faker: __eventum::Faker::new(&master.fork(3)),
            params,
            samples,
            shared,
            locals,
            globals,
            timestamp: __eventum::Timestamp::from_utc_micros(0),
            tags: __eventum::__private::empty_tags(),
            last: 0,
        };
        ::core::result::Result::Ok(
            ::std::boxed::Box::new(__EventumGenerator {
                picker,
                state,
                picked: ::std::vec::Vec::with_capacity(1usize),
            }),
        )
    }
    /// What this generator is: events, weights, params, samples, state.
    pub static SPEC: __eventum::GeneratorSpec = __eventum::GeneratorSpec {
        name: "test-samples",
        title: "test-samples",
        description: "",
        mode: __eventum::Mode::Chance,
        ecs_version: "8.11.0",
        field_files: &[],
        events: &[
            __eventum::__private::EventSpec {
                name: "exec",
                function: "exec",
                doc: "",
                weight: 1f64,
                kind: ::core::option::Option::None,
                category: &[],
                types: &[],
                action: ::core::option::Option::None,
                initial: false,
                transitions: &[],
                vars: &[],
                fields: &[
                    __eventum::__private::FieldSpec {
                        path: "user",
                        ecs_type: "",
                    },
                    __eventum::__private::FieldSpec {
                        path: "host",
                        ecs_type: "",
                    },
                    __eventum::__private::FieldSpec {
                        path: "code",
                        ecs_type: "",
                    },
                ],
            },
        ],
        chain: &[],
        params: &[],
        samples: &[
            __eventum::__private::SampleSpec {
                name: "users",
                kind: "csv",
                source: "tests/fixtures/users.csv",
                columns: &["name", "uid", "weight", "admin"],
                weight: ::core::option::Option::Some("weight"),
                rows: 2usize,
                doc: "Users, picked by weight.",
                header: true,
                delimiter: ",",
                quotechar: "\"",
                items_json: "",
            },
            __eventum::__private::SampleSpec {
                name: "hosts",
                kind: "json",
                source: "tests/fixtures/hosts.json",
                columns: &["name", "cores"],
                weight: ::core::option::Option::None,
                rows: 2usize,
                doc: "Hosts.",
                header: false,
                delimiter: "",
                quotechar: "",
                items_json: "",
            },
            __eventum::__private::SampleSpec {
                name: "codes",
                kind: "items",
                source: "",
                columns: &["_0"],
                weight: ::core::option::Option::None,
                rows: 3usize,
                doc: "Exit codes.",
                header: false,
                delimiter: "",
                quotechar: "",
                items_json: "[0,1,127]",
            },
        ],
        state: &[],
        export: ::core::option::Option::Some(&EXPORT),
    };
    /// The Eventum templates the event bodies were lowered to.
    pub static EXPORT: __eventum::__private::ExportSpec = __eventum::__private::ExportSpec {
        templates: &[
            __eventum::__private::TemplateFile {
                file: "exec.json.jinja",
                text: "{%- set user = samples.users.weighted_pick('weight') -%}\n{%- set host = samples.hosts.pick() -%}\n{%- set _v1 = samples.codes.pick()[0] -%}\n{\n    \"user\": {{ user.name | tojson }},\n    \"host\": {{ host.name | tojson }},\n    \"code\": {{ _v1 | tojson }}\n}\n",
            },
        ],
        base: "",
        aliases: &[
            __eventum::__private::AliasExport {
                template: "exec.json.jinja",
                vars: &[],
            },
        ],
    };
    /// This generator, ready to run.
    pub static GENERATOR: __eventum::GeneratorEntry = __eventum::GeneratorEntry {
        spec: &SPEC,
        create: __eventum_create,
    };
}
