pub mod chain {
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
    /// The samples of this generator, with their per-worker random streams.
    pub struct Samples {}
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
    /// The `vars` of the event types rendered by `open`.
    #[doc(hidden)]
    #[allow(non_camel_case_types)]
    #[derive(Debug, Clone, Copy)]
    pub struct __EventumVars_open {}
    /// The `vars` of the event types rendered by `close`.
    #[doc(hidden)]
    #[allow(non_camel_case_types)]
    #[derive(Debug, Clone, Copy)]
    pub struct __EventumVars_close {}
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
    fn open(cx: &mut Cx<'_, __EventumVars_open>) -> __eventum::Event {
        {
            let __eventum_out: &mut ::std::vec::Vec<u8> = &mut *cx.__out;
            __eventum_out.extend_from_slice(b"{\"message\":\"open\"}");
            __eventum::Event::WRITTEN
        }
    }
    fn close(cx: &mut Cx<'_, __EventumVars_close>) -> __eventum::Event {
        {
            let __eventum_out: &mut ::std::vec::Vec<u8> = &mut *cx.__out;
            __eventum_out.extend_from_slice(b"{\"message\":\"close\"}");
            __eventum::Event::WRITTEN
        }
    }
    #[doc(hidden)]
    pub struct __EventumState {
        params: Params,
        samples: Samples,
        shared: Shared,
        locals: [Locals; 2usize],
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
                    static VARS: __EventumVars_open = __EventumVars_open {};
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
                    open(&mut cx)
                }
                1usize => {
                    static VARS: __EventumVars_close = __EventumVars_close {};
                    let mut cx = Cx {
                        timestamp: self.timestamp,
                        tags: &self.tags,
                        params: &self.params,
                        samples: &self.samples,
                        shared: &mut self.shared,
                        locals: &mut self.locals[1usize],
                        globals: &mut self.globals,
                        rand: &self.rand,
                        faker: &self.faker,
                        dispatch: __eventum::Dispatch,
                        vars: &VARS,
                        __out: out,
                        __meta: "",
                    };
                    close(&mut cx)
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
            let index = ["open", "close"].iter().position(|n| *n == event)?;
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
        let samples = Samples {};
        let shared = Shared::__eventum_new(&params);
        let globals = Globals::__eventum_new(&params);
        let locals: [Locals; 2usize] = ::core::array::from_fn(|_| Locals::__eventum_new(
            &params,
        ));
        let rng = master.fork(1);
        let picker = {
            static CHAIN: [u16; 3usize] = [0u16, 0u16, 1u16];
            __eventum::__private::Picker::chain(
                2usize,
                __eventum::__private::Cow::Borrowed(&CHAIN),
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
                picked: ::std::vec::Vec::with_capacity(2usize),
            }),
        )
    }
    /// What this generator is: events, weights, params, samples, state.
    pub static SPEC: __eventum::GeneratorSpec = __eventum::GeneratorSpec {
        name: "test-chain",
        title: "test-chain",
        description: "",
        mode: __eventum::Mode::Chain,
        ecs_version: "8.11.0",
        field_files: &[],
        events: &[
            __eventum::__private::EventSpec {
                name: "open",
                function: "open",
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
                        path: "message",
                        ecs_type: "",
                    },
                ],
            },
            __eventum::__private::EventSpec {
                name: "close",
                function: "close",
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
                        path: "message",
                        ecs_type: "",
                    },
                ],
            },
        ],
        chain: &["open", "open", "close"],
        params: &[],
        samples: &[],
        state: &[],
        export: ::core::option::Option::Some(&EXPORT),
    };
    /// The Eventum templates the event bodies were lowered to.
    pub static EXPORT: __eventum::__private::ExportSpec = __eventum::__private::ExportSpec {
        templates: &[
            __eventum::__private::TemplateFile {
                file: "open.json.jinja",
                text: "{\n    \"message\": \"open\"\n}\n",
            },
            __eventum::__private::TemplateFile {
                file: "close.json.jinja",
                text: "{\n    \"message\": \"close\"\n}\n",
            },
        ],
        base: "",
        aliases: &[
            __eventum::__private::AliasExport {
                template: "open.json.jinja",
                vars: &[],
            },
            __eventum::__private::AliasExport {
                template: "close.json.jinja",
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
